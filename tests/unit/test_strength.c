/*
 * Tie strength, tie state and "stay in touch" (netzwerk/analysis.h).
 *
 * Every term of the strength formula is tested alone, by giving it the only
 * non-zero weight; expected values are worked out by hand from the formula
 * in docs/analysis.md (powers of two chosen so that they are exact).
 */
#include "nwtest.h"

#include <math.h>
#include <stdlib.h>

#define EPS 1e-12
/* 2^-0.5, written out: the tests need no libm. */
#define SQRT_HALF 0.70710678118654752440

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

/* Options in which only one term counts. */
static nw_snapshot_options only(double base, double age, double tending, double recency)
{
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.weight_base = base;
    o.weight_age = age;
    o.weight_tending = tending;
    o.weight_recency = recency;
    return o;
}

static double strength(const nw_tie *t, const char *as_of, const nw_snapshot_options *o)
{
    double s = -1.0;
    NWT_OK(nw_tie_strength(&s, t, nwt_date(as_of), o));
    return s;
}

static void interact(nw_tie *t, const char *when)
{
    NWT_OK(nw_tie_interaction_add(t, nwt_date(when), NW_INTERACTION_MEETING, NULL));
}

/* ---- options ------------------------------------------------------------------- */

static void test_options_init(void **state)
{
    (void)state;
    nw_snapshot_options a = NW_SNAPSHOT_OPTIONS_INIT, b;
    NWT_OK(nw_snapshot_options_init(&b, NW_SNAPSHOT_OPTIONS_VERSION));
    assert_same_options(&a, &b);
    /* The documented defaults. */
    assert_false(b.weighted);
    assert_int_equal(b.form_mask, NW_FORM_MASK_ALL);
    assert_true(b.form[NW_FORM_BEGEGNUNG].base == 0.3);
    assert_true(b.form[NW_FORM_KOOPERATION].base == 0.8);
    assert_true(b.form[NW_FORM_KONTAKT].base == 0.2);
    assert_true(b.form[NW_FORM_GRUPPE].base == 0.7);
    assert_true(b.weight_base + b.weight_age + b.weight_tending + b.weight_recency == 1.0);
    NWT_EXPECT(NW_EINVAL, nw_snapshot_options_init(NULL, NW_SNAPSHOT_OPTIONS_VERSION));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_options_init(&b, 99));
}

static void test_options_invalid(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    nw_date d = nwt_date("2024-06-01");
    double s;
    nw_snapshot_options o;

#define BAD(change)                                                 \
    do {                                                            \
        o = (nw_snapshot_options)NW_SNAPSHOT_OPTIONS_INIT;          \
        change;                                                     \
        NWT_EXPECT(NW_EINVAL, nw_tie_strength(&s, t, d, &o));       \
    } while (0)
    BAD(o.version = 0);
    BAD(o.form_mask = 0x10);
    BAD(o.form[1].base = -0.1);
    BAD(o.form[1].base = 1.5);
    BAD(o.form[2].base = NAN);
    BAD(o.form[0].half_life = 0.0);
    BAD(o.form[0].half_life = INFINITY);
    BAD(o.form[3].dormant_after = 0);
    BAD(o.form[3].touch_ideal = -1);
    BAD(o.form[3].touch_max = -1);
    BAD((o.form[3].touch_ideal = 30, o.form[3].touch_max = 10));
    BAD(o.weight_age = -1.0);
    BAD(o.weight_tending = NAN);
    BAD((o.weight_base = 0, o.weight_age = 0, o.weight_tending = 0, o.weight_recency = 0));
    BAD(o.maturity_half_life = 0.0);
    BAD(o.tending_saturation = -1.0);
    BAD(o.broker_min_betweenness = 1.5);
    BAD(o.broker_max_constraint = -0.5);
#undef BAD
    /* touch_max 0 with an ideal set is allowed: no maximum. */
    o = (nw_snapshot_options)NW_SNAPSHOT_OPTIONS_INIT;
    o.form[3].touch_max = 0;
    NWT_OK(nw_tie_strength(&s, t, d, &o));

    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* ---- the terms, one at a time ------------------------------------------------------ */

static void test_base_term(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    static const double expect[NW_FORM_COUNT] = {0.3, 0.8, 0.2, 0.7}; /* A, B, C, D */
    nw_snapshot_options o = only(1, 0, 0, 0);
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        nw_tie *t = nwt_tie(net, (nw_form)f, a, b, NULL, "2024-01-01");
        assert_float_equal(strength(t, "2024-03-01", &o), expect[f], EPS);
        nw_tie_free(t);
    }
    /* A caller-set base. */
    o.form[NW_FORM_KONTAKT].base = 0.55;
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-01-01");
    assert_float_equal(strength(t, "2024-03-01", &o), 0.55, EPS);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_age_term(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2023-01-01");
    nw_snapshot_options o = only(0, 1, 0, 0); /* maturity half-life 365 days */
    /* A = 1 - 2^(-age / 365). */
    assert_float_equal(strength(t, "2023-01-01", &o), 0.0, EPS);  /* age 0 */
    assert_float_equal(strength(t, "2024-01-01", &o), 0.5, EPS);  /* 365 days */
    assert_float_equal(strength(t, "2024-12-31", &o), 0.75, EPS); /* 730 days */
    o.maturity_half_life = 730.0;
    assert_float_equal(strength(t, "2024-12-31", &o), 0.5, EPS);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_tending_term(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    nw_snapshot_options o = only(0, 0, 1, 0); /* B: half-life 60 days; saturation 1 */
    /* No interaction: I = 0, T = 0. */
    assert_float_equal(strength(t, "2024-06-29", &o), 0.0, EPS);
    /* 2024-06-29 is 60 days after 2024-04-30 and 120 after 2024-03-01. */
    interact(t, "2024-03-01");
    interact(t, "2024-04-30");
    interact(t, "2024-07-15"); /* after the date: ignored */
    /* I = 2^-2 + 2^-1 = 0.75, T = 0.75 / 1.75 = 3/7. */
    assert_float_equal(strength(t, "2024-06-29", &o), 3.0 / 7.0, EPS);
    /* On the day of an interaction alone: I = 1, T = 1/2; saturation 3 gives 1/4. */
    assert_float_equal(strength(t, "2024-03-01", &o), 0.5, EPS);
    o.tending_saturation = 3.0;
    assert_float_equal(strength(t, "2024-03-01", &o), 0.25, EPS);
    /* A caller-set half-life: 120 days turns 2024-03-01 into 2^-1. */
    o.tending_saturation = 1.0;
    o.form[NW_FORM_KOOPERATION].half_life = 120.0;
    /* I = 2^-1 + 2^-0.5 (2^-0.5 = 0.70710678118654752) */
    double I = 0.5 + SQRT_HALF;
    assert_float_equal(strength(t, "2024-06-29", &o), I / (I + 1.0), EPS);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_recency_term(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_GRUPPE, a, b, NULL, "2024-01-01");
    nw_snapshot_options o = only(0, 0, 0, 1); /* D: half-life 90 days */
    /* Without interactions the start is the last contact: 90 days -> 1/2. */
    assert_float_equal(strength(t, "2024-03-31", &o), 0.5, EPS);
    assert_float_equal(strength(t, "2024-01-01", &o), 1.0, EPS);
    /* An interaction 45 days before: 2^-0.5; a later one is ignored. */
    interact(t, "2024-02-15");
    interact(t, "2024-05-01");
    assert_float_equal(strength(t, "2024-03-31", &o), SQRT_HALF, EPS);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_all_terms(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    interact(t, "2024-11-02"); /* 60 days before 2025-01-01 */
    interact(t, "2024-12-02"); /* 30 days before */
    nw_strength_terms terms;
    NWT_OK(nw_tie_strength_terms(&terms, t, nwt_date("2025-01-01"), NULL));
    /* By hand, with the defaults (B: base 0.8, half-life 60):
     * age 366 days: A = 1 - 2^(-366/365) = 0.5009486156742027
     * I = 2^-1 + 2^-0.5 = 1.2071067811865475, T = I / (I + 1) = 0.5469181606780271
     * R = 2^-0.5 = 0.7071067811865476
     * S = 0.4 * 0.8 + 0.15 A + 0.3 T + 0.15 R = 0.6652837577325208 */
    assert_float_equal(terms.base, 0.8, EPS);
    assert_float_equal(terms.age, 0.5009486156742027, EPS);
    assert_float_equal(terms.tending, 0.5469181606780271, EPS);
    assert_float_equal(terms.recency, 0.7071067811865476, EPS);
    assert_float_equal(terms.strength, 0.6652837577325208, EPS);
    assert_int_equal(terms.last_contact, nwt_date("2024-12-02"));
    assert_int_equal(terms.interactions, 2);
    assert_float_equal(strength(t, "2025-01-01", NULL), 0.6652837577325208, EPS);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_absent_tie(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    NWT_OK(nw_tie_set_end(t, nwt_date("2024-06-30")));
    nw_strength_terms terms;
    NWT_OK(nw_tie_strength_terms(&terms, t, nwt_date("2023-12-31"), NULL));
    assert_float_equal(terms.strength, 0.0, 0.0);
    assert_float_equal(terms.base, 0.0, 0.0);
    assert_int_equal(terms.last_contact, NW_DATE_NONE);
    assert_float_equal(strength(t, "2024-07-01", NULL), 0.0, 0.0);
    /* The end date itself still counts. */
    assert_true(strength(t, "2024-06-30", NULL) > 0.0);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* ---- multiplexity ----------------------------------------------------------------------- */

static void test_pair_strength(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c");
    nw_snapshot_options o = only(1, 0, 0, 0);
    nw_tie *t1 = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-01-01");     /* 0.2 */
    nw_tie *t2 = nwt_tie(net, NW_FORM_KOOPERATION, a, b, c, "2024-02-01");    /* 0.8 */
    nw_tie *t3 = nwt_tie(net, NW_FORM_BEGEGNUNG, b, a, NULL, "2024-03-01");   /* 0.3, ended */
    NWT_OK(nw_tie_set_end(t3, nwt_date("2024-03-31")));
    double s;
    size_t k;
    /* On 2024-06-01: 1 - (1 - 0.2)(1 - 0.8) = 0.84 from two ties. */
    NWT_OK(nw_actor_pair_strength(&s, &k, a, b, nwt_date("2024-06-01"), &o));
    assert_float_equal(s, 0.84, EPS);
    assert_int_equal(k, 2);
    NWT_OK(nw_actor_pair_strength(&s, NULL, b, a, nwt_date("2024-06-01"), &o));
    assert_float_equal(s, 0.84, EPS);
    /* On 2024-03-15 all three: 1 - 0.8 * 0.2 * 0.7 = 0.888. */
    NWT_OK(nw_actor_pair_strength(&s, &k, a, b, nwt_date("2024-03-15"), &o));
    assert_float_equal(s, 0.888, EPS);
    assert_int_equal(k, 3);
    /* One tie only: its own strength. */
    NWT_OK(nw_actor_pair_strength(&s, &k, a, c, nwt_date("2024-06-01"), &o));
    assert_float_equal(s, 0.8, EPS);
    assert_int_equal(k, 1);
    /* Before any tie: 0. */
    NWT_OK(nw_actor_pair_strength(&s, &k, a, b, nwt_date("2023-06-01"), &o));
    assert_float_equal(s, 0.0, 0.0);
    assert_int_equal(k, 0);
    /* A form mask leaves the contact out. */
    o.form_mask = NW_FORM_MASK_STRONG;
    NWT_OK(nw_actor_pair_strength(&s, &k, a, b, nwt_date("2024-06-01"), &o));
    assert_float_equal(s, 0.8, EPS);
    assert_int_equal(k, 1);

    /* Errors. */
    nw_network *other = nwt_network("other");
    nw_actor *x = nwt_actor(other, "x");
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(NULL, &k, a, b, nwt_date("2024-06-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, NULL, b, nwt_date("2024-06-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, a, NULL, nwt_date("2024-06-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, a, a, nwt_date("2024-06-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, a, x, nwt_date("2024-06-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, a, b, NW_DATE_NONE, NULL));
    o.version = 7;
    NWT_EXPECT(NW_EINVAL, nw_actor_pair_strength(&s, &k, a, b, nwt_date("2024-06-01"), &o));
    NWT_OK(nw_actor_remove(c));
    NWT_EXPECT(NW_ESTALE, nw_actor_pair_strength(&s, &k, a, c, nwt_date("2024-06-01"), NULL));

    nw_actor_free(x);
    nw_network_free(other);
    nw_tie_free(t1);
    nw_tie_free(t2);
    nw_tie_free(t3);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

/* ---- state ---------------------------------------------------------------------------------- */

static nw_tie_state state_on(const nw_tie *t, const char *as_of, const nw_snapshot_options *o)
{
    nw_tie_state s = (nw_tie_state)-1;
    NWT_OK(nw_tie_state_get(&s, t, nwt_date(as_of), o));
    return s;
}

static void test_state(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b");
    /* C: latent until its first interaction; dormant after 365 silent days. */
    nw_tie *c = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-01-01");
    assert_int_equal(state_on(c, "2023-12-31", NULL), NW_TIE_ABSENT);
    assert_int_equal(state_on(c, "2024-01-01", NULL), NW_TIE_LATENT);
    assert_int_equal(state_on(c, "2026-01-01", NULL), NW_TIE_LATENT);
    interact(c, "2024-03-01");
    assert_int_equal(state_on(c, "2024-02-01", NULL), NW_TIE_LATENT); /* not yet activated */
    assert_int_equal(state_on(c, "2024-03-01", NULL), NW_TIE_ACTIVE);
    assert_int_equal(state_on(c, "2025-03-01", NULL), NW_TIE_ACTIVE);  /* 365 days */
    assert_int_equal(state_on(c, "2025-03-02", NULL), NW_TIE_DORMANT); /* 366 days */

    /* B: the start counts as a contact; dormant after 60 days. */
    nw_tie *k = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    assert_int_equal(state_on(k, "2024-03-01", NULL), NW_TIE_ACTIVE);  /* 60 days */
    assert_int_equal(state_on(k, "2024-03-02", NULL), NW_TIE_DORMANT); /* 61 days */
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.form[NW_FORM_KOOPERATION].dormant_after = 61;
    assert_int_equal(state_on(k, "2024-03-02", &o), NW_TIE_ACTIVE);
    NWT_OK(nw_tie_set_end(k, nwt_date("2024-02-01")));
    assert_int_equal(state_on(k, "2024-02-02", NULL), NW_TIE_ABSENT);

    /* Errors. */
    nw_tie_state s;
    NWT_EXPECT(NW_EINVAL, nw_tie_state_get(NULL, k, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_state_get(&s, NULL, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_state_get(&s, k, NW_DATE_MAX + 1, NULL));
    NWT_OK(nw_tie_remove(k));
    NWT_EXPECT(NW_ESTALE, nw_tie_state_get(&s, k, nwt_date("2024-01-01"), NULL));
    double d;
    nw_strength_terms terms;
    NWT_EXPECT(NW_ESTALE, nw_tie_strength(&d, k, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_ESTALE, nw_tie_strength_terms(&terms, k, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_strength(NULL, c, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_strength_terms(NULL, c, nwt_date("2024-01-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_strength(&d, c, NW_DATE_NONE, NULL));

    nw_tie_free(c);
    nw_tie_free(k);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* ---- losing touch ------------------------------------------------------------------------------ */

static void test_losing_touch(void **state)
{
    (void)state;
    nw_network *net = nwt_network("n");
    nw_actor *a = nwt_actor(net, "a"), *b = nwt_actor(net, "b"), *c = nwt_actor(net, "c");
    /* As of 2024-07-01, with the default intervals (ideal / max):
     * B 14/42, C 180/365, A 90/365, D 30/90. */
    nw_tie *b1 = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2024-01-01");
    interact(b1, "2024-06-20"); /* 11 days: in touch */
    nw_tie *b2 = nwt_tie(net, NW_FORM_KOOPERATION, a, c, NULL, "2024-01-01");
    interact(b2, "2024-06-01"); /* 30 days: losing touch, not overdue */
    nw_tie *d1 = nwt_tie(net, NW_FORM_GRUPPE, a, b, c, "2024-03-01"); /* 122 days: overdue */
    nw_tie *c1 = nwt_tie(net, NW_FORM_KONTAKT, b, c, NULL, "2023-05-01"); /* 427 days: overdue */
    nw_tie *c2 = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2024-05-01"); /* 61 days: in touch */
    nw_tie *a1 = nwt_tie(net, NW_FORM_BEGEGNUNG, a, c, NULL, "2024-03-01"); /* 122 days: losing */
    nw_tie *gone = nwt_tie(net, NW_FORM_KOOPERATION, b, c, NULL, "2023-01-01");
    NWT_OK(nw_tie_set_end(gone, nwt_date("2023-12-31"))); /* ended: never listed */
    interact(b1, "2024-08-01"); /* after the date: ignored */

    nw_touch *list = NULL;
    size_t n = 0;
    NWT_OK(nw_network_losing_touch(&list, &n, net, nwt_date("2024-07-01"), NULL));
    assert_int_equal(n, 4);
    /* Oldest contact first; equal dates by tie identity. */
    assert_int_equal(list[0].tie, nwt_tie_id(c1));
    assert_int_equal(list[0].days, 427);
    assert_true(list[0].overdue);
    assert_int_equal(list[0].form, NW_FORM_KONTAKT);
    assert_int_equal(list[0].last_contact, nwt_date("2023-05-01"));
    assert_int_equal(list[1].tie, nwt_tie_id(d1));
    assert_int_equal(list[1].days, 122);
    assert_true(list[1].overdue);
    assert_int_equal(list[2].tie, nwt_tie_id(a1));
    assert_int_equal(list[2].days, 122);
    assert_false(list[2].overdue);
    assert_int_equal(list[3].tie, nwt_tie_id(b2));
    assert_int_equal(list[3].days, 30);
    assert_false(list[3].overdue);
    nw_free(list);

    /* Only strong forms; and no interval for D. */
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.form_mask = NW_FORM_MASK_STRONG;
    o.form[NW_FORM_GRUPPE].touch_ideal = 0;
    o.form[NW_FORM_GRUPPE].touch_max = 0;
    NWT_OK(nw_network_losing_touch(&list, &n, net, nwt_date("2024-07-01"), &o));
    assert_int_equal(n, 1);
    assert_int_equal(list[0].tie, nwt_tie_id(b2));
    nw_free(list);

    /* Nobody losing touch: NULL and 0. */
    list = (nw_touch *)&n;
    NWT_OK(nw_network_losing_touch(&list, &n, net, nwt_date("2022-01-01"), NULL));
    assert_int_equal(n, 0);
    assert_null(list);

    /* Errors. */
    NWT_EXPECT(NW_EINVAL, nw_network_losing_touch(NULL, &n, net, nwt_date("2024-07-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_losing_touch(&list, NULL, net, nwt_date("2024-07-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_losing_touch(&list, &n, NULL, nwt_date("2024-07-01"), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_losing_touch(&list, &n, net, NW_DATE_NONE, NULL));
    o.form_mask = 0x20;
    NWT_EXPECT(NW_EINVAL, nw_network_losing_touch(&list, &n, net, nwt_date("2024-07-01"), &o));

    /* Out of memory at every allocation: NW_ENOMEM and no leak. */
    for (long i = 1;; i++) {
        nwt_failalloc_fail_at(i);
        int rc = nw_network_losing_touch(&list, &n, net, nwt_date("2024-07-01"), NULL);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            nw_free(list);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
    }
    nwt_failalloc_fail_at(0);

    nw_tie *ties[] = {b1, b2, d1, c1, c2, a1, gone};
    for (size_t i = 0; i < sizeof ties / sizeof ties[0]; i++)
        nw_tie_free(ties[i]);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_options_init),
        NWT_TEST(test_options_invalid),
        NWT_TEST(test_base_term),
        NWT_TEST(test_age_term),
        NWT_TEST(test_tending_term),
        NWT_TEST(test_recency_term),
        NWT_TEST(test_all_terms),
        NWT_TEST(test_absent_tie),
        NWT_TEST(test_pair_strength),
        NWT_TEST(test_state),
        NWT_TEST(test_losing_touch),
    };
    return NWT_RUN(tests);
}
