/*
 * netzwerk/network.h: creating a network, its name, topics, goals and counts.
 * (Lifetime and zombies: test_lifetime.c.)
 */
#include "nwtest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_new_and_name(void **state)
{
    (void)state;
    nw_network *net = NULL;
    NWT_OK(nw_network_new(&net, "Sichere Schulwege Nord"));
    assert_non_null(net);
    const char *name = NULL;
    NWT_OK(nw_network_name(&name, net));
    assert_string_equal(name, "Sichere Schulwege Nord");

    size_t n = 99;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 0);
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    NWT_OK(nw_network_topic_count(&n, net));
    assert_int_equal(n, 0);
    NWT_OK(nw_network_goal_count(&n, net));
    assert_int_equal(n, 0);
    nw_network_free(net);
    nw_network_free(NULL);
}

static void test_name_is_copied(void **state)
{
    (void)state;
    char buf[] = "Quartiersnetz";
    nw_network *net = nwt_network(buf);
    buf[0] = 'X';
    const char *name;
    NWT_OK(nw_network_name(&name, net));
    assert_string_equal(name, "Quartiersnetz");
    nw_network_free(net);
}

static void test_new_rejects(void **state)
{
    (void)state;
    nw_network *net = (nw_network *)(uintptr_t)0x1234; /* must stay untouched */
    NWT_EXPECT(NW_EINVAL, nw_network_new(NULL, "Netz"));
    NWT_EXPECT(NW_EINVAL, nw_network_new(&net, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_new(&net, ""));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_network_new(&net, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_network_new(&net, nwt_bad_line[i]));
    char *long_name = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_network_new(&net, long_name));
    free(long_name);
    assert_ptr_equal(net, (nw_network *)(uintptr_t)0x1234);
}

static void test_name_limits(void **state)
{
    (void)state;
    for (size_t i = 0; nwt_good_utf8[i]; i++) {
        nw_network *net = nwt_network(nwt_good_utf8[i]);
        const char *name;
        NWT_OK(nw_network_name(&name, net));
        assert_string_equal(name, nwt_good_utf8[i]);
        nw_network_free(net);
    }
    char *max = nwt_text_of_len(NW_TEXT_MAX);
    nw_network *net = nwt_network(max);
    const char *name;
    NWT_OK(nw_network_name(&name, net));
    assert_int_equal(strlen(name), NW_TEXT_MAX);
    assert_string_equal(name, max);
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, over));
    NWT_OK(nw_network_name(&name, net));
    assert_string_equal(name, max);
    free(max);
    free(over);
    nw_network_free(net);
}

static void test_set_name(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Alt");
    NWT_OK(nw_network_set_name(net, "Neu"));
    const char *name;
    NWT_OK(nw_network_name(&name, net));
    assert_string_equal(name, "Neu");
    NWT_OK(nw_network_set_name(net, "Neu")); /* same name again */

    /* refused names leave the old one */
    NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, ""));
    NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_set_name(NULL, "X"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, nwt_bad_line[i]));
    NWT_OK(nw_network_name(&name, net));
    assert_string_equal(name, "Neu");

    const char *out = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_network_name(NULL, net));
    NWT_EXPECT(NW_EINVAL, nw_network_name(&out, NULL));
    assert_string_equal(out, "untouched");
    nw_network_free(net);
}

/* Topics and goals share one contract; run it through function pointers. */
typedef struct set_api {
    int (*add)(nw_network *, const char *);
    int (*remove)(nw_network *, const char *);
    int (*count)(size_t *, const nw_network *);
    int (*get)(const char **, const nw_network *, size_t);
} set_api;

static const set_api topics = { nw_network_topic_add, nw_network_topic_remove,
                                nw_network_topic_count, nw_network_topic };
static const set_api goals = { nw_network_goal_add, nw_network_goal_remove,
                               nw_network_goal_count, nw_network_goal };

static void expect_items(const set_api *api, const nw_network *net, const char *const *want,
                         size_t n)
{
    size_t count = 99;
    NWT_OK(api->count(&count, net));
    assert_int_equal(count, n);
    for (size_t i = 0; i < n; i++) {
        const char *s = NULL;
        NWT_OK(api->get(&s, net, i));
        assert_string_equal(s, want[i]);
    }
    const char *s = "untouched";
    NWT_EXPECT(NW_ENOTFOUND, api->get(&s, net, n));
    NWT_EXPECT(NW_ENOTFOUND, api->get(&s, net, n + 1));
    NWT_EXPECT(NW_ENOTFOUND, api->get(&s, net, SIZE_MAX));
    assert_string_equal(s, "untouched");
}

static void check_ordered_set(const set_api *api)
{
    nw_network *net = nwt_network("Netz");
    expect_items(api, net, NULL, 0);

    NWT_OK(api->add(net, "Sichere Schulwege"));
    NWT_OK(api->add(net, "Spielplätze"));
    NWT_OK(api->add(net, "Müll"));
    /* byte for byte: case and normalisation make different items */
    NWT_OK(api->add(net, "spielplätze"));
    NWT_OK(api->add(net, "Mu\xcc\x88ll"));
    NWT_EXPECT(NW_EEXISTS, api->add(net, "Spielplätze"));
    NWT_EXPECT(NW_EEXISTS, api->add(net, "Sichere Schulwege"));
    {
        const char *want[] = { "Sichere Schulwege", "Spielplätze", "Müll", "spielplätze",
                               "Mu\xcc\x88ll" };
        expect_items(api, net, want, 5);
    }

    /* removing one keeps the order of the others */
    NWT_OK(api->remove(net, "Spielplätze"));
    NWT_EXPECT(NW_ENOTFOUND, api->remove(net, "Spielplätze"));
    NWT_EXPECT(NW_ENOTFOUND, api->remove(net, "nie dagewesen"));
    NWT_EXPECT(NW_ENOTFOUND, api->remove(net, "sichere schulwege"));
    {
        const char *want[] = { "Sichere Schulwege", "Müll", "spielplätze", "Mu\xcc\x88ll" };
        expect_items(api, net, want, 4);
    }
    /* re-adding puts it at the end */
    NWT_OK(api->add(net, "Spielplätze"));
    {
        const char *want[] = { "Sichere Schulwege", "Müll", "spielplätze", "Mu\xcc\x88ll",
                               "Spielplätze" };
        expect_items(api, net, want, 5);
    }

    /* invalid text changes nothing */
    NWT_EXPECT(NW_EINVAL, api->add(net, ""));
    NWT_EXPECT(NW_EINVAL, api->add(net, NULL));
    NWT_EXPECT(NW_EINVAL, api->add(NULL, "X"));
    for (size_t i = 0; nwt_bad_utf8[i]; i++)
        NWT_EXPECT(NW_EINVAL, api->add(net, nwt_bad_utf8[i]));
    for (size_t i = 0; nwt_bad_line[i]; i++)
        NWT_EXPECT(NW_EINVAL, api->add(net, nwt_bad_line[i]));
    char *over = nwt_text_of_len(NW_TEXT_MAX + 1);
    NWT_EXPECT(NW_EINVAL, api->add(net, over));
    free(over);
    NWT_EXPECT(NW_EINVAL, api->remove(net, NULL));
    NWT_EXPECT(NW_EINVAL, api->remove(NULL, "Müll"));
    size_t n = 7;
    NWT_EXPECT(NW_EINVAL, api->count(NULL, net));
    NWT_EXPECT(NW_EINVAL, api->count(&n, NULL));
    assert_int_equal(n, 7);
    const char *s = "untouched";
    NWT_EXPECT(NW_EINVAL, api->get(NULL, net, 0));
    NWT_EXPECT(NW_EINVAL, api->get(&s, NULL, 0));
    assert_string_equal(s, "untouched");
    {
        const char *want[] = { "Sichere Schulwege", "Müll", "spielplätze", "Mu\xcc\x88ll",
                               "Spielplätze" };
        expect_items(api, net, want, 5);
    }

    /* the longest text accepted */
    char *max = nwt_text_of_len(NW_TEXT_MAX);
    NWT_OK(api->add(net, max));
    NWT_OK(api->get(&s, net, 5));
    assert_string_equal(s, max);
    free(max);

    /* remove everything */
    while (api->count(&n, net) == NW_OK && n > 0) {
        NWT_OK(api->get(&s, net, 0));
        char copy[NW_TEXT_MAX + 1];
        strcpy(copy, s);
        NWT_OK(api->remove(net, copy));
    }
    expect_items(api, net, NULL, 0);
    nw_network_free(net);
}

static void test_topics(void **state)
{
    (void)state;
    check_ordered_set(&topics);
}

static void test_goals(void **state)
{
    (void)state;
    check_ordered_set(&goals);
}

static void test_topics_and_goals_are_separate(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    NWT_OK(nw_network_topic_add(net, "Schule"));
    NWT_OK(nw_network_goal_add(net, "Schule"));
    NWT_EXPECT(NW_ENOTFOUND, nw_network_goal_remove(net, "Sichere Schulwege bis 2027"));
    NWT_OK(nw_network_topic_remove(net, "Schule"));
    size_t n;
    NWT_OK(nw_network_goal_count(&n, net));
    assert_int_equal(n, 1);
    nw_network_free(net);
}

static void test_counts(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "A");
    nw_actor *b = nwt_actor(net, "B");
    nw_actor *c = nwt_actor(net, "C");
    nw_tie *t[5];
    t[0] = nwt_tie(net, NW_FORM_BEGEGNUNG, a, b, NULL, "2026-01-01");
    t[1] = nwt_tie(net, NW_FORM_KOOPERATION, a, b, c, "2026-01-01");
    t[2] = nwt_tie(net, NW_FORM_KONTAKT, a, c, NULL, "2026-01-01");
    t[3] = nwt_tie(net, NW_FORM_KONTAKT, b, c, NULL, "2026-01-01");
    t[4] = nwt_tie(net, NW_FORM_GRUPPE, a, b, c, "2026-01-01");

    size_t n = 99;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 3);
    const struct { unsigned mask; size_t want; } cases[] = {
        { NW_FORM_MASK_ALL, 5 },
        { NW_FORM_MASK_STRONG, 2 },
        { NW_FORM_MASK_WEAK, 3 },
        { NW_FORM_BIT(NW_FORM_BEGEGNUNG), 1 },
        { NW_FORM_BIT(NW_FORM_KOOPERATION), 1 },
        { NW_FORM_BIT(NW_FORM_KONTAKT), 2 },
        { NW_FORM_BIT(NW_FORM_GRUPPE), 1 },
        { NW_FORM_BIT(NW_FORM_KONTAKT) | NW_FORM_BIT(NW_FORM_GRUPPE), 3 },
        { 0, 0 }, /* no form selected: nothing counted */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        n = 99;
        NWT_OK(nw_network_tie_count(&n, net, cases[i].mask));
        assert_int_equal(n, cases[i].want);
    }
    n = 99;
    NWT_EXPECT(NW_EINVAL, nw_network_tie_count(&n, net, 0x10));
    NWT_EXPECT(NW_EINVAL, nw_network_tie_count(&n, net, NW_FORM_MASK_ALL | 0x100));
    NWT_EXPECT(NW_EINVAL, nw_network_tie_count(&n, net, ~0u));
    NWT_EXPECT(NW_EINVAL, nw_network_tie_count(NULL, net, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_network_tie_count(&n, NULL, NW_FORM_MASK_ALL));
    NWT_EXPECT(NW_EINVAL, nw_network_actor_count(NULL, net));
    NWT_EXPECT(NW_EINVAL, nw_network_actor_count(&n, NULL));
    assert_int_equal(n, 99);

    /* removing counts down */
    NWT_OK(nw_tie_remove(t[2]));
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_BIT(NW_FORM_KONTAKT)));
    assert_int_equal(n, 1);
    NWT_OK(nw_actor_remove(c)); /* t[3] (b, c) goes with it; t[1], t[4] keep a, b */
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 2);
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 3);
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_MASK_WEAK));
    assert_int_equal(n, 1);

    for (int i = 0; i < 5; i++)
        nw_tie_free(t[i]);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_network_free(net);
}

static void test_networks_are_independent(void **state)
{
    (void)state;
    nw_network *x = nwt_network("X");
    nw_network *y = nwt_network("Y");
    nw_actor *ax = nwt_actor(x, "Maria");
    nw_actor *ay = nwt_actor(y, "Maria"); /* names are unique per network only */
    NWT_OK(nw_network_topic_add(x, "Schule"));
    NWT_OK(nw_network_topic_add(y, "Schule"));
    assert_int_equal(nwt_actor_id(ax), 1);
    assert_int_equal(nwt_actor_id(ay), 1); /* identity spaces are per network */
    size_t n;
    NWT_OK(nw_network_actor_count(&n, y));
    assert_int_equal(n, 1);
    nw_actor_free(ax);
    nw_actor_free(ay);
    nw_network_free(x);
    nw_network_free(y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_new_and_name),
        NWT_TEST(test_name_is_copied),
        NWT_TEST(test_new_rejects),
        NWT_TEST(test_name_limits),
        NWT_TEST(test_set_name),
        NWT_TEST(test_topics),
        NWT_TEST(test_goals),
        NWT_TEST(test_topics_and_goals_are_separate),
        NWT_TEST(test_counts),
        NWT_TEST(test_networks_are_independent),
    };
    return NWT_RUN(tests);
}
