/**
 * @file netzwerk/network.h
 * @brief The network: its name, its topics (the shared interest), its goals,
 * its size, and its lifetime.
 *
 * @section lifetime Lifetime
 *
 * nw_network_new() hands the caller a network. Every handle that hangs off it
 * (actors, ties, iterators) keeps it alive. nw_network_free() gives up the
 * caller's reference: if no handle is alive the network is destroyed at once;
 * otherwise it becomes a *zombie* that is destroyed when its last handle is
 * freed (the model is SQLite's `sqlite3_close_v2`). Calls on the handles of
 * a zombie fail with ::NW_ESTALE and are safe. Handles, iterators and the
 * network may therefore be freed in any order, which is what the garbage
 * collectors of Python and Lua need.
 *
 * After nw_network_free() the caller must not pass the network pointer to
 * any call again: once the network is destroyed the pointer dangles. While
 * it is a zombie, calls that are given it anyway fail with ::NW_ESTALE
 * (that is the ::NW_ESTALE of the functions that take a network): a safety
 * net for a mistake, not a way to go on using it.
 */
#ifndef NETZWERK_NETWORK_H
#define NETZWERK_NETWORK_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The longest name, topic, goal, label or attribute text accepted, in bytes. */
#define NW_TEXT_MAX 65536

/**
 * @brief Create an empty network.
 * @param[out] out  The new network; the caller owns it and frees it with
 *                  nw_network_free().
 * @param name      The network's name: non-empty UTF-8 without control
 *                  characters, at most ::NW_TEXT_MAX bytes; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an invalid name;
 *         ::NW_ENOMEM.
 */
NW_API int nw_network_new(nw_network **out, const char *name);

/**
 * @brief Give up the caller's reference to a network.
 *
 * The network is destroyed now, or, while actor, tie or iterator handles are
 * still alive, when the last of them is freed. Either way the caller must not
 * use @p net again.
 *
 * @param net The network, or NULL (then nothing happens).
 */
NW_API void nw_network_free(nw_network *net);

/**
 * @brief The network's name.
 * @param[out] out  Borrowed; valid until the name is changed or the network is freed.
 * @param net       The network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_network_name(const char **out, const nw_network *net);

/**
 * @brief Rename the network.
 * @param net   The network.
 * @param name  Non-empty UTF-8 without control characters, at most
 *              ::NW_TEXT_MAX bytes; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an invalid name; ::NW_ENOMEM.
 */
NW_API int nw_network_set_name(nw_network *net, const char *name);

/**
 * @brief Add a topic (Thema): the shared interest the network works on.
 *
 * Topics form an ordered set: they keep the order in which they were added,
 * and each appears once (compared byte for byte).
 *
 * @param net    The network.
 * @param topic  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or invalid text;
 *         ::NW_EEXISTS if the network already has this topic; ::NW_ENOMEM.
 */
NW_API int nw_network_topic_add(nw_network *net, const char *topic);

/**
 * @brief Remove a topic.
 * @param net    The network.
 * @param topic  The topic's text.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or text that is not
 *         valid; ::NW_ENOTFOUND if the network has no such topic; ::NW_ESTALE.
 */
NW_API int nw_network_topic_remove(nw_network *net, const char *topic);

/**
 * @brief The number of topics.
 * @param[out] out  The count.
 * @param net       The network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_network_topic_count(size_t *out, const nw_network *net);

/**
 * @brief One topic, by position.
 * @param[out] out  Borrowed; valid until the topics change or the network is freed.
 * @param net       The network.
 * @param index     0 to nw_network_topic_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range.
 */
NW_API int nw_network_topic(const char **out, const nw_network *net, size_t index);

/**
 * @brief Add a goal (Ziel) of the network, e.g. "Sichere Schulwege bis 2027".
 *
 * Goals form an ordered set like the topics.
 *
 * @param net   The network.
 * @param goal  Non-empty UTF-8 without control characters; copied.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or invalid text;
 *         ::NW_EEXISTS if the network already has this goal; ::NW_ENOMEM.
 */
NW_API int nw_network_goal_add(nw_network *net, const char *goal);

/**
 * @brief Remove a goal.
 * @param net   The network.
 * @param goal  The goal's text.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or text that is not
 *         valid; ::NW_ENOTFOUND if the network has no such goal; ::NW_ESTALE.
 */
NW_API int nw_network_goal_remove(nw_network *net, const char *goal);

/**
 * @brief The number of goals.
 * @param[out] out  The count.
 * @param net       The network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_network_goal_count(size_t *out, const nw_network *net);

/**
 * @brief One goal, by position.
 * @param[out] out  Borrowed; valid until the goals change or the network is freed.
 * @param net       The network.
 * @param index     0 to nw_network_goal_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range.
 */
NW_API int nw_network_goal(const char **out, const nw_network *net, size_t index);

/**
 * @brief The number of actors in the network (removed ones not counted).
 * @param[out] out  The count.
 * @param net       The network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_network_actor_count(size_t *out, const nw_network *net);

/**
 * @brief The number of ties of the selected forms.
 * @param[out] out   The count.
 * @param net        The network.
 * @param form_mask  Forms to count: ::NW_FORM_MASK_ALL, ::NW_FORM_MASK_STRONG,
 *                   or an OR of NW_FORM_BIT() values.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a mask with bits
 *         outside ::NW_FORM_MASK_ALL.
 */
NW_API int nw_network_tie_count(size_t *out, const nw_network *net, unsigned form_mask);

/**
 * @brief Make room for actors and ties about to be added, so that a large
 * load does not grow the network's tables step by step.
 *
 * Only capacity changes: nothing observable does, and identities are not
 * taken. Use it before nw_actors_add() (or a loop of nw_actor_add()) and
 * nw_ties_add(); it is never needed for correctness. It sizes the actor
 * table and the tie table.
 *
 * @param net     The network.
 * @param actors  How many more actors will be added (0: none).
 * @param ties    How many more ties will be added (0: none).
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p net; ::NW_ESTALE if the network
 *         was freed; ::NW_ELIMIT if @p actors or @p ties exceed the
 *         identities left (see ::nw_id); ::NW_ENOMEM (the network is as it was).
 */
NW_API int nw_network_reserve(nw_network *net, size_t actors, size_t ties);

#ifdef __cplusplus
}
#endif

#endif
