/*
 * Building a network from a file with the identities the file names.
 *
 * The public nw_actor_add / nw_tie_add hand out net->next_*_id; to give a
 * record a chosen identity we first move that counter up to it. The slots
 * of the identities skipped are set to NULL, which is exactly the state of
 * a removed actor or tie (see struct nw_network in internal.h), so the
 * model's invariants hold and identities are never reused. Everything else,
 * validation included, is the model's own code.
 */
#include "io_internal.h"

/* Move the next identity up to `want`, with NULL slots (removed records)
 * for the identities in between. One function per record type, so that
 * the slot arrays are accessed with their own types. */
static int check_want(uint64_t want)
{
    if (want - 1 > NW_ID_MAX)
        return nw_fail(NW_ELIMIT, "identity %llu is out of range",
                       (unsigned long long)(want - 1));
    return NW_OK;
}

static int skip_actors(nw_network *net, uint64_t want)
{
    if (want <= net->next_actor_id)
        return NW_OK;
    int rc = check_want(want);
    if (rc != NW_OK)
        return rc;
    if (want > net->actors_cap) {
        void *p = net->actors;
        size_t cap = net->actors_cap;
        rc = nw_mem_reserve(&p, &cap, (size_t)want, sizeof *net->actors);
        if (rc != NW_OK)
            return rc;
        net->actors = p;
        net->actors_cap = cap;
    }
    for (uint64_t i = net->next_actor_id; i < want; i++)
        net->actors[i] = NULL;
    net->next_actor_id = want;
    return NW_OK;
}

static int skip_ties(nw_network *net, uint64_t want)
{
    if (want <= net->next_tie_id)
        return NW_OK;
    int rc = check_want(want);
    if (rc != NW_OK)
        return rc;
    if (want > net->ties_cap) {
        void *p = net->ties;
        size_t cap = net->ties_cap;
        rc = nw_mem_reserve(&p, &cap, (size_t)want, sizeof *net->ties);
        if (rc != NW_OK)
            return rc;
        net->ties = p;
        net->ties_cap = cap;
    }
    for (uint64_t i = net->next_tie_id; i < want; i++)
        net->ties[i] = NULL;
    net->next_tie_id = want;
    return NW_OK;
}

int nw_io_actor_add(nw_network *net, nw_id id, nw_actor_kind kind, const char *name)
{
    if (id == NW_ID_NONE || id < net->next_actor_id)
        return nw_fail(NW_EINVAL, "actor %lu: identities must be ascending and unique",
                       (unsigned long)id);
    int rc = skip_actors(net, id);
    if (rc == NW_OK)
        rc = nw_actor_add(NULL, net, kind, name);
    return rc;
}

int nw_io_tie_add(nw_network *net, nw_id id, nw_form form, const nw_id *members, size_t count,
                  nw_date start)
{
    if (id == NW_ID_NONE || id < net->next_tie_id)
        return nw_fail(NW_EINVAL, "tie %lu: identities must be ascending and unique",
                       (unsigned long)id);
    struct nw_actor small[8];
    struct nw_actor *handles = small;
    nw_actor *ptr_small[8];
    nw_actor **ptrs = ptr_small;
    if (count > 8) {
        handles = nw_mem_calloc(count, sizeof *handles);
        ptrs = nw_mem_calloc(count, sizeof *ptrs);
        if (handles == NULL || ptrs == NULL) {
            nw_mem_free(handles);
            nw_mem_free(ptrs);
            return NW_ENOMEM;
        }
    }
    for (size_t i = 0; i < count; i++) {
        handles[i] = nw_io_actor_ref(net, members[i]);
        ptrs[i] = &handles[i];
    }
    int rc = skip_ties(net, id);
    if (rc == NW_OK)
        rc = nw_tie_add(NULL, net, form, ptrs, count, start);
    if (handles != small) {
        nw_mem_free(handles);
        nw_mem_free(ptrs);
    }
    return rc;
}

int nw_io_set_next_ids(nw_network *net, uint64_t next_actor, uint64_t next_tie)
{
    int rc = skip_actors(net, next_actor);
    if (rc == NW_OK)
        rc = skip_ties(net, next_tie);
    return rc;
}
