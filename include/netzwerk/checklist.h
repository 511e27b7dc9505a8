/**
 * @file netzwerk/checklist.h
 * @brief Agreement checklists (Vereinbarungs-Checklisten) of ties.
 *
 * The seed says that cooperations succeed only when they are well agreed
 * (gut vereinbart): clear goal statements, unambiguous agreements, good
 * communication and controlling, and the aim of complementing each other.
 * A group must stay relevant and have resources for the long term. A
 * checklist records, item by item, how far a tie has got there.
 *
 * @section cl_which Which ties have one
 *
 * Every cooperation (B Kooperation) and every group (D Gruppe) has a
 * checklist from the moment it is created, filled from the built-in template
 * of its form. Encounters (A Begegnung) and contacts (C Kontakt) get one only
 * when asked for with nw_tie_checklist_create(): most of them never need one,
 * and an empty list would only add noise.
 *
 * @section cl_items Items
 *
 * Each item has a *stable identity* (::nw_id) inside its checklist, assigned
 * in increasing order and never reused, so that a program can hold on to an
 * item while others come and go. Built-in items carry a code such as
 * `"coop.goal"` and German and English labels from one catalogue
 * (nw_checklist_builtin_get()); items added by users have the code
 * `"custom"` and the label they were given.
 *
 * A cooperation has one item `"coop.partner_benefit"` **per partner**: what
 * that partner contributes and gains (gegenseitige Ergänzung). The library
 * keeps these in step with the members: an actor that joins the cooperation
 * gets a new open item, an actor that leaves (or is removed) takes its item
 * with it.
 *
 * Items are listed in this order: the template's items in catalogue order,
 * the per-partner items in order of the partner's identity, then the users'
 * items in the order they were added.
 *
 * Built-in items cannot be removed; set them to ::NW_ITEM_NOT_APPLICABLE
 * instead. Users' items can.
 *
 * @section cl_states States, due dates and "well agreed"
 *
 * An item is *open*, *agreed* (the partners agreed on it), *done* (it is in
 * place) or *not applicable*. It may name a responsible actor (any actor of
 * the network: the coordinator who runs the controlling need not be a
 * partner), a due date and a note.
 *
 * For most items the due date is a deadline: the item is **overdue** on a
 * date after it while it is not done. Three built-in items are *review*
 * items (nw_checklist_builtin::review): `coop.controlling`, `group.relevance`
 * and `contact.kept_up`. Their due date is the date of the next review; they
 * are overdue once it has passed, even when done, until it is moved on.
 *
 * An item is **settled** on a date when
 * - it is agreed or done, or not applicable and not *essential*
 *   (nw_checklist_builtin::essential: the goal, the agreements, the
 *   communication, the contact persons, the controlling, the resources and
 *   each partner's benefit of a cooperation cannot be set aside), and
 * - it is not overdue, and
 * - if it is a review item, the date of the next review is set.
 *
 * A checklist is **well agreed** on a date when every item is settled. The
 * unsettled items are the reasons why not; they mirror the stumbling blocks
 * named by practice sheets for cooperation agreements: unclear goals,
 * non-binding agreements, unclear contact persons, missing resources, an
 * imbalance of give and take.
 *
 * @section cl_handles Handles
 *
 * An ::nw_checklist is a handle like ::nw_tie: owned by the caller, freed
 * with nw_checklist_free(), keeps its network alive, and fails with
 * ::NW_ESTALE once its tie is removed or its network freed. Like every
 * handle it belongs to its network for thread safety (see netzwerk/common.h).
 */
#ifndef NETZWERK_CHECKLIST_H
#define NETZWERK_CHECKLIST_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A handle on the agreement checklist of one tie. Opaque. */
typedef struct nw_checklist nw_checklist;

/** The state of a checklist item. The values are stable. */
typedef enum nw_item_state {
    NW_ITEM_OPEN = 0,          /**< Nothing agreed yet (offen). */
    NW_ITEM_AGREED = 1,        /**< The partners agreed on it (vereinbart). */
    NW_ITEM_DONE = 2,          /**< It is in place (erledigt). */
    NW_ITEM_NOT_APPLICABLE = 3 /**< It does not apply to this tie (entfällt). */
} nw_item_state;

/** The code of every item added by a user. */
#define NW_ITEM_CODE_CUSTOM "custom"

/**
 * @brief One built-in item of the catalogue. All strings are static.
 */
typedef struct nw_checklist_builtin {
    const char *code;     /**< Stable code, e.g. "coop.goal". */
    nw_form form;         /**< The form whose template holds it. */
    bool essential;       /**< Setting it not applicable does not settle it. */
    bool review;          /**< Its due date is the date of the next review. */
    bool per_partner;     /**< One item per member of the tie (the partner's benefit). */
    const char *label_de; /**< German label, e.g. "Gemeinsames Ziel formuliert". */
    const char *label_en; /**< English label, e.g. "Common goal stated". */
} nw_checklist_builtin;

/**
 * @brief The number of built-in items in the template of a form.
 * @param[out] out  The count (a per-partner item counts once).
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form.
 */
NW_API int nw_checklist_builtin_count(size_t *out, nw_form form);

/**
 * @brief One built-in item of a form's template, in catalogue order.
 * @param[out] out  A static entry; never free it.
 * @param form      A form.
 * @param index     0 to nw_checklist_builtin_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form;
 *         ::NW_ENOTFOUND if @p index is out of range.
 */
NW_API int nw_checklist_builtin_get(const nw_checklist_builtin **out, nw_form form, size_t index);

/**
 * @brief The built-in item with a given code.
 * @param[out] out  A static entry; never free it.
 * @param code      A code such as "coop.goal".
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if no
 *         built-in item has this code (including ::NW_ITEM_CODE_CUSTOM).
 */
NW_API int nw_checklist_builtin_find(const nw_checklist_builtin **out, const char *code);

/**
 * @brief The name of an item state: "offen" / "open", "vereinbart" /
 * "agreed", "erledigt" / "done", "entfällt" / "not applicable".
 * @param[out] out  A static string; never free it.
 * @param state     A state.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown state or language.
 */
NW_API int nw_item_state_name(const char **out, nw_item_state state, nw_lang lang);

/**
 * @brief A handle on the checklist of a tie.
 * @param[out] out  The handle, owned by the caller; free with nw_checklist_free().
 * @param tie       A handle on the tie.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE if the tie
 *         was removed or its network freed; ::NW_ENOTFOUND if the tie has
 *         no checklist (an encounter or contact without one); ::NW_ENOMEM.
 */
NW_API int nw_tie_checklist(nw_checklist **out, nw_tie *tie);

/**
 * @brief Give an encounter or a contact a checklist from its form's template.
 *
 * Cooperations and groups have one from their creation; for them this call
 * fails with ::NW_EEXISTS like for any tie that already has one.
 *
 * @param[out] out  Optional: a handle on the new checklist, owned by the
 *                  caller (free with nw_checklist_free()); pass NULL if not needed.
 * @param tie       A handle on the tie.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p tie; ::NW_EEXISTS if the tie
 *         has a checklist already; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_checklist_create(nw_checklist **out, nw_tie *tie);

/**
 * @brief Free a checklist handle. The checklist stays with its tie.
 *
 * If this was the last handle of a network already given up with
 * nw_network_free(), the network is destroyed now.
 *
 * @param cl The handle, or NULL (then nothing happens).
 */
NW_API void nw_checklist_free(nw_checklist *cl);

/**
 * @brief The identity of the tie the checklist belongs to. Works on a stale handle too.
 * @param[out] out  The tie's identity.
 * @param cl        A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_checklist_tie_id(nw_id *out, const nw_checklist *cl);

/**
 * @brief The number of items.
 * @param[out] out  The count.
 * @param cl        A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_count(size_t *out, const nw_checklist *cl);

/**
 * @brief The identity of an item, by position (see @ref cl_items for the order).
 * @param[out] out  The item's identity.
 * @param cl        A handle.
 * @param index     0 to nw_checklist_item_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_at(nw_id *out, const nw_checklist *cl, size_t index);

/**
 * @brief Find a built-in item by its code (and, for a per-partner item, its partner).
 * @param[out] out  The item's identity.
 * @param cl        A handle.
 * @param code      A built-in code such as "coop.goal".
 * @param partner   For "coop.partner_benefit" the partner's actor identity;
 *                  otherwise ::NW_ID_NONE.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a code that is not
 *         valid text; ::NW_ENOTFOUND if the checklist has no such item;
 *         ::NW_ESTALE.
 */
NW_API int nw_checklist_find(nw_id *out, const nw_checklist *cl, const char *code, nw_id partner);

/**
 * @brief Add an item of the user's own (code ::NW_ITEM_CODE_CUSTOM), open,
 * after the other items.
 * @param[out] out  Optional: the new item's identity; pass NULL if not needed.
 * @param cl        A handle.
 * @param label     Non-empty UTF-8 without control characters, at most
 *                  ::NW_TEXT_MAX bytes; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p cl or @p label or an invalid
 *         label; ::NW_ELIMIT if the checklist's item identities are used up;
 *         ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_checklist_item_add(nw_id *out, nw_checklist *cl, const char *label);

/**
 * @brief Remove an item of the user's own. Built-in items cannot be removed.
 * @param cl    A handle.
 * @param item  The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for NULL or a built-in item (set it to
 *         ::NW_ITEM_NOT_APPLICABLE instead); ::NW_ENOTFOUND if the checklist
 *         has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_remove(nw_checklist *cl, nw_id item);

/**
 * @brief The item's code: a built-in code or ::NW_ITEM_CODE_CUSTOM.
 * @param[out] out  A static string; never free it.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_code(const char **out, const nw_checklist *cl, nw_id item);

/**
 * @brief The item's label in a language.
 * @param[out] out  For a built-in item the catalogue's static label; for a
 *                  user's item its label (the same in every language),
 *                  borrowed until the label changes, the item or tie is
 *                  removed or the network destroyed.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an unknown language;
 *         ::NW_ENOTFOUND if the checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_label(const char **out, const nw_checklist *cl, nw_id item, nw_lang lang);

/**
 * @brief Change the label of a user's item.
 * @param cl     A handle.
 * @param item   The item's identity.
 * @param label  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid label or a built-in
 *         item (its labels come from the catalogue); ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_checklist_item_set_label(nw_checklist *cl, nw_id item, const char *label);

/**
 * @brief The partner a per-partner item is about.
 * @param[out] out  The partner's actor identity; ::NW_ID_NONE for every
 *                  other item.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_partner(nw_id *out, const nw_checklist *cl, nw_id item);

/**
 * @brief The item's state.
 * @param[out] out  The state.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_state(nw_item_state *out, const nw_checklist *cl, nw_id item);

/**
 * @brief Set the item's state.
 * @param cl     A handle.
 * @param item   The item's identity.
 * @param state  The new state.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an unknown state; ::NW_ENOTFOUND
 *         if the checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_set_state(nw_checklist *cl, nw_id item, nw_item_state state);

/**
 * @brief The actor responsible for the item.
 * @param[out] out  The actor's identity; ::NW_ID_NONE if none is set or the
 *                  actor has been removed from the network since.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_responsible(nw_id *out, const nw_checklist *cl, nw_id item);

/**
 * @brief Name the actor responsible for the item, or clear it.
 * @param cl     A handle.
 * @param item   The item's identity.
 * @param actor  A handle on any actor of the tie's network (a member or
 *               not), or NULL to clear.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p cl or an actor of another
 *         network; ::NW_ENOTFOUND if the checklist has no such item;
 *         ::NW_ESTALE if the checklist or the actor is stale.
 */
NW_API int nw_checklist_item_set_responsible(nw_checklist *cl, nw_id item, const nw_actor *actor);

/**
 * @brief The item's due date (for a review item: the date of the next review).
 * @param[out] out  The date, or ::NW_DATE_NONE.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_due(nw_date *out, const nw_checklist *cl, nw_id item);

/**
 * @brief Set the item's due date, or clear it.
 * @param cl    A handle.
 * @param item  The item's identity.
 * @param due   A valid date, or ::NW_DATE_NONE to clear.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid date; ::NW_ENOTFOUND
 *         if the checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_set_due(nw_checklist *cl, nw_id item, nw_date due);

/**
 * @brief The item's note.
 * @param[out] out  Borrowed; "" if it has none; valid until the note
 *                  changes, the item or tie is removed or the network destroyed.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_note(const char **out, const nw_checklist *cl, nw_id item);

/**
 * @brief Set the item's note, e.g. who does what by when.
 * @param cl    A handle.
 * @param item  The item's identity.
 * @param note  UTF-8 (line breaks allowed), at most ::NW_TEXT_MAX bytes;
 *              copied. NULL or "" clears it.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p cl or invalid text;
 *         ::NW_ENOTFOUND if the checklist has no such item; ::NW_ESTALE;
 *         ::NW_ENOMEM.
 */
NW_API int nw_checklist_item_set_note(nw_checklist *cl, nw_id item, const char *note);

/**
 * @brief Whether the item is overdue on a date (see @ref cl_states).
 * @param[out] out  true if overdue: not ::NW_ITEM_NOT_APPLICABLE, a due date
 *                  before @p as_of, and not done (review items: even when done).
 * @param cl        A handle.
 * @param item      The item's identity.
 * @param as_of     A valid date.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an invalid date;
 *         ::NW_ENOTFOUND if the checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_overdue(bool *out, const nw_checklist *cl, nw_id item, nw_date as_of);

/**
 * @brief Whether the item is settled on a date (see @ref cl_states).
 * @param[out] out  true if settled.
 * @param cl        A handle.
 * @param item      The item's identity.
 * @param as_of     A valid date.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an invalid date;
 *         ::NW_ENOTFOUND if the checklist has no such item; ::NW_ESTALE.
 */
NW_API int nw_checklist_item_settled(bool *out, const nw_checklist *cl, nw_id item, nw_date as_of);

/**
 * @brief How far the checklist has got.
 * @param[out] done        Items done.
 * @param[out] agreed      Items agreed (not yet done).
 * @param[out] applicable  Items not set to ::NW_ITEM_NOT_APPLICABLE; the
 *                         open ones are `applicable - done - agreed`.
 * @param cl               A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_checklist_progress(size_t *done, size_t *agreed, size_t *applicable,
                                 const nw_checklist *cl);

/**
 * @brief The items that are open or overdue on a date, in list order.
 * @param[out] items  An array of item identities, or NULL when there are
 *                    none; the caller frees it with nw_free().
 * @param[out] count  The number of entries.
 * @param cl          A handle.
 * @param as_of       A valid date.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an invalid date;
 *         ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_checklist_pending(nw_id **items, size_t *count, const nw_checklist *cl, nw_date as_of);

/**
 * @brief Whether the checklist is well agreed on a date, and if not, why not.
 *
 * Well agreed means every item is settled (see @ref cl_states). Meant for
 * cooperations, the seed's "gut vereinbart"; the same test works for the
 * checklist of any form.
 *
 * @param[out] out      true if well agreed.
 * @param[out] reasons  Optional: the unsettled items in list order, or NULL
 *                      when there are none; the caller frees the array with
 *                      nw_free(). Pass NULL (together with @p count) if not needed.
 * @param[out] count    Optional, with @p reasons: the number of unsettled items.
 * @param cl            A handle.
 * @param as_of         A valid date.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p cl, only one of
 *         @p reasons and @p count given, or an invalid date; ::NW_ESTALE;
 *         ::NW_ENOMEM.
 */
NW_API int nw_checklist_well_agreed(bool *out, nw_id **reasons, size_t *count,
                                    const nw_checklist *cl, nw_date as_of);

#ifdef __cplusplus
}
#endif

#endif
