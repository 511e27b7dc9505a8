/*
 * The native format: one JSON document that holds the whole network.
 *
 * Writing is our own (a streaming writer into nw_buf): the layout is fixed
 * (key order, two-space indentation, short records on one line, dates as
 * YYYY-MM-DD, a final newline), so that save(load(file)) gives the same
 * bytes and files diff well. Reading uses cJSON (see docs/design.md for
 * the choice over jansson and json-c), with its allocations routed through
 * nw_mem_*, so that nw_set_allocator() covers them too.
 *
 * Reading is strict: unknown members are errors (a typo would otherwise lose
 * data silently), identities must be ascending, every reference must exist.
 * Content errors name the JSON path: "$.ties[3].members[1]: no actor 99".
 */
#define _POSIX_C_SOURCE 200809L

#include "io_internal.h"

#include "checklist_rec.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* ====================================================================== */
/* Writing                                                                */
/* ====================================================================== */

/* The pieces of the writer (nw_json_*) and the names of enum values
 * (nw_io_*_names) are in io_buf.c and io_cells.c, shared with the access
 * export. */

/* Consent records (netzwerk/consent.h). What the shorthands of actor.h
 * record, one opt-in for the general purpose with nothing else, keeps the
 * short form "consent_given" / "consent_withdrawn"; any other history is
 * written in full as "consents", one record per line. */
static bool consent_short_form(const nw_actor_rec *a)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    if (ax->nconsents != 1)
        return false;
    const nw_consent_rec *c = &ax->consents[0];
    return c->type == NW_CONSENT_OPT_IN && c->purpose == NULL && c->source == NULL
        && c->text == NULL && c->note == NULL && c->expires == NW_DATE_NONE;
}

static void save_consents(nw_buf *b, bool *first, const nw_actor_rec *a)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    if (ax->nconsents == 0)
        return;
    if (consent_short_form(a)) {
        nw_json_key(b, first, 3, "consent_given");
        nw_json_date(b, ax->consents[0].given);
        if (ax->consents[0].withdrawn != NW_DATE_NONE) {
            nw_json_key(b, first, 3, "consent_withdrawn");
            nw_json_date(b, ax->consents[0].withdrawn);
        }
        return;
    }
    nw_json_key(b, first, 3, "consents");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < ax->nconsents; i++) {
        const nw_consent_rec *c = &ax->consents[i];
        const char *const texts[4] = { c->purpose, c->source, c->text, c->note };
        static const char *const names[4] = { "purpose", "source", "text", "note" };
        bool f = true;
        if (i > 0)
            nw_buf_putc(b, ',');
        nw_json_indent(b, 4);
        nw_buf_putc(b, '{');
        nw_json_inline_key(b, &f, "given");
        nw_json_date(b, c->given);
        nw_json_inline_key(b, &f, "type");
        nw_json_str(b, nw_io_consent_type_names[c->type]);
        for (int k = 0; k < 4; k++) {
            if (texts[k] != NULL) {
                nw_json_inline_key(b, &f, names[k]);
                nw_json_str(b, texts[k]);
            }
        }
        if (c->expires != NW_DATE_NONE) {
            nw_json_inline_key(b, &f, "expires");
            nw_json_date(b, c->expires);
        }
        if (c->withdrawn != NW_DATE_NONE) {
            nw_json_inline_key(b, &f, "withdrawn");
            nw_json_date(b, c->withdrawn);
        }
        nw_buf_putc(b, '}');
    }
    nw_json_indent(b, 3);
    nw_buf_putc(b, ']');
}

static void save_actor(nw_buf *b, const nw_actor_rec *a)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    bool first = true;
    nw_buf_putc(b, '{');
    nw_json_key(b, &first, 3, "id");
    nw_buf_put_u64(b, a->id);
    nw_json_key(b, &first, 3, "kind");
    nw_json_str(b, nw_io_kind_names[a->kind]);
    nw_json_key(b, &first, 3, "name");
    nw_json_str(b, a->name);
    if (ax->ncontacts > 0) {
        nw_json_key(b, &first, 3, "contacts");
        nw_buf_putc(b, '[');
        for (size_t i = 0; i < ax->ncontacts; i++) {
            bool f = true;
            if (i > 0)
                nw_buf_putc(b, ',');
            nw_json_indent(b, 4);
            nw_buf_putc(b, '{');
            nw_json_inline_key(b, &f, "channel");
            nw_json_str(b, nw_io_channel_names[ax->contacts[i].channel]);
            nw_json_inline_key(b, &f, "value");
            nw_json_str(b, ax->contacts[i].value);
            nw_buf_putc(b, '}');
        }
        nw_json_indent(b, 3);
        nw_buf_putc(b, ']');
    }
    if (ax->interests.len > 0) {
        nw_json_key(b, &first, 3, "interests");
        nw_json_strset(b, &ax->interests);
    }
    save_consents(b, &first, a);
    if (a->joined != NW_DATE_NONE) {
        nw_json_key(b, &first, 3, "joined");
        nw_json_date(b, a->joined);
    }
    if (ax->nattrs > 0) {
        nw_json_key(b, &first, 3, "attributes");
        nw_buf_putc(b, '{');
        bool f = true;
        for (size_t i = 0; i < ax->nattrs; i++) {
            nw_json_key(b, &f, 4, ax->attrs[i].key);
            nw_json_str(b, ax->attrs[i].value);
        }
        nw_json_indent(b, 3);
        nw_buf_putc(b, '}');
    }
    nw_json_indent(b, 2);
    nw_buf_putc(b, '}');
}

/* Checklists: see the end of this file. */
static void save_checklist(nw_buf *b, const nw_network *net, const nw_tie_rec *t, bool *first);

static void save_tie(nw_buf *b, const nw_network *net, const nw_tie_rec *t)
{
    bool first = true;
    char letter = 'A';
    nw_form_letter(&letter, t->form);
    nw_buf_putc(b, '{');
    nw_json_key(b, &first, 3, "id");
    nw_buf_put_u64(b, t->id);
    nw_json_key(b, &first, 3, "form");
    nw_buf_putc(b, '"');
    nw_buf_putc(b, letter);
    nw_buf_putc(b, '"');
    nw_json_key(b, &first, 3, "members");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < t->nmembers; i++) {
        if (i > 0)
            nw_buf_put(b, ", ", 2);
        nw_buf_put_u64(b, t->members[i]);
    }
    nw_buf_putc(b, ']');
    nw_json_key(b, &first, 3, "start");
    nw_json_date(b, t->start);
    if (t->end != NW_DATE_NONE) {
        nw_json_key(b, &first, 3, "end");
        nw_json_date(b, t->end);
    }
    if (t->imposed) {
        nw_json_key(b, &first, 3, "imposed");
        nw_buf_puts(b, "true");
    }
    if (nw_tie_rec_label(t)[0] != '\0') {
        nw_json_key(b, &first, 3, "label");
        nw_json_str(b, nw_tie_rec_label(t));
    }
    if (nw_tie_rec_topics(t)->len > 0) {
        nw_json_key(b, &first, 3, "topics");
        nw_json_strset(b, nw_tie_rec_topics(t));
    }
    if (nw_tie_rec_goals(t)->len > 0) {
        nw_json_key(b, &first, 3, "goals");
        nw_json_strset(b, nw_tie_rec_goals(t));
    }
    if (nw_tie_rec_nlog(t) > 0) {
        nw_json_key(b, &first, 3, "interactions");
        nw_buf_putc(b, '[');
        for (size_t i = 0; i < nw_tie_rec_nlog(t); i++) {
            const nw_interaction *e = &nw_tie_rec_log(t)[i];
            bool f = true;
            if (i > 0)
                nw_buf_putc(b, ',');
            nw_json_indent(b, 4);
            nw_buf_putc(b, '{');
            nw_json_inline_key(b, &f, "date");
            nw_json_date(b, e->date);
            nw_json_inline_key(b, &f, "kind");
            nw_json_str(b, nw_io_interaction_names[e->kind]);
            if (e->note[0] != '\0') {
                nw_json_inline_key(b, &f, "note");
                nw_json_str(b, e->note);
            }
            nw_buf_putc(b, '}');
        }
        nw_json_indent(b, 3);
        nw_buf_putc(b, ']');
    }
    save_checklist(b, net, t, &first);
    nw_json_indent(b, 2);
    nw_buf_putc(b, '}');
}

int nw_json_save(nw_buf *b, const nw_network *net)
{
    bool first = true;
    nw_buf_putc(b, '{');
    nw_json_key(b, &first, 1, "format");
    nw_json_str(b, "netzwerk");
    nw_json_key(b, &first, 1, "version");
    nw_buf_put_u64(b, NW_FORMAT_VERSION);
    nw_json_key(b, &first, 1, "name");
    nw_json_str(b, net->name);
    if (net->topics.len > 0) {
        nw_json_key(b, &first, 1, "topics");
        nw_json_strset(b, &net->topics);
    }
    if (net->goals.len > 0) {
        nw_json_key(b, &first, 1, "goals");
        nw_json_strset(b, &net->goals);
    }
    nw_json_key(b, &first, 1, "next_actor_id");
    nw_buf_put_u64(b, net->next_actor_id);
    nw_json_key(b, &first, 1, "next_tie_id");
    nw_buf_put_u64(b, net->next_tie_id);

    nw_json_key(b, &first, 1, "actors");
    nw_buf_putc(b, '[');
    bool any = false;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        const nw_actor_rec *a = net->actors[id];
        if (a == NULL)
            continue;
        if (any)
            nw_buf_putc(b, ',');
        any = true;
        nw_json_indent(b, 2);
        save_actor(b, a);
    }
    if (any)
        nw_json_indent(b, 1);
    nw_buf_putc(b, ']');

    nw_json_key(b, &first, 1, "ties");
    nw_buf_putc(b, '[');
    any = false;
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        const nw_tie_rec *t = net->ties[id];
        if (t == NULL)
            continue;
        if (any)
            nw_buf_putc(b, ',');
        any = true;
        nw_json_indent(b, 2);
        save_tie(b, net, t);
    }
    if (any)
        nw_json_indent(b, 1);
    nw_buf_putc(b, ']');
    nw_buf_put(b, "\n}\n", 3);
    return NW_OK;
}

/* ====================================================================== */
/* Reading                                                                */
/* ====================================================================== */

/* While this thread loads a file, cJSON allocates from an arena: blocks of
 * 64 KiB (or one big value) from nw_mem_alloc, handed out by bumping a
 * pointer, and freed all at once when the load is done (cJSON's frees do
 * nothing meanwhile). The tree of a big file has millions of small nodes;
 * the arena makes parsing it faster than with malloc and freeing it almost
 * free, and the parse uses the library's allocator.
 *
 * cJSON keeps one global pair of functions, so the library installs its
 * pair once, for the whole process. Outside the library's own loads (the
 * flag is thread-local: any other thread, or the host's own use of cJSON)
 * they forward to malloc and free, cJSON's defaults, so that the host's
 * cJSON trees never touch the library's allocator. Known limit: a host
 * that had set cJSON hooks of its own before the first load loses them
 * (docs/design.md); one that sets them later is fine, and the load then
 * frees its tree with cJSON_Delete. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    max_align_t data[];
} arena_block;

static _Thread_local arena_block *json_arena;
static _Thread_local bool json_arena_active;
static _Thread_local bool json_out_of_memory;

/* Below glibc's mmap threshold (128 KiB): blocks come from the heap, whose
 * pages later loads reuse, instead of being mapped fresh (and faulted in)
 * every time; 1 MiB blocks made parsing 1.7 times slower. */
#define ARENA_BLOCK ((size_t)64 << 10)

static void *arena_alloc(size_t size)
{
    size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    arena_block *b = json_arena;
    if (b == NULL || b->cap - b->used < size) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        b = nw_mem_alloc(sizeof *b + cap);
        if (b == NULL)
            return NULL;
        b->next = json_arena;
        b->used = 0;
        b->cap = cap;
        json_arena = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

static void arena_free_all(void)
{
    while (json_arena != NULL) {
        arena_block *next = json_arena->next;
        nw_mem_free(json_arena);
        json_arena = next;
    }
    json_arena_active = false;
}

static void *json_alloc(size_t size)
{
    if (!json_arena_active)
        return malloc(size);
    void *p = arena_alloc(size);
    if (p == NULL)
        json_out_of_memory = true;
    return p;
}

static void json_free(void *p)
{
    if (!json_arena_active)
        free(p);
}

static void install_json_alloc(void)
{
    cJSON_Hooks hooks = { json_alloc, json_free };
    cJSON_InitHooks(&hooks);
}

static pthread_once_t json_alloc_once = PTHREAD_ONCE_INIT;

/* ---- the parsed tree ------------------------------------------------------ */

enum jtype { J_OBJECT, J_ARRAY, J_STRING, J_NUMBER, J_BOOL, J_NULL };

static enum jtype jtype(const cJSON *v)
{
    if (cJSON_IsObject(v))
        return J_OBJECT;
    if (cJSON_IsArray(v))
        return J_ARRAY;
    if (cJSON_IsString(v))
        return J_STRING;
    if (cJSON_IsNumber(v))
        return J_NUMBER;
    if (cJSON_IsBool(v))
        return J_BOOL;
    return J_NULL;
}

/* cJSON_GetObjectItemCaseSensitive, with the first byte compared before
 * strcmp: the loader looks up every member of a million objects. */
static cJSON *jget(const cJSON *obj, const char *k)
{
    if (!cJSON_IsObject(obj))
        return NULL;
    for (cJSON *c = obj->child; c != NULL; c = c->next)
        if (c->string[0] == k[0] && strcmp(c->string, k) == 0)
            return c;
    return NULL;
}

static size_t jsize(const cJSON *v)
{
    size_t n = 0;
    for (const cJSON *c = v->child; c != NULL; c = c->next)
        n++;
    return n;
}

#define jforeach(arr, i, v) for ((i) = 0, (v) = (arr)->child; (v) != NULL; (v) = (v)->next, (i)++)

/* ---- JSON paths for messages ------------------------------------------- */

#define PATH_DEPTH 8

typedef struct seg {
    const char *key; /* NULL: an index */
    size_t index;
} seg;

typedef struct reader {
    const nw_io_load *ld;
    nw_network *net;
    seg path[PATH_DEPTH];
    int depth;
} reader;

static void push_key(reader *r, const char *k)
{
    if (r->depth < PATH_DEPTH)
        r->path[r->depth].key = k;
    r->depth++;
}

static void push_index(reader *r, size_t i)
{
    if (r->depth < PATH_DEPTH) {
        r->path[r->depth].key = NULL;
        r->path[r->depth].index = i;
    }
    r->depth++;
}

static void pop(reader *r)
{
    r->depth--;
}

static void render_path(const reader *r, char *out, size_t size)
{
    size_t n = (size_t)snprintf(out, size, "$");
    for (int i = 0; i < r->depth && i < PATH_DEPTH && n < size; i++) {
        if (r->path[i].key != NULL)
            n += (size_t)snprintf(out + n, size - n, ".%s", r->path[i].key);
        else
            n += (size_t)snprintf(out + n, size - n, "[%zu]", r->path[i].index);
    }
}

/* A content error at the current path. */
static int fail(reader *r, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int fail(reader *r, int code, const char *fmt, ...)
{
    char where[NW_LOAD_WHERE_SIZE];
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    render_path(r, where, sizeof where);
    return nw_io_fail(r->ld, code, 0, 0, where, "%s", text);
}

/* A model call failed: re-record its message at the current path. */
static int fail_model(reader *r, int rc)
{
    char where[NW_LOAD_WHERE_SIZE];
    render_path(r, where, sizeof where);
    return nw_io_fail_model(r->ld, rc, where);
}

/* ---- typed access -------------------------------------------------------- */

static const char *type_name(const cJSON *v)
{
    switch (jtype(v)) {
    case J_OBJECT: return "an object";
    case J_ARRAY: return "an array";
    case J_STRING: return "a string";
    case J_NUMBER: return "a number";
    case J_BOOL: return "a boolean";
    default: return "null";
    }
}

static int expect(reader *r, const cJSON *v, enum jtype type, const char *what)
{
    if (jtype(v) == type)
        return NW_OK;
    return fail(r, NW_EFORMAT, "expected %s, found %s", what, type_name(v));
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* No key may appear twice in an object (cJSON would keep both and find the
 * first). Small objects pairwise, big ones sorted. */
static int check_unique(reader *r, const cJSON *obj)
{
    size_t n = jsize(obj);
    const char *dup = NULL;
    if (n <= 16) {
        for (const cJSON *a = obj->child; a != NULL && dup == NULL; a = a->next)
            for (const cJSON *b = a->next; b != NULL && dup == NULL; b = b->next)
                if (a->string[0] == b->string[0] && strcmp(a->string, b->string) == 0)
                    dup = a->string;
    } else {
        const char **keys = nw_mem_calloc(n, sizeof *keys);
        if (keys == NULL)
            return NW_ENOMEM;
        size_t i = 0;
        for (const cJSON *c = obj->child; c != NULL; c = c->next)
            keys[i++] = c->string;
        qsort(keys, n, sizeof *keys, compare_keys);
        for (i = 1; i < n && dup == NULL; i++)
            if (strcmp(keys[i - 1], keys[i]) == 0)
                dup = keys[i];
        nw_mem_free(keys);
    }
    if (dup != NULL) {
        char q[NW_QUOTE_SIZE];
        return fail(r, NW_EFORMAT, "member \"%s\" appears twice", nw_quote(q, dup));
    }
    return NW_OK;
}

/* Every member of obj must be one of `known` (NULL-terminated), once. */
static int check_members(reader *r, const cJSON *obj, const char *const *known)
{
    for (const cJSON *c = obj->child; c != NULL; c = c->next) {
        bool ok = false;
        for (const char *const *k = known; *k && !ok; k++)
            ok = (*k)[0] == c->string[0] && strcmp(*k, c->string) == 0;
        if (!ok) {
            char q[NW_QUOTE_SIZE];
            return fail(r, NW_EFORMAT, "unknown member \"%s\"", nw_quote(q, c->string));
        }
    }
    return check_unique(r, obj);
}

/* The members of obj in one pass: m[i] is the member named names[i]
 * (NULL when absent). Unknown and repeated members are errors, as with
 * check_members(). For ties and checklist items, of which a big file has
 * millions: a look-up per name walks the object once for each. */
static int collect(reader *r, const cJSON *obj, const char *const *names, int n, cJSON **m)
{
    for (int i = 0; i < n; i++)
        m[i] = NULL;
    for (cJSON *c = obj->child; c != NULL; c = c->next) {
        int i = 0;
        while (i < n && (names[i][0] != c->string[0] || strcmp(names[i], c->string) != 0))
            i++;
        char q[NW_QUOTE_SIZE];
        if (i == n)
            return fail(r, NW_EFORMAT, "unknown member \"%s\"", nw_quote(q, c->string));
        if (m[i] != NULL)
            return fail(r, NW_EFORMAT, "member \"%s\" appears twice", names[i]);
        m[i] = c;
    }
    return NW_OK;
}

/* The value v of member `k` (NULL when absent) as a string; *out stays
 * NULL when absent and optional. The *_member functions take the value
 * collect() found, the get_* ones look it up. */
static int string_member(reader *r, const cJSON *v, const char *k, bool required,
                         const char **out)
{
    *out = NULL;
    if (v == NULL) {
        if (required)
            return fail(r, NW_EFORMAT, "member \"%s\" is missing", k);
        return NW_OK;
    }
    push_key(r, k);
    int rc = expect(r, v, J_STRING, "a string");
    if (rc == NW_OK)
        *out = v->valuestring;
    pop(r);
    return rc;
}

/* An integer in [min, max] (1.0 and 1e0 count as 1, as in JSON Schema). */
static int int_value(reader *r, const cJSON *v, long long min, long long max, long long *out)
{
    if (jtype(v) != J_NUMBER)
        return fail(r, NW_EFORMAT, "expected an integer, found %s", type_name(v));
    double d = v->valuedouble;
    if (!(d >= -9.0e15 && d <= 9.0e15) || d != (double)(long long)d)
        return fail(r, NW_EFORMAT, "expected an integer, found %g", d);
    long long n = (long long)d;
    if (n < min || n > max)
        return fail(r, NW_EFORMAT, "%lld is out of range (%lld to %lld)", n, min, max);
    *out = n;
    return NW_OK;
}

static int get_string(reader *r, const cJSON *obj, const char *k, bool required, const char **out)
{
    return string_member(r, jget(obj, k), k, required, out);
}

static int int_member(reader *r, const cJSON *v, const char *k, bool required, long long min,
                      long long max, long long *out)
{
    if (v == NULL)
        return required ? fail(r, NW_EFORMAT, "member \"%s\" is missing", k) : NW_OK;
    push_key(r, k);
    int rc = int_value(r, v, min, max, out);
    pop(r);
    return rc;
}

static int get_int(reader *r, const cJSON *obj, const char *k, bool required, long long min,
                   long long max, long long *out)
{
    return int_member(r, jget(obj, k), k, required, min, max, out);
}

/* An identity or identity counter, 1 to max, that a load limit bounds:
 * a value outside the format's range is NW_EFORMAT, one in range but above
 * `limit` (named `option` in the message) is NW_ELIMIT. */
static int limited_member(reader *r, const cJSON *v, const char *k, bool required,
                          long long max, size_t limit, const char *option, long long *out)
{
    long long n = 0;
    int rc = int_member(r, v, k, required, 1, max, &n);
    if (rc != NW_OK || v == NULL)
        return rc;
    if ((unsigned long long)n > limit) {
        push_key(r, k);
        rc = fail(r, NW_ELIMIT, "%lld is more than nw_load_options.%s allows (%zu)", n, option,
                  limit);
        pop(r);
        return rc;
    }
    *out = n;
    return NW_OK;
}

static int date_value(reader *r, const cJSON *v, nw_date *out)
{
    int rc = expect(r, v, J_STRING, "a date string \"YYYY-MM-DD\"");
    if (rc == NW_OK && (rc = nw_date_parse(out, v->valuestring)) != NW_OK)
        rc = fail_model(r, rc);
    return rc;
}

/* A date member; *out stays NW_DATE_NONE when absent and optional. */
static int date_member(reader *r, const cJSON *v, const char *k, bool required, nw_date *out)
{
    *out = NW_DATE_NONE;
    if (v == NULL)
        return required ? fail(r, NW_EFORMAT, "member \"%s\" is missing", k) : NW_OK;
    push_key(r, k);
    int rc = date_value(r, v, out);
    pop(r);
    return rc;
}

static int get_date(reader *r, const cJSON *obj, const char *k, bool required, nw_date *out)
{
    return date_member(r, jget(obj, k), k, required, out);
}

/* An optional array member, at most max_items long; *out NULL when absent. */
static int array_member(reader *r, cJSON *v, const char *k, cJSON **out)
{
    *out = NULL;
    if (v == NULL)
        return NW_OK;
    push_key(r, k);
    int rc = expect(r, v, J_ARRAY, "an array");
    if (rc == NW_OK && jsize(v) > r->ld->max_items)
        rc = fail(r, NW_ELIMIT, "%zu entries, more than the limit of %zu",
                  jsize(v), r->ld->max_items);
    if (rc == NW_OK)
        *out = v;
    pop(r);
    return rc;
}

static int get_array(reader *r, const cJSON *obj, const char *k, cJSON **out)
{
    return array_member(r, jget(obj, k), k, out);
}

/* Index of `name` in names[0..n), or -1. */
static int lookup_name(const char *const *names, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            return i;
    return -1;
}

static int enum_value(reader *r, const cJSON *v, const char *const *names, int n, int *out)
{
    int rc = expect(r, v, J_STRING, "a string");
    if (rc != NW_OK)
        return rc;
    int i = lookup_name(names, n, v->valuestring);
    if (i < 0) {
        char q[NW_QUOTE_SIZE];
        return fail(r, NW_EFORMAT, "unknown value \"%s\"", nw_quote(q, v->valuestring));
    }
    *out = i;
    return NW_OK;
}

/* The required member k (its value v, NULL when absent) as one of names. */
static int enum_member(reader *r, const cJSON *v, const char *k, const char *const *names,
                       int n, int *out)
{
    if (v == NULL)
        return fail(r, NW_EFORMAT, "member \"%s\" is missing", k);
    push_key(r, k);
    int rc = enum_value(r, v, names, n, out);
    pop(r);
    return rc;
}

/* Apply add(target, text) to every string of an optional array member. */
typedef int (*add_text_fn)(void *target, const char *text);

static int each_string_member(reader *r, cJSON *member, const char *k, add_text_fn add,
                              void *target)
{
    cJSON *arr;
    int rc = array_member(r, member, k, &arr);
    if (rc != NW_OK || arr == NULL)
        return rc;
    push_key(r, k);
    size_t i;
    cJSON *v;
    jforeach(arr, i, v) {
        push_index(r, i);
        rc = expect(r, v, J_STRING, "a string");
        if (rc == NW_OK && (rc = add(target, v->valuestring)) != NW_OK)
            rc = fail_model(r, rc);
        pop(r);
        if (rc != NW_OK)
            break;
    }
    pop(r);
    return rc;
}

static int each_string(reader *r, const cJSON *obj, const char *k, add_text_fn add, void *target)
{
    return each_string_member(r, jget(obj, k), k, add, target);
}

static int add_net_topic(void *net, const char *t) { return nw_network_topic_add(net, t); }
static int add_net_goal(void *net, const char *t) { return nw_network_goal_add(net, t); }
static int add_interest(void *a, const char *t) { return nw_actor_interest_add(a, t); }
static int add_tie_topic(void *t, const char *s) { return nw_tie_topic_add(t, s); }
static int add_tie_goal(void *t, const char *s) { return nw_tie_goal_add(t, s); }

/* ---- actors ---------------------------------------------------------------- */

static const char *const actor_members[] = {
    "id", "kind", "name", "contacts", "interests", "consent_given", "consent_withdrawn",
    "consents", "joined", "attributes", NULL
};

/* The full form of consent records; see save_consents(). */
static int load_consents(reader *r, const cJSON *obj, nw_actor *a)
{
    static const char *const known[] = {
        "given", "type", "purpose", "source", "text", "note", "expires", "withdrawn", NULL
    };
    cJSON *arr;
    int rc = get_array(r, obj, "consents", &arr);
    if (rc != NW_OK || arr == NULL)
        return rc;
    if (jget(obj, "consent_given") != NULL || jget(obj, "consent_withdrawn") != NULL)
        return fail(r, NW_EFORMAT, "\"consents\" and \"consent_given\" / \"consent_withdrawn\" "
                                   "cannot both be given");
    push_key(r, "consents");
    size_t i;
    cJSON *e;
    jforeach(arr, i, e) {
        push_index(r, i);
        nw_consent c = NW_CONSENT_INIT;
        int type = 0;
        rc = expect(r, e, J_OBJECT, "an object");
        if (rc == NW_OK)
            rc = check_members(r, e, known);
        if (rc == NW_OK)
            rc = get_date(r, e, "given", true, &c.given);
        if (rc == NW_OK)
            rc = enum_member(r, jget(e, "type"), "type", nw_io_consent_type_names, 2, &type);
        c.type = (nw_consent_type)type;
        if (rc == NW_OK)
            rc = get_string(r, e, "purpose", false, &c.purpose);
        if (rc == NW_OK)
            rc = get_string(r, e, "source", false, &c.source);
        if (rc == NW_OK)
            rc = get_string(r, e, "text", false, &c.text);
        if (rc == NW_OK)
            rc = get_string(r, e, "note", false, &c.note);
        if (rc == NW_OK)
            rc = get_date(r, e, "expires", false, &c.expires);
        if (rc == NW_OK)
            rc = get_date(r, e, "withdrawn", false, &c.withdrawn);
        if (rc == NW_OK && (rc = nw_consent_add(NULL, a, &c)) != NW_OK)
            rc = fail_model(r, rc);
        pop(r);
        if (rc != NW_OK)
            break;
    }
    pop(r);
    return rc;
}

static int load_contacts(reader *r, const cJSON *obj, nw_actor *a)
{
    static const char *const known[] = { "channel", "value", NULL };
    cJSON *arr;
    int rc = get_array(r, obj, "contacts", &arr);
    if (rc != NW_OK || arr == NULL)
        return rc;
    push_key(r, "contacts");
    size_t i;
    cJSON *c;
    jforeach(arr, i, c) {
        push_index(r, i);
        int channel = 0;
        const char *value = NULL;
        rc = expect(r, c, J_OBJECT, "an object");
        if (rc == NW_OK)
            rc = check_members(r, c, known);
        if (rc == NW_OK)
            rc = enum_member(r, jget(c, "channel"), "channel", nw_io_channel_names, 4, &channel);
        if (rc == NW_OK)
            rc = get_string(r, c, "value", true, &value);
        if (rc == NW_OK && (rc = nw_actor_contact_add(a, (nw_channel)channel, value)) != NW_OK)
            rc = fail_model(r, rc);
        pop(r);
        if (rc != NW_OK)
            break;
    }
    pop(r);
    return rc;
}

static int load_attributes(reader *r, const cJSON *obj, nw_actor *a)
{
    cJSON *attrs = jget(obj, "attributes");
    if (attrs == NULL)
        return NW_OK;
    push_key(r, "attributes");
    int rc = expect(r, attrs, J_OBJECT, "an object");
    if (rc == NW_OK && jsize(attrs) > r->ld->max_items)
        rc = fail(r, NW_ELIMIT, "%zu attributes, more than the limit of %zu",
                  jsize(attrs), r->ld->max_items);
    const char *k;
    cJSON *v;
    if (rc == NW_OK) {
        for (v = attrs->child; v != NULL && (k = v->string) != NULL; v = v->next) {
            push_key(r, k);
            rc = expect(r, v, J_STRING, "a string");
            if (rc == NW_OK && (rc = nw_actor_attr_set(a, k, v->valuestring)) != NW_OK)
                rc = fail_model(r, rc);
            pop(r);
            if (rc != NW_OK)
                break;
        }
    }
    pop(r);
    return rc;
}

static int load_actor(reader *r, const cJSON *obj, nw_id *last)
{
    long long id = 0;
    int kind = 0;
    const char *name = NULL;
    int rc = expect(r, obj, J_OBJECT, "an object");
    if (rc == NW_OK)
        rc = check_members(r, obj, actor_members);
    if (rc == NW_OK)
        rc = limited_member(r, jget(obj, "id"), "id", true, (long long)NW_ID_MAX,
                            r->ld->max_actors, "max_actors", &id);
    if (rc == NW_OK && (nw_id)id <= *last)
        rc = fail(r, NW_EFORMAT, "actor %lld: %s", id,
                  (nw_id)id == *last ? "the identity is used twice"
                                     : "identities must be in ascending order");
    if (rc == NW_OK)
        rc = enum_member(r, jget(obj, "kind"), "kind", nw_io_kind_names, 3, &kind);
    if (rc == NW_OK)
        rc = get_string(r, obj, "name", true, &name);
    if (rc != NW_OK)
        return rc;
    rc = nw_io_actor_add(r->net, (nw_id)id, (nw_actor_kind)kind, name);
    if (rc != NW_OK) {
        push_key(r, "name");
        rc = fail_model(r, rc);
        pop(r);
        return rc;
    }
    *last = (nw_id)id;
    struct nw_actor a = nw_io_actor_ref(r->net, (nw_id)id);

    rc = load_contacts(r, obj, &a);
    if (rc == NW_OK)
        rc = each_string(r, obj, "interests", add_interest, &a);
    nw_date given = NW_DATE_NONE, withdrawn = NW_DATE_NONE, joined = NW_DATE_NONE;
    if (rc == NW_OK)
        rc = get_date(r, obj, "consent_given", false, &given);
    if (rc == NW_OK)
        rc = get_date(r, obj, "consent_withdrawn", false, &withdrawn);
    if (rc == NW_OK)
        rc = get_date(r, obj, "joined", false, &joined);
    if (rc == NW_OK && given != NW_DATE_NONE && (rc = nw_actor_consent_give(&a, given)) != NW_OK) {
        push_key(r, "consent_given");
        rc = fail_model(r, rc);
        pop(r);
    }
    if (rc == NW_OK && withdrawn != NW_DATE_NONE
        && (rc = nw_actor_consent_withdraw(&a, withdrawn)) != NW_OK) {
        push_key(r, "consent_withdrawn");
        rc = fail_model(r, rc);
        pop(r);
    }
    if (rc == NW_OK)
        rc = load_consents(r, obj, &a);
    if (rc == NW_OK && joined != NW_DATE_NONE && (rc = nw_actor_set_joined(&a, joined)) != NW_OK) {
        push_key(r, "joined");
        rc = fail_model(r, rc);
        pop(r);
    }
    if (rc == NW_OK)
        rc = load_attributes(r, obj, &a);
    return rc;
}

/* ---- ties ----------------------------------------------------------------- */

enum {
    T_ID, T_FORM, T_MEMBERS, T_START, T_END, T_IMPOSED, T_LABEL, T_TOPICS, T_GOALS,
    T_INTERACTIONS, T_CHECKLIST, T_COUNT
};

static const char *const tie_members[T_COUNT] = {
    "id", "form", "members", "start", "end", "imposed", "label", "topics", "goals",
    "interactions", "checklist"
};

/* The members of most ties fit in `small` (no allocation per tie); *ids
 * is small or an array to free with nw_mem_free. */
#define MEMBERS_SMALL 16

static int load_members(reader *r, cJSON *member, nw_id small[MEMBERS_SMALL], nw_id **ids,
                        size_t *n)
{
    cJSON *arr;
    if (member == NULL)
        return fail(r, NW_EFORMAT, "member \"members\" is missing");
    int rc = array_member(r, member, "members", &arr);
    if (rc != NW_OK)
        return rc;
    push_key(r, "members");
    size_t count = jsize(arr);
    nw_id *list = count <= MEMBERS_SMALL ? small : nw_mem_calloc(count, sizeof *list);
    if (list == NULL) {
        pop(r);
        return NW_ENOMEM;
    }
    size_t i;
    cJSON *v;
    jforeach(arr, i, v) {
        long long id = 0;
        push_index(r, i);
        rc = int_value(r, v, 1, (long long)NW_ID_MAX, &id);
        if (rc == NW_OK && nw_network_actor_rec(r->net, (nw_id)id) == NULL)
            rc = fail(r, NW_EFORMAT, "no actor %lld", id);
        pop(r);
        if (rc != NW_OK)
            break;
        list[i] = (nw_id)id;
    }
    pop(r);
    if (rc != NW_OK) {
        if (list != small)
            nw_mem_free(list);
        return rc;
    }
    *ids = list;
    *n = count;
    return NW_OK;
}

static int load_interactions(reader *r, cJSON *member, nw_tie *t)
{
    static const char *const known[] = { "date", "kind", "note", NULL };
    cJSON *arr;
    int rc = array_member(r, member, "interactions", &arr);
    if (rc != NW_OK || arr == NULL)
        return rc;
    push_key(r, "interactions");
    size_t i;
    cJSON *e;
    jforeach(arr, i, e) {
        push_index(r, i);
        nw_date date = NW_DATE_NONE;
        int kind = 0;
        const char *note = NULL;
        rc = expect(r, e, J_OBJECT, "an object");
        if (rc == NW_OK)
            rc = check_members(r, e, known);
        if (rc == NW_OK)
            rc = get_date(r, e, "date", true, &date);
        if (rc == NW_OK)
            rc = enum_member(r, jget(e, "kind"), "kind", nw_io_interaction_names, 4, &kind);
        if (rc == NW_OK)
            rc = get_string(r, e, "note", false, &note);
        if (rc == NW_OK
            && (rc = nw_tie_interaction_add(t, date, (nw_interaction_kind)kind, note)) != NW_OK)
            rc = fail_model(r, rc);
        pop(r);
        if (rc != NW_OK)
            break;
    }
    pop(r);
    return rc;
}

static int load_checklist(reader *r, const cJSON *obj, nw_id tie);

static int load_tie(reader *r, const cJSON *obj, nw_id *last)
{
    long long id = 0;
    nw_form form = NW_FORM_BEGEGNUNG;
    nw_date start = NW_DATE_NONE, end = NW_DATE_NONE;
    const char *label = NULL;
    cJSON *m[T_COUNT];
    int rc = expect(r, obj, J_OBJECT, "an object");
    if (rc == NW_OK)
        rc = collect(r, obj, tie_members, T_COUNT, m);
    if (rc == NW_OK)
        rc = limited_member(r, m[T_ID], "id", true, (long long)NW_ID_MAX, r->ld->max_ties,
                            "max_ties", &id);
    if (rc == NW_OK && (nw_id)id <= *last)
        rc = fail(r, NW_EFORMAT, "tie %lld: %s", id,
                  (nw_id)id == *last ? "the identity is used twice"
                                     : "identities must be in ascending order");
    if (rc == NW_OK) {
        const char *f = NULL;
        rc = string_member(r, m[T_FORM], "form", true, &f);
        if (rc == NW_OK && (f[0] == '\0' || f[1] != '\0' || f[0] < 'A' || f[0] > 'D')) {
            push_key(r, "form");
            rc = fail(r, NW_EFORMAT, "a form is one letter from A to D");
            pop(r);
        }
        if (rc == NW_OK)
            nw_form_from_letter(&form, f[0]);
    }
    if (rc == NW_OK)
        rc = date_member(r, m[T_START], "start", true, &start);
    if (rc == NW_OK)
        rc = date_member(r, m[T_END], "end", false, &end);
    if (rc == NW_OK)
        rc = string_member(r, m[T_LABEL], "label", false, &label);
    cJSON *imposed = rc == NW_OK ? m[T_IMPOSED] : NULL;
    if (rc == NW_OK && imposed != NULL && !cJSON_IsBool(imposed)) {
        push_key(r, "imposed");
        rc = expect(r, imposed, J_BOOL, "a boolean");
        pop(r);
    }
    nw_id small[MEMBERS_SMALL], *members = NULL;
    size_t nmembers = 0;
    if (rc == NW_OK)
        rc = load_members(r, m[T_MEMBERS], small, &members, &nmembers);
    if (rc != NW_OK)
        return rc;
    rc = nw_io_tie_add(r->net, (nw_id)id, form, members, nmembers, start);
    if (members != small)
        nw_mem_free(members);
    if (rc != NW_OK) {
        push_key(r, "members");
        rc = fail_model(r, rc);
        pop(r);
        return rc;
    }
    *last = (nw_id)id;
    struct nw_tie t = nw_io_tie_ref(r->net, (nw_id)id);

    if (end != NW_DATE_NONE && (rc = nw_tie_set_end(&t, end)) != NW_OK) {
        push_key(r, "end");
        rc = fail_model(r, rc);
        pop(r);
    }
    if (rc == NW_OK && cJSON_IsTrue(imposed) && (rc = nw_tie_set_imposed(&t, true)) != NW_OK)
        rc = fail_model(r, rc);
    if (rc == NW_OK && label != NULL && (rc = nw_tie_set_label(&t, label)) != NW_OK) {
        push_key(r, "label");
        rc = fail_model(r, rc);
        pop(r);
    }
    if (rc == NW_OK)
        rc = each_string_member(r, m[T_TOPICS], "topics", add_tie_topic, &t);
    if (rc == NW_OK)
        rc = each_string_member(r, m[T_GOALS], "goals", add_tie_goal, &t);
    if (rc == NW_OK)
        rc = load_interactions(r, m[T_INTERACTIONS], &t);
    if (rc == NW_OK && m[T_CHECKLIST] != NULL) {
        push_key(r, "checklist");
        rc = load_checklist(r, m[T_CHECKLIST], (nw_id)id);
        pop(r);
    }
    return rc;
}

/* ---- the document ------------------------------------------------------------ */

static const char *const top_members[] = {
    "format", "version", "name", "topics", "goals", "next_actor_id", "next_tie_id",
    "actors", "ties", NULL
};

/* A pass over the text before cJSON sees it: nesting depth (cJSON's own
 * limit, 1000, is far above what the format needs, and its parser
 * recurses), and the escape \u0000, which cJSON would turn into a string
 * cut short. Both are reported with line and column. It skips with two
 * tables the bytes that matter to neither (most of a file: text and
 * indentation), which made it three times faster than a test of each byte. */
static const unsigned char stop_outside[256] = {
    ['"'] = 1, ['{'] = 1, ['['] = 1, ['}'] = 1, [']'] = 1
};
static const unsigned char stop_inside[256] = { ['"'] = 1, ['\\'] = 1 };

static int prescan(const char *data, size_t len, const nw_io_load *ld)
{
    unsigned max = ld->max_depth < CJSON_NESTING_LIMIT ? ld->max_depth : CJSON_NESTING_LIMIT;
    unsigned depth = 0;
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0, line, column;
    for (;;) {
        while (i < len && !stop_outside[s[i]])
            i++;
        if (i >= len)
            return NW_OK;
        if (s[i] == '{' || s[i] == '[') {
            if (++depth > max) {
                nw_io_line_col(data, len, i, &line, &column);
                return nw_io_fail(ld, NW_ELIMIT, line, column, NULL,
                                  "nesting deeper than the limit of %u", max);
            }
            i++;
            continue;
        }
        if (s[i] != '"') {
            if (depth > 0)
                depth--;
            i++;
            continue;
        }
        /* A string: up to its closing quote, escapes skipped. */
        for (i++;; i += 2) {
            while (i < len && !stop_inside[s[i]])
                i++;
            if (i >= len)
                return NW_OK; /* not closed: cJSON says where */
            if (s[i] == '"')
                break;
            if (i + 5 < len && s[i + 1] == 'u' && memcmp(s + i + 2, "0000", 4) == 0) {
                nw_io_line_col(data, len, i, &line, &column);
                return nw_io_fail(ld, NW_EFORMAT, line, column, NULL,
                                  "\\u0000 (a NUL character) is not allowed in text");
            }
        }
        i++;
    }
}

/* cJSON says only where it stopped; we say what we found there. */
static int parse_error(const nw_io_load *ld, const char *data, size_t len, const char *at)
{
    if (json_out_of_memory)
        return nw_io_fail(ld, NW_ENOMEM, 0, 0, NULL, "out of memory (parsing JSON)");
    size_t off = at != NULL && at >= data && at <= data + len ? (size_t)(at - data) : len;
    size_t line, column;
    nw_io_line_col(data, len, off, &line, &column);
    if (off >= len)
        return nw_io_fail(ld, NW_EFORMAT, line, column, NULL,
                          "invalid JSON: unexpected end of input");
    unsigned char c = (unsigned char)data[off];
    if (c >= 0x20 && c < 0x7f)
        return nw_io_fail(ld, NW_EFORMAT, line, column, NULL, "invalid JSON near '%c'", c);
    return nw_io_fail(ld, NW_EFORMAT, line, column, NULL, "invalid JSON near byte 0x%02x", c);
}

static int load_doc(reader *r, const cJSON *root)
{
    const char *format = NULL, *name = NULL;
    long long version = 0, next_actor = 0, next_tie = 0;
    int rc = expect(r, root, J_OBJECT, "an object");
    if (rc == NW_OK)
        rc = check_unique(r, root);
    if (rc == NW_OK) {
        cJSON *f = jget(root, "format");
        if (!cJSON_IsString(f) || strcmp(f->valuestring, "netzwerk") != 0)
            rc = fail(r, NW_EFORMAT, "not a netzwerk file (expected \"format\": \"netzwerk\")");
    }
    if (rc == NW_OK)
        rc = get_int(r, root, "version", true, 1, (long long)INT32_MAX, &version);
    if (rc == NW_OK && version > NW_FORMAT_VERSION)
        rc = fail(r, NW_EFORMAT,
                  "format version %lld is newer than this library reads (%d): update libnetzwerk",
                  version, NW_FORMAT_VERSION);
    if (rc == NW_OK)
        rc = check_members(r, root, top_members);
    if (rc == NW_OK)
        rc = get_string(r, root, "format", true, &format);
    if (rc == NW_OK)
        rc = get_string(r, root, "name", true, &name);
    if (rc == NW_OK)
        rc = limited_member(r, jget(root, "next_actor_id"), "next_actor_id", false,
                            (long long)NW_ID_MAX + 1, r->ld->max_actors + 1, "max_actors",
                            &next_actor);
    if (rc == NW_OK)
        rc = limited_member(r, jget(root, "next_tie_id"), "next_tie_id", false,
                            (long long)NW_ID_MAX + 1, r->ld->max_ties + 1, "max_ties",
                            &next_tie);
    cJSON *actors = jget(root, "actors");
    cJSON *ties = jget(root, "ties");
    if (rc == NW_OK && actors == NULL)
        rc = fail(r, NW_EFORMAT, "member \"actors\" is missing");
    if (rc == NW_OK && ties == NULL)
        rc = fail(r, NW_EFORMAT, "member \"ties\" is missing");
    if (rc == NW_OK) {
        push_key(r, "actors");
        rc = expect(r, actors, J_ARRAY, "an array");
        if (rc == NW_OK && jsize(actors) > r->ld->max_actors)
            rc = fail(r, NW_ELIMIT, "%zu actors, more than the limit of %zu",
                      jsize(actors), r->ld->max_actors);
        pop(r);
    }
    if (rc == NW_OK) {
        push_key(r, "ties");
        rc = expect(r, ties, J_ARRAY, "an array");
        if (rc == NW_OK && jsize(ties) > r->ld->max_ties)
            rc = fail(r, NW_ELIMIT, "%zu ties, more than the limit of %zu",
                      jsize(ties), r->ld->max_ties);
        pop(r);
    }
    if (rc != NW_OK)
        return rc;

    rc = nw_network_new(&r->net, name);
    if (rc != NW_OK) {
        push_key(r, "name");
        rc = fail_model(r, rc);
        pop(r);
        return rc;
    }
    rc = each_string(r, root, "topics", add_net_topic, r->net);
    if (rc == NW_OK)
        rc = each_string(r, root, "goals", add_net_goal, r->net);

    nw_id last = NW_ID_NONE;
    size_t i;
    cJSON *v;
    push_key(r, "actors");
    jforeach(actors, i, v) {
        if (rc != NW_OK)
            break;
        push_index(r, i);
        rc = load_actor(r, v, &last);
        pop(r);
    }
    pop(r);
    nw_id last_actor = last;
    last = NW_ID_NONE;
    push_key(r, "ties");
    jforeach(ties, i, v) {
        if (rc != NW_OK)
            break;
        push_index(r, i);
        rc = load_tie(r, v, &last);
        pop(r);
    }
    pop(r);
    if (rc == NW_OK && next_actor != 0 && (uint64_t)next_actor <= last_actor) {
        push_key(r, "next_actor_id");
        rc = fail(r, NW_EFORMAT, "%lld is not above the highest actor identity %lu", next_actor,
                  (unsigned long)last_actor);
        pop(r);
    }
    if (rc == NW_OK && next_tie != 0 && (uint64_t)next_tie <= last) {
        push_key(r, "next_tie_id");
        rc = fail(r, NW_EFORMAT, "%lld is not above the highest tie identity %lu", next_tie,
                  (unsigned long)last);
        pop(r);
    }
    if (rc == NW_OK && (rc = nw_io_set_next_ids(r->net, (uint64_t)next_actor,
                                                (uint64_t)next_tie)) != NW_OK)
        rc = fail_model(r, rc);
    return rc;
}

int nw_json_load(nw_network **out, const char *data, size_t len, const nw_io_load *ld)
{
    int rc = prescan(data, len, ld);
    if (rc != NW_OK)
        return rc;
    pthread_once(&json_alloc_once, install_json_alloc);

    json_out_of_memory = false;
    json_arena_active = true;
    const char *end = NULL;
    cJSON *root = len > 0 ? cJSON_ParseWithLengthOpts(data, len, &end, false) : NULL;
    if (root != NULL) {
        /* Only white space may follow the document. */
        size_t off = (size_t)(end - data);
        while (off < len && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n'
                             || data[off] == '\r'))
            off++;
        if (off < len)
            rc = parse_error(ld, data, len, data + off);
    }
    /* A failed allocation fails the load even if the parser went on. */
    if (rc == NW_OK && (root == NULL || json_out_of_memory))
        rc = parse_error(ld, data, len, end);

    reader r;
    memset(&r, 0, sizeof r);
    r.ld = ld;
    if (rc == NW_OK)
        rc = load_doc(&r, root);
    /* A tree with no arena block was allocated by hooks that the host set
     * after ours: it is freed the host's way. */
    bool foreign = root != NULL && json_arena == NULL;
    arena_free_all(); /* the whole tree */
    if (foreign)
        cJSON_Delete(root);
    if (rc != NW_OK) {
        nw_network_free(r.net);
        return rc;
    }
    *out = r.net;
    return NW_OK;
}

/* ====================================================================== */
/* Checklists                                                             */
/* ====================================================================== */


/* "checklist": {"next_item_id": N, "items": [one item per line]}, items
 * in list order. */
static void save_checklist(nw_buf *b, const nw_network *net, const nw_tie_rec *t, bool *first)
{
    const nw_checklist_rec *cl = nw_tie_rec_checklist(t);
    if (cl == NULL)
        return;
    bool f = true;
    nw_json_key(b, first, 3, "checklist");
    nw_buf_putc(b, '{');
    nw_json_key(b, &f, 4, "next_item_id");
    nw_buf_put_u64(b, cl->next_item_id); /* NW_ID_MAX + 1 ("used up") too */
    nw_json_key(b, &f, 4, "items");
    nw_buf_putc(b, '[');
    for (size_t i = 0; i < cl->nitems; i++) {
        const nw_item_rec *it = &cl->items[i];
        bool g = true;
        if (i > 0)
            nw_buf_putc(b, ',');
        nw_json_indent(b, 5);
        nw_buf_putc(b, '{');
        nw_json_inline_key(b, &g, "id");
        nw_buf_put_u64(b, it->id);
        nw_json_inline_key(b, &g, "code");
        nw_json_str(b, nw_item_code(it));
        if (it->builtin == NULL) {
            nw_json_inline_key(b, &g, "label");
            nw_json_str(b, it->label);
        }
        if (it->partner != NW_ID_NONE) {
            nw_json_inline_key(b, &g, "partner");
            nw_buf_put_u64(b, it->partner);
        }
        nw_json_inline_key(b, &g, "state");
        nw_json_str(b, nw_io_item_state_names[it->state]);
        nw_id resp = nw_item_responsible(net, it); /* none once the actor is removed */
        if (resp != NW_ID_NONE) {
            nw_json_inline_key(b, &g, "responsible");
            nw_buf_put_u64(b, resp);
        }
        if (it->due != NW_DATE_NONE) {
            nw_json_inline_key(b, &g, "due");
            nw_json_date(b, it->due);
        }
        if (it->note != NULL && it->note[0] != '\0') {
            nw_json_inline_key(b, &g, "note");
            nw_json_str(b, it->note);
        }
        nw_buf_putc(b, '}');
    }
    if (cl->nitems > 0)
        nw_json_indent(b, 4);
    nw_buf_putc(b, ']');
    nw_json_indent(b, 3);
    nw_buf_putc(b, '}');
}

/* A big file has millions of checklist items, so reading one is a single
 * pass over its members (collect()), a look-up of its code in the tie's
 * own template, and no allocation for checklists of ordinary size. */

enum { I_ID, I_CODE, I_LABEL, I_PARTNER, I_STATE, I_RESPONSIBLE, I_DUE, I_NOTE, I_COUNT };

static const char *const item_members[I_COUNT] = {
    "id", "code", "label", "partner", "state", "responsible", "due", "note"
};

/* The members of one item of the file, checked. */
typedef struct item_in {
    long long id, partner, responsible; /* 0 when absent */
    const char *code, *label, *note;    /* label, note NULL when absent */
    int state;
    nw_date due;
} item_in;

static int read_item(reader *r, const cJSON *obj, item_in *in)
{
    const long long max = (long long)NW_ID_MAX;
    cJSON *m[I_COUNT];
    memset(in, 0, sizeof *in);
    int rc = expect(r, obj, J_OBJECT, "an object");
    if (rc == NW_OK)
        rc = collect(r, obj, item_members, I_COUNT, m);
    if (rc == NW_OK)
        rc = int_member(r, m[I_ID], "id", true, 1, max, &in->id);
    if (rc == NW_OK)
        rc = string_member(r, m[I_CODE], "code", true, &in->code);
    if (rc == NW_OK)
        rc = string_member(r, m[I_LABEL], "label", false, &in->label);
    if (rc == NW_OK)
        rc = int_member(r, m[I_PARTNER], "partner", false, 1, max, &in->partner);
    if (rc == NW_OK)
        rc = enum_member(r, m[I_STATE], "state", nw_io_item_state_names, 4, &in->state);
    if (rc == NW_OK)
        rc = int_member(r, m[I_RESPONSIBLE], "responsible", false, 1, max, &in->responsible);
    if (rc == NW_OK && in->responsible != 0
        && nw_network_actor_rec(r->net, (nw_id)in->responsible) == NULL) {
        push_key(r, "responsible");
        rc = fail(r, NW_EFORMAT, "no actor %lld", in->responsible);
        pop(r);
    }
    if (rc == NW_OK)
        rc = date_member(r, m[I_DUE], "due", false, &in->due);
    if (rc == NW_OK)
        rc = string_member(r, m[I_NOTE], "note", false, &in->note);
    if (rc == NW_OK && in->note != NULL
        && (rc = nw_text_check(in->note, NW_TEXT_FREE, "note")) != NW_OK) {
        push_key(r, "note");
        rc = fail_model(r, rc);
        pop(r);
    }
    return rc;
}

/* A failure at the member k of the current object. */
static int fail_at(reader *r, const char *k, const char *text)
{
    push_key(r, k);
    int rc = fail(r, NW_EFORMAT, "%s", text);
    pop(r);
    return rc;
}

/* Why a built-in item of the file has no place in this checklist. */
static int explain_builtin(reader *r, const nw_checklist_rec *cl, const nw_tie_rec *tie,
                           const item_in *in)
{
    char q[NW_QUOTE_SIZE], text[200];
    const nw_checklist_builtin *b = nw_catalog_find(in->code);
    char letter = '?', want = '?';
    if (b == NULL) {
        snprintf(text, sizeof text, "unknown item code \"%s\"", nw_quote(q, in->code));
        return fail_at(r, "code", text);
    }
    if (b->form != cl->form) {
        nw_form_letter(&letter, b->form);
        nw_form_letter(&want, cl->form);
        snprintf(text, sizeof text, "item \"%s\" belongs to the checklist of form %c, not %c",
                 b->code, letter, want);
        return fail_at(r, "code", text);
    }
    if (b->per_partner && in->partner == 0)
        return fail(r, NW_EFORMAT, "member \"partner\" is missing (item \"%s\" is one per partner)",
                    b->code);
    if (!b->per_partner && in->partner != 0) {
        snprintf(text, sizeof text, "item \"%s\" is not one per partner", b->code);
        return fail_at(r, "partner", text);
    }
    if (in->partner != 0 && !nw_ids_contains(tie->members, tie->nmembers, (nw_id)in->partner)) {
        snprintf(text, sizeof text, "actor %lld is not a member of this tie", in->partner);
        return fail_at(r, "partner", text);
    }
    return fail(r, NW_EFORMAT, "the checklist of this tie has no item \"%s\"", b->code);
}

/* The place of the built-in item `code` (of `partner`) in cl, or -1. The
 * template's items come first, then the per-partner ones by partner, then
 * the users' items: a binary search finds a partner's item, since a
 * hostile file could list the items of a cooperation of 100,000 partners
 * in any order. */
static ptrdiff_t find_builtin(const nw_checklist_rec *cl, const char *code, nw_id partner)
{
    size_t i = 0;
    for (; i < cl->nitems && cl->items[i].builtin && !cl->items[i].builtin->per_partner; i++)
        if (partner == NW_ID_NONE && strcmp(cl->items[i].builtin->code, code) == 0)
            return (ptrdiff_t)i;
    if (partner == NW_ID_NONE)
        return -1;
    size_t lo = i, hi = cl->nitems; /* partners ascending, users' items after them */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cl->items[mid].builtin && cl->items[mid].partner < partner)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < cl->nitems && cl->items[lo].builtin && cl->items[lo].partner == partner
        && strcmp(cl->items[lo].builtin->code, code) == 0)
        return (ptrdiff_t)lo;
    return -1;
}

/* Which item of cl an item of the file is: a user's item is added, a
 * built-in one found. *at is its place in cl->items. */
static int match_item(reader *r, struct nw_checklist *h, nw_checklist_rec *cl,
                      const nw_tie_rec *tie, const item_in *in, const bool *given, size_t *at)
{
    int rc;
    if (strcmp(in->code, NW_ITEM_CODE_CUSTOM) == 0) {
        if (in->partner != 0)
            return fail_at(r, "partner", "a custom item has no partner");
        if (in->label == NULL)
            return fail(r, NW_EFORMAT, "member \"label\" is missing (a custom item needs one)");
        if ((rc = nw_checklist_item_add(NULL, h, in->label)) != NW_OK) {
            push_key(r, "label");
            rc = fail_model(r, rc);
            pop(r);
            return rc;
        }
        *at = cl->nitems - 1;
        return NW_OK;
    }
    if (in->label != NULL)
        return fail_at(r, "label", "a built-in item has no label (it comes from the catalogue)");
    ptrdiff_t i = find_builtin(cl, in->code, (nw_id)in->partner);
    if (i < 0)
        return explain_builtin(r, cl, tie, in);
    if (given[i]) {
        if (in->partner != 0)
            return fail(r, NW_EFORMAT, "item \"%s\" of partner %lld is given twice",
                        cl->items[i].builtin->code, in->partner);
        return fail(r, NW_EFORMAT, "item \"%s\" is given twice", cl->items[i].builtin->code);
    }
    *at = (size_t)i;
    return NW_OK;
}

/* One item of the file: check it, find or add its item, and set its
 * fields and identity. given[] marks the items the file has given. */
static int load_item(reader *r, const cJSON *obj, struct nw_checklist *h, nw_checklist_rec *cl,
                     const nw_tie_rec *tie, bool *given, nw_id *id)
{
    item_in in;
    size_t at = 0;
    int rc = read_item(r, obj, &in);
    if (rc == NW_OK)
        rc = match_item(r, h, cl, tie, &in, given, &at);
    char *copy = NULL;
    if (rc == NW_OK && in.note != NULL && in.note[0] != '\0' && (copy = nw_mem_strdup(in.note)) == NULL)
        rc = NW_ENOMEM;
    if (rc != NW_OK)
        return rc;
    /* The identity may clash with a temporary one of another item until
     * every item has its own. */
    nw_item_rec *it = &cl->items[at];
    it->id = (nw_id)in.id;
    it->state = (nw_item_state)in.state;
    it->responsible = (nw_id)in.responsible;
    it->due = in.due;
    nw_mem_free(it->note);
    it->note = copy;
    given[at] = true;
    *id = (nw_id)in.id;
    return NW_OK;
}

typedef struct item_ref {
    nw_id id;
    size_t index; /* in the file's "items" */
} item_ref;

static int compare_refs(const void *a, const void *b)
{
    const item_ref *x = a, *y = b;
    if (x->id != y->id)
        return x->id < y->id ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* No identity twice: name the first item (in file order) that repeats
 * one. *max is the highest identity (0 for no items). */
static int check_item_ids(reader *r, item_ref *refs, size_t n, nw_id *max)
{
    size_t k = 1;
    while (k < n && refs[k - 1].id < refs[k].id) /* mostly ascending already */
        k++;
    if (k < n)
        qsort(refs, n, sizeof *refs, compare_refs);
    *max = n > 0 ? refs[n - 1].id : 0;
    size_t bad = SIZE_MAX, other = 0;
    nw_id id = NW_ID_NONE;
    for (k = 1; k < n; k++)
        if (refs[k].id == refs[k - 1].id && refs[k].index < bad) {
            bad = refs[k].index;
            other = refs[k - 1].index;
            id = refs[k].id;
        }
    if (bad == SIZE_MAX)
        return NW_OK;
    push_key(r, "items");
    push_index(r, bad);
    push_key(r, "id");
    int rc = fail(r, NW_EFORMAT, "item identity %lu is used twice (also by items[%zu])",
                  (unsigned long)id, other);
    pop(r);
    pop(r);
    pop(r);
    return rc;
}

#define SMALL_CHECKLIST 64

/* Cooperations and groups have their template's checklist already; an
 * encounter or contact gets one here. The file's built-in items are found
 * in it by code (and partner), users' items are added after them, in file
 * order; then every item takes the identity the file gives it. An item of
 * the template that the file lacks (say, a file older than the catalogue)
 * gets a new identity from next_item_id on. */
static int load_checklist(reader *r, const cJSON *obj, nw_id tie)
{
    static const char *const known[] = { "next_item_id", "items", NULL };
    long long next = 0;
    cJSON *items = NULL;
    int rc = expect(r, obj, J_OBJECT, "an object");
    if (rc == NW_OK)
        rc = check_members(r, obj, known);
    if (rc == NW_OK)
        rc = get_int(r, obj, "next_item_id", true, 1, (long long)NW_ID_MAX + 1, &next);
    if (rc == NW_OK)
        rc = get_array(r, obj, "items", &items);
    if (rc == NW_OK && items == NULL)
        rc = fail(r, NW_EFORMAT, "member \"items\" is missing");
    if (rc != NW_OK)
        return rc;

    nw_tie_rec *rec = nw_network_tie_rec(r->net, tie);
    struct nw_tie t = nw_io_tie_ref(r->net, tie);
    if (nw_tie_rec_checklist(rec) == NULL && (rc = nw_tie_checklist_create(NULL, &t)) != NW_OK)
        return fail_model(r, rc);
    nw_checklist_rec *cl = nw_tie_rec_checklist(rec);
    struct nw_checklist h = { r->net, tie };

    size_t n = jsize(items);
    bool given_small[SMALL_CHECKLIST];
    item_ref refs_small[SMALL_CHECKLIST];
    bool *given = given_small; /* users' items add up to n */
    item_ref *refs = refs_small;
    if (cl->nitems + n <= SMALL_CHECKLIST) {
        memset(given, 0, (cl->nitems + n) * sizeof *given);
    } else {
        given = nw_mem_calloc(cl->nitems + n, sizeof *given);
        refs = nw_mem_calloc(n, sizeof *refs);
        if (given == NULL || refs == NULL)
            rc = NW_ENOMEM;
    }
    size_t i;
    cJSON *v;
    push_key(r, "items");
    for (i = 0, v = items->child; rc == NW_OK && v != NULL; v = v->next, i++) {
        push_index(r, i);
        rc = load_item(r, v, &h, cl, rec, given, &refs[i].id);
        refs[i].index = i;
        pop(r);
    }
    pop(r);
    nw_id max = 0;
    if (rc == NW_OK)
        rc = check_item_ids(r, refs, n, &max);
    if (rc == NW_OK && n > 0 && (uint64_t)next <= max) {
        push_key(r, "next_item_id");
        rc = fail(r, NW_EFORMAT, "%lld is not above the highest item identity %lu", next,
                  (unsigned long)max);
        pop(r);
    }
    if (rc == NW_OK) {
        /* Items of the template that the file lacks get new identities. */
        uint64_t fresh = (uint64_t)next;
        size_t missing = 0, first = 0;
        for (size_t k = cl->nitems; k-- > 0;)
            if (!given[k]) {
                missing++;
                first = k;
            }
        if (missing > 0 && fresh + missing - 1 > NW_ID_MAX)
            rc = fail(r, NW_ELIMIT, "the item \"%s\" of the template is missing, and the item "
                      "identities are used up", nw_item_code(&cl->items[first]));
        for (size_t k = 0; rc == NW_OK && k < cl->nitems; k++)
            if (!given[k])
                cl->items[k].id = (nw_id)fresh++;
        /* Stored as is, NW_ID_MAX + 1 ("used up") too: capping it would
         * hand out an identity a second time. */
        if (rc == NW_OK)
            cl->next_item_id = fresh;
    }
    if (given != given_small) {
        nw_mem_free(given);
        nw_mem_free(refs);
    }
    return rc;
}
