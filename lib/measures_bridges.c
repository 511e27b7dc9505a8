/*
 * Ties that hold the network together: bridges (Tarjan's low-link, as an
 * iterative depth-first search so that long paths cannot overflow the
 * stack), local bridges with their span (a breadth-first search from one
 * end that ignores the pair itself and stops at the other end), and
 * Onnela's tie overlap (common neighbours by merging the sorted rows).
 */
#include "analysis_internal.h"

#include <stdlib.h>

#define NONE UINT32_MAX

/* Common neighbours of u and v: merge the sorted rows, or binary search the
 * longer one when the lengths differ a lot (hubs). */
static size_t common(const nw_snapshot *s, uint32_t u, uint32_t v, bool any)
{
    const uint32_t *a = s->adj + s->off[u], *ae = s->adj + s->off[u + 1];
    const uint32_t *b = s->adj + s->off[v], *be = s->adj + s->off[v + 1];
    if (ae - a > be - b) {
        const uint32_t *t = a, *te = ae;
        a = b;
        ae = be;
        b = t;
        be = te;
    }
    size_t c = 0;
    if ((size_t)(be - b) > 16 * (size_t)(ae - a)) {
        for (; a < ae; a++) {
            const uint32_t *lo = b, *hi = be;
            while (lo < hi) {
                const uint32_t *mid = lo + (hi - lo) / 2;
                if (*mid < *a)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < be && *lo == *a && (++c, any))
                return c;
            b = lo;
        }
        return c;
    }
    while (a < ae && b < be) {
        if (*a < *b) {
            a++;
        } else if (*b < *a) {
            b++;
        } else {
            if (++c, any)
                return c;
            a++;
            b++;
        }
    }
    return c;
}

int nw_snapshot_overlap(double *out, size_t len, const nw_snapshot *snap)
{
    int rc = nw_measure_check(out, "out", len, snap, true);
    if (rc != NW_OK)
        return rc;
    size_t e = 0;
    for (size_t u = 0; u < snap->n; u++) {
        double ku = (double)nw_snap_degree(snap, u);
        for (size_t i = nw_snap_upper(snap, u); i < snap->off[u + 1]; i++) {
            uint32_t v = snap->adj[i];
            double c = (double)common(snap, (uint32_t)u, v, false);
            double denom = (ku - 1.0) + ((double)nw_snap_degree(snap, v) - 1.0) - c;
            out[e++] = denom > 0.0 ? c / denom : 0.0;
        }
    }
    return NW_OK;
}

/* Mark the bridges in is_bridge (indexed by pair). */
static int find_bridges(bool *is_bridge, const nw_snapshot *s)
{
    size_t n = s->n ? s->n : 1;
    uint32_t *tin = nw_mem_calloc(n, sizeof *tin); /* 0 = not visited */
    uint32_t *low = nw_mem_alloc(n * sizeof *low);
    uint32_t *parent = nw_mem_alloc(n * sizeof *parent);
    uint32_t *stack = nw_mem_alloc(n * sizeof *stack);
    size_t *next = nw_mem_alloc(n * sizeof *next); /* next slot to look at */
    int rc = NW_ENOMEM;
    if (!tin || !low || !parent || !stack || !next)
        goto done;
    uint32_t timer = 0;
    for (size_t root = 0; root < s->n; root++) {
        if (tin[root])
            continue;
        size_t top = 0;
        stack[top++] = (uint32_t)root;
        tin[root] = low[root] = ++timer;
        parent[root] = NONE;
        next[root] = s->off[root];
        while (top > 0) {
            uint32_t v = stack[top - 1];
            if (next[v] < s->off[v + 1]) {
                uint32_t w = s->adj[next[v]++];
                if (w == parent[v])
                    continue; /* pairs are simple: the pair to the parent, once */
                if (tin[w]) {
                    if (tin[w] < low[v])
                        low[v] = tin[w];
                } else {
                    parent[w] = v;
                    tin[w] = low[w] = ++timer;
                    next[w] = s->off[w];
                    stack[top++] = w;
                }
                continue;
            }
            top--;
            uint32_t up = parent[v];
            if (up == NONE)
                continue;
            if (low[v] < low[up])
                low[up] = low[v];
            if (low[v] > tin[up]) {
                /* The pair's number: its lower vertex's pairs, then the position. */
                uint32_t a = up < v ? up : v, b = up < v ? v : up;
                size_t first = nw_snap_upper(s, a), lo = first, hi = s->off[a + 1];
                while (lo < hi) {
                    size_t mid = lo + (hi - lo) / 2;
                    if (s->adj[mid] < b)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                is_bridge[s->pair_off[a] + (lo - first)] = true;
            }
        }
    }
    rc = NW_OK;
done:
    nw_mem_free(tin);
    nw_mem_free(low);
    nw_mem_free(parent);
    nw_mem_free(stack);
    nw_mem_free(next);
    return rc;
}

/* Steps of the shortest path from u to v that does not use the pair u-v
 * (which must not be a bridge). dist holds -1 everywhere and is restored. */
static uint32_t span_of(const nw_snapshot *s, uint32_t u, uint32_t v, int32_t *dist, uint32_t *queue)
{
    size_t head = 0, tail = 0;
    uint32_t found = NW_SPAN_INFINITE;
    dist[u] = 0;
    queue[tail++] = u;
    while (head < tail && found == NW_SPAN_INFINITE) {
        uint32_t x = queue[head++];
        for (size_t i = s->off[x]; i < s->off[x + 1]; i++) {
            uint32_t y = s->adj[i];
            if (x == u && y == v)
                continue;
            if (dist[y] >= 0)
                continue;
            dist[y] = dist[x] + 1;
            if (y == v) {
                found = (uint32_t)dist[y];
                break;
            }
            queue[tail++] = y;
        }
    }
    for (size_t i = 0; i < tail; i++)
        dist[queue[i]] = -1;
    dist[v] = -1;
    return found;
}

int nw_snapshot_bridges(nw_bridge **out, size_t *count, const nw_snapshot *snap, bool local)
{
    if (out == NULL || count == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : count == NULL ? "count" : "snap");
    size_t n = snap->n ? snap->n : 1;
    bool *is_bridge = nw_mem_calloc(snap->m ? snap->m : 1, sizeof *is_bridge);
    int32_t *dist = local ? nw_mem_alloc(n * sizeof *dist) : NULL;
    uint32_t *queue = local ? nw_mem_alloc(n * sizeof *queue) : NULL;
    nw_bridge *list = NULL;
    size_t k = 0, cap = 0;
    int rc = NW_ENOMEM;
    if (!is_bridge || (local && (!dist || !queue)))
        goto done;
    if (find_bridges(is_bridge, snap) != NW_OK)
        goto done;
    for (size_t v = 0; local && v < snap->n; v++)
        dist[v] = -1;

    size_t e = 0;
    for (size_t u = 0; u < snap->n; u++) {
        for (size_t i = nw_snap_upper(snap, u); i < snap->off[u + 1]; i++, e++) {
            uint32_t v = snap->adj[i];
            uint32_t span;
            if (is_bridge[e])
                span = NW_SPAN_INFINITE;
            else if (local && common(snap, (uint32_t)u, v, true) == 0)
                span = span_of(snap, (uint32_t)u, v, dist, queue);
            else
                continue;
            if (nw_mem_reserve((void **)&list, &cap, k + 1, sizeof *list) != NW_OK)
                goto done;
            list[k++] = (nw_bridge){e, snap->actor_ids[u], snap->actor_ids[v], span,
                                    (nw_snap_flags(snap, i) & NW_SLOT_STRONG) != 0, snap->w ? snap->w[i] : 1.0};
        }
    }
    *out = list;
    *count = k;
    list = NULL;
    rc = NW_OK;
done:
    nw_mem_free(list);
    nw_mem_free(is_bridge);
    nw_mem_free(dist);
    nw_mem_free(queue);
    return rc;
}
