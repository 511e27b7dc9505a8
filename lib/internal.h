/*
 * The model as the library sees it: the structs behind the opaque handles and
 * the helpers every part of lib/ shares. Not installed; nothing outside lib/
 * includes it.
 *
 * Layers (nothing lower reaches up):
 *   model     error.c alloc.c text.c strset.c date.c form.c network.c actor.c tie.c iter.c
 *             consent.c                           (issue 8)
 *   rules     checklist*.c principles*.c          (issue 3)
 *   analysis  snapshot.c measures*.c              (issue 4)
 *   formats   json.c graphml.c csv.c              (issue 5), network_copy.c (issue 8)
 *   privacy   erase.c access_export.c pseudonymise.c (issue 8), on top of the formats
 */
#ifndef NW_INTERNAL_H
#define NW_INTERNAL_H

#include "netzwerk.h"

#include <inttypes.h>
#include <stdarg.h>

/* ---- errors (error.c) -------------------------------------------------- */

/* Record code and a printf-style detail as this thread's last error; returns
 * code so that callers can write `return nw_fail(NW_EINVAL, "...")`. */
int nw_fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Mark the error just recorded as found at nplaces (1 or 2) places of an
 * array argument, for nw_errpos (the message names them too); returns code:
 * `return nw_error_at(nw_fail(...), 1, i, 0)`. */
int nw_error_at(int code, size_t nplaces, size_t first, size_t second);
/* Copy at most about 60 bytes of caller text into buf (cut at a character
 * boundary, "..." appended when cut) for quoting it in an error message.
 * Returns buf. nw_fail() replaces any invalid UTF-8 in a message by '?', so
 * nw_errmsg() is always valid UTF-8. */
#define NW_QUOTE_SIZE 72
const char *nw_quote(char buf[NW_QUOTE_SIZE], const char *text);

/* ---- memory (alloc.c) -------------------------------------------------- */

/* All allocations go through these; each failure records NW_ENOMEM. */
void *nw_mem_alloc(size_t size);
void *nw_mem_calloc(size_t count, size_t size);    /* zeroed; checks overflow */
void *nw_mem_realloc(void *ptr, size_t size);      /* ptr may be NULL; on failure ptr is intact */
void nw_mem_free(void *ptr);
char *nw_mem_strdup(const char *s);
/* Make room for at least `need` items of `item_size` in *items (capacity in
 * *cap), growing geometrically. On failure *items and *cap are unchanged. */
int nw_mem_reserve(void **items, size_t *cap, size_t need, size_t item_size);
/* An arena: memory carved from chunks and given back all at once. A
 * network keeps one for what its bulk loads make (actor records, tie
 * lists); nothing in it is freed on its own. A mark taken before a step
 * that may fail lets the step give back what it took. */
typedef struct nw_arena {
    struct nw_arena_chunk *head; /* the newest chunk; NULL while empty */
} nw_arena;
typedef struct nw_arena_mark {
    struct nw_arena_chunk *chunk;
    size_t used;
} nw_arena_mark;
/* `size` bytes, uninitialised, aligned for pointers, size_t and 64-bit
 * integers (8 bytes, not max_align_t); NULL + NW_ENOMEM. */
void *nw_arena_alloc(nw_arena *arena, size_t size);
nw_arena_mark nw_arena_mark_get(const nw_arena *arena);
/* Give back everything allocated since `mark` was taken. */
void nw_arena_rewind(nw_arena *arena, nw_arena_mark mark);
void nw_arena_clear(nw_arena *arena); /* all of it */

/* NW_EINVAL unless lang is a language of nw_lang (form.c). */
int nw_check_lang(nw_lang lang);

/* ---- text (text.c) ----------------------------------------------------- */

enum nw_text_rule {
    NW_TEXT_LINE,     /* non-empty, no control characters: names, topics, keys */
    NW_TEXT_OPTIONAL, /* like LINE but may be empty: labels */
    NW_TEXT_FREE      /* may be empty, may contain \n \r \t: notes, values */
};
/* Validate UTF-8 (no overlongs, no surrogates, <= U+10FFFF), length
 * <= NW_TEXT_MAX and the rule; on failure records NW_EINVAL naming `what`. */
int nw_text_check(const char *text, enum nw_text_rule rule, const char *what);
/* Byte offsets in messages and *bad_offset count from 0. */
bool nw_utf8_valid(const char *text, size_t len, size_t *bad_offset);
/* Decode one strict UTF-8 sequence of at most len bytes; returns its length
 * (1 to 4) and sets *cp, or 0 if the bytes there are not valid UTF-8. */
size_t nw_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* A contact value for a channel: e-mail NW_TEXT_LINE plus exactly one '@'
 * with text on both sides and no whitespace; others non-empty NW_TEXT_FREE. */
int nw_contact_check(nw_channel channel, const char *value, const char *what);

/* ---- ordered string set (strset.c) ------------------------------------- */

typedef struct nw_strset {
    char **items;
    size_t len, cap;
} nw_strset;

void nw_strset_clear(nw_strset *set);                       /* frees items */
ptrdiff_t nw_strset_find(const nw_strset *set, const char *s); /* -1 if absent */
/* Validates with NW_TEXT_LINE, rejects duplicates (NW_EEXISTS), copies. */
int nw_strset_add(nw_strset *set, const char *s, const char *what);
int nw_strset_remove(nw_strset *set, const char *s, const char *what);
int nw_strset_get(const char **out, const nw_strset *set, size_t index, const char *what);

/* ---- the model ---------------------------------------------------------- */

typedef struct nw_contact {
    nw_channel channel;
    char *value;
} nw_contact;

typedef struct nw_attr {
    char *key;
    char *value;
} nw_attr;

/* A consent record (netzwerk/consent.h); strings NULL when empty. erase.c
 * wipes every string of an actor record: keep it in step with new fields. */
typedef struct nw_consent_rec {
    nw_date given, expires, withdrawn;
    nw_consent_type type;
    char *purpose, *source, *text, *note;
} nw_consent_rec;

typedef struct nw_interaction {
    nw_date date;
    nw_interaction_kind kind;
    char *note;   /* never NULL; "" when absent */
} nw_interaction;

typedef struct nw_actor_rec nw_actor_rec;
typedef struct nw_tie_rec nw_tie_rec;

/* The fields few actors use, in a block of their own that
 * nw_actor_extra_get makes on first use and nw_actor_rec_free frees: a
 * bulk-loaded actor keeps its record small (issue 4). Read them through
 * nw_actor_rec_extra(), which gives an empty block for an actor without one. */
struct nw_actor_extra {
    nw_contact *contacts;
    size_t ncontacts, capcontacts;
    nw_strset interests;
    struct nw_consent_rec *consents; /* consent records in the order added (consent.c) */
    size_t nconsents, capconsents;
    nw_attr *attrs;            /* sorted by key (strcmp) */
    size_t nattrs, capattrs;
};

struct nw_actor_rec {
    nw_id id;
    nw_actor_kind kind;
    char *name;
    nw_id *ties;               /* ids of the ties it belongs to, ascending */
    size_t nties, capties;     /* capties 0 with ties != NULL: the list lives in the
                                  network's arena (a bulk load), with room for nties */
    struct nw_actor_extra *extra; /* NULL until a rare field is first set */
    nw_date joined;
    bool in_arena;             /* lives in the network's arena (a bulk load): not freed alone */
    char name_buf[];           /* the name given at creation; `name` points here
                                  until a rename (actor.c: one allocation less) */
};

/* The actor's extra block, made (zeroed) if it has none; NULL + NW_ENOMEM
 * leaves the actor as it was. An empty block is the same as none. */
struct nw_actor_extra *nw_actor_extra_get(nw_actor_rec *a);
extern const struct nw_actor_extra nw_actor_no_extra; /* all empty */

/* The rare fields of a, never NULL: its block, or the shared empty one.
 * Read only; setters use nw_actor_extra_get. */
static inline const struct nw_actor_extra *nw_actor_rec_extra(const nw_actor_rec *a)
{
    return a->extra != NULL ? a->extra : &nw_actor_no_extra;
}

/* The fields few ties use, in a block of their own that nw_tie_extra_get
 * makes on first use and nw_tie_rec_free frees: a bulk-loaded tie keeps
 * its record small (issue 4). Read them through the nw_tie_rec_* readers
 * below, which give the empty values for a tie without a block. */
struct nw_tie_extra {
    char *label;               /* NULL when absent */
    nw_strset topics, goals;
    nw_interaction *log;       /* sorted by date, stable */
    size_t nlog, caplog;
    struct nw_checklist_rec *checklist; /* issue 3: B and D always, A and C on request; else NULL */
};

struct nw_tie_rec {
    nw_id id;
    uint8_t form;              /* an nw_form */
    bool imposed;
    nw_date start, end;        /* end == NW_DATE_NONE while open */
    uint32_t nmembers, capmembers; /* members are distinct actors: <= NW_ID_MAX */
    nw_id pair[2];
    nw_id *members;            /* ascending, distinct, >= 2; points to pair[] while the
                                  tie has two (tie.c: one allocation less per tie) */
    struct nw_tie_extra *extra; /* NULL until a rare field is first set */
    struct nw_tie_block *block; /* the block of nw_ties_add it lives in, or NULL: its own */
};

/* The tie's extra block, made (zeroed) if it has none; NULL + NW_ENOMEM
 * leaves the tie as it was. An empty block is the same as none. */
struct nw_tie_extra *nw_tie_extra_get(nw_tie_rec *t);
/* Take a member out of t->members (nw_ids_erase for the narrow count). */
void nw_tie_rec_member_erase(nw_tie_rec *t, nw_id actor);
extern const nw_strset nw_tie_no_strset; /* the topics and goals of a tie without extra */

static inline const char *nw_tie_rec_label(const nw_tie_rec *t)
{
    return t->extra != NULL && t->extra->label != NULL ? t->extra->label : "";
}
static inline const nw_strset *nw_tie_rec_topics(const nw_tie_rec *t)
{
    return t->extra != NULL ? &t->extra->topics : &nw_tie_no_strset;
}
static inline const nw_strset *nw_tie_rec_goals(const nw_tie_rec *t)
{
    return t->extra != NULL ? &t->extra->goals : &nw_tie_no_strset;
}
static inline size_t nw_tie_rec_nlog(const nw_tie_rec *t)
{
    return t->extra != NULL ? t->extra->nlog : 0;
}
static inline const nw_interaction *nw_tie_rec_log(const nw_tie_rec *t)
{
    return t->extra != NULL ? t->extra->log : NULL;
}
static inline struct nw_checklist_rec *nw_tie_rec_checklist(const nw_tie_rec *t)
{
    return t->extra != NULL ? t->extra->checklist : NULL;
}

struct nw_network {
    unsigned long refs;        /* 1 for the owner while open + 1 per live handle/iterator */
    bool closed;               /* the owner called nw_network_free: a zombie if refs > 0 */
    char *name;
    nw_strset topics, goals;
    /* Records indexed by identity; slot 0 unused; NULL once removed.
     * next_*_id is the identity the next creation gets; it is 64 bits wide so
     * that it can reach NW_ID_MAX + 1 ("used up") without wrapping, and
     * `for (uint64_t id = 1; id < next_actor_id; id++)` visits every slot. */
    nw_actor_rec **actors;
    size_t actors_cap;
    uint64_t next_actor_id;
    size_t actor_count;
    nw_tie_rec **ties;
    size_t ties_cap;
    uint64_t next_tie_id;
    size_t tie_count;
    size_t tie_count_by_form[NW_FORM_COUNT];
    struct nw_name_index *names; /* actor name -> record (names.c); NULL until first used */
    nw_arena arena;            /* actor records and tie lists of bulk loads */
    /* Incremented by every change, so that derived data (analysis snapshots)
     * can tell whether it is still current. */
    uint64_t generation;
    uint64_t serial;           /* unique in the process: a later network at the same
                                  address is not this one (nw_snapshot_is_current) */
};

/* Handles: which network, which identity. They never point into the records,
 * so a removed record can never be reached through a stale handle. */
struct nw_actor {
    nw_network *net;
    nw_id id;
};

struct nw_tie {
    nw_network *net;
    nw_id id;
};

/* Iterators (iter.c). ids == NULL: walk the network's identities from pos up
 * to the current next_*_id, so later additions are reached. Otherwise walk
 * the fixed, ascending copy ids[pos .. nids). Removed identities are skipped. */
struct nw_actor_iter {
    nw_network *net;
    bool whole_network;        /* walk the network, not ids[] */
    nw_id *ids;
    size_t nids;
    uint64_t pos;
};

struct nw_tie_iter {
    nw_network *net;
    unsigned form_mask;        /* applied when walking the network */
    bool whole_network;        /* walk the network, not ids[] */
    nw_id *ids;
    size_t nids;
    uint64_t pos;
};

/* The largest identity; one more means "used up" (NW_ELIMIT). */
#define NW_ID_MAX ((nw_id)UINT32_MAX)

/* ---- actor name index (names.c, ck_hs) -------------------------------- */

/* The index holds the live actor records under their current name: a
 * record's `name` must not change while it is indexed, except through
 * nw_names_rename. */
struct nw_name_index;
/* Identity of the actor with this exact name, or NW_ID_NONE. */
nw_id nw_names_find(const nw_network *net, const char *name);
/* Index rec under rec->name (of len bytes), *owner = NW_ID_NONE; unless
 * the name is indexed already: then nothing changes and *owner is its
 * actor. NW_ENOMEM leaves the index unchanged. */
int nw_names_put(nw_id *owner, nw_network *net, nw_actor_rec *rec, size_t len);
/* Room for `more` names besides those indexed, so that a bulk load does
 * not grow the index name by name. Changes nothing visible. */
int nw_names_reserve(nw_network *net, size_t more);
/* Take rec out of the index (if it is indexed); never allocates, never fails. */
void nw_names_erase(nw_network *net, nw_actor_rec *rec);
/* Point rec->name to new_name (not taken: the caller checked) and index rec
 * under it; NW_ENOMEM leaves rec and the index as they were. The caller
 * frees the old name. */
int nw_names_rename(nw_network *net, nw_actor_rec *rec, char *new_name);
/* Free the whole index. */
void nw_names_clear(nw_network *net);

/* ---- sorted identity arrays (network.c) -------------------------------- */

/* Position of the first element >= id in ascending ids[0..n). */
size_t nw_ids_lower_bound(const nw_id *ids, size_t n, nw_id id);
bool nw_ids_contains(const nw_id *ids, size_t n, nw_id id);
/* Insert keeping the order; the caller has reserved room for n + 1. */
void nw_ids_insert(nw_id *ids, size_t *n, nw_id id);
/* Remove if present; never allocates. */
void nw_ids_erase(nw_id *ids, size_t *n, nw_id id);

/* ---- network internals (network.c) ------------------------------------- */

void nw_network_ref(nw_network *net);
void nw_network_unref(nw_network *net); /* destroys a closed network at 0 */
void nw_network_touch(nw_network *net); /* ++generation */
/* For calls on a network pointer: NW_EINVAL naming `what` for NULL,
 * NW_ESTALE if the owner already freed it (a zombie). */
int nw_network_check(const nw_network *net, const char *what);
/* Raise the next actor / tie identity to at least next_actor / next_tie
 * (never lower them; 0 leaves one as it is), with empty slots (as removed
 * records leave) for the identities skipped: loaders that keep a file's
 * identities. NW_ELIMIT past NW_ID_MAX + 1; NW_ENOMEM changes nothing. */
int nw_network_reserve_ids(nw_network *net, uint64_t next_actor, uint64_t next_tie);

/* Record for a live identity, or NULL. Inline: the bulk load and the
 * file loaders call them for every member. */
static inline nw_actor_rec *nw_network_actor_rec(const nw_network *net, nw_id id)
{
    return id != NW_ID_NONE && id < net->next_actor_id ? net->actors[id] : NULL;
}
static inline nw_tie_rec *nw_network_tie_rec(const nw_network *net, nw_id id)
{
    return id != NW_ID_NONE && id < net->next_tie_id ? net->ties[id] : NULL;
}

/* Resolve a handle to its record: records NW_EINVAL for NULL, NW_ESTALE
 * ("network was freed" / "actor 7 was removed") and returns NULL then. */
nw_actor_rec *nw_actor_resolve(const nw_actor *actor);
nw_tie_rec *nw_tie_resolve(const nw_tie *tie);

/* Free a record and everything it owns (not its name index entry). */
void nw_actor_rec_free(nw_actor_rec *rec);
/* Take a live actor out of its network, as nw_actor_remove does (it leaves
 * its ties, ties left with one member go, its name index entry goes, its
 * slot empties) but do not free the record: the caller frees it (erase.c
 * wipes it first). Never allocates, never fails; does not touch the network. */
void nw_actor_rec_detach(nw_network *net, nw_actor_rec *rec);
void nw_tie_rec_free(nw_tie_rec *rec);
/* Remove a live tie from the network: take its identity out of the `ties`
 * list of every member except `skip` (NW_ID_NONE: none), update the counts
 * and free it. Never allocates, never fails; does not touch the network. */
void nw_tie_rec_drop(nw_network *net, nw_tie_rec *tie, nw_id skip);

/* ---- checklist hooks (checklist.c, issue 3) ----------------------------
 * The model keeps each tie's agreement checklist in step with the tie. */
typedef struct nw_checklist_rec nw_checklist_rec;
/* The checklist a new tie starts with: from the template for B and D (with
 * one item per member of a cooperation), *out = NULL for A and C. Call
 * before committing the tie; free it with nw_checklist_rec_free on failure. */
int nw_checklist_rec_for_tie(nw_checklist_rec **out, nw_form form, const nw_id *members, size_t n);
/* Before committing a new member: room for its per-partner item (cl may be
 * NULL); changes nothing visible. */
int nw_checklist_rec_reserve_member(nw_checklist_rec *cl);
/* After a member joined / left (cl may be NULL). Never allocate, never fail. */
void nw_checklist_rec_member_added(nw_checklist_rec *cl, nw_id actor);
void nw_checklist_rec_member_removed(nw_checklist_rec *cl, nw_id actor);
void nw_checklist_rec_free(nw_checklist_rec *cl);

/* New handles (they take a network reference); NULL + NW_ENOMEM on failure. */
nw_actor *nw_actor_handle_new(nw_network *net, nw_id id);
nw_tie *nw_tie_handle_new(nw_network *net, nw_id id);

/* Validation helpers shared by the public entry points. */
int nw_check_form(nw_form form);
int nw_check_form_mask(unsigned mask);
int nw_check_date(nw_date date, const char *what);          /* valid date required */
int nw_check_date_or_none(nw_date date, const char *what);  /* NW_DATE_NONE allowed */
/* A date as text for messages: "YYYY-MM-DD", "none" or "invalid"; never
 * fails and records nothing. Returns buf. */
const char *nw_date_str(char buf[NW_DATE_BUFSIZE], nw_date date);

/* ---- consent records (consent.c, issue 8) ------------------------------ */

/* Free the records of an actor (nw_actor_rec_free calls it). */
void nw_consent_recs_free(nw_actor_rec *rec);
/* Whether one record is in force on d (see netzwerk/consent.h). */
bool nw_consent_in_force(const nw_consent_rec *c, nw_date d);
/* Whether consent for `purpose` (NULL or "": the general purpose) is valid
 * on d: the deciding record in force is an opt-in. */
bool nw_consent_valid_on(const nw_actor_rec *rec, const char *purpose, nw_date d);
/* Why consent for `purpose`, invalid on d, is so: the last day on or before
 * d on which it stopped being valid, and what stopped it; NW_DATE_NONE if it
 * was never valid on or before d. */
enum nw_consent_end { NW_CONSENT_END_WITHDRAWN, NW_CONSENT_END_EXPIRED, NW_CONSENT_END_OPT_OUT };
nw_date nw_consent_lapsed(enum nw_consent_end *why, const nw_actor_rec *rec, const char *purpose,
                          nw_date d);
/* The record the shorthands of actor.h work on: the last opt-in record of
 * the general purpose, or NULL. */
nw_consent_rec *nw_consent_general(const nw_actor_rec *rec);

/* Overwrite memory with zeros in a way the compiler keeps (erase.c). */
void nw_wipe(void *p, size_t n);

#endif
