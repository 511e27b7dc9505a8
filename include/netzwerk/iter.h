/**
 * @file netzwerk/iter.h
 * @brief Iterators over actors and ties.
 *
 * The pattern is libgit2's:
 * @code
 * nw_actor_iter *it;
 * nw_actor *a;
 * int rc;
 * if (nw_actor_iter_new(&it, net) != NW_OK) return -1;
 * while ((rc = nw_actor_iter_next(&a, it)) == NW_OK) {
 *     const char *name;
 *     nw_actor_name(&name, a);
 *     puts(name);
 *     nw_actor_free(a);
 * }
 * nw_actor_iter_free(it);
 * if (rc != NW_ITEROVER) return -1;  // a real error
 * @endcode
 *
 * Items come in order of identity. An iterator keeps its network alive, like
 * a handle. Changing the network while iterating is safe: items removed
 * before they are reached are skipped; actors and ties added during a
 * network-wide iteration are reached (their identities are higher); the
 * ties and neighbours of one actor are fixed when the iterator is created.
 */
#ifndef NETZWERK_ITER_H
#define NETZWERK_ITER_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Iterate over all actors of a network.
 * @param[out] out  The iterator, owned by the caller; free with nw_actor_iter_free().
 * @param net       The network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_actor_iter_new(nw_actor_iter **out, nw_network *net);

/**
 * @brief Iterate over the neighbours of an actor: the distinct other actors
 * that share a tie of the selected forms with it.
 * @param[out] out   The iterator, owned by the caller; free with nw_actor_iter_free().
 * @param actor      A handle.
 * @param form_mask  Forms of the ties to follow (::NW_FORM_MASK_ALL for all).
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a bad mask;
 *         ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_actor_iter_new_neighbors(nw_actor_iter **out, const nw_actor *actor, unsigned form_mask);

/**
 * @brief The next actor.
 * @param[out] out  A handle, owned by the caller; free with nw_actor_free().
 * @param iter      The iterator.
 * @return ::NW_OK; ::NW_ITEROVER when there are no more actors (then
 *         @p out is untouched); ::NW_EINVAL for a NULL argument;
 *         ::NW_ESTALE if the network was freed; ::NW_ENOMEM.
 */
NW_API int nw_actor_iter_next(nw_actor **out, nw_actor_iter *iter);

/**
 * @brief Free an iterator.
 *
 * If this was the last handle of a network already given up with
 * nw_network_free(), the network is destroyed now.
 *
 * @param iter The iterator, or NULL (then nothing happens).
 */
NW_API void nw_actor_iter_free(nw_actor_iter *iter);

/**
 * @brief Iterate over the ties of a network, of the selected forms.
 * @param[out] out   The iterator, owned by the caller; free with nw_tie_iter_free().
 * @param net        The network.
 * @param form_mask  Forms to include (::NW_FORM_MASK_ALL for all).
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a bad mask; ::NW_ENOMEM.
 */
NW_API int nw_tie_iter_new(nw_tie_iter **out, nw_network *net, unsigned form_mask);

/**
 * @brief Iterate over the ties an actor belongs to, of the selected forms.
 * @param[out] out   The iterator, owned by the caller; free with nw_tie_iter_free().
 * @param actor      A handle.
 * @param form_mask  Forms to include (::NW_FORM_MASK_ALL for all).
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or a bad mask;
 *         ::NW_ESTALE; ::NW_ENOMEM.
 */
NW_API int nw_tie_iter_new_actor(nw_tie_iter **out, const nw_actor *actor, unsigned form_mask);

/**
 * @brief The next tie.
 * @param[out] out  A handle, owned by the caller; free with nw_tie_free().
 * @param iter      The iterator.
 * @return ::NW_OK; ::NW_ITEROVER when there are no more ties (then @p out
 *         is untouched); ::NW_EINVAL for a NULL argument; ::NW_ESTALE if the
 *         network was freed; ::NW_ENOMEM.
 */
NW_API int nw_tie_iter_next(nw_tie **out, nw_tie_iter *iter);

/**
 * @brief Free an iterator.
 *
 * If this was the last handle of a network already given up with
 * nw_network_free(), the network is destroyed now.
 *
 * @param iter The iterator, or NULL (then nothing happens).
 */
NW_API void nw_tie_iter_free(nw_tie_iter *iter);

#ifdef __cplusplus
}
#endif

#endif
