/**
 * @file netzwerk/consent.h
 * @brief Consent records (Einwilligungen): who agreed to what, when, how,
 * until when, and when it was withdrawn.
 *
 * Freiwilligkeit, the first principle, is also a legal basis: under the
 * DSGVO / GDPR (Art. 6(1)(a), 7) consent is given for a *purpose*, must be
 * provable (Art. 7(1): date, source, the text agreed to) and can be withdrawn
 * at any time (Art. 7(3)). An actor therefore holds a list of consent
 * records, as nonprofit CRMs keep them. Records are added and withdrawn,
 * never changed otherwise and never deleted: the list is the history.
 * (Erasing the whole actor, nw_actor_erase(), removes them with it.)
 *
 * @section consent_record A record
 *
 * - **given**: the day the person decided (required);
 * - **type**: ::NW_CONSENT_OPT_IN, the person agreed, or ::NW_CONSENT_OPT_OUT,
 *   the person declined or objected;
 * - **purpose**: what it is for ("Newsletter", "Fotos auf der Website");
 *   the empty purpose is the *general purpose*: taking part in the network;
 * - **source**: how it was obtained ("Anmeldebogen Sommerfest 2026");
 * - **text**: the wording agreed to;
 * - **note**: anything else;
 * - **expires**: optionally, the day it runs out;
 * - **withdrawn**: the day it was withdrawn, once it is.
 *
 * @section consent_valid When consent is valid
 *
 * A record is *in force* on a day d when `given <= d`, it was not withdrawn
 * on or before d (`withdrawn` is none or `d < withdrawn`) and it has not run
 * out (`expires` is none or `d < expires`). Withdrawal and expiry dates are
 * thus the first day without the record, like the withdrawal dates of
 * nw_actor_consent_withdraw().
 *
 * Consent is specific to its purpose (Art. 4(11) DSGVO): only records with
 * exactly that purpose (compared byte for byte) count; a general record
 * does not cover a specific purpose, nor the other way round.
 *
 * Consent for a purpose is **valid** on d when, among the actor's records
 * for that purpose that are in force on d, the *deciding* one is an opt-in.
 * The deciding record is the one given last; of records given on the same
 * day, the one recorded last. So a later opt-out overrides an earlier
 * opt-in and a later opt-in overrides an earlier opt-out, while withdrawing
 * or the expiry of the later record lets the earlier one decide again.
 *
 * This is the one notion of consent in the library: the shorthands of
 * netzwerk/actor.h (nw_actor_consent_give() and its siblings) read and
 * write records of the general purpose, and the Freiwilligkeit rules of
 * principle validation (FREI-001, FREI-002) and the consent filter of saving
 * ask whether consent for the general purpose is valid on their date.
 */
#ifndef NETZWERK_CONSENT_H
#define NETZWERK_CONSENT_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What the person decided. The values are stable. */
typedef enum nw_consent_type {
    NW_CONSENT_OPT_IN = 0,  /**< Agreed (Einwilligung erteilt). */
    NW_CONSENT_OPT_OUT = 1  /**< Declined or objected (abgelehnt, Widerspruch). */
} nw_consent_type;

/** The current version of ::nw_consent; put it in the `version` field. */
#define NW_CONSENT_VERSION 1

/**
 * @brief One consent record, as passed to nw_consent_add() and filled by
 * nw_consent_get(). Initialise with ::NW_CONSENT_INIT.
 */
typedef struct nw_consent {
    unsigned int version;   /**< ::NW_CONSENT_VERSION. */
    nw_date given;          /**< The day of the decision; a valid date. */
    nw_consent_type type;   /**< Opt-in or opt-out. */
    const char *purpose;    /**< One line of UTF-8 without control characters; NULL or "" for the general purpose (taking part in the network). */
    const char *source;     /**< How it was obtained: one line, or NULL / "" for none. */
    const char *text;       /**< The wording agreed to: UTF-8, line breaks allowed, or NULL / "". */
    const char *note;       /**< A note: UTF-8, line breaks allowed, or NULL / "". */
    nw_date expires;        /**< The day it runs out (first day not in force), after @p given; or ::NW_DATE_NONE. */
    nw_date withdrawn;      /**< The day it was withdrawn (first day not in force), not before @p given; or ::NW_DATE_NONE. */
} nw_consent;

/** Initializer for ::nw_consent: the current version, no dates, an opt-in for the general purpose. */
#define NW_CONSENT_INIT \
    { NW_CONSENT_VERSION, NW_DATE_NONE, NW_CONSENT_OPT_IN, NULL, NULL, NULL, NULL, NW_DATE_NONE, NW_DATE_NONE }

/**
 * @brief Add a consent record to an actor, after its other records.
 *
 * A record with a withdrawal date records a consent that was already
 * withdrawn (for importing a history); otherwise withdraw it later with
 * nw_consent_withdraw().
 *
 * @param[out] out_index  Optional: the record's position (its index for
 *                        nw_consent_get() and nw_consent_withdraw()); NULL if not needed.
 * @param actor           A handle.
 * @param consent         The record; its strings are copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p actor or @p consent, an unknown
 *         version or type, an invalid @p given date, an expiry not after
 *         @p given, a withdrawal before @p given, or invalid text (a purpose
 *         or source with a line break or control character, invalid UTF-8,
 *         longer than ::NW_TEXT_MAX bytes); ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_consent_add(size_t *out_index, nw_actor *actor, const nw_consent *consent);

/**
 * @brief The number of consent records of an actor.
 * @param[out] out  The count.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_consent_count(size_t *out, const nw_actor *actor);

/**
 * @brief One consent record, by position (the order they were added).
 * @param[out] out  Filled completely: `version` is ::NW_CONSENT_VERSION, the
 *                  strings are never NULL ("" when absent) and are borrowed:
 *                  valid until the actor is removed or erased, the network
 *                  destroyed, or erasing another actor redacts them
 *                  (adding and withdrawing records does not move them).
 * @param actor     A handle.
 * @param index     0 to nw_consent_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_consent_get(nw_consent *out, const nw_actor *actor, size_t index);

/**
 * @brief Record that the person withdrew one consent record (Art. 7(3) DSGVO).
 *
 * The record stays, with its withdrawal date; it is not in force from that
 * day on. An opt-out can be withdrawn too (the objection is taken back).
 *
 * @param actor  A handle.
 * @param index  0 to nw_consent_count() - 1.
 * @param date   A valid date, not before the record's given date.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date, a date before the
 *         record was given, or a record withdrawn already; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_consent_withdraw(nw_actor *actor, size_t index, nw_date date);

/**
 * @brief Whether the actor's consent for a purpose is valid on a date (see
 * @ref consent_valid).
 * @param[out] out  true if valid.
 * @param actor     A handle.
 * @param date      A valid date.
 * @param purpose   The purpose (exact text); NULL or "" for the general
 *                  purpose, taking part in the network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p actor, an invalid
 *         date or a purpose that is not valid UTF-8; ::NW_ESTALE.
 */
NW_API int nw_actor_consent_valid(bool *out, const nw_actor *actor, nw_date date, const char *purpose);

#ifdef __cplusplus
}
#endif

#endif
