/*
 * Error codes, their messages, and the last error of each thread.
 *
 * The message lives in a fixed thread-local buffer: recording an error never
 * allocates, so NW_ENOMEM can always be reported.
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#define NW_ERRMSG_SIZE 512

static const char no_error[] = "no error";

static _Thread_local int last_code = NW_OK;
static _Thread_local char last_msg[NW_ERRMSG_SIZE] = "no error";
static _Thread_local size_t last_nplaces, last_places[2]; /* nw_errpos */

const char *nw_version(void)
{
    return NW_VERSION_STRING;
}

const char *nw_strerror(int code)
{
    switch (code) {
    case NW_OK: return "success";
    case NW_ERROR: return "internal error";
    case NW_EINVAL: return "invalid argument";
    case NW_ENOTFOUND: return "not found";
    case NW_EEXISTS: return "already exists";
    case NW_ESTALE: return "stale handle";
    case NW_EFORMAT: return "malformed input";
    case NW_EIO: return "input/output error";
    case NW_ENOMEM: return "out of memory";
    case NW_ELIMIT: return "limit exceeded";
    case NW_EBUSY: return "busy";
    case NW_ITEROVER: return "no more items";
    default: return "unknown error";
    }
}

const char *nw_errmsg(void)
{
    return last_code == NW_OK ? no_error : last_msg;
}

int nw_errcode(void)
{
    return last_code;
}

int nw_errpos(size_t *first, size_t *second)
{
    if (first != NULL && last_nplaces >= 1)
        *first = last_places[0];
    if (second != NULL && last_nplaces >= 2)
        *second = last_places[1];
    return (int)last_nplaces;
}

int nw_error_at(int code, size_t nplaces, size_t first, size_t second)
{
    last_nplaces = nplaces;
    last_places[0] = first;
    last_places[1] = second;
    return code;
}

void nw_error_clear(void)
{
    last_code = NW_OK;
    last_nplaces = 0;
    memcpy(last_msg, no_error, sizeof no_error);
}

/* Replace every byte that does not start a valid UTF-8 sequence by '?', so
 * that bindings can always decode the message. */
static void sanitize(char *msg, size_t len)
{
    const unsigned char *s = (const unsigned char *)msg;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = nw_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            msg[i] = '?';
            n = 1;
        }
        i += n;
    }
}

int nw_fail(int code, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(last_msg, sizeof last_msg, fmt, ap);
    va_end(ap);
    if (n < 0) {
        memcpy(last_msg, "(message could not be formatted)",
               sizeof "(message could not be formatted)");
        n = (int)strlen(last_msg);
    } else if ((size_t)n >= sizeof last_msg) {
        /* Cut at a character boundary and mark the cut. */
        size_t len = sizeof last_msg - 4;
        while (len > 0 && ((unsigned char)last_msg[len] & 0xC0) == 0x80)
            len--;
        memcpy(last_msg + len, "...", 4);
        n = (int)(len + 3);
    }
    sanitize(last_msg, (size_t)n);
    last_code = code;
    last_nplaces = 0;
    return code;
}

const char *nw_quote(char buf[NW_QUOTE_SIZE], const char *text)
{
    enum { keep = NW_QUOTE_SIZE - 4 };
    size_t len = 0;

    if (text == NULL) {
        memcpy(buf, "(null)", sizeof "(null)");
        return buf;
    }
    while (len < (size_t)keep && text[len] != '\0')
        len++;
    if (text[len] == '\0') {
        memcpy(buf, text, len + 1);
        return buf;
    }
    /* Too long: back up to the start of a character, then cut. */
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
        len--;
    memcpy(buf, text, len);
    memcpy(buf + len, "...", 4);
    return buf;
}
