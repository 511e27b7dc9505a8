/*
 * Erasure of an actor (Art. 17 DSGVO): the record goes as with
 * nw_actor_remove(), its mentions in the rest of the network are replaced
 * by a marker, and the bytes of what goes are overwritten before they are
 * freed.
 *
 * Like every mutation it prepares everything that can fail first (the
 * redacted texts, in a plan) and then commits with steps that cannot fail.
 */
#include "io_internal.h"
#include "checklist_rec.h"

#include <stdlib.h>

void nw_wipe(void *p, size_t n)
{
    /* A call through a volatile pointer cannot be optimised away, even
     * though the memory is freed right after. */
    static void *(*const volatile zero)(void *, int, size_t) = memset;
    if (p != NULL && n > 0)
        zero(p, 0, n);
}

static void wipe_str(char *s)
{
    if (s != NULL)
        nw_wipe(s, strlen(s));
}

/* ---- what to look for ------------------------------------------------------ */

/* A mention of the actor to look for: its full name, a contact value, for
 * a person also each word of its name. */
typedef struct needle {
    const char *text;
    size_t len;
} needle;

typedef struct needles {
    needle *items;   /* pointing into the actor's record */
    size_t n, cap;
    const char *marker;
} needles;

/* Shorter contact values and name words are too common to look for. */
#define NEEDLE_MIN 3

static int add_needle(needles *nd, const char *text, size_t len)
{
    if (len == 0)
        return NW_OK;
    for (size_t i = 0; i < nd->n; i++)
        if (nd->items[i].len == len && memcmp(nd->items[i].text, text, len) == 0)
            return NW_OK;
    int rc = nw_mem_reserve((void **)&nd->items, &nd->cap, nd->n + 1, sizeof *nd->items);
    if (rc != NW_OK)
        return rc;
    needle x = { text, len };
    nd->items[nd->n++] = x;
    return NW_OK;
}

static bool is_separator(char c)
{
    return c == ' ' || c == '\t' || c == '-' || c == ',' || c == '.' || c == '(' || c == ')'
        || c == '/' || c == '"' || c == '\'';
}

static int longest_first(const void *a, const void *b)
{
    size_t x = ((const needle *)a)->len, y = ((const needle *)b)->len;
    return (x < y) - (x > y);
}

static bool contains(const char *hay, size_t hay_len, const needle *n);

static int collect(needles *nd, const nw_actor_rec *a)
{
    memset(nd, 0, sizeof *nd);
    int rc = add_needle(nd, a->name, strlen(a->name));
    if (rc == NW_OK && a->kind == NW_ACTOR_PERSON) {
        const char *w = a->name;
        while (rc == NW_OK && *w) {
            size_t len = 0;
            while (w[len] && !is_separator(w[len]))
                len++;
            if (len >= NEEDLE_MIN)
                rc = add_needle(nd, w, len);
            w += len;
            while (*w && is_separator(*w))
                w++;
        }
    }
    const struct nw_actor_extra *x = nw_actor_rec_extra(a);
    for (size_t i = 0; i < x->ncontacts && rc == NW_OK; i++) {
        const char *v = x->contacts[i].value;
        if (strlen(v) >= NEEDLE_MIN)
            rc = add_needle(nd, v, strlen(v));
        if (x->contacts[i].channel != NW_CHANNEL_POSTAL)
            continue;
        /* Each line of a postal address on its own. */
        while (rc == NW_OK && *v) {
            size_t len = strcspn(v, "\r\n");
            if (len >= NEEDLE_MIN)
                rc = add_needle(nd, v, len);
            v += len;
            v += strspn(v, "\r\n");
        }
    }
    if (rc != NW_OK)
        return rc;
    qsort(nd->items, nd->n, sizeof *nd->items, longest_first);
    /* A marker no needle occurs in. Needles other than the full name have
     * at least NEEDLE_MIN bytes, so one of the last two is always free. */
    static const char *const markers[] = { "[\xe2\x80\xa6]", "***", "[x]", "0", "1" };
    for (size_t m = 0; m < sizeof markers / sizeof markers[0] && nd->marker == NULL; m++) {
        bool clash = false;
        for (size_t i = 0; i < nd->n && !clash; i++)
            clash = contains(markers[m], strlen(markers[m]), &nd->items[i]);
        if (!clash)
            nd->marker = markers[m];
    }
    return NW_OK;
}

static void needles_free(needles *nd)
{
    nw_mem_free(nd->items);
}

/* ---- finding and replacing ------------------------------------------------- */

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Letters and digits, and every byte of a non-ASCII character. */
static bool wordish(unsigned char c)
{
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether needle n occurs at s[i] (of s_len bytes), ASCII case folded, as a
 * word: not inside a longer word ("Ben" is not in "haben" or "Benutzer"),
 * though a genitive s may follow ("Marias"). Like a regular expression's
 * \b, the rule applies at an end of the needle that is a word character. */
static bool match_at(const char *s, size_t s_len, size_t i, const needle *n)
{
    if (s_len - i < n->len)
        return false;
    for (size_t k = 0; k < n->len; k++)
        if (fold((unsigned char)s[i + k]) != fold((unsigned char)n->text[k]))
            return false;
    if (i > 0 && wordish((unsigned char)n->text[0]) && wordish((unsigned char)s[i - 1]))
        return false;
    size_t end = i + n->len;
    if (!wordish((unsigned char)n->text[n->len - 1]))
        return true;
    if (end < s_len && s[end] == 's')
        end++;
    return end == s_len || !wordish((unsigned char)s[end]);
}

static bool contains(const char *hay, size_t hay_len, const needle *n)
{
    for (size_t i = 0; i < hay_len; i++)
        if (match_at(hay, hay_len, i, n))
            return true;
    return false;
}

static bool mentions(const char *s, size_t len, const needles *nd)
{
    for (size_t i = 0; i < nd->n; i++)
        if (contains(s, len, &nd->items[i]))
            return true;
    return false;
}

/* One pass: every mention, longest needle first, replaced by the marker. */
static int replace_pass(char **out, const char *s, size_t len, const needles *nd)
{
    nw_buf b;
    nw_buf_init(&b);
    size_t mlen = strlen(nd->marker);
    for (size_t i = 0; i < len;) {
        const needle *hit = NULL;
        for (size_t k = 0; k < nd->n && hit == NULL; k++)
            if (match_at(s, len, i, &nd->items[k]))
                hit = &nd->items[k];
        if (hit != NULL) {
            nw_buf_put(&b, nd->marker, mlen);
            i += hit->len;
        } else {
            nw_buf_putc(&b, s[i]);
            i++;
        }
    }
    return nw_buf_finish(&b, out, NULL);
}

/* The text with every mention replaced: *out is a new string, or NULL when
 * the text mentions the actor nowhere. A replacement can, in theory, join
 * with its surroundings into a new mention; after a few passes the whole
 * text becomes the marker, which mentions nothing. */
static int redact(char **out, const char *text, const needles *nd)
{
    *out = NULL;
    if (text == NULL || !mentions(text, strlen(text), nd))
        return NW_OK;
    char *cur = NULL;
    for (int pass = 0; pass < 4; pass++) {
        char *next = NULL;
        const char *src = cur != NULL ? cur : text;
        int rc = replace_pass(&next, src, strlen(src), nd);
        nw_mem_free(cur);
        if (rc != NW_OK)
            return rc;
        cur = next;
        if (!mentions(cur, strlen(cur), nd)) {
            *out = cur;
            return NW_OK;
        }
    }
    nw_mem_free(cur);
    *out = nw_mem_strdup(nd->marker);
    return *out != NULL ? NW_OK : NW_ENOMEM;
}

/* ---- the plan -------------------------------------------------------------- */

typedef struct text_edit {
    char **slot; /* where the text lives */
    char *text;  /* its redacted form */
} text_edit;

typedef struct set_edit {
    nw_strset *set;
    char **items; /* the set's items, redacted ones replaced */
} set_edit;

typedef struct plan {
    const needles *nd;
    text_edit *texts;
    size_t ntexts, captexts;
    set_edit *sets;
    size_t nsets, capsets;
    size_t changed; /* texts that change */
} plan;

static int plan_text(plan *p, char **slot)
{
    char *r = NULL;
    int rc = redact(&r, *slot, p->nd);
    if (rc != NW_OK || r == NULL)
        return rc;
    rc = nw_mem_reserve((void **)&p->texts, &p->captexts, p->ntexts + 1, sizeof *p->texts);
    if (rc != NW_OK) {
        nw_mem_free(r);
        return rc;
    }
    text_edit e = { slot, r };
    p->texts[p->ntexts++] = e;
    p->changed++;
    return NW_OK;
}

static void free_set_items(const nw_strset *set, char **items)
{
    for (size_t i = 0; i < set->len; i++)
        if (items[i] != set->items[i])
            nw_mem_free(items[i]);
    nw_mem_free(items);
}

static int plan_set(plan *p, nw_strset *set)
{
    char **items = NULL;
    int rc = NW_OK;
    size_t changed = 0;
    for (size_t i = 0; i < set->len && rc == NW_OK; i++) {
        char *r = NULL;
        if ((rc = redact(&r, set->items[i], p->nd)) != NW_OK || r == NULL)
            continue;
        if (items == NULL) {
            if ((items = nw_mem_calloc(set->len, sizeof *items)) == NULL) {
                nw_mem_free(r);
                return NW_ENOMEM;
            }
            memcpy(items, set->items, set->len * sizeof *items);
        }
        items[i] = r;
        changed++;
    }
    if (rc == NW_OK && items != NULL)
        rc = nw_mem_reserve((void **)&p->sets, &p->capsets, p->nsets + 1, sizeof *p->sets);
    if (rc != NW_OK) {
        if (items != NULL)
            free_set_items(set, items);
        return rc;
    }
    if (items != NULL) {
        set_edit e = { set, items };
        p->sets[p->nsets++] = e;
        p->changed += changed;
    }
    return NW_OK;
}

static void plan_free(plan *p)
{
    for (size_t i = 0; i < p->ntexts; i++)
        nw_mem_free(p->texts[i].text);
    for (size_t i = 0; i < p->nsets; i++)
        free_set_items(p->sets[i].set, p->sets[i].items);
    nw_mem_free(p->texts);
    nw_mem_free(p->sets);
}

/* Ties the actor leaves with fewer than two members go as a whole. */
static bool tie_goes(const nw_tie_rec *t, nw_id actor)
{
    return t->nmembers <= 2 && nw_ids_contains(t->members, t->nmembers, actor);
}

static int plan_network(plan *p, nw_network *net, nw_id actor)
{
    int rc = plan_text(p, &net->name);
    if (rc == NW_OK)
        rc = plan_set(p, &net->topics);
    if (rc == NW_OK)
        rc = plan_set(p, &net->goals);
    for (uint64_t id = 1; id < net->next_actor_id && rc == NW_OK; id++) {
        nw_actor_rec *a = net->actors[id];
        if (a == NULL || a->id == actor)
            continue;
        struct nw_actor_extra *x = a->extra;
        if (x == NULL)
            continue; /* nothing but a name, a kind and dates */
        /* Names identify others and e-mail addresses and phone numbers are
         * theirs; postal and other contacts are free text ("c/o ..."). */
        for (size_t i = 0; i < x->ncontacts && rc == NW_OK; i++)
            if (x->contacts[i].channel == NW_CHANNEL_POSTAL
                || x->contacts[i].channel == NW_CHANNEL_OTHER)
                rc = plan_text(p, &x->contacts[i].value);
        if (rc == NW_OK)
            rc = plan_set(p, &x->interests);
        for (size_t i = 0; i < x->nattrs && rc == NW_OK; i++)
            rc = plan_text(p, &x->attrs[i].value);
        for (size_t i = 0; i < x->nconsents && rc == NW_OK; i++) {
            nw_consent_rec *c = &x->consents[i];
            if ((rc = plan_text(p, &c->purpose)) == NW_OK && (rc = plan_text(p, &c->source)) == NW_OK
                && (rc = plan_text(p, &c->text)) == NW_OK)
                rc = plan_text(p, &c->note);
        }
    }
    for (uint64_t id = 1; id < net->next_tie_id && rc == NW_OK; id++) {
        nw_tie_rec *t = net->ties[id];
        if (t == NULL || tie_goes(t, actor))
            continue;
        struct nw_tie_extra *x = t->extra;
        if (x == NULL)
            continue; /* nothing but members and dates */
        rc = plan_text(p, &x->label);
        if (rc == NW_OK)
            rc = plan_set(p, &x->topics);
        if (rc == NW_OK)
            rc = plan_set(p, &x->goals);
        for (size_t i = 0; i < x->nlog && rc == NW_OK; i++)
            rc = plan_text(p, &x->log[i].note);
        nw_checklist_rec *cl = x->checklist;
        for (size_t i = 0; cl != NULL && i < cl->nitems && rc == NW_OK; i++) {
            nw_item_rec *it = &cl->items[i];
            if (it->partner == actor)
                continue; /* goes with the actor */
            if ((rc = plan_text(p, &it->label)) == NW_OK)
                rc = plan_text(p, &it->note);
        }
    }
    return rc;
}

/* ---- committing ------------------------------------------------------------ */

static void commit_set(const set_edit *e)
{
    nw_strset *set = e->set;
    for (size_t i = 0; i < set->len; i++)
        if (e->items[i] != set->items[i]) {
            wipe_str(set->items[i]);
            nw_mem_free(set->items[i]);
        }
    /* Redaction can make two items equal; a set keeps one. */
    size_t kept = 0;
    for (size_t i = 0; i < set->len; i++) {
        bool dup = false;
        for (size_t j = 0; j < kept && !dup; j++)
            dup = strcmp(e->items[j], e->items[i]) == 0;
        if (dup)
            nw_mem_free(e->items[i]);
        else
            e->items[kept++] = e->items[i];
    }
    nw_mem_free(set->items);
    set->items = e->items;
    set->cap = set->len;
    set->len = kept;
}

static void commit(plan *p)
{
    for (size_t i = 0; i < p->ntexts; i++) {
        wipe_str(*p->texts[i].slot);
        nw_mem_free(*p->texts[i].slot);
        *p->texts[i].slot = p->texts[i].text;
    }
    for (size_t i = 0; i < p->nsets; i++)
        commit_set(&p->sets[i]);
    nw_mem_free(p->texts);
    nw_mem_free(p->sets);
}

static void wipe_set(nw_strset *set)
{
    for (size_t i = 0; i < set->len; i++)
        wipe_str(set->items[i]);
}

static void wipe_tie(nw_tie_rec *t)
{
    struct nw_tie_extra *x = t->extra;
    if (x == NULL)
        return;
    wipe_str(x->label);
    wipe_set(&x->topics);
    wipe_set(&x->goals);
    for (size_t i = 0; i < x->nlog; i++)
        wipe_str(x->log[i].note);
    for (size_t i = 0; x->checklist != NULL && i < x->checklist->nitems; i++) {
        wipe_str(x->checklist->items[i].label);
        wipe_str(x->checklist->items[i].note);
    }
}

static void wipe_actor(nw_actor_rec *a)
{
    wipe_str(a->name);
    struct nw_actor_extra *x = a->extra;
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->ncontacts; i++)
        wipe_str(x->contacts[i].value);
    wipe_set(&x->interests);
    for (size_t i = 0; i < x->nattrs; i++) {
        wipe_str(x->attrs[i].key);
        wipe_str(x->attrs[i].value);
    }
    for (size_t i = 0; i < x->nconsents; i++) {
        wipe_str(x->consents[i].purpose);
        wipe_str(x->consents[i].source);
        wipe_str(x->consents[i].text);
        wipe_str(x->consents[i].note);
    }
}

int nw_actor_erase(size_t *redacted, nw_actor *actor)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    nw_network *net = actor->net;
    needles nd;
    plan p;
    memset(&p, 0, sizeof p);
    p.nd = &nd;
    int rc = collect(&nd, rec);
    if (rc == NW_OK)
        rc = plan_network(&p, net, rec->id);
    if (rc != NW_OK) {
        plan_free(&p);
        needles_free(&nd);
        return rc;
    }

    /* Nothing below allocates or fails. */
    commit(&p);
    needles_free(&nd);
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        nw_tie_rec *t = net->ties[id];
        if (t == NULL)
            continue;
        if (tie_goes(t, rec->id)) {
            wipe_tie(t);
            continue;
        }
        nw_checklist_rec *cl = nw_tie_rec_checklist(t);
        for (size_t i = 0; cl != NULL && i < cl->nitems; i++) {
            nw_item_rec *it = &cl->items[i];
            if (it->responsible == rec->id)
                it->responsible = NW_ID_NONE;
            if (it->partner == rec->id)
                wipe_str(it->note);
        }
    }
    nw_actor_rec_detach(net, rec);
    wipe_actor(rec);
    nw_actor_rec_free(rec);
    nw_network_touch(net);
    if (redacted != NULL)
        *redacted = p.changed;
    return NW_OK;
}
