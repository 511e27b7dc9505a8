/*
 * Snapshots: the network as of one date, as a compact CSR adjacency that
 * every measure reads. Each actor and tie record is read once: the members
 * of included ties go into one flat array (as vertices) while the rows are
 * counted; then the member pairs are scattered into rows, and each row is
 * sorted (ties come in identity order, so most rows already are) and its
 * runs of the same neighbour merged in place: several ties between two
 * actors become one pair.
 */
#include "analysis_internal.h"

#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* What the build keeps besides the snapshot's own arrays. */
typedef struct build {
    size_t nt;          /* included ties */
    size_t nmembers;    /* memberships of included ties */
    uint64_t directed;  /* directed member pairs, repeats included */
    uint32_t *member;   /* actor identities, then vertices; mcap items */
    size_t mcap;
    size_t *mstart;     /* NULL while every included tie has two members (tie t:
                           member[2t], member[2t + 1]); else nt + 1 starts */
    double *strength;   /* nt, when weighted */
    uint32_t *vmap;     /* actor identity -> vertex + 1, 0 = not a vertex;
                           NULL when every actor is one: vertex = identity - 1 */
    size_t late;        /* actors who joined after the date */
    unsigned forms;     /* 1: a weak tie is included, 2: a strong one */
    bool with_ties;     /* the merge needs each slot's tie: weights, or mixed forms */
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
    nw_mem_free(b->member);
    nw_mem_free(b->mstart);
    nw_mem_free(b->strength);
    nw_mem_free(b->vmap);
}

void nw_snapshot_free(nw_snapshot *snap)
{
    if (snap == NULL)
        return;
    snapshot_release(snap);
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

/* The per-vertex arrays that the ties fill in: flags (ORed into) and the
 * row counts (added to), so zeroed; and the pair offsets. */
static int vertex_arrays(nw_snapshot *s)
{
    s->actor_flags = take_as(s->n, sizeof *s->actor_flags, &s->bytes, true);
    s->off = take_as(s->n + 1, sizeof *s->off, &s->bytes, true);
    s->pair_off = take(s->n + 1, sizeof *s->pair_off, &s->bytes);
    return s->actor_flags && s->off && s->pair_off ? NW_OK : NW_ENOMEM;
}

/* Number the vertices (vmap[id] != 0 marks them) in identity order, move
 * identities and kinds from the identity slots to the vertex slots, and
 * give back the slots of actors who are no vertex. */
static int number_vertices(nw_snapshot *s, build *b, const nw_network *net)
{
    const size_t cap = (size_t)(net->next_actor_id - 1);
    size_t n = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        if (b->vmap[id]) {
            s->actor_ids[n] = (nw_id)id;
            s->actor_kind[n] = s->actor_kind[id - 1];
            b->vmap[id] = (uint32_t)++n;
        }
    }
    s->n = n;
    if (shrink((void **)&s->actor_ids, n, cap, sizeof *s->actor_ids, &s->bytes) != NW_OK ||
        shrink((void **)&s->actor_kind, n, cap, sizeof *s->actor_kind, &s->bytes) != NW_OK)
        return NW_ENOMEM;
    return vertex_arrays(s);
}

/*
 * Read each actor record once (on big networks each is a cache miss): its
 * identity, if it joined by the date (else 0), and its kind go to the slot
 * of its identity. When every actor is there and joined by then, that slot
 * is its vertex and the build needs no map. The vertices are the actors who
 * joined by the date, and members of included ties.
 */
static int read_actors(nw_snapshot *s, build *b, const nw_network *net)
{
    const size_t cap = (size_t)(net->next_actor_id - 1);
    nw_id *ids = s->actor_ids = take(cap, sizeof *s->actor_ids, &s->bytes);
    uint8_t *kind = s->actor_kind = take(cap, sizeof *s->actor_kind, &s->bytes);
    if (ids == NULL || kind == NULL)
        return NW_ENOMEM;
    size_t late = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        const nw_actor_rec *a = net->actors[id];
        if (a == NULL)
            continue;
        bool joined = a->joined == NW_DATE_NONE || a->joined <= s->as_of;
        ids[id - 1] = joined ? (nw_id)id : 0;
        kind[id - 1] = (uint8_t)a->kind;
        late += !joined;
    }
    b->late = late;
    if (late == 0 && net->actor_count == cap) {
        s->n = cap;
        return vertex_arrays(s);
    }
    b->vmap = nw_mem_calloc(cap + 1, sizeof *b->vmap);
    if (b->vmap == NULL)
        return NW_ENOMEM;
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        if (net->actors[id] != NULL && ids[id - 1] != 0)
            b->vmap[id] = 1;
    return late == 0 ? number_vertices(s, b, net) : NW_OK;
}

static inline size_t tie_first(const build *b, size_t t)
{
    return b->mstart != NULL ? b->mstart[t] : 2 * t;
}

/* The flags a tie in a state gives its members. */
static inline uint8_t member_flags(unsigned state)
{
    return (uint8_t)(NW_VTX_TIED | (state == NW_TIE_ACTIVE ? NW_VTX_ACTIVE : 0u));
}

/* A tie of other than two members: from now on the ties need starts. */
static int start_general(build *b, size_t nt, size_t cap)
{
    b->mstart = nw_mem_alloc((cap + 1) * sizeof *b->mstart);
    if (b->mstart == NULL)
        return NW_ENOMEM;
    for (size_t t = 0; t <= nt; t++)
        b->mstart[t] = 2 * t;
    return NW_OK;
}

/*
 * Read every tie record once: identity, form and state, strength, and the
 * members into the flat array. When no actor joined after the date, the
 * vertices are known already: members become vertices, set their flags and
 * count their rows in the same pass.
 */
static int read_ties(nw_snapshot *s, build *b, const nw_network *net)
{
    const size_t cap = net->tie_count;
    b->mcap = cap ? 2 * cap : 1;
    s->tie_ids = take(cap, sizeof *s->tie_ids, &s->bytes);
    s->tie_info = take(cap, sizeof *s->tie_info, &s->bytes);
    b->member = nw_mem_alloc(b->mcap * sizeof *b->member);
    if (s->opts.weighted)
        b->strength = nw_mem_alloc((cap ? cap : 1) * sizeof *b->strength);
    if (!s->tie_ids || !s->tie_info || !b->member || (s->opts.weighted && !b->strength))
        return NW_ENOMEM;
    /* Locals: a store through a uint8_t pointer may alias anything, and
     * would make the compiler reload every struct field after it. */
    const bool place = b->late == 0;
    const uint32_t *vmap = b->vmap;
    uint8_t *vflags = s->actor_flags;
    size_t *row = s->off; /* row[v + 1]: directed pairs of v, for now */
    nw_id *tie_ids = s->tie_ids;
    uint8_t *tie_info = s->tie_info;
    uint32_t *member = b->member;
    size_t *mstart = b->mstart;
    double *strength = b->strength;
    const nw_snapshot_options *opts = &s->opts;
    const nw_date as_of = s->as_of;
    const unsigned mask = opts->form_mask;
    const nw_tie_rec *const *ties = (const nw_tie_rec *const *)net->ties;
    const uint64_t end = net->next_tie_id;
    uint64_t directed = 0;
    size_t k = 0, pos = 0;
    unsigned forms = 0;
    for (uint64_t id = 1; id < end; id++) {
        /* On a big network each record is a cache miss: ask for it 16 ties
         * ahead, so that the misses overlap. (A tie of two keeps its
         * members inside the record.) */
        if (id + 16 < end)
            PREFETCH(ties[id + 16]);
        const nw_tie_rec *t = ties[id];
        if (!included(t, as_of, mask))
            continue;
        const size_t nm = t->nmembers;
        if (nm != 2 && mstart == NULL) {
            if (start_general(b, k, cap) != NW_OK)
                return NW_ENOMEM;
            mstart = b->mstart;
        }
        if (pos + nm > b->mcap) {
            if (nw_mem_reserve((void **)&b->member, &b->mcap, pos + nm, sizeof *b->member) != NW_OK)
                return NW_ENOMEM;
            member = b->member;
        }
        directed += (uint64_t)nm * (nm - 1);
        const unsigned form = (unsigned)t->form;
        nw_tie_state state = nw_state_of(t, as_of, opts);
        tie_ids[k] = t->id;
        tie_info[k] = (uint8_t)(form | ((unsigned)state << 2));
        forms |= (NW_FORM_BIT(form) & NW_FORM_MASK_STRONG) ? 2u : 1u;
        if (strength != NULL) {
            nw_strength_terms terms;
            nw_strength_of(&terms, t, as_of, opts);
            strength[k] = terms.strength;
        }
        const nw_id *m = t->members;
        if (place && nm == 2) { /* most ties */
            const uint8_t flags = member_flags(state);
            uint32_t u = vmap == NULL ? m[0] - 1 : vmap[m[0]] - 1;
            uint32_t v = vmap == NULL ? m[1] - 1 : vmap[m[1]] - 1;
            member[pos] = u;
            member[pos + 1] = v;
            pos += 2;
            vflags[u] |= flags;
            vflags[v] |= flags;
            row[u + 1]++;
            row[v + 1]++;
        } else if (place) {
            const uint8_t flags = member_flags(state);
            for (size_t i = 0; i < nm; i++) {
                uint32_t v = vmap == NULL ? m[i] - 1 : vmap[m[i]] - 1;
                member[pos++] = v;
                vflags[v] |= flags;
                row[v + 1] += nm - 1;
            }
        } else {
            for (size_t i = 0; i < nm; i++)
                member[pos++] = m[i];
        }
        if (mstart != NULL)
            mstart[k + 1] = pos;
        k++;
    }
    b->directed = directed;
    b->nt = s->nties = k;
    b->nmembers = pos;
    b->forms = forms;
    b->with_ties = s->opts.weighted || forms == 3u;
    if (b->directed > SIZE_MAX / sizeof(double) || b->nt >= UINT32_MAX)
        return nw_fail(NW_ELIMIT, "%zu ties with %" PRIu64 " member pairs do not fit a snapshot", b->nt,
                       b->directed / 2);
    return NW_OK;
}

/* When actors joined after the date, members of included ties are vertices
 * too: number the vertices now, then turn members into vertices. */
static int place_late(nw_snapshot *s, build *b, const nw_network *net)
{
    if (b->late > 0) {
        for (size_t i = 0; i < b->nmembers; i++)
            b->vmap[b->member[i]] = 1;
        if (number_vertices(s, b, net) != NW_OK)
            return NW_ENOMEM;
        for (size_t t = 0; t < b->nt; t++) {
            const size_t first = tie_first(b, t), last = tie_first(b, t + 1), k = last - first;
            const uint8_t flags = member_flags(s->tie_info[t] >> 2);
            for (size_t i = first; i < last; i++) {
                uint32_t v = b->vmap[b->member[i]] - 1;
                b->member[i] = v;
                s->actor_flags[v] |= flags;
                s->off[v + 1] += k - 1;
            }
        }
    }
    nw_mem_free(b->vmap);
    b->vmap = NULL;
    return NW_OK;
}

/* Put the pair u-v of tie t into both rows (pos: fill positions); the tie
 * of each slot too when `tie` is not NULL. */
static inline void scatter_pair(uint32_t *adj, uint32_t *tie, size_t *pos, uint32_t u, uint32_t v,
                                size_t t)
{
    size_t p = pos[u]++, q = pos[v]++;
    adj[p] = v;
    adj[q] = u;
    if (tie != NULL) {
        tie[p] = (uint32_t)t;
        tie[q] = (uint32_t)t;
    }
}

/* Scatter the pairs of ties of two members. */
static inline void scatter_twos(uint32_t *adj, uint32_t *tie, size_t *pos, const uint32_t *member, size_t nt)
{
    for (size_t t = 0; t < nt; t++)
        scatter_pair(adj, tie, pos, member[2 * t], member[2 * t + 1], t);
}

/*
 * The directed member pairs in rows, written straight into the snapshot's
 * own arrays: the neighbour into adj and, when the merge needs it, the tie
 * into mult. s->off serves as the fill position of each row: it counted the
 * row of v in off[v + 1]; after the prefix sum off[v] is where row v starts,
 * and after the scatter where it ends. No array of its own for the pairs: on
 * small networks a large fresh block costs more in page faults than the
 * work done in it, and the peak memory is lower.
 */
static int fill_rows(nw_snapshot *s, build *b)
{
    const size_t n = s->n, cap = (size_t)b->directed;
    uint32_t *adj = s->adj = take(cap, sizeof *s->adj, &s->bytes);
    uint32_t *tie = NULL;
    if (b->with_ties)
        tie = s->mult = take(cap, sizeof *s->mult, &s->bytes);
    if (adj == NULL || (b->with_ties && tie == NULL))
        return NW_ENOMEM;
    size_t *pos = s->off;
    for (size_t v = 0; v < n; v++)
        pos[v + 1] += pos[v];
    const uint32_t *member = b->member;
    if (b->mstart == NULL) {
        if (tie != NULL)
            scatter_twos(adj, tie, pos, member, b->nt);
        else
            scatter_twos(adj, NULL, pos, member, b->nt);
    } else {
        const size_t *mstart = b->mstart;
        for (size_t t = 0; t < b->nt; t++) {
            const size_t last = mstart[t + 1];
            for (size_t i = mstart[t]; i < last; i++)
                for (size_t j = i + 1; j < last; j++)
                    scatter_pair(adj, tie, pos, member[i], member[j], t);
        }
    }
    nw_mem_free(b->mstart);
    b->mstart = NULL;
    if (b->with_ties) {
        nw_mem_free(b->member);
        b->member = NULL;
        return NW_OK;
    }
    /* The merge writes only tie counts into mult: the member array, no
     * longer needed, is as large as that in the common case (ties of two
     * members) and its pages are already there. */
    const size_t need = cap ? cap : 1;
    uint32_t *mult = b->member;
    if (b->mcap > need) {
        mult = nw_mem_realloc(mult, need * sizeof *mult);
    } else if (b->mcap < need) {
        nw_mem_free(mult);
        b->member = NULL;
        mult = nw_mem_alloc(need * sizeof *mult);
    }
    if (mult == NULL)
        return NW_ENOMEM;
    b->member = NULL;
    s->mult = mult;
    s->bytes += need * sizeof *mult;
    return NW_OK;
}

static inline uint64_t row_key(const uint32_t *adj, const uint32_t *tie, size_t i)
{
    return (uint64_t)adj[i] << 32 | (tie != NULL ? tie[i] : 0u);
}

static inline void row_swap(uint32_t *adj, uint32_t *tie, size_t i, size_t j)
{
    uint32_t a = adj[i];
    adj[i] = adj[j];
    adj[j] = a;
    if (tie != NULL) {
        uint32_t t = tie[i];
        tie[i] = tie[j];
        tie[j] = t;
    }
}

/* Heapsort by (neighbour, tie): O(n log n) in place, for rows far from sorted. */
static inline void heap_sift(uint32_t *adj, uint32_t *tie, size_t root, size_t n)
{
    for (size_t child; (child = 2 * root + 1) < n; root = child) {
        if (child + 1 < n && row_key(adj, tie, child + 1) > row_key(adj, tie, child))
            child++;
        if (row_key(adj, tie, root) >= row_key(adj, tie, child))
            return;
        row_swap(adj, tie, root, child);
    }
}

/* Sort a row by (neighbour, tie). The slots of one neighbour come in tie
 * order (they were scattered so), so a stable sort by neighbour does it:
 * insertion sort, in linear time on the nearly sorted rows that ties in
 * identity order give (a hub's row is ascending but for its first few
 * entries); heapsort by (neighbour, tie) once it has moved too much for
 * that. Without ties (NULL) equal neighbours are all alike. Returns
 * whether a neighbour may come more than once (always after heapsort).
 * When it returns false, *above is the number of slots with a neighbour
 * above `self`, counted in the same pass (the order does not change it). */
static inline bool sort_row(uint32_t *adj, uint32_t *tie, size_t n, uint32_t self, size_t *above)
{
    size_t moved = 0, budget = 16 * n + 512, up = n > 0 && adj[0] > self;
    bool repeats = false;
    for (size_t i = 1; i < n; i++) {
        const uint32_t a = adj[i];
        up += a > self;
        if (a > adj[i - 1])
            continue;
        if (a == adj[i - 1]) {
            repeats = true;
            continue;
        }
        const uint32_t t = tie != NULL ? tie[i] : 0u;
        size_t j = i;
        do {
            adj[j] = adj[j - 1];
            if (tie != NULL)
                tie[j] = tie[j - 1];
            j--;
        } while (j > 0 && adj[j - 1] > a);
        adj[j] = a;
        if (tie != NULL)
            tie[j] = t;
        repeats |= j > 0 && adj[j - 1] == a;
        moved += i - j;
        if (moved > budget) {
            for (size_t k = n / 2; k-- > 0;)
                heap_sift(adj, tie, k, n);
            for (size_t end = n; end-- > 1;) {
                row_swap(adj, tie, 0, end);
                heap_sift(adj, tie, 0, end);
            }
            return true;
        }
    }
    *above = up;
    return repeats;
}

/*
 * Sort each row and merge its runs of equal neighbours into pairs, in
 * place: tie count and, when the slots carry their ties, strong flag and
 * (weighted) 1 - prod(1 - S). A run lists its ties in the same order in
 * both rows, so both directions get bit-identical weights. The merged pairs
 * never overtake the slots still to be read, so they are written over them;
 * what several ties between the same two actors leave over at the end is
 * given back. Without ties per slot every pair has the same flags.
 */
static int merge_rows(nw_snapshot *s, const build *b)
{
    const size_t cap = (size_t)b->directed;
    if (b->with_ties)
        s->flags = take(cap, sizeof *s->flags, &s->bytes);
    if (s->opts.weighted)
        s->w = take(cap, sizeof *s->w, &s->bytes);
    if ((b->with_ties && s->flags == NULL) || (s->opts.weighted && s->w == NULL))
        return NW_ENOMEM;
    s->all_flags = b->forms & 2u ? NW_SLOT_STRONG : 0; /* without ties per slot, every slot's */
    const size_t n = s->n;
    const uint8_t *tie_info = s->tie_info;
    const double *strength = b->strength;
    uint32_t *adj = s->adj, *mult = s->mult;
    uint32_t *tie = b->with_ties ? mult : NULL; /* mult holds each slot's tie until merged */
    /* Without ties per slot, mult is written only from the first pair of
     * several ties on (the earlier pairs get their 1 then), and left out
     * if there is none: the common case. */
    bool counting = tie != NULL;
    uint8_t *pflags = s->flags;
    double *w = s->w;
    size_t *off = s->off, *pair_off = s->pair_off; /* off[v]: end of row v, until rewritten */
    size_t out = 0, start = 0;
    pair_off[0] = 0;
    for (size_t v = 0; v < n; v++) {
        const size_t end = off[v];
        off[v] = out;
        size_t upper = 0;
        size_t above;
        if (tie == NULL && !sort_row(adj + start, NULL, end - start, (uint32_t)v, &above)) {
            /* The common case: a pair per slot. */
            const size_t len = end - start;
            if (out != start)
                memmove(adj + out, adj + start, len * sizeof *adj);
            upper = above;
            if (counting)
                for (size_t i = out; i < out + len; i++)
                    mult[i] = 1;
            out += len;
        } else if (tie == NULL) {
            for (size_t i = start; i < end;) {
                uint32_t nbr = adj[i];
                size_t j = i + 1;
                while (j < end && adj[j] == nbr)
                    j++;
                if (j - i > 1 && !counting) {
                    for (size_t k = 0; k < out; k++)
                        mult[k] = 1;
                    counting = true;
                }
                adj[out] = nbr;
                if (counting)
                    mult[out] = (uint32_t)(j - i);
                upper += nbr > v;
                out++;
                i = j;
            }
        } else {
            sort_row(adj + start, tie + start, end - start, (uint32_t)v, &above);
            for (size_t i = start; i < end;) {
                uint32_t nbr = adj[i], count = 0;
                double missing = 1.0;
                uint8_t flags = 0;
                for (; i < end && adj[i] == nbr; i++) {
                    uint32_t t = tie[i];
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
        }
        pair_off[v + 1] = pair_off[v] + upper;
        start = end;
    }
    off[n] = out;
    s->m = out / 2;
    if (!counting) {
        nw_mem_free(s->mult);
        s->mult = NULL;
        s->bytes -= (cap ? cap : 1) * sizeof *mult;
    }
    int rc = shrink((void **)&s->adj, out, cap, sizeof *s->adj, &s->bytes);
    if (rc == NW_OK && s->mult != NULL)
        rc = shrink((void **)&s->mult, out, cap, sizeof *s->mult, &s->bytes);
    if (rc == NW_OK && s->flags != NULL)
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
    s->source = net->serial;
    s->generation = net->generation;
    s->bytes = sizeof *s;
    build b = {0};
    if ((rc = read_actors(s, &b, net)) != NW_OK || (rc = read_ties(s, &b, net)) != NW_OK ||
        (rc = place_late(s, &b, net)) != NW_OK || (rc = fill_rows(s, &b)) != NW_OK ||
        (rc = merge_rows(s, &b)) != NW_OK) {
        build_release(&b);
        snapshot_release(s);
        return rc;
    }
    build_release(&b);
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
    *out = snap->source == net->serial && snap->generation == net->generation;
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

int nw_measure_check(const void *out, const char *name, size_t len, const nw_snapshot *snap, bool pairs)
{
    if (snap == NULL)
        return nw_fail(NW_EINVAL, "snap is NULL");
    size_t need = pairs ? snap->m : snap->n;
    if (out == NULL && need > 0)
        return nw_fail(NW_EINVAL, "%s is NULL", name);
    if (len < need)
        return nw_fail(NW_EINVAL, "%s has room for %zu value%s; the snapshot has %zu %s%s", name, len,
                       len == 1 ? "" : "s", need, pairs ? "pair" : "actor", need == 1 ? "" : "s");
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
    out->ties = nw_snap_mult(snap, slot);
    out->strong = (nw_snap_flags(snap, slot) & NW_SLOT_STRONG) != 0;
    return NW_OK;
}
