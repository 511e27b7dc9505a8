/*
 * nwtest: shared support for the libnetzwerk cmocka tests.
 *
 * Include this instead of <cmocka.h>; it brings in cmocka (with the headers
 * cmocka needs before it) and netzwerk.h.
 *
 *   failalloc.c    a counting allocator that can fail the Nth allocation
 *   check.c        result checks (NWT_OK, NWT_EXPECT) and the fixtures
 *   text.c         tables of invalid text shared by every validation test
 *   build.c        small builders: dates, actors, ties
 *   fingerprint.c  a text rendering of a whole network, to compare states
 *
 * Nothing here is thread-safe; tests that start threads must not allocate
 * through the library from them while the test allocator is installed.
 *
 * A test file looks like this (each test runs under the test allocator and
 * fails if it leaves library memory behind):
 *
 *   static void test_rename(void **state)
 *   {
 *       (void)state;
 *       nw_network *net = nwt_network("Netz");
 *       NWT_OK(nw_network_set_name(net, "Neu"));
 *       NWT_EXPECT(NW_EINVAL, nw_network_set_name(net, ""));
 *       nw_network_free(net);
 *   }
 *   int main(void)
 *   {
 *       const struct CMUnitTest tests[] = { NWT_TEST(test_rename) };
 *       return NWT_RUN(tests);
 *   }
 *
 * For out-of-memory tests see tests/unit/test_oom.c: fail allocation k with
 * nwt_failalloc_fail_at(k), compare nwt_fingerprint() before and after the
 * call that met the failure, and check nwt_failalloc_live() at the end.
 */
#ifndef NWTEST_H
#define NWTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "netzwerk.h"

/* ---- the test allocator (failalloc.c) ------------------------------------
 *
 * Installed with nw_set_allocator(), so it must be installed and removed
 * while no network exists. It counts every malloc_fn and realloc_fn call as
 * one allocation, tracks the blocks currently live, and fails exactly one
 * allocation when asked to (the Nth counted from nwt_failalloc_fail_at());
 * later allocations succeed again, so a caller can retry a failed call.
 * It also checks the allocator contract: free_fn and realloc_fn only get
 * pointers this allocator handed out, realloc_fn never gets size 0.
 */

/* Install the test allocator (fails the test if nw_set_allocator refuses).
 * Resets every counter and disarms failure. */
void nwt_failalloc_install(void);
/* Restore the C library allocator (fails the test if a network still exists). */
void nwt_failalloc_uninstall(void);
/* Fail the nth allocation counted from this call (1-based); 0 = never fail.
 * Resets the allocation count and the number of injected failures. */
void nwt_failalloc_fail_at(long n);
/* Allocations (malloc_fn + realloc_fn calls, failed ones included) since the
 * last nwt_failalloc_fail_at() or install. */
long nwt_failalloc_count(void);
/* Failures injected since the last nwt_failalloc_fail_at() (0 or 1). */
long nwt_failalloc_failures(void);
/* Blocks allocated by the test allocator and not yet freed. */
long nwt_failalloc_live(void);
/* While paused, allocations are neither counted nor failed (but tracked as
 * live): for test code that calls the library to inspect state. Nests. */
void nwt_failalloc_pause(void);
void nwt_failalloc_resume(void);
/* Searches of the library's memory, for privacy tests: whether a live block
 * holds `text` now; and, once watched, how many blocks held it when they
 * were given back (free, or the old block of a realloc). NULL unwatches. */
bool nwt_failalloc_live_holds(const char *text);
void nwt_failalloc_watch(const char *text);
long nwt_failalloc_watched_freed(void);

/* ---- result checks (check.c) ---------------------------------------------
 *
 * NWT_EXPECT(code, call) clears the thread's last error, runs the call and
 * asserts that it returned code. For a failure code it also asserts that
 * nw_errcode() is that code and that nw_errmsg() is a real message (not
 * NULL, not empty, not "no error"), so that every failure path is checked
 * to explain itself.
 */
#define NWT_EXPECT(code, call)                                                     \
    do {                                                                           \
        nw_error_clear();                                                          \
        nwt_check_result((call), (code), #call, __FILE__, __LINE__);               \
    } while (0)
/* The call must succeed. */
#define NWT_OK(call) NWT_EXPECT(NW_OK, call)

void nwt_check_result(int got, int want, const char *call, const char *file, int line);
/* Fail the current test with a printf-style message. (cmocka's fail_msg
 * needs a GNU extension when given no arguments; this does not.) */
#define NWT_FAIL(...) nwt_fail_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void nwt_fail_at(const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The name of a result code ("NW_EINVAL"), for messages. */
const char *nwt_code_name(int code);

/* Fixtures for cmocka_run_group_tests / cmocka_unit_test_setup_teardown:
 * nwt_group_setup installs the test allocator, nwt_group_teardown removes it;
 * nwt_setup notes the live blocks, nwt_teardown fails the test if the test
 * left blocks live (a leaked handle, iterator or network). */
int nwt_group_setup(void **state);
int nwt_group_teardown(void **state);
int nwt_setup(void **state);
int nwt_teardown(void **state);
/* Live blocks when the running NWT_TEST started (0 unless an earlier test leaked). */
long nwt_live_at_start(void);
/* A cmocka test with the leak-checking fixtures. */
#define NWT_TEST(f) cmocka_unit_test_setup_teardown(f, nwt_setup, nwt_teardown)
/* Run a table of NWT_TEST()s under the test allocator. */
#define NWT_RUN(tests) cmocka_run_group_tests(tests, nwt_group_setup, nwt_group_teardown)

/* ---- invalid text (text.c) -----------------------------------------------
 *
 * Each table ends with NULL. Every text API must reject nwt_bad_utf8; every
 * API that takes a one-line text (names, topics, keys, labels) must also
 * reject nwt_bad_line. nwt_good_utf8 holds valid edge cases to accept.
 */
extern const char *const nwt_bad_utf8[];  /* overlong, surrogates, truncated, > U+10FFFF ... */
extern const char *const nwt_bad_line[];  /* control characters (C0, DEL, C1) */
extern const char *const nwt_good_utf8[]; /* valid edge cases: U+D7FF, U+E000, U+10FFFF ... */
/* A string of exactly len bytes of valid UTF-8 ("a...a" ending in "ä" when
 * len >= 2, so that the limit is tested with a multi-byte character at the
 * end). Free with free(). */
char *nwt_text_of_len(size_t len);

/* ---- builders (build.c) -------------------------------------------------- */

/* The date of an ISO text; fails the test if it does not parse. */
nw_date nwt_date(const char *iso);
/* A new network; fails the test on error. */
nw_network *nwt_network(const char *name);
/* Add a person and return a handle on it; fails the test on error. */
nw_actor *nwt_actor(nw_network *net, const char *name);
/* The identity of a handle (works on stale handles). */
nw_id nwt_actor_id(const nw_actor *actor);
nw_id nwt_tie_id(const nw_tie *tie);
/* Add a tie of two or three members (c may be NULL) and return a handle. */
nw_tie *nwt_tie(nw_network *net, nw_form form, nw_actor *a, nw_actor *b, nw_actor *c,
                const char *start);

/* ---- fingerprint (fingerprint.c) ------------------------------------------
 *
 * Everything observable through the public API, rendered as text: name,
 * topics, goals, counts, and for every actor and tie (in identity order)
 * every field, list and log, an actor's consent records and a tie's
 * checklist items. Two networks in the same state give the same
 * text. The library's allocations made while fingerprinting are neither
 * counted nor failed by the test allocator. Free the result with free().
 * Fails the test if a library call fails.
 */
char *nwt_fingerprint(nw_network *net);

/* One step of an allocation-failure loop, with the test allocator armed
 * for allocation k (nwt_failalloc_fail_at): run step(ctx, i); if it fails,
 * it must fail with NW_ENOMEM (and a message) from the injected failure
 * and leave net's fingerprint as it was; then it is run again and must
 * succeed, as the failure is one-shot. Fails the test otherwise, naming k
 * and i. Returns whether the step met the failure. */
bool nwt_step_all_or_nothing(nw_network *net, long k, int i, int (*step)(void *ctx, int i),
                             void *ctx);
/* After such a loop over steps 0..nsteps-1 that failed allocations 1 to
 * k - 1 in turn: every step must have met a failure (met_by[i] counts the
 * allocations whose failure step i met), else it allocates nothing and its
 * loop proves nothing. Fails the test otherwise; prints k - 1. */
void nwt_every_step_met(const int *met_by, int nsteps, long k);

#endif
