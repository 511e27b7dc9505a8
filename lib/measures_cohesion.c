/*
 * Cohesion: connected components (union-find, Afforest),
 * triangles and local clustering (the forward algorithm: each triangle is
 * found once, from its lowest-ranked corner, in O(m^1.5)), and k-cores
 * (Batagelj and Zaversnik's bucket algorithm, O(n + m)).
 */
#include "analysis_internal.h"

#include <string.h>

#define NONE UINT32_MAX

/* ---- components ------------------------------------------------------------ */

/*
 * Afforest (Sutton, Ben-Nun and Barak 2018): union-find that skips most
 * pairs. Link every vertex to its first two neighbours, find the giant
 * component by sampling, then go through the remaining pairs of the
 * vertices outside it only: a pair between a giant-component vertex and
 * another vertex is still seen from the other end. Rows are read in vertex
 * order, not in search order, which keeps the cache warm on large networks.
 * A higher root always hangs under a lower one, so the root of a component
 * is its lowest vertex and one ascending pass numbers the components in
 * order of their lowest vertex.
 */
static inline uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]]; /* path halving */
        x = parent[x];
    }
    return x;
}

static inline void link(uint32_t *parent, uint32_t a, uint32_t b)
{
    a = find_root(parent, a);
    b = find_root(parent, b);
    if (a < b)
        parent[b] = a;
    else if (b < a)
        parent[a] = b;
}

int nw_kernel_components(uint32_t *label, size_t *count, size_t **sizes, const nw_snapshot *s)
{
    enum { FIRST = 2, SAMPLES = 256 };
    const size_t n = s->n, *off = s->off;
    const uint32_t *adj = s->adj;
    for (size_t v = 0; v < n; v++)
        label[v] = (uint32_t)v;
    for (size_t v = 0; v < n; v++) {
        size_t end = off[v + 1] < off[v] + FIRST ? off[v + 1] : off[v] + FIRST;
        for (size_t i = off[v]; i < end; i++)
            link(label, (uint32_t)v, adj[i]);
    }
    /* The most frequent root among sampled vertices (a fixed sequence: the
     * result never depends on it, only the speed). */
    uint32_t giant = NONE;
    if (n > 0) {
        uint64_t x = 0x9E3779B97F4A7C15u;
        uint32_t best = 0, seen[SAMPLES];
        for (size_t k = 0; k < SAMPLES; k++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            seen[k] = find_root(label, (uint32_t)(((x >> 32) * (uint64_t)n) >> 32)); /* [0, n) */
        }
        for (size_t k = 0; k < SAMPLES; k++) {
            uint32_t votes = 0;
            for (size_t j = k; j < SAMPLES && votes * 4 < SAMPLES; j++)
                votes += seen[j] == seen[k];
            if (votes > best) {
                best = votes;
                giant = seen[k];
            }
            if (best * 4 >= SAMPLES)
                break; /* a quarter of the sample is enough to skip on */
        }
    }
    for (size_t v = 0; v < n; v++) {
        if (find_root(label, (uint32_t)v) == giant)
            continue;
        for (size_t i = off[v] + FIRST; i < off[v + 1]; i++)
            link(label, (uint32_t)v, adj[i]);
    }
    /* Number the roots in vertex order. A parent is never above its child,
     * so in one ascending pass the parent of v already holds its number. */
    size_t c = 0;
    for (size_t v = 0; v < n; v++)
        label[v] = label[v] == v ? (uint32_t)c++ : label[label[v]];
    if (sizes != NULL) {
        size_t *sz = nw_mem_calloc(c ? c : 1, sizeof *sz);
        if (sz == NULL)
            return NW_ENOMEM;
        for (size_t v = 0; v < n; v++)
            sz[label[v]]++;
        *sizes = sz;
    }
    *count = c;
    return NW_OK;
}

int nw_snapshot_components(size_t *out, size_t len, size_t *count, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    uint32_t *label = nw_mem_alloc((snap->n ? snap->n : 1) * sizeof *label);
    if (label == NULL)
        return NW_ENOMEM;
    size_t c;
    rc = nw_kernel_components(label, &c, NULL, snap);
    if (rc == NW_OK) {
        for (size_t v = 0; v < snap->n; v++)
            out[v] = label[v];
        if (count != NULL)
            *count = c;
    }
    nw_mem_free(label);
    return rc;
}

/* ---- triangles ------------------------------------------------------------------ */

int nw_kernel_triangles(uint64_t *tri, uint64_t *total, const nw_snapshot *s)
{
    size_t n = s->n;
    /* Rank by degree, then vertex (a counting sort by degree is stable). */
    size_t maxdeg = 0;
    for (size_t v = 0; v < n; v++)
        if (nw_snap_degree(s, v) > maxdeg)
            maxdeg = nw_snap_degree(s, v);
    size_t *bucket = nw_mem_calloc(maxdeg + 2, sizeof *bucket);
    uint32_t *rank = nw_mem_alloc((n ? n : 1) * sizeof *rank);
    uint32_t *mark = nw_mem_alloc((n ? n : 1) * sizeof *mark);
    size_t *ooff = nw_mem_alloc((n + 1) * sizeof *ooff);
    uint32_t *oadj = nw_mem_alloc((s->m ? s->m : 1) * sizeof *oadj);
    int rc = NW_ENOMEM;
    if (!bucket || !rank || !mark || !ooff || !oadj)
        goto done;
    for (size_t v = 0; v < n; v++)
        bucket[nw_snap_degree(s, v) + 1]++;
    for (size_t d = 1; d <= maxdeg + 1; d++)
        bucket[d] += bucket[d - 1];
    for (size_t v = 0; v < n; v++)
        rank[v] = (uint32_t)bucket[nw_snap_degree(s, v)]++;

    /* Orient every pair from the lower to the higher rank. */
    ooff[0] = 0;
    for (size_t v = 0; v < n; v++) {
        size_t k = ooff[v];
        for (size_t i = s->off[v]; i < s->off[v + 1]; i++)
            if (rank[s->adj[i]] > rank[v])
                oadj[k++] = s->adj[i];
        ooff[v + 1] = k;
    }

    memset(tri, 0, n * sizeof *tri);
    uint64_t t = 0;
    for (size_t v = 0; v < n; v++)
        mark[v] = NONE;
    for (size_t v = 0; v < n; v++) {
        for (size_t i = ooff[v]; i < ooff[v + 1]; i++)
            mark[oadj[i]] = (uint32_t)v;
        for (size_t i = ooff[v]; i < ooff[v + 1]; i++) {
            uint32_t w = oadj[i];
            for (size_t j = ooff[w]; j < ooff[w + 1]; j++) {
                uint32_t x = oadj[j];
                if (mark[x] == v) {
                    tri[v]++;
                    tri[w]++;
                    tri[x]++;
                    t++;
                }
            }
        }
    }
    *total = t;
    rc = NW_OK;
done:
    nw_mem_free(bucket);
    nw_mem_free(rank);
    nw_mem_free(mark);
    nw_mem_free(ooff);
    nw_mem_free(oadj);
    return rc;
}

int nw_snapshot_local_clustering(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    uint64_t *tri = nw_mem_alloc((snap->n ? snap->n : 1) * sizeof *tri);
    if (tri == NULL)
        return NW_ENOMEM;
    uint64_t total;
    rc = nw_kernel_triangles(tri, &total, snap);
    if (rc == NW_OK) {
        for (size_t v = 0; v < snap->n; v++) {
            double d = (double)nw_snap_degree(snap, v);
            out[v] = d < 2 ? 0.0 : 2.0 * (double)tri[v] / (d * (d - 1.0));
        }
    }
    nw_mem_free(tri);
    return rc;
}

/* ---- k-cores ------------------------------------------------------------------------ */

int nw_kernel_cores(uint32_t *core, const nw_snapshot *s)
{
    size_t n = s->n, maxdeg = 0;
    for (size_t v = 0; v < n; v++) {
        core[v] = (uint32_t)nw_snap_degree(s, v);
        if (core[v] > maxdeg)
            maxdeg = core[v];
    }
    size_t *bin = nw_mem_calloc(maxdeg + 1, sizeof *bin);
    uint32_t *vert = nw_mem_alloc((n ? n : 1) * sizeof *vert);
    uint32_t *pos = nw_mem_alloc((n ? n : 1) * sizeof *pos);
    if (!bin || !vert || !pos) {
        nw_mem_free(bin);
        nw_mem_free(vert);
        nw_mem_free(pos);
        return NW_ENOMEM;
    }
    /* Vertices sorted by degree; bin[d] = the first position of degree d. */
    for (size_t v = 0; v < n; v++)
        bin[core[v]]++;
    size_t start = 0;
    for (size_t d = 0; d <= maxdeg; d++) {
        size_t num = bin[d];
        bin[d] = start;
        start += num;
    }
    for (size_t v = 0; v < n; v++) {
        pos[v] = (uint32_t)bin[core[v]];
        vert[pos[v]] = (uint32_t)v;
        bin[core[v]]++;
    }
    for (size_t d = maxdeg; d > 0; d--)
        bin[d] = bin[d - 1];
    bin[0] = 0;
    /* Peel in order of current degree; a neighbour with a higher degree
     * moves one bucket down. */
    for (size_t i = 0; i < n; i++) {
        uint32_t v = vert[i];
        for (size_t j = s->off[v]; j < s->off[v + 1]; j++) {
            uint32_t u = s->adj[j];
            if (core[u] > core[v]) {
                uint32_t du = core[u], pu = pos[u];
                uint32_t pw = (uint32_t)bin[du], w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                bin[du]++;
                core[u]--;
            }
        }
    }
    nw_mem_free(bin);
    nw_mem_free(vert);
    nw_mem_free(pos);
    return NW_OK;
}

int nw_snapshot_core_number(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, false);
    if (rc != NW_OK)
        return rc;
    uint32_t *core = nw_mem_alloc((snap->n ? snap->n : 1) * sizeof *core);
    if (core == NULL)
        return NW_ENOMEM;
    rc = nw_kernel_cores(core, snap);
    if (rc == NW_OK)
        for (size_t v = 0; v < snap->n; v++)
            out[v] = core[v];
    nw_mem_free(core);
    return rc;
}
