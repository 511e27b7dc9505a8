/*
 * Centrality: degree, betweenness (Brandes 2001), harmonic closeness, 2-step
 * reach and reach efficiency; the lists of stars, isolates and brokers.
 *
 * Betweenness and closeness run one shortest-path search per source over
 * the CSR rows, with work arrays allocated once and reset only where the
 * search went. Unweighted searches are breadth-first; weighted ones are
 * Dijkstra's with an indexed binary heap, the length of a pair being
 * 1 / weight. The dependency accumulation sums over successors (w with
 * dist[w] = dist[v] + len(v, w)) in reverse search order, so that each
 * vertex's dependency is written once; unweighted, the search records the
 * successors as it goes (at most one entry per pair), weighted they are
 * found again by testing the distances.
 */
#include "analysis_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NONE UINT32_MAX

/* ---- degree ------------------------------------------------------------------- */

int nw_snapshot_degree(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    for (size_t v = 0; v < snap->n; v++)
        out[v] = (double)nw_snap_degree(snap, v);
    return NW_OK;
}

int nw_snapshot_weighted_degree(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    for (size_t v = 0; v < snap->n; v++) {
        if (snap->w == NULL) {
            out[v] = (double)nw_snap_degree(snap, v);
            continue;
        }
        double sum = 0.0;
        for (size_t i = snap->off[v]; i < snap->off[v + 1]; i++)
            sum += snap->w[i];
        out[v] = sum;
    }
    return NW_OK;
}

/* ---- shortest-path work space ----------------------------------------------------- */

typedef struct paths {
    const nw_snapshot *s;
    uint32_t *order;   /* vertices in the order they were settled */
    size_t reached;    /* how many of them */
    double *sigma;     /* shortest paths from the source */
    double *coef;      /* (1 + delta) / sigma, for the accumulation */
    uint32_t *succ;    /* unweighted: successors in the search DAG, by search order */
    size_t *sbeg;      /* unweighted: order[i]'s successors are succ[sbeg[i] .. sbeg[i+1]) */
    int32_t *hops;     /* unweighted: distance, -1 = not reached */
    double *dist;      /* weighted: distance, INFINITY = not reached */
    double *len;       /* weighted: 1 / weight per slot; INFINITY for weight 0 */
    uint32_t *heap;    /* weighted: binary heap of vertices by dist */
    uint32_t *hpos;    /* weighted: position in the heap, NONE = not in it */
} paths;

static void paths_free(paths *p)
{
    nw_mem_free(p->order);
    nw_mem_free(p->sigma);
    nw_mem_free(p->coef);
    nw_mem_free(p->succ);
    nw_mem_free(p->sbeg);
    nw_mem_free(p->hops);
    nw_mem_free(p->dist);
    nw_mem_free(p->len);
    nw_mem_free(p->heap);
    nw_mem_free(p->hpos);
}

/* want_sigma: betweenness needs path counts; closeness does not. */
static int paths_init(paths *p, const nw_snapshot *s, bool want_sigma)
{
    size_t n = s->n ? s->n : 1, slots = s->m ? 2 * s->m : 1;
    *p = (paths){.s = s};
    p->order = nw_mem_alloc(n * sizeof *p->order);
    if (want_sigma) {
        p->sigma = nw_mem_alloc(n * sizeof *p->sigma);
        p->coef = nw_mem_alloc(n * sizeof *p->coef);
        if (s->w == NULL) {
            /* Each pair is a DAG edge at most once (from the nearer end). */
            p->succ = nw_mem_alloc((s->m ? s->m : 1) * sizeof *p->succ);
            p->sbeg = nw_mem_alloc((n + 1) * sizeof *p->sbeg);
        }
    }
    if (s->w == NULL) {
        p->hops = nw_mem_alloc(n * sizeof *p->hops);
    } else {
        p->dist = nw_mem_alloc(n * sizeof *p->dist);
        p->len = nw_mem_alloc(slots * sizeof *p->len);
        p->heap = nw_mem_alloc(n * sizeof *p->heap);
        p->hpos = nw_mem_alloc(n * sizeof *p->hpos);
    }
    if (!p->order || (want_sigma && (!p->sigma || !p->coef || (s->w == NULL && (!p->succ || !p->sbeg)))) ||
        (s->w == NULL ? !p->hops : (!p->dist || !p->len || !p->heap || !p->hpos))) {
        paths_free(p);
        return NW_ENOMEM;
    }
    for (size_t v = 0; v < s->n; v++) {
        if (p->hops)
            p->hops[v] = -1;
        if (p->dist) {
            p->dist[v] = INFINITY;
            p->hpos[v] = NONE;
        }
    }
    if (p->len)
        for (size_t i = 0; i < 2 * s->m; i++)
            p->len[i] = s->w[i] > 0.0 ? 1.0 / s->w[i] : INFINITY;
    return NW_OK;
}

/* Forget the last search (only where it went). */
static void paths_reset(paths *p)
{
    for (size_t i = 0; i < p->reached; i++) {
        uint32_t v = p->order[i];
        if (p->hops)
            p->hops[v] = -1;
        else
            p->dist[v] = INFINITY;
    }
    p->reached = 0;
}

/* Breadth-first search from src counting shortest paths, and recording
 * each vertex's successors (w with hops[w] = hops[v] + 1) in search order for
 * the accumulation. */
static void bfs(paths *p, uint32_t src)
{
    const nw_snapshot *s = p->s;
    int32_t *hops = p->hops;
    double *sigma = p->sigma;
    uint32_t *order = p->order, *succ = p->succ;
    size_t head = 0, tail = 0, k = 0;
    hops[src] = 0;
    sigma[src] = 1.0;
    order[tail++] = src;
    while (head < tail) {
        uint32_t v = order[head];
        p->sbeg[head++] = k;
        int32_t next = hops[v] + 1;
        double sv = sigma[v];
        for (const uint32_t *nb = s->adj + s->off[v], *end = s->adj + s->off[v + 1]; nb < end; nb++) {
            uint32_t w = *nb;
            int32_t h = hops[w];
            if (h < 0) {
                hops[w] = next;
                sigma[w] = sv;
                order[tail++] = w;
                succ[k++] = w;
            } else if (h == next) {
                sigma[w] += sv;
                succ[k++] = w;
            }
        }
    }
    p->sbeg[head] = k;
    p->reached = tail;
}

/* Lengths within a relative 1e-10 are equal (as in igraph), so that sums of
 * 1/weight taken along different paths compare as equal. */
static bool same_length(double a, double b)
{
    return fabs(a - b) <= 1e-10 * fmax(fabs(a), fabs(b));
}

static void heap_up(paths *p, size_t i)
{
    uint32_t *heap = p->heap, *hpos = p->hpos, v = heap[i];
    double d = p->dist[v];
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (p->dist[heap[parent]] <= d)
            break;
        heap[i] = heap[parent];
        hpos[heap[i]] = (uint32_t)i;
        i = parent;
    }
    heap[i] = v;
    hpos[v] = (uint32_t)i;
}

static void heap_down(paths *p, size_t i, size_t size)
{
    uint32_t *heap = p->heap, *hpos = p->hpos, v = heap[i];
    double d = p->dist[v];
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= size)
            break;
        if (c + 1 < size && p->dist[heap[c + 1]] < p->dist[heap[c]])
            c++;
        if (p->dist[heap[c]] >= d)
            break;
        heap[i] = heap[c];
        hpos[heap[i]] = (uint32_t)i;
        i = c;
    }
    heap[i] = v;
    hpos[v] = (uint32_t)i;
}

/* Dijkstra from src, counting shortest paths if sigma. A settled vertex has
 * a finite dist and hpos NONE. */
static void dijkstra(paths *p, uint32_t src)
{
    const nw_snapshot *s = p->s;
    double *dist = p->dist, *sigma = p->sigma;
    size_t size = 0, settled = 0;
    dist[src] = 0.0;
    if (sigma)
        sigma[src] = 1.0;
    p->heap[size++] = src;
    p->hpos[src] = 0;
    while (size > 0) {
        uint32_t v = p->heap[0];
        p->hpos[v] = NONE;
        if (--size > 0) {
            p->heap[0] = p->heap[size];
            heap_down(p, 0, size);
        }
        p->order[settled++] = v;
        double dv = dist[v];
        for (size_t i = s->off[v]; i < s->off[v + 1]; i++) {
            uint32_t w = s->adj[i];
            double alt = dv + p->len[i];
            if (isinf(alt))
                continue; /* weight 0: not passable */
            if (isinf(dist[w])) {
                dist[w] = alt;
                if (sigma)
                    sigma[w] = sigma[v];
                p->heap[size] = w;
                heap_up(p, size++);
            } else if (p->hpos[w] != NONE) {
                if (same_length(alt, dist[w])) {
                    if (sigma)
                        sigma[w] += sigma[v];
                } else if (alt < dist[w]) {
                    dist[w] = alt;
                    if (sigma)
                        sigma[w] = sigma[v];
                    heap_up(p, p->hpos[w]);
                }
            }
        }
    }
    p->reached = settled;
}

/* ---- betweenness ---------------------------------------------------------------- */

/* Unweighted: sum coef over the recorded successors, in reverse search
 * order (successors come later in the order, so theirs are done). */
static void accumulate_dag(paths *p, uint32_t src, double *bc)
{
    const uint32_t *order = p->order, *succ = p->succ;
    const size_t *sbeg = p->sbeg;
    double *sigma = p->sigma, *coef = p->coef;
    for (size_t i = p->reached; i-- > 0;) {
        uint32_t v = order[i];
        double acc = 0.0;
        for (size_t j = sbeg[i]; j < sbeg[i + 1]; j++)
            acc += coef[succ[j]];
        double delta = sigma[v] * acc;
        coef[v] = (1.0 + delta) / sigma[v];
        if (v != src)
            bc[v] += delta;
    }
}

/* Add the dependencies of the last search from src to bc (successor walk). */
static void accumulate(paths *p, uint32_t src, double *bc)
{
    if (p->hops) {
        accumulate_dag(p, src, bc);
        return;
    }
    const nw_snapshot *s = p->s;
    double *sigma = p->sigma, *coef = p->coef;
    for (size_t k = p->reached; k-- > 0;) {
        uint32_t v = p->order[k];
        double acc = 0.0, dv = p->dist[v];
        for (size_t i = s->off[v]; i < s->off[v + 1]; i++) {
            uint32_t w = s->adj[i];
            double dw = p->dist[w];
            if (dw > dv && !isinf(dw) && !isinf(p->len[i]) && same_length(dv + p->len[i], dw))
                acc += coef[w];
        }
        double delta = sigma[v] * acc;
        coef[v] = (1.0 + delta) / sigma[v];
        if (v != src)
            bc[v] += delta;
    }
}

int nw_snapshot_betweenness(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    paths p;
    if (paths_init(&p, snap, true) != NW_OK)
        return NW_ENOMEM;
    double *bc = nw_mem_calloc(snap->n ? snap->n : 1, sizeof *bc);
    if (bc == NULL) {
        paths_free(&p);
        return NW_ENOMEM;
    }
    for (size_t src = 0; src < snap->n; src++) {
        if (nw_snap_degree(snap, src) == 0)
            continue;
        if (p.hops)
            bfs(&p, (uint32_t)src);
        else
            dijkstra(&p, (uint32_t)src);
        accumulate(&p, (uint32_t)src, bc);
        paths_reset(&p);
    }
    /* Every unordered pair was counted from both ends. */
    for (size_t v = 0; v < snap->n; v++)
        out[v] = bc[v] / 2.0;
    nw_mem_free(bc);
    paths_free(&p);
    return NW_OK;
}

/* ---- harmonic closeness ---------------------------------------------------------- */

/*
 * Unweighted closeness needs only how many actors lie at each distance from
 * each source, so 64 sources are searched at once (multi-source breadth-first
 * search, Then et al. 2014): every vertex has a 64-bit word of the sources
 * that have reached it ("seen") and of those that reached it in the last
 * level ("front"). A level ORs each frontier vertex's front word into its
 * neighbours; the new bits of a neighbour are the sources that reach it at
 * this distance. On a small-world network a vertex is on the frontier of
 * only a few levels per batch, so a row is scanned a few times per 64
 * sources instead of 64 times.
 */
typedef struct msbfs {
    uint64_t *seen, *front, *next;
    uint32_t *frontier, *frontier2, *touched, *reached;
} msbfs;

static void msbfs_free(msbfs *b)
{
    nw_mem_free(b->seen);
    nw_mem_free(b->front);
    nw_mem_free(b->next);
    nw_mem_free(b->frontier);
    nw_mem_free(b->frontier2);
    nw_mem_free(b->touched);
    nw_mem_free(b->reached);
}

static int msbfs_init(msbfs *b, size_t n)
{
    n = n ? n : 1;
    b->seen = nw_mem_calloc(n, sizeof *b->seen);
    b->front = nw_mem_calloc(n, sizeof *b->front);
    b->next = nw_mem_calloc(n, sizeof *b->next);
    b->frontier = nw_mem_alloc(n * sizeof *b->frontier);
    b->frontier2 = nw_mem_alloc(n * sizeof *b->frontier2);
    b->touched = nw_mem_alloc(n * sizeof *b->touched);
    b->reached = nw_mem_alloc(n * sizeof *b->reached);
    if (!b->seen || !b->front || !b->next || !b->frontier || !b->frontier2 || !b->touched || !b->reached) {
        msbfs_free(b);
        return NW_ENOMEM;
    }
    return NW_OK;
}

static unsigned lowest_bit(uint64_t x)
{
#if defined(__GNUC__)
    return (unsigned)__builtin_ctzll(x);
#else
    unsigned k = 0;
    while (!(x & 1u)) {
        x >>= 1;
        k++;
    }
    return k;
#endif
}

/* Add 1/d for every vertex at distance d from the sources first ..
 * first + count - 1 (count <= 64) to out[source]. */
static void harmonic_batch(msbfs *b, const nw_snapshot *s, size_t first, size_t count, double *out)
{
    size_t nf = 0, nr = 0;
    for (size_t k = 0; k < count; k++) {
        uint32_t v = (uint32_t)(first + k);
        b->seen[v] = b->front[v] = (uint64_t)1 << k;
        b->frontier[nf++] = v;
        b->reached[nr++] = v;
    }
    for (uint32_t level = 1; nf > 0; level++) {
        size_t nt = 0;
        for (size_t i = 0; i < nf; i++) {
            uint32_t v = b->frontier[i];
            uint64_t f = b->front[v];
            for (size_t j = s->off[v]; j < s->off[v + 1]; j++) {
                uint32_t w = s->adj[j];
                if (b->next[w] == 0)
                    b->touched[nt++] = w;
                b->next[w] |= f;
            }
        }
        for (size_t i = 0; i < nf; i++)
            b->front[b->frontier[i]] = 0;
        double inv = 1.0 / (double)level;
        size_t nf2 = 0;
        for (size_t i = 0; i < nt; i++) {
            uint32_t w = b->touched[i];
            uint64_t x = b->next[w] & ~b->seen[w];
            b->next[w] = 0;
            if (x == 0)
                continue;
            if (b->seen[w] == 0)
                b->reached[nr++] = w;
            b->seen[w] |= x;
            b->front[w] = x;
            b->frontier2[nf2++] = w;
            for (; x; x &= x - 1)
                out[first + lowest_bit(x)] += inv;
        }
        uint32_t *t = b->frontier;
        b->frontier = b->frontier2;
        b->frontier2 = t;
        nf = nf2;
    }
    for (size_t i = 0; i < nr; i++)
        b->seen[b->reached[i]] = 0;
}

int nw_snapshot_harmonic_closeness(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    if (snap->w == NULL) {
        msbfs b;
        if (msbfs_init(&b, snap->n) != NW_OK)
            return NW_ENOMEM;
        for (size_t v = 0; v < snap->n; v++)
            out[v] = 0.0;
        for (size_t first = 0; first < snap->n; first += 64)
            harmonic_batch(&b, snap, first, snap->n - first < 64 ? snap->n - first : 64, out);
        msbfs_free(&b);
        return NW_OK;
    }
    paths p;
    if (paths_init(&p, snap, false) != NW_OK)
        return NW_ENOMEM;
    for (size_t src = 0; src < snap->n; src++) {
        double sum = 0.0;
        if (nw_snap_degree(snap, src) > 0) {
            dijkstra(&p, (uint32_t)src);
            for (size_t i = 1; i < p.reached; i++)
                sum += 1.0 / p.dist[p.order[i]];
            paths_reset(&p);
        }
        out[src] = sum;
    }
    paths_free(&p);
    return NW_OK;
}

/* ---- reach ------------------------------------------------------------------------ */

/* The number of other vertices within two steps of each vertex. */
static int two_step(double *reach, const nw_snapshot *s)
{
    uint32_t *stamp = nw_mem_alloc((s->n ? s->n : 1) * sizeof *stamp);
    if (stamp == NULL)
        return NW_ENOMEM;
    for (size_t v = 0; v < s->n; v++)
        stamp[v] = NONE;
    for (size_t v = 0; v < s->n; v++) {
        size_t count = 0;
        stamp[v] = (uint32_t)v;
        for (size_t i = s->off[v]; i < s->off[v + 1]; i++) {
            uint32_t u = s->adj[i];
            if (stamp[u] != v) {
                stamp[u] = (uint32_t)v;
                count++;
            }
            for (size_t j = s->off[u]; j < s->off[u + 1]; j++) {
                uint32_t x = s->adj[j];
                if (stamp[x] != v) {
                    stamp[x] = (uint32_t)v;
                    count++;
                }
            }
        }
        reach[v] = (double)count;
    }
    nw_mem_free(stamp);
    return NW_OK;
}

int nw_snapshot_two_step_reach(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    return two_step(out, snap) == NW_OK ? NW_OK : NW_ENOMEM;
}

int nw_snapshot_reach_efficiency(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    double *reach = nw_mem_alloc((snap->n ? snap->n : 1) * sizeof *reach);
    if (reach == NULL || two_step(reach, snap) != NW_OK) {
        nw_mem_free(reach);
        return NW_ENOMEM;
    }
    for (size_t v = 0; v < snap->n; v++) {
        size_t alters_ties = 0;
        for (size_t i = snap->off[v]; i < snap->off[v + 1]; i++)
            alters_ties += nw_snap_degree(snap, snap->adj[i]);
        out[v] = alters_ties ? reach[v] / (double)alters_ties : 0.0;
    }
    nw_mem_free(reach);
    return NW_OK;
}

/* ---- lists ---------------------------------------------------------------------------- */

static int list_check(const void *out, const size_t *count, const nw_snapshot *snap)
{
    if (out == NULL || count == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : count == NULL ? "count" : "snap");
    return NW_OK;
}

/* The identities of the vertices v with keep[v], ascending. */
static int id_list(nw_id **out, size_t *count, const nw_snapshot *s, const bool *keep)
{
    size_t k = 0;
    for (size_t v = 0; v < s->n; v++)
        k += keep[v];
    nw_id *ids = NULL;
    if (k > 0) {
        ids = nw_mem_alloc(k * sizeof *ids);
        if (ids == NULL)
            return NW_ENOMEM;
        k = 0;
        for (size_t v = 0; v < s->n; v++)
            if (keep[v])
                ids[k++] = s->actor_ids[v];
    }
    *out = ids;
    *count = k;
    return NW_OK;
}

static int degree_list(nw_id **out, size_t *count, const nw_snapshot *snap, bool stars)
{
    int rc = list_check(out, count, snap);
    if (rc != NW_OK)
        return rc;
    size_t maxdeg = 0;
    for (size_t v = 0; v < snap->n; v++)
        if (nw_snap_degree(snap, v) > maxdeg)
            maxdeg = nw_snap_degree(snap, v);
    bool *keep = nw_mem_calloc(snap->n ? snap->n : 1, sizeof *keep);
    if (keep == NULL)
        return NW_ENOMEM;
    for (size_t v = 0; v < snap->n; v++)
        keep[v] = stars ? maxdeg > 0 && nw_snap_degree(snap, v) == maxdeg : nw_snap_degree(snap, v) == 0;
    rc = id_list(out, count, snap, keep);
    nw_mem_free(keep);
    return rc;
}

int nw_snapshot_stars(nw_id **out, size_t *count, const nw_snapshot *snap)
{
    return degree_list(out, count, snap, true);
}

int nw_snapshot_isolates(nw_id **out, size_t *count, const nw_snapshot *snap)
{
    return degree_list(out, count, snap, false);
}

typedef struct broker {
    double betweenness;
    nw_id id;
} broker;

static int compare_brokers(const void *pa, const void *pb)
{
    const broker *a = pa, *b = pb;
    if (a->betweenness != b->betweenness)
        return a->betweenness > b->betweenness ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

int nw_snapshot_brokers(nw_id **out, size_t *count, const nw_snapshot *snap)
{
    int rc = list_check(out, count, snap);
    if (rc != NW_OK)
        return rc;
    size_t n = snap->n ? snap->n : 1;
    double *bc = nw_mem_alloc(n * sizeof *bc);
    double *constraint = nw_mem_alloc(n * sizeof *constraint);
    broker *list = nw_mem_alloc(n * sizeof *list);
    nw_id *ids = NULL;
    size_t k = 0;
    rc = NW_ENOMEM;
    if (!bc || !constraint || !list)
        goto done;
    if ((rc = nw_snapshot_betweenness(bc, n, snap)) != NW_OK ||
        (rc = nw_snapshot_structural_holes(constraint, NULL, NULL, n, snap)) != NW_OK)
        goto done;
    if (snap->n > 2) {
        double pairs = (double)(snap->n - 1) * (double)(snap->n - 2) / 2.0;
        for (size_t v = 0; v < snap->n; v++)
            /* NaN constraint (isolates) never passes. */
            if (bc[v] / pairs >= snap->opts.broker_min_betweenness &&
                constraint[v] <= snap->opts.broker_max_constraint)
                list[k++] = (broker){bc[v], snap->actor_ids[v]};
    }
    if (k > 0) {
        qsort(list, k, sizeof *list, compare_brokers);
        ids = nw_mem_alloc(k * sizeof *ids);
        rc = NW_ENOMEM;
        if (ids == NULL)
            goto done;
        for (size_t i = 0; i < k; i++)
            ids[i] = list[i].id;
    }
    *out = ids;
    *count = k;
    rc = NW_OK;
done:
    nw_mem_free(bc);
    nw_mem_free(constraint);
    nw_mem_free(list);
    return rc;
}
