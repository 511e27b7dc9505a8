/*
 * Snapshots: the network as of one date, as a compact CSR adjacency that
 * every measure reads. The model is read once into compact arrays; the
 * member pairs are counted, scattered into rows, each row sorted (ties come
 * in identity order, so most rows already are), and runs of the same
 * neighbour merged: several ties between two actors become one pair.
 */
#include "analysis_internal.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* The build works on compact arrays, so that the model's records are read
 * once: the included ties (identity, form and state, strength) and their
 * members as one flat array of vertices. */
typedef struct build {
    size_t nt;          /* included ties */
    size_t nmembers;    /* memberships of included ties */
    uint64_t directed;  /* directed member pairs, repeats included */
    size_t *mstart;     /* nt + 1: members of tie t are member[mstart[t] .. mstart[t+1]) */
    uint32_t *member;   /* actor identities, then vertices */
    double *strength;   /* nt, when weighted */
    uint32_t *vmap;     /* actor identity -> vertex + 1, 0 = not a vertex */
    size_t *row;        /* n + 1: rows of the directed pairs */
    uint64_t *slot;     /* directed pairs: neighbour << 32 | tie */
} build;

static void snapshot_release(nw_snapshot *s)
{
    nw_mem_free(s->off);
    nw_mem_free(s->adj);
    nw_mem_free(s->w);
    nw_mem_free(s->mult);
    nw_mem_free(s->flags);
    nw_mem_free(s->pair_off);
    nw_mem_free(s->actor_ids);
    nw_mem_free(s->actor_kind);
    nw_mem_free(s->actor_flags);
    nw_mem_free(s->tie_ids);
    nw_mem_free(s->tie_info);
    nw_mem_free(s);
}

static void build_release(build *b)
{
    nw_mem_free(b->mstart);
    nw_mem_free(b->member);
    nw_mem_free(b->strength);
    nw_mem_free(b->vmap);
    nw_mem_free(b->row);
    nw_mem_free(b->slot);
}

void nw_snapshot_free(nw_snapshot *snap)
{
    if (snap == NULL)
        return;
    snapshot_release(snap);
    nw_mem_network_died();
}

static inline bool included(const nw_tie_rec *t, nw_date as_of, unsigned mask)
{
    return t != NULL && (mask & NW_FORM_BIT(t->form)) && t->start <= as_of &&
           (t->end == NW_DATE_NONE || as_of <= t->end);
}

/* Allocate count items of size bytes (zeroed), adding to *bytes. */
static void *take(size_t count, size_t size, size_t *bytes)
{
    void *p = nw_mem_calloc(count ? count : 1, size);
    if (p != NULL)
        *bytes += (count ? count : 1) * size;
    return p;
}

/* Number the vertices (vmap[id] != 0 marks them), allocate the per-vertex
 * arrays and the row counts. */
static int number_vertices(nw_snapshot *s, build *b, const nw_network *net)
{
    size_t n = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        if (b->vmap[id])
            b->vmap[id] = (uint32_t)++n;
    s->n = n;
    s->actor_ids = take(n, sizeof *s->actor_ids, &s->bytes);
    s->actor_kind = take(n, sizeof *s->actor_kind, &s->bytes);
    s->actor_flags = take(n, sizeof *s->actor_flags, &s->bytes);
    s->off = take(n + 1, sizeof *s->off, &s->bytes);
    s->pair_off = take(n + 1, sizeof *s->pair_off, &s->bytes);
    b->row = nw_mem_calloc(n + 1, sizeof *b->row);
    if (!s->actor_ids || !s->actor_kind || !s->actor_flags || !s->off || !s->pair_off || !b->row)
        return NW_ENOMEM;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        if (b->vmap[id]) {
            size_t v = b->vmap[id] - 1;
            s->actor_ids[v] = (nw_id)id;
            s->actor_kind[v] = (uint8_t)net->actors[id]->kind;
        }
    }
    return NW_OK;
}

/* Turn the members of tie t (identities) into vertices; set the vertex
 * flags and count the directed pairs of each member. */
static inline void place_members(nw_snapshot *s, build *b, size_t t, bool dense)
{
    size_t first = b->mstart[t], last = b->mstart[t + 1], k = last - first;
    uint8_t flags = (uint8_t)(NW_VTX_TIED | ((s->tie_info[t] >> 2) == NW_TIE_ACTIVE ? NW_VTX_ACTIVE : 0u));
    for (size_t i = first; i < last; i++) {
        uint32_t v = dense ? b->member[i] - 1 : b->vmap[b->member[i]] - 1;
        b->member[i] = v;
        s->actor_flags[v] |= flags;
        b->row[v + 1] += k - 1;
    }
}

/*
 * Read the model: the actors first (who joined by the date), then every tie
 * record once (on big networks each record is a cache miss) into compact
 * arrays: identity, form and state, strength, members. When no actor joined
 * after the date, the vertices are known before the ties, and members become
 * vertices in the same pass; otherwise members of included ties are vertices
 * too and are placed after the pass.
 */
static int read_model(nw_snapshot *s, build *b, const nw_network *net)
{
    b->vmap = nw_mem_calloc((size_t)net->next_actor_id, sizeof *b->vmap);
    if (b->vmap == NULL)
        return NW_ENOMEM;
    size_t late = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        const nw_actor_rec *a = net->actors[id];
        if (a == NULL)
            continue;
        if (a->joined == NW_DATE_NONE || a->joined <= s->as_of)
            b->vmap[id] = 1;
        else
            late++;
    }
    if (late == 0 && number_vertices(s, b, net) != NW_OK)
        return NW_ENOMEM;
    /* Vertex = identity - 1 when no actor is missing: no lookup then. */
    bool dense = late == 0 && s->n + 1 == net->next_actor_id;

    size_t cap = net->tie_count, mcap = 2 * cap;
    s->tie_ids = take(cap, sizeof *s->tie_ids, &s->bytes);
    s->tie_info = take(cap, sizeof *s->tie_info, &s->bytes);
    b->mstart = nw_mem_alloc((cap + 1) * sizeof *b->mstart);
    b->member = nw_mem_alloc((mcap ? mcap : 1) * sizeof *b->member);
    if (s->opts.weighted)
        b->strength = nw_mem_alloc((cap ? cap : 1) * sizeof *b->strength);
    if (!s->tie_ids || !s->tie_info || !b->mstart || !b->member || (s->opts.weighted && !b->strength))
        return NW_ENOMEM;
    size_t k = 0, pos = 0;
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        /* Each record and its member array are blocks of their own: ask for
         * the record 16 ties ahead and, once it has arrived, for its members
         * 8 ties ahead, so that the cache misses overlap. */
        if (id + 16 < net->next_tie_id)
            PREFETCH(net->ties[id + 16]);
        if (id + 8 < net->next_tie_id && net->ties[id + 8] != NULL)
            PREFETCH(net->ties[id + 8]->members);
        const nw_tie_rec *t = net->ties[id];
        if (!included(t, s->as_of, s->opts.form_mask))
            continue;
        if (pos + t->nmembers > mcap &&
            nw_mem_reserve((void **)&b->member, &mcap, pos + t->nmembers, sizeof *b->member) != NW_OK)
            return NW_ENOMEM;
        b->directed += (uint64_t)t->nmembers * (t->nmembers - 1);
        nw_tie_state state = nw_state_of(t, s->as_of, &s->opts);
        s->tie_ids[k] = t->id;
        s->tie_info[k] = (uint8_t)((unsigned)t->form | ((unsigned)state << 2));
        if (b->strength != NULL) {
            nw_strength_terms terms;
            nw_strength_of(&terms, t, s->as_of, &s->opts);
            b->strength[k] = terms.strength;
        }
        b->mstart[k] = pos;
        for (size_t i = 0; i < t->nmembers; i++)
            b->member[pos++] = t->members[i];
        b->mstart[k + 1] = pos;
        if (late == 0)
            place_members(s, b, k, dense);
        k++;
    }
    b->nt = s->nties = k;
    b->nmembers = pos;
    if (b->directed > SIZE_MAX / (2 * sizeof *b->slot) || b->nt >= UINT32_MAX)
        return nw_fail(NW_ELIMIT, "%zu ties with %" PRIu64 " member pairs do not fit a snapshot", b->nt,
                       b->directed / 2);
    if (late > 0) {
        for (size_t i = 0; i < b->nmembers; i++)
            b->vmap[b->member[i]] = 1;
        if (number_vertices(s, b, net) != NW_OK)
            return NW_ENOMEM;
        for (size_t t = 0; t < b->nt; t++)
            place_members(s, b, t, false);
    }
    nw_mem_free(b->vmap);
    b->vmap = NULL;
    return NW_OK;
}

static void sort_keys(uint64_t *a, size_t n);

/* The directed pairs in rows, each row sorted by neighbour then tie. */
static int fill_rows(nw_snapshot *s, build *b)
{
    size_t n = s->n;
    b->slot = nw_mem_alloc((b->directed ? (size_t)b->directed : 1) * sizeof *b->slot);
    if (b->slot == NULL)
        return NW_ENOMEM;
    for (size_t v = 0; v < n; v++)
        b->row[v + 1] += b->row[v];
    /* s->off serves as the fill position of each row for now. */
    memcpy(s->off, b->row, n * sizeof *s->off);
    for (size_t t = 0; t < b->nt; t++) {
        for (size_t i = b->mstart[t]; i < b->mstart[t + 1]; i++) {
            uint32_t vi = b->member[i];
            for (size_t j = i + 1; j < b->mstart[t + 1]; j++) {
                uint32_t vj = b->member[j];
                b->slot[s->off[vi]++] = (uint64_t)vj << 32 | t;
                b->slot[s->off[vj]++] = (uint64_t)vi << 32 | t;
            }
        }
    }
    /* Ties come in identity order, so rows are often sorted already. */
    for (size_t v = 0; v < n; v++) {
        uint64_t *r = b->slot + b->row[v];
        size_t len = b->row[v + 1] - b->row[v];
        for (size_t i = 1; i < len; i++) {
            if (r[i] < r[i - 1]) {
                sort_keys(r, len);
                break;
            }
        }
    }
    return NW_OK;
}

static int compare_keys(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return (a > b) - (a < b);
}

static void sort_keys(uint64_t *a, size_t n)
{
    if (n > 32) {
        qsort(a, n, sizeof *a, compare_keys);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1] > x; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

/* Merge runs of equal neighbours into pairs: tie count, strong flag and
 * (weighted) 1 - prod(1 - S). A run lists its ties in the same order in
 * both rows, so both directions get bit-identical weights. */
static int merge_rows(nw_snapshot *s, const build *b)
{
    size_t distinct = 0;
    for (size_t v = 0; v < s->n; v++)
        for (size_t i = b->row[v]; i < b->row[v + 1]; i++)
            distinct += i == b->row[v] || (b->slot[i] >> 32) != (b->slot[i - 1] >> 32);
    s->m = distinct / 2;
    s->adj = take(distinct, sizeof *s->adj, &s->bytes);
    s->mult = take(distinct, sizeof *s->mult, &s->bytes);
    s->flags = take(distinct, sizeof *s->flags, &s->bytes);
    if (s->opts.weighted)
        s->w = take(distinct, sizeof *s->w, &s->bytes);
    if (!s->adj || !s->mult || !s->flags || (s->opts.weighted && !s->w))
        return NW_ENOMEM;
    size_t out = 0;
    s->off[0] = 0;
    s->pair_off[0] = 0;
    for (size_t v = 0; v < s->n; v++) {
        size_t upper = 0, end = b->row[v + 1];
        for (size_t i = b->row[v]; i < end;) {
            uint32_t nbr = (uint32_t)(b->slot[i] >> 32);
            double missing = 1.0;
            uint32_t mult = 0;
            uint8_t flags = 0;
            for (; i < end && (uint32_t)(b->slot[i] >> 32) == nbr; i++) {
                uint32_t t = (uint32_t)b->slot[i];
                unsigned form = s->tie_info[t] & 3u;
                if (form == NW_FORM_KOOPERATION || form == NW_FORM_GRUPPE)
                    flags |= NW_SLOT_STRONG;
                if (b->strength != NULL)
                    missing *= 1.0 - b->strength[t];
                mult++;
            }
            s->adj[out] = nbr;
            s->mult[out] = mult;
            s->flags[out] = flags;
            if (s->w != NULL)
                s->w[out] = 1.0 - missing;
            upper += nbr > v;
            out++;
        }
        s->off[v + 1] = out;
        s->pair_off[v + 1] = s->pair_off[v] + upper;
    }
    return NW_OK;
}

int nw_snapshot_new(nw_snapshot **out, const nw_network *net, nw_date as_of, const nw_snapshot_options *opts)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_date(as_of, "as_of");
    nw_snapshot_options o;
    if (rc == NW_OK)
        rc = nw_options_resolve(&o, opts);
    if (rc != NW_OK)
        return rc;

    nw_snapshot *s = nw_mem_calloc(1, sizeof *s);
    if (s == NULL)
        return NW_ENOMEM;
    s->as_of = as_of;
    s->opts = o;
    s->source = (uintptr_t)net;
    s->generation = net->generation;
    s->bytes = sizeof *s;
    build b = {0};
    if ((rc = read_model(s, &b, net)) != NW_OK || (rc = fill_rows(s, &b)) != NW_OK) {
        build_release(&b);
        snapshot_release(s);
        return rc;
    }
    /* The flat members are no longer needed: free them before the merge. */
    nw_mem_free(b.member);
    b.member = NULL;
    nw_mem_free(b.mstart);
    b.mstart = NULL;
    rc = merge_rows(s, &b);
    build_release(&b);
    if (rc != NW_OK) {
        snapshot_release(s);
        return rc;
    }
    nw_mem_network_born(); /* nw_set_allocator must wait for the snapshot too */
    *out = s;
    return NW_OK;
}

/* ---- accessors -------------------------------------------------------------- */

int nw_snapshot_date(nw_date *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->as_of;
    return NW_OK;
}

int nw_snapshot_options_get(nw_snapshot_options *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->opts;
    return NW_OK;
}

int nw_snapshot_is_current(bool *out, const nw_snapshot *snap, const nw_network *net)
{
    if (out == NULL || snap == NULL || net == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : snap == NULL ? "snap" : "net");
    *out = snap->source == (uintptr_t)net && snap->generation == net->generation;
    return NW_OK;
}

int nw_snapshot_actor_count(size_t *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->n;
    return NW_OK;
}

int nw_snapshot_pair_count(size_t *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->m;
    return NW_OK;
}

int nw_snapshot_tie_count(size_t *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->nties;
    return NW_OK;
}

int nw_snapshot_memory(size_t *out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    *out = snap->bytes;
    return NW_OK;
}

int nw_snapshot_actor_id(nw_id *out, const nw_snapshot *snap, size_t vertex)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    if (vertex >= snap->n)
        return nw_fail(NW_ENOTFOUND, "vertex %zu is out of range (the snapshot has %zu actors)",
                       vertex, snap->n);
    *out = snap->actor_ids[vertex];
    return NW_OK;
}

int nw_snapshot_vertex_of(size_t *out, const nw_snapshot *snap, nw_id actor)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    size_t i = nw_ids_lower_bound(snap->actor_ids, snap->n, actor);
    if (i == snap->n || snap->actor_ids[i] != actor)
        return nw_fail(NW_ENOTFOUND, "actor %" PRIu32 " is not in the snapshot", actor);
    *out = i;
    return NW_OK;
}

size_t nw_snap_upper(const nw_snapshot *s, size_t v)
{
    size_t lo = s->off[v], hi = s->off[v + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->adj[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int nw_snapshot_pair(nw_pair_info *out, const nw_snapshot *snap, size_t pair)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    if (pair >= snap->m)
        return nw_fail(NW_ENOTFOUND, "pair %zu is out of range (the snapshot has %zu pairs)", pair, snap->m);
    /* The lower vertex u is the last with pair_off[u] <= pair. */
    size_t lo = 0, hi = snap->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (snap->pair_off[mid] <= pair)
            lo = mid;
        else
            hi = mid;
    }
    size_t slot = nw_snap_upper(snap, lo) + (pair - snap->pair_off[lo]);
    size_t v = snap->adj[slot];
    out->va = lo;
    out->vb = v;
    out->a = snap->actor_ids[lo];
    out->b = snap->actor_ids[v];
    out->weight = snap->w ? snap->w[slot] : 1.0;
    out->ties = snap->mult[slot];
    out->strong = (snap->flags[slot] & NW_SLOT_STRONG) != 0;
    return NW_OK;
}
