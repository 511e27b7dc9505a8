/*
 * io_bench: save and load a network of 100,000 actors and 1,000,000 ties
 * in each format, and parse the native file with bare cJSON, so that our
 * overhead above the parser shows. Prints a Markdown table.
 *
 *   io_bench [ACTORS TIES]      (default 100000 1000000)
 *
 * Deterministic: the same network every run (a fixed linear congruential
 * generator picks the members). Times are CPU seconds of the process.
 */
#define _POSIX_C_SOURCE 200809L

#include "netzwerk.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* CPU time of the process: the machine may be busy with other work, and
 * everything here runs in one thread. */
static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void check(int rc, const char *what)
{
    if (rc != NW_OK) {
        fprintf(stderr, "io_bench: %s: %s\n", what, nw_errmsg());
        exit(1);
    }
}

static uint64_t lcg = 42;
static uint32_t next_random(void)
{
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(lcg >> 33);
}

static nw_network *build(size_t nactors, size_t nties)
{
    nw_network *net = NULL;
    check(nw_network_new(&net, "Benchmark"), "new");
    check(nw_network_topic_add(net, "Verkehr"), "topic");
    nw_actor **actors = calloc(nactors, sizeof *actors);
    char text[64];
    for (size_t i = 0; i < nactors; i++) {
        snprintf(text, sizeof text, "Akteur %zu", i + 1);
        check(nw_actor_add(&actors[i], net, (nw_actor_kind)(i % 3), text), "actor");
        snprintf(text, sizeof text, "a%zu@example.org", i + 1);
        check(nw_actor_contact_add(actors[i], NW_CHANNEL_EMAIL, text), "contact");
        check(nw_actor_interest_add(actors[i], i % 2 ? "Verkehr" : "Spielplätze"), "interest");
        check(nw_actor_set_joined(actors[i], (nw_date)(19000 + i % 1000)), "joined");
    }
    for (size_t i = 0; i < nties; i++) {
        size_t a = next_random() % nactors, b = next_random() % nactors;
        if (a == b)
            b = (b + 1) % nactors;
        nw_actor *m[2] = { actors[a], actors[b] };
        nw_tie *t = NULL;
        check(nw_tie_add(i % 10 == 0 ? &t : NULL, net, (nw_form)(i % 4), m, 2,
                         (nw_date)(19000 + i % 700)), "tie");
        if (t != NULL) {
            check(nw_tie_interaction_add(t, (nw_date)(19800 + i % 50), NW_INTERACTION_MEETING,
                                         "Treffen"), "interaction");
            nw_tie_free(t);
        }
    }
    for (size_t i = 0; i < nactors; i++)
        nw_actor_free(actors[i]);
    free(actors);
    return net;
}

typedef struct row {
    const char *format;
    size_t bytes;
    double save, load;
} row;

static double mbps(size_t bytes, double s)
{
    return (double)bytes / 1e6 / s;
}

int main(int argc, char **argv)
{
    size_t nactors = argc > 2 ? strtoul(argv[1], NULL, 10) : 100000;
    size_t nties = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000000;
    double t0 = now();
    nw_network *net = build(nactors, nties);
    fprintf(stderr, "built %zu actors, %zu ties in %.2f s\n", nactors, nties, now() - t0);

    row rows[3];
    char *native = NULL;
    size_t native_len = 0;
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    lo.default_start = 19000;
    for (int f = 0; f < 3; f++) {
        nw_save_options so = NW_SAVE_OPTIONS_INIT;
        char *text = NULL, *ties = NULL;
        size_t len = 0, tlen = 0;
        nw_network *copy = NULL;
        double s0 = now();
        if (f == 2) {
            check(nw_network_save_csv_buffer(&text, &len, &ties, &tlen, net, &so), "save csv");
        } else {
            so.format = f == 0 ? NW_FORMAT_NATIVE : NW_FORMAT_GRAPHML;
            check(nw_network_save_buffer(&text, &len, net, &so), "save");
        }
        double s1 = now();
        lo.format = f == 1 ? NW_FORMAT_GRAPHML : NW_FORMAT_NATIVE;
        /* Best of 2: the first run also pays for fresh pages from the system. */
        double load = 1e9;
        for (int r = 0; r < 2; r++) {
            double l0 = now();
            if (f == 2)
                check(nw_network_load_csv_buffer(&copy, text, len, ties, tlen, &lo), "load csv");
            else
                check(nw_network_load_buffer(&copy, text, len, &lo), "load");
            double l1 = now();
            if (l1 - l0 < load)
                load = l1 - l0;
            nw_network_free(copy);
        }
        rows[f].format = f == 0 ? "native JSON" : f == 1 ? "GraphML" : "CSV (actors + ties)";
        rows[f].bytes = len + tlen;
        rows[f].save = s1 - s0;
        rows[f].load = load;
        if (f == 0)
            native = text, native_len = len;
        else
            nw_free(text);
        nw_free(ties);
    }

    /* The bare parser on the same native file: parse and free, best of 3. */
    double bare = 1e9;
    for (int r = 0; r < 3; r++) {
        double s0 = now();
        cJSON *root = cJSON_ParseWithLength(native, native_len);
        if (root == NULL) {
            fprintf(stderr, "io_bench: cJSON cannot parse the native file\n");
            return 1;
        }
        cJSON_Delete(root);
        double s = now() - s0;
        if (s < bare)
            bare = s;
    }
    nw_free(native);

    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("%zu actors, %zu ties (every tenth with one interaction)\n\n", nactors, nties);
    printf("| format | size (MB) | save (s) | save (MB/s) | load (s) | load (MB/s) |\n");
    printf("|---|---:|---:|---:|---:|---:|\n");
    for (int f = 0; f < 3; f++)
        printf("| %s | %.1f | %.2f | %.0f | %.2f | %.0f |\n", rows[f].format, rows[f].bytes / 1e6,
               rows[f].save, mbps(rows[f].bytes, rows[f].save), rows[f].load,
               mbps(rows[f].bytes, rows[f].load));
    printf("| bare cJSON parse + free of the native file | %.1f | | | %.2f | %.0f |\n",
           rows[0].bytes / 1e6, bare, mbps(rows[0].bytes, bare));
    printf("\nnative load / bare parse speed: %.2f (target >= 0.5)\npeak RSS: %ld MB\n",
           bare / rows[0].load, ru.ru_maxrss / 1024);
    nw_network_free(net);
    return 0;
}
