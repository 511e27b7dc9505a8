/*
 * Building a network from a file with the identities the file names.
 *
 * The public nw_actor_add / nw_tie_add hand out the next identity; to give
 * a record a chosen identity we first move that counter up to it with the
 * model's nw_network_reserve_ids (the identities skipped count as removed
 * ones, so they are never reused). Everything else, validation included,
 * is the model's own code.
 */
#include "io_internal.h"

int nw_io_actor_add(nw_network *net, nw_id id, nw_actor_kind kind, const char *name)
{
    if (id == NW_ID_NONE || id < net->next_actor_id)
        return nw_fail(NW_EINVAL, "actor %lu: identities must be ascending and unique",
                       (unsigned long)id);
    int rc = nw_network_reserve_ids(net, id, 0);
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
    int rc = nw_network_reserve_ids(net, 0, id);
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
    return nw_network_reserve_ids(net, next_actor, next_tie);
}
