/**
 * @file netzwerk/errors.h
 * @brief Error codes, their messages and the detailed message of the last failure.
 *
 * Every fallible call returns ::NW_OK or one negative code of ::nw_error.
 * nw_strerror() names a code; nw_errmsg() tells what exactly went wrong in
 * the most recent failed call of the calling thread, for example
 * `"date '2026-02-30': February 2026 has 28 days"`.
 *
 * Messages never contain personal data that the caller did not pass to the
 * failing call itself: they name identities, not other actors' names.
 */
#ifndef NETZWERK_ERRORS_H
#define NETZWERK_ERRORS_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Result codes. Bindings map each negative code to its own exception type. */
typedef enum nw_error {
    NW_OK = 0,          /**< Success. */
    NW_ERROR = -1,      /**< An internal error that fits no other code. */
    NW_EINVAL = -2,     /**< An argument is invalid: NULL, out of range, bad UTF-8, a bad date. */
    NW_ENOTFOUND = -3,  /**< No such actor, tie, item or index. */
    NW_EEXISTS = -4,    /**< Already there: a name, a topic, a member. */
    NW_ESTALE = -5,     /**< The handle refers to something removed, or its network was freed. */
    NW_EFORMAT = -6,    /**< Input data (a file, a string) is malformed. */
    NW_EIO = -7,        /**< Reading or writing a file failed. */
    NW_ENOMEM = -8,     /**< Out of memory. */
    NW_ELIMIT = -9,     /**< A limit was exceeded: identities used up, too many items, input nested too deeply. */
    NW_EBUSY = -10,     /**< The operation is not possible now, e.g. changing the allocator while objects exist. */
    NW_ITEROVER = -31   /**< Not an error: an iterator has no more items. */
} nw_error;

/**
 * @brief A short English description of an error code.
 * @param code A value of ::nw_error (any other value gives "unknown error").
 * @return A static string, never NULL. Caller must not free it.
 */
NW_API const char *nw_strerror(int code);

/**
 * @brief The detailed message of the most recent failed call in this thread.
 *
 * The text says what was wrong with which argument, e.g.
 * `"actor 7 was removed"` or `"name is not valid UTF-8 (byte 3)"`.
 * Successful calls do not reset it.
 *
 * @return A thread-local string, never NULL: `"no error"` when nothing has
 *         failed yet in this thread. Borrowed: valid until the next failing
 *         call in the same thread. Caller must not free it.
 */
NW_API const char *nw_errmsg(void);

/**
 * @brief The code of the most recent failed call in this thread.
 * @return A negative ::nw_error, or ::NW_OK when nothing has failed since the
 *         thread started or since nw_error_clear().
 */
NW_API int nw_errcode(void);

/**
 * @brief Where in an array argument the most recent failed call in this
 * thread found the problem, in the manner of SQLite's
 * `sqlite3_error_offset()`: for a program that loads many entries at once
 * and must point at the bad one.
 *
 * The bulk calls record places: nw_actors_add() the index in `names` of a
 * name that is not valid or is taken, and the indexes of both entries when
 * one name is given twice; nw_ties_add() the index in the flat `pairs`
 * array (pair `k / 2`, member `k % 2`) of an identity that names no live
 * actor, and the indexes of both members of a pair that names one actor
 * twice. nw_errmsg() names the same places (`"pairs[5]: no actor 41"`).
 * Every other failure records none.
 *
 * @param[out] first  Set to the first place (0-based) when there is one;
 *                    else untouched. May be NULL.
 * @param[out] second Set to the second place when there are two; else
 *                    untouched. May be NULL.
 * @return The number of places: 0, 1 or 2. 0 when nothing has failed since
 *         the thread started or since nw_error_clear().
 */
NW_API int nw_errpos(size_t *first, size_t *second);

/**
 * @brief Forget the last error of this thread: nw_errcode() returns ::NW_OK,
 * nw_errmsg() `"no error"` and nw_errpos() 0 afterwards.
 */
NW_API void nw_error_clear(void);

#ifdef __cplusplus
}
#endif

#endif
