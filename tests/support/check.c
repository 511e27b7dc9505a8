/*
 * Result checks and fixtures shared by all tests.
 */
#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *nwt_code_name(int code)
{
    switch (code) {
    case NW_OK: return "NW_OK";
    case NW_ERROR: return "NW_ERROR";
    case NW_EINVAL: return "NW_EINVAL";
    case NW_ENOTFOUND: return "NW_ENOTFOUND";
    case NW_EEXISTS: return "NW_EEXISTS";
    case NW_ESTALE: return "NW_ESTALE";
    case NW_EFORMAT: return "NW_EFORMAT";
    case NW_EIO: return "NW_EIO";
    case NW_ENOMEM: return "NW_ENOMEM";
    case NW_ELIMIT: return "NW_ELIMIT";
    case NW_EBUSY: return "NW_EBUSY";
    case NW_ITEROVER: return "NW_ITEROVER";
    default: return "(not an nw_error)";
    }
}

_Noreturn void nwt_fail_at(const char *file, int line, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    print_error("ERROR: %s\n", buf);
    _fail(file, line);
    abort(); /* _fail does not return inside a test */
}

void nwt_check_result(int got, int want, const char *call, const char *file, int line)
{
    if (got != want)
        nwt_fail_at(file, line, "%s\n  returned %s (%d), expected %s (%d); nw_errmsg: \"%s\"",
                    call, nwt_code_name(got), got, nwt_code_name(want), want, nw_errmsg());
    if (want == NW_ITEROVER)
        return; /* not an error: whether it is recorded is not specified */
    if (want == NW_OK) {
        /* The error was cleared before the call, and a successful call is no
         * failed call, so nothing may be recorded. */
        if (nw_errcode() != NW_OK)
            nwt_fail_at(file, line, "%s succeeded but recorded error %s: \"%s\"", call,
                        nwt_code_name(nw_errcode()), nw_errmsg());
        return;
    }
    if (nw_errcode() != want)
        nwt_fail_at(file, line, "%s returned %s but nw_errcode() is %s", call,
                    nwt_code_name(want), nwt_code_name(nw_errcode()));
    const char *msg = nw_errmsg();
    if (msg == NULL || msg[0] == '\0' || strcmp(msg, "no error") == 0)
        nwt_fail_at(file, line, "%s returned %s without a detailed message (nw_errmsg: %s%s%s)",
                    call, nwt_code_name(want), msg ? "\"" : "", msg ? msg : "NULL",
                    msg ? "\"" : "");
}

/* Live blocks when the running test started. */
static long live_at_start;

long nwt_live_at_start(void)
{
    return live_at_start;
}

int nwt_group_setup(void **state)
{
    (void)state;
    nwt_failalloc_install();
    return 0;
}

int nwt_group_teardown(void **state)
{
    (void)state;
    if (nw_set_allocator(NULL) != NW_OK) {
        print_error("group teardown: a network is still alive (%s)\n", nw_errmsg());
        return -1;
    }
    return 0;
}

int nwt_setup(void **state)
{
    (void)state;
    nwt_failalloc_fail_at(0);
    live_at_start = nwt_failalloc_live();
    return 0;
}

int nwt_teardown(void **state)
{
    (void)state;
    nwt_failalloc_fail_at(0);
    long leaked = nwt_failalloc_live() - live_at_start;
    if (leaked != 0) {
        print_error("leak: the test left %ld block(s) of the library allocated\n", leaked);
        return -1;
    }
    return 0;
}
