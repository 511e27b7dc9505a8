/*
 * libFuzzer harness for the GraphML loader: no crash, no leak, no hang; and
 * whatever loads must survive a native save and load.
 */
#include "netzwerk.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.format = NW_FORMAT_GRAPHML;
    opts.default_start = 19723; /* 2024-01-01 */
    opts.max_actors = 10000;
    opts.max_ties = 10000;
    opts.max_items = 1000;
    nw_network *net = NULL;
    if (nw_network_load_buffer(&net, data, size, &opts) != NW_OK)
        return 0;
    char *text = NULL;
    size_t len = 0;
    nw_network *again = NULL;
    nw_load_options native = NW_LOAD_OPTIONS_INIT;
    if (nw_network_save_buffer(&text, &len, net, NULL) != NW_OK
        || nw_network_load_buffer(&again, text, len, &native) != NW_OK)
        abort();
    nw_free(text);
    nw_network_free(again);
    nw_network_free(net);
    return 0;
}
