/*
 * Text validation: strict UTF-8, a length limit, and rules about control
 * characters, so that everything stored can be written to any file format
 * and shown in any user interface.
 */
#include "internal.h"

#include <string.h>

size_t nw_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (len == 0)
        return 0;
    unsigned char b = s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    size_t n;
    uint32_t c, min;
    if (b >= 0xC2 && b <= 0xDF) {          /* 0xC0, 0xC1 only make overlongs */
        n = 2; c = b & 0x1Fu; min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3; c = b & 0x0Fu; min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {   /* above 0xF4 is beyond U+10FFFF */
        n = 4; c = b & 0x07u; min = 0x10000;
    } else {
        return 0;                          /* continuation byte or invalid */
    }
    if (len < n)
        return 0;                          /* truncated */
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;                          /* overlong, too large, surrogate */
    *cp = c;
    return n;
}

bool nw_utf8_valid(const char *text, size_t len, size_t *bad_offset)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = nw_utf8_decode(s + i, len - i, &cp);
        if (n == 0) {
            if (bad_offset != NULL)
                *bad_offset = i;
            return false;
        }
        i += n;
    }
    return true;
}

/* C0 controls, DEL and the C1 controls U+0080 to U+009F. */
static bool is_control(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

int nw_text_check(const char *text, enum nw_text_rule rule, const char *what)
{
    if (text == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", what);
    /* One pass, up to the NUL: printable ASCII is most text and needs no
     * decoding. A multibyte sequence cut short by the NUL fails to decode
     * (the NUL is no continuation byte), so the decoder may be told that
     * up to 4 bytes follow. */
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    for (;;) {
        while (i <= NW_TEXT_MAX && s[i] >= 0x20 && s[i] < 0x7F)
            i++;
        if (i > NW_TEXT_MAX)
            return nw_fail(NW_EINVAL, "%s is longer than %d bytes", what, NW_TEXT_MAX);
        if (s[i] == '\0')
            break;
        uint32_t cp;
        size_t n = nw_utf8_decode(s + i, 4, &cp);
        if (n == 0)
            return nw_fail(NW_EINVAL, "%s is not valid UTF-8 (byte %zu)", what, i);
        if (is_control(cp)) {
            bool allowed = rule == NW_TEXT_FREE && (cp == '\n' || cp == '\r' || cp == '\t');
            if (!allowed)
                return nw_fail(NW_EINVAL, "%s contains the control character U+%04X (byte %zu)",
                               what, (unsigned)cp, i);
        }
        i += n;
    }
    if (i == 0 && rule == NW_TEXT_LINE)
        return nw_fail(NW_EINVAL, "%s is empty", what);
    return NW_OK;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

int nw_contact_check(nw_channel channel, const char *value, const char *what)
{
    int rc;
    if ((unsigned)channel > NW_CHANNEL_OTHER)
        return nw_fail(NW_EINVAL, "channel %d is not a contact channel", (int)channel);
    if (channel != NW_CHANNEL_EMAIL) {
        rc = nw_text_check(value, NW_TEXT_FREE, what);
        if (rc == NW_OK && value[0] == '\0')
            rc = nw_fail(NW_EINVAL, "%s is empty", what);
        return rc;
    }
    rc = nw_text_check(value, NW_TEXT_LINE, what);
    if (rc != NW_OK)
        return rc;
    const unsigned char *s = (const unsigned char *)value;
    size_t len = strlen(value), at = 0, ats = 0, i = 0;
    while (i < len) {
        uint32_t cp = 0;
        size_t n = nw_utf8_decode(s + i, len - i, &cp);   /* valid: checked above */
        if (is_space(cp))
            return nw_fail(NW_EINVAL, "%s is not an e-mail address: it contains whitespace (byte %zu)",
                           what, i);
        if (cp == '@') {
            ats++;
            at = i;
        }
        i += n;
    }
    if (ats != 1)
        return nw_fail(NW_EINVAL, "%s is not an e-mail address: it needs exactly one '@' (found %zu)",
                       what, ats);
    if (at == 0 || at + 1 == len)
        return nw_fail(NW_EINVAL, "%s is not an e-mail address: it needs text before and after the '@'",
                       what);
    return NW_OK;
}
