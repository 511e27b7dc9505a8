/*
 * netzwerk/tie.h: adding ties, members, dates, the imposed flag, label,
 * topics, goals and the interaction log. (Stale handles: test_lifetime.c.)
 */
#include "nwtest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BAD_FORM ((nw_form)4)
#define BAD_KIND_1 ((nw_interaction_kind)4)
#define BAD_KIND_2 ((nw_interaction_kind)-1)
#define BOGUS_TIE ((nw_tie *)(uintptr_t)0x1234)

/* A network with actors A, B, C, D (identities 1 to 4). */
typedef struct fixture {
    nw_network *net;
    nw_actor *a, *b, *c, *d;
} fixture;

static fixture make(void)
{
    fixture f;
    f.net = nwt_network("Netz");
    f.a = nwt_actor(f.net, "A");
    f.b = nwt_actor(f.net, "B");
    f.c = nwt_actor(f.net, "C");
    f.d = nwt_actor(f.net, "D");
    return f;
}

static void drop(fixture *f)
{
    nw_actor_free(f->a);
    nw_actor_free(f->b);
    nw_actor_free(f->c);
    nw_actor_free(f->d);
    nw_network_free(f->net);
}

static size_t members(const nw_tie *t, nw_id *ids, size_t max)
{
    size_t n = 0;
    NWT_OK(nw_tie_member_count(&n, t));
    assert_true(n <= max);
    for (size_t i = 0; i < n; i++) {
        nw_actor *m = NULL;
        NWT_OK(nw_tie_member(&m, t, i));
        ids[i] = nwt_actor_id(m);
        nw_actor_free(m);
    }
    return n;
}

static bool has_member(const nw_tie *t, const nw_actor *a)
{
    bool b = false;
    NWT_OK(nw_tie_has_member(&b, t, a));
    return b;
}

/* ---- adding ------------------------------------------------------------------- */

static void test_add(void **state)
{
    (void)state;
    fixture f = make();
    nw_actor *ms[] = { f.c, f.a, f.b }; /* not in identity order */
    nw_tie *t = NULL;
    NWT_OK(nw_tie_add(&t, f.net, NW_FORM_KOOPERATION, ms, 3, nwt_date("2026-01-15")));
    assert_non_null(t);
    assert_int_equal(nwt_tie_id(t), 1);
    nw_form form = BAD_FORM;
    NWT_OK(nw_tie_form(&form, t));
    assert_int_equal(form, NW_FORM_KOOPERATION);
    nw_id ids[4];
    assert_int_equal(members(t, ids, 4), 3);
    assert_int_equal(ids[0], 1); /* members come in order of identity */
    assert_int_equal(ids[1], 2);
    assert_int_equal(ids[2], 3);
    assert_true(has_member(t, f.a));
    assert_false(has_member(t, f.d));

    /* defaults */
    nw_date d = 0;
    NWT_OK(nw_tie_start(&d, t));
    assert_int_equal(d, nwt_date("2026-01-15"));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, NW_DATE_NONE);
    bool imposed = true;
    NWT_OK(nw_tie_imposed(&imposed, t));
    assert_false(imposed);
    const char *label = NULL;
    NWT_OK(nw_tie_label(&label, t));
    assert_string_equal(label, "");
    size_t n = 99;
    NWT_OK(nw_tie_topic_count(&n, t));
    assert_int_equal(n, 0);
    NWT_OK(nw_tie_goal_count(&n, t));
    assert_int_equal(n, 0);
    NWT_OK(nw_tie_interaction_count(&n, t));
    assert_int_equal(n, 0);

    /* the handle is optional; identities count up */
    nw_actor *pair[] = { f.a, f.d };
    NWT_OK(nw_tie_add(NULL, f.net, NW_FORM_KONTAKT, pair, 2, nwt_date("2026-01-01")));
    nw_tie *t2 = NULL;
    NWT_OK(nw_tie_lookup(&t2, f.net, 2));
    NWT_OK(nw_tie_form(&form, t2));
    assert_int_equal(form, NW_FORM_KONTAKT);
    /* several ties may join the same actors, also of the same form */
    nw_tie *t3 = NULL;
    NWT_OK(nw_tie_add(&t3, f.net, NW_FORM_KONTAKT, pair, 2, nwt_date("2026-01-01")));
    assert_int_equal(nwt_tie_id(t3), 3);
    NWT_OK(nw_network_tie_count(&n, f.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 3);

    /* all four forms, the range ends as start dates */
    for (unsigned form_i = 0; form_i < NW_FORM_COUNT; form_i++)
        NWT_OK(nw_tie_add(NULL, f.net, (nw_form)form_i, pair, 2, NW_DATE_MIN));
    NWT_OK(nw_tie_add(NULL, f.net, NW_FORM_GRUPPE, pair, 2, NW_DATE_MAX));

    nw_tie_free(t);
    nw_tie_free(t2);
    nw_tie_free(t3);
    drop(&f);
}

static void test_add_rejects(void **state)
{
    (void)state;
    fixture f = make();
    nw_network *other = nwt_network("Anderes Netz");
    nw_actor *x = nwt_actor(other, "X");
    nw_actor *a_again = NULL;
    NWT_OK(nw_actor_lookup(&a_again, f.net, 1));
    nw_actor *gone = nwt_actor(f.net, "weg");
    NWT_OK(nw_actor_remove(gone));
    nw_date start = nwt_date("2026-01-01");
    nw_tie *t = BOGUS_TIE;

    nw_actor *ab[] = { f.a, f.b };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, NULL, NW_FORM_KONTAKT, ab, 2, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, NULL, 2, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, BAD_FORM, ab, 2, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, (nw_form)-1, ab, 2, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 0, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 1, start));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 2, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 2, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 2, NW_DATE_MIN - 1));
    /* a member given twice: the same handle, or two handles on one actor */
    nw_actor *aa[] = { f.a, f.a };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, aa, 2, start));
    nw_actor *aa2[] = { f.a, f.b, a_again };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KOOPERATION, aa2, 3, start));
    /* a NULL member */
    nw_actor *an[] = { f.a, NULL };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, an, 2, start));
    /* an actor of another network (also with an identity that exists here) */
    nw_actor *ax[] = { f.a, x };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ax, 2, start));
    nw_actor *xa[] = { x, f.b, f.c };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, f.net, NW_FORM_KOOPERATION, xa, 3, start));
    /* the actors of this network into the other network */
    NWT_EXPECT(NW_EINVAL, nw_tie_add(&t, other, NW_FORM_KONTAKT, ab, 2, start));
    /* a removed member */
    nw_actor *ag[] = { f.a, gone };
    NWT_EXPECT(NW_ESTALE, nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ag, 2, start));
    assert_ptr_equal(t, BOGUS_TIE);

    /* nothing was added and no identity used up */
    size_t n = 99;
    NWT_OK(nw_network_tie_count(&n, f.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    NWT_OK(nw_network_tie_count(&n, other, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    assert_int_equal(nw_actor_tie_count(&n, f.a, NW_FORM_MASK_ALL), NW_OK);
    assert_int_equal(n, 0);
    t = NULL;
    NWT_OK(nw_tie_add(&t, f.net, NW_FORM_KONTAKT, ab, 2, start));
    assert_int_equal(nwt_tie_id(t), 1);

    nw_tie_free(t);
    nw_actor_free(x);
    nw_actor_free(a_again);
    nw_actor_free(gone);
    nw_network_free(other);
    drop(&f);
}

static void test_ids_never_reused(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *t1 = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.b, NULL, "2026-01-01");
    nw_tie *t2 = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.c, NULL, "2026-01-01");
    nw_tie *t3 = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.d, NULL, "2026-01-01");
    NWT_OK(nw_tie_remove(t2));
    nw_tie *t4 = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.c, NULL, "2026-01-01");
    assert_int_equal(nwt_tie_id(t4), 4);
    NWT_OK(nw_tie_remove(t4));
    nw_tie *t5 = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.c, NULL, "2026-01-01");
    assert_int_equal(nwt_tie_id(t5), 5);
    nw_tie *x = BOGUS_TIE;
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, 2));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, 4));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, NW_ID_NONE));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, 6));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, f.net, UINT32_MAX));
    NWT_EXPECT(NW_EINVAL, nw_tie_lookup(NULL, f.net, 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_lookup(&x, NULL, 1));
    assert_ptr_equal(x, BOGUS_TIE);
    NWT_OK(nw_tie_lookup(&x, f.net, 3));
    bool eq = false;
    NWT_OK(nw_tie_equal(&eq, x, t3));
    assert_true(eq);
    nw_tie_free(x);
    /* the stale handle on 2 does not reach tie 5 */
    nw_form form;
    NWT_EXPECT(NW_ESTALE, nw_tie_form(&form, t2));
    NWT_OK(nw_tie_equal(&eq, t2, t5));
    assert_false(eq);
    nw_tie_free(t1);
    nw_tie_free(t2);
    nw_tie_free(t3);
    nw_tie_free(t4);
    nw_tie_free(t5);
    drop(&f);
}

static void test_dup_equal_id(void **state)
{
    (void)state;
    fixture f = make();
    nw_network *other = nwt_network("Anderes");
    nw_actor *x = nwt_actor(other, "X");
    nw_actor *y = nwt_actor(other, "Y");
    nw_tie *t = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.b, NULL, "2026-01-01");
    nw_tie *u = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.c, NULL, "2026-01-01");
    nw_tie *ot = nwt_tie(other, NW_FORM_KONTAKT, x, y, NULL, "2026-01-01"); /* also id 1 */
    nw_tie *d = NULL;
    bool eq = false;
    NWT_OK(nw_tie_dup(&d, t));
    assert_ptr_not_equal(d, t);
    NWT_OK(nw_tie_equal(&eq, d, t));
    assert_true(eq);
    NWT_OK(nw_tie_equal(&eq, t, u));
    assert_false(eq);
    NWT_OK(nw_tie_equal(&eq, t, ot));
    assert_false(eq);
    assert_int_equal(nwt_tie_id(ot), nwt_tie_id(t));
    nw_tie_free(t);
    nw_form form;
    NWT_OK(nw_tie_form(&form, d));
    /* stale: id, equal, dup still work */
    NWT_OK(nw_tie_remove(d));
    nw_tie *d2 = NULL;
    NWT_OK(nw_tie_dup(&d2, d));
    NWT_OK(nw_tie_equal(&eq, d2, d));
    assert_true(eq);
    assert_int_equal(nwt_tie_id(d2), 1);
    NWT_EXPECT(NW_ESTALE, nw_tie_form(&form, d2));
    NWT_EXPECT(NW_ESTALE, nw_tie_remove(d2));

    eq = true;
    NWT_EXPECT(NW_EINVAL, nw_tie_equal(NULL, u, u));
    NWT_EXPECT(NW_EINVAL, nw_tie_equal(&eq, NULL, u));
    NWT_EXPECT(NW_EINVAL, nw_tie_equal(&eq, u, NULL));
    assert_true(eq);
    nw_id id = 9;
    NWT_EXPECT(NW_EINVAL, nw_tie_id(&id, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_id(NULL, u));
    assert_int_equal(id, 9);
    nw_tie *z = BOGUS_TIE;
    NWT_EXPECT(NW_EINVAL, nw_tie_dup(&z, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_dup(NULL, u));
    assert_ptr_equal(z, BOGUS_TIE);
    NWT_EXPECT(NW_EINVAL, nw_tie_remove(NULL));
    form = NW_FORM_GRUPPE;
    NWT_EXPECT(NW_EINVAL, nw_tie_form(NULL, u));
    NWT_EXPECT(NW_EINVAL, nw_tie_form(&form, NULL));
    assert_int_equal(form, NW_FORM_GRUPPE);

    nw_tie_free(NULL);
    nw_tie_free(d);
    nw_tie_free(d2);
    nw_tie_free(u);
    nw_tie_free(ot);
    nw_actor_free(x);
    nw_actor_free(y);
    nw_network_free(other);
    drop(&f);
}

/* ---- members ------------------------------------------------------------------- */

static void test_members(void **state)
{
    (void)state;
    fixture f = make();
    nw_network *other = nwt_network("Anderes");
    nw_actor *x = nwt_actor(other, "X"); /* identity 1, like f.a */
    nw_tie *t = nwt_tie(f.net, NW_FORM_KOOPERATION, f.d, f.b, NULL, "2026-01-01");
    nw_id ids[8];
    size_t n;

    NWT_OK(nw_tie_member_add(t, f.a));
    NWT_OK(nw_tie_member_add(t, f.c));
    assert_int_equal(members(t, ids, 8), 4);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 2);
    assert_int_equal(ids[2], 3);
    assert_int_equal(ids[3], 4);
    NWT_OK(nw_actor_tie_count(&n, f.a, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);

    NWT_EXPECT(NW_EEXISTS, nw_tie_member_add(t, f.a));
    nw_actor *a2;
    NWT_OK(nw_actor_lookup(&a2, f.net, 1));
    NWT_EXPECT(NW_EEXISTS, nw_tie_member_add(t, a2));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(t, x));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(t, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(NULL, f.a));
    bool b = true;
    NWT_EXPECT(NW_EINVAL, nw_tie_has_member(&b, t, x));
    NWT_EXPECT(NW_EINVAL, nw_tie_has_member(&b, t, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_has_member(&b, NULL, f.a));
    NWT_EXPECT(NW_EINVAL, nw_tie_has_member(NULL, t, f.a));
    assert_true(b);

    /* a partner leaves: order of the rest kept */
    NWT_OK(nw_tie_member_remove(t, f.b));
    assert_int_equal(members(t, ids, 8), 3);
    assert_int_equal(ids[0], 1);
    assert_int_equal(ids[1], 3);
    assert_int_equal(ids[2], 4);
    assert_false(has_member(t, f.b));
    NWT_OK(nw_actor_tie_count(&n, f.b, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_member_remove(t, f.b));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(t, x));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(t, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(NULL, f.a));
    NWT_OK(nw_tie_member_remove(t, a2)); /* any handle on the actor will do */
    /* two left: the tie keeps them */
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(t, f.c));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(t, f.d));
    assert_int_equal(members(t, ids, 8), 2);
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[1], 4);
    /* a former member may join again */
    NWT_OK(nw_tie_member_add(t, f.b));
    assert_int_equal(members(t, ids, 8), 3);
    assert_int_equal(ids[0], 2);

    /* stale actors */
    nw_actor *gone = nwt_actor(f.net, "weg");
    NWT_OK(nw_tie_member_add(t, gone));
    NWT_OK(nw_actor_remove(gone)); /* leaves the tie */
    assert_int_equal(members(t, ids, 8), 3);
    NWT_EXPECT(NW_ESTALE, nw_tie_member_add(t, gone));
    NWT_EXPECT(NW_ESTALE, nw_tie_member_remove(t, gone));
    NWT_EXPECT(NW_ESTALE, nw_tie_has_member(&b, t, gone));

    /* member by index */
    nw_actor *m = (nw_actor *)(uintptr_t)0x99;
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_member(&m, t, 3));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_member(&m, t, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_tie_member(NULL, t, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_member(&m, NULL, 0));
    assert_ptr_equal(m, (nw_actor *)(uintptr_t)0x99);
    n = 42;
    NWT_EXPECT(NW_EINVAL, nw_tie_member_count(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_count(&n, NULL));
    assert_int_equal(n, 42);

    nw_actor_free(gone);
    nw_actor_free(a2);
    nw_actor_free(x);
    nw_tie_free(t);
    nw_network_free(other);
    drop(&f);
}

/* ---- dates -------------------------------------------------------------------- */

static bool exists_on(const nw_tie *t, const char *day)
{
    bool b = false;
    NWT_OK(nw_tie_exists_on(&b, t, nwt_date(day)));
    return b;
}

static void test_dates(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *t = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a, f.b, NULL, "2026-03-01");
    nw_date d;

    assert_false(exists_on(t, "2026-02-28"));
    assert_true(exists_on(t, "2026-03-01"));
    assert_true(exists_on(t, "9999-12-31")); /* open end */

    NWT_OK(nw_tie_set_end(t, nwt_date("2026-06-30")));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, nwt_date("2026-06-30"));
    assert_true(exists_on(t, "2026-06-30")); /* both ends included */
    assert_false(exists_on(t, "2026-07-01"));

    /* start not after the end, end not before the start */
    NWT_EXPECT(NW_EINVAL, nw_tie_set_start(t, nwt_date("2026-07-01")));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_end(t, nwt_date("2026-02-28")));
    NWT_OK(nw_tie_start(&d, t));
    assert_int_equal(d, nwt_date("2026-03-01"));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, nwt_date("2026-06-30"));
    NWT_OK(nw_tie_set_start(t, nwt_date("2026-06-30"))); /* a one-day tie */
    NWT_OK(nw_tie_set_start(t, nwt_date("2026-01-01")));
    NWT_OK(nw_tie_set_end(t, nwt_date("2026-01-01")));
    assert_true(exists_on(t, "2026-01-01"));
    assert_false(exists_on(t, "2026-01-02"));

    /* reopen */
    NWT_OK(nw_tie_set_end(t, NW_DATE_NONE));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, NW_DATE_NONE);
    NWT_OK(nw_tie_set_start(t, nwt_date("2030-01-01"))); /* no end: any valid start */
    NWT_OK(nw_tie_set_start(t, nwt_date("2026-03-01")));

    /* interactions bound the dates */
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-04-10"), NW_INTERACTION_MEETING, NULL));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-05-20"), NW_INTERACTION_CALL, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_start(t, nwt_date("2026-04-11")));
    NWT_OK(nw_tie_set_start(t, nwt_date("2026-04-10")));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_end(t, nwt_date("2026-05-19")));
    NWT_OK(nw_tie_set_end(t, nwt_date("2026-05-20")));
    NWT_OK(nw_tie_start(&d, t));
    assert_int_equal(d, nwt_date("2026-04-10"));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, nwt_date("2026-05-20"));

    /* invalid dates and NULLs */
    NWT_EXPECT(NW_EINVAL, nw_tie_set_start(t, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_start(t, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_end(t, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_end(t, NW_DATE_MIN - 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_start(NULL, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_end(NULL, 0));
    bool b = true;
    NWT_EXPECT(NW_EINVAL, nw_tie_exists_on(&b, t, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_tie_exists_on(&b, t, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_tie_exists_on(NULL, t, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_exists_on(&b, NULL, 0));
    assert_true(b);
    d = 5;
    NWT_EXPECT(NW_EINVAL, nw_tie_start(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_start(&d, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_end(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_end(&d, NULL));
    assert_int_equal(d, 5);
    NWT_OK(nw_tie_start(&d, t));
    assert_int_equal(d, nwt_date("2026-04-10"));
    NWT_OK(nw_tie_end(&d, t));
    assert_int_equal(d, nwt_date("2026-05-20"));

    nw_tie_free(t);
    drop(&f);
}

/* ---- imposed and label ---------------------------------------------------- */

static void test_imposed_and_label(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *t = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a, f.b, NULL, "2026-03-01");
    bool b = false;
    NWT_OK(nw_tie_set_imposed(t, true));
    NWT_OK(nw_tie_imposed(&b, t));
    assert_true(b);
    NWT_OK(nw_tie_set_imposed(t, false));
    NWT_OK(nw_tie_imposed(&b, t));
    assert_false(b);
    NWT_EXPECT(NW_EINVAL, nw_tie_set_imposed(NULL, true));
    NWT_EXPECT(NW_EINVAL, nw_tie_imposed(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_imposed(&b, NULL));
    assert_false(b);

    const char *label;
    NWT_OK(nw_tie_set_label(t, "Projekt Schulweg-Detektive"));
    NWT_OK(nw_tie_label(&label, t));
    assert_string_equal(label, "Projekt Schulweg-Detektive");
    NWT_EXPECT(NW_EINVAL, nw_tie_set_label(t, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_set_label(NULL, "x"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_tie_set_label(t, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_tie_set_label(t, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_tie_set_label(t, over));
    free(over);
    NWT_OK(nw_tie_label(&label, t));
    assert_string_equal(label, "Projekt Schulweg-Detektive");
    char *max = nwt_text_of_len(NW_TEXT_MAX);
    NWT_OK(nw_tie_set_label(t, max));
    NWT_OK(nw_tie_label(&label, t));
    assert_string_equal(label, max);
    free(max);
    NWT_OK(nw_tie_set_label(t, "")); /* clears */
    NWT_OK(nw_tie_label(&label, t));
    assert_string_equal(label, "");
    label = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_tie_label(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_label(&label, NULL));
    assert_string_equal(label, "untouched");
    nw_tie_free(t);
    drop(&f);
}

/* ---- topics and goals ------------------------------------------------------ */

typedef struct set_api {
    int (*add)(nw_tie *, const char *);
    int (*remove)(nw_tie *, const char *);
    int (*count)(size_t *, const nw_tie *);
    int (*get)(const char **, const nw_tie *, size_t);
} set_api;

static void expect_items(const set_api *api, const nw_tie *t, const char *const *want, size_t n)
{
    size_t count = 99;
    NWT_OK(api->count(&count, t));
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) {
        const char *s;
        NWT_OK(api->get(&s, t, i));
        assert_string_equal(s, want[i]);
    }
    const char *s = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, api->get(&s, t, n));
    NWT_EXPECT(NW_ENOTFOUND, api->get(&s, t, SIZE_MAX));
    assert_string_equal(s, "untouched");
}

static void check_ordered_set(const set_api *api)
{
    fixture f = make();
    nw_tie *t = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a, f.b, NULL, "2026-03-01");
    nw_tie *u = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a, f.c, NULL, "2026-03-01");
    expect_items(api, t, NULL, 0);
    NWT_OK(api->add(t, "Schulweg"));
    NWT_OK(api->add(t, "Verkehr"));
    NWT_OK(api->add(t, "schulweg"));
    NWT_EXPECT(NW_EEXISTS, api->add(t, "Schulweg"));
    NWT_OK(api->add(u, "Schulweg")); /* per tie */
    {
        const char *want[] = { "Schulweg", "Verkehr", "schulweg" };
        expect_items(api, t, want, 3);
    }
    NWT_OK(api->remove(t, "Schulweg"));
    NWT_EXPECT(NW_ENOTFOUND, api->remove(t, "Schulweg"));
    NWT_EXPECT(NW_ENOTFOUND, api->remove(t, "Sport"));
    NWT_OK(api->add(t, "Schulweg"));
    {
        const char *want[] = { "Verkehr", "schulweg", "Schulweg" };
        expect_items(api, t, want, 3);
    }
    NWT_EXPECT(NW_EINVAL, api->add(t, ""));
    NWT_EXPECT(NW_EINVAL, api->add(t, NULL));
    NWT_EXPECT(NW_EINVAL, api->add(NULL, "x"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, api->add(t, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, api->add(t, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, api->add(t, over));
    free(over);
    NWT_EXPECT(NW_EINVAL, api->remove(t, NULL));
    NWT_EXPECT(NW_EINVAL, api->remove(NULL, "Verkehr"));
    size_t n = 5;
    NWT_EXPECT(NW_EINVAL, api->count(NULL, t));
    NWT_EXPECT(NW_EINVAL, api->count(&n, NULL));
    assert_int_equal(n, 5);
    const char *s = "untouched";
    NWT_EXPECT(NW_EINVAL, api->get(NULL, t, 0));
    NWT_EXPECT(NW_EINVAL, api->get(&s, NULL, 0));
    assert_string_equal(s, "untouched");
    {
        const char *want[] = { "Verkehr", "schulweg", "Schulweg" };
        expect_items(api, t, want, 3);
        const char *want_u[] = { "Schulweg" };
        expect_items(api, u, want_u, 1);
    }
    nw_tie_free(t);
    nw_tie_free(u);
    drop(&f);
}

static void test_topics(void **state)
{
    (void)state;
    const set_api api = { nw_tie_topic_add, nw_tie_topic_remove, nw_tie_topic_count,
                          nw_tie_topic };
    check_ordered_set(&api);
}

static void test_goals(void **state)
{
    (void)state;
    const set_api api = { nw_tie_goal_add, nw_tie_goal_remove, nw_tie_goal_count,
                          nw_tie_goal };
    check_ordered_set(&api);
}

/* ---- interactions ---------------------------------------------------------- */

static void expect_log(const nw_tie *t, size_t i, const char *day, nw_interaction_kind kind,
                       const char *note)
{
    nw_date d = 0;
    nw_interaction_kind k = BAD_KIND_1;
    const char *s = NULL;
    NWT_OK(nw_tie_interaction(&d, &k, &s, t, i));
    assert_int_equal(d, nwt_date(day));
    assert_int_equal(k, kind);
    assert_string_equal(s, note);
    /* the note is optional output */
    NWT_OK(nw_tie_interaction(&d, &k, NULL, t, i));
}

static void test_interactions(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *t = nwt_tie(f.net, NW_FORM_KOOPERATION, f.a, f.b, NULL, "2026-03-01");
    size_t n = 99;

    /* logged out of order, several on one day */
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-05-01"), NW_INTERACTION_MEETING, "drei"));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-03-15"), NW_INTERACTION_CALL, "eins"));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-05-01"), NW_INTERACTION_EVENT, "vier"));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-04-01"), NW_INTERACTION_MESSAGE, NULL));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-05-01"), NW_INTERACTION_CALL,
                                  "fünf\nzweite Zeile\r\n\teingerückt"));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-03-01"), NW_INTERACTION_MEETING, ""));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-03-15"), NW_INTERACTION_MEETING, "zwei"));
    NWT_OK(nw_tie_interaction_count(&n, t));
    assert_int_equal(n, 7);
    expect_log(t, 0, "2026-03-01", NW_INTERACTION_MEETING, "");
    expect_log(t, 1, "2026-03-15", NW_INTERACTION_CALL, "eins");
    expect_log(t, 2, "2026-03-15", NW_INTERACTION_MEETING, "zwei");
    expect_log(t, 3, "2026-04-01", NW_INTERACTION_MESSAGE, "");
    expect_log(t, 4, "2026-05-01", NW_INTERACTION_MEETING, "drei");
    expect_log(t, 5, "2026-05-01", NW_INTERACTION_EVENT, "vier");
    expect_log(t, 6, "2026-05-01", NW_INTERACTION_CALL, "fünf\nzweite Zeile\r\n\teingerückt");

    /* within the tie's lifetime only */
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-02-28"), NW_INTERACTION_CALL, NULL));
    NWT_OK(nw_tie_set_end(t, nwt_date("2026-06-30")));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-07-01"), NW_INTERACTION_CALL, NULL));
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-06-30"), NW_INTERACTION_CALL, "Abschluss"));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, NW_DATE_NONE, NW_INTERACTION_CALL, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, NW_DATE_MAX + 1, NW_INTERACTION_CALL, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-04-01"), BAD_KIND_1, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-04-01"), BAD_KIND_2, NULL));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(NULL, nwt_date("2026-04-01"), NW_INTERACTION_CALL, NULL));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-04-01"),
                                                     NW_INTERACTION_CALL, nwt_bad_utf8[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_add(t, nwt_date("2026-04-01"), NW_INTERACTION_CALL, over));
    free(over);
    NWT_OK(nw_tie_interaction_count(&n, t));
    assert_int_equal(n, 8);
    expect_log(t, 7, "2026-06-30", NW_INTERACTION_CALL, "Abschluss");

    /* reading */
    nw_date d = 5;
    nw_interaction_kind k = NW_INTERACTION_EVENT;
    const char *s = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_interaction(&d, &k, &s, t, 8));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_interaction(&d, &k, &s, t, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction(NULL, &k, &s, t, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction(&d, NULL, &s, t, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction(&d, &k, &s, NULL, 0));
    assert_int_equal(d, 5);
    assert_int_equal(k, NW_INTERACTION_EVENT);
    assert_string_equal(s, "untouched");
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_count(NULL, t));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_count(&n, NULL));

    /* removing: later ones move up */
    NWT_OK(nw_tie_interaction_remove(t, 1));
    NWT_OK(nw_tie_interaction_count(&n, t));
    assert_int_equal(n, 7);
    expect_log(t, 0, "2026-03-01", NW_INTERACTION_MEETING, "");
    expect_log(t, 1, "2026-03-15", NW_INTERACTION_MEETING, "zwei");
    expect_log(t, 2, "2026-04-01", NW_INTERACTION_MESSAGE, "");
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_interaction_remove(t, 7));
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_interaction_remove(t, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_tie_interaction_remove(NULL, 0));
    /* a same-day interaction logged later goes after the others of that day */
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-03-15"), NW_INTERACTION_EVENT, "sechs"));
    expect_log(t, 1, "2026-03-15", NW_INTERACTION_MEETING, "zwei");
    expect_log(t, 2, "2026-03-15", NW_INTERACTION_EVENT, "sechs");
    expect_log(t, 3, "2026-04-01", NW_INTERACTION_MESSAGE, "");

    /* removing the first and last interactions frees the dates again */
    NWT_OK(nw_tie_interaction_count(&n, t));
    NWT_OK(nw_tie_interaction_remove(t, n - 1)); /* 2026-06-30 */
    NWT_OK(nw_tie_set_end(t, nwt_date("2026-05-01")));
    NWT_OK(nw_tie_interaction_remove(t, 0));     /* 2026-03-01 */
    NWT_OK(nw_tie_set_start(t, nwt_date("2026-03-15")));

    nw_tie_free(t);
    drop(&f);
}

/* ---- removal ---------------------------------------------------------------- */

static void test_remove(void **state)
{
    (void)state;
    fixture f = make();
    nw_tie *t = nwt_tie(f.net, NW_FORM_GRUPPE, f.a, f.b, f.c, "2026-03-01");
    nw_tie *u = nwt_tie(f.net, NW_FORM_KONTAKT, f.a, f.b, NULL, "2026-03-01");
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2026-03-02"), NW_INTERACTION_MEETING, "x"));
    nw_tie *t2;
    NWT_OK(nw_tie_dup(&t2, t));
    NWT_OK(nw_tie_remove(t));
    /* every handle on it is stale */
    size_t n;
    NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&n, t));
    NWT_EXPECT(NW_ESTALE, nw_tie_interaction_count(&n, t2));
    NWT_EXPECT(NW_ESTALE, nw_tie_remove(t2));
    /* the actors stay, with one tie fewer */
    NWT_OK(nw_network_actor_count(&n, f.net));
    assert_int_equal(n, 4);
    NWT_OK(nw_actor_tie_count(&n, f.c, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    NWT_OK(nw_actor_tie_count(&n, f.a, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    NWT_OK(nw_network_tie_count(&n, f.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    NWT_OK(nw_network_tie_count(&n, f.net, NW_FORM_BIT(NW_FORM_GRUPPE)));
    assert_int_equal(n, 0);
    nw_tie_free(t);
    nw_tie_free(t2);
    nw_tie_free(u);
    drop(&f);
}

/* ---- first use of the rare fields ----------------------------------------------
 * A tie of form A or C has no room for a label, topics, goals, a log or a
 * checklist until one is first set (issue 4: the record stays small). Fail
 * each allocation of each first use in turn, on ties of nw_ties_add: the
 * call returns NW_ENOMEM and leaves the network as it was; retried, it
 * succeeds. No block may leak (the fixture checks). */

#define NFIRST 5
static int first_use(void *ctx, int step)
{
    nw_tie **t = ctx;
    switch (step) {
    case 0: return nw_tie_set_label(t[0], "Laufgruppe");
    case 1: return nw_tie_topic_add(t[1], "Bewegung");
    case 2: return nw_tie_goal_add(t[2], "Jeden Dienstag");
    case 3: return nw_tie_interaction_add(t[3], nwt_date("2026-05-05"), NW_INTERACTION_MEETING, "Start");
    default: return nw_tie_checklist_create(NULL, t[4]);
    }
}

static void test_first_use_allocation_fails(void **state)
{
    (void)state;
    static const nw_id pairs[] = { 1, 2, 2, 3, 3, 4, 4, 1, 1, 3, 2, 4 };
    long k;
    int met_by[NFIRST] = { 0 };
    for (k = 1;; k++) {
        fixture f = make();
        nw_tie *t[6];
        NWT_OK(nw_ties_add(NULL, f.net, NW_FORM_KONTAKT, pairs, 6, nwt_date("2026-05-01")));
        for (nw_id i = 0; i < 6; i++)
            NWT_OK(nw_tie_lookup(&t[i], f.net, i + 1));
        nwt_failalloc_fail_at(k); /* after the set-up: its allocations do not count */
        for (int step = 0; step < NFIRST; step++)
            met_by[step] += nwt_step_all_or_nothing(f.net, k, step, first_use, t);
        bool met = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);

        /* Each tie got what its step set and nothing else. */
        const char *s = NULL;
        size_t n = 99;
        nw_checklist *cl = NULL;
        NWT_OK(nw_tie_label(&s, t[0]));
        assert_string_equal(s, "Laufgruppe");
        NWT_OK(nw_tie_topic(&s, t[1], 0));
        assert_string_equal(s, "Bewegung");
        NWT_OK(nw_tie_goal(&s, t[2], 0));
        assert_string_equal(s, "Jeden Dienstag");
        NWT_OK(nw_tie_interaction_count(&n, t[3]));
        assert_int_equal(n, 1);
        NWT_OK(nw_tie_checklist(&cl, t[4]));
        nw_checklist_free(cl);
        for (int i = 0; i < 6; i++) {
            NWT_OK(nw_tie_label(&s, t[i]));
            assert_true(i == 0 || s[0] == '\0');
            NWT_OK(nw_tie_topic_count(&n, t[i]));
            assert_int_equal(n, i == 1);
            NWT_OK(nw_tie_goal_count(&n, t[i]));
            assert_int_equal(n, i == 2);
            NWT_OK(nw_tie_interaction_count(&n, t[i]));
            assert_int_equal(n, i == 3);
            if (i != 4)
                NWT_EXPECT(NW_ENOTFOUND, nw_tie_checklist(&cl, t[i]));
        }
        /* The empty label needs no room: it cannot fail. */
        NWT_OK(nw_tie_set_label(t[5], ""));
        NWT_OK(nw_tie_set_label(t[0], ""));
        NWT_OK(nw_tie_label(&s, t[0]));
        assert_string_equal(s, "");
        for (int i = 0; i < 6; i++)
            nw_tie_free(t[i]);
        drop(&f);
        if (!met)
            break; /* allocation k is past the last one: each was failed once */
        if (k > 1000)
            NWT_FAIL("more than 1000 allocations");
    }
    nwt_every_step_met(met_by, NFIRST, k);
}

/* ---- cross-network misuse ------------------------------------------------------ */

static void test_cross_network(void **state)
{
    (void)state;
    fixture x = make();
    fixture y = make(); /* same names, same identities */
    nw_tie *tx = nwt_tie(x.net, NW_FORM_KOOPERATION, x.a, x.b, NULL, "2026-01-01");
    nw_tie *ty = nwt_tie(y.net, NW_FORM_KOOPERATION, y.a, y.b, y.c, "2026-01-01");
    bool b = true;
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(tx, y.c));
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(tx, y.a)); /* y's actor 1 is not x's */
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(ty, x.a));
    NWT_EXPECT(NW_EINVAL, nw_tie_has_member(&b, tx, y.a));
    assert_true(b);
    nw_actor *mixed[] = { x.c, y.d };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(NULL, x.net, NW_FORM_KONTAKT, mixed, 2, 0));
    NWT_EXPECT(NW_EINVAL, nw_tie_add(NULL, y.net, NW_FORM_KONTAKT, mixed, 2, 0));
    nw_actor *xs[] = { x.c, x.d };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(NULL, y.net, NW_FORM_KONTAKT, xs, 2, 0));
    /* nothing changed in either network */
    size_t n;
    NWT_OK(nw_tie_member_count(&n, tx));
    assert_int_equal(n, 2);
    NWT_OK(nw_tie_member_count(&n, ty));
    assert_int_equal(n, 3);
    NWT_OK(nw_network_tie_count(&n, x.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    NWT_OK(nw_network_tie_count(&n, y.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    NWT_OK(nw_actor_tie_count(&n, y.c, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    NWT_OK(nw_actor_tie_count(&n, x.c, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    nw_tie_free(tx);
    nw_tie_free(ty);
    drop(&x);
    drop(&y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_add),
        NWT_TEST(test_add_rejects),
        NWT_TEST(test_ids_never_reused),
        NWT_TEST(test_dup_equal_id),
        NWT_TEST(test_members),
        NWT_TEST(test_dates),
        NWT_TEST(test_imposed_and_label),
        NWT_TEST(test_topics),
        NWT_TEST(test_goals),
        NWT_TEST(test_interactions),
        NWT_TEST(test_remove),
        NWT_TEST(test_cross_network),
        NWT_TEST(test_first_use_allocation_fails),
    };
    return NWT_RUN(tests);
}
