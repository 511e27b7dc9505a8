/*
 * Ties: actors joined under one relationship form, their dates, texts and
 * interaction log. A tie's members and each member's `ties` list are kept
 * ascending and in step.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- handles and records ------------------------------------------------- */

/* A record small enough that a bulk load writes and the snapshot reads
 * little per tie (issue 4): the rare fields live in nw_tie_extra. */
_Static_assert(sizeof(nw_tie_rec) <= 56, "nw_tie_rec grew past 56 bytes");

const nw_strset nw_tie_no_strset = { NULL, 0, 0 };

struct nw_tie_extra *nw_tie_extra_get(nw_tie_rec *t)
{
    if (t->extra == NULL)
        t->extra = nw_mem_calloc(1, sizeof *t->extra);
    return t->extra;
}

static void extra_free(struct nw_tie_extra *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->nlog; i++)
        nw_mem_free(x->log[i].note);
    nw_mem_free(x->log);
    nw_strset_clear(&x->topics);
    nw_strset_clear(&x->goals);
    nw_mem_free(x->label);
    nw_checklist_rec_free(x->checklist); /* issue 3 */
    nw_mem_free(x);
}

void nw_tie_rec_member_erase(nw_tie_rec *t, nw_id actor)
{
    size_t n = t->nmembers;
    nw_ids_erase(t->members, &n, actor);
    t->nmembers = (uint32_t)n;
}

nw_tie *nw_tie_handle_new(nw_network *net, nw_id id)
{
    nw_tie *h = nw_mem_alloc(sizeof *h);
    if (h == NULL)
        return NULL;
    h->net = net;
    h->id = id;
    nw_network_ref(net);
    return h;
}

nw_tie_rec *nw_tie_resolve(const nw_tie *tie)
{
    if (tie == NULL) {
        nw_fail(NW_EINVAL, "tie is NULL");
        return NULL;
    }
    if (tie->net->closed) {
        nw_fail(NW_ESTALE, "network was freed");
        return NULL;
    }
    nw_tie_rec *rec = nw_network_tie_rec(tie->net, tie->id);
    if (rec == NULL)
        nw_fail(NW_ESTALE, "tie %" PRIu32 " was removed", tie->id);
    return rec;
}

/* nw_ties_add allocates its records in blocks of up to TIE_BLOCK: a load of
 * a million ties makes 16,000 allocations instead of a million. Small blocks
 * (10 KB), not one for the whole load: glibc's malloc reuses freed ones from
 * its heap, while huge blocks were mapped and page-faulted afresh on every
 * load (measured: 64 records as fast as 16 at 1M ties, 256 or more slower).
 * A block goes when its last record is freed; until then a removed record
 * is zeroed, so that nothing of it is left in a live block. */
#define TIE_BLOCK 64
struct nw_tie_block {
    size_t live;
    nw_tie_rec recs[];
};

void nw_tie_rec_free(nw_tie_rec *rec)
{
    if (rec == NULL)
        return;
    extra_free(rec->extra);
    if (rec->members != rec->pair)
        nw_mem_free(rec->members);
    struct nw_tie_block *block = rec->block;
    if (block == NULL) {
        nw_mem_free(rec);
        return;
    }
    memset(rec, 0, sizeof *rec);
    if (--block->live == 0)
        nw_mem_free(block);
}

void nw_tie_rec_drop(nw_network *net, nw_tie_rec *tie, nw_id skip)
{
    for (size_t i = 0; i < tie->nmembers; i++) {
        if (tie->members[i] == skip)
            continue;
        nw_actor_rec *member = nw_network_actor_rec(net, tie->members[i]);
        nw_ids_erase(member->ties, &member->nties, tie->id);
    }
    net->ties[tie->id] = NULL;
    net->tie_count--;
    net->tie_count_by_form[tie->form]--;
    nw_tie_rec_free(tie);
}

static int compare_ids(const void *a, const void *b)
{
    nw_id x = *(const nw_id *)a, y = *(const nw_id *)b;
    return (x > y) - (x < y);
}

/* Resolve for a getter: NULL output first, then the handle. */
static nw_tie_rec *resolve_get(const void *out, const char *out_name, const nw_tie *tie)
{
    if (out == NULL) {
        nw_fail(NW_EINVAL, "%s is NULL", out_name);
        return NULL;
    }
    return nw_tie_resolve(tie);
}

/* An actor handle given with a tie: not NULL, of the tie's network, alive. */
static nw_actor_rec *resolve_actor(const nw_tie *tie, const nw_actor *actor)
{
    if (actor == NULL) {
        nw_fail(NW_EINVAL, "actor is NULL");
        return NULL;
    }
    if (actor->net != tie->net) {
        nw_fail(NW_EINVAL, "actor %" PRIu32 " belongs to another network than tie %" PRIu32,
                actor->id, tie->id);
        return NULL;
    }
    return nw_actor_resolve(actor);
}

/* ---- creation: what nw_tie_add and nw_ties_add share --------------------- */

/* The checks every new tie passes: the network, the form, the start date,
 * and identities left for `count` more ties. */
static int check_new_ties(const nw_network *net, nw_form form, nw_date start, size_t count)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_form(form);
    if (rc == NW_OK)
        rc = nw_check_date(start, "start");
    if (rc != NW_OK)
        return rc;
    uint64_t left = (uint64_t)NW_ID_MAX + 1 - net->next_tie_id;
    if (left == 0)
        return nw_fail(NW_ELIMIT, "tie identities are used up (%" PRIu32 " created)", NW_ID_MAX);
    if ((uint64_t)count > left)
        return nw_fail(NW_ELIMIT, "%zu ties requested, %" PRIu64 " tie identities left", count, left);
    return NW_OK;
}

/* Sort a new tie's members ascending; NW_EINVAL if one is given twice. */
static int sort_members(nw_id *ids, size_t n, const char *what)
{
    if (n == 2) {
        if (ids[0] > ids[1]) {
            nw_id x = ids[0];
            ids[0] = ids[1];
            ids[1] = x;
        }
    } else {
        qsort(ids, n, sizeof *ids, compare_ids);
    }
    for (size_t i = 1; i < n; i++)
        if (ids[i] == ids[i - 1])
            return nw_fail(NW_EINVAL, "actor %" PRIu32 " is given twice in %s", ids[i], what);
    return NW_OK;
}

/* Fill the zeroed record of a new tie `id` whose members are ids[0..n)
 * (ascending, distinct, live; copied), not yet in the network. A tie of two
 * keeps its members in the record. NW_ENOMEM frees what it allocated. */
static int rec_init(nw_tie_rec *rec, nw_id id, nw_form form, nw_date start, const nw_id *ids,
                    size_t n)
{
    rec->members = n <= 2 ? rec->pair : nw_mem_alloc(n * sizeof *ids);
    if (rec->members == NULL)
        return NW_ENOMEM;
    /* issue 3: the checklist of a cooperation or group, freed with rec */
    nw_checklist_rec *cl = NULL;
    int rc = nw_checklist_rec_for_tie(&cl, form, ids, n);
    if (rc == NW_OK && cl != NULL && nw_tie_extra_get(rec) == NULL) {
        nw_checklist_rec_free(cl);
        rc = NW_ENOMEM;
    }
    if (rc != NW_OK) {
        if (rec->members != rec->pair)
            nw_mem_free(rec->members);
        return rc;
    }
    if (cl != NULL)
        rec->extra->checklist = cl;
    if (n == 2) { /* most ties: not through memcpy's call */
        rec->members[0] = ids[0];
        rec->members[1] = ids[1];
    } else {
        memcpy(rec->members, ids, n * sizeof *ids);
    }
    rec->id = id;
    rec->form = (uint8_t)form;
    rec->start = start;
    rec->end = NW_DATE_NONE;
    rec->nmembers = rec->capmembers = (uint32_t)n; /* n distinct live actors */
    return NW_OK;
}

/* A record of its own for a new tie (see rec_init); NULL + NW_ENOMEM. */
static nw_tie_rec *rec_new(nw_id id, nw_form form, nw_date start, const nw_id *ids, size_t n)
{
    nw_tie_rec *rec = nw_mem_calloc(1, sizeof *rec);
    if (rec != NULL && rec_init(rec, id, form, start, ids, n) != NW_OK) {
        nw_mem_free(rec);
        rec = NULL;
    }
    return rec;
}

/* Room for `need` members; a tie of two moves its members out of the
 * record when a third joins. Changes nothing visible. */
static int members_reserve(nw_tie_rec *rec, size_t need)
{
    if (rec->members != rec->pair) {
        size_t cap = rec->capmembers;
        int rc = nw_mem_reserve((void **)&rec->members, &cap, need, sizeof *rec->members);
        /* need <= NW_ID_MAX; a larger capacity is only under-reported */
        rec->capmembers = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
        return rc;
    }
    if (need <= 2)
        return NW_OK;
    nw_id *m = nw_mem_calloc(need, sizeof *m);
    if (m == NULL)
        return NW_ENOMEM;
    memcpy(m, rec->pair, rec->nmembers * sizeof *m);
    rec->members = m;
    rec->capmembers = (uint32_t)need;
    return NW_OK;
}

/* Put a prepared record into its slot (reserved) and count it. Never
 * fails; the caller links it into its members' tie lists, moves
 * next_tie_id on and touches the network. */
static void rec_place(nw_network *net, nw_tie_rec *rec)
{
    net->ties[rec->id] = rec;
    net->tie_count++;
    net->tie_count_by_form[rec->form]++;
}

/* An actor whose tie list lives in the network's arena (a bulk load made
 * it with no room to spare) gets a list of its own, which can grow.
 * Changes nothing visible. */
static int ties_own(nw_actor_rec *a)
{
    if (a->capties != 0 || a->ties == NULL)
        return NW_OK;
    if (a->nties == 0) {
        a->ties = NULL;
        return NW_OK;
    }
    nw_id *own = nw_mem_alloc(a->nties * sizeof *own);
    if (own == NULL)
        return NW_ENOMEM;
    memcpy(own, a->ties, a->nties * sizeof *own);
    a->ties = own;
    a->capties = a->nties;
    return NW_OK;
}

/* Room for `need` ties in an actor's list. Changes nothing visible. */
static int actor_ties_reserve(nw_actor_rec *a, size_t need)
{
    int rc = ties_own(a);
    return rc == NW_OK ? nw_mem_reserve((void **)&a->ties, &a->capties, need, sizeof *a->ties) : rc;
}

/* ---- creation, lookup, removal ------------------------------------------ */

int nw_tie_add(nw_tie **out, nw_network *net, nw_form form,
               nw_actor *const *members, size_t count, nw_date start)
{
    int rc = check_new_ties(net, form, start, 1);
    if (rc != NW_OK)
        return rc;
    if (members == NULL)
        return nw_fail(NW_EINVAL, "members is NULL");
    if (count < 2)
        return nw_fail(NW_EINVAL, "a tie needs at least two members (count is %zu)", count);
    for (size_t i = 0; i < count; i++) {
        if (members[i] == NULL)
            return nw_fail(NW_EINVAL, "members[%zu] is NULL", i);
        if (members[i]->net != net)
            return nw_fail(NW_EINVAL, "members[%zu] belongs to another network", i);
        if (nw_network_actor_rec(net, members[i]->id) == NULL)
            return nw_fail(NW_ESTALE, "members[%zu]: actor %" PRIu32 " was removed",
                           i, members[i]->id);
    }
    nw_id id = (nw_id)net->next_tie_id;

    /* Prepare everything that can fail, then commit. */
    nw_id small[8];
    nw_id *ids = count <= 8 ? small : nw_mem_calloc(count, sizeof *ids);
    if (ids == NULL)
        return NW_ENOMEM;
    for (size_t i = 0; i < count; i++)
        ids[i] = members[i]->id;
    rc = sort_members(ids, count, "members");
    if (rc == NW_OK)
        rc = nw_mem_reserve((void **)&net->ties, &net->ties_cap, (size_t)id + 1, sizeof *net->ties);
    for (size_t i = 0; rc == NW_OK && i < count; i++) {
        rc = actor_ties_reserve(net->actors[ids[i]], net->actors[ids[i]]->nties + 1);
    }
    nw_tie_rec *rec = rc == NW_OK ? rec_new(id, form, start, ids, count) : NULL;
    nw_tie *handle = NULL;
    if (rec != NULL && out != NULL && (handle = nw_tie_handle_new(net, id)) == NULL) {
        nw_tie_rec_free(rec);
        rec = NULL;
    }
    if (ids != small)
        nw_mem_free(ids);
    if (rec == NULL)
        return rc != NW_OK ? rc : NW_ENOMEM;
    net->ties[0] = NULL;
    rec_place(net, rec);
    /* The new identity is the highest: appending keeps the lists ascending. */
    for (size_t i = 0; i < count; i++) {
        nw_actor_rec *a = net->actors[rec->members[i]];
        a->ties[a->nties++] = id;
    }
    net->next_tie_id++;
    nw_network_touch(net);
    if (out != NULL)
        *out = handle;
    return NW_OK;
}

/* NW_ENOTFOUND unless pairs[i] names a live actor. */
static int check_pair_member(const nw_network *net, const nw_id *pairs, size_t i)
{
    nw_id id = pairs[i];
    if (nw_network_actor_rec(net, id) != NULL)
        return NW_OK;
    if (id == NW_ID_NONE || id >= net->next_actor_id)
        return nw_error_at(nw_fail(NW_ENOTFOUND, "pairs[%zu]: no actor %" PRIu32, i, id), 1, i, 0);
    return nw_error_at(nw_fail(NW_ENOTFOUND, "pairs[%zu]: actor %" PRIu32 " was removed", i, id), 1, i, 0);
}

/*
 * The members' tie lists of a bulk load. On a large network every actor
 * record visited is a cache miss, and visiting two per tie in random order
 * costs more than everything else the load does. A load that is large for
 * its network therefore counts the new memberships of each actor first,
 * visits each actor record once, in identity order, to make room in its
 * list, and notes where its new ties go (next[x]); the commit then writes
 * the ties there without reading an actor record. A small load visits the
 * members tie by tie.
 */
typedef struct by_actor {
    uint32_t *count; /* next_actor_id entries: new ties of actor x; NULL: tie by tie */
    nw_id **next;    /* next_actor_id entries: where actor x's next new tie goes */
} by_actor;

static void by_actor_free(by_actor *g)
{
    nw_mem_free(g->count);
    nw_mem_free(g->next);
}

static int by_actor_make(by_actor *g, const nw_network *net, const nw_id *pairs, size_t npairs)
{
    size_t n = (size_t)net->next_actor_id;
    g->count = NULL;
    g->next = NULL;
    if (npairs < n / 16)
        return NW_OK; /* tie by tie */
    g->count = nw_mem_calloc(n, sizeof *g->count);
    g->next = nw_mem_alloc(n * sizeof *g->next);
    if (g->count == NULL || g->next == NULL) {
        by_actor_free(g);
        return NW_ENOMEM;
    }
    for (size_t i = 0; i < 2 * npairs; i++) /* at most NW_ID_MAX ties each */
        g->count[pairs[i]]++;
    return NW_OK;
}

/* Take back what by_actor_reserve counted in the lists of actors [1, end);
 * a list it carved from the arena goes with the caller's rewind. */
static void by_actor_unreserve(nw_network *net, const by_actor *g, size_t end)
{
    for (size_t x = 1; x < end; x++) {
        nw_actor_rec *a = net->actors[x];
        if (g->count[x] == 0)
            continue;
        a->nties -= g->count[x];
        if (a->nties == 0 && a->capties == 0)
            a->ties = NULL;
    }
}

/* Room in every member's tie list for exactly its new ties. Grouped, the
 * new ties are counted in nties at once (the slots are written at the
 * commit; a failure takes the counts back), and an actor without a list
 * gets one from the network's arena: one allocation per chunk instead of
 * one per actor. Tie by tie, only capacities grow. Either way a failure
 * changes nothing visible (the caller rewinds the arena). */
static int by_actor_reserve(nw_network *net, const by_actor *g, const nw_id *pairs, size_t npairs)
{
    int rc = NW_OK;
    if (g->count == NULL) {
        /* Count the new ties in nties for a moment, reserve, take it back;
         * lists in the arena are copied out first, while nties is true. */
        for (size_t i = 0; rc == NW_OK && i < 2 * npairs; i++)
            rc = ties_own(net->actors[pairs[i]]);
        if (rc != NW_OK)
            return rc;
        for (size_t i = 0; i < 2 * npairs; i++)
            net->actors[pairs[i]]->nties++;
        for (size_t i = 0; rc == NW_OK && i < 2 * npairs; i++) {
            nw_actor_rec *a = net->actors[pairs[i]];
            rc = nw_mem_reserve((void **)&a->ties, &a->capties, a->nties, sizeof *a->ties);
        }
        for (size_t i = 0; i < 2 * npairs; i++)
            net->actors[pairs[i]]->nties--;
        return rc;
    }
    size_t x = 1, n = (size_t)net->next_actor_id;
    for (; x < n; x++) {
        if (g->count[x] == 0)
            continue;
        nw_actor_rec *a = net->actors[x];
        if (a->ties == NULL) {
            a->ties = nw_arena_alloc(&net->arena, g->count[x] * sizeof *a->ties);
            rc = a->ties != NULL ? NW_OK : NW_ENOMEM;
        } else {
            rc = actor_ties_reserve(a, a->nties + g->count[x]);
        }
        if (rc != NW_OK)
            break;
        g->next[x] = a->ties + a->nties;
        a->nties += g->count[x];
    }
    if (rc != NW_OK)
        by_actor_unreserve(net, g, x);
    return rc;
}

/* Commit: append the new ties to their members' lists (room reserved; the
 * new identities are the highest, so the lists stay ascending). */
static void by_actor_link(nw_network *net, const by_actor *g, const nw_id *pairs, uint64_t first,
                          size_t npairs)
{
    if (g->count == NULL) {
        for (size_t i = 0; i < npairs; i++) {
            const nw_tie_rec *rec = net->ties[first + i];
            for (size_t j = 0; j < rec->nmembers; j++) {
                nw_actor_rec *a = net->actors[rec->members[j]];
                a->ties[a->nties++] = rec->id;
            }
        }
        return;
    }
    nw_id **next = g->next;
    for (size_t i = 0; i < 2 * npairs; i++)
        *next[pairs[i]]++ = (nw_id)(first + i / 2);
}

int nw_ties_add(nw_id *out_ids, nw_network *net, nw_form form,
                const nw_id *pairs, size_t npairs, nw_date start)
{
    int rc = check_new_ties(net, form, start, npairs);
    if (rc != NW_OK)
        return rc;
    if (pairs == NULL && npairs > 0)
        return nw_fail(NW_EINVAL, "pairs is NULL");
    if (npairs > SIZE_MAX / (2 * sizeof *pairs)) /* only where size_t is 32 bits */
        return nw_fail(NW_ELIMIT, "npairs %zu is more than an array of pairs can hold", npairs);
    for (size_t i = 0; i < 2 * npairs; i += 2) {
        if (nw_network_actor_rec(net, pairs[i]) == NULL || nw_network_actor_rec(net, pairs[i + 1]) == NULL) {
            if ((rc = check_pair_member(net, pairs, i)) != NW_OK) /* for the message */
                return rc;
            return check_pair_member(net, pairs, i + 1);
        }
        if (pairs[i] == pairs[i + 1])
            return nw_error_at(nw_fail(NW_EINVAL, "pairs[%zu] and pairs[%zu]: actor %" PRIu32
                                       " is given twice in one tie", i, i + 1, pairs[i]),
                               2, i, i + 1);
    }
    if (npairs == 0)
        return NW_OK;
    uint64_t first = net->next_tie_id;

    /* Prepare everything that can fail, then commit: the slots, room in
     * the members' tie lists, ... */
    by_actor g;
    const nw_arena_mark mark = nw_arena_mark_get(&net->arena);
    rc = nw_mem_reserve((void **)&net->ties, &net->ties_cap, (size_t)(first + npairs),
                        sizeof *net->ties);
    if (rc == NW_OK)
        rc = by_actor_make(&g, net, pairs, npairs);
    if (rc != NW_OK)
        return rc;
    rc = by_actor_reserve(net, &g, pairs, npairs);
    const bool reserved = rc == NW_OK;
    /* ... and the records, in blocks, kept in the slots past the last
     * identity, which nothing reads until next_tie_id moves. */
    struct nw_tie_block *block = NULL;
    size_t made = 0;
    for (; rc == NW_OK && made < npairs; made++) {
        size_t k = made % TIE_BLOCK;
        if (k == 0) {
            size_t n = npairs - made < TIE_BLOCK ? npairs - made : TIE_BLOCK;
            block = nw_mem_calloc(1, sizeof *block + n * sizeof block->recs[0]);
            if (block == NULL) {
                rc = NW_ENOMEM;
                break;
            }
        }
        nw_id ids[2] = { pairs[2 * made], pairs[2 * made + 1] };
        (void)sort_members(ids, 2, "pairs"); /* distinct: checked above */
        nw_tie_rec *rec = &block->recs[k];
        rc = rec_init(rec, (nw_id)(first + made), form, start, ids, 2);
        if (rc != NW_OK) {
            if (k == 0)
                nw_mem_free(block); /* else its last record freed frees it */
            break;
        }
        rec->block = block;
        block->live++;
        net->ties[first + made] = rec;
    }
    if (rc != NW_OK) {
        while (made-- > 0)
            nw_tie_rec_free(net->ties[first + made]);
        if (reserved && g.count != NULL)
            by_actor_unreserve(net, &g, (size_t)net->next_actor_id);
        nw_arena_rewind(&net->arena, mark);
        by_actor_free(&g);
        return rc;
    }
    /* The records are in their slots already: count them (rec_place, for
     * all at once, without reading each record again). */
    net->ties[0] = NULL;
    net->tie_count += npairs;
    net->tie_count_by_form[form] += npairs;
    by_actor_link(net, &g, pairs, first, npairs);
    by_actor_free(&g);
    net->next_tie_id = first + npairs;
    nw_network_touch(net);
    if (out_ids != NULL)
        for (size_t i = 0; i < npairs; i++)
            out_ids[i] = (nw_id)(first + i);
    return NW_OK;
}

int nw_tie_lookup(nw_tie **out, nw_network *net, nw_id id)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    if (id == NW_ID_NONE || id >= net->next_tie_id)
        return nw_fail(NW_ENOTFOUND, "no tie %" PRIu32, id);
    if (net->ties[id] == NULL)
        return nw_fail(NW_ENOTFOUND, "tie %" PRIu32 " was removed", id);
    nw_tie *h = nw_tie_handle_new(net, id);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

int nw_tie_dup(nw_tie **out, const nw_tie *tie)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (tie == NULL)
        return nw_fail(NW_EINVAL, "tie is NULL");
    nw_tie *h = nw_tie_handle_new(tie->net, tie->id);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

void nw_tie_free(nw_tie *tie)
{
    if (tie == NULL)
        return;
    nw_network *net = tie->net;
    nw_mem_free(tie);
    nw_network_unref(net);
}

int nw_tie_remove(nw_tie *tie)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    nw_tie_rec_drop(tie->net, rec, NW_ID_NONE);
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_id(nw_id *out, const nw_tie *tie)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (tie == NULL)
        return nw_fail(NW_EINVAL, "tie is NULL");
    *out = tie->id;
    return NW_OK;
}

int nw_tie_equal(bool *out, const nw_tie *a, const nw_tie *b)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (a == NULL)
        return nw_fail(NW_EINVAL, "a is NULL");
    if (b == NULL)
        return nw_fail(NW_EINVAL, "b is NULL");
    *out = a->net == b->net && a->id == b->id;
    return NW_OK;
}

int nw_tie_form(nw_form *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->form;
    return NW_OK;
}

/* ---- members -------------------------------------------------------------- */

int nw_tie_member_count(size_t *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->nmembers;
    return NW_OK;
}

int nw_tie_member(nw_actor **out, const nw_tie *tie, size_t index)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    if (index >= rec->nmembers)
        return nw_fail(NW_ENOTFOUND, "member index %zu is out of range (tie %" PRIu32
                       " has %" PRIu32 ")", index, rec->id, rec->nmembers);
    nw_actor *h = nw_actor_handle_new(tie->net, rec->members[index]);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

int nw_tie_has_member(bool *out, const nw_tie *tie, const nw_actor *actor)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    if (resolve_actor(tie, actor) == NULL)
        return nw_errcode();
    *out = nw_ids_contains(rec->members, rec->nmembers, actor->id);
    return NW_OK;
}

int nw_tie_member_add(nw_tie *tie, nw_actor *actor)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    nw_actor_rec *a = resolve_actor(tie, actor);
    if (a == NULL)
        return nw_errcode();
    if (nw_ids_contains(rec->members, rec->nmembers, a->id))
        return nw_fail(NW_EEXISTS, "actor %" PRIu32 " is a member of tie %" PRIu32 " already",
                       a->id, rec->id);
    int rc = members_reserve(rec, (size_t)rec->nmembers + 1);
    if (rc == NW_OK)
        rc = actor_ties_reserve(a, a->nties + 1);
    if (rc == NW_OK) /* issue 3: room for the partner's checklist item */
        rc = nw_checklist_rec_reserve_member(nw_tie_rec_checklist(rec));
    if (rc != NW_OK)
        return rc;
    size_t n = rec->nmembers;
    nw_ids_insert(rec->members, &n, a->id);
    rec->nmembers = (uint32_t)n;
    nw_ids_insert(a->ties, &a->nties, rec->id);
    nw_checklist_rec_member_added(nw_tie_rec_checklist(rec), a->id); /* issue 3 */
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_member_remove(nw_tie *tie, nw_actor *actor)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    nw_actor_rec *a = resolve_actor(tie, actor);
    if (a == NULL)
        return nw_errcode();
    if (!nw_ids_contains(rec->members, rec->nmembers, a->id))
        return nw_fail(NW_ENOTFOUND, "actor %" PRIu32 " is not a member of tie %" PRIu32,
                       a->id, rec->id);
    if (rec->nmembers <= 2)
        return nw_fail(NW_EINVAL, "tie %" PRIu32 " would keep fewer than two members; "
                       "set its end date or remove it", rec->id);
    nw_tie_rec_member_erase(rec, a->id);
    nw_ids_erase(a->ties, &a->nties, rec->id);
    nw_checklist_rec_member_removed(nw_tie_rec_checklist(rec), a->id); /* issue 3 */
    nw_network_touch(tie->net);
    return NW_OK;
}

/* ---- dates ------------------------------------------------------------------ */

int nw_tie_start(nw_date *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->start;
    return NW_OK;
}

int nw_tie_set_start(nw_tie *tie, nw_date date)
{
    char d1[NW_DATE_BUFSIZE], d2[NW_DATE_BUFSIZE];
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    if (rec->end != NW_DATE_NONE && date > rec->end)
        return nw_fail(NW_EINVAL, "start %s would be after the end %s of tie %" PRIu32,
                       nw_date_str(d1, date), nw_date_str(d2, rec->end), rec->id);
    const nw_interaction *log = nw_tie_rec_log(rec);
    if (nw_tie_rec_nlog(rec) > 0 && date > log[0].date)
        return nw_fail(NW_EINVAL, "start %s would be after the first interaction of tie %"
                       PRIu32 " on %s", nw_date_str(d1, date), rec->id,
                       nw_date_str(d2, log[0].date));
    rec->start = date;
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_end(nw_date *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->end;
    return NW_OK;
}

int nw_tie_set_end(nw_tie *tie, nw_date date)
{
    char d1[NW_DATE_BUFSIZE], d2[NW_DATE_BUFSIZE];
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date_or_none(date, "date");
    if (rc != NW_OK)
        return rc;
    if (date != NW_DATE_NONE) {
        if (date < rec->start)
            return nw_fail(NW_EINVAL, "end %s would be before the start %s of tie %" PRIu32,
                           nw_date_str(d1, date), nw_date_str(d2, rec->start), rec->id);
        size_t nlog = nw_tie_rec_nlog(rec);
        const nw_interaction *log = nw_tie_rec_log(rec);
        if (nlog > 0 && date < log[nlog - 1].date)
            return nw_fail(NW_EINVAL, "end %s would be before the last interaction of tie %"
                           PRIu32 " on %s", nw_date_str(d1, date), rec->id,
                           nw_date_str(d2, log[nlog - 1].date));
    }
    rec->end = date;
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_exists_on(bool *out, const nw_tie *tie, nw_date date)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    *out = rec->start <= date && (rec->end == NW_DATE_NONE || date <= rec->end);
    return NW_OK;
}

/* ---- imposed, label, topics, goals ---------------------------------------- */

int nw_tie_imposed(bool *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->imposed;
    return NW_OK;
}

int nw_tie_set_imposed(nw_tie *tie, bool imposed)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    rec->imposed = imposed;
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_label(const char **out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_tie_rec_label(rec);
    return NW_OK;
}

int nw_tie_set_label(nw_tie *tie, const char *label)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_text_check(label, NW_TEXT_OPTIONAL, "label");
    if (rc != NW_OK)
        return rc;
    char *copy = NULL; /* NULL: no label */
    if (label[0] != '\0') {
        if ((copy = nw_mem_strdup(label)) == NULL)
            return NW_ENOMEM;
        if (nw_tie_extra_get(rec) == NULL) {
            nw_mem_free(copy);
            return NW_ENOMEM;
        }
    }
    if (rec->extra != NULL) {
        nw_mem_free(rec->extra->label);
        rec->extra->label = copy;
    }
    nw_network_touch(tie->net);
    return NW_OK;
}

/* Topics and goals share the ordered-set code; `goals` picks the set. */
static const nw_strset *tie_set(const nw_tie_rec *rec, bool goals)
{
    return goals ? nw_tie_rec_goals(rec) : nw_tie_rec_topics(rec);
}

static int set_add(nw_tie *tie, const char *text, bool goals)
{
    const char *what = goals ? "goal" : "topic";
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    /* Check before making the extra block (nw_strset_add checks again). */
    int rc = nw_text_check(text, NW_TEXT_LINE, what);
    if (rc != NW_OK)
        return rc;
    struct nw_tie_extra *x = nw_tie_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    rc = nw_strset_add(goals ? &x->goals : &x->topics, text, what);
    if (rc == NW_OK)
        nw_network_touch(tie->net);
    return rc;
}

static int set_remove(nw_tie *tie, const char *text, bool goals)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    nw_strset none = { NULL, 0, 0 }; /* no extra block: remove from an empty set */
    struct nw_tie_extra *x = rec->extra;
    nw_strset *set = x == NULL ? &none : goals ? &x->goals : &x->topics;
    int rc = nw_strset_remove(set, text, goals ? "goal" : "topic");
    if (rc == NW_OK)
        nw_network_touch(tie->net);
    return rc;
}

static int set_count(size_t *out, const nw_tie *tie, bool goals)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = tie_set(rec, goals)->len;
    return NW_OK;
}

static int set_get(const char **out, const nw_tie *tie, size_t index, bool goals)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    return nw_strset_get(out, tie_set(rec, goals), index, goals ? "goal" : "topic");
}

int nw_tie_topic_add(nw_tie *tie, const char *topic)
{
    return set_add(tie, topic, false);
}

int nw_tie_topic_remove(nw_tie *tie, const char *topic)
{
    return set_remove(tie, topic, false);
}

int nw_tie_topic_count(size_t *out, const nw_tie *tie)
{
    return set_count(out, tie, false);
}

int nw_tie_topic(const char **out, const nw_tie *tie, size_t index)
{
    return set_get(out, tie, index, false);
}

int nw_tie_goal_add(nw_tie *tie, const char *goal)
{
    return set_add(tie, goal, true);
}

int nw_tie_goal_remove(nw_tie *tie, const char *goal)
{
    return set_remove(tie, goal, true);
}

int nw_tie_goal_count(size_t *out, const nw_tie *tie)
{
    return set_count(out, tie, true);
}

int nw_tie_goal(const char **out, const nw_tie *tie, size_t index)
{
    return set_get(out, tie, index, true);
}

/* ---- interaction log (sorted by date, stable) ------------------------------ */

int nw_tie_interaction_add(nw_tie *tie, nw_date date, nw_interaction_kind kind, const char *note)
{
    char d1[NW_DATE_BUFSIZE], d2[NW_DATE_BUFSIZE], d3[NW_DATE_BUFSIZE];
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    if ((unsigned)kind > NW_INTERACTION_EVENT)
        return nw_fail(NW_EINVAL, "kind %d is not an interaction kind (0 to 3)", (int)kind);
    if (date < rec->start || (rec->end != NW_DATE_NONE && date > rec->end))
        return nw_fail(NW_EINVAL, "date %s is outside the lifetime of tie %" PRIu32
                       " (%s to %s)", nw_date_str(d1, date), rec->id,
                       nw_date_str(d2, rec->start),
                       rec->end == NW_DATE_NONE ? "open end" : nw_date_str(d3, rec->end));
    if (note != NULL && (rc = nw_text_check(note, NW_TEXT_FREE, "note")) != NW_OK)
        return rc;
    struct nw_tie_extra *x = nw_tie_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    rc = nw_mem_reserve((void **)&x->log, &x->caplog, x->nlog + 1, sizeof *x->log);
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(note != NULL ? note : "");
    if (copy == NULL)
        return NW_ENOMEM;
    /* After every entry of the same day or earlier: equal dates keep the
     * order in which they were logged. */
    size_t lo = 0, hi = x->nlog;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->log[mid].date <= date)
            lo = mid + 1;
        else
            hi = mid;
    }
    memmove(x->log + lo + 1, x->log + lo, (x->nlog - lo) * sizeof *x->log);
    x->log[lo].date = date;
    x->log[lo].kind = kind;
    x->log[lo].note = copy;
    x->nlog++;
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_interaction_count(size_t *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_tie_rec_nlog(rec);
    return NW_OK;
}

static int check_log_index(const nw_tie_rec *rec, size_t index)
{
    if (index >= nw_tie_rec_nlog(rec))
        return nw_fail(NW_ENOTFOUND, "interaction index %zu is out of range (tie %" PRIu32
                       " has %zu)", index, rec->id, nw_tie_rec_nlog(rec));
    return NW_OK;
}

int nw_tie_interaction(nw_date *date, nw_interaction_kind *kind, const char **note,
                       const nw_tie *tie, size_t index)
{
    if (date == NULL)
        return nw_fail(NW_EINVAL, "date is NULL");
    nw_tie_rec *rec = resolve_get(kind, "kind", tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_log_index(rec, index);
    if (rc != NW_OK)
        return rc;
    const nw_interaction *e = &nw_tie_rec_log(rec)[index];
    *date = e->date;
    *kind = e->kind;
    if (note != NULL)
        *note = e->note;
    return NW_OK;
}

int nw_tie_interaction_remove(nw_tie *tie, size_t index)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_log_index(rec, index);
    if (rc != NW_OK)
        return rc;
    struct nw_tie_extra *x = rec->extra; /* there is an entry: there is a block */
    nw_mem_free(x->log[index].note);
    memmove(x->log + index, x->log + index + 1, (x->nlog - index - 1) * sizeof *x->log);
    x->nlog--;
    nw_network_touch(tie->net);
    return NW_OK;
}
