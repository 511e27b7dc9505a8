/*
 * Ties: actors joined under one relationship form, their dates, texts and
 * interaction log. A tie's members and each member's `ties` list are kept
 * ascending and in step.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- handles and records ------------------------------------------------- */

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

void nw_tie_rec_free(nw_tie_rec *rec)
{
    if (rec == NULL)
        return;
    for (size_t i = 0; i < rec->nlog; i++)
        nw_mem_free(rec->log[i].note);
    nw_mem_free(rec->log);
    nw_strset_clear(&rec->topics);
    nw_strset_clear(&rec->goals);
    nw_mem_free(rec->label);
    nw_mem_free(rec->members);
    nw_checklist_rec_free(rec->checklist); /* issue 3 */
    nw_mem_free(rec);
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

/* ---- creation, lookup, removal ------------------------------------------ */

int nw_tie_add(nw_tie **out, nw_network *net, nw_form form,
               nw_actor *const *members, size_t count, nw_date start)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_form(form);
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
    rc = nw_check_date(start, "start");
    if (rc != NW_OK)
        return rc;
    if (net->next_tie_id > NW_ID_MAX)
        return nw_fail(NW_ELIMIT, "tie identities are used up (%" PRIu32 " created)", NW_ID_MAX);
    nw_id id = (nw_id)net->next_tie_id;

    /* Prepare everything that can fail, then commit. */
    nw_id *ids = nw_mem_calloc(count, sizeof *ids);
    if (ids == NULL)
        return NW_ENOMEM;
    for (size_t i = 0; i < count; i++)
        ids[i] = members[i]->id;
    qsort(ids, count, sizeof *ids, compare_ids);
    for (size_t i = 1; i < count; i++) {
        if (ids[i] == ids[i - 1]) {
            nw_id twice = ids[i];
            nw_mem_free(ids);
            return nw_fail(NW_EINVAL, "actor %" PRIu32 " is given twice in members", twice);
        }
    }
    rc = nw_mem_reserve((void **)&net->ties, &net->ties_cap, (size_t)id + 1, sizeof *net->ties);
    for (size_t i = 0; rc == NW_OK && i < count; i++) {
        nw_actor_rec *a = nw_network_actor_rec(net, ids[i]);
        rc = nw_mem_reserve((void **)&a->ties, &a->capties, a->nties + 1, sizeof *a->ties);
    }
    if (rc != NW_OK) {
        nw_mem_free(ids);
        return rc;
    }
    net->ties[0] = NULL;
    nw_tie_rec *rec = nw_mem_calloc(1, sizeof *rec);
    nw_tie *handle = NULL;
    if (rec == NULL || (rec->label = nw_mem_strdup("")) == NULL
        /* issue 3: the checklist of a cooperation or group, freed with rec */
        || nw_checklist_rec_for_tie(&rec->checklist, form, ids, count) != NW_OK
        || (out != NULL && (handle = nw_tie_handle_new(net, id)) == NULL)) {
        nw_tie_rec_free(rec);   /* frees the label; ids are not yet its members */
        nw_mem_free(ids);
        return NW_ENOMEM;
    }
    rec->id = id;
    rec->form = form;
    rec->start = start;
    rec->end = NW_DATE_NONE;
    rec->members = ids;
    rec->nmembers = rec->capmembers = count;
    /* The new identity is the highest, so appending keeps the lists ascending. */
    for (size_t i = 0; i < count; i++) {
        nw_actor_rec *a = nw_network_actor_rec(net, ids[i]);
        a->ties[a->nties++] = id;
    }
    net->ties[id] = rec;
    net->next_tie_id++;
    net->tie_count++;
    net->tie_count_by_form[form]++;
    nw_network_touch(net);
    if (out != NULL)
        *out = handle;
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
                       " has %zu)", index, rec->id, rec->nmembers);
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
    int rc = nw_mem_reserve((void **)&rec->members, &rec->capmembers, rec->nmembers + 1,
                            sizeof *rec->members);
    if (rc == NW_OK)
        rc = nw_mem_reserve((void **)&a->ties, &a->capties, a->nties + 1, sizeof *a->ties);
    if (rc == NW_OK) /* issue 3: room for the partner's checklist item */
        rc = nw_checklist_rec_reserve_member(rec->checklist);
    if (rc != NW_OK)
        return rc;
    nw_ids_insert(rec->members, &rec->nmembers, a->id);
    nw_ids_insert(a->ties, &a->nties, rec->id);
    nw_checklist_rec_member_added(rec->checklist, a->id); /* issue 3 */
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
    nw_ids_erase(rec->members, &rec->nmembers, a->id);
    nw_ids_erase(a->ties, &a->nties, rec->id);
    nw_checklist_rec_member_removed(rec->checklist, a->id); /* issue 3 */
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
    if (rec->nlog > 0 && date > rec->log[0].date)
        return nw_fail(NW_EINVAL, "start %s would be after the first interaction of tie %"
                       PRIu32 " on %s", nw_date_str(d1, date), rec->id,
                       nw_date_str(d2, rec->log[0].date));
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
        if (rec->nlog > 0 && date < rec->log[rec->nlog - 1].date)
            return nw_fail(NW_EINVAL, "end %s would be before the last interaction of tie %"
                           PRIu32 " on %s", nw_date_str(d1, date), rec->id,
                           nw_date_str(d2, rec->log[rec->nlog - 1].date));
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
    *out = rec->label;
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
    char *copy = nw_mem_strdup(label);
    if (copy == NULL)
        return NW_ENOMEM;
    nw_mem_free(rec->label);
    rec->label = copy;
    nw_network_touch(tie->net);
    return NW_OK;
}

/* Topics and goals share the ordered-set code; `goals` picks the set. */
static nw_strset *tie_set(nw_tie_rec *rec, bool goals)
{
    return goals ? &rec->goals : &rec->topics;
}

static int set_add(nw_tie *tie, const char *text, bool goals)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_strset_add(tie_set(rec, goals), text, goals ? "goal" : "topic");
    if (rc == NW_OK)
        nw_network_touch(tie->net);
    return rc;
}

static int set_remove(nw_tie *tie, const char *text, bool goals)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_strset_remove(tie_set(rec, goals), text, goals ? "goal" : "topic");
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
    rc = nw_mem_reserve((void **)&rec->log, &rec->caplog, rec->nlog + 1, sizeof *rec->log);
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(note != NULL ? note : "");
    if (copy == NULL)
        return NW_ENOMEM;
    /* After every entry of the same day or earlier: equal dates keep the
     * order in which they were logged. */
    size_t lo = 0, hi = rec->nlog;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rec->log[mid].date <= date)
            lo = mid + 1;
        else
            hi = mid;
    }
    memmove(rec->log + lo + 1, rec->log + lo, (rec->nlog - lo) * sizeof *rec->log);
    rec->log[lo].date = date;
    rec->log[lo].kind = kind;
    rec->log[lo].note = copy;
    rec->nlog++;
    nw_network_touch(tie->net);
    return NW_OK;
}

int nw_tie_interaction_count(size_t *out, const nw_tie *tie)
{
    nw_tie_rec *rec = resolve_get(out, "out", tie);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->nlog;
    return NW_OK;
}

static int check_log_index(const nw_tie_rec *rec, size_t index)
{
    if (index >= rec->nlog)
        return nw_fail(NW_ENOTFOUND, "interaction index %zu is out of range (tie %" PRIu32
                       " has %zu)", index, rec->id, rec->nlog);
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
    *date = rec->log[index].date;
    *kind = rec->log[index].kind;
    if (note != NULL)
        *note = rec->log[index].note;
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
    nw_mem_free(rec->log[index].note);
    memmove(rec->log + index, rec->log + index + 1, (rec->nlog - index - 1) * sizeof *rec->log);
    rec->nlog--;
    nw_network_touch(tie->net);
    return NW_OK;
}
