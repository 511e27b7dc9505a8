/*
 * The growable output buffer of the writers. Appends record the first
 * allocation failure and then do nothing, so that a writer checks once.
 * Also the pieces of the JSON writer that the native format and the access
 * export share.
 */
#include "io_internal.h"

#include <stdio.h>

void nw_buf_init(nw_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void nw_buf_free(nw_buf *b)
{
    nw_mem_free(b->data);
    nw_buf_init(b);
}

bool nw_buf_grow(nw_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    /* Room for the bytes and a terminating NUL. */
    if (extra > SIZE_MAX - b->len - 1) {
        nw_fail(NW_ENOMEM, "out of memory (output of more than %zu bytes)", b->len);
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    size_t cap = b->cap < 4096 ? 4096 : b->cap;
    while (cap < need)
        cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
    char *p = nw_mem_realloc(b->data, cap);
    if (p == NULL) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void nw_buf_printf(nw_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        nw_buf_put(b, small, (size_t)n);
        return;
    }
    if (b->cap - b->len <= (size_t)n && !nw_buf_grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void nw_buf_put_u64(nw_buf *b, uint64_t v)
{
    char tmp[20];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    nw_buf_put(b, tmp + i, sizeof tmp - i);
}

void nw_buf_put_date(nw_buf *b, nw_date d)
{
    int y = 0, m = 0, day = 0;
    nw_date_to_ymd(&y, &m, &day, d);
    char t[10];
    t[0] = (char)('0' + y / 1000);
    t[1] = (char)('0' + y / 100 % 10);
    t[2] = (char)('0' + y / 10 % 10);
    t[3] = (char)('0' + y % 10);
    t[4] = '-';
    t[5] = (char)('0' + m / 10);
    t[6] = (char)('0' + m % 10);
    t[7] = '-';
    t[8] = (char)('0' + day / 10);
    t[9] = (char)('0' + day % 10);
    nw_buf_put(b, t, sizeof t);
}

int nw_buf_finish(nw_buf *b, char **out, size_t *len)
{
    if (!b->failed && b->cap == 0)
        nw_buf_grow(b, 0);
    if (b->failed) {
        nw_buf_free(b);
        return nw_fail(NW_ENOMEM, "out of memory (writing the output)");
    }
    b->data[b->len] = '\0';
    *out = b->data;
    if (len != NULL)
        *len = b->len;
    nw_buf_init(b);
    return NW_OK;
}

/* ---- JSON writing -------------------------------------------------------- */

/* A JSON string. Text in the model is valid UTF-8, written as is; only '"',
 * '\' and control characters are escaped. */
void nw_json_str(nw_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    nw_buf_putc(b, '"');
    const char *run = s;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        nw_buf_put(b, run, (size_t)(s - run));
        if (c == '\0')
            break;
        char esc[6] = { '\\', 0, 0, 0, 0, 0 };
        size_t n = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            n = 6;
        }
        nw_buf_put(b, esc, n);
        run = s + 1;
    }
    nw_buf_putc(b, '"');
}

void nw_json_indent(nw_buf *b, int level)
{
    static const char spaces[] = "                ";
    nw_buf_putc(b, '\n');
    nw_buf_put(b, spaces, (size_t)level * 2);
}

/* Start a member of a multi-line object: ",\n<indent>"key": ". */
void nw_json_key(nw_buf *b, bool *first, int level, const char *k)
{
    if (!*first)
        nw_buf_putc(b, ',');
    *first = false;
    nw_json_indent(b, level);
    nw_json_str(b, k);
    nw_buf_put(b, ": ", 2);
}

/* Start a member of a one-line object: "key": or , "key": */
void nw_json_inline_key(nw_buf *b, bool *first, const char *k)
{
    if (!*first)
        nw_buf_put(b, ", ", 2);
    *first = false;
    nw_json_str(b, k);
    nw_buf_put(b, ": ", 2);
}

void nw_json_strset(nw_buf *b, const nw_strset *set)
{
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < set->len; i++) {
        if (i > 0)
            nw_buf_put(b, ", ", 2);
        nw_json_str(b, set->items[i]);
    }
    nw_buf_putc(b, ']');
}

void nw_json_date(nw_buf *b, nw_date d)
{
    nw_buf_putc(b, '"');
    nw_buf_put_date(b, d);
    nw_buf_putc(b, '"');
}
