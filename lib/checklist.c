/*
 * Agreement checklists: the record each tie may carry, the hooks that keep
 * its per-partner items in step with the tie's members, and the public
 * calls of netzwerk/checklist.h.
 */
#include "checklist_rec.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* ---- items ------------------------------------------------------------- */

static void item_init(nw_item_rec *item, nw_id id, const nw_checklist_builtin *b, nw_id partner)
{
    memset(item, 0, sizeof *item);
    item->id = id;
    item->builtin = b;
    item->partner = partner;
    item->state = NW_ITEM_OPEN;
    item->responsible = NW_ID_NONE;
    item->due = NW_DATE_NONE;
}

static void item_clear(nw_item_rec *item)
{
    nw_mem_free(item->label);
    nw_mem_free(item->note);
}

bool nw_item_overdue(const nw_item_rec *item, nw_date as_of)
{
    if (item->state == NW_ITEM_NOT_APPLICABLE || item->due == NW_DATE_NONE || item->due >= as_of)
        return false;
    /* A review date that has passed needs a new review even when done. */
    bool review = item->builtin && item->builtin->review;
    return review || item->state != NW_ITEM_DONE;
}

bool nw_item_settled(const nw_item_rec *item, nw_date as_of)
{
    bool essential = item->builtin && item->builtin->essential;
    switch (item->state) {
    case NW_ITEM_OPEN:
        return false;
    case NW_ITEM_NOT_APPLICABLE:
        return !essential;
    case NW_ITEM_AGREED:
    case NW_ITEM_DONE:
        break;
    }
    if (nw_item_overdue(item, as_of))
        return false;
    if (item->builtin && item->builtin->review && item->due == NW_DATE_NONE)
        return false;
    return true;
}

const char *nw_item_label(const nw_item_rec *item, nw_lang lang)
{
    if (!item->builtin)
        return item->label;
    return lang == NW_LANG_DE ? item->builtin->label_de : item->builtin->label_en;
}

const char *nw_item_code(const nw_item_rec *item)
{
    return item->builtin ? item->builtin->code : NW_ITEM_CODE_CUSTOM;
}

nw_id nw_item_responsible(const nw_network *net, const nw_item_rec *item)
{
    /* Identities are never reused, so a removed actor simply reads as none. */
    if (item->responsible != NW_ID_NONE && !nw_network_actor_rec(net, item->responsible))
        return NW_ID_NONE;
    return item->responsible;
}

/* ---- records ------------------------------------------------------------ */

static const nw_checklist_builtin *partner_template(nw_form form)
{
    for (size_t i = 0, n = nw_catalog_count(form); i < n; i++) {
        const nw_checklist_builtin *b = nw_catalog_get(form, i);
        if (b->per_partner)
            return b;
    }
    return NULL;
}

static int cmp_partner(const void *a, const void *b)
{
    nw_id x = ((const nw_item_rec *)a)->partner, y = ((const nw_item_rec *)b)->partner;
    return (x > y) - (x < y);
}

int nw_checklist_rec_new(nw_checklist_rec **out, nw_form form, const nw_id *members, size_t n)
{
    const nw_checklist_builtin *pb = partner_template(form);
    size_t ntemplate = nw_catalog_count(form) - (pb ? 1 : 0);
    size_t nitems = ntemplate + (pb ? n : 0);

    nw_checklist_rec *cl = nw_mem_calloc(1, sizeof *cl);
    if (!cl)
        return NW_ENOMEM;
    cl->form = form;
    if (nitems > 0) {
        cl->items = nw_mem_calloc(nitems, sizeof *cl->items);
        if (!cl->items) {
            nw_mem_free(cl);
            return NW_ENOMEM;
        }
        cl->capitems = nitems;
    }
    for (size_t i = 0; cl->nitems < ntemplate; i++) {
        const nw_checklist_builtin *b = nw_catalog_get(form, i);
        if (!b->per_partner)
            item_init(&cl->items[cl->nitems++], NW_ID_NONE, b, NW_ID_NONE);
    }
    if (pb) {
        for (size_t i = 0; i < n; i++)
            item_init(&cl->items[cl->nitems++], NW_ID_NONE, pb, members[i]);
        qsort(cl->items + ntemplate, n, sizeof *cl->items, cmp_partner);
    }
    /* Identities follow the list order. */
    for (size_t i = 0; i < cl->nitems; i++)
        cl->items[i].id = (nw_id)(i + 1);
    cl->next_item_id = cl->nitems + 1;
    *out = cl;
    return NW_OK;
}

int nw_checklist_rec_for_tie(nw_checklist_rec **out, nw_form form, const nw_id *members, size_t n)
{
    if (form != NW_FORM_KOOPERATION && form != NW_FORM_GRUPPE) {
        *out = NULL;
        return NW_OK;
    }
    return nw_checklist_rec_new(out, form, members, n);
}

void nw_checklist_rec_free(nw_checklist_rec *cl)
{
    if (!cl)
        return;
    for (size_t i = 0; i < cl->nitems; i++)
        item_clear(&cl->items[i]);
    nw_mem_free(cl->items);
    nw_mem_free(cl);
}

ptrdiff_t nw_checklist_rec_find(const nw_checklist_rec *cl, nw_id item)
{
    for (size_t i = 0; i < cl->nitems; i++)
        if (cl->items[i].id == item)
            return (ptrdiff_t)i;
    return -1;
}

/* Room for one more item and an identity for it; changes nothing visible. */
static int reserve_item(nw_checklist_rec *cl)
{
    if (cl->next_item_id > NW_ID_MAX)
        return nw_fail(NW_ELIMIT, "checklist item identities are used up");
    return nw_mem_reserve((void **)&cl->items, &cl->capitems, cl->nitems + 1, sizeof *cl->items);
}

static nw_item_rec *insert_item(nw_checklist_rec *cl, size_t pos)
{
    memmove(cl->items + pos + 1, cl->items + pos, (cl->nitems - pos) * sizeof *cl->items);
    cl->nitems++;
    return &cl->items[pos];
}

int nw_checklist_rec_reserve_member(nw_checklist_rec *cl)
{
    if (!cl || !partner_template(cl->form))
        return NW_OK;
    return reserve_item(cl);
}

void nw_checklist_rec_member_added(nw_checklist_rec *cl, nw_id actor)
{
    const nw_checklist_builtin *pb = cl ? partner_template(cl->form) : NULL;
    if (!pb)
        return;
    /* Before the first user's item and the first partner with a higher identity. */
    size_t pos = 0;
    while (pos < cl->nitems && cl->items[pos].builtin &&
           !(cl->items[pos].builtin->per_partner && cl->items[pos].partner > actor))
        pos++;
    item_init(insert_item(cl, pos), (nw_id)cl->next_item_id++, pb, actor);
}

void nw_checklist_rec_member_removed(nw_checklist_rec *cl, nw_id actor)
{
    if (!cl)
        return;
    for (size_t i = 0; i < cl->nitems; i++) {
        nw_item_rec *it = &cl->items[i];
        if (it->builtin && it->builtin->per_partner && it->partner == actor) {
            item_clear(it);
            memmove(it, it + 1, (cl->nitems - i - 1) * sizeof *it);
            cl->nitems--;
            return;
        }
    }
}

/* ---- handles ------------------------------------------------------------ */

/* The record behind a handle; NULL with the error recorded (read it with
 * nw_errcode(), as the model's resolvers do). */
static nw_checklist_rec *resolve(const nw_checklist *cl)
{
    if (!cl) {
        nw_fail(NW_EINVAL, "checklist is NULL");
        return NULL;
    }
    struct nw_tie t = { cl->net, cl->tie };
    nw_tie_rec *tie = nw_tie_resolve(&t);
    return tie ? nw_tie_rec_checklist(tie) : NULL;
}

static nw_item_rec *resolve_item(const nw_checklist *cl, nw_id item)
{
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return NULL;
    ptrdiff_t pos = nw_checklist_rec_find(rec, item);
    if (pos < 0) {
        nw_fail(NW_ENOTFOUND, "the checklist of tie %" PRIu32 " has no item %" PRIu32, cl->tie, item);
        return NULL;
    }
    return &rec->items[pos];
}

static int handle_new(nw_checklist **out, nw_network *net, nw_id tie)
{
    nw_checklist *h = nw_mem_alloc(sizeof *h);
    if (!h)
        return NW_ENOMEM;
    h->net = net;
    h->tie = tie;
    nw_network_ref(net);
    *out = h;
    return NW_OK;
}

int nw_tie_checklist(nw_checklist **out, nw_tie *tie)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (!rec)
        return nw_errcode();
    if (!nw_tie_rec_checklist(rec))
        return nw_fail(NW_ENOTFOUND, "tie %" PRIu32 " has no checklist", rec->id);
    return handle_new(out, tie->net, rec->id);
}

int nw_tie_checklist_create(nw_checklist **out, nw_tie *tie)
{
    nw_tie_rec *rec = nw_tie_resolve(tie);
    if (!rec)
        return nw_errcode();
    if (nw_tie_rec_checklist(rec))
        return nw_fail(NW_EEXISTS, "tie %" PRIu32 " has a checklist already", rec->id);
    struct nw_tie_extra *x = nw_tie_extra_get(rec);
    if (!x)
        return NW_ENOMEM;
    nw_checklist_rec *cl;
    int rc = nw_checklist_rec_new(&cl, rec->form, rec->members, rec->nmembers);
    if (rc != NW_OK)
        return rc;
    nw_checklist *h = NULL;
    if (out && (rc = handle_new(&h, tie->net, rec->id)) != NW_OK) {
        nw_checklist_rec_free(cl);
        return rc;
    }
    x->checklist = cl;
    nw_network_touch(tie->net);
    if (out)
        *out = h;
    return NW_OK;
}

void nw_checklist_free(nw_checklist *cl)
{
    if (!cl)
        return;
    nw_network *net = cl->net;
    nw_mem_free(cl);
    nw_network_unref(net);
}

int nw_checklist_tie_id(nw_id *out, const nw_checklist *cl)
{
    if (!out || !cl)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "checklist");
    *out = cl->tie;
    return NW_OK;
}

/* ---- listing ------------------------------------------------------------ */

int nw_checklist_item_count(size_t *out, const nw_checklist *cl)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    *out = rec->nitems;
    return NW_OK;
}

int nw_checklist_item_at(nw_id *out, const nw_checklist *cl, size_t index)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    if (index >= rec->nitems)
        return nw_fail(NW_ENOTFOUND, "item index %zu out of range (checklist has %zu)", index, rec->nitems);
    *out = rec->items[index].id;
    return NW_OK;
}

int nw_checklist_find(nw_id *out, const nw_checklist *cl, const char *code, nw_id partner)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_text_check(code, NW_TEXT_FREE, "code");
    if (rc != NW_OK)
        return rc;
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    for (size_t i = 0; i < rec->nitems; i++) {
        const nw_item_rec *it = &rec->items[i];
        if (it->builtin && it->partner == partner && strcmp(it->builtin->code, code) == 0) {
            *out = it->id;
            return NW_OK;
        }
    }
    if (partner != NW_ID_NONE)
        return nw_fail(NW_ENOTFOUND, "the checklist of tie %" PRIu32 " has no item '%s' for actor %" PRIu32,
                       cl->tie, code, partner);
    return nw_fail(NW_ENOTFOUND, "the checklist of tie %" PRIu32 " has no item '%s'", cl->tie, code);
}

/* ---- users' items ------------------------------------------------------- */

int nw_checklist_item_add(nw_id *out, nw_checklist *cl, const char *label)
{
    if (!label)
        return nw_fail(NW_EINVAL, "label is NULL");
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    int rc = nw_text_check(label, NW_TEXT_LINE, "label");
    if (rc != NW_OK)
        return rc;
    if ((rc = reserve_item(rec)) != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(label);
    if (!copy)
        return NW_ENOMEM;
    nw_item_rec *it = insert_item(rec, rec->nitems);
    item_init(it, (nw_id)rec->next_item_id++, NULL, NW_ID_NONE);
    it->label = copy;
    nw_network_touch(cl->net);
    if (out)
        *out = it->id;
    return NW_OK;
}

int nw_checklist_item_remove(nw_checklist *cl, nw_id item)
{
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    nw_checklist_rec *rec = resolve(cl);
    if (it->builtin)
        return nw_fail(NW_EINVAL, "item %" PRIu32 " ('%s') is built in and cannot be removed; "
                       "set it to not applicable instead", item, it->builtin->code);
    size_t pos = (size_t)(it - rec->items);
    item_clear(it);
    memmove(it, it + 1, (rec->nitems - pos - 1) * sizeof *it);
    rec->nitems--;
    nw_network_touch(cl->net);
    return NW_OK;
}

/* ---- item fields -------------------------------------------------------- */

int nw_checklist_item_code(const char **out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = nw_item_code(it);
    return NW_OK;
}

int nw_checklist_item_label(const char **out, const nw_checklist *cl, nw_id item, nw_lang lang)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if ((unsigned)lang > NW_LANG_EN)
        return nw_fail(NW_EINVAL, "unknown language %d", (int)lang);
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = nw_item_label(it, lang);
    return NW_OK;
}

int nw_checklist_item_set_label(nw_checklist *cl, nw_id item, const char *label)
{
    if (!label)
        return nw_fail(NW_EINVAL, "label is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    if (it->builtin)
        return nw_fail(NW_EINVAL, "item %" PRIu32 " ('%s') is built in; its labels come from the catalogue",
                       item, it->builtin->code);
    int rc = nw_text_check(label, NW_TEXT_LINE, "label");
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(label);
    if (!copy)
        return NW_ENOMEM;
    nw_mem_free(it->label);
    it->label = copy;
    nw_network_touch(cl->net);
    return NW_OK;
}

int nw_checklist_item_partner(nw_id *out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = it->partner;
    return NW_OK;
}

int nw_checklist_item_state(nw_item_state *out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = it->state;
    return NW_OK;
}

int nw_checklist_item_set_state(nw_checklist *cl, nw_id item, nw_item_state state)
{
    if ((unsigned)state > NW_ITEM_NOT_APPLICABLE)
        return nw_fail(NW_EINVAL, "unknown item state %d", (int)state);
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    it->state = state;
    nw_network_touch(cl->net);
    return NW_OK;
}

int nw_checklist_item_responsible(nw_id *out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = nw_item_responsible(cl->net, it);
    return NW_OK;
}

int nw_checklist_item_set_responsible(nw_checklist *cl, nw_id item, const nw_actor *actor)
{
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    nw_id who = NW_ID_NONE;
    if (actor) {
        if (actor->net != cl->net)
            return nw_fail(NW_EINVAL, "actor %" PRIu32 " belongs to another network", actor->id);
        nw_actor_rec *a = nw_actor_resolve(actor);
        if (!a)
            return nw_errcode();
        who = a->id;
    }
    it->responsible = who;
    nw_network_touch(cl->net);
    return NW_OK;
}

int nw_checklist_item_due(nw_date *out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = it->due;
    return NW_OK;
}

int nw_checklist_item_set_due(nw_checklist *cl, nw_id item, nw_date due)
{
    int rc = nw_check_date_or_none(due, "due date");
    if (rc != NW_OK)
        return rc;
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    it->due = due;
    nw_network_touch(cl->net);
    return NW_OK;
}

int nw_checklist_item_note(const char **out, const nw_checklist *cl, nw_id item)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = it->note ? it->note : "";
    return NW_OK;
}

int nw_checklist_item_set_note(nw_checklist *cl, nw_id item, const char *note)
{
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    char *copy = NULL;
    if (note && note[0]) {
        int rc = nw_text_check(note, NW_TEXT_FREE, "note");
        if (rc != NW_OK)
            return rc;
        if (!(copy = nw_mem_strdup(note)))
            return NW_ENOMEM;
    }
    nw_mem_free(it->note);
    it->note = copy;
    nw_network_touch(cl->net);
    return NW_OK;
}

/* ---- questions ---------------------------------------------------------- */

int nw_checklist_item_overdue(bool *out, const nw_checklist *cl, nw_id item, nw_date as_of)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_check_date(as_of, "as_of");
    if (rc != NW_OK)
        return rc;
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = nw_item_overdue(it, as_of);
    return NW_OK;
}

int nw_checklist_item_settled(bool *out, const nw_checklist *cl, nw_id item, nw_date as_of)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_check_date(as_of, "as_of");
    if (rc != NW_OK)
        return rc;
    nw_item_rec *it = resolve_item(cl, item);
    if (!it)
        return nw_errcode();
    *out = nw_item_settled(it, as_of);
    return NW_OK;
}

int nw_checklist_progress(size_t *done, size_t *agreed, size_t *applicable, const nw_checklist *cl)
{
    if (!done || !agreed || !applicable)
        return nw_fail(NW_EINVAL, "an output is NULL");
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    size_t d = 0, a = 0, n = 0;
    for (size_t i = 0; i < rec->nitems; i++) {
        nw_item_state s = rec->items[i].state;
        d += s == NW_ITEM_DONE;
        a += s == NW_ITEM_AGREED;
        n += s != NW_ITEM_NOT_APPLICABLE;
    }
    *done = d;
    *agreed = a;
    *applicable = n;
    return NW_OK;
}

/* The identities of the items that pass `keep`, as an nw_free()-able array. */
static int collect(nw_id **items, size_t *count, const nw_checklist_rec *rec, nw_date as_of,
                   bool (*keep)(const nw_item_rec *, nw_date))
{
    size_t n = 0;
    for (size_t i = 0; i < rec->nitems; i++)
        n += keep(&rec->items[i], as_of);
    nw_id *ids = NULL;
    if (n > 0) {
        if (!(ids = nw_mem_calloc(n, sizeof *ids)))
            return NW_ENOMEM;
        for (size_t i = 0, k = 0; i < rec->nitems; i++)
            if (keep(&rec->items[i], as_of))
                ids[k++] = rec->items[i].id;
    }
    *items = ids;
    *count = n;
    return NW_OK;
}

static bool is_pending(const nw_item_rec *item, nw_date as_of)
{
    return item->state == NW_ITEM_OPEN || nw_item_overdue(item, as_of);
}

static bool is_unsettled(const nw_item_rec *item, nw_date as_of)
{
    return !nw_item_settled(item, as_of);
}

int nw_checklist_pending(nw_id **items, size_t *count, const nw_checklist *cl, nw_date as_of)
{
    if (!items || !count)
        return nw_fail(NW_EINVAL, "%s is NULL", !items ? "items" : "count");
    int rc = nw_check_date(as_of, "as_of");
    if (rc != NW_OK)
        return rc;
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    return collect(items, count, rec, as_of, is_pending);
}

int nw_checklist_well_agreed(bool *out, nw_id **reasons, size_t *count, const nw_checklist *cl, nw_date as_of)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (!reasons != !count)
        return nw_fail(NW_EINVAL, "reasons and count must both be given or both be NULL");
    int rc = nw_check_date(as_of, "as_of");
    if (rc != NW_OK)
        return rc;
    nw_checklist_rec *rec = resolve(cl);
    if (!rec)
        return nw_errcode();
    bool ok = true;
    for (size_t i = 0; i < rec->nitems && ok; i++)
        ok = nw_item_settled(&rec->items[i], as_of);
    if (reasons && (rc = collect(reasons, count, rec, as_of, is_unsettled)) != NW_OK)
        return rc;
    *out = ok;
    return NW_OK;
}
