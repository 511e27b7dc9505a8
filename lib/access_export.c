/*
 * The access export (Art. 15 and 20 DSGVO): everything the network holds
 * about one actor, as one JSON document. docs/data-protection.md describes
 * it. Other people appear by identity only; lists are always written (an
 * empty list says "nothing recorded"), absent dates as null, absent texts
 * as "".
 */
#include "io_internal.h"
#include "checklist_rec.h"

/* ---- values ------------------------------------------------------------------ */

/* The writer's pieces are the native format's (nw_json_*, io_buf.c). */

static void put_date(nw_buf *b, nw_date d)
{
    if (d == NW_DATE_NONE)
        nw_buf_puts(b, "null");
    else
        nw_json_date(b, d);
}

static void put_opt(nw_buf *b, const char *s)
{
    nw_json_str(b, s != NULL ? s : "");
}

/* Open a list of objects, one per line; close_list() ends it. */
static void list_item(nw_buf *b, size_t i, int level)
{
    if (i > 0)
        nw_buf_putc(b, ',');
    nw_json_indent(b, level);
}

static void close_list(nw_buf *b, size_t n, int level)
{
    if (n > 0)
        nw_json_indent(b, level);
    nw_buf_putc(b, ']');
}

/* ---- the document ------------------------------------------------------------ */

static void put_actor(nw_buf *b, const nw_actor_rec *a)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    bool first = true;
    nw_buf_putc(b, '{');
    nw_json_key(b, &first, 2, "id");
    nw_buf_put_u64(b, a->id);
    nw_json_key(b, &first, 2, "kind");
    nw_json_str(b, nw_io_kind_names[a->kind]);
    nw_json_key(b, &first, 2, "name");
    nw_json_str(b, a->name);
    nw_json_key(b, &first, 2, "contacts");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < ax->ncontacts; i++) {
        bool f = true;
        list_item(b, i, 3);
        nw_buf_putc(b, '{');
        nw_json_inline_key(b, &f, "channel");
        nw_json_str(b, nw_io_channel_names[ax->contacts[i].channel]);
        nw_json_inline_key(b, &f, "value");
        nw_json_str(b, ax->contacts[i].value);
        nw_buf_putc(b, '}');
    }
    close_list(b, ax->ncontacts, 2);
    nw_json_key(b, &first, 2, "interests");
    nw_json_strset(b, &ax->interests);
    nw_json_key(b, &first, 2, "joined");
    put_date(b, a->joined);
    nw_json_key(b, &first, 2, "attributes");
    nw_buf_putc(b, '{');
    bool f = true;
    for (size_t i = 0; i < ax->nattrs; i++) {
        nw_json_key(b, &f, 3, ax->attrs[i].key);
        nw_json_str(b, ax->attrs[i].value);
    }
    if (ax->nattrs > 0)
        nw_json_indent(b, 2);
    nw_buf_putc(b, '}');
    nw_json_key(b, &first, 2, "consents");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < ax->nconsents; i++) {
        const nw_consent_rec *c = &ax->consents[i];
        bool g = true;
        list_item(b, i, 3);
        nw_buf_putc(b, '{');
        nw_json_inline_key(b, &g, "given");
        put_date(b, c->given);
        nw_json_inline_key(b, &g, "type");
        nw_json_str(b, nw_io_consent_type_names[c->type]);
        nw_json_inline_key(b, &g, "purpose");
        put_opt(b, c->purpose);
        nw_json_inline_key(b, &g, "source");
        put_opt(b, c->source);
        nw_json_inline_key(b, &g, "text");
        put_opt(b, c->text);
        nw_json_inline_key(b, &g, "note");
        put_opt(b, c->note);
        nw_json_inline_key(b, &g, "expires");
        put_date(b, c->expires);
        nw_json_inline_key(b, &g, "withdrawn");
        put_date(b, c->withdrawn);
        nw_buf_putc(b, '}');
    }
    close_list(b, ax->nconsents, 2);
    nw_json_indent(b, 1);
    nw_buf_putc(b, '}');
}

static void put_tie(nw_buf *b, const nw_tie_rec *t)
{
    bool first = true;
    char letter = 'A';
    nw_form_letter(&letter, t->form);
    char form[2] = { letter, '\0' };
    nw_buf_putc(b, '{');
    nw_json_key(b, &first, 3, "id");
    nw_buf_put_u64(b, t->id);
    nw_json_key(b, &first, 3, "form");
    nw_json_str(b, form);
    nw_json_key(b, &first, 3, "members");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < t->nmembers; i++) {
        if (i > 0)
            nw_buf_put(b, ", ", 2);
        nw_buf_put_u64(b, t->members[i]);
    }
    nw_buf_putc(b, ']');
    nw_json_key(b, &first, 3, "start");
    put_date(b, t->start);
    nw_json_key(b, &first, 3, "end");
    put_date(b, t->end);
    nw_json_key(b, &first, 3, "imposed");
    nw_buf_puts(b, t->imposed ? "true" : "false");
    nw_json_key(b, &first, 3, "label");
    nw_json_str(b, nw_tie_rec_label(t));
    nw_json_key(b, &first, 3, "topics");
    nw_json_strset(b, nw_tie_rec_topics(t));
    nw_json_key(b, &first, 3, "goals");
    nw_json_strset(b, nw_tie_rec_goals(t));
    nw_json_key(b, &first, 3, "interactions");
    nw_buf_putc(b, '[');
    const nw_interaction *log = nw_tie_rec_log(t);
    size_t nlog = nw_tie_rec_nlog(t);
    for (size_t i = 0; i < nlog; i++) {
        bool f = true;
        list_item(b, i, 4);
        nw_buf_putc(b, '{');
        nw_json_inline_key(b, &f, "date");
        put_date(b, log[i].date);
        nw_json_inline_key(b, &f, "kind");
        nw_json_str(b, nw_io_interaction_names[log[i].kind]);
        nw_json_inline_key(b, &f, "note");
        nw_json_str(b, log[i].note);
        nw_buf_putc(b, '}');
    }
    close_list(b, nlog, 3);
    nw_json_indent(b, 2);
    nw_buf_putc(b, '}');
}

/* The checklist items of the actor's ties (but not other partners' own
 * per-partner items) and the items of other ties it is responsible for, in
 * order of tie, then list order. */
static void put_items(nw_buf *b, const nw_network *net, const nw_actor_rec *a)
{
    size_t n = 0;
    nw_buf_putc(b, '[');
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        const nw_tie_rec *t = net->ties[id];
        const nw_checklist_rec *cl = t != NULL ? nw_tie_rec_checklist(t) : NULL;
        bool member = cl != NULL && nw_ids_contains(a->ties, a->nties, t->id);
        for (size_t i = 0; cl != NULL && i < cl->nitems; i++) {
            const nw_item_rec *it = &cl->items[i];
            bool responsible = nw_item_responsible(net, it) == a->id;
            bool partner = it->partner == a->id;
            bool others = it->partner != NW_ID_NONE && !partner;
            if (!responsible && !(member && !others))
                continue;
            bool f = true;
            list_item(b, n++, 2);
            nw_buf_putc(b, '{');
            nw_json_inline_key(b, &f, "tie");
            nw_buf_put_u64(b, t->id);
            nw_json_inline_key(b, &f, "item");
            nw_buf_put_u64(b, it->id);
            nw_json_inline_key(b, &f, "code");
            nw_json_str(b, nw_item_code(it));
            nw_json_inline_key(b, &f, "label");
            nw_json_str(b, nw_item_label(it, NW_LANG_DE));
            nw_json_inline_key(b, &f, "responsible");
            nw_buf_puts(b, responsible ? "true" : "false");
            nw_json_inline_key(b, &f, "partner");
            nw_buf_puts(b, partner ? "true" : "false");
            nw_json_inline_key(b, &f, "state");
            nw_json_str(b, nw_io_item_state_names[it->state]);
            nw_json_inline_key(b, &f, "due");
            put_date(b, it->due);
            nw_json_inline_key(b, &f, "note");
            put_opt(b, it->note);
            nw_buf_putc(b, '}');
        }
    }
    close_list(b, n, 1);
}

int nw_actor_export(char **out, size_t *len, const nw_actor *actor)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    const nw_actor_rec *a = nw_actor_resolve(actor);
    if (a == NULL)
        return nw_errcode();
    const nw_network *net = actor->net;
    nw_buf b;
    nw_buf_init(&b);
    bool first = true;
    nw_buf_putc(&b, '{');
    nw_json_key(&b, &first, 1, "format");
    nw_json_str(&b, "netzwerk-access-export");
    nw_json_key(&b, &first, 1, "version");
    nw_buf_put_u64(&b, 1);
    nw_json_key(&b, &first, 1, "network");
    nw_json_str(&b, net->name);
    nw_json_key(&b, &first, 1, "actor");
    put_actor(&b, a);
    nw_json_key(&b, &first, 1, "ties");
    nw_buf_putc(&b, '[');
    for (size_t i = 0; i < a->nties; i++) {
        list_item(&b, i, 2);
        put_tie(&b, nw_network_tie_rec(net, a->ties[i]));
    }
    close_list(&b, a->nties, 1);
    nw_json_key(&b, &first, 1, "checklist_items");
    put_items(&b, net, a);
    nw_buf_put(&b, "\n}\n", 3);
    char *text = NULL;
    int rc = nw_buf_finish(&b, &text, len);
    if (rc != NW_OK)
        return rc;
    *out = text;
    return NW_OK;
}
