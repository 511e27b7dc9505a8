/*
 * io_tool: the file functions of libnetzwerk on the command line, for the
 * interop and limit tests (the Python scripts beside it).
 *
 *   io_tool convert IN OUT [options]     load IN, save OUT
 *   io_tool expect-error IN CODE TEXT [options]
 *                                        loading IN must fail with CODE
 *                                        (e.g. NW_ELIMIT) and a message
 *                                        containing TEXT
 *
 * IN and OUT are file paths (format by extension: .graphml/.xml GraphML,
 * else native) or "csv:ACTORS[:TIES]" for a CSV pair.
 * Options: --default-start YYYY-MM-DD, --name NAME, --sep ';', --bom,
 *          --max-actors N, --max-ties N, --max-items N, --max-depth N,
 *          --max-bytes N.
 *
 * The library allocates through a counting allocator (nw_set_allocator):
 * when the tool is done, every block must be freed again, and a failed load
 * must have left the network pointer as it was (io.h: "Untouched on
 * failure") -- loading leaves nothing behind. Either breach fails the run.
 */
#include "netzwerk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The counting allocator: blocks the library holds now. */
static long live_blocks;

static void *count_malloc(size_t size, void *user)
{
    (void)user;
    void *p = malloc(size);
    if (p != NULL)
        live_blocks++;
    return p;
}

static void *count_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size); /* one block before and after (or ptr intact) */
}

static void count_free(void *ptr, void *user)
{
    (void)user;
    if (ptr != NULL)
        live_blocks--;
    free(ptr);
}

/* Every block of the library must be freed; then the C library's allocator
 * can come back (nw_set_allocator refuses while the library holds memory). */
static int all_freed(const char *what)
{
    if (live_blocks != 0) {
        fprintf(stderr, "io_tool: %s: %ld block(s) of the library still allocated\n", what,
                live_blocks);
        return 0;
    }
    if (nw_set_allocator(NULL) != NW_OK) {
        fprintf(stderr, "io_tool: %s: the library still holds memory: %s\n", what, nw_errmsg());
        return 0;
    }
    return 1;
}

static const char *const code_names[] = {
    "NW_OK", "NW_ERROR", "NW_EINVAL", "NW_ENOTFOUND", "NW_EEXISTS", "NW_ESTALE",
    "NW_EFORMAT", "NW_EIO", "NW_ENOMEM", "NW_ELIMIT", "NW_EBUSY",
};

static const char *code_name(int rc)
{
    return rc <= 0 && rc >= -10 ? code_names[-rc] : "?";
}

/* Split "csv:a[:t]" into its paths (in place); false for a plain path. */
static bool csv_paths(char *spec, char **actors, char **ties)
{
    if (strncmp(spec, "csv:", 4) != 0)
        return false;
    *actors = spec + 4;
    char *colon = strchr(*actors, ':');
    *ties = NULL;
    if (colon != NULL) {
        *colon = '\0';
        *ties = colon + 1;
    }
    return true;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: io_tool convert IN OUT [options] | expect-error IN CODE TEXT [options]\n");
        return 2;
    }
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_NO_SYNC;
    bool expect = strcmp(argv[1], "expect-error") == 0;
    int first_opt = expect ? 5 : 4;
    for (int i = first_opt; i < argc; i++) {
        const char *o = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : "";
        if (strcmp(o, "--bom") == 0) {
            so.flags |= NW_SAVE_CSV_BOM;
            continue;
        }
        i++;
        if (strcmp(o, "--default-start") == 0 && nw_date_parse(&lo.default_start, v) == NW_OK)
            continue;
        if (strcmp(o, "--name") == 0)
            lo.name = v;
        else if (strcmp(o, "--sep") == 0)
            so.csv_separator = lo.csv_separator = v[0];
        else if (strcmp(o, "--max-actors") == 0)
            lo.max_actors = strtoul(v, NULL, 10);
        else if (strcmp(o, "--max-ties") == 0)
            lo.max_ties = strtoul(v, NULL, 10);
        else if (strcmp(o, "--max-items") == 0)
            lo.max_items = strtoul(v, NULL, 10);
        else if (strcmp(o, "--max-depth") == 0)
            lo.max_depth = (unsigned)strtoul(v, NULL, 10);
        else if (strcmp(o, "--max-bytes") == 0)
            lo.max_bytes = strtoul(v, NULL, 10);
        else {
            fprintf(stderr, "io_tool: bad option %s %s\n", o, v);
            return 2;
        }
    }

    nw_allocator counting = NW_ALLOCATOR_INIT;
    counting.malloc_fn = count_malloc;
    counting.realloc_fn = count_realloc;
    counting.free_fn = count_free;
    if (nw_set_allocator(&counting) != NW_OK) {
        fprintf(stderr, "io_tool: nw_set_allocator: %s\n", nw_errmsg());
        return 2;
    }

    /* A value the library has no reason to write on failure: any write
     * shows, NULL included. */
    static char untouched_mark;
    nw_network *const untouched = (nw_network *)(void *)&untouched_mark;
    nw_network *net = untouched;
    char *a, *t;
    int rc = csv_paths(argv[2], &a, &t) ? nw_network_load_csv(&net, a, t, &lo)
                                         : nw_network_load(&net, argv[2], &lo);
    if (expect) {
        if (rc == NW_OK) {
            fprintf(stderr, "io_tool: %s loaded, expected %s\n", argv[2], argv[3]);
            nw_network_free(net);
            return 1;
        }
        if (strcmp(code_name(rc), argv[3]) != 0 || strstr(nw_errmsg(), argv[4]) == NULL) {
            fprintf(stderr, "io_tool: %s: got %s \"%s\", expected %s \"...%s...\"\n", argv[2],
                    code_name(rc), nw_errmsg(), argv[3], argv[4]);
            return 1;
        }
        if (net != untouched) {
            fprintf(stderr, "io_tool: %s: the failed load wrote %p to its output\n", argv[2],
                    (void *)net);
            return 1;
        }
        printf("%s: %s %s\n", argv[2], code_name(rc), nw_errmsg());
        return all_freed(argv[2]) ? 0 : 1;
    }
    if (strcmp(argv[1], "convert") != 0) {
        fprintf(stderr, "io_tool: unknown command %s\n", argv[1]);
        return 2;
    }
    if (rc != NW_OK) {
        fprintf(stderr, "io_tool: loading %s: %s: %s\n", argv[2], code_name(rc), nw_errmsg());
        return 1;
    }
    rc = csv_paths(argv[3], &a, &t) ? nw_network_save_csv(net, a, t, &so)
                                     : nw_network_save(net, argv[3], &so);
    if (rc != NW_OK)
        fprintf(stderr, "io_tool: saving %s: %s: %s\n", argv[3], code_name(rc), nw_errmsg());
    nw_network_free(net);
    if (!all_freed(argv[2]))
        return 1;
    return rc == NW_OK ? 0 : 1;
}
