/*
 * CSV for spreadsheet users: actors.csv and ties.csv (columns in
 * docs/format.md). Parsing is libcsv's (RFC 4180, strict mode, with its
 * buffers allocated through nw_mem_*); we add what spreadsheets need:
 * a leading UTF-8 byte-order mark is skipped, the separator (',' or ';',
 * German Excel writes ';') is taken from the header line, columns are found
 * by name in any order, and cells are read leniently ("ja", "WAHR",
 * "Kooperation"). Writing quotes where RFC 4180 needs it (and cells with
 * either separator, so that the separator read from the header is right)
 * and ends lines with CRLF.
 */
#define _POSIX_C_SOURCE 200809L

#include "io_internal.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* ====================================================================== */
/* Writing                                                                */
/* ====================================================================== */

static const char *const channel_columns[] = { "email", "phone", "postal", "other" };
static const char *const actor_columns[] = {
    "id", "kind", "name", "email", "phone", "postal", "other", "interests",
    "consent_given", "consent_withdrawn", "joined", NULL
};
static const char *const tie_columns[] = {
    "id", "form", "members", "start", "end", "imposed", "label", "topics", "goals", NULL
};

/* Quoted when it contains either separator (not only the one in use: the
 * reader takes the separator from the header line, and an unquoted ';' in
 * a comma file would outvote the commas there), a quote, a line break, or
 * starts or ends with a space. */
static void put_cell(nw_buf *b, const char *s, size_t n)
{
    bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !quote; i++)
        quote = s[i] == ',' || s[i] == ';' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!quote) {
        nw_buf_put(b, s, n);
        return;
    }
    nw_buf_putc(b, '"');
    const char *run = s;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            nw_buf_put(b, run, (size_t)(s + i + 1 - run));
            nw_buf_putc(b, '"');
            run = s + i + 1;
        }
    }
    nw_buf_put(b, run, (size_t)(s + n - run));
    nw_buf_putc(b, '"');
}

static void put_text(nw_buf *b, const char *s)
{
    put_cell(b, s, strlen(s));
}

/* A list cell, built in tmp (reused) and then quoted as needed. */
static void put_list(nw_buf *b, nw_buf *tmp, const char *const *items, size_t n)
{
    tmp->len = 0;
    nw_list_put(tmp, items, n);
    if (tmp->failed)
        b->failed = true;
    else
        put_cell(b, tmp->data, tmp->len);
}

static void put_date_cell(nw_buf *b, nw_date d)
{
    if (d != NW_DATE_NONE)
        nw_buf_put_date(b, d);
}

static bool is_fixed(const char *const *columns, const char *key)
{
    for (const char *const *c = columns; *c; c++)
        if (strcasecmp(*c, key) == 0)
            return true;
    return strncasecmp(key, "attr.", 5) == 0 || strcasecmp(key, "member_ids") == 0;
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void save_actors(nw_buf *b, nw_buf *tmp, const nw_network *net, char sep,
                        const char **keys, size_t nkeys)
{
    for (const char *const *c = actor_columns; *c; c++) {
        if (c != actor_columns)
            nw_buf_putc(b, sep);
        nw_buf_puts(b, *c);
    }
    for (size_t i = 0; i < nkeys; i++) {
        nw_buf_putc(b, sep);
        tmp->len = 0;
        if (is_fixed(actor_columns, keys[i]))
            nw_buf_puts(tmp, "attr.");
        nw_buf_puts(tmp, keys[i]);
        if (!tmp->failed)
            put_cell(b, tmp->data, tmp->len);
    }
    nw_buf_put(b, "\r\n", 2);

    const char **values = NULL;
    size_t cap = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        const nw_actor_rec *a = net->actors[id];
        if (a == NULL)
            continue;
        const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
        nw_buf_put_u64(b, a->id);
        nw_buf_putc(b, sep);
        nw_buf_puts(b, nw_io_kind_names[a->kind]);
        nw_buf_putc(b, sep);
        put_text(b, a->name);
        for (int ch = 0; ch < 4; ch++) {
            nw_buf_putc(b, sep);
            size_t n = 0;
            if (nw_mem_reserve((void **)&values, &cap, ax->ncontacts + 1, sizeof *values) != NW_OK) {
                b->failed = true;
                break;
            }
            for (size_t i = 0; i < ax->ncontacts; i++)
                if ((int)ax->contacts[i].channel == ch)
                    values[n++] = ax->contacts[i].value;
            put_list(b, tmp, values, n);
        }
        nw_buf_putc(b, sep);
        put_list(b, tmp, (const char *const *)ax->interests.items, ax->interests.len);
        nw_buf_putc(b, sep);
        /* The current general consent; the history is the native format's. */
        const nw_consent_rec *c = nw_consent_general(a);
        put_date_cell(b, c ? c->given : NW_DATE_NONE);
        nw_buf_putc(b, sep);
        put_date_cell(b, c ? c->withdrawn : NW_DATE_NONE);
        nw_buf_putc(b, sep);
        put_date_cell(b, a->joined);
        /* Attributes are sorted by key, like keys: merge. */
        size_t k = 0;
        for (size_t i = 0; i < nkeys; i++) {
            nw_buf_putc(b, sep);
            while (k < ax->nattrs && strcmp(ax->attrs[k].key, keys[i]) < 0)
                k++;
            if (k < ax->nattrs && strcmp(ax->attrs[k].key, keys[i]) == 0)
                put_text(b, ax->attrs[k].value);
        }
        nw_buf_put(b, "\r\n", 2);
    }
    nw_mem_free(values);
}

static void save_ties(nw_buf *b, nw_buf *tmp, const nw_network *net, char sep)
{
    for (const char *const *c = tie_columns; *c; c++) {
        if (c != tie_columns)
            nw_buf_putc(b, sep);
        nw_buf_puts(b, *c);
    }
    nw_buf_put(b, "\r\n", 2);
    const char **names = NULL;
    size_t cap = 0;
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        const nw_tie_rec *t = net->ties[id];
        if (t == NULL)
            continue;
        char letter = 'A';
        nw_form_letter(&letter, t->form);
        nw_buf_put_u64(b, t->id);
        nw_buf_putc(b, sep);
        nw_buf_putc(b, letter);
        nw_buf_putc(b, sep);
        if (nw_mem_reserve((void **)&names, &cap, t->nmembers, sizeof *names) != NW_OK) {
            b->failed = true;
            break;
        }
        for (size_t i = 0; i < t->nmembers; i++)
            names[i] = net->actors[t->members[i]]->name;
        put_list(b, tmp, names, t->nmembers);
        nw_buf_putc(b, sep);
        nw_buf_put_date(b, t->start);
        nw_buf_putc(b, sep);
        put_date_cell(b, t->end);
        nw_buf_putc(b, sep);
        nw_buf_puts(b, t->imposed ? "true" : "false");
        nw_buf_putc(b, sep);
        put_text(b, nw_tie_rec_label(t));
        nw_buf_putc(b, sep);
        const nw_strset *topics = nw_tie_rec_topics(t), *goals = nw_tie_rec_goals(t);
        put_list(b, tmp, (const char *const *)topics->items, topics->len);
        nw_buf_putc(b, sep);
        put_list(b, tmp, (const char *const *)goals->items, goals->len);
        nw_buf_put(b, "\r\n", 2);
    }
    nw_mem_free(names);
}

int nw_csv_save(nw_buf *actors, nw_buf *ties, const nw_network *net, char sep, bool bom)
{
    /* The distinct attribute keys, sorted: one column each. */
    size_t total = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        if (net->actors[id] != NULL)
            total += nw_actor_rec_extra(net->actors[id])->nattrs;
    const char **keys = nw_mem_calloc(total ? total : 1, sizeof *keys);
    if (keys == NULL)
        return NW_ENOMEM;
    size_t k = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        if (net->actors[id] == NULL)
            continue;
        const struct nw_actor_extra *ax = nw_actor_rec_extra(net->actors[id]);
        for (size_t i = 0; i < ax->nattrs; i++)
            keys[k++] = ax->attrs[i].key;
    }
    qsort(keys, k, sizeof *keys, compare_str);
    size_t nkeys = 0;
    for (size_t i = 0; i < k; i++)
        if (nkeys == 0 || strcmp(keys[nkeys - 1], keys[i]) != 0)
            keys[nkeys++] = keys[i];

    nw_buf tmp;
    nw_buf_init(&tmp);
    if (bom) {
        nw_buf_puts(actors, "\xEF\xBB\xBF");
        nw_buf_puts(ties, "\xEF\xBB\xBF");
    }
    save_actors(actors, &tmp, net, sep, keys, nkeys);
    save_ties(ties, &tmp, net, sep);
    if (tmp.failed)
        actors->failed = true;
    nw_buf_free(&tmp);
    nw_mem_free(keys);
    return NW_OK;
}

/* ====================================================================== */
/* Reading                                                                */
/* ====================================================================== */

/* A parsed file: every cell NUL-terminated in one arena. */
typedef struct table {
    const char *file;        /* "actors.csv" / "ties.csv", for messages */
    nw_buf arena;
    size_t *cells;           /* arena offsets */
    size_t ncells, capcells;
    struct row { size_t first, count, line; } *rows;
    size_t nrows, caprows;
    size_t line;             /* line being fed to the parser */
    size_t row_line;         /* line where the current row started (0: none yet) */
    size_t row_first;
    size_t max_rows;
    int rc;
    const nw_io_load *ld;
} table;

static int tfail(table *t, size_t line, const char *column, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static int tfail(table *t, size_t line, const char *column, int code, const char *fmt, ...)
{
    char text[300], where[NW_LOAD_WHERE_SIZE], q[NW_QUOTE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    /* "actors.csv line 3, column name: ..." reads best with the file first,
     * so the line goes into `where`; the error struct still gets it. */
    size_t n = (size_t)snprintf(where, sizeof where, "%s", t->file);
    if (line > 0 && n < sizeof where)
        n += (size_t)snprintf(where + n, sizeof where - n, " line %zu", line);
    if (column != NULL && n < sizeof where)
        snprintf(where + n, sizeof where - n, "%s column %s", line > 0 ? "," : "",
                 nw_quote(q, column));
    nw_io_fail(t->ld, code, 0, 0, where, "%s", text);
    if (t->ld->error != NULL)
        t->ld->error->line = line;
    return code;
}

static void on_field(void *s, size_t len, void *data)
{
    table *t = data;
    if (t->rc != NW_OK)
        return;
    if (t->row_line == 0) {
        t->row_line = t->line;
        t->row_first = t->ncells;
    }
    if (s != NULL && memchr(s, '\0', len) != NULL) {
        t->rc = tfail(t, t->line, NULL, NW_EFORMAT, "a cell contains a NUL byte");
        return;
    }
    if (nw_mem_reserve((void **)&t->cells, &t->capcells, t->ncells + 1, sizeof *t->cells)
        != NW_OK) {
        t->rc = NW_ENOMEM;
        return;
    }
    t->cells[t->ncells++] = t->arena.len;
    nw_buf_put(&t->arena, s, len);
    nw_buf_putc(&t->arena, '\0');
    if (t->arena.failed)
        t->rc = nw_fail(NW_ENOMEM, "out of memory (reading CSV)");
}

static void on_row(int c, void *data)
{
    table *t = data;
    (void)c;
    if (t->rc != NW_OK)
        return;
    if (t->row_line == 0) { /* an empty record */
        t->row_line = t->line;
        t->row_first = t->ncells;
    }
    if (t->nrows == t->max_rows) {
        t->rc = tfail(t, t->row_line, NULL, NW_ELIMIT, "more than %zu rows", t->max_rows - 1);
        return;
    }
    if (nw_mem_reserve((void **)&t->rows, &t->caprows, t->nrows + 1, sizeof *t->rows) != NW_OK) {
        t->rc = NW_ENOMEM;
        return;
    }
    struct row r = { t->row_first, t->ncells - t->row_first, t->row_line };
    t->rows[t->nrows++] = r;
    t->row_line = 0;
}

static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void *csv_realloc(void *p, size_t n) { return nw_mem_realloc(p, n); }

/* The separator: the one of ',' and ';' that occurs more often outside
 * quotes in the header line (the first line that is not empty, as libcsv
 * skips empty lines); ',' when neither occurs more often. */
static char detect_separator(const char *s, size_t len)
{
    size_t comma = 0, semi = 0, i = 0;
    bool quoted = false;
    while (i < len && (s[i] == '\n' || s[i] == '\r'))
        i++;
    for (; i < len && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == ',')
            comma++;
        else if (!quoted && s[i] == ';')
            semi++;
    }
    return semi > comma ? ';' : ',';
}

static int read_table(table *t, const char *data, size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    char sep = t->ld->csv_separator ? t->ld->csv_separator : detect_separator(data, len);
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return nw_fail(NW_ENOMEM, "out of memory (creating the CSV parser)");
    csv_set_realloc_func(&p, csv_realloc);
    csv_set_free_func(&p, nw_mem_free);
    csv_set_delim(&p, (unsigned char)sep);
    csv_set_space_func(&p, never_space);
    /* Fed line by line, so that rows know their line number. */
    size_t off = 0;
    t->line = 0;
    while (off < len && t->rc == NW_OK) {
        const char *nl = memchr(data + off, '\n', len - off);
        size_t n = nl ? (size_t)(nl - (data + off)) + 1 : len - off;
        t->line++;
        if (csv_parse(&p, data + off, n, on_field, on_row, t) != n && t->rc == NW_OK) {
            int err = csv_error(&p);
            t->rc = err == CSV_ENOMEM || err == CSV_ETOOBIG
                        ? nw_fail(NW_ENOMEM, "out of memory (reading CSV)")
                        : tfail(t, t->line, NULL, NW_EFORMAT,
                                "malformed CSV (a quote inside an unquoted cell, or text after "
                                "a closing quote)");
        }
        off += n;
    }
    if (t->rc == NW_OK && csv_fini(&p, on_field, on_row, t) != 0 && t->rc == NW_OK)
        t->rc = tfail(t, t->line, NULL, NW_EFORMAT, "a quoted cell is not closed");
    csv_free(&p);
    return t->rc;
}

static const char *cell(const table *t, size_t row, size_t col)
{
    const struct row *r = &t->rows[row];
    return col < r->count ? t->arena.data + t->cells[r->first + col] : "";
}

static bool row_empty(const table *t, size_t row)
{
    for (size_t c = 0; c < t->rows[row].count; c++)
        if (cell(t, row, c)[0] != '\0')
            return false;
    return true;
}

/* Column of a header name (case-insensitive, surrounding spaces ignored), or -1. */
static long column(const table *t, const char *name)
{
    if (t->nrows == 0)
        return -1;
    for (size_t c = 0; c < t->rows[0].count; c++) {
        const char *h = cell(t, 0, c);
        while (*h == ' ')
            h++;
        size_t n = strlen(h);
        while (n > 0 && h[n - 1] == ' ')
            n--;
        if (n == strlen(name) && strncasecmp(h, name, n) == 0)
            return (long)c;
    }
    return -1;
}

static const char *col_cell(const table *t, size_t row, long col)
{
    return col < 0 ? "" : cell(t, row, (size_t)col);
}

/* A copy of s without surrounding spaces, in buf (cells are at most NW_TEXT_MAX... so
 * only short values are trimmed: identities, kinds, dates, flags). */
static const char *trim(char *buf, size_t size, const char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        n--;
    if (n >= size)
        n = size - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

typedef struct csv_loader {
    const nw_io_load *ld;
    nw_network *net;
    table *t;
} csv_loader;

static int model_fail(csv_loader *L, size_t row, const char *col, int rc)
{
    char text[400];
    snprintf(text, sizeof text, "%s", nw_errmsg());
    return tfail(L->t, L->t->rows[row].line, col,
                 rc == NW_ENOMEM || rc == NW_ELIMIT ? rc : NW_EFORMAT, "%s", text);
}

static int date_cell(csv_loader *L, size_t row, long col, const char *name, nw_date *out)
{
    char buf[32];
    const char *v = trim(buf, sizeof buf, col_cell(L->t, row, col));
    *out = NW_DATE_NONE;
    if (v[0] == '\0')
        return NW_OK;
    int rc = nw_date_parse(out, v);
    return rc == NW_OK ? NW_OK : model_fail(L, row, name, rc);
}

static int list_cell(csv_loader *L, size_t row, long col, const char *name, void *target,
                     int (*add)(void *, const char *))
{
    char **items = NULL;
    size_t n = 0;
    int rc = nw_list_split(&items, &n, col_cell(L->t, row, col), L->ld->max_items);
    if (rc != NW_OK)
        return model_fail(L, row, name, rc);
    for (size_t i = 0; i < n && rc == NW_OK; i++)
        if ((rc = add(target, items[i])) != NW_OK)
            rc = model_fail(L, row, name, rc);
    nw_list_free(items, n);
    return rc;
}

static int add_interest(void *a, const char *s) { return nw_actor_interest_add(a, s); }
static int add_tie_topic(void *t, const char *s) { return nw_tie_topic_add(t, s); }
static int add_tie_goal(void *t, const char *s) { return nw_tie_goal_add(t, s); }

/* One contact list cell, channel ch. */
typedef struct contact_target {
    nw_actor *actor;
    nw_channel channel;
} contact_target;

static int add_contact(void *ct, const char *s)
{
    contact_target *c = ct;
    return nw_actor_contact_add(c->actor, c->channel, s);
}

struct id_row {
    nw_id id;
    size_t row;
};

static int compare_id_rows(const void *a, const void *b)
{
    const struct id_row *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Identities from the "id" column: rows that have one keep it, the others
 * get fresh ones after the highest. ids[i] for data row i (row i + 1). */
static int assign_ids(csv_loader *L, long col, size_t max, const char *option, nw_id *ids,
                      size_t **order)
{
    table *t = L->t;
    size_t n = t->nrows - 1;
    uint64_t high = 0;
    for (size_t i = 0; i < n; i++) {
        char buf[32];
        const char *v = trim(buf, sizeof buf, col_cell(t, i + 1, col));
        ids[i] = NW_ID_NONE;
        if (v[0] == '\0' || row_empty(t, i + 1))
            continue;
        char *end;
        unsigned long long x = strtoull(v, &end, 10);
        if (*end != '\0' || v[0] == '-' || x < 1 || x > NW_ID_MAX)
            return tfail(t, t->rows[i + 1].line, "id", NW_EFORMAT,
                         "'%s' is not an identity from 1 to %lu", v, (unsigned long)NW_ID_MAX);
        if (x > max)
            return tfail(t, t->rows[i + 1].line, "id", NW_ELIMIT,
                         "identity %llu is more than nw_load_options.%s allows (%zu)", x, option,
                         max);
        ids[i] = (nw_id)x;
        if (x > high)
            high = x;
    }
    for (size_t i = 0; i < n; i++) {
        if (ids[i] == NW_ID_NONE && !row_empty(t, i + 1)) {
            if (high >= max)
                return tfail(t, t->rows[i + 1].line, NULL, NW_ELIMIT,
                             "no identity left below nw_load_options.%s (%zu)", option, max);
            ids[i] = (nw_id)++high;
        }
    }
    /* Rows in identity order (creation needs ascending identities). */
    struct id_row *pairs = nw_mem_calloc(n ? n : 1, sizeof *pairs);
    size_t *o = nw_mem_calloc(n ? n : 1, sizeof *o);
    if (pairs == NULL || o == NULL) {
        nw_mem_free(pairs);
        nw_mem_free(o);
        return NW_ENOMEM;
    }
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (ids[i] != NW_ID_NONE) {
            pairs[m].id = ids[i];
            pairs[m].row = i;
            m++;
        }
    }
    qsort(pairs, m, sizeof *pairs, compare_id_rows);
    for (size_t i = 0; i < m; i++)
        o[i] = pairs[i].row;
    nw_mem_free(pairs);
    for (size_t i = 1; i < m; i++) {
        if (ids[o[i]] == ids[o[i - 1]]) {
            size_t line = t->rows[o[i] + 1].line;
            nw_id id = ids[o[i]];
            nw_mem_free(o);
            return tfail(t, line, "id", NW_EFORMAT, "identity %lu is used twice", (unsigned long)id);
        }
    }
    if (m < n)
        o[m] = SIZE_MAX; /* end mark */
    *order = o;
    return NW_OK;
}

/* A column the reader knows by name (case-insensitively), not an attribute. */
static bool is_known(const char *const *columns, const char *h)
{
    return is_fixed(columns, h) && strncasecmp(h, "attr.", 5) != 0;
}

/* The attribute key of an actors.csv column: "attr.x" is the key "x". */
static const char *attr_key(const char *h)
{
    return strncasecmp(h, "attr.", 5) == 0 && h[5] ? h + 5 : h;
}

/* Whether two header cells name the same column. Known columns compare
 * without case; other columns are attribute keys, which (like the model's)
 * are case-sensitive: "Foo" and "foo" are two keys, "attr.foo" and "foo"
 * one. */
static bool same_column(const char *const *columns, const char *a, const char *b)
{
    if (is_known(columns, a) || is_known(columns, b))
        return strcasecmp(a, b) == 0;
    return strcmp(attr_key(a), attr_key(b)) == 0;
}

static int check_header(table *t, const char *const *columns)
{
    if (t->nrows == 0)
        return tfail(t, 1, NULL, NW_EFORMAT, "no header line");
    for (size_t c = 0; c < t->rows[0].count; c++) {
        const char *h = cell(t, 0, c);
        for (size_t d = 0; d < c; d++)
            if (same_column(columns, h, cell(t, 0, d)))
                return tfail(t, 1, h, NW_EFORMAT, "the column appears twice");
    }
    for (size_t r = 1; r < t->nrows; r++)
        if (t->rows[r].count > t->rows[0].count && !row_empty(t, r))
            return tfail(t, t->rows[r].line, NULL, NW_EFORMAT,
                         "%zu cells, but the header has %zu columns", t->rows[r].count,
                         t->rows[0].count);
    return NW_OK;
}

static int load_actors(csv_loader *L)
{
    table *t = L->t;
    int rc = check_header(t, actor_columns);
    if (rc != NW_OK)
        return rc;
    long c_id = column(t, "id"), c_kind = column(t, "kind"), c_name = column(t, "name");
    long c_given = column(t, "consent_given"), c_withdrawn = column(t, "consent_withdrawn");
    long c_joined = column(t, "joined"), c_interests = column(t, "interests");
    long c_channel[4];
    for (int ch = 0; ch < 4; ch++)
        c_channel[ch] = column(t, channel_columns[ch]);
    if (c_name < 0)
        return tfail(t, 1, NULL, NW_EFORMAT, "no column \"name\"");
    size_t n = t->nrows - 1;
    nw_id *ids = nw_mem_calloc(n ? n : 1, sizeof *ids);
    size_t *order = NULL;
    if (ids == NULL)
        return NW_ENOMEM;
    rc = assign_ids(L, c_id, L->ld->max_actors, "max_actors", ids, &order);
    for (size_t k = 0; rc == NW_OK && k < n && order[k] != SIZE_MAX; k++) {
        size_t i = order[k], row = i + 1;
        char buf[32];
        nw_actor_kind kind = NW_ACTOR_PERSON;
        const char *kv = trim(buf, sizeof buf, col_cell(t, row, c_kind));
        if (kv[0] != '\0' && nw_io_parse_kind(&kind, kv) != NW_OK) {
            rc = tfail(t, t->rows[row].line, "kind", NW_EFORMAT,
                       "'%s' is not person, group or organisation", kv);
            break;
        }
        if ((rc = nw_io_actor_add(L->net, ids[i], kind, col_cell(t, row, c_name))) != NW_OK) {
            rc = model_fail(L, row, "name", rc);
            break;
        }
        struct nw_actor a = nw_io_actor_ref(L->net, ids[i]);
        for (int ch = 0; ch < 4 && rc == NW_OK; ch++) {
            contact_target ct = { &a, (nw_channel)ch };
            rc = list_cell(L, row, c_channel[ch], channel_columns[ch], &ct, add_contact);
        }
        if (rc == NW_OK)
            rc = list_cell(L, row, c_interests, "interests", &a, add_interest);
        nw_date given, withdrawn, joined;
        if (rc == NW_OK)
            rc = date_cell(L, row, c_given, "consent_given", &given);
        if (rc == NW_OK)
            rc = date_cell(L, row, c_withdrawn, "consent_withdrawn", &withdrawn);
        if (rc == NW_OK)
            rc = date_cell(L, row, c_joined, "joined", &joined);
        if (rc == NW_OK && given != NW_DATE_NONE && (rc = nw_actor_consent_give(&a, given)) != NW_OK)
            rc = model_fail(L, row, "consent_given", rc);
        if (rc == NW_OK && withdrawn != NW_DATE_NONE
            && (rc = nw_actor_consent_withdraw(&a, withdrawn)) != NW_OK)
            rc = model_fail(L, row, "consent_withdrawn", rc);
        if (rc == NW_OK && joined != NW_DATE_NONE && (rc = nw_actor_set_joined(&a, joined)) != NW_OK)
            rc = model_fail(L, row, "joined", rc);
        /* Other columns: attributes; an empty cell means "no attribute". */
        for (size_t c = 0; rc == NW_OK && c < t->rows[0].count; c++) {
            const char *h = cell(t, 0, c);
            const char *v = cell(t, row, c);
            if (v[0] == '\0' || is_known(actor_columns, h))
                continue;
            const char *key = attr_key(h);
            if ((rc = nw_actor_attr_set(&a, key, v)) != NW_OK)
                rc = model_fail(L, row, h, rc);
        }
    }
    nw_mem_free(ids);
    nw_mem_free(order);
    return rc;
}

static int load_ties(csv_loader *L)
{
    table *t = L->t;
    int rc = check_header(t, tie_columns);
    if (rc != NW_OK)
        return rc;
    long c_id = column(t, "id"), c_form = column(t, "form"), c_members = column(t, "members");
    long c_ids = column(t, "member_ids"), c_start = column(t, "start"), c_end = column(t, "end");
    long c_imposed = column(t, "imposed"), c_label = column(t, "label");
    long c_topics = column(t, "topics"), c_goals = column(t, "goals");
    if (c_members < 0 && c_ids < 0)
        return tfail(t, 1, NULL, NW_EFORMAT, "no column \"members\" or \"member_ids\"");
    size_t n = t->nrows - 1;
    nw_id *ids = nw_mem_calloc(n ? n : 1, sizeof *ids);
    size_t *order = NULL;
    if (ids == NULL)
        return NW_ENOMEM;
    rc = assign_ids(L, c_id, L->ld->max_ties, "max_ties", ids, &order);
    nw_id *members = NULL;
    size_t capm = 0;
    for (size_t k = 0; rc == NW_OK && k < n && order[k] != SIZE_MAX; k++) {
        size_t i = order[k], row = i + 1, line = t->rows[row].line;
        char buf[64];
        nw_form form = L->ld->default_form;
        const char *fv = trim(buf, sizeof buf, col_cell(t, row, c_form));
        if (fv[0] != '\0' && nw_io_parse_form(&form, fv) != NW_OK) {
            rc = tfail(t, line, "form", NW_EFORMAT, "'%s' is not a form A to D", fv);
            break;
        }
        /* Members: by identity if member_ids is filled in, else by name. */
        bool by_id = c_ids >= 0 && col_cell(t, row, c_ids)[0] != '\0';
        char **items = NULL;
        size_t m = 0;
        rc = nw_list_split(&items, &m, col_cell(t, row, by_id ? c_ids : c_members),
                           L->ld->max_items);
        if (rc != NW_OK) {
            rc = model_fail(L, row, by_id ? "member_ids" : "members", rc);
            break;
        }
        if (nw_mem_reserve((void **)&members, &capm, m + 1, sizeof *members) != NW_OK)
            rc = NW_ENOMEM;
        for (size_t j = 0; j < m && rc == NW_OK; j++) {
            if (by_id) {
                char *end;
                const char *v = trim(buf, sizeof buf, items[j]);
                unsigned long long x = strtoull(v, &end, 10);
                members[j] = *end == '\0' && x <= NW_ID_MAX ? (nw_id)x : NW_ID_NONE;
                if (nw_network_actor_rec(L->net, members[j]) == NULL)
                    rc = tfail(t, line, "member_ids", NW_EFORMAT, "no actor %s", v);
            } else {
                members[j] = nw_names_find(L->net, items[j]);
                if (members[j] == NW_ID_NONE) {
                    char q[NW_QUOTE_SIZE];
                    rc = tfail(t, line, "members", NW_EFORMAT, "no actor named '%s'",
                               nw_quote(q, items[j]));
                }
            }
        }
        nw_list_free(items, m);
        nw_date start = NW_DATE_NONE, end = NW_DATE_NONE;
        if (rc == NW_OK)
            rc = date_cell(L, row, c_start, "start", &start);
        if (rc == NW_OK && start == NW_DATE_NONE && (start = L->ld->default_start) == NW_DATE_NONE)
            rc = tfail(t, line, "start", NW_EFORMAT,
                       "no start date (give one, or set nw_load_options.default_start)");
        if (rc == NW_OK)
            rc = date_cell(L, row, c_end, "end", &end);
        if (rc == NW_OK && (rc = nw_io_tie_add(L->net, ids[i], form, members, m, start)) != NW_OK)
            rc = model_fail(L, row, by_id ? "member_ids" : "members", rc);
        if (rc != NW_OK)
            break;
        struct nw_tie tie = nw_io_tie_ref(L->net, ids[i]);
        bool imposed = false;
        const char *iv = trim(buf, sizeof buf, col_cell(t, row, c_imposed));
        if (nw_io_parse_bool(&imposed, iv) != NW_OK)
            rc = tfail(t, line, "imposed", NW_EFORMAT, "'%s' is not true or false", iv);
        else
            nw_tie_set_imposed(&tie, imposed);
        if (rc == NW_OK && end != NW_DATE_NONE && (rc = nw_tie_set_end(&tie, end)) != NW_OK)
            rc = model_fail(L, row, "end", rc);
        if (rc == NW_OK && (rc = nw_tie_set_label(&tie, col_cell(t, row, c_label))) != NW_OK)
            rc = model_fail(L, row, "label", rc);
        if (rc == NW_OK)
            rc = list_cell(L, row, c_topics, "topics", &tie, add_tie_topic);
        if (rc == NW_OK)
            rc = list_cell(L, row, c_goals, "goals", &tie, add_tie_goal);
    }
    nw_mem_free(members);
    nw_mem_free(ids);
    nw_mem_free(order);
    return rc;
}

static void table_free(table *t)
{
    nw_buf_free(&t->arena);
    nw_mem_free(t->cells);
    nw_mem_free(t->rows);
}

int nw_csv_load(nw_network **out, const char *actors, size_t actors_len, const char *ties,
                size_t ties_len, const nw_io_load *ld)
{
    table ta, tt;
    memset(&ta, 0, sizeof ta);
    memset(&tt, 0, sizeof tt);
    ta.file = "actors.csv";
    tt.file = "ties.csv";
    ta.ld = tt.ld = ld;
    ta.max_rows = ld->max_actors + 1;
    tt.max_rows = ld->max_ties + 1;
    nw_buf_init(&ta.arena);
    nw_buf_init(&tt.arena);
    csv_loader L = { ld, NULL, &ta };
    int rc = read_table(&ta, actors, actors_len);
    if (rc == NW_OK && ties != NULL)
        rc = read_table(&tt, ties, ties_len);
    if (rc == NW_OK && (rc = nw_network_new(&L.net, ld->name)) != NW_OK)
        rc = nw_io_fail(ld, rc, 0, 0, "name", "%s", "the network name is invalid");
    if (rc == NW_OK)
        rc = load_actors(&L);
    if (rc == NW_OK && ties != NULL) {
        L.t = &tt;
        rc = load_ties(&L);
    }
    table_free(&ta);
    table_free(&tt);
    if (rc != NW_OK) {
        nw_network_free(L.net);
        return rc;
    }
    *out = L.net;
    return NW_OK;
}
