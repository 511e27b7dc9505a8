/*
 * netzwerk/iter.h: iterators over actors, neighbours and ties; order, form
 * masks, deduplication, and changes to the network while iterating.
 */
#include "nwtest.h"

#include <stdint.h>
#include <string.h>

#define MAXN 64

/* Drain an actor iterator into a list of identities; frees the iterator. */
static size_t drain_actors(nw_actor_iter *it, nw_id *ids)
{
    size_t n = 0;
    nw_actor *a;
    int rc;
    while ((rc = nw_actor_iter_next(&a, it)) == NW_OK) {
        assert_true(n < MAXN);
        ids[n++] = nwt_actor_id(a);
        nw_actor_free(a);
    }
    assert_int_equal(rc, NW_ITEROVER);
    /* stays over */
    a = (nw_actor *)(uintptr_t)0x77;
    NWT_EXPECT(NW_ITEROVER, nw_actor_iter_next(&a, it));
    assert_ptr_equal(a, (nw_actor *)(uintptr_t)0x77); /* untouched at the end */
    nw_actor_iter_free(it);
    return n;
}

static size_t drain_ties(nw_tie_iter *it, nw_id *ids)
{
    size_t n = 0;
    nw_tie *t;
    int rc;
    while ((rc = nw_tie_iter_next(&t, it)) == NW_OK) {
        assert_true(n < MAXN);
        ids[n++] = nwt_tie_id(t);
        nw_tie_free(t);
    }
    assert_int_equal(rc, NW_ITEROVER);
    t = (nw_tie *)(uintptr_t)0x77;
    NWT_EXPECT(NW_ITEROVER, nw_tie_iter_next(&t, it));
    assert_ptr_equal(t, (nw_tie *)(uintptr_t)0x77);
    nw_tie_iter_free(it);
    return n;
}

#define EXPECT_IDS(got, n, ...)                                                  \
    do {                                                                         \
        const nw_id want_[] = { __VA_ARGS__ };                                   \
        expect_ids(got, n, want_, sizeof want_ / sizeof want_[0]);               \
    } while (0)

static void expect_ids(const nw_id *got, size_t n, const nw_id *want, size_t wn)
{
    if (n != wn)
        NWT_FAIL("iterator gave %zu items, expected %zu", n, wn);
    for (size_t i = 0; i < n; i++)
        if (got[i] != want[i])
            NWT_FAIL("item %zu is %u, expected %u", i, (unsigned)got[i], (unsigned)want[i]);
}

static size_t all_actors(nw_network *net, nw_id *ids)
{
    nw_actor_iter *it = NULL;
    NWT_OK(nw_actor_iter_new(&it, net));
    return drain_actors(it, ids);
}

static size_t neighbours(const nw_actor *a, unsigned mask, nw_id *ids)
{
    nw_actor_iter *it = NULL;
    NWT_OK(nw_actor_iter_new_neighbors(&it, a, mask));
    return drain_actors(it, ids);
}

static size_t all_ties(nw_network *net, unsigned mask, nw_id *ids)
{
    nw_tie_iter *it = NULL;
    NWT_OK(nw_tie_iter_new(&it, net, mask));
    return drain_ties(it, ids);
}

static size_t ties_of(const nw_actor *a, unsigned mask, nw_id *ids)
{
    nw_tie_iter *it = NULL;
    NWT_OK(nw_tie_iter_new_actor(&it, a, mask));
    return drain_ties(it, ids);
}

/*
 * The test network (actor identities 1..6, tie identities 1..6):
 *   tie 1  A Begegnung    {1, 2}
 *   tie 2  B Kooperation  {1, 2, 3}
 *   tie 3  C Kontakt      {1, 4}
 *   tie 4  D Gruppe       {3, 4, 5}
 *   tie 5  C Kontakt      {1, 2}      (a second tie between 1 and 2)
 *   tie 6  B Kooperation  {5, 6}
 */
typedef struct fixture {
    nw_network *net;
    nw_actor *a[7]; /* a[1] .. a[6] */
} fixture;

static fixture make(void)
{
    fixture f;
    const char *names[] = { NULL, "A1", "A2", "A3", "A4", "A5", "A6" };
    f.net = nwt_network("Netz");
    f.a[0] = NULL;
    for (int i = 1; i <= 6; i++)
        f.a[i] = nwt_actor(f.net, names[i]);
    nw_tie_free(nwt_tie(f.net, NW_FORM_BEGEGNUNG, f.a[1], f.a[2], NULL, "2026-01-01"));
    nw_tie_free(nwt_tie(f.net, NW_FORM_KOOPERATION, f.a[3], f.a[1], f.a[2], "2026-01-01"));
    nw_tie_free(nwt_tie(f.net, NW_FORM_KONTAKT, f.a[4], f.a[1], NULL, "2026-01-01"));
    nw_tie_free(nwt_tie(f.net, NW_FORM_GRUPPE, f.a[3], f.a[4], f.a[5], "2026-01-01"));
    nw_tie_free(nwt_tie(f.net, NW_FORM_KONTAKT, f.a[1], f.a[2], NULL, "2026-01-01"));
    nw_tie_free(nwt_tie(f.net, NW_FORM_KOOPERATION, f.a[5], f.a[6], NULL, "2026-01-01"));
    return f;
}

static void drop(fixture *f)
{
    for (int i = 1; i <= 6; i++)
        nw_actor_free(f->a[i]);
    nw_network_free(f->net);
}

/* ---- plain iteration -------------------------------------------------------- */

static void test_empty_network(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Leer");
    nw_id ids[MAXN];
    assert_int_equal(all_actors(net, ids), 0);
    assert_int_equal(all_ties(net, NW_FORM_MASK_ALL, ids), 0);
    nw_network_free(net);
}

static void test_actors_in_identity_order(void **state)
{
    (void)state;
    fixture f = make();
    nw_id ids[MAXN];
    size_t n = all_actors(f.net, ids);
    EXPECT_IDS(ids, n, 1, 2, 3, 4, 5, 6);
    /* removed ones are left out, names do not matter for the order */
    NWT_OK(nw_actor_remove(f.a[3]));
    NWT_OK(nw_actor_set_name(f.a[6], "AAA"));
    n = all_actors(f.net, ids);
    EXPECT_IDS(ids, n, 1, 2, 4, 5, 6);
    drop(&f);
}

static void test_ties_and_masks(void **state)
{
    (void)state;
    fixture f = make();
    nw_id ids[MAXN];
    size_t n;
    n = all_ties(f.net, NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 1, 2, 3, 4, 5, 6);
    n = all_ties(f.net, NW_FORM_MASK_STRONG, ids);
    EXPECT_IDS(ids, n, 2, 4, 6);
    n = all_ties(f.net, NW_FORM_MASK_WEAK, ids);
    EXPECT_IDS(ids, n, 1, 3, 5);
    n = all_ties(f.net, NW_FORM_BIT(NW_FORM_KONTAKT), ids);
    EXPECT_IDS(ids, n, 3, 5);
    n = all_ties(f.net, NW_FORM_BIT(NW_FORM_GRUPPE) | NW_FORM_BIT(NW_FORM_BEGEGNUNG), ids);
    EXPECT_IDS(ids, n, 1, 4);
    n = all_ties(f.net, 0, ids);
    assert_int_equal(n, 0);

    n = ties_of(f.a[1], NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 1, 2, 3, 5);
    n = ties_of(f.a[1], NW_FORM_MASK_STRONG, ids);
    EXPECT_IDS(ids, n, 2);
    n = ties_of(f.a[1], NW_FORM_BIT(NW_FORM_KONTAKT), ids);
    EXPECT_IDS(ids, n, 3, 5);
    n = ties_of(f.a[5], NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 4, 6);
    n = ties_of(f.a[6], NW_FORM_MASK_WEAK, ids);
    assert_int_equal(n, 0);
    drop(&f);
}

static void test_neighbours(void **state)
{
    (void)state;
    fixture f = make();
    nw_id ids[MAXN];
    size_t n;
    /* 2 shares three ties with 1 and appears once; 1 itself never */
    n = neighbours(f.a[1], NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 2, 3, 4);
    n = neighbours(f.a[1], NW_FORM_MASK_STRONG, ids);
    EXPECT_IDS(ids, n, 2, 3);
    n = neighbours(f.a[1], NW_FORM_MASK_WEAK, ids);
    EXPECT_IDS(ids, n, 2, 4);
    n = neighbours(f.a[1], NW_FORM_BIT(NW_FORM_BEGEGNUNG), ids);
    EXPECT_IDS(ids, n, 2);
    n = neighbours(f.a[1], NW_FORM_BIT(NW_FORM_GRUPPE), ids);
    assert_int_equal(n, 0);
    n = neighbours(f.a[1], 0, ids);
    assert_int_equal(n, 0);
    n = neighbours(f.a[3], NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 1, 2, 4, 5);
    n = neighbours(f.a[5], NW_FORM_MASK_ALL, ids);
    EXPECT_IDS(ids, n, 3, 4, 6);
    n = neighbours(f.a[4], NW_FORM_BIT(NW_FORM_KONTAKT), ids);
    EXPECT_IDS(ids, n, 1);

    /* an actor without ties has no neighbours */
    nw_actor *lonely = nwt_actor(f.net, "allein");
    n = neighbours(lonely, NW_FORM_MASK_ALL, ids);
    assert_int_equal(n, 0);
    nw_actor_free(lonely);
    drop(&f);
}

/* ---- argument errors ------------------------------------------------------ */

static void test_bad_arguments(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *ai = (nw_actor_iter *)(uintptr_t)0x55;
    nw_tie_iter *ti = (nw_tie_iter *)(uintptr_t)0x55;
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new(NULL, f.net));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new(&ai, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new_neighbors(NULL, f.a[1], NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new_neighbors(&ai, NULL, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new_neighbors(&ai, f.a[1], 0x10));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_new_neighbors(&ai, f.a[1], ~0u));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new(NULL, f.net, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new(&ti, NULL, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new(&ti, f.net, 0x10));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new(&ti, f.net, 0x80000000u));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new_actor(NULL, f.a[1], NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new_actor(&ti, NULL, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_new_actor(&ti, f.a[1], NW_FORM_MASK_ALL | 0x20));
    /* stale actors */
    NWT_OK(nw_actor_remove(f.a[6]));
    NWT_EXPECT(NW_ESTALE, nw_actor_iter_new_neighbors(&ai, f.a[6], NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_ESTALE, nw_tie_iter_new_actor(&ti, f.a[6], NW_FORM_MASK_ALL));
    assert_ptr_equal(ai, (nw_actor_iter *)(uintptr_t)0x55);
    assert_ptr_equal(ti, (nw_tie_iter *)(uintptr_t)0x55);

    /* next with NULLs */
    NWT_OK(nw_actor_iter_new(&ai, f.net));
    NWT_OK(nw_tie_iter_new(&ti, f.net, NW_FORM_MASK_ALL));
    nw_actor *a = NULL;
    nw_tie *t = NULL;
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_next(NULL, ai));
    NWT_EXPECT(NW_EINVAL, nw_actor_iter_next(&a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_next(NULL, ti));
    NWT_EXPECT(NW_EINVAL, nw_tie_iter_next(&t, NULL));
    /* the failed calls did not advance the iterators */
    NWT_OK(nw_actor_iter_next(&a, ai));
    assert_int_equal(nwt_actor_id(a), 1);
    NWT_OK(nw_tie_iter_next(&t, ti));
    assert_int_equal(nwt_tie_id(t), 1);
    nw_actor_free(a);
    nw_tie_free(t);
    nw_actor_iter_free(ai);
    nw_tie_iter_free(ti);
    nw_actor_iter_free(NULL);
    nw_tie_iter_free(NULL);
    drop(&f);
}

/* ---- changes while iterating ---------------------------------------------- */

static void test_actor_iter_while_modifying(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *it;
    nw_actor *a;
    nw_id ids[MAXN];
    size_t n = 0;
    NWT_OK(nw_actor_iter_new(&it, f.net));
    NWT_OK(nw_actor_iter_next(&a, it)); /* 1 */
    ids[n++] = nwt_actor_id(a);
    nw_actor_free(a);
    NWT_OK(nw_actor_iter_next(&a, it)); /* 2 */
    ids[n++] = nwt_actor_id(a);
    nw_actor_free(a);
    /* remove the one just returned, one already passed and one ahead */
    NWT_OK(nw_actor_remove(f.a[2]));
    NWT_OK(nw_actor_remove(f.a[1]));
    NWT_OK(nw_actor_remove(f.a[4]));
    /* add two: they are reached */
    nw_actor *late = nwt_actor(f.net, "spät");
    NWT_OK(nw_actor_add(NULL, f.net, NW_ACTOR_GROUP, "noch später"));
    int rc;
    while ((rc = nw_actor_iter_next(&a, it)) == NW_OK) {
        ids[n++] = nwt_actor_id(a);
        /* every handle handed out names a live actor */
        const char *name;
        NWT_OK(nw_actor_name(&name, a));
        if (nwt_actor_id(a) == 5) {
            /* removing and adding while the iterator stands on an item */
            NWT_OK(nw_actor_remove(late));
            NWT_OK(nw_actor_add(NULL, f.net, NW_ACTOR_PERSON, "am spätesten"));
        }
        nw_actor_free(a);
    }
    assert_int_equal(rc, NW_ITEROVER);
    nw_actor_iter_free(it);
    EXPECT_IDS(ids, n, 1, 2, 3, 5, 6, 8, 9);
    nw_actor_free(late);
    drop(&f);
}

static void test_tie_iter_while_modifying(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie_iter *it;
    nw_tie *t;
    nw_id ids[MAXN];
    size_t n = 0;
    NWT_OK(nw_tie_iter_new(&it, f.net, NW_FORM_MASK_ALL));
    NWT_OK(nw_tie_iter_next(&t, it));
    ids[n++] = nwt_tie_id(t); /* 1 */
    NWT_OK(nw_tie_remove(t));  /* the current one */
    nw_tie_free(t);
    /* removing actor 4 removes tie 3 ({1,4}); tie 4 keeps {3,5} */
    NWT_OK(nw_actor_remove(f.a[4]));
    nw_tie *x;
    NWT_OK(nw_tie_lookup(&x, f.net, 6));
    NWT_OK(nw_tie_remove(x)); /* ahead */
    nw_tie_free(x);
    /* a tie added ahead of the iterator is reached */
    nw_tie_free(nwt_tie(f.net, NW_FORM_GRUPPE, f.a[1], f.a[6], NULL, "2026-02-01")); /* 7 */
    int rc;
    while ((rc = nw_tie_iter_next(&t, it)) == NW_OK) {
        ids[n++] = nwt_tie_id(t);
        size_t m;
        NWT_OK(nw_tie_member_count(&m, t));
        nw_tie_free(t);
    }
    assert_int_equal(rc, NW_ITEROVER);
    nw_tie_iter_free(it);
    EXPECT_IDS(ids, n, 1, 2, 4, 5, 7);

    /* with a mask: new ties of other forms are skipped */
    NWT_OK(nw_tie_iter_new(&it, f.net, NW_FORM_MASK_WEAK));
    n = 0;
    NWT_OK(nw_tie_iter_next(&t, it));
    ids[n++] = nwt_tie_id(t); /* 5, the only weak tie left */
    nw_tie_free(t);
    nw_tie_free(nwt_tie(f.net, NW_FORM_KOOPERATION, f.a[1], f.a[6], NULL, "2026-02-01")); /* 8 */
    nw_tie_free(nwt_tie(f.net, NW_FORM_BEGEGNUNG, f.a[1], f.a[6], NULL, "2026-02-01"));   /* 9 */
    n += drain_ties(it, ids + n);
    EXPECT_IDS(ids, n, 5, 9);
    drop(&f);
}

static void test_per_actor_iters_are_fixed(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *nit;
    nw_tie_iter *tit;
    nw_id ids[MAXN];
    size_t n;
    /* neighbours of 1: {2, 3, 4}; ties of 1: {1, 2, 3, 5} */
    NWT_OK(nw_actor_iter_new_neighbors(&nit, f.a[1], NW_FORM_MASK_ALL));
    NWT_OK(nw_tie_iter_new_actor(&tit, f.a[1], NW_FORM_MASK_ALL));
    /* new ties of actor 1 and a new neighbour are not reached */
    nw_tie_free(nwt_tie(f.net, NW_FORM_KONTAKT, f.a[1], f.a[6], NULL, "2026-02-01")); /* 7 */
    nw_tie_free(nwt_tie(f.net, NW_FORM_KONTAKT, f.a[1], f.a[5], NULL, "2026-02-01")); /* 8 */
    /* removed items ahead are skipped */
    NWT_OK(nw_actor_remove(f.a[3])); /* a neighbour; tie 2 keeps {1, 2} */
    nw_tie *x;
    NWT_OK(nw_tie_lookup(&x, f.net, 3));
    NWT_OK(nw_tie_remove(x));
    nw_tie_free(x);
    n = drain_actors(nit, ids);
    EXPECT_IDS(ids, n, 2, 4);
    n = drain_ties(tit, ids);
    EXPECT_IDS(ids, n, 1, 2, 5);
    drop(&f);
}

static void test_removing_the_iterated_actor(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *nit;
    nw_tie_iter *tit;
    nw_id ids[MAXN];
    size_t n;
    /* Actor 5 is in tie 4 (D {3,4,5}) and tie 6 (B {5,6}): neighbours
     * {3, 4, 6}, ties {4, 6}, fixed when the iterators are created (iter.h). */
    NWT_OK(nw_actor_iter_new_neighbors(&nit, f.a[5], NW_FORM_MASK_ALL));
    NWT_OK(nw_tie_iter_new_actor(&tit, f.a[5], NW_FORM_MASK_ALL));
    NWT_OK(nw_actor_remove(f.a[5])); /* tie 6 ({5,6}) goes; tie 4 keeps {3,4} */
    /* The network is alive, so no NW_ESTALE (iter.h gives it only for a
     * freed network): the neighbours 3, 4, 6 are all still there and come
     * in identity order; of the ties, 6 was removed before it was reached
     * and is skipped, 4 is still there. Then NW_ITEROVER (drain_* checks it). */
    nw_actor *a;
    NWT_OK(nw_actor_iter_next(&a, nit));
    const char *name;
    NWT_OK(nw_actor_name(&name, a)); /* a live, valid handle */
    assert_string_equal(name, "A3");
    nw_actor_free(a);
    n = drain_actors(nit, ids);
    EXPECT_IDS(ids, n, 4, 6);
    nw_tie *t;
    NWT_OK(nw_tie_iter_next(&t, tit));
    assert_int_equal(nwt_tie_id(t), 4);
    size_t members = 0;
    NWT_OK(nw_tie_member_count(&members, t));
    assert_int_equal(members, 2); /* {3, 4}: 5 left it */
    nw_tie_free(t);
    n = drain_ties(tit, ids);
    assert_int_equal(n, 0);
    drop(&f);
}

static void test_iterators_are_independent(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *i1, *i2;
    nw_actor *a;
    NWT_OK(nw_actor_iter_new(&i1, f.net));
    NWT_OK(nw_actor_iter_new(&i2, f.net));
    NWT_OK(nw_actor_iter_next(&a, i1));
    nw_actor_free(a);
    NWT_OK(nw_actor_iter_next(&a, i1));
    nw_actor_free(a);
    NWT_OK(nw_actor_iter_next(&a, i2));
    assert_int_equal(nwt_actor_id(a), 1);
    nw_actor_free(a);
    NWT_OK(nw_actor_iter_next(&a, i1));
    assert_int_equal(nwt_actor_id(a), 3);
    nw_actor_free(a);
    nw_actor_iter_free(i1);
    nw_actor_iter_free(i2);
    drop(&f);
}

static void test_iterators_after_network_free(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor_iter *ai, *ni;
    nw_tie_iter *ti, *ati;
    NWT_OK(nw_actor_iter_new(&ai, f.net));
    NWT_OK(nw_actor_iter_new_neighbors(&ni, f.a[1], NW_FORM_MASK_ALL));
    NWT_OK(nw_tie_iter_new(&ti, f.net, NW_FORM_MASK_ALL));
    NWT_OK(nw_tie_iter_new_actor(&ati, f.a[1], NW_FORM_MASK_ALL));
    nw_actor *a;
    NWT_OK(nw_actor_iter_next(&a, ai));
    nw_actor_free(a);
    drop(&f); /* the network becomes a zombie kept by the iterators */
    nw_tie *t = (nw_tie *)(uintptr_t)0x31;
    a = (nw_actor *)(uintptr_t)0x31;
    NWT_EXPECT(NW_ESTALE, nw_actor_iter_next(&a, ai));
    NWT_EXPECT(NW_ESTALE, nw_actor_iter_next(&a, ni));
    NWT_EXPECT(NW_ESTALE, nw_tie_iter_next(&t, ti));
    NWT_EXPECT(NW_ESTALE, nw_tie_iter_next(&t, ati));
    assert_ptr_equal(a, (nw_actor *)(uintptr_t)0x31);
    assert_ptr_equal(t, (nw_tie *)(uintptr_t)0x31);
    assert_true(nwt_failalloc_live() > nwt_live_at_start());
    nw_tie_iter_free(ati);
    nw_actor_iter_free(ai);
    nw_tie_iter_free(ti);
    nw_actor_iter_free(ni); /* the last one: the zombie goes (checked by the teardown) */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_empty_network),
        NWT_TEST(test_actors_in_identity_order),
        NWT_TEST(test_ties_and_masks),
        NWT_TEST(test_neighbours),
        NWT_TEST(test_bad_arguments),
        NWT_TEST(test_actor_iter_while_modifying),
        NWT_TEST(test_tie_iter_while_modifying),
        NWT_TEST(test_per_actor_iters_are_fixed),
        NWT_TEST(test_removing_the_iterated_actor),
        NWT_TEST(test_iterators_are_independent),
        NWT_TEST(test_iterators_after_network_free),
    };
    return NWT_RUN(tests);
}
