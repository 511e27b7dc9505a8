/**
 * @file netzwerk/actor.h
 * @brief Actors: the persons, groups and organisations of a network.
 *
 * An ::nw_actor is a *handle*: it names one actor of one network by its
 * identity. The caller owns every handle it receives and frees it with
 * nw_actor_free(); freeing a handle never removes the actor. A handle keeps
 * its network alive (see netzwerk/network.h). Once the actor is removed, or
 * its network freed, every call on the handle fails with ::NW_ESTALE, never
 * touching another actor; only nw_actor_id() and nw_actor_free() still work.
 *
 * **Names are unique** within a network (compared byte for byte; no Unicode
 * normalisation or case folding). Ties, files and spreadsheets refer to
 * actors by name, and a coordinator who has two "Maria Müller" needs to tell
 * them apart anyway ("Maria Müller (Kita)"). A clash gives ::NW_EEXISTS.
 */
#ifndef NETZWERK_ACTOR_H
#define NETZWERK_ACTOR_H

#include "netzwerk/common.h"
#include "netzwerk/form.h" /* nw_lang */

#ifdef __cplusplus
extern "C" {
#endif

/** What an actor is. */
typedef enum nw_actor_kind {
    NW_ACTOR_PERSON = 0,      /**< Person: a resident, a professional, a volunteer. */
    NW_ACTOR_GROUP = 1,       /**< Group: a parents' initiative, a residents' group. */
    NW_ACTOR_ORGANISATION = 2 /**< Organisation: a school, a youth centre, a housing company. */
} nw_actor_kind;

/** A way to reach an actor (the seed's minimal condition for a Kontakt). */
typedef enum nw_channel {
    NW_CHANNEL_EMAIL = 0,  /**< An e-mail address; must contain one '@' with text on both sides. */
    NW_CHANNEL_PHONE = 1,  /**< A telephone number, as written by the user. */
    NW_CHANNEL_POSTAL = 2, /**< A postal address; may span several lines. */
    NW_CHANNEL_OTHER = 3   /**< Anything else: a messenger handle, "via the Kita office". */
} nw_channel;

/**
 * @brief The name of an actor kind: "Organisation" / "organisation".
 *
 * The English names are the words of the file formats (docs/format.md).
 *
 * @param[out] out  A static string; never free it.
 * @param kind      An actor kind.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown kind or language.
 */
NW_API int nw_actor_kind_name(const char **out, nw_actor_kind kind, nw_lang lang);

/**
 * @brief The name of a contact channel: "E-Mail" / "email".
 *
 * The English names are the words of the file formats (docs/format.md).
 *
 * @param[out] out  A static string; never free it.
 * @param channel   A channel.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown channel or language.
 */
NW_API int nw_channel_name(const char **out, nw_channel channel, nw_lang lang);

/**
 * @brief Add an actor to a network.
 * @param[out] out  Optional: a handle on the new actor, owned by the caller
 *                  (free with nw_actor_free()); pass NULL if not needed.
 * @param net       The network.
 * @param kind      Person, group or organisation.
 * @param name      Unique in the network; non-empty UTF-8 without control
 *                  characters, at most ::NW_TEXT_MAX bytes; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net or @p name, an unknown kind
 *         or an invalid name; ::NW_EEXISTS if the name is taken; ::NW_ELIMIT
 *         if actor identities are used up; ::NW_ENOMEM.
 */
NW_API int nw_actor_add(nw_actor **out, nw_network *net, nw_actor_kind kind, const char *name);

/**
 * @brief Add many actors of one kind in one call: the bulk load, the
 * actors' part of nw_ties_add().
 *
 * Actor i is named names[i], like nw_actor_add() with that name; no handles
 * are made. The new actors get consecutive identities in the order of
 * @p names.
 *
 * All or nothing: every name is checked (valid, not taken in the network,
 * not given twice in @p names) before anything is added; if any check fails
 * or memory runs out, no actor is added and the network is as it was. Call
 * nw_network_reserve() first when loading a large network.
 *
 * Memory: the new actors' records are allocated together, in blocks that
 * the network owns until nw_network_free(). Removing such an actor
 * (nw_actor_remove(), nw_actor_erase()) clears its record at once but gives
 * its memory back only with the network; a network that takes in and
 * removes many actors over a long life is better fed by nw_actor_add().
 *
 * @param[out] out_ids  Optional: an array of @p count entries that receives
 *                      the identities of the new actors (written only on
 *                      success; owned by the caller); NULL if not needed.
 * @param net           The network.
 * @param kind          Person, group or organisation: the kind of every new actor.
 * @param names         @p count names, each non-empty UTF-8 without control
 *                      characters, at most ::NW_TEXT_MAX bytes; copied, the
 *                      array is not kept. May be NULL when @p count is 0.
 * @param count         The number of actors to add; 0 adds nothing.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net, @p names or name, an
 *         unknown kind or an invalid name (the message names its position
 *         in @p names); ::NW_EEXISTS if a name is taken by an actor of the
 *         network or given twice in @p names (the message names the
 *         positions); ::NW_ESTALE if the network was freed; ::NW_ELIMIT if
 *         fewer than @p count actor identities are left (checked before
 *         @p names is read); ::NW_ENOMEM (the network is as it was).
 */
NW_API int nw_actors_add(nw_id *out_ids, nw_network *net, nw_actor_kind kind,
                         const char *const *names, size_t count);

/**
 * @brief A handle on the actor with a given identity.
 * @param[out] out  The handle, owned by the caller; free with nw_actor_free().
 * @param net       The network.
 * @param id        The actor's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if no
 *         actor has this identity (never had, or was removed); ::NW_ENOMEM.
 */
NW_API int nw_actor_lookup(nw_actor **out, nw_network *net, nw_id id);

/**
 * @brief A handle on the actor with a given name.
 * @param[out] out  The handle, owned by the caller; free with nw_actor_free().
 * @param net       The network.
 * @param name      The exact name.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or text that is not
 *         valid (bad UTF-8, control characters, too long); ::NW_ENOTFOUND
 *         if no actor has this name; ::NW_ENOMEM.
 */
NW_API int nw_actor_lookup_name(nw_actor **out, nw_network *net, const char *name);

/**
 * @brief A second handle on the same actor; works on a stale handle too.
 * @param[out] out  The new handle, owned by the caller; free with nw_actor_free().
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_actor_dup(nw_actor **out, const nw_actor *actor);

/**
 * @brief Free a handle. The actor stays in the network.
 *
 * If this was the last handle of a network already given up with
 * nw_network_free(), the network is destroyed now.
 *
 * @param actor The handle, or NULL (then nothing happens).
 */
NW_API void nw_actor_free(nw_actor *actor);

/**
 * @brief Remove the actor from its network.
 *
 * The actor leaves every tie it belongs to; a tie left with fewer than two
 * actors is removed as well. Its identity is never given to another actor.
 * Afterwards this handle and all others on the actor (or on a removed tie)
 * are stale; they must still be freed.
 *
 * @param actor A handle on the actor.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ESTALE if the actor is already
 *         removed or the network freed; ::NW_ENOMEM.
 */
NW_API int nw_actor_remove(nw_actor *actor);

/**
 * @brief The actor's identity. Works on a stale handle too.
 * @param[out] out  The identity.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_actor_id(nw_id *out, const nw_actor *actor);

/**
 * @brief Whether two handles name the same actor of the same network.
 * @param[out] out  true if they do. Works on stale handles too.
 * @param a         A handle.
 * @param b         Another handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_actor_equal(bool *out, const nw_actor *a, const nw_actor *b);

/**
 * @brief What the actor is.
 * @param[out] out  Person, group or organisation.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_kind_get(nw_actor_kind *out, const nw_actor *actor);

/**
 * @brief Change what the actor is.
 * @param actor  A handle.
 * @param kind   Person, group or organisation.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an unknown kind; ::NW_ESTALE.
 */
NW_API int nw_actor_set_kind(nw_actor *actor, nw_actor_kind kind);

/**
 * @brief The actor's name.
 * @param[out] out  Borrowed; valid until the name changes, the actor is
 *                  removed or the network destroyed.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_name(const char **out, const nw_actor *actor);

/**
 * @brief Rename the actor.
 * @param actor  A handle.
 * @param name   Unique in the network; non-empty UTF-8 without control
 *               characters; copied. Renaming to the current name succeeds.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid name; ::NW_EEXISTS if
 *         another actor has the name; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_set_name(nw_actor *actor, const char *name);

/**
 * @brief Add a way to reach the actor.
 *
 * The ways form a list in the order added; the same channel and value cannot
 * appear twice. E-mail addresses must contain exactly one '@' with text on
 * both sides; other values are free text (postal addresses may have line
 * breaks).
 *
 * @param actor    A handle.
 * @param channel  E-mail, phone, postal address or other.
 * @param value    Non-empty UTF-8, at most ::NW_TEXT_MAX bytes; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an unknown channel or an invalid
 *         value; ::NW_EEXISTS if the actor already has it; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_contact_add(nw_actor *actor, nw_channel channel, const char *value);

/**
 * @brief The number of ways to reach the actor.
 * @param[out] out  The count; 0 means the actor cannot be reached.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_contact_count(size_t *out, const nw_actor *actor);

/**
 * @brief One way to reach the actor, by position.
 * @param[out] channel  Its channel.
 * @param[out] value    Borrowed; valid until the actor's contacts change, the
 *                      actor is removed or the network destroyed.
 * @param actor         A handle.
 * @param index         0 to nw_actor_contact_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_actor_contact(nw_channel *channel, const char **value, const nw_actor *actor, size_t index);

/**
 * @brief Remove one way to reach the actor; later ones move up by one.
 * @param actor  A handle.
 * @param index  0 to nw_actor_contact_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ENOTFOUND if @p index is out
 *         of range; ::NW_ESTALE.
 */
NW_API int nw_actor_contact_remove(nw_actor *actor, size_t index);

/**
 * @brief Add an interest (topic) of the actor.
 *
 * Interests form an ordered set, like the network's topics, so that the
 * overlap with the network's topics (Geteiltes Interesse) can be checked.
 *
 * @param actor     A handle.
 * @param interest  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL or invalid text; ::NW_EEXISTS if the
 *         actor already has it; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_interest_add(nw_actor *actor, const char *interest);

/**
 * @brief Remove an interest.
 * @param actor     A handle.
 * @param interest  The interest's text.
 * @return ::NW_OK; ::NW_EINVAL for NULL or text that is not valid;
 *         ::NW_ENOTFOUND if the actor has no such interest; ::NW_ESTALE.
 */
NW_API int nw_actor_interest_remove(nw_actor *actor, const char *interest);

/**
 * @brief The number of interests.
 * @param[out] out  The count.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_interest_count(size_t *out, const nw_actor *actor);

/**
 * @brief One interest, by position.
 * @param[out] out  Borrowed; valid until the interests change, the actor is
 *                  removed or the network destroyed.
 * @param actor     A handle.
 * @param index     0 to nw_actor_interest_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_actor_interest(const char **out, const nw_actor *actor, size_t index);

/**
 * @brief Record that the actor consented to take part, on a date (Freiwilligkeit).
 *
 * A shorthand over the consent records of netzwerk/consent.h: it adds an
 * opt-in record for the general purpose (taking part in the network) given
 * on @p date, with no source, text, note or expiry. Giving consent again
 * after a withdrawal adds a new record; the withdrawn one stays on record.
 *
 * @param actor  A handle.
 * @param date   A valid date.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid date; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_consent_give(nw_actor *actor, nw_date date);

/**
 * @brief Record that the actor withdrew its consent, on a date.
 *
 * A shorthand: it withdraws the actor's *current general consent*, the
 * opt-in record for the general purpose added last (see
 * nw_consent_withdraw() for any record).
 *
 * @param actor  A handle.
 * @param date   A valid date, not before the date that consent was given.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date, a date before the
 *         consent, or an actor without a current general consent or whose
 *         current general consent is withdrawn already; ::NW_ESTALE.
 */
NW_API int nw_actor_consent_withdraw(nw_actor *actor, nw_date date);

/**
 * @brief The actor's current general consent: the dates of the opt-in
 * record for the general purpose added last (see nw_actor_consent_withdraw()).
 *
 * Earlier records, records for other purposes and opt-outs are read with
 * nw_consent_get(); whether consent is valid on a date is answered by
 * nw_actor_has_consent().
 *
 * @param[out] given      The date it was given, or ::NW_DATE_NONE if there is none.
 * @param[out] withdrawn  The date it was withdrawn, or ::NW_DATE_NONE.
 * @param actor           A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_consent(nw_date *given, nw_date *withdrawn, const nw_actor *actor);

/**
 * @brief Whether the actor's consent to take part is valid on a date.
 *
 * The same as nw_actor_consent_valid() for the general purpose: every
 * record of the general purpose counts, earlier ones too, so the answer for
 * a past date is what was true on that date. With only the shorthands in
 * use that means: consent was given on or before @p date, and that consent
 * (or one given later, still on or before @p date) was not withdrawn on or
 * before it.
 *
 * @param[out] out  true if valid.
 * @param actor     A handle.
 * @param date      A valid date.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid date; ::NW_ESTALE.
 */
NW_API int nw_actor_has_consent(bool *out, const nw_actor *actor, nw_date date);

/**
 * @brief The date the actor joined the network.
 * @param[out] out  The date, or ::NW_DATE_NONE if not recorded.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_joined(nw_date *out, const nw_actor *actor);

/**
 * @brief Set the date the actor joined the network.
 * @param actor  A handle.
 * @param date   A valid date, or ::NW_DATE_NONE to clear it.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid date; ::NW_ESTALE.
 */
NW_API int nw_actor_set_joined(nw_actor *actor, nw_date date);

/**
 * @brief Set a free attribute (key/value text), replacing an earlier value.
 * @param actor  A handle.
 * @param key    Non-empty UTF-8 without control characters; copied.
 * @param value  UTF-8 (may be empty, may contain line breaks); copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL or invalid text; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_attr_set(nw_actor *actor, const char *key, const char *value);

/**
 * @brief The value of an attribute.
 * @param[out] out  Borrowed; valid until the attribute changes, the actor is
 *                  removed or the network destroyed.
 * @param actor     A handle.
 * @param key       The key.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a key that is not
 *         valid text; ::NW_ENOTFOUND if the actor has no such attribute;
 *         ::NW_ESTALE.
 */
NW_API int nw_actor_attr_get(const char **out, const nw_actor *actor, const char *key);

/**
 * @brief Remove an attribute.
 * @param actor  A handle.
 * @param key    The key.
 * @return ::NW_OK; ::NW_EINVAL for NULL or a key that is not valid text;
 *         ::NW_ENOTFOUND if the actor has no such attribute; ::NW_ESTALE.
 */
NW_API int nw_actor_attr_remove(nw_actor *actor, const char *key);

/**
 * @brief The number of attributes.
 * @param[out] out  The count.
 * @param actor     A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_actor_attr_count(size_t *out, const nw_actor *actor);

/**
 * @brief One attribute, by position in byte order of the keys.
 * @param[out] key    Borrowed, like @p value.
 * @param[out] value  Borrowed; valid until the attributes change, the actor
 *                    is removed or the network destroyed.
 * @param actor       A handle.
 * @param index       0 to nw_actor_attr_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_actor_attr(const char **key, const char **value, const nw_actor *actor, size_t index);

/**
 * @brief The number of ties the actor belongs to, of the selected forms.
 * @param[out] out   The count.
 * @param actor      A handle.
 * @param form_mask  Forms to count (::NW_FORM_MASK_ALL for all).
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a bad mask; ::NW_ESTALE.
 */
NW_API int nw_actor_tie_count(size_t *out, const nw_actor *actor, unsigned form_mask);

#ifdef __cplusplus
}
#endif

#endif
