/*
 * The access export (Art. 15 and 20 DSGVO): everything the network holds
 * about one actor, as one JSON document. docs/data-protection.md describes
 * it. Other people appear by identity only; lists are always written (an
 * empty list says "nothing recorded"), absent dates as null, absent texts
 * as "".
 */
#include "privacy_internal.h"
#include "checklist_rec.h"

/* ---- JSON writing (temporary: the shared writer of io_buf.c replaces it) --- */

static const char *const channel_names[] = { "email", "phone", "postal", "other" };
static const char *const interaction_names[] = { "meeting", "call", "message", "event" };
static const char *const state_names[] = { "open", "agreed", "done", "not_applicable" };

static void put_str(nw_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    nw_buf_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            nw_buf_putc(b, '\\');
            nw_buf_putc(b, (char)c);
        } else if (c == '\n') {
            nw_buf_puts(b, "\\n");
        } else if (c == '\r') {
            nw_buf_puts(b, "\\r");
        } else if (c == '\t') {
            nw_buf_puts(b, "\\t");
        } else if (c < 0x20) {
            char esc[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            nw_buf_put(b, esc, sizeof esc);
        } else {
            nw_buf_putc(b, (char)c);
        }
    }
    nw_buf_putc(b, '"');
}

static void indent(nw_buf *b, int level)
{
    static const char spaces[] = "                ";
    nw_buf_putc(b, '\n');
    nw_buf_put(b, spaces, (size_t)level * 2);
}

static void key(nw_buf *b, bool *first, int level, const char *k)
{
    if (!*first)
        nw_buf_putc(b, ',');
    *first = false;
    indent(b, level);
    put_str(b, k);
    nw_buf_put(b, ": ", 2);
}

static void inline_key(nw_buf *b, bool *first, const char *k)
{
    if (!*first)
        nw_buf_put(b, ", ", 2);
    *first = false;
    put_str(b, k);
    nw_buf_put(b, ": ", 2);
}

/* ---- values ------------------------------------------------------------------ */

static void put_date(nw_buf *b, nw_date d)
{
    if (d == NW_DATE_NONE) {
        nw_buf_puts(b, "null");
        return;
    }
    nw_buf_putc(b, '"');
    nw_buf_put_date(b, d);
    nw_buf_putc(b, '"');
}

static void put_opt(nw_buf *b, const char *s)
{
    put_str(b, s != NULL ? s : "");
}

static void put_strset(nw_buf *b, const nw_strset *set)
{
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < set->len; i++) {
        if (i > 0)
            nw_buf_put(b, ", ", 2);
        put_str(b, set->items[i]);
    }
    nw_buf_putc(b, ']');
}

/* Open a list of objects, one per line; close_list() ends it. */
static void list_item(nw_buf *b, size_t i, int level)
{
    if (i > 0)
        nw_buf_putc(b, ',');
    indent(b, level);
}

static void close_list(nw_buf *b, size_t n, int level)
{
    if (n > 0)
        indent(b, level);
    nw_buf_putc(b, ']');
}

/* ---- the document ------------------------------------------------------------ */

static void put_actor(nw_buf *b, const nw_actor_rec *a)
{
    bool first = true;
    nw_buf_putc(b, '{');
    key(b, &first, 2, "id");
    nw_buf_put_u64(b, a->id);
    key(b, &first, 2, "kind");
    put_str(b, nw_io_kind_names[a->kind]);
    key(b, &first, 2, "name");
    put_str(b, a->name);
    key(b, &first, 2, "contacts");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < a->ncontacts; i++) {
        bool f = true;
        list_item(b, i, 3);
        nw_buf_putc(b, '{');
        inline_key(b, &f, "channel");
        put_str(b, channel_names[a->contacts[i].channel]);
        inline_key(b, &f, "value");
        put_str(b, a->contacts[i].value);
        nw_buf_putc(b, '}');
    }
    close_list(b, a->ncontacts, 2);
    key(b, &first, 2, "interests");
    put_strset(b, &a->interests);
    key(b, &first, 2, "joined");
    put_date(b, a->joined);
    key(b, &first, 2, "attributes");
    nw_buf_putc(b, '{');
    bool f = true;
    for (size_t i = 0; i < a->nattrs; i++) {
        key(b, &f, 3, a->attrs[i].key);
        put_str(b, a->attrs[i].value);
    }
    if (a->nattrs > 0)
        indent(b, 2);
    nw_buf_putc(b, '}');
    key(b, &first, 2, "consents");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < a->nconsents; i++) {
        const nw_consent_rec *c = &a->consents[i];
        bool g = true;
        list_item(b, i, 3);
        nw_buf_putc(b, '{');
        inline_key(b, &g, "given");
        put_date(b, c->given);
        inline_key(b, &g, "type");
        put_str(b, c->type == NW_CONSENT_OPT_IN ? "opt-in" : "opt-out");
        inline_key(b, &g, "purpose");
        put_opt(b, c->purpose);
        inline_key(b, &g, "source");
        put_opt(b, c->source);
        inline_key(b, &g, "text");
        put_opt(b, c->text);
        inline_key(b, &g, "note");
        put_opt(b, c->note);
        inline_key(b, &g, "expires");
        put_date(b, c->expires);
        inline_key(b, &g, "withdrawn");
        put_date(b, c->withdrawn);
        nw_buf_putc(b, '}');
    }
    close_list(b, a->nconsents, 2);
    indent(b, 1);
    nw_buf_putc(b, '}');
}

static void put_tie(nw_buf *b, const nw_tie_rec *t)
{
    bool first = true;
    char letter = 'A';
    nw_form_letter(&letter, t->form);
    char form[2] = { letter, '\0' };
    nw_buf_putc(b, '{');
    key(b, &first, 3, "id");
    nw_buf_put_u64(b, t->id);
    key(b, &first, 3, "form");
    put_str(b, form);
    key(b, &first, 3, "members");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < t->nmembers; i++) {
        if (i > 0)
            nw_buf_put(b, ", ", 2);
        nw_buf_put_u64(b, t->members[i]);
    }
    nw_buf_putc(b, ']');
    key(b, &first, 3, "start");
    put_date(b, t->start);
    key(b, &first, 3, "end");
    put_date(b, t->end);
    key(b, &first, 3, "imposed");
    nw_buf_puts(b, t->imposed ? "true" : "false");
    key(b, &first, 3, "label");
    put_str(b, t->label);
    key(b, &first, 3, "topics");
    put_strset(b, &t->topics);
    key(b, &first, 3, "goals");
    put_strset(b, &t->goals);
    key(b, &first, 3, "interactions");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < t->nlog; i++) {
        bool f = true;
        list_item(b, i, 4);
        nw_buf_putc(b, '{');
        inline_key(b, &f, "date");
        put_date(b, t->log[i].date);
        inline_key(b, &f, "kind");
        put_str(b, interaction_names[t->log[i].kind]);
        inline_key(b, &f, "note");
        put_str(b, t->log[i].note);
        nw_buf_putc(b, '}');
    }
    close_list(b, t->nlog, 3);
    indent(b, 2);
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
        const nw_checklist_rec *cl = t != NULL ? t->checklist : NULL;
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
            inline_key(b, &f, "tie");
            nw_buf_put_u64(b, t->id);
            inline_key(b, &f, "item");
            nw_buf_put_u64(b, it->id);
            inline_key(b, &f, "code");
            put_str(b, nw_item_code(it));
            inline_key(b, &f, "label");
            put_str(b, nw_item_label(it, NW_LANG_DE));
            inline_key(b, &f, "responsible");
            nw_buf_puts(b, responsible ? "true" : "false");
            inline_key(b, &f, "partner");
            nw_buf_puts(b, partner ? "true" : "false");
            inline_key(b, &f, "state");
            put_str(b, state_names[it->state]);
            inline_key(b, &f, "due");
            put_date(b, it->due);
            inline_key(b, &f, "note");
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
    key(&b, &first, 1, "format");
    put_str(&b, "netzwerk-access-export");
    key(&b, &first, 1, "version");
    nw_buf_put_u64(&b, 1);
    key(&b, &first, 1, "network");
    put_str(&b, net->name);
    key(&b, &first, 1, "actor");
    put_actor(&b, a);
    key(&b, &first, 1, "ties");
    nw_buf_putc(&b, '[');
    for (size_t i = 0; i < a->nties; i++) {
        list_item(&b, i, 2);
        put_tie(&b, nw_network_tie_rec(net, a->ties[i]));
    }
    close_list(&b, a->nties, 1);
    key(&b, &first, 1, "checklist_items");
    put_items(&b, net, a);
    nw_buf_put(&b, "\n}\n", 3);
    char *text = NULL;
    int rc = nw_buf_finish(&b, &text, len);
    if (rc != NW_OK)
        return rc;
    *out = text;
    return NW_OK;
}
