/*
 * libFuzzer harness for the CSV loader. The input is actors.csv, then
 * optionally a NUL byte and ties.csv. No crash, no leak, no hang; and
 * whatever loads must survive a CSV save and load unchanged: saving the
 * reloaded network gives the same text (what CSV cannot hold is already
 * gone after the first load).
 */
#include "netzwerk.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.default_start = 19723; /* 2024-01-01 */
    opts.max_actors = 10000;
    opts.max_ties = 10000;
    const uint8_t *nul = memchr(data, '\0', size);
    size_t alen = nul ? (size_t)(nul - data) : size;
    const uint8_t *ties = nul ? nul + 1 : NULL;
    size_t tlen = nul ? size - alen - 1 : 0;
    nw_network *net = NULL;
    if (nw_network_load_csv_buffer(&net, data, alen, ties, tlen, &opts) != NW_OK)
        return 0;
    char *a = NULL, *t = NULL, *a2 = NULL, *t2 = NULL;
    size_t al = 0, tl = 0, al2 = 0, tl2 = 0;
    nw_network *again = NULL;
    if (nw_network_save_csv_buffer(&a, &al, &t, &tl, net, NULL) != NW_OK
        || nw_network_load_csv_buffer(&again, a, al, t, tl, &opts) != NW_OK
        || nw_network_save_csv_buffer(&a2, &al2, &t2, &tl2, again, NULL) != NW_OK)
        abort();
    if (al != al2 || tl != tl2 || memcmp(a, a2, al) != 0 || memcmp(t, t2, tl) != 0)
        abort();
    nw_free(a);
    nw_free(t);
    nw_free(a2);
    nw_free(t2);
    nw_network_free(again);
    nw_network_free(net);
    return 0;
}
