/**
 * @file netzwerk/tie.h
 * @brief Ties: two or more actors joined under one relationship form, with
 * dates, a flag for ties imposed from outside, and a log of interactions.
 *
 * An ::nw_tie is a handle, with the same rules as ::nw_actor (see
 * netzwerk/actor.h): owned by the caller, freed with nw_tie_free(), keeps its
 * network alive, stale (::NW_ESTALE) once the tie is removed or its network
 * freed.
 *
 * A tie's members are distinct actors of the same network; a cooperation or
 * a group may have many. Its form is fixed at creation: a contact that turns
 * into a cooperation is a new tie, so that the history of both stays true.
 * A tie exists from its start date to its end date, both included; an open
 * end (::NW_DATE_NONE) means it still exists.
 */
#ifndef NETZWERK_TIE_H
#define NETZWERK_TIE_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What kind of interaction tended a tie. */
typedef enum nw_interaction_kind {
    NW_INTERACTION_MEETING = 0, /**< A meeting in person. */
    NW_INTERACTION_CALL = 1,    /**< A telephone or video call. */
    NW_INTERACTION_MESSAGE = 2, /**< A letter, an e-mail, a chat message. */
    NW_INTERACTION_EVENT = 3    /**< A shared event: a street party, a workshop. */
} nw_interaction_kind;

/**
 * @brief The name of an interaction kind: "Treffen" / "meeting".
 *
 * The English names are the words of the file formats (docs/format.md).
 *
 * @param[out] out  A static string; never free it.
 * @param kind      An interaction kind.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown kind or language.
 */
NW_API int nw_interaction_kind_name(const char **out, nw_interaction_kind kind, nw_lang lang);

/**
 * @brief Add a tie that joins actors under one form.
 * @param[out] out    Optional: a handle on the new tie, owned by the caller
 *                    (free with nw_tie_free()); pass NULL if not needed.
 * @param net         The network.
 * @param form        The relationship form.
 * @param members     Handles on the members: at least two, distinct, alive,
 *                    of this network. The array is not kept.
 * @param count       The number of members.
 * @param start       The date the tie began: a valid date.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an unknown form, fewer than two
 *         members, a member given twice, a member of another network or an
 *         invalid date; ::NW_ESTALE if a member was removed; ::NW_ELIMIT if
 *         tie identities are used up; ::NW_ENOMEM.
 */
NW_API int nw_tie_add(nw_tie **out, nw_network *net, nw_form form,
                      nw_actor *const *members, size_t count, nw_date start);

/**
 * @brief Add many ties of two members in one call: the bulk load, like
 * igraph_add_edges().
 *
 * Tie i joins the actors pairs[2 i] and pairs[2 i + 1], under @p form, from
 * @p start, like nw_tie_add() with those two members; no handles are made.
 * The same two actors may be joined by several ties (multiplexity). The new
 * ties get consecutive identities in the order of @p pairs.
 *
 * All or nothing: every pair is checked before anything is added; if any
 * check fails or memory runs out, no tie is added and the network is as
 * it was. Call nw_network_reserve() first when loading a large network.
 *
 * Memory: the new tie records are allocated in blocks of 64, and a block
 * is given back when its last tie is removed. An actor that had no ties
 * gets its list of ties in blocks the network owns until
 * nw_network_free(); the list moves to memory of its own when it grows.
 *
 * @param[out] out_ids  Optional: an array of @p npairs entries that receives
 *                      the identities of the new ties (written only on
 *                      success; owned by the caller); NULL if not needed.
 * @param net           The network.
 * @param form          The relationship form of every new tie.
 * @param pairs         2 * @p npairs actor identities of this network, two
 *                      per tie; not kept. May be NULL when @p npairs is 0.
 * @param npairs        The number of ties to add; 0 adds nothing.
 * @param start         The date every new tie began: a valid date.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net or @p pairs, an unknown
 *         form, an invalid date, or a pair that names one actor twice;
 *         ::NW_ENOTFOUND if an identity names no actor of the network (never
 *         had, or removed; the message names the position in @p pairs);
 *         ::NW_ESTALE if the network was freed; ::NW_ELIMIT if fewer than
 *         @p npairs tie identities are left (checked before @p pairs is
 *         read); ::NW_ENOMEM (the network is as it was).
 */
NW_API int nw_ties_add(nw_id *out_ids, nw_network *net, nw_form form,
                       const nw_id *pairs, size_t npairs, nw_date start);

/**
 * @brief A handle on the tie with a given identity.
 * @param[out] out  The handle, owned by the caller; free with nw_tie_free().
 * @param net       The network.
 * @param id        The tie's identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if no
 *         tie has this identity (never had, or was removed); ::NW_ENOMEM.
 */
NW_API int nw_tie_lookup(nw_tie **out, nw_network *net, nw_id id);

/**
 * @brief A second handle on the same tie; works on a stale handle too.
 * @param[out] out  The new handle, owned by the caller; free with nw_tie_free().
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_tie_dup(nw_tie **out, const nw_tie *tie);

/**
 * @brief Free a handle. The tie stays in the network.
 *
 * If this was the last handle of a network already given up with
 * nw_network_free(), the network is destroyed now.
 *
 * @param tie The handle, or NULL (then nothing happens).
 */
NW_API void nw_tie_free(nw_tie *tie);

/**
 * @brief Remove the tie from its network, with its interaction log.
 *
 * Its identity is never given to another tie. This handle and all others on
 * the tie become stale; they must still be freed.
 *
 * @param tie A handle.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ESTALE if already removed or
 *         the network freed.
 */
NW_API int nw_tie_remove(nw_tie *tie);

/**
 * @brief The tie's identity. Works on a stale handle too.
 * @param[out] out  The identity.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_tie_id(nw_id *out, const nw_tie *tie);

/**
 * @brief Whether two handles name the same tie of the same network.
 * @param[out] out  true if they do. Works on stale handles too.
 * @param a         A handle.
 * @param b         Another handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_tie_equal(bool *out, const nw_tie *a, const nw_tie *b);

/**
 * @brief The tie's relationship form.
 * @param[out] out  The form.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_form(nw_form *out, const nw_tie *tie);

/**
 * @brief The number of members.
 * @param[out] out  At least 2.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_member_count(size_t *out, const nw_tie *tie);

/**
 * @brief One member, by position in order of identity.
 * @param[out] out  A handle on the member, owned by the caller; free with
 *                  nw_actor_free().
 * @param tie       A handle.
 * @param index     0 to nw_tie_member_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_member(nw_actor **out, const nw_tie *tie, size_t index);

/**
 * @brief Whether an actor is a member of the tie.
 * @param[out] out  true if it is.
 * @param tie       A handle.
 * @param actor     A handle on an actor of the same network.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an actor of another network;
 *         ::NW_ESTALE if the tie or the actor is stale.
 */
NW_API int nw_tie_has_member(bool *out, const nw_tie *tie, const nw_actor *actor);

/**
 * @brief Add a member to the tie (a partner joins a cooperation).
 * @param tie    A handle.
 * @param actor  A handle on an actor of the same network, not yet a member.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an actor of another network;
 *         ::NW_EEXISTS if it is a member already; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_member_add(nw_tie *tie, nw_actor *actor);

/**
 * @brief Remove a member from the tie (a partner leaves).
 *
 * A tie keeps at least two members: to end a tie of two, set its end date
 * or remove it.
 *
 * @param tie    A handle.
 * @param actor  A handle on a member.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an actor of another network, or if
 *         the tie would keep fewer than two members; ::NW_ENOTFOUND if the
 *         actor is not a member; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_member_remove(nw_tie *tie, nw_actor *actor);

/**
 * @brief The date the tie began.
 * @param[out] out  A valid date.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_start(nw_date *out, const nw_tie *tie);

/**
 * @brief Change the date the tie began.
 * @param tie   A handle.
 * @param date  A valid date, not after the end date, not after the first interaction.
 * @return ::NW_OK; ::NW_EINVAL for NULL or a date that breaks these rules; ::NW_ESTALE.
 */
NW_API int nw_tie_set_start(nw_tie *tie, nw_date date);

/**
 * @brief The date the tie ended.
 * @param[out] out  The date, or ::NW_DATE_NONE while the tie goes on.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_end(nw_date *out, const nw_tie *tie);

/**
 * @brief End the tie on a date, or reopen it.
 * @param tie   A handle.
 * @param date  A valid date not before the start date and not before the
 *              last interaction; or ::NW_DATE_NONE to reopen the tie.
 * @return ::NW_OK; ::NW_EINVAL for NULL or a date that breaks these rules; ::NW_ESTALE.
 */
NW_API int nw_tie_set_end(nw_tie *tie, nw_date date);

/**
 * @brief Whether the tie exists on a date: start <= date and (no end or date <= end).
 * @param[out] out  true if it does.
 * @param tie       A handle.
 * @param date      A valid date.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an invalid date; ::NW_ESTALE.
 */
NW_API int nw_tie_exists_on(bool *out, const nw_tie *tie, nw_date date);

/**
 * @brief Whether the tie was imposed from outside (by a funder, a statute, a
 * superior) rather than entered freely; it matters for Freiwilligkeit.
 * @param[out] out  true if imposed.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_imposed(bool *out, const nw_tie *tie);

/**
 * @brief Mark the tie as imposed from outside, or as freely entered.
 * @param tie      A handle.
 * @param imposed  true if imposed.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ESTALE.
 */
NW_API int nw_tie_set_imposed(nw_tie *tie, bool imposed);

/**
 * @brief The tie's label, e.g. the name of a cooperation project.
 * @param[out] out  Borrowed; "" if none was set; valid until the label
 *                  changes, the tie is removed or the network destroyed.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_label(const char **out, const nw_tie *tie);

/**
 * @brief Set the tie's label.
 * @param tie    A handle.
 * @param label  UTF-8 without control characters, at most ::NW_TEXT_MAX
 *               bytes; "" clears it; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL or invalid text; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_set_label(nw_tie *tie, const char *label);

/**
 * @brief Add a topic the tie works on (a cooperation's topic should belong to
 * the network's topics). Topics form an ordered set.
 * @param tie    A handle.
 * @param topic  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL or invalid text; ::NW_EEXISTS if the
 *         tie has it already; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_topic_add(nw_tie *tie, const char *topic);

/**
 * @brief Remove a topic of the tie.
 * @param tie    A handle.
 * @param topic  The topic's text.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ENOTFOUND if the tie has no
 *         such topic; ::NW_ESTALE.
 */
NW_API int nw_tie_topic_remove(nw_tie *tie, const char *topic);

/**
 * @brief The number of topics of the tie.
 * @param[out] out  The count.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_topic_count(size_t *out, const nw_tie *tie);

/**
 * @brief One topic of the tie, by position.
 * @param[out] out  Borrowed; valid until the tie's topics change, the tie is
 *                  removed or the network destroyed.
 * @param tie       A handle.
 * @param index     0 to nw_tie_topic_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_tie_topic(const char **out, const nw_tie *tie, size_t index);

/**
 * @brief Add a goal of the tie (what a cooperation or group wants to reach).
 * Goals form an ordered set.
 * @param tie   A handle.
 * @param goal  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL or invalid text; ::NW_EEXISTS if the
 *         tie has it already; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_goal_add(nw_tie *tie, const char *goal);

/**
 * @brief Remove a goal of the tie.
 * @param tie   A handle.
 * @param goal  The goal's text.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ENOTFOUND if the tie has no
 *         such goal; ::NW_ESTALE.
 */
NW_API int nw_tie_goal_remove(nw_tie *tie, const char *goal);

/**
 * @brief The number of goals of the tie.
 * @param[out] out  The count.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_goal_count(size_t *out, const nw_tie *tie);

/**
 * @brief One goal of the tie, by position.
 * @param[out] out  Borrowed; valid until the tie's goals change, the tie is
 *                  removed or the network destroyed.
 * @param tie       A handle.
 * @param index     0 to nw_tie_goal_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_tie_goal(const char **out, const nw_tie *tie, size_t index);

/**
 * @brief Log a dated interaction that tended the tie (Kontaktpflege).
 *
 * The log is kept in date order; interactions on the same day keep the order
 * in which they were logged.
 *
 * @param tie   A handle.
 * @param date  A valid date within the tie's lifetime (start to end).
 * @param kind  Meeting, call, message or event.
 * @param note  Optional UTF-8 text (line breaks allowed), or NULL; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an unknown kind, a date outside the
 *         tie's lifetime or invalid text; ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_interaction_add(nw_tie *tie, nw_date date, nw_interaction_kind kind, const char *note);

/**
 * @brief The number of logged interactions.
 * @param[out] out  The count.
 * @param tie       A handle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ESTALE.
 */
NW_API int nw_tie_interaction_count(size_t *out, const nw_tie *tie);

/**
 * @brief One logged interaction, by position in date order.
 * @param[out] date  Its date.
 * @param[out] kind  Its kind.
 * @param[out] note  Borrowed; "" if it has none; valid until the log
 *                   changes, the tie is removed or the network destroyed.
 *                   May be NULL if not wanted.
 * @param tie        A handle.
 * @param index      0 to nw_tie_interaction_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p date, @p kind or @p tie;
 *         ::NW_ENOTFOUND if @p index is out of range; ::NW_ESTALE.
 */
NW_API int nw_tie_interaction(nw_date *date, nw_interaction_kind *kind, const char **note,
                              const nw_tie *tie, size_t index);

/**
 * @brief Remove one logged interaction; later ones move up by one.
 * @param tie    A handle.
 * @param index  0 to nw_tie_interaction_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for NULL; ::NW_ENOTFOUND if @p index is out
 *         of range; ::NW_ESTALE.
 */
NW_API int nw_tie_interaction_remove(nw_tie *tie, size_t index);

#ifdef __cplusplus
}
#endif

#endif
