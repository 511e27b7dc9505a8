/*
 * Lifetime (netzwerk/network.h, actor.h, tie.h, iter.h): zombie networks,
 * handles and iterators freed in any order, and stale handles after removal
 * and after the network was freed. Every call on a stale handle must give
 * NW_ESTALE, leave its outputs alone and never touch another object.
 *
 * Leaks and early destruction are seen through the test allocator's live
 * block count, and by ASan/valgrind.
 */
#include "nwtest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- every call on a stale handle ---------------------------------------- */

/* Call every function that takes an actor handle, with otherwise valid
 * arguments, and expect NW_ESTALE. `tie` is any tie handle (live or not)
 * and `peer` any actor handle, for the calls that take two objects. */
static void expect_actor_stale(nw_actor *a, nw_network *net, nw_tie *tie, nw_actor *peer)
{
    const char *s = "untouched", *s2 = "untouched";
    size_t n = 4242;
    nw_date d1 = 17, d2 = 17;
    bool b = true;
    nw_actor_kind kind = NW_ACTOR_GROUP;
    nw_channel ch = NW_CHANNEL_OTHER;
    nw_date day = nwt_date("2026-06-01");

    NWT_EXPECT(NW_ESTALE, nw_actor_kind_get(&kind, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_set_kind(a, NW_ACTOR_ORGANISATION));
    NWT_EXPECT(NW_ESTALE, nw_actor_name(&s, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_set_name(a, "Ein ganz neuer Name"));
    NWT_EXPECT(NW_ESTALE, nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "neu@example.org"));
    NWT_EXPECT(NW_ESTALE, nw_actor_contact_count(&n, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_contact(&ch, &s, a, 0));
    NWT_EXPECT(NW_ESTALE, nw_actor_contact_remove(a, 0));
    NWT_EXPECT(NW_ESTALE, nw_actor_interest_add(a, "Neues Interesse"));
    NWT_EXPECT(NW_ESTALE, nw_actor_interest_remove(a, "Schule"));
    NWT_EXPECT(NW_ESTALE, nw_actor_interest_count(&n, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_interest(&s, a, 0));
    NWT_EXPECT(NW_ESTALE, nw_actor_consent_give(a, day));
    NWT_EXPECT(NW_ESTALE, nw_actor_consent_withdraw(a, day));
    NWT_EXPECT(NW_ESTALE, nw_actor_consent(&d1, &d2, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_has_consent(&b, a, day));
    NWT_EXPECT(NW_ESTALE, nw_actor_joined(&d1, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_set_joined(a, day));
    NWT_EXPECT(NW_ESTALE, nw_actor_attr_set(a, "Stadtteil", "Süd"));
    NWT_EXPECT(NW_ESTALE, nw_actor_attr_get(&s, a, "Stadtteil"));
    NWT_EXPECT(NW_ESTALE, nw_actor_attr_remove(a, "Stadtteil"));
    NWT_EXPECT(NW_ESTALE, nw_actor_attr_count(&n, a));
    NWT_EXPECT(NW_ESTALE, nw_actor_attr(&s, &s2, a, 0));
    NWT_EXPECT(NW_ESTALE, nw_actor_tie_count(&n, a, NW_FORM_MASK_ALL));

    nw_actor_iter *ai = (nw_actor_iter *)(uintptr_t)0x51;
    nw_tie_iter *ti = (nw_tie_iter *)(uintptr_t)0x51;
    NWT_EXPECT(NW_ESTALE, nw_actor_iter_new_neighbors(&ai, a, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_ESTALE, nw_tie_iter_new_actor(&ti, a, NW_FORM_MASK_ALL));
    assert_ptr_equal(ai, (nw_actor_iter *)(uintptr_t)0x51);
    assert_ptr_equal(ti, (nw_tie_iter *)(uintptr_t)0x51);

    /* as an argument of tie calls */
    if (tie) {
        NWT_EXPECT(NW_ESTALE, nw_tie_has_member(&b, tie, a));
        NWT_EXPECT(NW_ESTALE, nw_tie_member_add(tie, a));
        NWT_EXPECT(NW_ESTALE, nw_tie_member_remove(tie, a));
    }
    if (net && peer) {
        nw_actor *ms[2] = { peer, a };
        nw_tie *t = (nw_tie *)(uintptr_t)0x51;
        NWT_EXPECT(NW_ESTALE, nw_tie_add(&t, net, NW_FORM_KONTAKT, ms, 2, day));
        assert_ptr_equal(t, (nw_tie *)(uintptr_t)0x51);
    }
    NWT_EXPECT(NW_ESTALE, nw_actor_remove(a));

    /* outputs untouched */
    assert_string_equal(s, "untouched");
    assert_string_equal(s2, "untouched");
    assert_int_equal(n, 4242);
    assert_int_equal(d1, 17);
    assert_int_equal(d2, 17);
    assert_true(b);
    assert_int_equal(kind, NW_ACTOR_GROUP);
    assert_int_equal(ch, NW_CHANNEL_OTHER);
}

/* The same for a tie handle; `member` is any actor handle. */
static void expect_tie_stale(nw_tie *t, nw_actor *member)
{
    const char *s = "untouched";
    size_t n = 4242;
    nw_date d = 17;
    bool b = true;
    nw_form form = NW_FORM_GRUPPE;
    nw_interaction_kind k = NW_INTERACTION_EVENT;
    nw_actor *m = (nw_actor *)(uintptr_t)0x51;
    nw_date day = nwt_date("2026-06-01");

    NWT_EXPECT(NW_ESTALE, nw_tie_form(&form, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&n, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_member(&m, t, 0));
    if (member) {
        NWT_EXPECT(NW_ESTALE, nw_tie_has_member(&b, t, member));
        NWT_EXPECT(NW_ESTALE, nw_tie_member_add(t, member));
        NWT_EXPECT(NW_ESTALE, nw_tie_member_remove(t, member));
    }
    NWT_EXPECT(NW_ESTALE, nw_tie_start(&d, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_set_start(t, day));
    NWT_EXPECT(NW_ESTALE, nw_tie_end(&d, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_set_end(t, day));
    NWT_EXPECT(NW_ESTALE, nw_tie_set_end(t, NW_DATE_NONE));
    NWT_EXPECT(NW_ESTALE, nw_tie_exists_on(&b, t, day));
    NWT_EXPECT(NW_ESTALE, nw_tie_imposed(&b, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_set_imposed(t, false));
    NWT_EXPECT(NW_ESTALE, nw_tie_label(&s, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_set_label(t, "Neues Projekt"));
    NWT_EXPECT(NW_ESTALE, nw_tie_topic_add(t, "Neues Thema"));
    NWT_EXPECT(NW_ESTALE, nw_tie_topic_remove(t, "Schulweg"));
    NWT_EXPECT(NW_ESTALE, nw_tie_topic_count(&n, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_topic(&s, t, 0));
    NWT_EXPECT(NW_ESTALE, nw_tie_goal_add(t, "Neues Ziel"));
    NWT_EXPECT(NW_ESTALE, nw_tie_goal_remove(t, "Sicherheit"));
    NWT_EXPECT(NW_ESTALE, nw_tie_goal_count(&n, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_goal(&s, t, 0));
    NWT_EXPECT(NW_ESTALE, nw_tie_interaction_add(t, day, NW_INTERACTION_CALL, "neu"));
    NWT_EXPECT(NW_ESTALE, nw_tie_interaction_count(&n, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_interaction(&d, &k, &s, t, 0));
    NWT_EXPECT(NW_ESTALE, nw_tie_interaction_remove(t, 0));
    NWT_EXPECT(NW_ESTALE, nw_tie_remove(t));

    assert_string_equal(s, "untouched");
    assert_int_equal(n, 4242);
    assert_int_equal(d, 17);
    assert_true(b);
    assert_int_equal(form, NW_FORM_GRUPPE);
    assert_int_equal(k, NW_INTERACTION_EVENT);
    assert_ptr_equal(m, (nw_actor *)(uintptr_t)0x51);
}

/* ---- a populated network ---------------------------------------------------- */

typedef struct fixture {
    nw_network *net;
    nw_actor *a[4]; /* identities 1, 2, 3 in a[1..3] */
    nw_tie *pair;   /* tie 1: {1, 2}, Kontakt */
    nw_tie *trio;   /* tie 2: {1, 2, 3}, Kooperation */
    nw_tie *other;  /* tie 3: {1, 3}, Gruppe */
} fixture;

static void fill_actor(nw_actor *a)
{
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "info@example.org"));
    NWT_OK(nw_actor_interest_add(a, "Schule"));
    NWT_OK(nw_actor_consent_give(a, nwt_date("2026-01-01")));
    NWT_OK(nw_actor_set_joined(a, nwt_date("2026-01-01")));
    NWT_OK(nw_actor_attr_set(a, "Stadtteil", "Nord"));
}

static void fill_tie(nw_tie *t)
{
    NWT_OK(nw_tie_set_label(t, "Projekt"));
    NWT_OK(nw_tie_topic_add(t, "Schulweg"));
    NWT_OK(nw_tie_goal_add(t, "Sicherheit"));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-02-01"), NW_INTERACTION_MEETING, "Treffen"));
}

static fixture make(void)
{
    fixture f;
    f.net = nwt_network("Netz");
    f.a[0] = NULL;
    f.a[1] = nwt_actor(f.net, "Eins");
    f.a[2] = nwt_actor(f.net, "Zwei");
    f.a[3] = nwt_actor(f.net, "Drei");
    for (int i = 1; i <= 3; i++)
        fill_actor(f.a[i]);
    f.pair = nwt_tie(f.net, NW_FORM_KONTAKT, f.a[1], f.a[2], NULL, "2026-01-15");
    f.trio = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a[1], f.a[2], f.a[3], "2026-01-15");
    f.other = nwt_tie(f.net, NW_FORM_GRUPPE, f.a[1], f.a[3], NULL, "2026-01-15");
    fill_tie(f.pair);
    fill_tie(f.trio);
    fill_tie(f.other);
    return f;
}

static void drop(fixture *f)
{
    for (int i = 1; i <= 3; i++)
        nw_actor_free(f->a[i]);
    nw_tie_free(f->pair);
    nw_tie_free(f->trio);
    nw_tie_free(f->other);
    nw_network_free(f->net);
}

/* ---- stale after removal ------------------------------------------------- */

static void test_stale_actor_touches_nothing(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor *gone = f.a[2];
    NWT_OK(nw_actor_remove(gone));
    /* a newcomer takes no identity of the removed actor */
    nw_actor *newcomer = nwt_actor(f.net, "Zwei");
    fill_actor(newcomer);
    assert_int_equal(nwt_actor_id(newcomer), 4);

    char *before = nwt_fingerprint(f.net);
    expect_actor_stale(gone, f.net, f.trio, f.a[1]);
    char *after = nwt_fingerprint(f.net);
    assert_string_equal(before, after);

    /* id, equal, dup still work on the stale handle */
    assert_int_equal(nwt_actor_id(gone), 2);
    bool eq = true;
    NWT_OK(nw_actor_equal(&eq, gone, newcomer));
    assert_false(eq);
    nw_actor *dup = NULL;
    NWT_OK(nw_actor_dup(&dup, gone));
    NWT_OK(nw_actor_equal(&eq, gone, dup));
    assert_true(eq);
    expect_actor_stale(dup, f.net, f.other, f.a[3]);
    free(after);
    after = nwt_fingerprint(f.net);
    assert_string_equal(before, after);
    free(before);
    free(after);
    nw_actor_free(dup);
    nw_actor_free(newcomer);
    drop(&f);
}

static void test_handles_on_removed_actor_all_stale(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor *h1, *h2;
    NWT_OK(nw_actor_lookup(&h1, f.net, 3));
    NWT_OK(nw_actor_lookup_name(&h2, f.net, "Drei"));
    NWT_OK(nw_actor_remove(h1));
    expect_actor_stale(h2, f.net, f.trio, f.a[1]);
    expect_actor_stale(f.a[3], f.net, f.pair, f.a[2]);
    /* tie 3 ({1, 3}) went with actor 3; tie 2 kept {1, 2} */
    expect_tie_stale(f.other, f.a[1]);
    size_t n;
    NWT_OK(nw_tie_member_count(&n, f.trio));
    assert_int_equal(n, 2);
    nw_actor_free(h1);
    nw_actor_free(h2);
    drop(&f);
}

static void test_stale_tie_touches_nothing(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *dup;
    NWT_OK(nw_tie_dup(&dup, f.trio));
    NWT_OK(nw_tie_remove(f.trio));
    nw_tie *newer = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a[1], f.a[2], f.a[3], "2026-01-15");
    fill_tie(newer);
    assert_int_equal(nwt_tie_id(newer), 4);

    char *before = nwt_fingerprint(f.net);
    expect_tie_stale(f.trio, f.a[1]);
    expect_tie_stale(dup, f.a[3]);
    char *after = nwt_fingerprint(f.net);
    assert_string_equal(before, after);
    assert_int_equal(nwt_tie_id(dup), 2);
    bool eq = true;
    NWT_OK(nw_tie_equal(&eq, dup, newer));
    assert_false(eq);
    nw_tie *x = (nw_tie *)(uintptr_t)0x51;
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, 2));
    assert_ptr_equal(x, (nw_tie *)(uintptr_t)0x51);
    free(before);
    free(after);
    nw_tie_free(dup);
    nw_tie_free(newer);
    drop(&f);
}

/* ---- zombies --------------------------------------------------------------- */

/* A network pointer passed after nw_network_free is the caller's mistake
 * (network.h), but while a handle keeps the network as a zombie every call
 * that takes it says NW_ESTALE, writes no output and changes nothing. */
static void test_zombie_network_is_refused(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *keep = nwt_actor(net, "Kita");
    nw_actor *b = nwt_actor(net, "Büro");
    nw_tie_free(nwt_tie(net, NW_FORM_KOOPERATION, keep, b, NULL, "2026-01-15"));
    nw_actor_free(b);
    nw_network_free(net); /* `keep` keeps it as a zombie */
    const nw_date day = nwt_date("2026-06-01");
    static char marker;
    void *const mark = &marker; /* what an untouched output still holds */
    nw_actor *actor = mark;
    nw_tie *tie = mark;
    nw_actor_iter *ai = mark;
    nw_tie_iter *ti = mark;
    nw_snapshot *snap = mark;
    nw_report *report = mark;
    nw_network *copy = mark;
    nw_touch *touch = mark;
    nw_figures *figures = mark;
    const char *text = mark;
    char *buf = mark, *buf2 = mark;
    size_t n = 4711, len = 4711, len2 = 4711;
    nw_id ids[2] = { 4711, 4711 };
    const nw_id pairs[] = { 1, 2 };
    const char *names[] = { "Neu" };
    nw_actor *members[2] = { keep, keep };
    const unsigned char key[NW_PSEUDONYM_KEY_MIN] = { 1 };
    char path[] = "/nonexistent/zombie.json";

    NWT_EXPECT(NW_ESTALE, nw_actor_add(&actor, net, NW_ACTOR_PERSON, "Neu"));
    NWT_EXPECT(NW_ESTALE, nw_actors_add(ids, net, NW_ACTOR_PERSON, names, 1));
    NWT_EXPECT(NW_ESTALE, nw_actor_lookup(&actor, net, 1));
    NWT_EXPECT(NW_ESTALE, nw_actor_lookup_name(&actor, net, "Kita"));
    NWT_EXPECT(NW_ESTALE, nw_tie_add(&tie, net, NW_FORM_KONTAKT, members, 2, day));
    NWT_EXPECT(NW_ESTALE, nw_ties_add(ids, net, NW_FORM_KONTAKT, pairs, 1, day));
    NWT_EXPECT(NW_ESTALE, nw_tie_lookup(&tie, net, 1));
    NWT_EXPECT(NW_ESTALE, nw_actor_iter_new(&ai, net));
    NWT_EXPECT(NW_ESTALE, nw_tie_iter_new(&ti, net, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_ESTALE, nw_network_name(&text, net));
    NWT_EXPECT(NW_ESTALE, nw_network_set_name(net, "Anders"));
    NWT_EXPECT(NW_ESTALE, nw_network_topic_add(net, "Schulweg"));
    NWT_EXPECT(NW_ESTALE, nw_network_topic_remove(net, "Schulweg"));
    NWT_EXPECT(NW_ESTALE, nw_network_topic_count(&n, net));
    NWT_EXPECT(NW_ESTALE, nw_network_topic(&text, net, 0));
    NWT_EXPECT(NW_ESTALE, nw_network_goal_add(net, "sicher"));
    NWT_EXPECT(NW_ESTALE, nw_network_goal_remove(net, "sicher"));
    NWT_EXPECT(NW_ESTALE, nw_network_goal_count(&n, net));
    NWT_EXPECT(NW_ESTALE, nw_network_goal(&text, net, 0));
    NWT_EXPECT(NW_ESTALE, nw_network_actor_count(&n, net));
    NWT_EXPECT(NW_ESTALE, nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_ESTALE, nw_network_reserve(net, 10, 10));
    NWT_EXPECT(NW_ESTALE, nw_snapshot_new(&snap, net, day, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_losing_touch(&touch, &n, net, day, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_timeline(&figures, &n, net, day, day, 1, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_validate(&report, net, day, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_pseudonymise(&copy, net, key, sizeof key, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_save(net, path, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_save_buffer(&buf, &len, net, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_save_csv(net, path, NULL, NULL));
    NWT_EXPECT(NW_ESTALE, nw_network_save_csv_buffer(&buf, &len, &buf2, &len2, net, NULL));

    assert_ptr_equal(actor, mark);
    assert_ptr_equal(tie, mark);
    assert_ptr_equal(ai, mark);
    assert_ptr_equal(ti, mark);
    assert_ptr_equal(snap, mark);
    assert_ptr_equal(report, mark);
    assert_ptr_equal(copy, mark);
    assert_ptr_equal(touch, mark);
    assert_ptr_equal(figures, mark);
    assert_ptr_equal(text, mark);
    assert_ptr_equal(buf, mark);
    assert_ptr_equal(buf2, mark);
    assert_int_equal(n, 4711);
    assert_int_equal(len, 4711);
    assert_int_equal(len2, 4711);
    assert_int_equal(ids[0], 4711);
    /* The zombie is as it was: its actor still reads stale, and goes with it. */
    const char *name;
    NWT_EXPECT(NW_ESTALE, nw_actor_name(&name, keep));
    nw_actor_free(keep);
}

static void test_zombie_handles_are_stale(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor *a = NULL;
    nw_tie *t = NULL;
    NWT_OK(nw_actor_dup(&a, f.a[1]));
    NWT_OK(nw_tie_dup(&t, f.trio));
    drop(&f); /* frees the network: a and t keep it as a zombie */
    assert_true(nwt_failalloc_live() > nwt_live_at_start());

    expect_actor_stale(a, NULL, t, NULL);
    expect_tie_stale(t, a);
    /* id, equal and dup still work */
    assert_int_equal(nwt_actor_id(a), 1);
    assert_int_equal(nwt_tie_id(t), 2);
    nw_actor *a2 = NULL;
    NWT_OK(nw_actor_dup(&a2, a));
    bool eq = false;
    NWT_OK(nw_actor_equal(&eq, a, a2));
    assert_true(eq);
    nw_tie *t2 = NULL;
    NWT_OK(nw_tie_dup(&t2, t));
    NWT_OK(nw_tie_equal(&eq, t, t2));
    assert_true(eq);
    expect_actor_stale(a2, NULL, t2, NULL);

    nw_actor_free(a);
    nw_tie_free(t);
    nw_actor_free(a2);
    assert_true(nwt_failalloc_live() > nwt_live_at_start()); /* t2 still holds it */
    expect_tie_stale(t2, NULL);
    nw_tie_free(t2);
    assert_int_equal(nwt_failalloc_live(), nwt_live_at_start());
}

static void test_network_without_handles_goes_at_once(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "A"));
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "B"));
    nw_actor *a;
    NWT_OK(nw_actor_lookup(&a, net, 1));
    nw_actor_free(a); /* freeing a handle leaves the actor in place */
    size_t n;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 2);
    assert_true(nwt_failalloc_live() > nwt_live_at_start());
    nw_network_free(net);
    assert_int_equal(nwt_failalloc_live(), nwt_live_at_start());
}

/* The objects that can keep a network alive. */
enum { OBJ_NET, OBJ_ACTOR, OBJ_TIE, OBJ_AITER, OBJ_TITER, OBJ_NITER, NOBJ };

typedef struct objects {
    nw_network *net;
    nw_actor *actor;
    nw_tie *tie;
    nw_actor_iter *aiter;
    nw_tie_iter *titer;
    nw_actor_iter *niter; /* neighbours */
} objects;

static void free_obj(objects *o, int which)
{
    switch (which) {
    case OBJ_NET: nw_network_free(o->net); o->net = NULL; break;
    case OBJ_ACTOR: nw_actor_free(o->actor); o->actor = NULL; break;
    case OBJ_TIE: nw_tie_free(o->tie); o->tie = NULL; break;
    case OBJ_AITER: nw_actor_iter_free(o->aiter); o->aiter = NULL; break;
    case OBJ_TITER: nw_tie_iter_free(o->titer); o->titer = NULL; break;
    case OBJ_NITER: nw_actor_iter_free(o->niter); o->niter = NULL; break;
    }
}

/* After the network was given up, whatever is left says NW_ESTALE. */
static void check_left_stale(objects *o)
{
    nw_actor *a;
    nw_tie *t;
    size_t n;
    if (o->actor)
        NWT_EXPECT(NW_ESTALE, nw_actor_tie_count(&n, o->actor, NW_FORM_MASK_ALL));
    if (o->tie)
        NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&n, o->tie));
    if (o->aiter)
        NWT_EXPECT(NW_ESTALE, nw_actor_iter_next(&a, o->aiter));
    if (o->titer)
        NWT_EXPECT(NW_ESTALE, nw_tie_iter_next(&t, o->titer));
    if (o->niter)
        NWT_EXPECT(NW_ESTALE, nw_actor_iter_next(&a, o->niter));
}

static void run_order(const int *order)
{
    objects o;
    o.net = nwt_network("Netz");
    nw_actor *b = nwt_actor(o.net, "B");
    o.actor = nwt_actor(o.net, "A");
    o.tie = nwt_tie(o.net, NW_FORM_KOOPERATION, o.actor, b, NULL, "2026-01-01");
    nw_actor_free(b);
    NWT_OK(nw_actor_iter_new(&o.aiter, o.net));
    NWT_OK(nw_tie_iter_new(&o.titer, o.net, NW_FORM_MASK_ALL));
    NWT_OK(nw_actor_iter_new_neighbors(&o.niter, o.actor, NW_FORM_MASK_ALL));

    bool net_gone = false;
    for (int i = 0; i < NOBJ; i++) {
        free_obj(&o, order[i]);
        if (order[i] == OBJ_NET)
            net_gone = true;
        if (i < NOBJ - 1) {
            /* something still holds the network: it must still be there */
            assert_true(nwt_failalloc_live() > nwt_live_at_start());
            if (net_gone)
                check_left_stale(&o);
        }
    }
    if (nwt_failalloc_live() != nwt_live_at_start()) {
        char text[64] = "";
        for (int i = 0; i < NOBJ; i++)
            text[i] = "natTNn"[order[i]]; /* net, actor, tie, iterators */
        NWT_FAIL("freeing in the order %s left %ld block(s)", text, nwt_failalloc_live());
    }
}

static bool next_permutation(int *p, int n)
{
    int i = n - 2;
    while (i >= 0 && p[i] >= p[i + 1])
        i--;
    if (i < 0)
        return false;
    int j = n - 1;
    while (p[j] <= p[i])
        j--;
    int t = p[i];
    p[i] = p[j];
    p[j] = t;
    for (int l = i + 1, r = n - 1; l < r; l++, r--) {
        t = p[l];
        p[l] = p[r];
        p[r] = t;
    }
    return true;
}

static void test_free_in_any_order(void **state)
{
    (void)state;
    int order[NOBJ];
    for (int i = 0; i < NOBJ; i++)
        order[i] = i;
    int runs = 0;
    do {
        run_order(order);
        runs++;
    } while (next_permutation(order, NOBJ));
    assert_int_equal(runs, 720);
}

static void test_handles_made_from_a_zombie_keep_it(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_network_free(net);
    /* dup on a zombie's handle works and holds the zombie too */
    nw_actor *b = NULL;
    NWT_OK(nw_actor_dup(&b, a));
    nw_actor_free(a);
    assert_true(nwt_failalloc_live() > nwt_live_at_start());
    const char *name = "untouched";
    NWT_EXPECT(NW_ESTALE, nw_actor_name(&name, b));
    assert_string_equal(name, "untouched");
    nw_actor_free(b);
    assert_int_equal(nwt_failalloc_live(), nwt_live_at_start());
}

static void test_removal_does_not_free_handles(void **state)
{
    (void)state;
    /* a removed actor's handle keeps the network alive like any handle */
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    NWT_OK(nw_actor_remove(a));
    nw_network_free(net);
    assert_true(nwt_failalloc_live() > nwt_live_at_start());
    NWT_EXPECT(NW_ESTALE, nw_actor_remove(a));
    assert_int_equal(nwt_actor_id(a), 1);
    nw_actor_free(a);
    assert_int_equal(nwt_failalloc_live(), nwt_live_at_start());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_stale_actor_touches_nothing),
        NWT_TEST(test_handles_on_removed_actor_all_stale),
        NWT_TEST(test_stale_tie_touches_nothing),
        NWT_TEST(test_zombie_network_is_refused),
        NWT_TEST(test_zombie_handles_are_stale),
        NWT_TEST(test_network_without_handles_goes_at_once),
        NWT_TEST(test_free_in_any_order),
        NWT_TEST(test_handles_made_from_a_zombie_keep_it),
        NWT_TEST(test_removal_does_not_free_handles),
    };
    return NWT_RUN(tests);
}
