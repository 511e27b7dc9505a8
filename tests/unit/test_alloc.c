/*
 * netzwerk/alloc.h: nw_set_allocator and nw_free.
 *
 * These tests install their own counting allocator (with a user pointer) and
 * do not use the nwtest fixtures, which install the test allocator.
 */
#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h> /* not <threads.h>: ThreadSanitizer does not intercept thrd_create here */

typedef struct stats {
    long mallocs, reallocs, frees, live;
    long violations; /* calls that break alloc.h's promises */
} stats;

static stats *expect_user; /* the user pointer the functions must receive */

static void check_user(void *user)
{
    if (user != expect_user) {
        stats *s = expect_user;
        s->violations++;
    }
}

static void *c_malloc(size_t size, void *user)
{
    check_user(user);
    stats *s = user;
    void *p = malloc(size ? size : 1);
    if (p) {
        s->mallocs++;
        s->live++;
    }
    return p;
}

static void *c_realloc(void *ptr, size_t size, void *user)
{
    check_user(user);
    stats *s = user;
    if (ptr == NULL || size == 0)
        s->violations++;
    s->reallocs++;
    return realloc(ptr, size ? size : 1);
}

static void c_free(void *ptr, void *user)
{
    check_user(user);
    stats *s = user;
    if (ptr == NULL)
        s->violations++;
    s->frees++;
    s->live--;
    free(ptr);
}

static nw_allocator counting(stats *s)
{
    nw_allocator a = NW_ALLOCATOR_INIT;
    a.malloc_fn = c_malloc;
    a.realloc_fn = c_realloc;
    a.free_fn = c_free;
    a.user = s;
    expect_user = s;
    return a;
}

/* Some work that allocates: a network with actors, a tie, an iteration. */
static void workload(void)
{
    nw_network *net = nwt_network("Stadtteilnetz Nord");
    NWT_OK(nw_network_topic_add(net, "Sichere Schulwege"));
    nw_actor *a = nwt_actor(net, "Jugendzentrum");
    nw_actor *b = nwt_actor(net, "Grundschule am Park");
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "info@jz.example"));
    NWT_OK(nw_actor_attr_set(a, "Stadtteil", "Nord"));
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2026-01-15");
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-02-01"), NW_INTERACTION_MEETING, "Auftakt"));
    nw_actor_iter *it;
    nw_actor *x;
    NWT_OK(nw_actor_iter_new(&it, net));
    while (nw_actor_iter_next(&x, it) == NW_OK)
        nw_actor_free(x);
    nw_actor_iter_free(it);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_all_memory_goes_through_the_allocator(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator a = counting(&s);
    NWT_OK(nw_set_allocator(&a));
    workload();
    NWT_OK(nw_set_allocator(NULL));
    assert_true(s.mallocs > 0);
    assert_int_equal(s.live, 0);  /* every block freed, by the same allocator */
    assert_int_equal(s.violations, 0);

    /* after restoring the C library's functions, ours are no longer called */
    stats before = s;
    workload();
    assert_int_equal(s.mallocs, before.mallocs);
    assert_int_equal(s.reallocs, before.reallocs);
    assert_int_equal(s.frees, before.frees);
}

static void test_allocator_struct_is_copied(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator a = counting(&s);
    NWT_OK(nw_set_allocator(&a));
    memset(&a, 0, sizeof a); /* the library must not read it again */
    workload();
    NWT_OK(nw_set_allocator(NULL));
    assert_true(s.mallocs > 0);
    assert_int_equal(s.live, 0);
    assert_int_equal(s.violations, 0);
}

static void test_invalid_allocators(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator good = counting(&s);
    nw_allocator bad;

    bad = (nw_allocator)NW_ALLOCATOR_INIT;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));
    bad = good;
    bad.malloc_fn = NULL;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));
    bad = good;
    bad.realloc_fn = NULL;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));
    bad = good;
    bad.free_fn = NULL;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));
    bad = good;
    bad.version = 0;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));
    bad = good;
    bad.version = NW_ALLOCATOR_VERSION + 1;
    NWT_EXPECT(NW_EINVAL, nw_set_allocator(&bad));

    /* a refused allocator is not used: the C library's still is */
    workload();
    assert_int_equal(s.mallocs + s.reallocs + s.frees, 0);

    /* the complete one is accepted and used */
    NWT_OK(nw_set_allocator(&good));
    workload();
    NWT_OK(nw_set_allocator(NULL));
    assert_true(s.mallocs > 0);
    assert_int_equal(s.live, 0);
}

static void test_busy_while_a_network_exists(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator a = counting(&s);

    nw_network *net = nwt_network("Netz");
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(NULL));
    nw_network_free(net);
    NWT_OK(nw_set_allocator(&a));

    /* a zombie network (kept alive by an actor handle) counts as existing */
    net = nwt_network("Netz");
    nw_actor *actor = nwt_actor(net, "Kita Sonnenschein");
    nw_network_free(net);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(NULL));
    /* ...and the refusal left our allocator in place: it frees the zombie */
    long frees = s.frees;
    nw_actor_free(actor);
    assert_true(s.frees > frees);
    assert_int_equal(s.live, 0);
    NWT_OK(nw_set_allocator(NULL));

    /* kept alive by a tie handle only */
    net = nwt_network("Netz");
    nw_actor *x = nwt_actor(net, "X");
    nw_actor *y = nwt_actor(net, "Y");
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, x, y, NULL, "2026-01-01");
    nw_actor_free(x);
    nw_actor_free(y);
    nw_network_free(net);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    nw_tie_free(t);
    NWT_OK(nw_set_allocator(&a));
    NWT_OK(nw_set_allocator(NULL));

    /* kept alive by iterators only */
    net = nwt_network("Netz");
    nw_actor_iter *ai;
    nw_tie_iter *ti;
    NWT_OK(nw_actor_iter_new(&ai, net));
    NWT_OK(nw_tie_iter_new(&ti, net, NW_FORM_MASK_ALL));
    nw_network_free(net);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    nw_actor_iter_free(ai);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    nw_tie_iter_free(ti);
    NWT_OK(nw_set_allocator(&a));
    NWT_OK(nw_set_allocator(NULL));

    /* two networks: busy until both are gone */
    nw_network *n1 = nwt_network("Eins");
    nw_network *n2 = nwt_network("Zwei");
    nw_network_free(n1);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    nw_network_free(n2);
    NWT_OK(nw_set_allocator(&a));
    NWT_OK(nw_set_allocator(NULL));
    assert_int_equal(s.violations, 0);
}

/* What a call hands out outlives its network: a report, a buffer. Until
 * they are freed, their memory belongs to the allocator that made it. */
static void test_busy_while_a_report_or_buffer_lives(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator a = counting(&s);
    nw_network *net = nwt_network("Netz");
    nw_actor_free(nwt_actor(net, "Kita"));
    nw_report *report;
    char *buf;
    size_t len;
    NWT_OK(nw_network_validate(&report, net, nwt_date("2026-11-26"), NULL));
    NWT_OK(nw_network_save_buffer(&buf, &len, net, NULL));
    nw_network_free(net);

    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    nw_report_free(report);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(&a));
    assert_non_null(strstr(nw_errmsg(), "buffer"));
    nw_free(buf);
    NWT_OK(nw_set_allocator(&a));
    NWT_OK(nw_set_allocator(NULL));
    assert_int_equal(s.violations, 0);
}

static void test_busy_network_created_under_allocator(void **state)
{
    (void)state;
    stats s = { 0 };
    nw_allocator a = counting(&s);
    NWT_OK(nw_set_allocator(&a));
    nw_network *net = nwt_network("Netz");
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(NULL));
    nw_network_free(net);
    assert_int_equal(s.live, 0);
    NWT_OK(nw_set_allocator(NULL));
}

/* common.h: different networks may be used from different threads at the
 * same time. Each thread builds and frees its own networks; afterwards no
 * network may be counted as alive (nw_set_allocator would refuse). */
enum { WORKERS = 4, ROUNDS = 300 };

static void *worker(void *arg)
{
    int *bad = arg;
    for (int r = 0; r < ROUNDS; r++) {
        nw_network *net = NULL;
        nw_actor *a = NULL, *b = NULL;
        nw_tie *t = NULL;
        nw_date start;
        if (nw_network_new(&net, "Netz") != NW_OK ||
            nw_actor_add(&a, net, NW_ACTOR_PERSON, "A") != NW_OK ||
            nw_actor_add(&b, net, NW_ACTOR_PERSON, "B") != NW_OK ||
            nw_date_parse(&start, "2026-01-01") != NW_OK) {
            ++*bad;
            break;
        }
        nw_actor *ms[2] = { a, b };
        if (nw_tie_add(&t, net, NW_FORM_KONTAKT, ms, 2, start) != NW_OK)
            ++*bad;
        /* this thread's failure, seen by this thread only */
        if (nw_actor_add(NULL, net, NW_ACTOR_PERSON, "A") != NW_EEXISTS ||
            nw_errcode() != NW_EEXISTS)
            ++*bad;
        size_t n = 0;
        if (nw_network_actor_count(&n, net) != NW_OK || n != 2)
            ++*bad;
        /* alternate: destroyed at once, or as a zombie by the last handle */
        if (r % 2)
            nw_network_free(net);
        nw_actor_free(a);
        nw_actor_free(b);
        nw_tie_free(t);
        if (r % 2 == 0)
            nw_network_free(net);
    }
    return NULL;
}

static void test_networks_in_parallel_threads(void **state)
{
    (void)state;
    pthread_t th[WORKERS];
    int bad[WORKERS] = { 0 };
    for (int i = 0; i < WORKERS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, &bad[i]), 0);
    for (int i = 0; i < WORKERS; i++)
        assert_int_equal(pthread_join(th[i], NULL), 0);
    for (int i = 0; i < WORKERS; i++)
        assert_int_equal(bad[i], 0);
    stats s = { 0 };
    nw_allocator a = counting(&s);
    NWT_OK(nw_set_allocator(&a)); /* no network is left alive */
    NWT_OK(nw_set_allocator(NULL));
}

static void test_free_null(void **state)
{
    (void)state;
    nw_error_clear();
    nw_free(NULL);
    assert_int_equal(nw_errcode(), NW_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_memory_goes_through_the_allocator),
        cmocka_unit_test(test_allocator_struct_is_copied),
        cmocka_unit_test(test_invalid_allocators),
        cmocka_unit_test(test_busy_while_a_network_exists),
        cmocka_unit_test(test_busy_while_a_report_or_buffer_lives),
        cmocka_unit_test(test_busy_network_created_under_allocator),
        cmocka_unit_test(test_networks_in_parallel_threads),
        cmocka_unit_test(test_free_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
