/*
 * Iterators over actors and ties. Network-wide iterators walk identities up
 * to the network's current next identity, so additions during the walk are
 * reached; per-actor iterators walk an ascending copy taken at creation.
 * Both skip identities removed in the meantime. An iterator holds a network
 * reference, like a handle.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static int compare_ids(const void *a, const void *b)
{
    nw_id x = *(const nw_id *)a, y = *(const nw_id *)b;
    return (x > y) - (x < y);
}

/* ---- actors ---------------------------------------------------------------- */

static int actor_iter_make(nw_actor_iter **out, nw_network *net, bool whole_network,
                           nw_id *ids, size_t nids)
{
    nw_actor_iter *it = nw_mem_alloc(sizeof *it);
    if (it == NULL) {
        nw_mem_free(ids);
        return NW_ENOMEM;
    }
    it->net = net;
    it->whole_network = whole_network;
    it->ids = ids;
    it->nids = nids;
    it->pos = whole_network ? 1 : 0;
    nw_network_ref(net);
    *out = it;
    return NW_OK;
}

int nw_actor_iter_new(nw_actor_iter **out, nw_network *net)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    return actor_iter_make(out, net, true, NULL, 0);
}

int nw_actor_iter_new_neighbors(nw_actor_iter **out, const nw_actor *actor, unsigned form_mask)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_form_mask(form_mask);
    if (rc != NW_OK)
        return rc;
    nw_network *net = actor->net;

    /* Collect the other members of the selected ties, then sort and dedupe. */
    size_t n = 0;
    for (size_t i = 0; i < rec->nties; i++) {
        const nw_tie_rec *tie = nw_network_tie_rec(net, rec->ties[i]);
        if (form_mask & NW_FORM_BIT(tie->form))
            n += tie->nmembers - 1;
    }
    nw_id *ids = NULL;
    if (n > 0) {
        ids = nw_mem_calloc(n, sizeof *ids);
        if (ids == NULL)
            return NW_ENOMEM;
        size_t k = 0;
        for (size_t i = 0; i < rec->nties; i++) {
            const nw_tie_rec *tie = nw_network_tie_rec(net, rec->ties[i]);
            if (!(form_mask & NW_FORM_BIT(tie->form)))
                continue;
            for (size_t j = 0; j < tie->nmembers; j++)
                if (tie->members[j] != rec->id)
                    ids[k++] = tie->members[j];
        }
        qsort(ids, n, sizeof *ids, compare_ids);
        size_t unique = 0;
        for (size_t i = 0; i < n; i++)
            if (unique == 0 || ids[unique - 1] != ids[i])
                ids[unique++] = ids[i];
        n = unique;
    }
    return actor_iter_make(out, net, false, ids, n);
}

int nw_actor_iter_next(nw_actor **out, nw_actor_iter *iter)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (iter == NULL)
        return nw_fail(NW_EINVAL, "iter is NULL");
    nw_network *net = iter->net;
    if (net->closed)
        return nw_fail(NW_ESTALE, "network was freed");
    /* Find the next live identity without moving past it, so that a failed
     * handle allocation leaves the iterator where it was. */
    uint64_t pos = iter->pos;
    nw_id id = NW_ID_NONE;
    if (iter->whole_network) {
        while (pos < net->next_actor_id && net->actors[pos] == NULL)
            pos++;
        if (pos < net->next_actor_id)
            id = (nw_id)pos;
    } else {
        while (pos < iter->nids && nw_network_actor_rec(net, iter->ids[pos]) == NULL)
            pos++;
        if (pos < iter->nids)
            id = iter->ids[pos];
    }
    iter->pos = pos;
    if (id == NW_ID_NONE)
        return NW_ITEROVER;
    nw_actor *h = nw_actor_handle_new(net, id);
    if (h == NULL)
        return NW_ENOMEM;
    iter->pos = pos + 1;
    *out = h;
    return NW_OK;
}

void nw_actor_iter_free(nw_actor_iter *iter)
{
    if (iter == NULL)
        return;
    nw_network *net = iter->net;
    nw_mem_free(iter->ids);
    nw_mem_free(iter);
    nw_network_unref(net);
}

/* ---- ties ------------------------------------------------------------------ */

static int tie_iter_make(nw_tie_iter **out, nw_network *net, unsigned form_mask,
                         bool whole_network, nw_id *ids, size_t nids)
{
    nw_tie_iter *it = nw_mem_alloc(sizeof *it);
    if (it == NULL) {
        nw_mem_free(ids);
        return NW_ENOMEM;
    }
    it->net = net;
    it->form_mask = form_mask;
    it->whole_network = whole_network;
    it->ids = ids;
    it->nids = nids;
    it->pos = whole_network ? 1 : 0;
    nw_network_ref(net);
    *out = it;
    return NW_OK;
}

int nw_tie_iter_new(nw_tie_iter **out, nw_network *net, unsigned form_mask)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_form_mask(form_mask);
    if (rc != NW_OK)
        return rc;
    return tie_iter_make(out, net, form_mask, true, NULL, 0);
}

int nw_tie_iter_new_actor(nw_tie_iter **out, const nw_actor *actor, unsigned form_mask)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_form_mask(form_mask);
    if (rc != NW_OK)
        return rc;
    nw_network *net = actor->net;
    size_t n = 0;
    for (size_t i = 0; i < rec->nties; i++)
        if (form_mask & NW_FORM_BIT(nw_network_tie_rec(net, rec->ties[i])->form))
            n++;
    nw_id *ids = NULL;
    if (n > 0) {
        ids = nw_mem_calloc(n, sizeof *ids);
        if (ids == NULL)
            return NW_ENOMEM;
        size_t k = 0;
        for (size_t i = 0; i < rec->nties; i++)   /* already ascending */
            if (form_mask & NW_FORM_BIT(nw_network_tie_rec(net, rec->ties[i])->form))
                ids[k++] = rec->ties[i];
    }
    return tie_iter_make(out, net, form_mask, false, ids, n);
}

int nw_tie_iter_next(nw_tie **out, nw_tie_iter *iter)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (iter == NULL)
        return nw_fail(NW_EINVAL, "iter is NULL");
    nw_network *net = iter->net;
    if (net->closed)
        return nw_fail(NW_ESTALE, "network was freed");
    uint64_t pos = iter->pos;
    nw_id id = NW_ID_NONE;
    if (iter->whole_network) {
        while (pos < net->next_tie_id
               && (net->ties[pos] == NULL
                   || !(iter->form_mask & NW_FORM_BIT(net->ties[pos]->form))))
            pos++;
        if (pos < net->next_tie_id)
            id = (nw_id)pos;
    } else {
        while (pos < iter->nids && nw_network_tie_rec(net, iter->ids[pos]) == NULL)
            pos++;
        if (pos < iter->nids)
            id = iter->ids[pos];
    }
    iter->pos = pos;
    if (id == NW_ID_NONE)
        return NW_ITEROVER;
    nw_tie *h = nw_tie_handle_new(net, id);
    if (h == NULL)
        return NW_ENOMEM;
    iter->pos = pos + 1;
    *out = h;
    return NW_OK;
}

void nw_tie_iter_free(nw_tie_iter *iter)
{
    if (iter == NULL)
        return;
    nw_network *net = iter->net;
    nw_mem_free(iter->ids);
    nw_mem_free(iter);
    nw_network_unref(net);
}
