/*
 * A text rendering of everything the public API shows about a network, so
 * that "the network is exactly as before the call" is one strcmp.
 *
 * It walks the network through actor and tie iterators (identity order) and
 * reads every field with the public getters, consent records and checklist
 * items included. The test allocator is paused
 * meanwhile: the handles and iterators made here must not use up the
 * allocation a test wants to fail.
 */
#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void put(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        NWT_FAIL("fingerprint: vsnprintf failed");
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s)
            NWT_FAIL("fingerprint: out of memory");
        b->s = s;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void must(int rc, const char *what)
{
    if (rc != NW_OK)
        NWT_FAIL("fingerprint: %s: %s: %s", what, nwt_code_name(rc), nw_errmsg());
}

static void put_date(buf *b, const char *label, nw_date d)
{
    char text[NW_DATE_BUFSIZE];
    if (d == NW_DATE_NONE) {
        put(b, " %s=none", label);
        return;
    }
    must(nw_date_format(text, sizeof text, d), "nw_date_format");
    put(b, " %s=%s", label, text);
}

static void put_actor(buf *b, const nw_actor *a)
{
    nw_id id;
    nw_actor_kind kind;
    const char *name;
    size_t n, i, ties;
    nw_date given, withdrawn, joined;

    must(nw_actor_id(&id, a), "nw_actor_id");
    must(nw_actor_kind_get(&kind, a), "nw_actor_kind_get");
    must(nw_actor_name(&name, a), "nw_actor_name");
    put(b, "actor %u kind=%d name=[%s]", (unsigned)id, (int)kind, name);
    must(nw_actor_consent(&given, &withdrawn, a), "nw_actor_consent");
    must(nw_actor_joined(&joined, a), "nw_actor_joined");
    put_date(b, "consent", given);
    put_date(b, "withdrawn", withdrawn);
    put_date(b, "joined", joined);
    for (unsigned f = 0; f < NW_FORM_COUNT; f++) {
        must(nw_actor_tie_count(&ties, a, NW_FORM_BIT(f)), "nw_actor_tie_count");
        put(b, " ties%c=%zu", "ABCD"[f], ties);
    }
    put(b, "\n");

    must(nw_actor_contact_count(&n, a), "nw_actor_contact_count");
    for (i = 0; i < n; i++) {
        nw_channel ch;
        const char *value;
        must(nw_actor_contact(&ch, &value, a, i), "nw_actor_contact");
        put(b, "  contact %d [%s]\n", (int)ch, value);
    }
    must(nw_actor_interest_count(&n, a), "nw_actor_interest_count");
    for (i = 0; i < n; i++) {
        const char *s;
        must(nw_actor_interest(&s, a, i), "nw_actor_interest");
        put(b, "  interest [%s]\n", s);
    }
    must(nw_actor_attr_count(&n, a), "nw_actor_attr_count");
    for (i = 0; i < n; i++) {
        const char *k, *v;
        must(nw_actor_attr(&k, &v, a, i), "nw_actor_attr");
        put(b, "  attr [%s]=[%s]\n", k, v);
    }
    must(nw_consent_count(&n, a), "nw_consent_count");
    for (i = 0; i < n; i++) {
        nw_consent c;
        must(nw_consent_get(&c, a, i), "nw_consent_get");
        put(b, "  consent type=%d", (int)c.type);
        put_date(b, "given", c.given);
        put_date(b, "expires", c.expires);
        put_date(b, "withdrawn", c.withdrawn);
        put(b, " purpose=[%s] source=[%s] text=[%s] note=[%s]\n", c.purpose, c.source, c.text,
            c.note);
    }
}

/* The checklist of a tie, if it has one. */
static void put_checklist(buf *b, nw_tie *t)
{
    nw_checklist *cl = NULL;
    int rc = nw_tie_checklist(&cl, t);
    if (rc == NW_ENOTFOUND)
        return;
    must(rc, "nw_tie_checklist");
    size_t n;
    must(nw_checklist_item_count(&n, cl), "nw_checklist_item_count");
    for (size_t i = 0; i < n; i++) {
        nw_id item, partner, resp;
        const char *code, *label, *note;
        nw_item_state st;
        nw_date due;
        must(nw_checklist_item_at(&item, cl, i), "nw_checklist_item_at");
        must(nw_checklist_item_code(&code, cl, item), "nw_checklist_item_code");
        must(nw_checklist_item_label(&label, cl, item, NW_LANG_DE), "nw_checklist_item_label");
        must(nw_checklist_item_partner(&partner, cl, item), "nw_checklist_item_partner");
        must(nw_checklist_item_responsible(&resp, cl, item), "nw_checklist_item_responsible");
        must(nw_checklist_item_state(&st, cl, item), "nw_checklist_item_state");
        must(nw_checklist_item_due(&due, cl, item), "nw_checklist_item_due");
        must(nw_checklist_item_note(&note, cl, item), "nw_checklist_item_note");
        put(b, "  item %u code=%s label=[%s] partner=%u responsible=%u state=%d", (unsigned)item,
            code, label, (unsigned)partner, (unsigned)resp, (int)st);
        put_date(b, "due", due);
        put(b, " note=[%s]\n", note);
    }
    nw_checklist_free(cl);
}

static void put_tie(buf *b, nw_tie *t)
{
    nw_id id;
    nw_form form;
    bool imposed;
    nw_date start, end;
    const char *label;
    size_t n, i;

    must(nw_tie_id(&id, t), "nw_tie_id");
    must(nw_tie_form(&form, t), "nw_tie_form");
    must(nw_tie_imposed(&imposed, t), "nw_tie_imposed");
    must(nw_tie_start(&start, t), "nw_tie_start");
    must(nw_tie_end(&end, t), "nw_tie_end");
    must(nw_tie_label(&label, t), "nw_tie_label");
    put(b, "tie %u form=%d imposed=%d label=[%s]", (unsigned)id, (int)form, (int)imposed, label);
    put_date(b, "start", start);
    put_date(b, "end", end);
    put(b, " members=");
    must(nw_tie_member_count(&n, t), "nw_tie_member_count");
    for (i = 0; i < n; i++) {
        nw_actor *m;
        must(nw_tie_member(&m, t, i), "nw_tie_member");
        put(b, "%s%u", i ? "," : "", (unsigned)nwt_actor_id(m));
        nw_actor_free(m);
    }
    put(b, "\n");
    must(nw_tie_topic_count(&n, t), "nw_tie_topic_count");
    for (i = 0; i < n; i++) {
        const char *s;
        must(nw_tie_topic(&s, t, i), "nw_tie_topic");
        put(b, "  topic [%s]\n", s);
    }
    must(nw_tie_goal_count(&n, t), "nw_tie_goal_count");
    for (i = 0; i < n; i++) {
        const char *s;
        must(nw_tie_goal(&s, t, i), "nw_tie_goal");
        put(b, "  goal [%s]\n", s);
    }
    must(nw_tie_interaction_count(&n, t), "nw_tie_interaction_count");
    for (i = 0; i < n; i++) {
        nw_date d;
        nw_interaction_kind k;
        const char *note;
        must(nw_tie_interaction(&d, &k, &note, t, i), "nw_tie_interaction");
        put(b, "  log");
        put_date(b, "on", d);
        put(b, " kind=%d note=[%s]\n", (int)k, note);
    }
    put_checklist(b, t);
}

char *nwt_fingerprint(nw_network *net)
{
    buf b = { NULL, 0, 0 };
    const char *name;
    size_t n, i;
    int rc;

    nwt_failalloc_pause();
    must(nw_network_name(&name, net), "nw_network_name");
    put(&b, "network [%s]\n", name);
    must(nw_network_topic_count(&n, net), "nw_network_topic_count");
    for (i = 0; i < n; i++) {
        const char *s;
        must(nw_network_topic(&s, net, i), "nw_network_topic");
        put(&b, "topic [%s]\n", s);
    }
    must(nw_network_goal_count(&n, net), "nw_network_goal_count");
    for (i = 0; i < n; i++) {
        const char *s;
        must(nw_network_goal(&s, net, i), "nw_network_goal");
        put(&b, "goal [%s]\n", s);
    }
    must(nw_network_actor_count(&n, net), "nw_network_actor_count");
    put(&b, "actors=%zu", n);
    for (unsigned f = 0; f < NW_FORM_COUNT; f++) {
        must(nw_network_tie_count(&n, net, NW_FORM_BIT(f)), "nw_network_tie_count");
        put(&b, " ties%c=%zu", "ABCD"[f], n);
    }
    put(&b, "\n");

    nw_actor_iter *ai;
    nw_actor *a;
    must(nw_actor_iter_new(&ai, net), "nw_actor_iter_new");
    while ((rc = nw_actor_iter_next(&a, ai)) == NW_OK) {
        put_actor(&b, a);
        nw_actor_free(a);
    }
    nw_actor_iter_free(ai);
    if (rc != NW_ITEROVER)
        must(rc, "nw_actor_iter_next");

    nw_tie_iter *ti;
    nw_tie *t;
    must(nw_tie_iter_new(&ti, net, NW_FORM_MASK_ALL), "nw_tie_iter_new");
    while ((rc = nw_tie_iter_next(&t, ti)) == NW_OK) {
        put_tie(&b, t);
        nw_tie_free(t);
    }
    nw_tie_iter_free(ti);
    if (rc != NW_ITEROVER)
        must(rc, "nw_tie_iter_next");
    nwt_failalloc_resume();
    return b.s;
}

bool nwt_step_all_or_nothing(nw_network *net, long k, int i, int (*step)(void *ctx, int i),
                             void *ctx)
{
    char *before = nwt_fingerprint(net);
    long failures = nwt_failalloc_failures();
    nw_error_clear();
    int rc = step(ctx, i);
    if (rc == NW_OK) {
        free(before);
        return false;
    }
    if (rc != NW_ENOMEM || nwt_failalloc_failures() == failures || nw_errcode() != NW_ENOMEM ||
        strcmp(nw_errmsg(), "no error") == 0)
        NWT_FAIL("allocation %ld: step %d returned %s (%s)", k, i, nwt_code_name(rc), nw_errmsg());
    char *after = nwt_fingerprint(net);
    if (strcmp(before, after) != 0)
        NWT_FAIL("allocation %ld: step %d failed but changed the network\n"
                 "--- before ---\n%s--- after ---\n%s", k, i, before, after);
    free(after);
    free(before);
    rc = step(ctx, i); /* the failure is one-shot */
    if (rc != NW_OK)
        NWT_FAIL("allocation %ld: step %d retried gave %s (%s)", k, i, nwt_code_name(rc), nw_errmsg());
    return true;
}

void nwt_every_step_met(const int *met_by, int nsteps, long k)
{
    for (int step = 0; step < nsteps; step++)
        if (met_by[step] == 0)
            NWT_FAIL("step %d never met a failure: it allocates nothing?", step);
    print_message("    %ld allocations failed in turn\n", k - 1);
}
