/*
 * bench_netzwerk: time libnetzwerk against igraph's C library on the same
 * edge list, in the same run.
 *
 *   bench_netzwerk [options] EDGEFILE      edge list: "n m", then "u v" per line (0-based)
 *   bench_netzwerk [options] --generate N K
 *                                          a seeded Barabasi-Albert graph: N actors,
 *                                          K ties per new actor
 * options:
 *   --skip LIST    comma-separated measures to leave out (e.g. betweenness,closeness)
 *   --only LIB     netzwerk or igraph (default: both)
 *   --figures      also time netzwerk's network figures (path figures from 16 sources)
 *   --check        exit 1 unless both libraries agree on every measure's checksum
 *   --form X       the form of netzwerk's ties, A to D (default C Kontakt: the
 *                  plainest record; B and D also carry an agreement checklist)
 *
 * Each library runs in its own child process (fork), so that its peak
 * memory (getrusage maxrss of the child) is its own. Output: one line per
 * library and measure, "lib measure cpu_seconds checksum wall_seconds"
 * (times are CPU time of the process; both libraries are single-threaded),
 * then memory lines;
 * tests/bench/run_bench.py reads them and prints the comparison table.
 *
 * Measures: build (netzwerk: the model, actors with names and dated ties,
 * one call per actor and tie; igraph: igraph_create), build_bulk (netzwerk:
 * the same model through nw_network_reserve, one nw_actors_add and one
 * nw_ties_add; bulk_actors, bulk_ties: those calls alone), snapshot (netzwerk only: the CSR view the
 * measures read), degree, components, clustering (local, every actor),
 * betweenness (exact), closeness (harmonic), constraint, bridges.
 */
#define _DEFAULT_SOURCE /* fork, wait4, clock_gettime */

#include <netzwerk.h>

#include <igraph.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct edges {
    size_t n, m;
    uint32_t *u, *v;
} edges;

static const char *skip_list = "";
static const char *edge_file;     /* or: */
static size_t gen_n, gen_k;       /* --generate N K */
static char tie_form = 'C';       /* --form: C Kontakt, the plainest record */
static FILE *report; /* the child's end of the pipe */

static void die(const char *what)
{
    fprintf(stderr, "bench_netzwerk: %s\n", what);
    exit(2);
}

#define NW(call)                                                                   \
    do {                                                                           \
        int rc_ = (call);                                                          \
        if (rc_ != NW_OK) {                                                        \
            fprintf(stderr, "bench_netzwerk: %s: %s\n", #call, nw_errmsg());       \
            exit(2);                                                               \
        }                                                                          \
    } while (0)

/* CPU time of this process: both libraries run single-threaded, and CPU
 * time is far less disturbed than wall time by other load on the machine.
 * The wall time of each measure is reported beside it. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double wall_start;

static bool skipped(const char *measure)
{
    size_t len = strlen(measure);
    for (const char *p = skip_list; (p = strstr(p, measure)) != NULL; p += len)
        if ((p == skip_list || p[-1] == ',') && (p[len] == '\0' || p[len] == ','))
            return true;
    return false;
}

/* Report a measure timed from now() - seconds (and wall_start, set by START). */
static void result(const char *lib, const char *measure, double seconds, double checksum)
{
    fprintf(report, "%s %s %.6f %.10g %.6f\n", lib, measure, seconds, checksum, wall() - wall_start);
    fflush(report);
}

#define START() (wall_start = wall(), now())

/* Time `call` (CPU time); a measure under 50 ms runs up to MAX_RUNS times
 * (at most 0.25 s in all) and the fastest run counts, so that small graphs
 * give stable ratios: a measure of 30 us is mostly cache warm-up in its
 * first runs. run_bench.py does the same for NetworkX. */
#define MAX_RUNS 200
#define MEASURE(lib, name, call, checksum)                                         \
    do {                                                                           \
        if (skipped(name))                                                         \
            break;                                                                 \
        double best_ = 1e300, best_wall_ = 0.0, spent_ = 0.0;                      \
        for (int rep_ = 0; rep_ == 0 || (rep_ < MAX_RUNS && best_ < 0.05 && spent_ < 0.25); rep_++) { \
            double w0_ = wall(), t0_ = now();                                      \
            call;                                                                  \
            double cpu_ = now() - t0_;                                             \
            spent_ += cpu_;                                                        \
            if (cpu_ < best_) {                                                    \
                best_ = cpu_;                                                      \
                best_wall_ = wall() - w0_;                                         \
            }                                                                      \
        }                                                                          \
        fprintf(report, "%s %s %.6f %.10g %.6f\n", lib, name, best_, (double)(checksum), \
                best_wall_);                                                       \
        fflush(report);                                                            \
    } while (0)

/* ---- input ----------------------------------------------------------------------- */

static edges read_edges(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        die("cannot open the edge file");
    edges e = {0, 0, NULL, NULL};
    if (fscanf(f, "%zu %zu", &e.n, &e.m) != 2)
        die("edge file: no header");
    e.u = malloc(e.m * sizeof *e.u);
    e.v = malloc(e.m * sizeof *e.v);
    if (!e.u || !e.v)
        die("out of memory");
    for (size_t i = 0; i < e.m; i++)
        if (fscanf(f, "%u %u", &e.u[i], &e.v[i]) != 2 || e.u[i] >= e.n || e.v[i] >= e.n || e.u[i] == e.v[i])
            die("edge file: bad edge");
    fclose(f);
    return e;
}

/* Barabasi-Albert by preferential attachment (each new actor picks k
 * distinct targets with probability proportional to degree); xorshift64*. */
static uint64_t rng_state = 42;
static uint64_t rng(void)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}

static edges generate(size_t n, size_t k)
{
    if (n <= k || k == 0)
        die("--generate needs N > K > 0");
    edges e = {n, 0, NULL, NULL};
    size_t cap = n * k;
    e.u = malloc(cap * sizeof *e.u);
    e.v = malloc(cap * sizeof *e.v);
    uint32_t *ends = malloc(2 * cap * sizeof *ends); /* every edge end: degree-proportional */
    if (!e.u || !e.v || !ends)
        die("out of memory");
    size_t nends = 0;
    for (size_t v = 1; v <= k; v++) { /* a star to start */
        e.u[e.m] = 0;
        e.v[e.m++] = (uint32_t)v;
        ends[nends++] = 0;
        ends[nends++] = (uint32_t)v;
    }
    uint32_t picked[64];
    for (size_t v = k + 1; v < n; v++) {
        size_t got = 0;
        while (got < k && got < 64) {
            uint32_t t = ends[rng() % nends];
            bool dup = false;
            for (size_t i = 0; i < got; i++)
                dup |= picked[i] == t;
            if (!dup)
                picked[got++] = t;
        }
        for (size_t i = 0; i < got; i++) {
            e.u[e.m] = picked[i];
            e.v[e.m++] = (uint32_t)v;
            ends[nends++] = picked[i];
            ends[nends++] = (uint32_t)v;
        }
    }
    free(ends);
    return e;
}

/* ---- netzwerk ------------------------------------------------------------------------- */

/* A counting allocator: bytes live now and the peak since the last reset. */
typedef union block {
    max_align_t align;
    size_t size;
} block;
static size_t live_bytes, peak_bytes;

static void *count_malloc(size_t size, void *user)
{
    (void)user;
    block *b = malloc(sizeof *b + size);
    if (b == NULL)
        return NULL;
    b->size = size;
    live_bytes += size;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return b + 1;
}

static void *count_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    block *b = (block *)ptr - 1;
    size_t old = b->size;
    block *nb = realloc(b, sizeof *nb + size);
    if (nb == NULL)
        return NULL;
    nb->size = size;
    live_bytes = live_bytes - old + size;
    if (live_bytes > peak_bytes)
        peak_bytes = live_bytes;
    return nb + 1;
}

static void count_free(void *ptr, void *user)
{
    (void)user;
    block *b = (block *)ptr - 1;
    live_bytes -= b->size;
    free(b);
}

static double sum(const double *x, size_t n)
{
    double s = 0.0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            s += x[i];
    return s;
}

/* Best-of timing for steps that build something (the model, a snapshot,
 * igraph's graph): the caller frees the previous result before each run,
 * so that every run builds from scratch. Same rule as MEASURE, but at
 * least BUILD_RUNS runs: a single cold build of a million ties varied by
 * a third from run to run, in every library. */
#define BUILD_RUNS 3
typedef struct timer {
    int rep;
    double best, best_wall, spent, t0, w0;
} timer;
#define TIMER_INIT {0, 1e300, 0.0, 0.0, 0.0, 0.0}

static bool timer_again(const timer *tm)
{
    return tm->rep < BUILD_RUNS || (tm->rep < MAX_RUNS && tm->best < 0.05 && tm->spent < 0.25);
}

static void timer_start(timer *tm)
{
    tm->w0 = wall();
    tm->t0 = now();
}

static void timer_stop(timer *tm)
{
    double cpu = now() - tm->t0;
    tm->spent += cpu;
    if (cpu < tm->best) {
        tm->best = cpu;
        tm->best_wall = wall() - tm->w0;
    }
    tm->rep++;
}

static void timer_report(const timer *tm, const char *lib, const char *measure, double checksum)
{
    fprintf(report, "%s %s %.6f %.10g %.6f\n", lib, measure, tm->best, checksum, tm->best_wall);
    fflush(report);
}

/* The model one call at a time: a handle per actor, nw_tie_add per tie. */
static nw_network *load_per_call(const edges *e, nw_form form, nw_date start)
{
    nw_network *net;
    NW(nw_network_new(&net, "bench"));
    nw_actor **actors = malloc(e->n * sizeof *actors);
    if (actors == NULL)
        die("out of memory");
    for (size_t i = 0; i < e->n; i++) {
        char name[24];
        snprintf(name, sizeof name, "a%zu", i);
        NW(nw_actor_add(&actors[i], net, NW_ACTOR_PERSON, name));
    }
    for (size_t i = 0; i < e->m; i++) {
        nw_actor *pair[2] = {actors[e->u[i]], actors[e->v[i]]};
        NW(nw_tie_add(NULL, net, form, pair, 2, start));
    }
    for (size_t i = 0; i < e->n; i++)
        nw_actor_free(actors[i]);
    free(actors);
    return net;
}

/* The bulk load: nw_network_reserve, one nw_actors_add (named, no
 * handles), one nw_ties_add; their CPU times go to cpu[0] and cpu[1]. */
static nw_network *load_bulk(const edges *e, const char *const *names, const nw_id *pairs,
                             nw_form form, nw_date start, double cpu[2])
{
    nw_network *net;
    NW(nw_network_new(&net, "bench"));
    NW(nw_network_reserve(net, e->n, e->m));
    double t = now();
    NW(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, e->n));
    cpu[0] = now() - t;
    t = now();
    NW(nw_ties_add(NULL, net, form, pairs, e->m, start));
    cpu[1] = now() - t;
    return net;
}

/* Memory, counted exactly by the counting allocator, in a pass of its own
 * after the timed runs, so that those use the C library's allocator as
 * igraph does (the counting wrapper costs time of its own). */
static void measure_memory(const edges *e, const char *const *names, const nw_id *pairs,
                           nw_form form, nw_date start)
{
    nw_allocator alloc = {NW_ALLOCATOR_VERSION, count_malloc, count_realloc, count_free, NULL};
    NW(nw_set_allocator(&alloc));
    nw_network *net = load_per_call(e, form, start);
    size_t model_bytes = live_bytes;
    nw_network_free(net);
    double cpu[2];
    net = load_bulk(e, names, pairs, form, start, cpu);
    size_t bulk_bytes = live_bytes;
    nw_snapshot *s;
    size_t snap_bytes, wbytes;
    peak_bytes = live_bytes;
    NW(nw_snapshot_new(&s, net, start, NULL));
    size_t snap_peak = peak_bytes - bulk_bytes;
    NW(nw_snapshot_memory(&snap_bytes, s));
    nw_snapshot_free(s);
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.weighted = true;
    peak_bytes = live_bytes;
    NW(nw_snapshot_new(&s, net, start, &o));
    size_t wpeak = peak_bytes - bulk_bytes;
    NW(nw_snapshot_memory(&wbytes, s));
    nw_snapshot_free(s);
    nw_network_free(net);
    NW(nw_set_allocator(NULL));
    fprintf(report, "memory netzwerk model_bytes %zu\nmemory netzwerk bulk_model_bytes %zu\n"
                    "memory netzwerk snapshot_bytes %zu\nmemory netzwerk snapshot_build_peak_bytes %zu\n"
                    "memory netzwerk weighted_snapshot_bytes %zu\n"
                    "memory netzwerk weighted_snapshot_build_peak_bytes %zu\nmemory netzwerk ties %zu\n",
            model_bytes, bulk_bytes, snap_bytes, snap_peak, wbytes, wpeak, e->m);
}

static void run_netzwerk(const edges *e, bool figures)
{
    nw_date start;
    nw_form form;
    NW(nw_date_parse(&start, "2024-01-01"));
    NW(nw_form_from_letter(&form, tie_form));

    /* The bulk load first, on the fresh heap that igraph_create meets in
     * its own process (the loads one call at a time, timed last, leave
     * the C library's heap fragmented). The names and the pair list are
     * the input, like igraph's edge vector, and made outside the timing
     * as that is. */
    nw_network *net = NULL;
    timer tm;
    nw_id *pairs = malloc(2 * e->m * sizeof *pairs);
    char **names = malloc(e->n * sizeof *names), *text = malloc(e->n * 24);
    if (pairs == NULL || names == NULL || text == NULL)
        die("out of memory");
    for (size_t i = 0; i < e->m; i++) {
        pairs[2 * i] = e->u[i] + 1; /* actor identities start at 1 */
        pairs[2 * i + 1] = e->v[i] + 1;
    }
    for (size_t i = 0; i < e->n; i++) {
        names[i] = text + 24 * i;
        snprintf(names[i], 24, "a%zu", i);
    }
    double cpu[2], best_actors = 1e300, best_ties = 1e300;
    tm = (timer)TIMER_INIT;
    while (timer_again(&tm)) {
        nw_network_free(net);
        timer_start(&tm);
        net = load_bulk(e, (const char *const *)names, pairs, form, start, cpu);
        timer_stop(&tm);
        if (cpu[0] < best_actors)
            best_actors = cpu[0];
        if (cpu[1] < best_ties)
            best_ties = cpu[1];
    }
    timer_report(&tm, "netzwerk", "build_bulk", (double)e->m);
    fprintf(report, "netzwerk bulk_actors %.6f %.10g %.6f\n", best_actors, (double)e->n, best_actors);
    fprintf(report, "netzwerk bulk_ties %.6f %.10g %.6f\n", best_ties, (double)e->m, best_ties);

    /* The snapshot, then a weighted one (pair weights = tie strengths). */
    nw_snapshot *s = NULL, *ws = NULL;
    tm = (timer)TIMER_INIT;
    while (timer_again(&tm)) {
        nw_snapshot_free(s);
        timer_start(&tm);
        NW(nw_snapshot_new(&s, net, start, NULL));
        timer_stop(&tm);
    }
    size_t n, m;
    NW(nw_snapshot_actor_count(&n, s));
    NW(nw_snapshot_pair_count(&m, s));
    timer_report(&tm, "netzwerk", "snapshot", (double)m);
    nw_snapshot_options wo = NW_SNAPSHOT_OPTIONS_INIT;
    wo.weighted = true;
    tm = (timer)TIMER_INIT;
    while (timer_again(&tm)) {
        nw_snapshot_free(ws);
        timer_start(&tm);
        NW(nw_snapshot_new(&ws, net, start, &wo));
        timer_stop(&tm);
    }
    timer_report(&tm, "netzwerk", "snapshot_weighted", (double)m);
    nw_snapshot_free(ws);

    double *x = malloc(n * sizeof *x);
    size_t *c = malloc(n * sizeof *c);
    if (!x || !c)
        die("out of memory");
    /* Outputs are touched before timing, in both libraries. */
    memset(x, 0, n * sizeof *x);
    memset(c, 0, n * sizeof *c);
    size_t count = 0;
    nw_bridge *br = NULL;
    MEASURE("netzwerk", "degree", NW(nw_snapshot_degree(x, n, s)), sum(x, n));
    MEASURE("netzwerk", "components", NW(nw_snapshot_components(c, n, &count, s)), count);
    MEASURE("netzwerk", "clustering", NW(nw_snapshot_local_clustering(x, n, s)), sum(x, n));
    MEASURE("netzwerk", "betweenness", NW(nw_snapshot_betweenness(x, n, s)), sum(x, n));
    MEASURE("netzwerk", "closeness", NW(nw_snapshot_harmonic_closeness(x, n, s)), sum(x, n));
    MEASURE("netzwerk", "constraint", NW(nw_snapshot_structural_holes(x, NULL, NULL, n, s)), sum(x, n));
    MEASURE("netzwerk", "bridges", { nw_free(br); NW(nw_snapshot_bridges(&br, &count, s, false)); }, count);
    nw_free(br);
    MEASURE("netzwerk", "coreness", NW(nw_snapshot_core_number(x, n, s)), sum(x, n));
    if (figures) {
        /* Path figures from 16 sources on big graphs: all-pairs is O(n m). */
        nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
        o.path_sources = 16;
        nw_snapshot *s16;
        NW(nw_snapshot_new(&s16, net, start, &o));
        nw_figures *f;
        double t = START();
        NW(nw_snapshot_figures(&f, s16));
        result("netzwerk", "figures", now() - t, (double)f->components);
        fprintf(report, "figures components %zu largest %zu density %.6g transitivity %.6g "
                        "clustering_mean %.6g path_mean~ %.4f diameter>= %zu max_core %zu\n",
                f->components, f->largest_component, f->density, f->transitivity, f->clustering_mean,
                f->path_mean, f->diameter, f->max_core);
        nw_free(f);
        nw_snapshot_free(s16);
    }
    free(x);
    free(c);
    nw_snapshot_free(s);
    nw_network_free(net);

    /* The model one call at a time: a handle per actor, nw_tie_add per tie. */
    net = NULL;
    tm = (timer)TIMER_INIT;
    while (timer_again(&tm)) {
        nw_network_free(net);
        timer_start(&tm);
        net = load_per_call(e, form, start);
        timer_stop(&tm);
    }
    timer_report(&tm, "netzwerk", "build", (double)e->m);
    nw_network_free(net);
    measure_memory(e, (const char *const *)names, pairs, form, start);
    free(pairs);
    free(names);
    free(text);
}

/* ---- igraph ------------------------------------------------------------------------------ */

static double isum(const igraph_vector_t *v)
{
    double s = 0.0;
    for (igraph_integer_t i = 0; i < igraph_vector_size(v); i++)
        if (!isnan(VECTOR(*v)[i]))
            s += VECTOR(*v)[i];
    return s;
}

static double isum_int(const igraph_vector_int_t *v)
{
    double s = 0.0;
    for (igraph_integer_t i = 0; i < igraph_vector_int_size(v); i++)
        s += (double)VECTOR(*v)[i];
    return s;
}

static void run_igraph(const edges *e)
{
    igraph_vector_int_t list;
    igraph_vector_int_init(&list, (igraph_integer_t)(2 * e->m));
    for (size_t i = 0; i < e->m; i++) {
        VECTOR(list)[2 * i] = e->u[i];
        VECTOR(list)[2 * i + 1] = e->v[i];
    }
    igraph_t g;
    timer tm = TIMER_INIT;
    while (timer_again(&tm)) {
        if (tm.rep > 0)
            igraph_destroy(&g);
        timer_start(&tm);
        igraph_create(&g, &list, (igraph_integer_t)e->n, IGRAPH_UNDIRECTED);
        timer_stop(&tm);
    }
    timer_report(&tm, "igraph", "build", (double)igraph_ecount(&g));
    igraph_vector_int_destroy(&list);

    igraph_vector_t x;
    igraph_vector_int_t iv, sizes;
    igraph_vector_init(&x, (igraph_integer_t)e->n);
    igraph_vector_int_init(&iv, (igraph_integer_t)e->n);
    igraph_vector_int_init(&sizes, 0);
    igraph_integer_t count;
    MEASURE("igraph", "degree", igraph_degree(&g, &iv, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS),
            isum_int(&iv));
    MEASURE("igraph", "components", igraph_connected_components(&g, &iv, &sizes, &count, IGRAPH_WEAK),
            count);
    MEASURE("igraph", "clustering",
            igraph_transitivity_local_undirected(&g, &x, igraph_vss_all(), IGRAPH_TRANSITIVITY_ZERO),
            isum(&x));
    MEASURE("igraph", "betweenness", igraph_betweenness(&g, &x, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL),
            isum(&x));
    MEASURE("igraph", "closeness",
            igraph_harmonic_centrality(&g, &x, igraph_vss_all(), IGRAPH_ALL, NULL, false), isum(&x));
    MEASURE("igraph", "constraint", igraph_constraint(&g, &x, igraph_vss_all(), NULL), isum(&x));
    MEASURE("igraph", "bridges", igraph_bridges(&g, &iv), igraph_vector_int_size(&iv));
    MEASURE("igraph", "coreness", igraph_coreness(&g, &iv, IGRAPH_ALL), isum_int(&iv));
    igraph_vector_destroy(&x);
    igraph_vector_int_destroy(&iv);
    igraph_vector_int_destroy(&sizes);
    igraph_destroy(&g);
}

/* ---- running each library in a child ------------------------------------------------------ */

typedef struct line {
    char lib[16], measure[32];
    double seconds, checksum;
} line;

/* Run one library in a child; echo its lines; collect timings for --check. */
static size_t run_child(const char *lib, bool figures, line *lines, size_t max)
{
    int fd[2];
    if (pipe(fd) != 0)
        die("pipe failed");
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        die("fork failed");
    if (pid == 0) {
        close(fd[0]);
        report = fdopen(fd[1], "w");
        /* Each child reads the graph itself: its peak memory is its own. */
        edges e = edge_file ? read_edges(edge_file) : generate(gen_n, gen_k);
        fprintf(report, "size %s n %zu m %zu\n", lib, e.n, e.m);
        if (strcmp(lib, "netzwerk") == 0)
            run_netzwerk(&e, figures);
        else
            run_igraph(&e);
        free(e.u);
        free(e.v);
        fclose(report);
        _exit(0);
    }
    close(fd[1]);
    FILE *in = fdopen(fd[0], "r");
    char buf[512];
    size_t k = 0;
    while (fgets(buf, sizeof buf, in)) {
        fputs(buf, stdout);
        if (k < max && sscanf(buf, "%15s %31s %lf %lf", lines[k].lib, lines[k].measure, &lines[k].seconds,
                              &lines[k].checksum) == 4 &&
            strcmp(lines[k].lib, lib) == 0)
            k++;
    }
    fclose(in);
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        die("a child failed");
    printf("memory %s peak_rss_kb %ld\n", lib, ru.ru_maxrss);
    return k;
}

int main(int argc, char **argv)
{
    const char *only = NULL, *file = NULL;
    bool figures = false, check = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--skip") == 0 && i + 1 < argc)
            skip_list = argv[++i];
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--figures") == 0)
            figures = true;
        else if (strcmp(argv[i], "--check") == 0)
            check = true;
        else if (strcmp(argv[i], "--form") == 0 && i + 1 < argc)
            tie_form = argv[++i][0];
        else if (strcmp(argv[i], "--generate") == 0 && i + 2 < argc) {
            gen_n = strtoul(argv[++i], NULL, 10);
            gen_k = strtoul(argv[++i], NULL, 10);
        } else if (argv[i][0] != '-' && file == NULL)
            file = argv[i];
        else
            die("usage: bench_netzwerk [--skip LIST] [--only LIB] [--figures] [--check] [--form X] "
                "(EDGEFILE | --generate N K)");
    }
    if ((file == NULL) == (gen_n == 0))
        die("give an edge file or --generate N K");
    edge_file = file;
    printf("graph %s\n", file ? file : "generated");

    line a[32], b[32];
    size_t na = 0, nb = 0;
    if (only == NULL || strcmp(only, "netzwerk") == 0)
        na = run_child("netzwerk", figures, a, 32);
    if (only == NULL || strcmp(only, "igraph") == 0)
        nb = run_child("igraph", false, b, 32);

    int disagree = 0;
    for (size_t i = 0; i < na; i++) {
        for (size_t j = 0; j < nb; j++) {
            if (strcmp(a[i].measure, b[j].measure) != 0 || strcmp(a[i].measure, "snapshot") == 0)
                continue;
            double d = fabs(a[i].checksum - b[j].checksum);
            bool ok = d <= 1e-6 * fmax(1.0, fabs(b[j].checksum));
            printf("agree %s %s netzwerk %.10g igraph %.10g\n", a[i].measure, ok ? "yes" : "NO",
                   a[i].checksum, b[j].checksum);
            disagree += !ok;
        }
    }
    return check && (disagree || na == 0 || nb == 0) ? 1 : 0;
}
