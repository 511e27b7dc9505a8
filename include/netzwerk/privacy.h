/**
 * @file netzwerk/privacy.h
 * @brief Data protection (DSGVO / GDPR): erasure, access export and
 * pseudonymised copies.
 *
 * A network is a list of real people with their ways to reach them, their
 * interests and who meets whom: personal data. These calls let a
 * coordinator honour a person's rights without editing files by hand:
 *
 * | Right                                   | Call |
 * |-----------------------------------------|------|
 * | Access, Art. 15; portability, Art. 20   | nw_actor_export() |
 * | Erasure, Art. 17                        | nw_actor_erase() |
 * | Pseudonymisation, Art. 4(5), 89         | nw_network_pseudonymise() |
 * | Consent and its withdrawal, Art. 7      | netzwerk/consent.h |
 * | Rectification, Art. 16                  | the setters of netzwerk/actor.h |
 *
 * `docs/data-protection.md` says what the library stores about a person and
 * what a tool built on it must still do itself (a record of processing,
 * deadlines, backups, informing recipients, ...).
 *
 * Error messages of these calls never contain names, contact data, notes or
 * key bytes: they name identities ("actor 7").
 */
#ifndef NETZWERK_PRIVACY_H
#define NETZWERK_PRIVACY_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Erase an actor completely (right to erasure, Art. 17 DSGVO).
 *
 * What goes:
 * - the actor's record: name, kind, contacts, interests, attributes, joining
 *   date and every consent record; its place in the name index;
 * - its membership of every tie; a tie left with fewer than two members is
 *   removed with everything it holds (interaction log, checklist), as
 *   nw_actor_remove() does;
 * - its per-partner checklist items ("coop.partner_benefit" of a tie it
 *   leaves); it is cleared as the responsible actor of every checklist item;
 * - every mention of it in the texts of the rest of the network, replaced
 *   by `[…]` (or another marker if that one would mention it): its full
 *   name; for a person also each word of the name of three or more bytes;
 *   each contact value of three or more bytes, and each such line of a
 *   postal address. A mention must stand as a word ("Ben" is not found in
 *   "haben"; a genitive s may follow: "Bens"); ASCII letters are compared
 *   without case. The texts searched: the network's name, topics and goals;
 *   ties' labels, topics, goals and interaction notes; checklist items'
 *   labels and notes; other actors' interests, attribute values, postal and
 *   other contact values, and consent records' texts. Nicknames, initials
 *   and other spellings are not found: docs/data-protection.md says more.
 *
 * What stays, for the structure: the other actors, with their names
 * unchanged (even if one contains this name); ties of three or more members
 * with their form, dates and interaction dates and kinds (a meeting of
 * three stays a meeting of the other two); the fact that an identity was
 * used (identities are never reused, and a saved file keeps its counter).
 *
 * The strings of the erased record are overwritten with zeros before they
 * are freed (best effort: copies the caller made, saved files, reports,
 * exports and swap are out of the library's reach).
 *
 * Afterwards every handle on the actor (and on a removed tie) is stale,
 * as after nw_actor_remove(); they must still be freed. Borrowed strings
 * read earlier from texts it changed are no longer valid.
 *
 * @param[out] redacted  Optional: the number of texts elsewhere in the
 *                       network in which a mention was replaced; NULL if
 *                       not needed.
 * @param actor          A handle on the actor.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p actor; ::NW_ESTALE if the actor
 *         is removed already or its network freed; ::NW_ENOMEM (then
 *         nothing has changed).
 */
NW_API int nw_actor_erase(size_t *redacted, nw_actor *actor);

/**
 * @brief Everything the network holds about one actor, as a JSON document
 * (right of access, Art. 15 DSGVO; in a structured, machine-readable form
 * also for data portability, Art. 20).
 *
 * The document (`"format": "netzwerk-access-export"`, version 1,
 * described in docs/data-protection.md) holds the network's name; the
 * actor's identity, kind, name, contacts, interests, joining date,
 * attributes and consent records; every tie it belongs to with its form,
 * dates, label, topics, goals, interaction log (notes included) and the
 * other members' *identities*; the checklist items of those ties (except the
 * other partners' own per-partner items) and every other checklist item it
 * is responsible for. Other people's names and contact data are not
 * included; free texts (notes, labels) are as recorded and may mention
 * others: review them before handing the export out (Art. 15(4)).
 *
 * @param[out] out  The text, UTF-8, NUL-terminated, owned by the caller;
 *                  free with nw_free(). Untouched on failure.
 * @param[out] len  Optional: its length without the NUL.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p actor; ::NW_ESTALE;
 *         ::NW_ENOMEM.
 */
NW_API int nw_actor_export(char **out, size_t *len, const nw_actor *actor);

/** Pseudonymise: keep the network's name as it is. */
#define NW_PSEUDONYM_KEEP_NETWORK_NAME 0x1u
/** Pseudonymise: keep topics and goals (of the network and of ties) and the
 *  actors' interests as they are. */
#define NW_PSEUDONYM_KEEP_TOPICS 0x2u
/** Pseudonymise: keep the purposes of consent records as they are. */
#define NW_PSEUDONYM_KEEP_PURPOSES 0x4u

/** The current version of ::nw_pseudonym_options. */
#define NW_PSEUDONYM_OPTIONS_VERSION 1

/** @brief How to pseudonymise. Initialise with ::NW_PSEUDONYM_OPTIONS_INIT. */
typedef struct nw_pseudonym_options {
    unsigned int version; /**< ::NW_PSEUDONYM_OPTIONS_VERSION. */
    unsigned int keep;    /**< An OR of NW_PSEUDONYM_KEEP_* flags, or 0 to replace every text. */
} nw_pseudonym_options;

/** Initializer for ::nw_pseudonym_options: replace every text. */
#define NW_PSEUDONYM_OPTIONS_INIT { NW_PSEUDONYM_OPTIONS_VERSION, 0u }

/** The shortest key nw_network_pseudonymise() accepts, in bytes (128 bits). */
#define NW_PSEUDONYM_KEY_MIN 16

/**
 * @brief A pseudonymised copy of a network (Art. 4(5) DSGVO), for analysis
 * and research.
 *
 * Every text is replaced by a pseudonym derived with HMAC-SHA-256 under
 * the caller's secret key: actor names become `actor-` and 20 hex digits,
 * e-mail addresses `<20 hex digits>@pseudonym.invalid`, other contact
 * values `contact-…`, topics, goals and interests `topic-…`, consent
 * purposes `purpose-…`, the network's name `network-…`, and every other
 * text (labels, notes, attribute values, users' checklist labels, consent
 * sources and wordings) `text-…`. Empty texts stay empty. The same key
 * and text always give the same pseudonym, so equal texts stay equal (the
 * overlap of interests and topics survives) and two copies made with one
 * key can be compared; without the key a pseudonym cannot be traced back.
 *
 * Kept as they are: identities, kinds, contact channels, attribute keys,
 * relationship forms, every date, the imposed flag, interaction kinds,
 * checklist items' codes, states, due dates, partners and responsible
 * actors, consent types and dates, and the identity counters. Every
 * analysis result (netzwerk/analysis.h) and every finding of
 * nw_network_validate() (rule and identities) is therefore the same on the
 * copy; only the names in messages differ.
 *
 * The copy is still personal data (dates and structure can identify people;
 * whoever holds the key can re-identify): keep the key apart from it.
 *
 * @param[out] out   The new network, owned by the caller; free with
 *                   nw_network_free(). Untouched on failure.
 * @param net        The network; not changed.
 * @param key        The secret key; not kept (the library's copy of its
 *                   hash state is overwritten before the call returns).
 * @param key_len    Its length in bytes, at least ::NW_PSEUDONYM_KEY_MIN.
 * @param opts       Options, or NULL for ::NW_PSEUDONYM_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, @p net or @p key, a key
 *         shorter than ::NW_PSEUDONYM_KEY_MIN, or bad options; ::NW_ESTALE
 *         if the network was freed; ::NW_EEXISTS if two different names (or
 *         two different items of one set) got the same pseudonym, which
 *         with 80-bit pseudonyms does not happen in practice (use another
 *         key); ::NW_ENOMEM.
 */
NW_API int nw_network_pseudonymise(nw_network **out, const nw_network *net, const unsigned char *key,
                                   size_t key_len, const nw_pseudonym_options *opts);

#ifdef __cplusplus
}
#endif

#endif
