/*
 * netzwerk/errors.h (and nw_version from common.h): codes, their messages,
 * the per-thread last error.
 */
#include "nwtest.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h> /* not <threads.h>: ThreadSanitizer does not intercept thrd_create here */

static const int all_codes[] = {
    NW_OK, NW_ERROR, NW_EINVAL, NW_ENOTFOUND, NW_EEXISTS, NW_ESTALE, NW_EFORMAT,
    NW_EIO, NW_ENOMEM, NW_ELIMIT, NW_EBUSY, NW_ITEROVER,
};
#define NCODES (sizeof all_codes / sizeof all_codes[0])

static void test_version(void **state)
{
    (void)state;
    const char *v = nw_version();
    assert_non_null(v);
    /* The tests are built with the library they link against. */
    assert_string_equal(v, NW_VERSION_STRING);
    char expect[32];
    snprintf(expect, sizeof expect, "%d.%d.%d", NW_VERSION_MAJOR, NW_VERSION_MINOR,
             NW_VERSION_PATCH);
    assert_string_equal(NW_VERSION_STRING, expect);
}

static void test_code_values(void **state)
{
    (void)state;
    /* The values are ABI: bindings and files depend on them. */
    assert_int_equal(NW_OK, 0);
    assert_int_equal(NW_ERROR, -1);
    assert_int_equal(NW_EINVAL, -2);
    assert_int_equal(NW_ENOTFOUND, -3);
    assert_int_equal(NW_EEXISTS, -4);
    assert_int_equal(NW_ESTALE, -5);
    assert_int_equal(NW_EFORMAT, -6);
    assert_int_equal(NW_EIO, -7);
    assert_int_equal(NW_ENOMEM, -8);
    assert_int_equal(NW_ELIMIT, -9);
    assert_int_equal(NW_EBUSY, -10);
    assert_int_equal(NW_ITEROVER, -31);
}

static void test_strerror_known_codes(void **state)
{
    (void)state;
    for (size_t i = 0; i < NCODES; i++) {
        const char *s = nw_strerror(all_codes[i]);
        assert_non_null(s);
        assert_true(strlen(s) > 0);
        assert_string_not_equal(s, "unknown error");
        /* a message for each code: no two codes share one */
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(s, nw_strerror(all_codes[j]));
        /* static: the same pointer every time */
        assert_ptr_equal(s, nw_strerror(all_codes[i]));
    }
}

static void test_strerror_unknown_codes(void **state)
{
    (void)state;
    const int unknown[] = { 1, 2, 31, -11, -30, -32, 12345, -12345, INT_MAX, INT_MIN };
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++)
        assert_string_equal(nw_strerror(unknown[i]), "unknown error");
}

static void test_strerror_sets_no_error(void **state)
{
    (void)state;
    nw_error_clear();
    (void)nw_strerror(NW_EINVAL);
    (void)nw_strerror(4711);
    (void)nw_version();
    assert_int_equal(nw_errcode(), NW_OK);
    assert_string_equal(nw_errmsg(), "no error");
}

static void test_clear(void **state)
{
    (void)state;
    nw_date d;
    assert_int_equal(nw_date_parse(&d, "2026-02-30"), NW_EINVAL);
    assert_int_equal(nw_errcode(), NW_EINVAL);
    assert_string_not_equal(nw_errmsg(), "no error");
    nw_error_clear();
    assert_int_equal(nw_errcode(), NW_OK);
    assert_string_equal(nw_errmsg(), "no error");
    assert_int_equal(nw_errpos(NULL, NULL), 0);
    /* clearing twice is harmless */
    nw_error_clear();
    assert_int_equal(nw_errcode(), NW_OK);
    assert_string_equal(nw_errmsg(), "no error");
}

static void test_success_does_not_reset(void **state)
{
    (void)state;
    nw_date d;
    assert_int_equal(nw_date_parse(&d, "not a date"), NW_EINVAL);
    const char *before = nw_errmsg();
    char copy[512];
    snprintf(copy, sizeof copy, "%s", before);

    assert_int_equal(nw_date_parse(&d, "2026-11-26"), NW_OK);
    nw_network *net = nwt_network("Sichere Schulwege");
    nw_network_free(net);

    assert_int_equal(nw_errcode(), NW_EINVAL);
    assert_string_equal(nw_errmsg(), copy);
}

/* nw_errpos belongs to the last failure, like the message: a success keeps
 * it, a failure without places clears it. */
static void test_places_follow_the_last_failure(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    const char *names[] = { "Ada", "Bea", "Ada" };
    size_t first = 99, second = 99;
    assert_int_equal(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 3), NW_EEXISTS);
    assert_int_equal(nw_errpos(&first, &second), 2);
    assert_int_equal(first, 0);
    assert_int_equal(second, 2);
    assert_int_equal(nw_errpos(NULL, NULL), 2); /* either output may be NULL */

    assert_int_equal(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 2), NW_OK);
    first = second = 99;
    assert_int_equal(nw_errpos(&first, &second), 2);
    assert_int_equal(first, 0);
    assert_int_equal(second, 2);

    const nw_id pairs[] = { 1, 2, 2, 7 };
    assert_int_equal(nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, 2, nwt_date("2026-01-01")),
                     NW_ENOTFOUND);
    first = second = 99;
    assert_int_equal(nw_errpos(&first, &second), 1);
    assert_int_equal(first, 3);
    assert_int_equal(second, 99); /* untouched */

    nw_date d;
    assert_int_equal(nw_date_parse(&d, "2026-13-01"), NW_EINVAL);
    first = 99;
    assert_int_equal(nw_errpos(&first, NULL), 0);
    assert_int_equal(first, 99);
    nw_network_free(net);
}

/* common.h: every string passed in is validated. Lookups and removals too:
 * text that no stored value can be is an invalid argument, not "not found"
 * (bindings raise a different exception for each). */
static void test_lookups_reject_invalid_text(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Kita");
    nw_actor *b = nwt_actor(net, "Büro");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2026-01-15");
    nw_checklist *cl;
    NWT_OK(nw_tie_checklist(&cl, t));
    NWT_OK(nw_network_topic_add(net, "Schulweg"));
    NWT_OK(nw_network_goal_add(net, "sicher"));
    NWT_OK(nw_actor_interest_add(a, "Lesen"));
    NWT_OK(nw_actor_attr_set(a, "Raum", "2"));
    char *before = nwt_fingerprint(net);
    for (size_t i = 0; nwt_bad_utf8[i] != NULL; i++) {
        const char *bad = nwt_bad_utf8[i];
        nw_actor *found = NULL;
        const char *value = NULL;
        const nw_rule *rule = NULL;
        nw_id item = NW_ID_NONE;
        NWT_EXPECT(NW_EINVAL, nw_actor_lookup_name(&found, net, bad));
        NWT_EXPECT(NW_EINVAL, nw_network_topic_remove(net, bad));
        NWT_EXPECT(NW_EINVAL, nw_network_goal_remove(net, bad));
        NWT_EXPECT(NW_EINVAL, nw_actor_interest_remove(a, bad));
        NWT_EXPECT(NW_EINVAL, nw_actor_attr_get(&value, a, bad));
        NWT_EXPECT(NW_EINVAL, nw_actor_attr_remove(a, bad));
        NWT_EXPECT(NW_EINVAL, nw_rule_find(&rule, bad));
        NWT_EXPECT(NW_EINVAL, nw_checklist_find(&item, cl, bad, NW_ID_NONE));
        assert_null(found);
        assert_null(value);
        assert_null(rule);
        assert_int_equal(item, NW_ID_NONE);
    }
    /* Valid text that is not there is still "not found". */
    const char *value = NULL;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_attr_get(&value, a, "Etage"));
    NWT_EXPECT(NW_ENOTFOUND, nw_network_topic_remove(net, "Spielplatz"));
    char *after = nwt_fingerprint(net);
    assert_string_equal(before, after);
    free(before);
    free(after);
    nw_checklist_free(cl);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_last_failure_wins(void **state)
{
    (void)state;
    nw_date d;
    nw_network *net = nwt_network("Netz");
    assert_int_equal(nw_date_parse(&d, "2026-13-01"), NW_EINVAL);
    assert_int_equal(nw_network_topic_remove(net, "nicht da"), NW_ENOTFOUND);
    assert_int_equal(nw_errcode(), NW_ENOTFOUND);
    assert_true(strlen(nw_errmsg()) > 0);
    assert_int_equal(nw_network_topic_add(net, "Schule"), NW_OK);
    assert_int_equal(nw_network_topic_add(net, "Schule"), NW_EEXISTS);
    assert_int_equal(nw_errcode(), NW_EEXISTS);
    nw_network_free(net);
}

/* ---- per-thread last error --------------------------------------------- */

typedef struct thread_result {
    int code_at_start;
    char msg_at_start[64];
    int code_after;
} thread_result;

static void *thread_main(void *arg)
{
    thread_result *r = arg;
    r->code_at_start = nw_errcode();
    snprintf(r->msg_at_start, sizeof r->msg_at_start, "%s", nw_errmsg());
    nw_date d;
    (void)nw_date_from_ymd(&d, 2026, 2, 30); /* fails in this thread only */
    r->code_after = nw_errcode();
    return NULL;
}

static void test_error_is_per_thread(void **state)
{
    (void)state;
    nw_date d;
    /* a failure here must not be seen by the new thread */
    assert_int_equal(nw_date_parse(&d, "2026-1-01"), NW_EINVAL);
    char mine[512];
    snprintf(mine, sizeof mine, "%s", nw_errmsg());

    thread_result r = { 99, "", 99 };
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, thread_main, &r), 0);
    assert_int_equal(pthread_join(t, NULL), 0);

    assert_int_equal(r.code_at_start, NW_OK);
    assert_string_equal(r.msg_at_start, "no error");
    assert_int_equal(r.code_after, NW_EINVAL);
    /* and the thread's failure did not change this thread's error */
    assert_int_equal(nw_errcode(), NW_EINVAL);
    assert_string_equal(nw_errmsg(), mine);
}

/* ---- messages name identities, not other actors' names ------------------ */

static void assert_no_name(const char *secret)
{
    const char *msg = nw_errmsg();
    if (strstr(msg, secret) != NULL)
        NWT_FAIL("error message leaks a name the caller did not pass: \"%s\"", msg);
}

static void test_messages_keep_names_private(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_network *other = nwt_network("Anderes Netz");
    nw_actor *a = nwt_actor(net, "Geheim Alpha");
    nw_actor *b = nwt_actor(net, "Geheim Beta");
    nw_actor *c = nwt_actor(net, "Geheim Gamma");
    nw_actor *x = nwt_actor(other, "Geheim Xi");
    nw_tie *t = nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2026-01-01");

    NWT_EXPECT(NW_EEXISTS, nw_tie_member_add(t, a));
    assert_no_name("Geheim Alpha");
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_member_remove(t, c));
    assert_no_name("Geheim Gamma");
    NWT_EXPECT(NW_EINVAL, nw_tie_member_remove(t, b)); /* would leave one member */
    assert_no_name("Geheim Beta");
    assert_no_name("Geheim Alpha");
    NWT_EXPECT(NW_EINVAL, nw_tie_member_add(t, x));   /* another network */
    assert_no_name("Geheim Xi");

    nw_actor *cs[2] = { c, x };
    NWT_EXPECT(NW_EINVAL, nw_tie_add(NULL, net, NW_FORM_KONTAKT, cs, 2, nwt_date("2026-01-01")));
    assert_no_name("Geheim Xi");
    assert_no_name("Geheim Gamma");

    NWT_OK(nw_actor_remove(c));
    NWT_EXPECT(NW_ESTALE, nw_actor_set_kind(c, NW_ACTOR_GROUP));
    assert_no_name("Geheim Gamma");
    NWT_EXPECT(NW_ESTALE, nw_actor_remove(c));
    assert_no_name("Geheim Gamma");

    /* renaming b onto a's name: the caller passed that name, b's own must not show */
    NWT_EXPECT(NW_EEXISTS, nw_actor_set_name(b, "Geheim Alpha"));
    assert_no_name("Geheim Beta");

    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_actor_free(x);
    nw_network_free(net);
    nw_network_free(other);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_version),
        NWT_TEST(test_code_values),
        NWT_TEST(test_strerror_known_codes),
        NWT_TEST(test_strerror_unknown_codes),
        NWT_TEST(test_strerror_sets_no_error),
        NWT_TEST(test_clear),
        NWT_TEST(test_success_does_not_reset),
        NWT_TEST(test_places_follow_the_last_failure),
        NWT_TEST(test_lookups_reject_invalid_text),
        NWT_TEST(test_last_failure_wins),
        NWT_TEST(test_error_is_per_thread),
        NWT_TEST(test_messages_keep_names_private),
    };
    return NWT_RUN(tests);
}
