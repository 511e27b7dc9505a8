/*
 * Snapshots (netzwerk/analysis.h): which actors, ties and pairs a snapshot
 * of a date holds, multiplexity, weights, identities, independence from
 * the network afterwards, errors and allocation failures.
 */
#include "nwtest.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define EPS 1e-12

/* Options compared field by field (the struct has padding). */
static void assert_same_options(const nw_snapshot_options *a, const nw_snapshot_options *b)
{
    assert_int_equal(a->version, b->version);
    assert_int_equal(a->weighted, b->weighted);
    assert_int_equal(a->form_mask, b->form_mask);
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        assert_true(a->form[f].base == b->form[f].base);
        assert_true(a->form[f].half_life == b->form[f].half_life);
        assert_int_equal(a->form[f].dormant_after, b->form[f].dormant_after);
        assert_int_equal(a->form[f].touch_ideal, b->form[f].touch_ideal);
        assert_int_equal(a->form[f].touch_max, b->form[f].touch_max);
    }
    assert_true(a->weight_base == b->weight_base && a->weight_age == b->weight_age &&
                a->weight_tending == b->weight_tending && a->weight_recency == b->weight_recency);
    assert_true(a->maturity_half_life == b->maturity_half_life);
    assert_true(a->tending_saturation == b->tending_saturation);
    assert_int_equal(a->path_sources, b->path_sources);
    assert_true(a->broker_min_betweenness == b->broker_min_betweenness);
    assert_true(a->broker_max_constraint == b->broker_max_constraint);
}

static size_t actor_count(const nw_snapshot *s)
{
    size_t n = 0;
    NWT_OK(nw_snapshot_actor_count(&n, s));
    return n;
}

static size_t pair_count(const nw_snapshot *s)
{
    size_t m = 0;
    NWT_OK(nw_snapshot_pair_count(&m, s));
    return m;
}

static size_t tie_count(const nw_snapshot *s)
{
    size_t t = 0;
    NWT_OK(nw_snapshot_tie_count(&t, s));
    return t;
}

static nw_snapshot *snap(nw_network *net, const char *as_of, const nw_snapshot_options *o)
{
    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date(as_of), o));
    assert_non_null(s);
    return s;
}

/* A cooperation of four is six pairs; every member has three neighbours. */
static void test_members_pairwise(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a[4];
    const char *names[] = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; i++)
        a[i] = nwt_actor(net, names[i]);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_add(&t, net, NW_FORM_KOOPERATION, a, 4, nwt_date("2024-01-01")));
    nw_snapshot *s = snap(net, "2024-02-01", NULL);
    assert_int_equal(actor_count(s), 4);
    assert_int_equal(pair_count(s), 6);
    assert_int_equal(tie_count(s), 1);
    double deg[4];
    NWT_OK(nw_snapshot_degree(deg, sizeof deg / sizeof deg[0], s));
    for (int i = 0; i < 4; i++)
        assert_float_equal(deg[i], 3.0, 0.0);
    /* Pairs in order of the lower vertex, then the higher. */
    static const size_t expect[6][2] = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
    for (size_t p = 0; p < 6; p++) {
        nw_pair_info info;
        NWT_OK(nw_snapshot_pair(&info, s, p));
        assert_int_equal(info.va, expect[p][0]);
        assert_int_equal(info.vb, expect[p][1]);
        assert_int_equal(info.a, nwt_actor_id(a[expect[p][0]]));
        assert_int_equal(info.b, nwt_actor_id(a[expect[p][1]]));
        assert_int_equal(info.ties, 1);
        assert_true(info.strong);
        assert_float_equal(info.weight, 1.0, 0.0);
    }
    nw_pair_info info;
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_pair(&info, s, 6));
    nw_snapshot_free(s);
    nw_tie_free(t);
    for (int i = 0; i < 4; i++)
        nw_actor_free(a[i]);
    nw_network_free(net);
}

/* Ties that ended or had not started are left out; the end day counts. */
static void test_dates(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c"),
             *d = nwt_actor(net, "d");
    nw_tie *ab = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-01-01");
    nw_tie *bc = nwt_tie(net, NW_FORM_BEGEGNUNG, b, c, NULL, "2024-03-01");
    nw_tie *cd = nwt_tie(net, NW_FORM_GRUPPE, c, d, NULL, "2024-01-01");
    NWT_OK(nw_tie_set_end(cd, nwt_date("2024-02-29")));

    nw_snapshot *s = snap(net, "2024-02-29", NULL);
    assert_int_equal(actor_count(s), 4);
    assert_int_equal(tie_count(s), 2); /* ab, cd (its last day) */
    assert_int_equal(pair_count(s), 2);
    nw_snapshot_free(s);

    s = snap(net, "2024-03-01", NULL);
    assert_int_equal(tie_count(s), 2); /* ab, bc */
    assert_int_equal(pair_count(s), 2);
    nw_pair_info info;
    NWT_OK(nw_snapshot_pair(&info, s, 1));
    assert_int_equal(info.a, nwt_actor_id(b));
    assert_int_equal(info.b, nwt_actor_id(c));
    assert_false(info.strong);
    nw_snapshot_free(s);

    s = snap(net, "2023-12-31", NULL);
    assert_int_equal(tie_count(s), 0);
    assert_int_equal(pair_count(s), 0);
    assert_int_equal(actor_count(s), 4); /* no joined dates: all there */
    nw_snapshot_free(s);

    nw_tie_free(ab);
    nw_tie_free(bc);
    nw_tie_free(cd);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_actor_free(d);
    nw_network_free(net);
}

/* Actors who joined later are left out, unless a tie of the date has them. */
static void test_joined(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c"),
             *d = nwt_actor(net, "d");
    NWT_OK(nw_actor_set_joined(a, nwt_date("2024-01-01")));
    NWT_OK(nw_actor_set_joined(c, nwt_date("2025-01-01")));
    NWT_OK(nw_actor_set_joined(d, nwt_date("2025-01-01")));
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, b, d, NULL, "2024-01-01");
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    assert_int_equal(actor_count(s), 3); /* a, b, d (through the tie) */
    nw_id id;
    NWT_OK(nw_snapshot_actor_id(&id, s, 0));
    assert_int_equal(id, nwt_actor_id(a));
    NWT_OK(nw_snapshot_actor_id(&id, s, 1));
    assert_int_equal(id, nwt_actor_id(b));
    NWT_OK(nw_snapshot_actor_id(&id, s, 2));
    assert_int_equal(id, nwt_actor_id(d));
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_actor_id(&id, s, 3));
    size_t v;
    NWT_OK(nw_snapshot_vertex_of(&v, s, nwt_actor_id(d)));
    assert_int_equal(v, 2);
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_vertex_of(&v, s, nwt_actor_id(c)));
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_vertex_of(&v, s, 999));
    nw_snapshot_free(s);
    s = snap(net, "2025-01-01", NULL);
    assert_int_equal(actor_count(s), 4);
    nw_snapshot_free(s);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_actor_free(d);
    nw_network_free(net);
}

/* Several ties between two actors make one pair: its tie count, strong if
 * one of them is, and (weighted) 1 - prod(1 - S). */
static void test_multiplexity(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c");
    nw_tie *t1 = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-01-01");
    nw_tie *t2 = nwt_tie(net, NW_FORM_BEGEGNUNG, a, b, NULL, "2024-01-01");
    nw_tie *t3 = nwt_tie(net, NW_FORM_GRUPPE, a, b, c, "2024-01-01");
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.weighted = true;
    o.weight_base = 1.0;
    o.weight_age = o.weight_tending = o.weight_recency = 0.0;
    nw_snapshot *s = snap(net, "2024-06-01", &o);
    assert_int_equal(pair_count(s), 3);
    assert_int_equal(tie_count(s), 3);
    nw_pair_info info;
    NWT_OK(nw_snapshot_pair(&info, s, 0)); /* a-b: C 0.2, A 0.3, D 0.7 */
    assert_int_equal(info.ties, 3);
    assert_true(info.strong);
    assert_float_equal(info.weight, 1.0 - 0.8 * 0.7 * 0.3, EPS);
    double pair;
    NWT_OK(nw_actor_pair_strength(&pair, NULL, a, b, nwt_date("2024-06-01"), &o));
    assert_float_equal(info.weight, pair, EPS);
    NWT_OK(nw_snapshot_pair(&info, s, 1)); /* a-c: D */
    assert_int_equal(info.ties, 1);
    assert_float_equal(info.weight, 0.7, EPS);
    double wd[3];
    NWT_OK(nw_snapshot_weighted_degree(wd, sizeof wd / sizeof wd[0], s));
    assert_float_equal(wd[0], 1.0 - 0.8 * 0.7 * 0.3 + 0.7, EPS);
    assert_float_equal(wd[2], 1.4, EPS);
    nw_snapshot_free(s);

    /* Only weak forms: one weak pair of two ties, c is an isolate. */
    o.form_mask = NW_FORM_MASK_WEAK;
    s = snap(net, "2024-06-01", &o);
    assert_int_equal(pair_count(s), 1);
    assert_int_equal(tie_count(s), 2);
    assert_int_equal(actor_count(s), 3);
    NWT_OK(nw_snapshot_pair(&info, s, 0));
    assert_false(info.strong);
    assert_int_equal(info.ties, 2);
    assert_float_equal(info.weight, 1.0 - 0.8 * 0.7, EPS);
    nw_snapshot_options back;
    NWT_OK(nw_snapshot_options_get(&back, s));
    assert_same_options(&back, &o);
    nw_snapshot_free(s);

    /* Unweighted: weight 1 whatever the ties. */
    s = snap(net, "2024-06-01", NULL);
    NWT_OK(nw_snapshot_pair(&info, s, 0));
    assert_float_equal(info.weight, 1.0, 0.0);
    NWT_OK(nw_snapshot_options_get(&back, s));
    assert_false(back.weighted);
    nw_snapshot_free(s);

    nw_tie_free(t1);
    nw_tie_free(t2);
    nw_tie_free(t3);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

/* Ties of one class, unweighted: the build merges repeated pairs without
 * looking at the ties (snapshot.c), and keeps tie counts only once a pair
 * has several: here b-c, after slots of single pairs in the rows before. */
static void expect_pairs(nw_network *net, const unsigned *ties, size_t m, bool strong)
{
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    assert_int_equal(pair_count(s), m);
    size_t multiplex = 0;
    for (size_t p = 0; p < m; p++) {
        nw_pair_info info;
        NWT_OK(nw_snapshot_pair(&info, s, p));
        assert_int_equal(info.ties, ties[p]);
        assert_true(info.strong == strong);
        assert_float_equal(info.weight, 1.0, 0.0);
        multiplex += ties[p] >= 2;
    }
    nw_figures *f;
    NWT_OK(nw_snapshot_figures(&f, s));
    assert_int_equal(f->pairs_multiplex, multiplex);
    assert_int_equal(f->pairs_strong, strong ? m : 0);
    nw_free(f);
    nw_snapshot_free(s);
}

static void test_multiplexity_one_class(void **state)
{
    (void)state;
    for (int strong = 0; strong <= 1; strong++) {
        nw_form form = strong ? NW_FORM_GRUPPE : NW_FORM_KONTAKT;
        nw_network *net = nwt_network("n");
        static const char *const names[] = {"a", "b", "c", "d", "e"};
        NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 5));
        /* Pairs a-b, b-c, c-d, d-e, in that order (lower vertex first). */
        static const nw_id single[] = {1, 2, 2, 3, 3, 4, 4, 5};
        NWT_OK(nw_ties_add(NULL, net, form, single, 4, nwt_date("2024-01-01")));
        static const unsigned one_each[] = {1, 1, 1, 1};
        expect_pairs(net, one_each, 4, strong);
        static const nw_id more[] = {5, 4, 4, 5, 2, 3};
        NWT_OK(nw_ties_add(NULL, net, form, more, 3, nwt_date("2024-02-01")));
        static const unsigned repeated[] = {1, 2, 1, 3};
        expect_pairs(net, repeated, 4, strong);
        nw_network_free(net);
    }
}

/* A hub whose ties come in descending order of its neighbours: its row is
 * far from sorted, and the build sorts it by heapsort (snapshot.c). Every
 * pair must still come out once, in order, with its tie count. */
static void test_rows_far_from_sorted(void **state)
{
    (void)state;
    enum { SPOKES = 200 };
    nw_network *net = nwt_network("n");
    char names[SPOKES + 1][8];
    const char *list[SPOKES + 1];
    for (int i = 0; i <= SPOKES; i++) {
        snprintf(names[i], sizeof names[i], "v%d", i);
        list[i] = names[i];
    }
    NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, list, SPOKES + 1)); /* hub 1, spokes 2.. */
    nw_id pairs[2 * (SPOKES + 1)];
    for (int i = 0; i < SPOKES; i++) {
        pairs[2 * i] = 1;
        pairs[2 * i + 1] = (nw_id)(SPOKES + 1 - i); /* 201, 200, ..., 2 */
    }
    pairs[2 * SPOKES] = 100; /* and a second tie to spoke 100 */
    pairs[2 * SPOKES + 1] = 1;
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, SPOKES + 1, nwt_date("2024-01-01")));
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    assert_int_equal(pair_count(s), SPOKES);
    for (size_t p = 0; p < SPOKES; p++) {
        nw_pair_info info;
        NWT_OK(nw_snapshot_pair(&info, s, p));
        assert_int_equal(info.a, 1);
        assert_int_equal(info.b, p + 2);
        assert_int_equal(info.ties, info.b == 100 ? 2 : 1);
    }
    double deg[SPOKES + 1];
    NWT_OK(nw_snapshot_degree(deg, sizeof deg / sizeof deg[0], s));
    assert_float_equal(deg[0], SPOKES, 0.0);
    assert_float_equal(deg[SPOKES], 1.0, 0.0);
    nw_snapshot_free(s);
    nw_network_free(net);
}

/* A network made after the snapshot's network was freed may get its
 * address (malloc reuses a block of the same size at once; under ASan's
 * quarantine it does not) and the same change counter: still not the one
 * the snapshot was taken of. */
static void test_current_not_for_a_network_at_the_same_address(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor_free(nwt_actor(net, "a"));
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    nw_network_free(net);
    nw_network *later = nwt_network("n");
    nw_actor_free(nwt_actor(later, "b"));
    bool current = true;
    NWT_OK(nw_snapshot_is_current(&current, s, later));
    assert_false(current);
    nw_network_free(later);
    nw_snapshot_free(s);
}

/* A snapshot does not change with the network, and outlives it. */
static void test_independent(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    bool current = false;
    NWT_OK(nw_snapshot_is_current(&current, s, net));
    assert_true(current);
    nw_network *other = nwt_network("other");
    NWT_OK(nw_snapshot_is_current(&current, s, other));
    assert_false(current);
    nw_network_free(other);

    nw_tie *t2 = nwt_tie(net, NW_FORM_KONTAKT, b, c, NULL, "2024-01-01");
    NWT_OK(nw_snapshot_is_current(&current, s, net));
    assert_false(current);
    NWT_OK(nw_actor_remove(a));
    nw_tie_free(t);
    nw_tie_free(t2);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);

    /* Still as taken. */
    assert_int_equal(actor_count(s), 3);
    assert_int_equal(pair_count(s), 1);
    nw_date d;
    NWT_OK(nw_snapshot_date(&d, s));
    assert_int_equal(d, nwt_date("2024-06-01"));
    double deg[3];
    NWT_OK(nw_snapshot_degree(deg, sizeof deg / sizeof deg[0], s));
    assert_float_equal(deg[0], 1.0, 0.0);
    assert_float_equal(deg[2], 0.0, 0.0);
    size_t bytes = 0;
    NWT_OK(nw_snapshot_memory(&bytes, s));
    assert_true(bytes > 0);
    nw_snapshot_free(s);
}

/* While a snapshot lives the allocator may not change (it must free it). */
static void test_allocator_busy(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_snapshot *s = snap(net, "2024-06-01", NULL);
    nw_network_free(net);
    NWT_EXPECT(NW_EBUSY, nw_set_allocator(NULL));
    nw_snapshot_free(s);
    nw_snapshot_free(NULL);
}

static void test_errors(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_snapshot *s = NULL;
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    NWT_EXPECT(NW_EINVAL, nw_snapshot_new(NULL, net, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_new(&s, NULL, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_new(&s, net, NW_DATE_NONE, NULL));
    o.version = 2;
    NWT_EXPECT(NW_EINVAL, nw_snapshot_new(&s, net, nwt_date("2024-01-01"), &o));
    o = (nw_snapshot_options)NW_SNAPSHOT_OPTIONS_INIT;
    o.form[0].half_life = -1;
    NWT_EXPECT(NW_EINVAL, nw_snapshot_new(&s, net, nwt_date("2024-01-01"), &o));
    assert_null(s);

    s = snap(net, "2024-01-01", NULL);
    size_t z;
    nw_id id;
    nw_date d;
    bool b;
    nw_pair_info info;
    nw_snapshot_options back;
    NWT_EXPECT(NW_EINVAL, nw_snapshot_date(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_date(&d, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_options_get(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_options_get(&back, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_is_current(NULL, s, net));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_is_current(&b, NULL, net));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_is_current(&b, s, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_actor_count(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_actor_count(&z, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_pair_count(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_pair_count(&z, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_tie_count(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_tie_count(&z, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_memory(NULL, s));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_memory(&z, NULL));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_actor_id(NULL, s, 0));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_actor_id(&id, NULL, 0));
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_actor_id(&id, s, 0));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_vertex_of(NULL, s, 1));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_vertex_of(&z, NULL, 1));
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_vertex_of(&z, s, 1));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_pair(NULL, s, 0));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_pair(&info, NULL, 0));
    NWT_EXPECT(NW_ENOTFOUND, nw_snapshot_pair(&info, s, 0));
    nw_snapshot_free(s);
    nw_network_free(net);
}

/* Out of memory at every allocation of a build: NW_ENOMEM, nothing leaks,
 * and the output stays untouched; then it succeeds. */
static void test_alloc_failure(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a[5];
    const char *names[] = {"a", "b", "c", "d", "e"};
    for (int i = 0; i < 5; i++)
        a[i] = nwt_actor(net, names[i]);
    nw_tie *t1 = NULL, *t2 = nwt_tie(net, NW_FORM_KONTAKT, a[3], a[4], NULL, "2024-01-01");
    NWT_OK(nw_tie_add(&t1, net, NW_FORM_GRUPPE, a, 4, nwt_date("2024-01-01")));
    NWT_OK(nw_tie_interaction_add(t2, nwt_date("2024-02-01"), NW_INTERACTION_CALL, NULL));
    for (int weighted = 0; weighted < 2; weighted++) {
        nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
        o.weighted = weighted;
        for (long i = 1;; i++) {
            nw_snapshot *s = (nw_snapshot *)&o;
            nwt_failalloc_fail_at(i);
            int rc = nw_snapshot_new(&s, net, nwt_date("2024-06-01"), &o);
            if (nwt_failalloc_failures() == 0) {
                assert_int_equal(rc, NW_OK);
                assert_int_equal(pair_count(s), 7);
                nw_snapshot_free(s);
                break;
            }
            assert_int_equal(rc, NW_ENOMEM);
            assert_ptr_equal(s, (nw_snapshot *)&o);
        }
    }
    nwt_failalloc_fail_at(0);
    nw_tie_free(t1);
    nw_tie_free(t2);
    for (int i = 0; i < 5; i++)
        nw_actor_free(a[i]);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_members_pairwise),
        NWT_TEST(test_dates),
        NWT_TEST(test_joined),
        NWT_TEST(test_multiplexity),
        NWT_TEST(test_multiplexity_one_class),
        NWT_TEST(test_rows_far_from_sorted),
        NWT_TEST(test_independent),
        NWT_TEST(test_current_not_for_a_network_at_the_same_address),
        NWT_TEST(test_allocator_busy),
        NWT_TEST(test_errors),
        NWT_TEST(test_alloc_failure),
    };
    return NWT_RUN(tests);
}
