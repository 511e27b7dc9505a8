/*
 * Cross-check: load each network written by make_reference.py into
 * libnetzwerk, take a snapshot as of its date and compare every measure
 * with the values igraph and NetworkX computed on the same graph.
 *
 *   test_reference DIR        (DIR holds graphs.txt, <name>.net, <name>.ref)
 *
 * Prints one line per graph, measure and source with the largest deviation;
 * exits 1 if any value differs by more than a relative 1e-9 (absolute 1e-12
 * near zero), if a set of pairs differs, or if a reference names a measure
 * this program does not know (so that script and test stay in step).
 */
#define _POSIX_C_SOURCE 200809L /* strtok_r */

#include <netzwerk.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REL_TOL 1e-9
#define ABS_TOL 1e-12
#define LINE_MAX_LEN (1 << 22)

static int failures;

#define CHECK(call)                                                                  \
    do {                                                                             \
        int rc_ = (call);                                                            \
        if (rc_ != NW_OK) {                                                          \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call, nw_errmsg()); \
            exit(2);                                                                 \
        }                                                                            \
    } while (0)

static void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    return p;
}

/* ---- loading a .net file ----------------------------------------------------- */

typedef struct loaded {
    nw_network *net;
    nw_snapshot *snap;
    size_t n, m;
} loaded;

static nw_form form_of(char letter)
{
    nw_form f;
    CHECK(nw_form_from_letter(&f, letter));
    return f;
}

static loaded load(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        exit(2);
    }
    loaded l = {NULL, NULL, 0, 0};
    CHECK(nw_network_new(&l.net, "reference"));
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    nw_date as_of = NW_DATE_NONE;
    nw_actor **actors = NULL;
    size_t nactors = 0, cap = 0;
    char *line = xmalloc(LINE_MAX_LEN);
    while (fgets(line, LINE_MAX_LEN, f)) {
        char *save = NULL, *word = strtok_r(line, " \n", &save);
        if (word == NULL || word[0] == '#')
            continue;
        if (strcmp(word, "as_of") == 0) {
            CHECK(nw_date_parse(&as_of, strtok_r(NULL, " \n", &save)));
        } else if (strcmp(word, "weighted") == 0) {
            o.weighted = atoi(strtok_r(NULL, " \n", &save)) != 0;
        } else if (strcmp(word, "bases") == 0) {
            /* Weight of a pair = base of its form (the other terms off). */
            for (int i = 0; i < NW_FORM_COUNT; i++)
                o.form[i].base = strtod(strtok_r(NULL, " \n", &save), NULL);
            o.weight_base = 1.0;
            o.weight_age = o.weight_tending = o.weight_recency = 0.0;
        } else if (strcmp(word, "actor") == 0) {
            const char *kind = strtok_r(NULL, " \n", &save), *name = strtok_r(NULL, " \n", &save);
            nw_actor_kind k = kind[0] == 'P' ? NW_ACTOR_PERSON : kind[0] == 'G' ? NW_ACTOR_GROUP
                                                                                : NW_ACTOR_ORGANISATION;
            if (nactors == cap) {
                cap = cap ? 2 * cap : 64;
                nw_actor **grown = realloc(actors, cap * sizeof *actors);
                if (grown == NULL)
                    exit(2);
                actors = grown;
            }
            CHECK(nw_actor_add(&actors[nactors++], l.net, k, name));
        } else if (strcmp(word, "tie") == 0) {
            nw_form form = form_of(strtok_r(NULL, " \n", &save)[0]);
            nw_date start, end = NW_DATE_NONE;
            CHECK(nw_date_parse(&start, strtok_r(NULL, " \n", &save)));
            const char *e = strtok_r(NULL, " \n", &save);
            if (strcmp(e, "-") != 0)
                CHECK(nw_date_parse(&end, e));
            nw_actor *members[64];
            size_t k = 0;
            for (char *m; (m = strtok_r(NULL, " \n", &save)) != NULL && k < 64;)
                members[k++] = actors[strtoul(m, NULL, 10)];
            nw_tie *t;
            CHECK(nw_tie_add(&t, l.net, form, members, k, start));
            if (end != NW_DATE_NONE)
                CHECK(nw_tie_set_end(t, end));
            nw_tie_free(t);
        } else {
            fprintf(stderr, "%s: unknown line '%s'\n", path, word);
            exit(2);
        }
    }
    free(line);
    fclose(f);
    for (size_t i = 0; i < nactors; i++)
        nw_actor_free(actors[i]);
    free(actors);
    CHECK(nw_snapshot_new(&l.snap, l.net, as_of, &o));
    CHECK(nw_snapshot_actor_count(&l.n, l.snap));
    CHECK(nw_snapshot_pair_count(&l.m, l.snap));
    return l;
}

/* ---- netzwerk's values ----------------------------------------------------------- */

/* The per-vertex measure called `name`, into out (n values of its len);
 * false if unknown. */
static bool vertex_measure(double *out, size_t len, const char *name, const loaded *l)
{
    static const struct {
        const char *name;
        int (*fn)(double *, size_t, const nw_snapshot *);
    } table[] = {
        {"degree", nw_snapshot_degree},
        {"weighted_degree", nw_snapshot_weighted_degree},
        {"betweenness", nw_snapshot_betweenness},
        {"harmonic_closeness", nw_snapshot_harmonic_closeness},
        {"two_step_reach", nw_snapshot_two_step_reach},
        {"reach_efficiency", nw_snapshot_reach_efficiency},
        {"local_clustering", nw_snapshot_local_clustering},
        {"core_number", nw_snapshot_core_number},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        if (strcmp(name, table[i].name) == 0) {
            CHECK(table[i].fn(out, len, l->snap));
            return true;
        }
    }
    if (strcmp(name, "constraint") == 0) {
        CHECK(nw_snapshot_structural_holes(out, NULL, NULL, len, l->snap));
    } else if (strcmp(name, "effective_size") == 0) {
        CHECK(nw_snapshot_structural_holes(NULL, out, NULL, len, l->snap));
    } else if (strcmp(name, "efficiency") == 0) {
        CHECK(nw_snapshot_structural_holes(NULL, NULL, out, len, l->snap));
    } else if (strcmp(name, "component") == 0) {
        size_t *c = xmalloc(l->n * sizeof *c);
        CHECK(nw_snapshot_components(c, l->n, NULL, l->snap));
        for (size_t v = 0; v < l->n; v++)
            out[v] = (double)c[v];
        free(c);
    } else {
        return false;
    }
    return true;
}

/* Pairs (as vertex pairs u < v, then a third value for spans) of a set;
 * returns the number of values written to out (3 per span, 2 per pair; it
 * has room for len), or -1 if the set is unknown. */
static long pair_set(double *out, size_t len, const char *name, const loaded *l)
{
    long k = 0;
    if (strcmp(name, "bridges") == 0 || strcmp(name, "local_bridges") == 0) {
        bool local = name[0] == 'l';
        nw_bridge *br;
        size_t count;
        CHECK(nw_snapshot_bridges(&br, &count, l->snap, local));
        for (size_t i = 0; i < count; i++) {
            nw_pair_info p;
            CHECK(nw_snapshot_pair(&p, l->snap, br[i].pair));
            out[k++] = (double)p.va;
            out[k++] = (double)p.vb;
            if (local)
                out[k++] = br[i].span == NW_SPAN_INFINITE ? -1.0 : (double)br[i].span;
        }
        nw_free(br);
        return k;
    }
    if (strcmp(name, "pairs") == 0 || strcmp(name, "strong_pairs") == 0) {
        for (size_t e = 0; e < l->m; e++) {
            nw_pair_info p;
            CHECK(nw_snapshot_pair(&p, l->snap, e));
            if (name[0] == 's' && !p.strong)
                continue;
            out[k++] = (double)p.va;
            out[k++] = (double)p.vb;
        }
        return k;
    }
    if (strcmp(name, "overlap") == 0) {
        CHECK(nw_snapshot_overlap(out, len, l->snap));
        return (long)l->m;
    }
    return -1;
}

static bool figure(double *out, const char *name, const nw_figures *f)
{
    for (size_t i = 0; i < nw_figures_field_count(); i++) {
        const char *n;
        CHECK(nw_figures_field(&n, out, f, i));
        if (strcmp(n, name) == 0)
            return true;
    }
    return false;
}

/* ---- comparing --------------------------------------------------------------------- */

static bool same(double got, double want)
{
    if (isnan(got) || isnan(want))
        return isnan(got) && isnan(want);
    double diff = fabs(got - want);
    return diff <= ABS_TOL || diff <= REL_TOL * fmax(fabs(got), fabs(want));
}

/* Compare count values; report the largest deviation. */
static void compare(const char *graph, const char *kind, const char *measure, const char *source,
                    const double *got, const double *want, size_t count, size_t want_count)
{
    double max_abs = 0.0, max_rel = 0.0;
    size_t bad = 0, first_bad = 0;
    if (count != want_count) {
        printf("FAIL  %-26s %-20s %-9s netzwerk has %zu values, reference %zu\n", graph, measure,
               source, count, want_count);
        failures++;
        return;
    }
    for (size_t i = 0; i < count; i++) {
        if (!same(got[i], want[i])) {
            if (bad++ == 0)
                first_bad = i;
        }
        if (isnan(got[i]) || isnan(want[i]))
            continue;
        double d = fabs(got[i] - want[i]);
        double scale = fmax(fabs(got[i]), fabs(want[i]));
        if (d > max_abs)
            max_abs = d;
        if (scale > 0 && d / scale > max_rel)
            max_rel = d / scale;
    }
    printf("%-5s %-26s %-20s %-9s %7s %6zu values  max abs %.2e  max rel %.2e\n", bad ? "FAIL" : "ok",
           graph, measure, source, kind, count, max_abs, max_rel);
    if (bad) {
        failures++;
        printf("      %zu differ; first at %zu: netzwerk %.17g, %s %.17g\n", bad, first_bad,
               got[first_bad], source, want[first_bad]);
    }
}

static void check_graph(const char *dir, const char *graph)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.net", dir, graph);
    loaded l = load(path);
    nw_figures *fig;
    CHECK(nw_snapshot_figures(&fig, l.snap));
    snprintf(path, sizeof path, "%s/%s.ref", dir, graph);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        exit(2);
    }
    size_t cap = 3 * (l.n + l.m) + 16;
    double *got = xmalloc(cap * sizeof *got), *want = xmalloc(cap * sizeof *want);
    char *line = xmalloc(LINE_MAX_LEN);
    while (fgets(line, LINE_MAX_LEN, f)) {
        char *save = NULL, *kind = strtok_r(line, " \n", &save);
        if (kind == NULL || kind[0] == '#')
            continue;
        if (strcmp(kind, "n") == 0 || strcmp(kind, "m") == 0) {
            size_t value = strtoul(strtok_r(NULL, " \n", &save), NULL, 10);
            if (value != (kind[0] == 'n' ? l.n : l.m)) {
                printf("FAIL  %-26s %s: netzwerk %zu, reference %zu\n", graph, kind,
                       kind[0] == 'n' ? l.n : l.m, value);
                failures++;
            }
            continue;
        }
        const char *measure = strtok_r(NULL, " \n", &save), *source = strtok_r(NULL, " \n", &save);
        size_t nwant = 0;
        for (char *x; (x = strtok_r(NULL, " \n", &save)) != NULL && nwant < cap;)
            want[nwant++] = strtod(x, NULL);
        size_t ngot;
        bool known = true;
        if (strcmp(kind, "vec") == 0) {
            known = vertex_measure(got, cap, measure, &l);
            ngot = l.n;
        } else if (strcmp(kind, "scalar") == 0) {
            known = figure(got, measure, fig);
            ngot = 1;
        } else {
            long k = pair_set(got, cap, measure, &l);
            known = k >= 0;
            ngot = (size_t)(k < 0 ? 0 : k);
        }
        if (!known) {
            printf("FAIL  %-26s unknown measure %s %s\n", graph, kind, measure);
            failures++;
            continue;
        }
        compare(graph, kind, measure, source, got, want, ngot, nwant);
    }
    free(line);
    free(got);
    free(want);
    fclose(f);
    nw_free(fig);
    nw_snapshot_free(l.snap);
    nw_network_free(l.net);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    char path[4096], graph[256];
    snprintf(path, sizeof path, "%s/graphs.txt", argv[1]);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        perror(path);
        return 2;
    }
    int graphs = 0;
    while (fscanf(f, "%255s", graph) == 1) {
        check_graph(argv[1], graph);
        graphs++;
    }
    fclose(f);
    if (graphs == 0) {
        fprintf(stderr, "%s lists no graphs\n", path);
        return 2;
    }
    printf("%d graphs, %d failed comparisons\n", graphs, failures);
    return failures ? 1 : 0;
}
