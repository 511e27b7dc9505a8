/*
 * Tables of invalid and tricky text, so that every text-taking function is
 * checked against the same cases (common.h: "invalid UTF-8 is rejected").
 */
#include "nwtest.h"

#include <stdlib.h>
#include <string.h>

const char *const nwt_bad_utf8[] = {
    "\x80",                  /* continuation byte without a lead byte */
    "abc\xbf",               /* stray continuation at the end */
    "a\xc3",                 /* truncated two-byte sequence at the end */
    "\xc3(",                 /* lead byte followed by a non-continuation */
    "\xe2\x82",              /* truncated three-byte sequence */
    "\xe2\x28\xa1",          /* bad second byte of a three-byte sequence */
    "\xf0\x9f\x98",          /* truncated four-byte sequence */
    "\xc0\xaf",              /* overlong '/' (two bytes) */
    "\xc1\xbf",              /* overlong U+007F */
    "\xc0\x80",              /* overlong NUL ("modified UTF-8") */
    "\xe0\x80\xaf",          /* overlong '/' (three bytes) */
    "\xe0\x9f\xbf",          /* overlong U+07FF */
    "\xf0\x80\x80\xaf",      /* overlong '/' (four bytes) */
    "\xf0\x8f\xbf\xbf",      /* overlong U+FFFF */
    "\xed\xa0\x80",          /* surrogate U+D800 */
    "\xed\xbf\xbf",          /* surrogate U+DFFF */
    "\xed\xa0\xbd\xed\xb8\x80", /* a CESU-8 surrogate pair */
    "\xf4\x90\x80\x80",      /* U+110000, beyond Unicode */
    "\xf5\x80\x80\x80",      /* lead byte 0xF5 */
    "\xf8\x88\x80\x80\x80",  /* five-byte form */
    "\xfc\x84\x80\x80\x80\x80", /* six-byte form */
    "\xfe",
    "\xff",
    "M\xfcller",             /* Latin-1 "Müller" */
    NULL
};

const char *const nwt_bad_line[] = {
    "\x01",
    "a\nb",
    "a\rb",
    "a\tb",
    "line\n",
    "\x1b[31mred",           /* ESC */
    "\x1f",
    "a\177b",                /* DEL (octal escapes end after three digits) */
    "a\302\205b",            /* U+0085 NEXT LINE (C1 control) */
    "\xc2\x9f",              /* U+009F (C1 control) */
    NULL
};

const char *const nwt_good_utf8[] = {
    "x",
    "M\xc3\xbcller",         /* Müller, precomposed */
    "Mu\xcc\x88ller",        /* Müller, decomposed: a different name */
    "a\302\240b",            /* U+00A0 NO-BREAK SPACE inside */
    "\xdf\xbf",              /* U+07FF */
    "\xe0\xa0\x80",          /* U+0800 */
    "\xed\x9f\xbf",          /* U+D7FF, just below the surrogates */
    "\xee\x80\x80",          /* U+E000, just above them */
    "\xef\xbf\xbd",          /* U+FFFD */
    "\xf0\x90\x80\x80",      /* U+10000 */
    "\xf0\x9f\x98\x80",      /* U+1F600 */
    "\xf4\x8f\xbf\xbf",      /* U+10FFFF, the last code point */
    NULL
};

char *nwt_text_of_len(size_t len)
{
    char *s = malloc(len + 1);
    if (!s)
        NWT_FAIL("nwt_text_of_len: out of memory");
    memset(s, 'a', len);
    if (len >= 2)
        memcpy(s + len - 2, "\xc3\xa4", 2); /* ä */
    s[len] = '\0';
    return s;
}
