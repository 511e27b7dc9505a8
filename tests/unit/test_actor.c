/*
 * netzwerk/actor.h: adding, finding, naming, contacts, interests, consent,
 * joining date, attributes, removal. (Stale handles: test_lifetime.c.)
 */
#include "nwtest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BAD_KIND_1 ((nw_actor_kind)3)
#define BAD_KIND_2 ((nw_actor_kind)-1)
#define BAD_CHANNEL_1 ((nw_channel)4)
#define BAD_CHANNEL_2 ((nw_channel)-1)
#define BOGUS_ACTOR ((nw_actor *)(uintptr_t)0x1234)

/* ---- adding and finding ---------------------------------------------------- */

static void test_add(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = NULL;
    NWT_OK(nw_actor_add(&a, net, NW_ACTOR_ORGANISATION, "Grundschule am Park"));
    assert_non_null(a);
    nw_actor_kind kind = NW_ACTOR_PERSON;
    NWT_OK(nw_actor_kind_get(&kind, a));
    assert_int_equal(kind, NW_ACTOR_ORGANISATION);
    const char *name;
    NWT_OK(nw_actor_name(&name, a));
    assert_string_equal(name, "Grundschule am Park");

    /* the handle is optional */
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_GROUP, "Elterninitiative"));
    nw_actor *g;
    NWT_OK(nw_actor_lookup_name(&g, net, "Elterninitiative"));
    NWT_OK(nw_actor_kind_get(&kind, g));
    assert_int_equal(kind, NW_ACTOR_GROUP);

    /* a new actor has nothing recorded yet */
    size_t n = 99;
    NWT_OK(nw_actor_contact_count(&n, g));
    assert_int_equal(n, 0);
    NWT_OK(nw_actor_interest_count(&n, g));
    assert_int_equal(n, 0);
    NWT_OK(nw_actor_attr_count(&n, g));
    assert_int_equal(n, 0);
    NWT_OK(nw_actor_tie_count(&n, g, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    nw_date given = 0, withdrawn = 0, joined = 0;
    NWT_OK(nw_actor_consent(&given, &withdrawn, g));
    assert_int_equal(given, NW_DATE_NONE);
    assert_int_equal(withdrawn, NW_DATE_NONE);
    NWT_OK(nw_actor_joined(&joined, g));
    assert_int_equal(joined, NW_DATE_NONE);

    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 2);
    nw_actor_free(a);
    nw_actor_free(g);
    nw_network_free(net);
}

static void test_add_rejects(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = BOGUS_ACTOR;
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, NULL, NW_ACTOR_PERSON, "X"));
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, NW_ACTOR_PERSON, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, NW_ACTOR_PERSON, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, BAD_KIND_1, "X"));
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, BAD_KIND_2, "X"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, NW_ACTOR_PERSON, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, NW_ACTOR_PERSON, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_actor_add(&a, net, NW_ACTOR_PERSON, over));
    free(over);
    assert_ptr_equal(a, BOGUS_ACTOR);

    /* nothing was added, and no identity used up */
    size_t n = 99;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 0);
    nw_actor *first = nwt_actor(net, "Erste");
    assert_int_equal(nwt_actor_id(first), 1);

    /* valid edge cases are accepted */
    for (size_t i = 0; nwt_good_utf8[i]; i++)
        NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, nwt_good_utf8[i]));
    char *max = nwt_text_of_len(NW_TEXT_MAX);
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, max));
    nw_actor *m;
    NWT_OK(nw_actor_lookup_name(&m, net, max));
    free(max);
    nw_actor_free(m);
    nw_actor_free(first);
    nw_network_free(net);
}

static void test_names_unique(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *maria = nwt_actor(net, "Maria Müller");
    nw_actor *a = BOGUS_ACTOR;
    NWT_EXPECT(NW_EEXISTS, nw_actor_add(&a, net, NW_ACTOR_PERSON, "Maria Müller"));
    NWT_EXPECT(NW_EEXISTS, nw_actor_add(&a, net, NW_ACTOR_ORGANISATION, "Maria Müller"));
    assert_ptr_equal(a, BOGUS_ACTOR);
    /* byte for byte: other case, other normalisation, extra text are other names */
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "maria müller"));
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "Maria Mu\xcc\x88ller"));
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "Maria Müller (Kita)"));
    NWT_OK(nw_actor_add(NULL, net, NW_ACTOR_PERSON, "Maria Müller "));
    size_t n;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 5);
    nw_actor_free(maria);
    nw_network_free(net);
}

static void test_ids_stable_never_reused(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a1 = nwt_actor(net, "Eins");
    nw_actor *a2 = nwt_actor(net, "Zwei");
    nw_actor *a3 = nwt_actor(net, "Drei");
    assert_int_equal(nwt_actor_id(a1), 1);
    assert_int_equal(nwt_actor_id(a2), 2);
    assert_int_equal(nwt_actor_id(a3), 3);

    NWT_OK(nw_actor_remove(a2));
    nw_actor *a4 = nwt_actor(net, "Vier");
    assert_int_equal(nwt_actor_id(a4), 4);
    /* even with the removed actor's name */
    nw_actor *a5 = nwt_actor(net, "Zwei");
    assert_int_equal(nwt_actor_id(a5), 5);

    nw_actor *x = BOGUS_ACTOR;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&x, net, 2));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&x, net, NW_ID_NONE));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&x, net, 6));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&x, net, UINT32_MAX));
    assert_ptr_equal(x, BOGUS_ACTOR);

    /* the others kept their identities and data */
    NWT_OK(nw_actor_lookup(&x, net, 3));
    const char *name;
    NWT_OK(nw_actor_name(&name, x));
    assert_string_equal(name, "Drei");
    bool eq = false;
    NWT_OK(nw_actor_equal(&eq, x, a3));
    assert_true(eq);
    nw_actor_free(x);

    /* the stale handle on 2 does not reach the new "Zwei" */
    NWT_EXPECT(NW_ESTALE, nw_actor_name(&name, a2));
    NWT_OK(nw_actor_equal(&eq, a2, a5));
    assert_false(eq);

    /* removing the newest does not give its identity away either */
    NWT_OK(nw_actor_remove(a5));
    nw_actor *a6 = nwt_actor(net, "Sechs");
    assert_int_equal(nwt_actor_id(a6), 6);

    nw_actor_free(a1);
    nw_actor_free(a2);
    nw_actor_free(a3);
    nw_actor_free(a4);
    nw_actor_free(a5);
    nw_actor_free(a6);
    nw_network_free(net);
}

static void test_lookup(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Jugendzentrum Ost");
    nw_actor *h = NULL;
    bool eq = false;
    NWT_OK(nw_actor_lookup(&h, net, 1));
    NWT_OK(nw_actor_equal(&eq, h, a));
    assert_true(eq);
    nw_actor_free(h);
    h = NULL;
    NWT_OK(nw_actor_lookup_name(&h, net, "Jugendzentrum Ost"));
    NWT_OK(nw_actor_equal(&eq, h, a));
    assert_true(eq);
    assert_ptr_not_equal(h, a); /* a new handle */
    nw_actor_free(h);

    h = BOGUS_ACTOR;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&h, net, "jugendzentrum ost"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&h, net, "Jugendzentrum"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&h, net, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_lookup_name(&h, net, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_lookup_name(&h, NULL, "Jugendzentrum Ost"));
    NWT_EXPECT(NW_EINVAL, nw_actor_lookup_name(NULL, net, "Jugendzentrum Ost"));
    NWT_EXPECT(NW_EINVAL, nw_actor_lookup(NULL, net, 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_lookup(&h, NULL, 1));
    assert_ptr_equal(h, BOGUS_ACTOR);

    /* removed actors are not found by name */
    NWT_OK(nw_actor_remove(a));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&h, net, "Jugendzentrum Ost"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&h, net, 1));
    nw_actor_free(a);
    nw_network_free(net);
}

static void test_dup_equal_id(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_network *other = nwt_network("Anderes Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor *b = nwt_actor(net, "B");
    nw_actor *oa = nwt_actor(other, "A"); /* identity 1 too, but another network */
    nw_actor *d = NULL;
    bool eq;

    NWT_OK(nw_actor_dup(&d, a));
    assert_non_null(d);
    assert_ptr_not_equal(d, a);
    NWT_OK(nw_actor_equal(&eq, a, d));
    assert_true(eq);
    NWT_OK(nw_actor_equal(&eq, a, a));
    assert_true(eq);
    NWT_OK(nw_actor_equal(&eq, a, b));
    assert_false(eq);
    NWT_OK(nw_actor_equal(&eq, a, oa));
    assert_false(eq);
    assert_int_equal(nwt_actor_id(oa), nwt_actor_id(a));

    /* freeing one handle leaves the other working, and the actor in place */
    nw_actor_free(a);
    const char *name;
    NWT_OK(nw_actor_name(&name, d));
    assert_string_equal(name, "A");

    /* on stale handles: id, equal and dup still work */
    NWT_OK(nw_actor_remove(d));
    nw_actor *d2 = NULL;
    NWT_OK(nw_actor_dup(&d2, d));
    NWT_OK(nw_actor_equal(&eq, d, d2));
    assert_true(eq);
    nw_id id = 0;
    NWT_OK(nw_actor_id(&id, d2));
    assert_int_equal(id, 1);
    NWT_EXPECT(NW_ESTALE, nw_actor_name(&name, d2));

    eq = true;
    NWT_EXPECT(NW_EINVAL, nw_actor_equal(NULL, b, b));
    NWT_EXPECT(NW_EINVAL, nw_actor_equal(&eq, NULL, b));
    NWT_EXPECT(NW_EINVAL, nw_actor_equal(&eq, b, NULL));
    assert_true(eq);
    id = 77;
    NWT_EXPECT(NW_EINVAL, nw_actor_id(&id, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_id(NULL, b));
    assert_int_equal(id, 77);
    nw_actor *x = BOGUS_ACTOR;
    NWT_EXPECT(NW_EINVAL, nw_actor_dup(&x, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_dup(NULL, b));
    assert_ptr_equal(x, BOGUS_ACTOR);

    nw_actor_free(NULL);
    nw_actor_free(b);
    nw_actor_free(d);
    nw_actor_free(d2);
    nw_actor_free(oa);
    nw_network_free(net);
    nw_network_free(other);
}

/* ---- kind and name --------------------------------------------------------- */

static void test_kind(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor_kind k;
    NWT_OK(nw_actor_set_kind(a, NW_ACTOR_ORGANISATION));
    NWT_OK(nw_actor_kind_get(&k, a));
    assert_int_equal(k, NW_ACTOR_ORGANISATION);
    NWT_EXPECT(NW_EINVAL, nw_actor_set_kind(a, BAD_KIND_1));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_kind(a, BAD_KIND_2));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_kind(NULL, NW_ACTOR_GROUP));
    NWT_OK(nw_actor_kind_get(&k, a));
    assert_int_equal(k, NW_ACTOR_ORGANISATION);
    k = NW_ACTOR_GROUP;
    NWT_EXPECT(NW_EINVAL, nw_actor_kind_get(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_kind_get(&k, NULL));
    assert_int_equal(k, NW_ACTOR_GROUP);
    assert_int_equal(NW_ACTOR_PERSON, 0);
    assert_int_equal(NW_ACTOR_GROUP, 1);
    assert_int_equal(NW_ACTOR_ORGANISATION, 2);
    nw_actor_free(a);
    nw_network_free(net);
}

static void test_rename(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria Müller");
    nw_actor *b = nwt_actor(net, "Hans Schmidt");
    const char *name;

    NWT_OK(nw_actor_set_name(a, "Maria Müller")); /* to its own name */
    NWT_OK(nw_actor_set_name(a, "Maria Müller (Kita)"));
    NWT_OK(nw_actor_name(&name, a));
    assert_string_equal(name, "Maria Müller (Kita)");

    /* the name index follows the rename */
    nw_actor *h = BOGUS_ACTOR;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&h, net, "Maria Müller"));
    NWT_OK(nw_actor_lookup_name(&h, net, "Maria Müller (Kita)"));
    assert_int_equal(nwt_actor_id(h), 1);
    nw_actor_free(h);
    /* the old name is free again */
    nw_actor *c = nwt_actor(net, "Maria Müller");
    assert_int_equal(nwt_actor_id(c), 3);

    NWT_EXPECT(NW_EEXISTS, nw_actor_set_name(b, "Maria Müller"));
    NWT_EXPECT(NW_EEXISTS, nw_actor_set_name(b, "Maria Müller (Kita)"));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_name(b, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_name(b, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_name(NULL, "X"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_set_name(b, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_set_name(b, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_actor_set_name(b, over));
    free(over);
    NWT_OK(nw_actor_name(&name, b));
    assert_string_equal(name, "Hans Schmidt");
    NWT_OK(nw_actor_lookup_name(&h, net, "Hans Schmidt"));
    nw_actor_free(h);

    name = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_actor_name(NULL, b));
    NWT_EXPECT(NW_EINVAL, nw_actor_name(&name, NULL));
    assert_string_equal(name, "untouched");

    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

/* ---- contacts ----------------------------------------------------------------- */

static void expect_contact(const nw_actor *a, size_t i, nw_channel ch, const char *value)
{
    nw_channel got_ch = BAD_CHANNEL_1;
    const char *got = NULL;
    NWT_OK(nw_actor_contact(&got_ch, &got, a, i));
    assert_int_equal(got_ch, ch);
    assert_string_equal(got, value);
}

static void test_contacts(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Kita Sonnenschein");
    size_t n = 99;

    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "leitung@kita.example"));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_PHONE, "+49 30 1234567"));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_POSTAL, "Parkweg 3\n12345 Musterstadt"));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_OTHER, "über das Büro der Kita"));
    /* the same value on another channel is another contact */
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_OTHER, "leitung@kita.example"));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "Leitung@kita.example"));
    NWT_OK(nw_actor_contact_count(&n, a));
    assert_int_equal(n, 6);
    expect_contact(a, 0, NW_CHANNEL_EMAIL, "leitung@kita.example");
    expect_contact(a, 1, NW_CHANNEL_PHONE, "+49 30 1234567");
    expect_contact(a, 2, NW_CHANNEL_POSTAL, "Parkweg 3\n12345 Musterstadt");
    expect_contact(a, 3, NW_CHANNEL_OTHER, "über das Büro der Kita");
    expect_contact(a, 4, NW_CHANNEL_OTHER, "leitung@kita.example");
    expect_contact(a, 5, NW_CHANNEL_EMAIL, "Leitung@kita.example");

    /* duplicates */
    NWT_EXPECT(NW_EEXISTS, nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "leitung@kita.example"));
    NWT_EXPECT(NW_EEXISTS, nw_actor_contact_add(a, NW_CHANNEL_PHONE, "+49 30 1234567"));

    /* e-mail addresses need exactly one '@' with text on both sides */
    static const char *const bad_mail[] = { "leitung", "@kita.example", "leitung@",
                                            "a@@b", "a@b@c", "@", "" };
    for (size_t i = 0; i < sizeof bad_mail / sizeof bad_mail[0]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_EMAIL, bad_mail[i]));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_OTHER, "@kita_sonnenschein")); /* free text */
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "a@b"));

    /* other invalid values */
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_PHONE, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_PHONE, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(NULL, NW_CHANNEL_PHONE, "123"));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, BAD_CHANNEL_1, "123"));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, BAD_CHANNEL_2, "123"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++) {
        NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_POSTAL, nwt_bad_utf8[i]));
        NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_OTHER, nwt_bad_utf8[i]));
    }
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "m\xfcller@kita.example"));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_add(a, NW_CHANNEL_OTHER, over));
    free(over);
    char *max = nwt_text_of_len(NW_TEXT_MAX);
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_OTHER, max));
    free(max);
    NWT_OK(nw_actor_contact_count(&n, a));
    assert_int_equal(n, 9);

    /* reading out of range and with NULLs */
    nw_channel ch = NW_CHANNEL_PHONE;
    const char *v = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact(&ch, &v, a, 9));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact(&ch, &v, a, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact(NULL, &v, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact(&ch, NULL, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact(&ch, &v, NULL, 0));
    assert_int_equal(ch, NW_CHANNEL_PHONE);
    assert_string_equal(v, "untouched");
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_count(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_count(&n, NULL));

    /* removing: later ones move up */
    NWT_OK(nw_actor_contact_remove(a, 1));
    NWT_OK(nw_actor_contact_count(&n, a));
    assert_int_equal(n, 8);
    expect_contact(a, 0, NW_CHANNEL_EMAIL, "leitung@kita.example");
    expect_contact(a, 1, NW_CHANNEL_POSTAL, "Parkweg 3\n12345 Musterstadt");
    expect_contact(a, 2, NW_CHANNEL_OTHER, "über das Büro der Kita");
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact_remove(a, 8));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact_remove(a, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_actor_contact_remove(NULL, 0));
    /* a removed contact may be added again */
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_PHONE, "+49 30 1234567"));
    expect_contact(a, 8, NW_CHANNEL_PHONE, "+49 30 1234567");
    while (nw_actor_contact_count(&n, a) == NW_OK && n > 0)
        NWT_OK(nw_actor_contact_remove(a, n - 1));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact_remove(a, 0));
    nw_actor_free(a);
    nw_network_free(net);
}

/* ---- interests ---------------------------------------------------------------- */

static void expect_interests(const nw_actor *a, const char *const *want, size_t n)
{
    size_t count = 99;
    NWT_OK(nw_actor_interest_count(&count, a));
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) {
        const char *s;
        NWT_OK(nw_actor_interest(&s, a, i));
        assert_string_equal(s, want[i]);
    }
    const char *s = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest(&s, a, n));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest(&s, a, SIZE_MAX));
    assert_string_equal(s, "untouched");
}

static void test_interests(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor *b = nwt_actor(net, "B");
    expect_interests(a, NULL, 0);
    NWT_OK(nw_actor_interest_add(a, "Verkehr"));
    NWT_OK(nw_actor_interest_add(a, "Schule"));
    NWT_OK(nw_actor_interest_add(a, "schule"));
    NWT_EXPECT(NW_EEXISTS, nw_actor_interest_add(a, "Schule"));
    NWT_OK(nw_actor_interest_add(b, "Schule")); /* per actor */
    {
        const char *want[] = { "Verkehr", "Schule", "schule" };
        expect_interests(a, want, 3);
    }
    NWT_OK(nw_actor_interest_remove(a, "Verkehr"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest_remove(a, "Verkehr"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest_remove(a, "Sport"));
    {
        const char *want[] = { "Schule", "schule" };
        expect_interests(a, want, 2);
    }
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(a, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(NULL, "X"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(a, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(a, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_add(a, over));
    free(over);
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_remove(a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_remove(NULL, "Schule"));
    size_t n = 5;
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_count(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_interest_count(&n, NULL));
    const char *s = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_actor_interest(NULL, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_interest(&s, NULL, 0));
    assert_int_equal(n, 5);
    assert_string_equal(s, "untouched");
    {
        const char *want[] = { "Schule", "schule" };
        expect_interests(a, want, 2);
    }
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* ---- consent -------------------------------------------------------------------- */

static bool consent_on(const nw_actor *a, const char *day)
{
    bool b = false;
    NWT_OK(nw_actor_has_consent(&b, a, nwt_date(day)));
    return b;
}

static void test_consent(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    nw_date given, withdrawn;

    /* none yet */
    assert_false(consent_on(a, "2026-01-10"));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, nwt_date("2026-01-10")));

    NWT_OK(nw_actor_consent_give(a, nwt_date("2026-01-10")));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-01-10"));
    assert_int_equal(withdrawn, NW_DATE_NONE);
    assert_false(consent_on(a, "2026-01-09"));
    assert_true(consent_on(a, "2026-01-10"));
    assert_true(consent_on(a, "2030-01-01"));
    assert_true(consent_on(a, "9999-12-31"));

    /* withdrawal: not before the consent */
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, nwt_date("2026-01-09")));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, NW_DATE_MAX + 1));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(withdrawn, NW_DATE_NONE);
    NWT_OK(nw_actor_consent_withdraw(a, nwt_date("2026-03-01")));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-01-10"));
    assert_int_equal(withdrawn, nwt_date("2026-03-01"));
    assert_true(consent_on(a, "2026-02-28"));
    assert_false(consent_on(a, "2026-03-01")); /* withdrawn on or before */
    assert_false(consent_on(a, "2027-01-01"));
    assert_false(consent_on(a, "2026-01-09"));
    /* already withdrawn */
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, nwt_date("2026-04-01")));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(withdrawn, nwt_date("2026-03-01"));

    /* consenting again starts a new consent */
    NWT_OK(nw_actor_consent_give(a, nwt_date("2026-05-01")));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-05-01"));
    assert_int_equal(withdrawn, NW_DATE_NONE);
    assert_true(consent_on(a, "2026-05-01"));
    assert_false(consent_on(a, "2026-04-30"));
    /* the old consent stays on record (issue 8): on 2026-02-01 it was in force */
    assert_true(consent_on(a, "2026-02-01"));
    assert_false(consent_on(a, "2026-03-01"));

    /* withdrawal on the day of consent is allowed */
    NWT_OK(nw_actor_consent_withdraw(a, nwt_date("2026-05-01")));
    assert_false(consent_on(a, "2026-05-01"));

    /* invalid arguments */
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_give(a, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_give(a, NW_DATE_MIN - 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_give(a, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_give(NULL, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(NULL, 0));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-05-01"));
    assert_int_equal(withdrawn, nwt_date("2026-05-01"));
    bool b = true;
    NWT_EXPECT(NW_EINVAL, nw_actor_has_consent(&b, a, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_actor_has_consent(&b, a, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_has_consent(NULL, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_has_consent(&b, NULL, 0));
    assert_true(b);
    given = withdrawn = 5;
    NWT_EXPECT(NW_EINVAL, nw_actor_consent(NULL, &withdrawn, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent(&given, NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent(&given, &withdrawn, NULL));
    assert_int_equal(given, 5);
    assert_int_equal(withdrawn, 5);

    /* the range ends */
    NWT_OK(nw_actor_consent_give(a, NW_DATE_MIN));
    assert_true(consent_on(a, "0001-01-01"));
    NWT_OK(nw_actor_consent_withdraw(a, NW_DATE_MAX));
    assert_true(consent_on(a, "9999-12-30"));
    assert_false(consent_on(a, "9999-12-31"));

    nw_actor_free(a);
    nw_network_free(net);
}

/* ---- joined ------------------------------------------------------------------ */

static void test_joined(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_date d = 0;
    NWT_OK(nw_actor_set_joined(a, nwt_date("2025-09-01")));
    NWT_OK(nw_actor_joined(&d, a));
    assert_int_equal(d, nwt_date("2025-09-01"));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_joined(a, NW_DATE_MAX + 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_joined(a, NW_DATE_MIN - 1));
    NWT_EXPECT(NW_EINVAL, nw_actor_set_joined(NULL, 0));
    NWT_OK(nw_actor_joined(&d, a));
    assert_int_equal(d, nwt_date("2025-09-01"));
    NWT_OK(nw_actor_set_joined(a, NW_DATE_NONE));
    NWT_OK(nw_actor_joined(&d, a));
    assert_int_equal(d, NW_DATE_NONE);
    d = 3;
    NWT_EXPECT(NW_EINVAL, nw_actor_joined(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_joined(&d, NULL));
    assert_int_equal(d, 3);
    nw_actor_free(a);
    nw_network_free(net);
}

/* ---- attributes ----------------------------------------------------------- */

static void expect_attr(const nw_actor *a, size_t i, const char *key, const char *value)
{
    const char *k = NULL, *v = NULL;
    NWT_OK(nw_actor_attr(&k, &v, a, i));
    assert_string_equal(k, key);
    assert_string_equal(v, value);
}

static void test_attrs(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    size_t n = 99;

    NWT_OK(nw_actor_attr_set(a, "b", "2"));
    NWT_OK(nw_actor_attr_set(a, "ä", "umlaut"));
    NWT_OK(nw_actor_attr_set(a, "a", "1"));
    NWT_OK(nw_actor_attr_set(a, "Z", "zett"));
    NWT_OK(nw_actor_attr_set(a, "ab", ""));  /* empty value */
    NWT_OK(nw_actor_attr_set(a, "A1", "Zeile 1\nZeile 2\r\nZeile 3\tTab"));
    NWT_OK(nw_actor_attr_count(&n, a));
    assert_int_equal(n, 6);
    /* byte order of the keys: "A1" 0x41, "Z" 0x5A, "a" 0x61, "ab", "b", "ä" 0xC3 */
    expect_attr(a, 0, "A1", "Zeile 1\nZeile 2\r\nZeile 3\tTab");
    expect_attr(a, 1, "Z", "zett");
    expect_attr(a, 2, "a", "1");
    expect_attr(a, 3, "ab", "");
    expect_attr(a, 4, "b", "2");
    expect_attr(a, 5, "ä", "umlaut");

    const char *v = NULL;
    NWT_OK(nw_actor_attr_get(&v, a, "a"));
    assert_string_equal(v, "1");
    /* replacing keeps the count */
    NWT_OK(nw_actor_attr_set(a, "a", "eins"));
    NWT_OK(nw_actor_attr_get(&v, a, "a"));
    assert_string_equal(v, "eins");
    NWT_OK(nw_actor_attr_count(&n, a));
    assert_int_equal(n, 6);
    expect_attr(a, 2, "a", "eins");

    v = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_get(&v, a, "A"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_get(&v, a, "c"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_get(&v, a, ""));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_get(&v, a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_get(NULL, a, "a"));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_get(&v, NULL, "a"));
    assert_string_equal(v, "untouched");

    /* invalid keys and values change nothing */
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, "", "x"));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, NULL, "x"));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, "k", NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(NULL, "k", "x"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++) {
        NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, nwt_bad_utf8[i], "x"));
        NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, "a", nwt_bad_utf8[i]));
    }
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, nwt_bad_line[i], "x"));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, over, "x"));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_set(a, "a", over));
    free(over);
    NWT_OK(nw_actor_attr_get(&v, a, "a"));
    assert_string_equal(v, "eins");
    NWT_OK(nw_actor_attr_count(&n, a));
    assert_int_equal(n, 6);

    /* index access */
    const char *k = "untouched";
    v = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr(&k, &v, a, 6));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr(&k, &v, a, SIZE_MAX));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr(NULL, &v, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr(&k, NULL, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr(&k, &v, NULL, 0));
    assert_string_equal(k, "untouched");
    assert_string_equal(v, "untouched");
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_count(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_count(&n, NULL));

    /* removal keeps the order */
    NWT_OK(nw_actor_attr_remove(a, "Z"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_remove(a, "Z"));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_remove(a, "z"));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_remove(a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_attr_remove(NULL, "a"));
    NWT_OK(nw_actor_attr_count(&n, a));
    assert_int_equal(n, 5);
    expect_attr(a, 0, "A1", "Zeile 1\nZeile 2\r\nZeile 3\tTab");
    expect_attr(a, 1, "a", "eins");
    expect_attr(a, 4, "ä", "umlaut");
    /* a key sorting between existing ones lands in its place */
    NWT_OK(nw_actor_attr_set(a, "aa", "neu"));
    expect_attr(a, 2, "aa", "neu");
    expect_attr(a, 3, "ab", "");
    nw_actor_free(a);
    nw_network_free(net);
}

static void test_attrs_sorted_many(void **state)
{
    (void)state;
    /* insert keys in a scrambled order; the index order must be strcmp order */
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    char key[16];
    for (unsigned i = 0; i < 100; i++) {
        unsigned k = (i * 37u) % 100u; /* a permutation of 0..99 */
        snprintf(key, sizeof key, "k%u", k);
        NWT_OK(nw_actor_attr_set(a, key, key));
    }
    size_t n;
    NWT_OK(nw_actor_attr_count(&n, a));
    assert_int_equal(n, 100);
    const char *prev = NULL;
    for (size_t i = 0; i < n; i++) {
        const char *k, *v;
        NWT_OK(nw_actor_attr(&k, &v, a, i));
        assert_string_equal(k, v);
        if (prev)
            assert_true(strcmp(prev, k) < 0);
        prev = k;
    }
    nw_actor_free(a);
    nw_network_free(net);
}

/* ---- ties of an actor and removal ------------------------------------------- */

static size_t tie_count(const nw_actor *a, unsigned mask)
{
    size_t n = 99;
    NWT_OK(nw_actor_tie_count(&n, a, mask));
    return n;
}

static void test_tie_count(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor *b = nwt_actor(net, "B");
    nw_actor *c = nwt_actor(net, "C");
    nw_tie *t1 = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2026-01-01");
    nw_tie *t2 = nwt_tie(net, NW_FORM_KOOPERATION, a, b, c, "2026-01-01");
    nw_tie *t3 = nwt_tie(net, NW_FORM_GRUPPE, b, c, NULL, "2026-01-01");
    assert_int_equal(tie_count(a, NW_FORM_MASK_ALL), 2);
    assert_int_equal(tie_count(a, NW_FORM_MASK_STRONG), 1);
    assert_int_equal(tie_count(a, NW_FORM_MASK_WEAK), 1);
    assert_int_equal(tie_count(a, NW_FORM_BIT(NW_FORM_GRUPPE)), 0);
    assert_int_equal(tie_count(a, 0), 0);
    assert_int_equal(tie_count(b, NW_FORM_MASK_ALL), 3);
    assert_int_equal(tie_count(c, NW_FORM_MASK_STRONG), 2);
    size_t n = 42;
    NWT_EXPECT(NW_EINVAL, nw_actor_tie_count(&n, a, 0x10));
    NWT_EXPECT(NW_EINVAL, nw_actor_tie_count(&n, a, ~0u));
    NWT_EXPECT(NW_EINVAL, nw_actor_tie_count(NULL, a, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_actor_tie_count(&n, NULL, NW_FORM_MASK_ALL));
    assert_int_equal(n, 42);
    NWT_OK(nw_tie_remove(t2));
    assert_int_equal(tie_count(a, NW_FORM_MASK_ALL), 1);
    assert_int_equal(tie_count(c, NW_FORM_MASK_ALL), 1);
    nw_tie_free(t1);
    nw_tie_free(t2);
    nw_tie_free(t3);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

static void test_remove_semantics(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor *b = nwt_actor(net, "B");
    nw_actor *c = nwt_actor(net, "C");
    nw_actor *d = nwt_actor(net, "D");
    nw_tie *pair = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2026-01-01");   /* tie 1 */
    nw_tie *trio = nwt_tie(net, NW_FORM_KOOPERATION, a, b, c, "2026-01-01");  /* tie 2 */
    nw_tie *other = nwt_tie(net, NW_FORM_GRUPPE, c, d, NULL, "2026-01-01");   /* tie 3 */

    NWT_OK(nw_actor_remove(a));
    /* the tie of two is gone with it */
    NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&(size_t){ 0 }, pair));
    nw_tie *x = NULL;
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&x, net, 1));
    /* the tie of three keeps the other two */
    size_t n = 0;
    NWT_OK(nw_tie_member_count(&n, trio));
    assert_int_equal(n, 2);
    nw_actor *m;
    NWT_OK(nw_tie_member(&m, trio, 0));
    assert_int_equal(nwt_actor_id(m), 2);
    nw_actor_free(m);
    NWT_OK(nw_tie_member(&m, trio, 1));
    assert_int_equal(nwt_actor_id(m), 3);
    nw_actor_free(m);
    /* an unrelated tie is untouched */
    NWT_OK(nw_tie_member_count(&n, other));
    assert_int_equal(n, 2);
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 2);
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 3);
    assert_int_equal(tie_count(b, NW_FORM_MASK_ALL), 1);

    /* the actor handle is stale now */
    NWT_EXPECT(NW_ESTALE, nw_actor_remove(a));
    NWT_EXPECT(NW_EINVAL, nw_actor_remove(NULL));

    /* removing b leaves trio with one member: it goes too */
    NWT_OK(nw_actor_remove(b));
    NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&n, trio));
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    assert_int_equal(tie_count(c, NW_FORM_MASK_ALL), 1);

    /* tie identities are not reused either */
    nw_tie *t4 = nwt_tie(net, NW_FORM_BEGEGNUNG, c, d, NULL, "2026-02-01");
    assert_int_equal(nwt_tie_id(t4), 4);

    nw_tie_free(pair);
    nw_tie_free(trio);
    nw_tie_free(other);
    nw_tie_free(t4);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_actor_free(d);
    nw_network_free(net);
}

/* ---- first use of the rare fields ----------------------------------------------
 * An actor has no room for contacts, interests, consent records or
 * attributes until one is first set (issue 4: the record stays small). Fail
 * each allocation of each first use in turn, on actors of nw_actors_add: the
 * call returns NW_ENOMEM and leaves the network as it was; retried, it
 * succeeds. No block may leak (the fixture checks). */

#define NFIRST 4
static int first_use(void *ctx, int step)
{
    nw_actor **a = ctx;
    nw_consent c = NW_CONSENT_INIT;
    switch (step) {
    case 0: return nw_actor_contact_add(a[0], NW_CHANNEL_EMAIL, "ana@example.org");
    case 1: return nw_actor_interest_add(a[1], "Gärtnern");
    case 2:
        c.given = nwt_date("2026-05-01");
        c.purpose = "Fotos";
        c.source = "Formular";
        return nw_consent_add(NULL, a[2], &c);
    default: return nw_actor_attr_set(a[3], "Sprache", "Deutsch");
    }
}

static void test_first_use_allocation_fails(void **state)
{
    (void)state;
    static const char *const names[] = { "Ana", "Ben", "Cem", "Dora", "Eli" };
    long k;
    int met_by[NFIRST] = { 0 };
    for (k = 1;; k++) {
        nw_network *net = nwt_network("Netz");
        nw_actor *a[5];
        NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 5));
        for (nw_id i = 0; i < 5; i++)
            NWT_OK(nw_actor_lookup(&a[i], net, i + 1));
        nwt_failalloc_fail_at(k); /* after the set-up: its allocations do not count */
        for (int step = 0; step < NFIRST; step++)
            met_by[step] += nwt_step_all_or_nothing(net, k, step, first_use, a);
        bool met = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);

        /* Each actor got what its step set and nothing else. */
        const char *s = NULL;
        nw_channel ch = NW_CHANNEL_OTHER;
        nw_consent c;
        NWT_OK(nw_actor_contact(&ch, &s, a[0], 0));
        assert_int_equal(ch, NW_CHANNEL_EMAIL);
        assert_string_equal(s, "ana@example.org");
        NWT_OK(nw_actor_interest(&s, a[1], 0));
        assert_string_equal(s, "Gärtnern");
        NWT_OK(nw_consent_get(&c, a[2], 0));
        assert_string_equal(c.purpose, "Fotos");
        assert_string_equal(c.source, "Formular");
        assert_int_equal(c.given, nwt_date("2026-05-01"));
        NWT_OK(nw_actor_attr_get(&s, a[3], "Sprache"));
        assert_string_equal(s, "Deutsch");
        for (int i = 0; i < 5; i++) {
            size_t n = 99;
            NWT_OK(nw_actor_contact_count(&n, a[i]));
            assert_int_equal(n, i == 0);
            NWT_OK(nw_actor_interest_count(&n, a[i]));
            assert_int_equal(n, i == 1);
            NWT_OK(nw_consent_count(&n, a[i]));
            assert_int_equal(n, i == 2);
            NWT_OK(nw_actor_attr_count(&n, a[i]));
            assert_int_equal(n, i == 3);
        }
        /* The reading and removing calls on an actor that never had any. */
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact(&ch, &s, a[4], 0));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_contact_remove(a[4], 0));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest(&s, a[4], 0));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_interest_remove(a[4], "Gärtnern"));
        NWT_EXPECT(NW_EINVAL, nw_actor_interest_remove(a[4], NULL));
        NWT_EXPECT(NW_ENOTFOUND, nw_consent_get(&c, a[4], 0));
        NWT_EXPECT(NW_ENOTFOUND, nw_consent_withdraw(a[4], 0, nwt_date("2026-06-01")));
        NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a[4], nwt_date("2026-06-01")));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_get(&s, a[4], "Sprache"));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_remove(a[4], "Sprache"));
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr(&s, &s, a[4], 0));
        bool valid = true;
        NWT_OK(nw_actor_consent_valid(&valid, a[4], nwt_date("2026-06-01"), NULL));
        assert_false(valid);
        for (int i = 0; i < 5; i++)
            nw_actor_free(a[i]);
        nw_network_free(net);
        if (!met)
            break; /* allocation k is past the last one: each was failed once */
        if (k > 1000)
            NWT_FAIL("more than 1000 allocations");
    }
    nwt_every_step_met(met_by, NFIRST, k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_add),
        NWT_TEST(test_add_rejects),
        NWT_TEST(test_names_unique),
        NWT_TEST(test_ids_stable_never_reused),
        NWT_TEST(test_lookup),
        NWT_TEST(test_dup_equal_id),
        NWT_TEST(test_kind),
        NWT_TEST(test_rename),
        NWT_TEST(test_contacts),
        NWT_TEST(test_interests),
        NWT_TEST(test_consent),
        NWT_TEST(test_joined),
        NWT_TEST(test_attrs),
        NWT_TEST(test_attrs_sorted_many),
        NWT_TEST(test_tie_count),
        NWT_TEST(test_remove_semantics),
        NWT_TEST(test_first_use_allocation_fails),
    };
    return NWT_RUN(tests);
}
