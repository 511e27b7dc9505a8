/*
 * Change: two snapshots side by side (figures, and the actors and ties that
 * came and went, by merging their sorted identity lists), and a timeline of
 * the figures at regular intervals.
 */
#include "analysis_internal.h"

#include <string.h>

/* Identities in a[0..na) that are not in b[0..nb) (both ascending), written
 * to out if not NULL; returns their number. */
static size_t difference(nw_id *out, const nw_id *a, size_t na, const nw_id *b, size_t nb)
{
    size_t i = 0, j = 0, k = 0;
    while (i < na) {
        if (j < nb && b[j] < a[i]) {
            j++;
        } else if (j < nb && b[j] == a[i]) {
            i++;
            j++;
        } else {
            if (out)
                out[k] = a[i];
            k++;
            i++;
        }
    }
    return k;
}

int nw_snapshot_compare(nw_change **out, const nw_snapshot *before, const nw_snapshot *after)
{
    if (out == NULL || before == NULL || after == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : before == NULL ? "before" : "after");
    size_t joined = difference(NULL, after->actor_ids, after->n, before->actor_ids, before->n);
    size_t left = difference(NULL, before->actor_ids, before->n, after->actor_ids, after->n);
    size_t began = difference(NULL, after->tie_ids, after->nties, before->tie_ids, before->nties);
    size_t ended = difference(NULL, before->tie_ids, before->nties, after->tie_ids, after->nties);

    /* One block: the struct, then the four id arrays. */
    nw_change *c = nw_mem_alloc(sizeof *c + (joined + left + began + ended) * sizeof(nw_id));
    if (c == NULL)
        return NW_ENOMEM;
    int rc = nw_figures_compute(&c->before, before);
    if (rc == NW_OK)
        rc = nw_figures_compute(&c->after, after);
    if (rc != NW_OK) {
        nw_mem_free(c);
        return rc;
    }
    nw_id *ids = (nw_id *)(c + 1);
    c->actors_joined = ids;
    c->actors_joined_count = difference(ids, after->actor_ids, after->n, before->actor_ids, before->n);
    ids += joined;
    c->actors_left = ids;
    c->actors_left_count = difference(ids, before->actor_ids, before->n, after->actor_ids, after->n);
    ids += left;
    c->ties_began = ids;
    c->ties_began_count = difference(ids, after->tie_ids, after->nties, before->tie_ids, before->nties);
    ids += began;
    c->ties_ended = ids;
    c->ties_ended_count = difference(ids, before->tie_ids, before->nties, after->tie_ids, after->nties);
    *out = c;
    return NW_OK;
}

int nw_network_timeline(nw_figures **out, size_t *count, const nw_network *net, nw_date from, nw_date to,
                        int32_t step_days, const nw_snapshot_options *opts)
{
    if (out == NULL || count == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "count");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_date(from, "from");
    if (rc == NW_OK)
        rc = nw_check_date(to, "to");
    nw_snapshot_options o;
    if (rc == NW_OK)
        rc = nw_options_resolve(&o, opts);
    if (rc != NW_OK)
        return rc;
    if (to < from) {
        char a[NW_DATE_BUFSIZE], b[NW_DATE_BUFSIZE];
        return nw_fail(NW_EINVAL, "to (%s) is before from (%s)", nw_date_str(a, to), nw_date_str(b, from));
    }
    if (step_days < 1)
        return nw_fail(NW_EINVAL, "step_days %" PRId32 " is below 1", step_days);
    size_t points = (size_t)((to - from) / step_days) + 1;
    if (points > NW_TIMELINE_MAX)
        return nw_fail(NW_ELIMIT, "a timeline of %zu points exceeds NW_TIMELINE_MAX (%d)", points,
                       NW_TIMELINE_MAX);
    nw_figures *list = nw_mem_alloc(points * sizeof *list);
    if (list == NULL)
        return NW_ENOMEM;
    for (size_t i = 0; i < points; i++) {
        nw_snapshot *s;
        rc = nw_snapshot_new(&s, net, from + (nw_date)i * step_days, &o);
        if (rc == NW_OK) {
            rc = nw_figures_compute(&list[i], s);
            nw_snapshot_free(s);
        }
        if (rc != NW_OK) {
            nw_mem_free(list);
            return rc;
        }
    }
    *out = list;
    *count = points;
    return NW_OK;
}
