/*
 * Change between two dates (nw_snapshot_compare) and the timeline of the
 * network figures (nw_network_timeline).
 */
#include "nwtest.h"

#include <string.h>

/* a, b, c from the start; d joins on 2024-05-01.
 * t1 a-b from 2024-01-01; t2 b-c 2024-01-01 to 2024-03-31; t3 c-d from 2024-05-01. */
typedef struct world {
    nw_network *net;
    nw_actor *a, *b, *c, *d;
    nw_tie *t1, *t2, *t3;
} world;

static world make_world(void)
{
    world w;
    w.net = nwt_network("change");
    w.a = nwt_actor(w.net, "a");
    w.b = nwt_actor(w.net, "b");
    w.c = nwt_actor(w.net, "c");
    w.d = nwt_actor(w.net, "d");
    NWT_OK(nw_actor_set_joined(w.d, nwt_date("2024-05-01")));
    w.t1 = nwt_tie(w.net, NW_FORM_KOOPERATION, w.a, w.b, NULL, "2024-01-01");
    w.t2 = nwt_tie(w.net, NW_FORM_KONTAKT, w.b, w.c, NULL, "2024-01-01");
    NWT_OK(nw_tie_set_end(w.t2, nwt_date("2024-03-31")));
    w.t3 = nwt_tie(w.net, NW_FORM_BEGEGNUNG, w.c, w.d, NULL, "2024-05-01");
    return w;
}

static void free_world(world *w)
{
    nw_tie_free(w->t1);
    nw_tie_free(w->t2);
    nw_tie_free(w->t3);
    nw_actor_free(w->a);
    nw_actor_free(w->b);
    nw_actor_free(w->c);
    nw_actor_free(w->d);
    nw_network_free(w->net);
}

static nw_snapshot *snap(nw_network *net, const char *as_of)
{
    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date(as_of), NULL));
    return s;
}

static double field(const nw_figures *f, const char *name)
{
    for (size_t i = 0; i < nw_figures_field_count(); i++) {
        const char *n;
        double v;
        NWT_OK(nw_figures_field(&n, &v, f, i));
        if (strcmp(n, name) == 0)
            return v;
    }
    NWT_FAIL("no figure named %s", name);
}

static void test_compare(void **state)
{
    (void)state;
    world w = make_world();
    nw_snapshot *feb = snap(w.net, "2024-02-01"), *jun = snap(w.net, "2024-06-01");
    nw_change *c = NULL;
    NWT_OK(nw_snapshot_compare(&c, feb, jun));
    assert_int_equal(c->before.actors, 3); /* d had not joined */
    assert_int_equal(c->after.actors, 4);
    assert_int_equal(c->before.as_of, nwt_date("2024-02-01"));
    assert_int_equal(c->after.as_of, nwt_date("2024-06-01"));
    assert_int_equal(c->actors_joined_count, 1);
    assert_int_equal(c->actors_joined[0], nwt_actor_id(w.d));
    assert_int_equal(c->actors_left_count, 0);
    assert_int_equal(c->ties_began_count, 1);
    assert_int_equal(c->ties_began[0], nwt_tie_id(w.t3));
    assert_int_equal(c->ties_ended_count, 1);
    assert_int_equal(c->ties_ended[0], nwt_tie_id(w.t2));
    /* Deltas through the field table: ties 2 -> 2, components 1 -> 2. */
    assert_float_equal(field(&c->after, "ties") - field(&c->before, "ties"), 0.0, 0.0);
    assert_float_equal(field(&c->after, "components") - field(&c->before, "components"), 1.0, 0.0);
    assert_float_equal(field(&c->after, "ties_kontakt") - field(&c->before, "ties_kontakt"), -1.0, 0.0);
    nw_free(c);

    /* Removing a takes t1 with it (one member left). */
    NWT_OK(nw_actor_remove(w.a));
    nw_snapshot *later = snap(w.net, "2024-06-01");
    NWT_OK(nw_snapshot_compare(&c, jun, later));
    assert_int_equal(c->actors_left_count, 1);
    assert_int_equal(c->actors_left[0], nwt_actor_id(w.a));
    assert_int_equal(c->ties_ended_count, 1);
    assert_int_equal(c->ties_ended[0], nwt_tie_id(w.t1));
    assert_int_equal(c->actors_joined_count, 0);
    assert_int_equal(c->ties_began_count, 0);
    nw_free(c);

    /* A snapshot against itself: nothing came or went. */
    NWT_OK(nw_snapshot_compare(&c, jun, jun));
    assert_int_equal(c->actors_joined_count + c->actors_left_count + c->ties_began_count +
                         c->ties_ended_count, 0);
    assert_memory_equal(&c->before, &c->after, sizeof c->before);
    nw_free(c);

    NWT_EXPECT(NW_EINVAL, nw_snapshot_compare(NULL, feb, jun));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_compare(&c, NULL, jun));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_compare(&c, feb, NULL));

    for (long i = 1;; i++) {
        c = NULL;
        nwt_failalloc_fail_at(i);
        int rc = nw_snapshot_compare(&c, feb, later);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            nw_free(c);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(c);
    }
    nwt_failalloc_fail_at(0);

    nw_snapshot_free(feb);
    nw_snapshot_free(jun);
    nw_snapshot_free(later);
    free_world(&w);
}

static void test_timeline(void **state)
{
    (void)state;
    world w = make_world();
    nw_figures *tl = NULL;
    size_t n = 0;
    NWT_OK(nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-06-30"), 30, NULL));
    /* 181 days / 30 -> points on 01-01, 01-31, 03-01, 03-31, 04-30, 05-30, 06-29. */
    assert_int_equal(n, 7);
    static const char *dates[7] = {"2024-01-01", "2024-01-31", "2024-03-01", "2024-03-31",
                                   "2024-04-30", "2024-05-30", "2024-06-29"};
    static const size_t ties[7] = {2, 2, 2, 2, 1, 2, 2};
    static const size_t actors[7] = {3, 3, 3, 3, 3, 4, 4};
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(tl[i].as_of, nwt_date(dates[i]));
        assert_int_equal(tl[i].ties, ties[i]);
        assert_int_equal(tl[i].actors, actors[i]);
    }
    /* The same as a snapshot of that date. */
    nw_snapshot *s = snap(w.net, "2024-05-30");
    nw_figures *f;
    NWT_OK(nw_snapshot_figures(&f, s));
    assert_memory_equal(f, &tl[5], sizeof *f);
    nw_free(f);
    nw_snapshot_free(s);
    nw_free(tl);

    /* One point when from == to. */
    NWT_OK(nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-01-01"), 7, NULL));
    assert_int_equal(n, 1);
    nw_free(tl);

    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(NULL, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-02-01"), 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, NULL, w.net, nwt_date("2024-01-01"), nwt_date("2024-02-01"), 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, NULL, nwt_date("2024-01-01"), nwt_date("2024-02-01"), 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, w.net, NW_DATE_NONE, nwt_date("2024-02-01"), 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), NW_DATE_NONE, 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, w.net, nwt_date("2024-02-01"), nwt_date("2024-01-01"), 1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-02-01"), 0, NULL));
    o.version = 0;
    NWT_EXPECT(NW_EINVAL, nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-02-01"), 1, &o));
    NWT_EXPECT(NW_ELIMIT, nw_network_timeline(&tl, &n, w.net, NW_DATE_MIN, NW_DATE_MAX, 1, NULL));
    /* NW_TIMELINE_MAX points exactly is allowed; one more is not. With
     * step 1 the points are every day from `from` to `to` inclusive, so
     * 0 .. NW_TIMELINE_MAX - 1 is NW_TIMELINE_MAX points and 0 ..
     * NW_TIMELINE_MAX one more; with step 2, 0, 2, .., 2 * NW_TIMELINE_MAX
     * is one more too. (One call at the limit: it computes 100,000
     * snapshots, about 4 s under ASan.) */
    tl = NULL;
    n = 0;
    NWT_OK(nw_network_timeline(&tl, &n, w.net, 0, NW_TIMELINE_MAX - 1, 1, NULL));
    assert_int_equal(n, NW_TIMELINE_MAX);
    assert_non_null(tl);
    nw_free(tl);
    tl = (nw_figures *)(uintptr_t)0x77;
    n = 77;
    NWT_EXPECT(NW_ELIMIT, nw_network_timeline(&tl, &n, w.net, 0, NW_TIMELINE_MAX, 1, NULL));
    NWT_EXPECT(NW_ELIMIT, nw_network_timeline(&tl, &n, w.net, 0, 2 * NW_TIMELINE_MAX, 2, NULL));
    assert_ptr_equal(tl, (nw_figures *)(uintptr_t)0x77); /* untouched on failure */
    assert_int_equal(n, 77);

    for (long i = 1;; i++) {
        tl = NULL;
        nwt_failalloc_fail_at(i);
        int rc = nw_network_timeline(&tl, &n, w.net, nwt_date("2024-01-01"), nwt_date("2024-03-01"), 30, NULL);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            nw_free(tl);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(tl);
    }
    nwt_failalloc_fail_at(0);
    free_world(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_compare),
        NWT_TEST(test_timeline),
    };
    return NWT_RUN(tests);
}
