/*
 * Copies of a network: with every text passed through a mapping (the
 * pseudonymised copy) and without the actors lacking consent (the consent
 * filter of saving).
 *
 * The copy is built through the model's own calls, with the identities of
 * the original (io_build.c), so every rule of the model holds in it. Only
 * the fields named here are copied: a field added to the model later is
 * left out of copies until it is added here, rather than slipping into a
 * pseudonymised copy unmapped.
 */
#include "io_internal.h"
#include "checklist_rec.h"

typedef struct copier {
    const nw_network *src;
    nw_network *dst;
    nw_text_map_fn map;
    void *ctx;
    char *tmp[4]; /* mapped texts of the call being made */
} copier;

static void release(copier *cp)
{
    for (size_t i = 0; i < sizeof cp->tmp / sizeof cp->tmp[0]; i++) {
        nw_mem_free(cp->tmp[i]);
        cp->tmp[i] = NULL;
    }
}

/* The mapped form of text in *res, held in slot `slot` until release(). */
static int mapped(copier *cp, int slot, enum nw_text_class cls, const char *text, const char **res)
{
    *res = text;
    if (cp->map == NULL || text == NULL || text[0] == '\0')
        return NW_OK;
    char *m = NULL;
    int rc = cp->map(&m, cp->ctx, cls, text);
    if (rc != NW_OK)
        return rc;
    nw_mem_free(cp->tmp[slot]);
    cp->tmp[slot] = m;
    if (m != NULL)
        *res = m;
    return NW_OK;
}

typedef int (*set_add_fn)(void *target, const char *text);

static int copy_set(copier *cp, const nw_strset *set, enum nw_text_class cls, set_add_fn add,
                    void *target)
{
    int rc = NW_OK;
    for (size_t i = 0; i < set->len && rc == NW_OK; i++) {
        const char *t;
        if ((rc = mapped(cp, 0, cls, set->items[i], &t)) == NW_OK)
            rc = add(target, t);
        release(cp);
    }
    return rc;
}

static int add_net_topic(void *net, const char *t) { return nw_network_topic_add(net, t); }
static int add_net_goal(void *net, const char *t) { return nw_network_goal_add(net, t); }
static int add_interest(void *a, const char *t) { return nw_actor_interest_add(a, t); }
static int add_tie_topic(void *t, const char *s) { return nw_tie_topic_add(t, s); }
static int add_tie_goal(void *t, const char *s) { return nw_tie_goal_add(t, s); }

static int copy_actor(copier *cp, const nw_actor_rec *a)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    const char *name;
    int rc = mapped(cp, 0, NW_TEXT_CLASS_NAME, a->name, &name);
    if (rc == NW_OK)
        rc = nw_io_actor_add(cp->dst, a->id, a->kind, name);
    release(cp);
    struct nw_actor h = nw_io_actor_ref(cp->dst, a->id);
    for (size_t i = 0; i < ax->ncontacts && rc == NW_OK; i++) {
        const nw_contact *c = &ax->contacts[i];
        const char *v;
        enum nw_text_class cls = c->channel == NW_CHANNEL_EMAIL ? NW_TEXT_CLASS_EMAIL
                                                                : NW_TEXT_CLASS_CONTACT;
        if ((rc = mapped(cp, 0, cls, c->value, &v)) == NW_OK)
            rc = nw_actor_contact_add(&h, c->channel, v);
        release(cp);
    }
    if (rc == NW_OK)
        rc = copy_set(cp, &ax->interests, NW_TEXT_CLASS_TOPIC, add_interest, &h);
    if (rc == NW_OK && a->joined != NW_DATE_NONE)
        rc = nw_actor_set_joined(&h, a->joined);
    for (size_t i = 0; i < ax->nattrs && rc == NW_OK; i++) {
        const char *v;
        if ((rc = mapped(cp, 0, NW_TEXT_CLASS_FREE, ax->attrs[i].value, &v)) == NW_OK)
            rc = nw_actor_attr_set(&h, ax->attrs[i].key, v);
        release(cp);
    }
    for (size_t i = 0; i < ax->nconsents && rc == NW_OK; i++) {
        const nw_consent_rec *r = &ax->consents[i];
        nw_consent c = NW_CONSENT_INIT;
        c.given = r->given;
        c.type = r->type;
        c.expires = r->expires;
        c.withdrawn = r->withdrawn;
        if ((rc = mapped(cp, 0, NW_TEXT_CLASS_PURPOSE, r->purpose, &c.purpose)) == NW_OK
            && (rc = mapped(cp, 1, NW_TEXT_CLASS_FREE, r->source, &c.source)) == NW_OK
            && (rc = mapped(cp, 2, NW_TEXT_CLASS_FREE, r->text, &c.text)) == NW_OK
            && (rc = mapped(cp, 3, NW_TEXT_CLASS_FREE, r->note, &c.note)) == NW_OK)
            rc = nw_consent_add(NULL, &h, &c);
        release(cp);
    }
    return rc;
}

/* A new checklist record equal to the original's, with mapped texts. */
static int copy_checklist(copier *cp, const nw_checklist_rec *src, nw_checklist_rec **out)
{
    nw_checklist_rec *cl = nw_mem_calloc(1, sizeof *cl);
    if (cl == NULL)
        return NW_ENOMEM;
    cl->form = src->form;
    cl->next_item_id = src->next_item_id;
    cl->items = src->nitems ? nw_mem_calloc(src->nitems, sizeof *cl->items) : NULL;
    cl->capitems = src->nitems;
    int rc = src->nitems && cl->items == NULL ? NW_ENOMEM : NW_OK;
    for (size_t i = 0; i < src->nitems && rc == NW_OK; i++) {
        const nw_item_rec *s = &src->items[i];
        nw_item_rec *d = &cl->items[cl->nitems++];
        *d = *s;
        d->label = d->note = NULL;
        d->responsible = nw_item_responsible(cp->src, s);
        const char *t;
        if (s->label != NULL && (rc = mapped(cp, 0, NW_TEXT_CLASS_FREE, s->label, &t)) == NW_OK
            && (d->label = nw_mem_strdup(t)) == NULL)
            rc = NW_ENOMEM;
        if (rc == NW_OK && s->note != NULL && s->note[0] != '\0'
            && (rc = mapped(cp, 1, NW_TEXT_CLASS_FREE, s->note, &t)) == NW_OK
            && (d->note = nw_mem_strdup(t)) == NULL)
            rc = NW_ENOMEM;
        release(cp);
    }
    if (rc != NW_OK) {
        nw_checklist_rec_free(cl);
        return rc;
    }
    *out = cl;
    return NW_OK;
}

static int copy_tie(copier *cp, const nw_tie_rec *t)
{
    int rc = nw_io_tie_add(cp->dst, t->id, t->form, t->members, t->nmembers, t->start);
    if (rc != NW_OK)
        return rc;
    struct nw_tie h = nw_io_tie_ref(cp->dst, t->id);
    if (t->end != NW_DATE_NONE)
        rc = nw_tie_set_end(&h, t->end);
    if (rc == NW_OK && t->imposed)
        rc = nw_tie_set_imposed(&h, true);
    if (rc == NW_OK && nw_tie_rec_label(t)[0] != '\0') {
        const char *label;
        if ((rc = mapped(cp, 0, NW_TEXT_CLASS_FREE, nw_tie_rec_label(t), &label)) == NW_OK)
            rc = nw_tie_set_label(&h, label);
        release(cp);
    }
    if (rc == NW_OK)
        rc = copy_set(cp, nw_tie_rec_topics(t), NW_TEXT_CLASS_TOPIC, add_tie_topic, &h);
    if (rc == NW_OK)
        rc = copy_set(cp, nw_tie_rec_goals(t), NW_TEXT_CLASS_TOPIC, add_tie_goal, &h);
    /* Appending in log order keeps interactions of one day in their order. */
    const nw_interaction *log = nw_tie_rec_log(t);
    for (size_t i = 0; i < nw_tie_rec_nlog(t) && rc == NW_OK; i++) {
        const char *note;
        if ((rc = mapped(cp, 0, NW_TEXT_CLASS_FREE, log[i].note, &note)) == NW_OK)
            rc = nw_tie_interaction_add(&h, log[i].date, log[i].kind, note);
        release(cp);
    }
    if (rc == NW_OK && nw_tie_rec_checklist(t) != NULL) {
        nw_checklist_rec *cl = NULL;
        nw_tie_rec *d = nw_network_tie_rec(cp->dst, t->id);
        struct nw_tie_extra *x = nw_tie_extra_get(d);
        rc = x != NULL ? copy_checklist(cp, nw_tie_rec_checklist(t), &cl) : NW_ENOMEM;
        if (rc == NW_OK) {
            nw_checklist_rec_free(x->checklist); /* the template it started with */
            x->checklist = cl;
        }
    }
    return rc;
}

int nw_network_copy_mapped(nw_network **out, const nw_network *net, nw_text_map_fn map, void *ctx)
{
    copier cp = { net, NULL, map, ctx, { NULL, NULL, NULL, NULL } };
    const char *name;
    int rc = mapped(&cp, 0, NW_TEXT_CLASS_NETWORK, net->name, &name);
    if (rc == NW_OK)
        rc = nw_network_new(&cp.dst, name);
    release(&cp);
    if (rc == NW_OK)
        rc = copy_set(&cp, &net->topics, NW_TEXT_CLASS_TOPIC, add_net_topic, cp.dst);
    if (rc == NW_OK)
        rc = copy_set(&cp, &net->goals, NW_TEXT_CLASS_TOPIC, add_net_goal, cp.dst);
    for (uint64_t id = 1; id < net->next_actor_id && rc == NW_OK; id++)
        if (net->actors[id] != NULL)
            rc = copy_actor(&cp, net->actors[id]);
    for (uint64_t id = 1; id < net->next_tie_id && rc == NW_OK; id++)
        if (net->ties[id] != NULL)
            rc = copy_tie(&cp, net->ties[id]);
    if (rc == NW_OK)
        rc = nw_io_set_next_ids(cp.dst, net->next_actor_id, net->next_tie_id);
    if (rc != NW_OK) {
        nw_network_free(cp.dst);
        return rc;
    }
    *out = cp.dst;
    return NW_OK;
}

int nw_network_copy_consenting(nw_network **out, const nw_network *net, nw_date as_of,
                               const char *purpose)
{
    nw_network *copy = NULL;
    int rc = nw_network_copy_mapped(&copy, net, NULL, NULL);
    if (rc != NW_OK)
        return rc;
    for (uint64_t id = 1; id < copy->next_actor_id; id++) {
        nw_actor_rec *a = copy->actors[id];
        if (a != NULL && !nw_consent_valid_on(a, purpose, as_of)) {
            nw_actor_rec_detach(copy, a);
            nw_actor_rec_free(a);
        }
    }
    nw_network_touch(copy);
    *out = copy;
    return NW_OK;
}
