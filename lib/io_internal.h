/*
 * The file-format layer (issue 5): what format_json.c, format_graphml.c,
 * format_csv.c and the public entry points in io.c share. Sits on top of the
 * model (internal.h); the model knows nothing of it.
 *
 *   io.c           public entry points, options, format detection, reading files
 *   io_buf.c       the growable output buffer
 *   io_cells.c     cell values of CSV and GraphML: lists, kinds, forms, booleans
 *   io_build.c     creating actors and ties with given identities
 *   network_copy.c copies of a network with its identities (issue 8)
 *   atomic_file.c  atomic replacement of a file
 */
#ifndef NW_IO_INTERNAL_H
#define NW_IO_INTERNAL_H

#include "internal.h"

#include <string.h>

/* ---- output buffer (io_buf.c) ------------------------------------------ */

/* Appends never fail visibly: the first allocation failure sets `failed`
 * (NW_ENOMEM is recorded) and later appends do nothing, so writers check
 * once at the end. */
typedef struct nw_buf {
    char *data;
    size_t len, cap;
    bool failed;
} nw_buf;

void nw_buf_init(nw_buf *b);
void nw_buf_free(nw_buf *b);
bool nw_buf_grow(nw_buf *b, size_t extra); /* slow path of the appends */
void nw_buf_printf(nw_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void nw_buf_put_u64(nw_buf *b, uint64_t v);
void nw_buf_put_date(nw_buf *b, nw_date d); /* YYYY-MM-DD; d must be valid */
/* Hand the NUL-terminated text to the caller (free with nw_mem_free), or
 * return NW_ENOMEM (and free the buffer) if an append failed. */
int nw_buf_finish(nw_buf *b, char **out, size_t *len);

static inline void nw_buf_put(nw_buf *b, const void *p, size_t n)
{
    if (n == 0) /* p may be NULL then (libcsv's empty cells) */
        return;
    if (b->cap - b->len <= n && !nw_buf_grow(b, n))
        return;
    memcpy(b->data + b->len, p, n);
    b->len += n;
}

static inline void nw_buf_putc(nw_buf *b, char c)
{
    if (b->cap - b->len <= 1 && !nw_buf_grow(b, 1))
        return;
    b->data[b->len++] = c;
}

static inline void nw_buf_puts(nw_buf *b, const char *s)
{
    nw_buf_put(b, s, strlen(s));
}

/* ---- JSON writing (io_buf.c) --------------------------------------------
 * The pieces of the native format's writer, shared with the access export
 * (access_export.c): one layout, two-space indentation. */

/* A JSON string. Text in the model is valid UTF-8, written as is; only '"',
 * '\' and control characters are escaped. */
void nw_json_str(nw_buf *b, const char *s);
/* A line break and `level` steps of two spaces. */
void nw_json_indent(nw_buf *b, int level);
/* Start a member of a multi-line object: ",\n<indent>"key": ". */
void nw_json_key(nw_buf *b, bool *first, int level, const char *k);
/* Start a member of a one-line object: "key": or , "key": */
void nw_json_inline_key(nw_buf *b, bool *first, const char *k);
/* A set of strings on one line: ["a", "b"]. */
void nw_json_strset(nw_buf *b, const nw_strset *set);
/* A date as a string "YYYY-MM-DD"; d must be valid. */
void nw_json_date(nw_buf *b, nw_date d);

/* ---- cell values (io_cells.c) ------------------------------------------ */

/* "person", "group", "organisation", indexed by nw_actor_kind. */
extern const char *const nw_io_kind_names[3];
/* The names the native format (and the access export) gives the values of
 * the model's enums, indexed by them: "email", "phone", "postal", "other";
 * "meeting", "call", "message", "event"; "open", "agreed", "done",
 * "not_applicable"; "opt-in", "opt-out". */
extern const char *const nw_io_channel_names[4];
extern const char *const nw_io_interaction_names[4];
extern const char *const nw_io_item_state_names[4];
extern const char *const nw_io_consent_type_names[2];
/* Lenient readers (case-insensitive, German words too); NW_EFORMAT without
 * recording an error when the text is none of them. */
int nw_io_parse_kind(nw_actor_kind *out, const char *s);   /* person, Gruppe, organization ... */
int nw_io_parse_form(nw_form *out, const char *s);         /* "B", "Kooperation", "cooperation" */
int nw_io_parse_bool(bool *out, const char *s);            /* true/false, 1/0, ja/nein, wahr/falsch */

/* A list of texts in one cell: items joined by '|', with '\' escaping a
 * '|' or '\' inside an item ("a\|b" is the one item "a|b"). */
void nw_list_put(nw_buf *b, const char *const *items, size_t n);
/* Split a cell into items (each a new NUL-terminated string, the array and
 * the strings freed with nw_list_free). Empty items are dropped; an empty
 * cell gives no items. A '\' before anything but '|' or '\' is kept as is. */
int nw_list_split(char ***items, size_t *n, const char *cell, size_t max_items);
void nw_list_free(char **items, size_t n);

/* ---- loading (io.c) ---------------------------------------------------- */

/* nw_load_options with defaults filled in. */
typedef struct nw_io_load {
    nw_format format;
    size_t max_bytes, max_actors, max_ties, max_items;
    unsigned max_depth;
    nw_date default_start;
    nw_form default_form;
    const char *name;
    char csv_separator;
    nw_load_error *error;
} nw_io_load;

/* Record a load failure at a place: the message becomes
 * "line L, column C: where: text" (parts that are 0 / NULL are left out) and
 * ld->error, if any, is filled. Returns code. */
int nw_io_fail(const nw_io_load *ld, int code, size_t line, size_t column, const char *where,
               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* A model call failed while building from a file: re-record its error at
 * `where`. Codes that mean "the input breaks a rule" (EINVAL, EEXISTS,
 * ENOTFOUND, ESTALE, ERROR) become NW_EFORMAT; NW_ENOMEM and NW_ELIMIT stay. */
int nw_io_fail_model(const nw_io_load *ld, int rc, const char *where);
/* 1-based line and column (in bytes) of a byte offset. */
void nw_io_line_col(const char *data, size_t len, size_t offset, size_t *line, size_t *column);

/* ---- building with identities (io_build.c) ------------------------------ */

/* Create an actor / a tie whose identity is exactly `id`, which must be at
 * least the network's next identity of that kind; the identities skipped
 * count as used (removed) ones. Otherwise like nw_actor_add / nw_tie_add. */
int nw_io_actor_add(nw_network *net, nw_id id, nw_actor_kind kind, const char *name);
int nw_io_tie_add(nw_network *net, nw_id id, nw_form form, const nw_id *members, size_t count,
                  nw_date start);
/* Raise the next identities (never lower them): saved files keep their
 * counters so that identities are not reused after save and load. */
int nw_io_set_next_ids(nw_network *net, uint64_t next_actor, uint64_t next_tie);
/* Stack handles for model calls made while building (no allocation, no
 * reference: valid only while the network is). */
static inline struct nw_actor nw_io_actor_ref(nw_network *net, nw_id id)
{
    struct nw_actor a = { net, id };
    return a;
}
static inline struct nw_tie nw_io_tie_ref(nw_network *net, nw_id id)
{
    struct nw_tie t = { net, id };
    return t;
}

/* ---- copies of a network (network_copy.c) ------------------------------
 * With the original's identities (io_build.c): the pseudonymised copy
 * (pseudonymise.c) and the consent filter of saving (io.c). */

/* What a text of the network is, so that a mapping can treat it. */
enum nw_text_class {
    NW_TEXT_CLASS_NETWORK,  /* the network's name */
    NW_TEXT_CLASS_NAME,     /* an actor's name */
    NW_TEXT_CLASS_EMAIL,    /* an e-mail contact value */
    NW_TEXT_CLASS_CONTACT,  /* any other contact value */
    NW_TEXT_CLASS_TOPIC,    /* topics and goals (network, ties), interests */
    NW_TEXT_CLASS_PURPOSE,  /* a consent record's purpose */
    NW_TEXT_CLASS_FREE      /* everything else: labels, notes, attribute values, consent texts */
};

/* Map one non-empty text: *out = a new string (nw_mem_*; the copy frees
 * it), or NULL to keep the text as it is. A failure is returned. */
typedef int (*nw_text_map_fn)(char **out, void *ctx, enum nw_text_class cls, const char *text);

/* A new network equal to net in every field, identities and counters, with
 * every non-empty text passed through map (NULL: copied as is). Attribute
 * keys, checklist codes and built-in labels are never mapped. A checklist
 * item's responsible actor is copied only while that actor exists. On
 * failure nothing is returned and nothing leaks. */
int nw_network_copy_mapped(nw_network **out, const nw_network *net, nw_text_map_fn map, void *ctx);

/* A copy of net without the actors whose consent for `purpose` (NULL: the
 * general purpose) is not valid on as_of; they leave as by nw_actor_remove. */
int nw_network_copy_consenting(nw_network **out, const nw_network *net, nw_date as_of,
                               const char *purpose);

/* ---- atomic files (atomic_file.c) -------------------------------------- */

/* Replace the file at path by data: a temporary file in the same folder,
 * written, flushed (fsync unless !sync), renamed over path, and the folder
 * synced. On failure path is untouched, the temporary file is removed and
 * NW_EIO is recorded with the system's reason. */
int nw_atomic_write(const char *path, const void *data, size_t len, bool sync);

/* ---- formats ------------------------------------------------------------ */

/* Each writer appends to buf (the caller checks buf->failed); each loader
 * builds a new network or fails leaving nothing. */
int nw_json_save(nw_buf *buf, const nw_network *net);
int nw_json_load(nw_network **out, const char *data, size_t len, const nw_io_load *ld);
int nw_graphml_save(nw_buf *buf, const nw_network *net);
int nw_graphml_load(nw_network **out, const char *data, size_t len, const nw_io_load *ld);
int nw_csv_save(nw_buf *actors, nw_buf *ties, const nw_network *net, char sep, bool bom);
int nw_csv_load(nw_network **out, const char *actors, size_t actors_len, const char *ties,
                size_t ties_len, const nw_io_load *ld);

#endif
