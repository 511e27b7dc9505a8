/*
 * bulk.i: the bulk load (nw_network_reserve, nw_actors_add, nw_ties_add).
 * Part of netzwerk.i, shared by Python and Lua.
 *
 * - Network.reserve(actors=0, ties=0): room for what is about to be added;
 *   nothing observable changes. A negative count is an invalid argument.
 * - Network.add_actors(names, kind): one actor of the kind per name, all
 *   or nothing. Python takes a sequence of str, Lua a list of strings (the
 *   Lua layer makes kind optional).
 * - Network.add_ties(form, pairs, start): one tie of two members per pair,
 *   all or nothing.
 * Both return the new identities, which are consecutive (actor.h, tie.h):
 * a range in Python, a list in Lua.
 *
 * The pairs come in as an nwb_pairs, filled by one typemap per language
 * (python/records_python.i, lua/records_lua.i): 2 n actor identities, and
 * the Actor objects where the caller gave objects instead of identities.
 * Python takes a sequence of (a, b) pairs or a buffer of integers of shape
 * (n, 2) (a numpy array); Lua a list of {a, b} pairs or a flat list
 * {a1, b1, a2, b2, ...}.
 *
 * Positions in messages are the caller's: the library names the flat
 * position in its array ("pairs[7]: no actor 9") and gives it by nw_errpos;
 * the binding writes it as pairs[3][1] (Python, 0-based) or pairs[4][2]
 * (Lua, 1-based) for nested pairs and keeps it (1-based in Lua) for a flat
 * list.
 *
 * The GIL is kept during nw_ties_add: the call changes the network, and
 * another Python thread holding an Actor or Tie of the same network could
 * otherwise use or free it meanwhile (netzwerk/common.h: one thread at a
 * time per network). The load is fast; converting the pairs is what costs.
 */

%runtime %{
/* The pairs of a bulk load, as the language's typemap filled them. */
typedef struct nwb_pairs {
    nw_id *ids;         /* 2 * n identities */
    size_t n;           /* the number of pairs */
    bool nested;        /* given as pairs (else as a flat list) */
    nwb_actor **actors; /* NULL, or 2 * n: the object given at each place (NULL for an id) */
} nwb_pairs;

/* The names of a bulk load of actors, as the language's typemap filled
 * them (UTF-8 owned by the language's strings). */
typedef struct nwb_names {
    const char **v;
    size_t n;
} nwb_names;

/* Identities a call added: first, first + 1, ..., first + count - 1. */
typedef struct nwb_id_range {
    nw_id first;
    size_t count;
} nwb_id_range;

/* The range of the n identities ids (consecutive, as actor.h and tie.h
 * promise; NW_ERROR recorded if not). */
static nwb_id_range nwb_id_range_of(const nw_id *ids, size_t n)
{
    nwb_id_range r = { NW_ID_NONE, 0 };
    size_t i;
    if (n == 0)
        return r;
    for (i = 1; i < n && ids[i] == ids[0] + i; i++)
        ;
    if (i < n)
        nwb_fail(NW_ERROR, "the new identities are not consecutive");
    r.first = ids[0];
    r.count = n;
    return r;
}

/* Write the place k (0-based) of the flat array `what` the caller's way:
 * as "what[pair][member]" when the caller gave nested pairs. */
static void nwb_place(char *buf, size_t size, const char *what, bool nested, size_t k)
{
    if (nested)
        snprintf(buf, size, "%s[%zu][%zu]", what, k / 2 + NWB_INDEX_BASE, k % 2 + NWB_INDEX_BASE);
    else
        snprintf(buf, size, "%s[%zu]", what, k + NWB_INDEX_BASE);
}

/* Record the failure rc of a bulk call with the places the library found
 * (nw_errpos: 0-based in the flat array `what` of len items) written the
 * caller's way. The library's message begins with those places, as
 * "what[k]" or "what[k] and what[j]"; that beginning is replaced. Without
 * places the message stays as it is. */
static void nwb_bulk_fail(int rc, const char *what, size_t len, bool nested)
{
    const char *msg = nw_errmsg();
    char lib[96] = "", one[64], two[64];
    size_t k = 0, j = 0;
    int n = nw_errpos(&k, &j);
    if (n == 1)
        snprintf(lib, sizeof lib, "%s[%zu]", what, k);
    else if (n == 2)
        snprintf(lib, sizeof lib, "%s[%zu] and %s[%zu]", what, k, what, j);
    if (n == 0 || k >= len || j >= len || strncmp(msg, lib, strlen(lib)) != 0) {
        nwb_check(rc);
        return;
    }
    msg += strlen(lib);
    if (n == 2 && nested && k / 2 == j / 2) { /* both members of one pair */
        nwb_fail(rc, "%s[%zu]%s", what, k / 2 + NWB_INDEX_BASE, msg);
        return;
    }
    nwb_place(one, sizeof one, what, nested, k);
    if (n == 1) {
        nwb_fail(rc, "%s%s", one, msg);
        return;
    }
    nwb_place(two, sizeof two, what, nested, j);
    nwb_fail(rc, "%s and %s%s", one, two, msg);
}

/* Check that the Actor objects among the pairs are of net (an Actor of
 * another network may have an identity that names someone here); 0, or
 * -1 with the failure recorded. Only places with objects cost a lookup. */
static int nwb_pairs_check_actors(nw_network *net, const nwb_pairs *p)
{
    size_t k;
    for (k = 0; p->actors && k < 2 * p->n; k++) {
        nw_actor *here = NULL;
        bool same = false;
        char place[64];
        int rc;
        if (!p->actors[k])
            continue;
        rc = nw_actor_lookup(&here, net, p->ids[k]);
        if (rc == NW_ENOTFOUND)
            continue; /* removed or unknown here: nw_ties_add says which, by place */
        if (nwb_check(rc) < 0)
            return -1;
        nw_actor_equal(&same, here, p->actors[k]);
        nw_actor_free(here);
        if (!same) {
            nwb_place(place, sizeof place, "pairs", p->nested, k);
            nwb_fail(NW_EINVAL, "%s: the actor is of another network", place);
            return -1;
        }
    }
    return 0;
}
%}

%extend nwb_network {
    /* Make room for actors and ties about to be added (a bulk load); never
     * needed for correctness. */
    void reserve(size_t actors = 0, size_t ties = 0)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_reserve(net, actors, ties));
    }

    /* Add one tie of a form per pair of actors, from a start date: all or
     * nothing. Returns the new ties' identities (consecutive). */
    nwb_id_range add_ties(nw_form form, const nwb_pairs *pairs, nw_date start)
    {
        nw_network *net = nwb_net($self);
        nwb_id_range r = { NW_ID_NONE, 0 };
        nw_id *ids;
        int rc;
        if (!net || nwb_pairs_check_actors(net, pairs) < 0)
            return r;
        ids = malloc((pairs->n > 0 ? pairs->n : 1) * sizeof *ids);
        if (!ids) {
            nwb_fail(NW_ENOMEM, "out of memory");
            return r;
        }
        rc = nw_ties_add(ids, net, form, pairs->ids, pairs->n, start);
        if (rc < 0)
            nwb_bulk_fail(rc, "pairs", 2 * pairs->n, pairs->nested);
        else
            r = nwb_id_range_of(ids, pairs->n);
        free(ids);
        return r;
    }

    /* Add one actor of a kind per name: all or nothing. Returns the new
     * actors' identities (consecutive). Kind is not optional here: the Lua
     * typemap of names moves the stack top (the Lua layer defaults it). */
    nwb_id_range add_actors(const nwb_names *names, nw_actor_kind kind)
    {
        nw_network *net = nwb_net($self);
        nwb_id_range r = { NW_ID_NONE, 0 };
        nw_id *ids;
        int rc;
        if (!net)
            return r;
        ids = malloc((names->n > 0 ? names->n : 1) * sizeof *ids);
        if (!ids) {
            nwb_fail(NW_ENOMEM, "out of memory");
            return r;
        }
        rc = nw_actors_add(ids, net, kind, names->v, names->n);
        if (rc < 0)
            nwb_bulk_fail(rc, "names", names->n, false);
        else
            r = nwb_id_range_of(ids, names->n);
        free(ids);
        return r;
    }
}
