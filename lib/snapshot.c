/*
 * Snapshots: the network as of one date, as a compact CSR adjacency that
 * every measure reads. The model is read once into compact arrays; the
 * member pairs are counted, scattered into rows, each row sorted (ties come
 * in identity order, so most rows already are), and runs of the same
 * neighbour merged in place: several ties between two actors become one
 * pair.
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

/* Allocate count items of size bytes, adding to *bytes. Zeroed only when
 * asked: most arrays are written in full, and clearing them first costs as
 * much as a pass of the build on small networks. */
static void *take_as(size_t count, size_t size, size_t *bytes, bool zero)
{
    count = count ? count : 1;
    if (count > SIZE_MAX / size) {
        nw_fail(NW_ENOMEM, "out of memory (%zu items of %zu bytes overflow)", count, size);
        return NULL;
    }
    void *p = zero ? nw_mem_calloc(count, size) : nw_mem_alloc(count * size);
    if (p != NULL)
        *bytes += count * size;
    return p;
}

/* For arrays that the build writes in full (or up to a count it keeps). */
static void *take(size_t count, size_t size, size_t *bytes)
{
    return take_as(count, size, bytes, false);
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
    s->actor_flags = take_as(n, sizeof *s->actor_flags, &s->bytes, true); /* ORed into */
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
    /* Pointers in locals here and in the loops below: a store through a
     * uint8_t pointer may alias anything, and would make the compiler
     * reload every struct field after it. */
    const size_t first = b->mstart[t], last = b->mstart[t + 1], k = last - first;
    uint32_t *member = b->member;
    const uint32_t *vmap = b->vmap;
    size_t *row = b->row;
    uint8_t *vflags = s->actor_flags;
    const uint8_t flags = (uint8_t)(NW_VTX_TIED | ((s->tie_info[t] >> 2) == NW_TIE_ACTIVE ? NW_VTX_ACTIVE : 0u));
    for (size_t i = first; i < last; i++) {
        uint32_t v = dense ? member[i] - 1 : vmap[member[i]] - 1;
        member[i] = v;
        vflags[v] |= flags;
        row[v + 1] += k - 1;
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
    if (b->directed > SIZE_MAX / sizeof(double) || b->nt >= UINT32_MAX)
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

static void sort_row(uint32_t *adj, uint32_t *tie, size_t n);

/*
 * The directed member pairs in rows, written straight into the snapshot's
 * own arrays: the neighbour into adj, the tie (for now) into mult, each row
 * sorted by neighbour, then tie. No array of its own for the pairs: on
 * small networks a large fresh block costs more in page faults than the
 * work done in it, and the peak memory is lower.
 */
static int fill_rows(nw_snapshot *s, build *b)
{
    size_t n = s->n, cap = (size_t)b->directed;
    s->adj = take(cap, sizeof *s->adj, &s->bytes);
    s->mult = take(cap, sizeof *s->mult, &s->bytes);
    if (s->adj == NULL || s->mult == NULL)
        return NW_ENOMEM;
    size_t *row = b->row;
    for (size_t v = 0; v < n; v++)
        row[v + 1] += row[v];
    /* s->off serves as the fill position of each row for now. */
    memcpy(s->off, row, n * sizeof *s->off);
    uint32_t *adj = s->adj, *tie = s->mult;
    size_t *pos = s->off;
    const size_t *mstart = b->mstart;
    const uint32_t *member = b->member;
    for (size_t t = 0; t < b->nt; t++) {
        const size_t last = mstart[t + 1];
        for (size_t i = mstart[t]; i < last; i++) {
            uint32_t vi = member[i];
            for (size_t j = i + 1; j < last; j++) {
                uint32_t vj = member[j];
                size_t p = pos[vi]++, q = pos[vj]++;
                adj[p] = vj;
                tie[p] = (uint32_t)t;
                adj[q] = vi;
                tie[q] = (uint32_t)t;
            }
        }
    }
    /* Ties come in identity order, so rows are often sorted already, and
     * within a run of one neighbour the ties always are. */
    for (size_t v = 0; v < n; v++) {
        size_t r = row[v], len = row[v + 1] - r;
        for (size_t i = 1; i < len; i++) {
            if (adj[r + i] < adj[r + i - 1]) {
                sort_row(adj + r, tie + r, len);
                break;
            }
        }
    }
    return NW_OK;
}

static inline uint64_t row_key(const uint32_t *adj, const uint32_t *tie, size_t i)
{
    return (uint64_t)adj[i] << 32 | tie[i];
}

static inline void row_swap(uint32_t *adj, uint32_t *tie, size_t i, size_t j)
{
    uint32_t a = adj[i], t = tie[i];
    adj[i] = adj[j];
    tie[i] = tie[j];
    adj[j] = a;
    tie[j] = t;
}

/* Heapsort by (neighbour, tie): O(n log n) in place, for rows far from sorted. */
static void heap_sift(uint32_t *adj, uint32_t *tie, size_t root, size_t n)
{
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && row_key(adj, tie, child + 1) > row_key(adj, tie, child))
            child++;
        if (row_key(adj, tie, root) >= row_key(adj, tie, child))
            return;
        row_swap(adj, tie, root, child);
    }
}

/* Sort a row by (neighbour, tie). Insertion sort takes linear time on the
 * nearly sorted rows that ties in identity order give (a hub's row is
 * ascending but for its first few entries); heapsort once it has moved too
 * much for that. */
static void sort_row(uint32_t *adj, uint32_t *tie, size_t n)
{
    size_t moved = 0, budget = 16 * n + 512;
    for (size_t i = 1; i < n; i++) {
        uint32_t a = adj[i], t = tie[i];
        uint64_t key = (uint64_t)a << 32 | t;
        size_t j = i;
        for (; j > 0 && row_key(adj, tie, j - 1) > key; j--) {
            adj[j] = adj[j - 1];
            tie[j] = tie[j - 1];
        }
        adj[j] = a;
        tie[j] = t;
        moved += i - j;
        if (moved > budget) {
            for (size_t k = n / 2; k-- > 0;)
                heap_sift(adj, tie, k, n);
            for (size_t end = n; end-- > 1;) {
                row_swap(adj, tie, 0, end);
                heap_sift(adj, tie, 0, end);
            }
            return;
        }
    }
}

/* Give back the unused end of an array of `cap` items that holds `used`. */
static int shrink(void **p, size_t used, size_t cap, size_t size, size_t *bytes)
{
    used = used ? used : 1;
    cap = cap ? cap : 1;
    if (used == cap)
        return NW_OK;
    void *q = nw_mem_realloc(*p, used * size);
    if (q == NULL)
        return NW_ENOMEM;
    *p = q;
    *bytes -= (cap - used) * size;
    return NW_OK;
}

/*
 * Merge runs of equal neighbours into pairs, in place: tie count, strong
 * flag and (weighted) 1 - prod(1 - S). A run lists its ties in the same
 * order in both rows, so both directions get bit-identical weights. The
 * merged pairs never overtake the slots still to be read, so they are
 * written over them; what several ties between the same two actors leave
 * over at the end is given back.
 */
static int merge_rows(nw_snapshot *s, const build *b)
{
    size_t cap = (size_t)b->directed;
    s->flags = take(cap, sizeof *s->flags, &s->bytes);
    if (s->opts.weighted)
        s->w = take(cap, sizeof *s->w, &s->bytes);
    if (s->flags == NULL || (s->opts.weighted && s->w == NULL))
        return NW_ENOMEM;
    const size_t *row = b->row, n = s->n;
    const uint8_t *tie_info = s->tie_info;
    const double *strength = b->strength;
    uint32_t *adj = s->adj, *mult = s->mult; /* mult holds each slot's tie until merged */
    uint8_t *pflags = s->flags;
    double *w = s->w;
    size_t *off = s->off, *pair_off = s->pair_off;
    size_t out = 0;
    off[0] = 0;
    pair_off[0] = 0;
    for (size_t v = 0; v < n; v++) {
        size_t upper = 0, end = row[v + 1];
        for (size_t i = row[v]; i < end;) {
            uint32_t nbr = adj[i], count = 0;
            double missing = 1.0;
            uint8_t flags = 0;
            for (; i < end && adj[i] == nbr; i++) {
                uint32_t t = mult[i];
                unsigned form = tie_info[t] & 3u;
                if (form == NW_FORM_KOOPERATION || form == NW_FORM_GRUPPE)
                    flags |= NW_SLOT_STRONG;
                if (strength != NULL)
                    missing *= 1.0 - strength[t];
                count++;
            }
            adj[out] = nbr;
            mult[out] = count;
            pflags[out] = flags;
            if (w != NULL)
                w[out] = 1.0 - missing;
            upper += nbr > v;
            out++;
        }
        off[v + 1] = out;
        pair_off[v + 1] = pair_off[v] + upper;
    }
    s->m = out / 2;
    int rc = shrink((void **)&s->adj, out, cap, sizeof *s->adj, &s->bytes);
    if (rc == NW_OK)
        rc = shrink((void **)&s->mult, out, cap, sizeof *s->mult, &s->bytes);
    if (rc == NW_OK)
        rc = shrink((void **)&s->flags, out, cap, sizeof *s->flags, &s->bytes);
    if (rc == NW_OK && s->w != NULL)
        rc = shrink((void **)&s->w, out, cap, sizeof *s->w, &s->bytes);
    return rc;
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
