/*
 * libFuzzer harness for the native JSON loader. Besides "no crash, no leak,
 * no hang" it checks a property: whatever loads saves, loads again, and the
 * second save has the same bytes as the first.
 */
#include "netzwerk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.format = NW_FORMAT_NATIVE;
    opts.max_actors = 10000;
    opts.max_ties = 10000;
    nw_network *net = NULL;
    if (nw_network_load_buffer(&net, data, size, &opts) != NW_OK)
        return 0;
    char *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    nw_network *again = NULL;
    if (nw_network_save_buffer(&a, &alen, net, NULL) != NW_OK
        || nw_network_load_buffer(&again, a, alen, &opts) != NW_OK
        || nw_network_save_buffer(&b, &blen, again, NULL) != NW_OK || alen != blen
        || memcmp(a, b, alen) != 0)
        abort();
    nw_free(a);
    nw_free(b);
    nw_network_free(again);
    nw_network_free(net);
    return 0;
}
