/*
 * The bulk load: nw_network_reserve (network.h), nw_actors_add (actor.h) and
 * nw_ties_add (tie.h).
 *
 * The expected state after a bulk load is built independently, by the
 * one-at-a-time nw_tie_add, and compared with nwt_fingerprint(); every
 * failure must leave the network exactly as it was (same fingerprint).
 */
#include "nwtest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BAD_FORM ((nw_form)4)

/* A network with actors 1 to 5 (A to E) and 7 to 40; actor 6 (F) was added and removed,
 * and tie 1 {A, B} (form A) was added and tie 2 {C, D} added and removed,
 * so that identities, slots and tie lists are not all fresh. */
static nw_network *make(void)
{
    nw_network *net = nwt_network("Netz");
    const char *names[] = { "A", "B", "C", "D", "E", "F" };
    nw_actor *a[6];
    for (int i = 0; i < 6; i++)
        a[i] = nwt_actor(net, names[i]);
    /* 34 more actors (7 to 40): a load of 1 tie is small for this network
     * and goes tie by tie, larger ones are grouped by actor (tie.c). */
    for (int i = 7; i <= 40; i++) {
        char name[8];
        snprintf(name, sizeof name, "X%d", i);
        nw_actor_free(nwt_actor(net, name));
    }
    nw_tie *t1 = nwt_tie(net, NW_FORM_BEGEGNUNG, a[0], a[1], NULL, "2025-06-01");
    nw_tie *t2 = nwt_tie(net, NW_FORM_KONTAKT, a[2], a[3], NULL, "2025-06-01");
    NWT_OK(nw_tie_remove(t2));
    NWT_OK(nw_actor_remove(a[5]));
    nw_tie_free(t1);
    nw_tie_free(t2);
    for (int i = 0; i < 6; i++)
        nw_actor_free(a[i]);
    return net;
}

/* The same ties one at a time through nw_tie_add. */
static void add_singly(nw_network *net, nw_form form, const nw_id *pairs, size_t npairs,
                       const char *start)
{
    for (size_t i = 0; i < npairs; i++) {
        nw_actor *m[2];
        NWT_OK(nw_actor_lookup(&m[0], net, pairs[2 * i]));
        NWT_OK(nw_actor_lookup(&m[1], net, pairs[2 * i + 1]));
        NWT_OK(nw_tie_add(NULL, net, form, m, 2, nwt_date(start)));
        nw_actor_free(m[0]);
        nw_actor_free(m[1]);
    }
}

/* The identities of an actor's ties, in the order the iterator gives them,
 * as "3,4,7". */
static void actor_ties(char *out, size_t size, nw_network *net, nw_id actor)
{
    nw_actor *a;
    nw_tie_iter *it;
    nw_tie *t;
    NWT_OK(nw_actor_lookup(&a, net, actor));
    NWT_OK(nw_tie_iter_new_actor(&it, a, NW_FORM_MASK_ALL));
    out[0] = '\0';
    while (nw_tie_iter_next(&t, it) == NW_OK) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%u", len ? "," : "", (unsigned)nwt_tie_id(t));
        nw_tie_free(t);
    }
    nw_tie_iter_free(it);
    nw_actor_free(a);
}

/* Check actor's ties (actor_ties) against the list worked out by hand. */
static void expect_ties(nw_network *net, nw_id actor, const char *want)
{
    char got[128];
    actor_ties(got, sizeof got, net, actor);
    assert_string_equal(got, want);
}

static size_t checklist_items(nw_network *net, nw_id tie)
{
    nw_tie *t;
    nw_checklist *cl;
    size_t n;
    NWT_OK(nw_tie_lookup(&t, net, tie));
    NWT_OK(nw_tie_checklist(&cl, t));
    NWT_OK(nw_checklist_item_count(&n, cl));
    nw_checklist_free(cl);
    nw_tie_free(t);
    return n;
}

/* ---- success ------------------------------------------------------------ */

static void test_adds_like_tie_add(void **state)
{
    (void)state;
    /* Pairs in any order, one pair twice (two ties between C and A). */
    const nw_id pairs[] = { 3, 1, 2, 5, 1, 3, 4, 5 };
    nw_network *bulk = make(), *single = make();
    nw_id ids[4] = { 0, 0, 0, 0 };
    NWT_OK(nw_ties_add(ids, bulk, NW_FORM_KONTAKT, pairs, 4, nwt_date("2026-01-15")));
    add_singly(single, NW_FORM_KONTAKT, pairs, 4, "2026-01-15");
    /* Ties 1 and 2 were taken before: the new ones are 3 to 6, in order. */
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[1], 4);
    assert_int_equal(ids[2], 5);
    assert_int_equal(ids[3], 6);
    size_t n;
    NWT_OK(nw_network_tie_count(&n, bulk, NW_FORM_MASK_ALL));
    assert_int_equal(n, 5); /* tie 1 and the four new ones */
    NWT_OK(nw_network_tie_count(&n, bulk, NW_FORM_BIT(NW_FORM_KONTAKT)));
    assert_int_equal(n, 4);

    char *fb = nwt_fingerprint(bulk), *fs = nwt_fingerprint(single);
    assert_string_equal(fb, fs);
    /* Members ascending whatever the pair's order; the date as given. */
    assert_non_null(strstr(fb, "start=2026-01-15 end=none members=1,3\n"));
    free(fb);
    free(fs);

    /* Each actor's ties, ascending: A has 1 (old), 3 and 5; E has 4 and 6. */
    char buf[64];
    actor_ties(buf, sizeof buf, bulk, 1);
    assert_string_equal(buf, "1,3,5");
    actor_ties(buf, sizeof buf, bulk, 5);
    assert_string_equal(buf, "4,6");
    actor_ties(buf, sizeof buf, bulk, 4);
    assert_string_equal(buf, "6");

    /* A later single tie continues the identities: 7. */
    nw_actor *a, *b;
    nw_tie *t;
    NWT_OK(nw_actor_lookup(&a, bulk, 2));
    NWT_OK(nw_actor_lookup(&b, bulk, 4));
    nw_actor *m[2] = { a, b };
    NWT_OK(nw_tie_add(&t, bulk, NW_FORM_KONTAKT, m, 2, nwt_date("2026-02-01")));
    assert_int_equal(nwt_tie_id(t), 7);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(bulk);
    nw_network_free(single);
}

/* A grouped load gives actors without ties lists in the network's arena,
 * with no room to spare (tie.c). Every way a list grows or shrinks later
 * must keep it complete and ascending: another grouped load, a load tie by
 * tie, nw_tie_add, a member joining and leaving, a tie removed. Checked
 * against the lists worked out by hand. */
static void test_tie_lists_grow(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    static const char *const names[] = {"P", "Q", "R", "S"};
    NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 4)); /* 1 to 4 */
    static const nw_id first[] = {1, 2, 3, 1, 2, 3};             /* ties 1 to 3 */
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, first, 3, nwt_date("2026-01-01")));
    expect_ties(net, 1, "1,2");
    expect_ties(net, 3, "2,3");

    static const nw_id second[] = {4, 1, 1, 2};                  /* ties 4, 5: grouped */
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, second, 2, nwt_date("2026-01-02")));
    expect_ties(net, 1, "1,2,4,5");
    expect_ties(net, 2, "1,3,5");
    expect_ties(net, 4, "4");

    /* 40 more actors (5 to 44): a load of one tie now goes tie by tie. */
    for (int i = 5; i <= 44; i++) {
        char name[8];
        snprintf(name, sizeof name, "X%d", i);
        NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, name));
    }
    static const nw_id third[] = {3, 2};                         /* tie 6 */
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, third, 1, nwt_date("2026-01-03")));
    expect_ties(net, 2, "1,3,5,6");
    expect_ties(net, 3, "2,3,6");

    nw_actor *p, *q, *r, *sa;
    NWT_OK(nw_actor_lookup(&p, net, 1));
    NWT_OK(nw_actor_lookup(&q, net, 2));
    NWT_OK(nw_actor_lookup(&r, net, 3));
    NWT_OK(nw_actor_lookup(&sa, net, 4));
    nw_actor *pair[2] = {sa, r};
    nw_tie *t7;                                                  /* tie 7 */
    NWT_OK(nw_tie_add(&t7, net, NW_FORM_GRUPPE, pair, 2, nwt_date("2026-01-04")));
    expect_ties(net, 4, "4,7");
    NWT_OK(nw_tie_member_add(t7, p));
    expect_ties(net, 1, "1,2,4,5,7");
    NWT_OK(nw_tie_member_remove(t7, p));
    expect_ties(net, 1, "1,2,4,5");

    nw_tie *t2;
    NWT_OK(nw_tie_lookup(&t2, net, 2));
    NWT_OK(nw_tie_remove(t2));
    expect_ties(net, 3, "3,6,7");
    expect_ties(net, 1, "1,4,5");
    static const nw_id fourth[] = {1, 3, 2, 4, 4, 1};            /* ties 8 to 10: grouped */
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, fourth, 3, nwt_date("2026-01-05")));
    expect_ties(net, 1, "1,4,5,8,10");
    expect_ties(net, 2, "1,3,5,6,9");
    expect_ties(net, 3, "3,6,7,8");
    expect_ties(net, 4, "4,7,9,10");

    /* Removing an actor takes it out of its ties' lists and frees nothing twice. */
    NWT_OK(nw_actor_remove(q));
    expect_ties(net, 1, "4,8,10");
    nw_tie_free(t2);
    nw_tie_free(t7);
    nw_actor_free(p);
    nw_actor_free(q);
    nw_actor_free(r);
    nw_actor_free(sa);
    nw_network_free(net);
}

/* A hub that gets more new ties in one load than an arena chunk holds
 * (16 KB: 4,096 identities): its list gets a chunk of its own. Every
 * allocation of the load may fail and leave the network without a tie
 * (the test allocator's leak check sees what a rewind would leave); then
 * the list is complete and grows like any other. */
static void test_hub_list_beyond_a_chunk(void **state)
{
    (void)state;
    enum { SPOKES = 5000 };
    static char text[SPOKES + 1][8];
    static const char *names[SPOKES + 1];
    static nw_id pairs[2 * SPOKES];
    for (int i = 0; i <= SPOKES; i++) {
        snprintf(text[i], sizeof text[i], "h%d", i);
        names[i] = text[i];
    }
    for (nw_id i = 0; i < SPOKES; i++) {
        pairs[2 * i] = i + 2; /* spokes 2.., the hub 1 */
        pairs[2 * i + 1] = 1;
    }
    nw_network *net = nwt_network("Netz");
    NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, SPOKES + 1));
    nw_actor *hub, *spoke;
    NWT_OK(nw_actor_lookup(&hub, net, 1));
    NWT_OK(nw_actor_lookup(&spoke, net, 2));
    size_t n;
    long k;
    for (k = 1;; k++) {
        nwt_failalloc_fail_at(k);
        int rc = nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, SPOKES, nwt_date("2026-01-01"));
        bool met = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);
        if (!met) {
            NWT_OK(rc);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
        assert_int_equal(n, 0);
        NWT_OK(nw_actor_tie_count(&n, hub, NW_FORM_MASK_ALL));
        assert_int_equal(n, 0);
        if (k > 1000)
            NWT_FAIL("more than 1000 allocations");
    }
    assert_true(k > 80); /* at least 79 blocks of tie records, the hub's chunk */

    /* The hub's list is complete and in order, and grows. */
    nw_tie_iter *it;
    nw_tie *t;
    NWT_OK(nw_tie_iter_new_actor(&it, hub, NW_FORM_MASK_ALL));
    nw_id want = 1;
    while (nw_tie_iter_next(&t, it) == NW_OK) {
        assert_int_equal(nwt_tie_id(t), want++);
        nw_tie_free(t);
    }
    nw_tie_iter_free(it);
    assert_int_equal(want, SPOKES + 1);
    nw_actor *pair[2] = {spoke, hub};
    NWT_OK(nw_tie_add(NULL, net, NW_FORM_BEGEGNUNG, pair, 2, nwt_date("2026-02-01")));
    NWT_OK(nw_actor_tie_count(&n, hub, NW_FORM_MASK_ALL));
    assert_int_equal(n, SPOKES + 1);
    expect_ties(net, 2, "1,5001");
    nw_actor_free(spoke);
    nw_actor_free(hub);
    nw_network_free(net);
}

static void test_cooperations_get_checklists(void **state)
{
    (void)state;
    const nw_id pairs[] = { 1, 2, 4, 3 };
    nw_network *bulk = make(), *single = make();
    NWT_OK(nw_ties_add(NULL, bulk, NW_FORM_KOOPERATION, pairs, 2, nwt_date("2026-03-01")));
    NWT_OK(nw_ties_add(NULL, bulk, NW_FORM_GRUPPE, pairs, 1, nwt_date("2026-03-02")));
    add_singly(single, NW_FORM_KOOPERATION, pairs, 2, "2026-03-01");
    add_singly(single, NW_FORM_GRUPPE, pairs, 1, "2026-03-02");
    char *fb = nwt_fingerprint(bulk), *fs = nwt_fingerprint(single);
    assert_string_equal(fb, fs);
    free(fb);
    free(fs);
    /* Ties 3, 4 (B) and 5 (D) carry the template's checklist, as nw_tie_add's do. */
    for (nw_id id = 3; id <= 5; id++) {
        size_t items = checklist_items(bulk, id);
        assert_true(items > 0);
        assert_int_equal(items, checklist_items(single, id));
    }
    nw_network_free(bulk);
    nw_network_free(single);
}

/* Loads of one tie go tie by tie (tie.c): the same result. */
static void test_small_loads(void **state)
{
    (void)state;
    const nw_id pairs[] = { 40, 1, 2, 39, 40, 1 };
    nw_network *bulk = make(), *single = make();
    for (size_t i = 0; i < 3; i++) {
        nw_id id = 0;
        NWT_OK(nw_ties_add(&id, bulk, NW_FORM_BEGEGNUNG, pairs + 2 * i, 1, nwt_date("2026-05-01")));
        assert_int_equal(id, 3 + i);
    }
    add_singly(single, NW_FORM_BEGEGNUNG, pairs, 3, "2026-05-01");
    char *fb = nwt_fingerprint(bulk), *fs = nwt_fingerprint(single);
    assert_string_equal(fb, fs);
    free(fb);
    free(fs);
    char buf[64];
    actor_ties(buf, sizeof buf, bulk, 40);
    assert_string_equal(buf, "3,5");
    actor_ties(buf, sizeof buf, bulk, 1);
    assert_string_equal(buf, "1,3,5");
    nw_network_free(bulk);
    nw_network_free(single);
}

static void test_nothing_to_add(void **state)
{
    (void)state;
    nw_network *net = make();
    char *before = nwt_fingerprint(net);
    nw_id out = 77;
    NWT_OK(nw_ties_add(&out, net, NW_FORM_KONTAKT, NULL, 0, nwt_date("2026-01-01")));
    assert_int_equal(out, 77); /* nothing written */
    const nw_id pairs[] = { 1, 2 };
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, 0, nwt_date("2026-01-01")));
    char *after = nwt_fingerprint(net);
    assert_string_equal(before, after);
    free(before);
    free(after);
    nw_network_free(net);
}

static void test_reserve(void **state)
{
    (void)state;
    nw_network *net = make();
    char *before = nwt_fingerprint(net);
    NWT_OK(nw_network_reserve(net, 1000, 5000));
    NWT_OK(nw_network_reserve(net, 0, 0));
    char *after = nwt_fingerprint(net);
    assert_string_equal(before, after); /* capacity only */
    free(after);
    /* Identities are not taken: the next actor is still 41. */
    nw_actor *g = nwt_actor(net, "G");
    assert_int_equal(nwt_actor_id(g), 41);
    nw_actor_free(g);

    NWT_EXPECT(NW_EINVAL, nw_network_reserve(NULL, 1, 1));
    /* 41 actor and 2 tie identities are used: 2^32 - 1 - 41 and 2^32 - 1 - 2
     * left (the largest identity is 2^32 - 1). */
    size_t actors_left = (size_t)UINT32_MAX - 41, ties_left = (size_t)UINT32_MAX - 2;
    char *mid = nwt_fingerprint(net);
    NWT_EXPECT(NW_ELIMIT, nw_network_reserve(net, actors_left + 1, 0));
    NWT_EXPECT(NW_ELIMIT, nw_network_reserve(net, 0, ties_left + 1));
    NWT_EXPECT(NW_ELIMIT, nw_network_reserve(net, SIZE_MAX, SIZE_MAX));
    after = nwt_fingerprint(net);
    assert_string_equal(mid, after);
    free(mid);
    free(after);
    free(before);
    nw_network_free(net);
}

/* nw_ties_add keeps its records in blocks of 64 (tie.c): remove single ties,
 * a whole block and an actor with ties in several blocks, and compare with
 * the same done to ties added one at a time. The fixture's leak check and
 * the ASan run see a block freed too early, twice or never. */
static void remove_tie(nw_network *net, nw_id id)
{
    nw_tie *t;
    NWT_OK(nw_tie_lookup(&t, net, id));
    NWT_OK(nw_tie_remove(t));
    nw_tie_free(t);
}

static void test_blocks(void **state)
{
    (void)state;
    enum { M = 200 };
    nw_id pairs[2 * M];
    for (int i = 0; i < M; i++) { /* actors 1 to 40 except 6 (removed) */
        nw_id a = (nw_id)(1 + i % 40), b = (nw_id)(1 + (i * 7 + 3) % 40);
        if (a == 6)
            a = 5;
        if (b == 6 || b == a)
            b = a == 40 ? 39 : a + 1;
        pairs[2 * i] = a;
        pairs[2 * i + 1] = b;
    }
    nw_network *bulk = make(), *single = make();
    NWT_OK(nw_ties_add(NULL, bulk, NW_FORM_KONTAKT, pairs, M, nwt_date("2026-02-01")));
    add_singly(single, NW_FORM_KONTAKT, pairs, M, "2026-02-01");
    nw_network *nets[2] = { bulk, single };
    for (int n = 0; n < 2; n++) {
        remove_tie(nets[n], 3);                  /* the first of the first block */
        for (nw_id id = 67; id < 67 + 64; id++)  /* all of the second block */
            remove_tie(nets[n], id);
        remove_tie(nets[n], 202);                /* the last tie */
        nw_actor *a;
        NWT_OK(nw_actor_lookup(&a, nets[n], 7)); /* ties in every block */
        NWT_OK(nw_actor_remove(a));
        nw_actor_free(a);
    }
    char *fb = nwt_fingerprint(bulk), *fs = nwt_fingerprint(single);
    assert_string_equal(fb, fs);
    free(fb);
    free(fs);
    size_t n;
    NWT_OK(nw_network_tie_count(&n, bulk, NW_FORM_MASK_ALL));
    assert_true(n < 1 + M - 66 && n > 100);
    nw_network_free(bulk);
    nw_network_free(single);
}

/* ---- actors --------------------------------------------------------------- */

/* The identity nw_actor_lookup_name gives for a name, NW_ID_NONE for none
 * (NW_EINVAL: text that no name can be, such as invalid UTF-8). */
static nw_id id_of(nw_network *net, const char *name)
{
    nw_actor *a;
    int rc = nw_actor_lookup_name(&a, net, name);
    if (rc == NW_ENOTFOUND || rc == NW_EINVAL)
        return NW_ID_NONE;
    NWT_OK(rc);
    nw_id id = nwt_actor_id(a);
    nw_actor_free(a);
    return id;
}

static void test_actors_add_like_actor_add(void **state)
{
    (void)state;
    /* "F" was the name of the removed actor 6: free again. */
    const char *names[] = { "Zoë", "G", "F", "Hä Ü" };
    nw_network *bulk = make(), *single = make();
    nw_id ids[4] = { 0, 0, 0, 0 };
    NWT_OK(nw_actors_add(ids, bulk, NW_ACTOR_ORGANISATION, names, 4));
    for (int i = 0; i < 4; i++)
        NWT_OK(nw_actor_add(NULL, single, NW_ACTOR_ORGANISATION, names[i]));
    /* Actors 1 to 40 were taken before: the new ones are 41 to 44, in order. */
    for (int i = 0; i < 4; i++) {
        assert_int_equal(ids[i], 41 + i);
        assert_int_equal(id_of(bulk, names[i]), 41 + i);
    }
    assert_int_equal(id_of(bulk, "C"), 3);
    size_t n;
    NWT_OK(nw_network_actor_count(&n, bulk));
    assert_int_equal(n, 39 + 4);
    char *fb = nwt_fingerprint(bulk), *fs = nwt_fingerprint(single);
    assert_string_equal(fb, fs);
    free(fb);
    free(fs);

    /* A later single actor continues the identities: 45; and the new
     * actors take ties like any other. */
    nw_actor *k = nwt_actor(bulk, "K");
    assert_int_equal(nwt_actor_id(k), 45);
    nw_actor_free(k);
    const nw_id pairs[] = { 41, 44, 45, 1 };
    NWT_OK(nw_ties_add(NULL, bulk, NW_FORM_KONTAKT, pairs, 2, nwt_date("2026-01-01")));
    char buf[64];
    actor_ties(buf, sizeof buf, bulk, 44);
    assert_string_equal(buf, "3");

    /* Nothing to add: nothing changes, nothing is written. */
    fb = nwt_fingerprint(bulk);
    nw_id out = 77;
    NWT_OK(nw_actors_add(&out, bulk, NW_ACTOR_PERSON, NULL, 0));
    NWT_OK(nw_actors_add(&out, bulk, NW_ACTOR_PERSON, names, 0));
    assert_int_equal(out, 77);
    fs = nwt_fingerprint(bulk);
    assert_string_equal(fb, fs);
    free(fb);
    free(fs);
    nw_network_free(bulk);
    nw_network_free(single);
}

/* The name index after many additions, renames and removals (a network
 * grown far beyond its first size, without and with nw_network_reserve):
 * every live name finds its actor, no other name finds any. */
static void check_index(nw_network *net, const bool *alive, const bool *renamed, int n, nw_id first)
{
    char name[32];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "Person %d", i);
        nw_id want = alive[i] && !renamed[i] ? first + (nw_id)i : NW_ID_NONE;
        if (id_of(net, name) != want)
            NWT_FAIL("'%s' finds %u, not %u", name, (unsigned)id_of(net, name), (unsigned)want);
        snprintf(name, sizeof name, "Renamed %d", i);
        want = alive[i] && renamed[i] ? first + (nw_id)i : NW_ID_NONE;
        if (id_of(net, name) != want)
            NWT_FAIL("'%s' finds %u, not %u", name, (unsigned)id_of(net, name), (unsigned)want);
    }
}

static void test_name_index(void **state)
{
    (void)state;
    enum { N = 3000 };
    static char text[N][16];
    static const char *names[N];
    static bool alive[N], renamed[N];
    for (int i = 0; i < N; i++) {
        snprintf(text[i], sizeof text[i], "Person %d", i);
        names[i] = text[i];
        alive[i] = true;
        renamed[i] = false;
    }
    for (int reserve = 0; reserve < 2; reserve++) {
        nw_network *net = make();
        if (reserve)
            NWT_OK(nw_network_reserve(net, N, 0));
        /* In three batches, so that the index grows between them. */
        NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 10));
        NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names + 10, 990));
        NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names + 1000, N - 1000));
        check_index(net, alive, renamed, N, 41);
        for (int i = 0; i < N; i++) {
            nw_actor *a;
            NWT_OK(nw_actor_lookup(&a, net, (nw_id)(41 + i)));
            if (i % 3 == 0) {
                NWT_OK(nw_actor_remove(a));
                alive[i] = false;
            } else if (i % 7 == 0) {
                char name[32];
                snprintf(name, sizeof name, "Renamed %d", i);
                NWT_OK(nw_actor_set_name(a, name));
                renamed[i] = true;
            }
            nw_actor_free(a);
        }
        check_index(net, alive, renamed, N, 41);
        /* A removed actor's name is free; a renamed one's old name too. */
        const char *again[] = { "Person 0", "Person 7" };
        nw_id ids[2];
        NWT_OK(nw_actors_add(ids, net, NW_ACTOR_GROUP, again, 2));
        assert_int_equal(ids[0], 41 + N);
        assert_int_equal(id_of(net, "Person 7"), 41 + N + 1);
        /* Renamed twice, then back: the name lives outside the record now. */
        nw_actor *a;
        NWT_OK(nw_actor_lookup(&a, net, 41 + 14));
        NWT_OK(nw_actor_set_name(a, "Person 14"));
        NWT_OK(nw_actor_set_name(a, "Person 14"));
        const char *got;
        NWT_OK(nw_actor_name(&got, a));
        assert_string_equal(got, "Person 14");
        nw_actor_free(a);
        assert_int_equal(id_of(net, "Person 14"), 41 + 14);
        assert_int_equal(id_of(net, "Renamed 14"), NW_ID_NONE);
        nw_network_free(net);
        for (int i = 0; i < N; i++)
            alive[i] = true, renamed[i] = false;
    }
}

/* nw_errpos after a failed bulk call: the places `part` (the expected
 * message) names as "<what>[k]" or "<what>[k] and <what>[j]" at its start;
 * none when it names none there (or part is NULL: a failure of another
 * kind, such as a bad count). The places must match the message. */
static void expect_places(const char *part, const char *what)
{
    size_t want[2], n = 0, len = strlen(what), got[2] = { 4711, 4711 };
    const char *p = part;
    while (p != NULL && n < 2 && strncmp(p, what, len) == 0 && p[len] == '[') {
        char *end;
        want[n++] = strtoul(p + len + 1, &end, 10);
        p = strncmp(end, "] and ", 6) == 0 ? end + 6 : NULL;
    }
    int count = nw_errpos(&got[0], &got[1]);
    if ((size_t)count != n)
        NWT_FAIL("nw_errpos gives %d places after '%s', not %zu", count, nw_errmsg(), n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
    for (size_t i = n; i < 2; i++)
        assert_int_equal(got[i], 4711); /* untouched */
}

/* Expect `code` from nw_actors_add(out, net, ...), a message that contains
 * `part` (unless NULL), an unchanged network and output array, and none of
 * the first `check` names (new ones) indexed: a failed call leaves nothing
 * in the name index. */
static void expect_actors_unchanged(int code, const char *part, nw_network *net, nw_actor_kind kind,
                                    const char *const *names, size_t count, size_t check)
{
    char *before = nwt_fingerprint(net);
    nw_id out[8] = { 99, 99, 99, 99, 99, 99, 99, 99 };
    NWT_EXPECT(code, nw_actors_add(out, net, kind, names, count));
    if (part != NULL && strstr(nw_errmsg(), part) == NULL)
        NWT_FAIL("message '%s' does not name '%s'", nw_errmsg(), part);
    expect_places(part, "names");
    for (int i = 0; i < 8; i++)
        assert_int_equal(out[i], 99);
    char *after = nwt_fingerprint(net);
    assert_string_equal(before, after);
    free(before);
    free(after);
    for (size_t i = 0; i < check; i++) {
        if (names[i] == NULL)
            continue;
        if (id_of(net, names[i]) != NW_ID_NONE)
            NWT_FAIL("'%s' is indexed after a failed call", names[i]);
    }
}

static void test_actors_add_errors(void **state)
{
    (void)state;
    nw_network *net = make();
    const char *good[] = { "P", "Q" };

    NWT_EXPECT(NW_EINVAL, nw_actors_add(NULL, NULL, NW_ACTOR_PERSON, good, 2));
    expect_actors_unchanged(NW_EINVAL, "names is NULL", net, NW_ACTOR_PERSON, NULL, 2, 0);
    expect_actors_unchanged(NW_EINVAL, "kind", net, (nw_actor_kind)3, good, 2, 2);
    expect_actors_unchanged(NW_EINVAL, "kind", net, (nw_actor_kind)-1, good, 2, 2);

    /* Every bad name comes after good ones: all or nothing. */
    char *too_long = nwt_text_of_len(NW_TEXT_MAX + 1);
    const char *null_name[] = { "P", "Q", NULL };
    const char *bad_utf8[] = { "P", nwt_bad_utf8[0], "Q" };
    const char *control[] = { "P", "Q", "R", nwt_bad_line[0] };
    const char *empty[] = { "P", "Q", "" };
    const char *longer[] = { "P", too_long };
    const char *twice[] = { "P", "Q", "R", "Q" };       /* given twice in the batch */
    const char *taken[] = { "P", "Q", "C" };             /* C is actor 3 */
    expect_actors_unchanged(NW_EINVAL, "names[2]", net, NW_ACTOR_PERSON, null_name, 3, 2);
    expect_actors_unchanged(NW_EINVAL, "names[1]", net, NW_ACTOR_PERSON, bad_utf8, 3, 3);
    expect_actors_unchanged(NW_EINVAL, "names[3]", net, NW_ACTOR_PERSON, control, 4, 4);
    expect_actors_unchanged(NW_EINVAL, "names[2]", net, NW_ACTOR_PERSON, empty, 3, 3);
    expect_actors_unchanged(NW_EINVAL, "names[1]", net, NW_ACTOR_PERSON, longer, 2, 2);
    expect_actors_unchanged(NW_EEXISTS, "names[1] and names[3]", net, NW_ACTOR_PERSON, twice, 4, 4);
    expect_actors_unchanged(NW_EEXISTS, "names[2]: 'C' is taken by actor 3", net, NW_ACTOR_PERSON,
                            taken, 3, 2);
    free(too_long);

    /* More actors than identities left (40 of 2^32 - 1 are used): refused
     * before any name is read, so the short array is never read past its end. */
    size_t left = (size_t)UINT32_MAX - 40;
    expect_actors_unchanged(NW_ELIMIT, NULL, net, NW_ACTOR_PERSON, good, left + 1, 2);
    expect_actors_unchanged(NW_ELIMIT, NULL, net, NW_ACTOR_PERSON, good, SIZE_MAX, 2);

    /* After all that, the good names still go in: actors 41 and 42. */
    nw_id out[2];
    NWT_OK(nw_actors_add(out, net, NW_ACTOR_PERSON, good, 2));
    assert_int_equal(out[0], 41);
    assert_int_equal(out[1], 42);
    /* ... and now they are taken, within the network. */
    expect_actors_unchanged(NW_EEXISTS, "names[0]: 'P' is taken by actor 41", net, NW_ACTOR_PERSON,
                            good, 2, 0);

    /* A freed network (a zombie while a handle lives). */
    nw_actor *keep;
    NWT_OK(nw_actor_lookup(&keep, net, 1));
    nw_network_free(net);
    const char *later[] = { "Z" };
    NWT_EXPECT(NW_ESTALE, nw_actors_add(NULL, net, NW_ACTOR_PERSON, later, 1));
    nw_actor_free(keep);
}

/* ---- errors: each one changes nothing ------------------------------------- */

/* Expect `code` from nw_ties_add(out, net, ...), a message that contains
 * `part` (unless NULL), and an unchanged network and output array. */
static void expect_unchanged(int code, const char *part, nw_network *net, nw_form form,
                             const nw_id *pairs, size_t npairs, nw_date start)
{
    char *before = nwt_fingerprint(net);
    nw_id out[8] = { 99, 99, 99, 99, 99, 99, 99, 99 };
    NWT_EXPECT(code, nw_ties_add(out, net, form, pairs, npairs, start));
    if (part != NULL && strstr(nw_errmsg(), part) == NULL)
        NWT_FAIL("message '%s' does not name '%s'", nw_errmsg(), part);
    expect_places(part, "pairs");
    for (int i = 0; i < 8; i++)
        assert_int_equal(out[i], 99);
    char *after = nwt_fingerprint(net);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

static void test_errors(void **state)
{
    (void)state;
    nw_network *net = make();
    nw_date d = nwt_date("2026-01-15");
    const nw_id good[] = { 1, 2, 3, 4 };

    NWT_EXPECT(NW_EINVAL, nw_ties_add(NULL, NULL, NW_FORM_KONTAKT, good, 2, d));
    expect_unchanged(NW_EINVAL, NULL, net, NW_FORM_KONTAKT, NULL, 2, d);
    expect_unchanged(NW_EINVAL, NULL, net, BAD_FORM, good, 2, d);
    expect_unchanged(NW_EINVAL, NULL, net, (nw_form)-1, good, 2, d);
    expect_unchanged(NW_EINVAL, NULL, net, NW_FORM_KONTAKT, good, 2, NW_DATE_NONE);
    expect_unchanged(NW_EINVAL, NULL, net, NW_FORM_KONTAKT, good, 2, INT32_MAX);

    /* Every bad pair comes after good ones: all or nothing. */
    const nw_id twice[] = { 1, 2, 3, 4, 5, 5 };           /* a pair names one actor twice */
    const nw_id zero[] = { 1, 2, 3, 4, 0, 5 };            /* identity 0 is nobody */
    const nw_id never[] = { 1, 2, 3, 4, 5, 41 };          /* 41 was never added */
    const nw_id huge[] = { 1, 2, 3, 4, UINT32_MAX, 1 };
    const nw_id removed[] = { 1, 2, 3, 4, 6, 1 };         /* F (6) was removed */
    expect_unchanged(NW_EINVAL, "pairs[4] and pairs[5]: actor 5", net, NW_FORM_KONTAKT, twice, 3, d);
    expect_unchanged(NW_ENOTFOUND, "pairs[4]", net, NW_FORM_KONTAKT, zero, 3, d);
    expect_unchanged(NW_ENOTFOUND, "pairs[5]: no actor 41", net, NW_FORM_KONTAKT, never, 3, d);
    expect_unchanged(NW_ENOTFOUND, "pairs[4]", net, NW_FORM_KONTAKT, huge, 3, d);
    expect_unchanged(NW_ENOTFOUND, "pairs[4]: actor 6 was removed", net, NW_FORM_KONTAKT, removed, 3, d);

    /* More ties than identities left (2 of 2^32 - 1 are used): refused before
     * any pair is read, so the short array is never read past its end. */
    size_t left = (size_t)UINT32_MAX - 2;
    expect_unchanged(NW_ELIMIT, NULL, net, NW_FORM_KONTAKT, good, left + 1, d);
    expect_unchanged(NW_ELIMIT, NULL, net, NW_FORM_KONTAKT, good, SIZE_MAX, d);

    /* After all that, the good pairs still go in: ties 3 and 4. */
    nw_id out[2];
    NWT_OK(nw_ties_add(out, net, NW_FORM_KONTAKT, good, 2, d));
    assert_int_equal(out[0], 3);
    assert_int_equal(out[1], 4);
    nw_network_free(net);
}

static void test_freed_network(void **state)
{
    (void)state;
    nw_network *net = make();
    nw_actor *keep;
    NWT_OK(nw_actor_lookup(&keep, net, 1)); /* keeps the network alive as a zombie */
    nw_network_free(net);
    const nw_id pairs[] = { 1, 2 };
    NWT_EXPECT(NW_ESTALE, nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, 1, nwt_date("2026-01-01")));
    NWT_EXPECT(NW_ESTALE, nw_network_reserve(net, 1, 1));
    nw_actor_free(keep);
}

/* ---- out of memory --------------------------------------------------------
 * Fail the 1st, 2nd, 3rd ... allocation of a reserve + bulk load (actors in
 * bulk and one with a handle, then ties) on the network of make(): the call
 * that meets the failure returns NW_ENOMEM with a message and leaves the
 * network as it was (its name index too: the retry of the same names would
 * meet a leftover entry as NW_EEXISTS); retried, it succeeds, and the
 * end state equals that of a run without failures. No block may leak (the
 * fixture checks). Forms B and D (with checklists: more allocations) and C;
 * loads grouped by actor and one tie by tie. */

#define NSTEPS 6
static int bulk_load(void *net, int step)
{
    static const nw_id pairs[] = { 1, 2, 2, 3, 3, 1, 4, 5, 5, 1, 1, 2 };
    /* 30 new names: the name index (ck_hs) grows its table on the way. */
    static const char *const names[] = {
        "N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9",
        "N10", "N11", "N12", "N13", "N14", "N15", "N16", "N17", "N18", "N19",
        "N20", "N21", "N22", "N23", "N24", "N25", "N26", "N27", "N28", "Ünal N29" };
    nw_date d = nwt_date("2026-04-01");
    nw_actor *a = NULL;
    int rc;
    switch (step) {
    case 0: return nw_network_reserve(net, 3, 6);
    case 1: return nw_actors_add(NULL, net, NW_ACTOR_GROUP, names, 30);
    case 2:
        rc = nw_actor_add(&a, net, NW_ACTOR_PERSON, "Einzeln");
        nw_actor_free(a);
        return rc;
    case 3: return nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, 6, d);
    case 4: return nw_ties_add(NULL, net, NW_FORM_KOOPERATION, pairs + 4, 3, d);
    default: return nw_ties_add(NULL, net, NW_FORM_GRUPPE, pairs + 6, 1, d); /* tie by tie */
    }
}

static void test_every_allocation_fails_once(void **state)
{
    (void)state;
    nw_network *ref = make();
    for (int step = 0; step < NSTEPS; step++)
        NWT_OK(bulk_load(ref, step));
    char *want = nwt_fingerprint(ref);
    nw_network_free(ref);

    long k, reported = 0;
    for (k = 1;; k++) {
        nw_network *net = make(); /* before arming: its allocations do not count */
        nwt_failalloc_fail_at(k);
        for (int step = 0; step < NSTEPS; step++)
            reported += nwt_step_all_or_nothing(net, k, step, bulk_load, net);
        bool met = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);
        char *got = nwt_fingerprint(net);
        assert_string_equal(got, want);
        free(got);
        nw_network_free(net);
        if (!met)
            break; /* allocation k is past the last one: each was failed once */
        if (k > 10000)
            NWT_FAIL("more than 10000 allocations");
    }
    free(want);
    /* The load allocates at least: the slot arrays (step 0); an arena
     * chunk and the index table (1); a record and a handle (2); counts,
     * list positions and a record block (3); a block and a checklist per
     * tie (4: 1 + 3, 5: 1 + 1). */
    assert_true(k - 1 >= 2 + 2 + 2 + 3 + 4 + 2);
    assert_true(reported > 0);
    print_message("    %ld allocations failed in turn, %ld reported NW_ENOMEM\n", k - 1, reported);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_adds_like_tie_add),
        NWT_TEST(test_tie_lists_grow),
        NWT_TEST(test_hub_list_beyond_a_chunk),
        NWT_TEST(test_cooperations_get_checklists),
        NWT_TEST(test_small_loads),
        NWT_TEST(test_nothing_to_add),
        NWT_TEST(test_reserve),
        NWT_TEST(test_errors),
        NWT_TEST(test_freed_network),
        NWT_TEST(test_blocks),
        NWT_TEST(test_actors_add_like_actor_add),
        NWT_TEST(test_name_index),
        NWT_TEST(test_actors_add_errors),
        NWT_TEST(test_every_allocation_fails_once),
    };
    return NWT_RUN(tests);
}
