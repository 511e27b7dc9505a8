/*
 * Agreement checklists inside the library: the record behind a checklist
 * handle, the built-in catalogue, and the per-item tests that the public
 * checklist calls (checklist.c), the validation rules (principles_rules.c)
 * and the file formats use. Not installed.
 *
 * The model (tie.c, actor.c) keeps checklists in step with ties through the
 * hooks declared in internal.h; everything else lives here.
 */
#ifndef NW_CHECKLIST_REC_H
#define NW_CHECKLIST_REC_H

#include "internal.h"

typedef struct nw_item_rec {
    nw_id id;
    const nw_checklist_builtin *builtin; /* NULL for a user's item */
    char *label;                         /* a user's item only; never NULL there */
    nw_id partner;                       /* per-partner items; NW_ID_NONE otherwise */
    nw_item_state state;
    nw_id responsible;                   /* may name a removed actor: read through nw_item_responsible() */
    nw_date due;                         /* NW_DATE_NONE when not set */
    char *note;                          /* NULL when empty */
} nw_item_rec;

struct nw_checklist_rec {
    nw_form form;
    uint64_t next_item_id; /* the identity the next item gets; NW_ID_MAX + 1: used up */
    nw_item_rec *items;  /* template, then per-partner by partner id, then users' items */
    size_t nitems, capitems;
};

struct nw_checklist {
    nw_network *net;
    nw_id tie;
};

/* ---- catalogue (checklist_catalog.c) ---------------------------------- */

size_t nw_catalog_count(nw_form form);
const nw_checklist_builtin *nw_catalog_get(nw_form form, size_t index); /* NULL if out of range */
const nw_checklist_builtin *nw_catalog_find(const char *code);         /* NULL if unknown */

/* ---- records (checklist.c) --------------------------------------------- */

/* A new checklist from the template of `form`; members (any order) get their
 * per-partner items if the template has one. */
int nw_checklist_rec_new(nw_checklist_rec **out, nw_form form, const nw_id *members, size_t n);

/* The hooks the model calls are declared in internal.h. */

/* Position of an item, or -1. */
ptrdiff_t nw_checklist_rec_find(const nw_checklist_rec *cl, nw_id item);

/* Per-item tests, see netzwerk/checklist.h. */
bool nw_item_overdue(const nw_item_rec *item, nw_date as_of);
bool nw_item_settled(const nw_item_rec *item, nw_date as_of);
const char *nw_item_label(const nw_item_rec *item, nw_lang lang);
const char *nw_item_code(const nw_item_rec *item);
nw_id nw_item_responsible(const nw_network *net, const nw_item_rec *item);

#endif
