/**
 * @file netzwerk/common.h
 * @brief Version, basic types and the conventions every libnetzwerk call follows.
 *
 * @section conventions Conventions
 *
 * - **Return values.** Every function that can fail returns an `int`:
 *   ::NW_OK (0) on success or a negative ::nw_error code. The only functions
 *   that return something else are the `_free` functions, nw_strerror(),
 *   nw_errmsg(), nw_errcode(), nw_errpos() and nw_version(), which cannot fail.
 * - **Output parameters come first**, then the object the call works on, then
 *   the inputs. An output is written only on success; on failure it is left
 *   untouched.
 * - **Ownership.** What a call hands back through a `T **out` parameter of a
 *   handle type belongs to the caller, who releases it with the matching
 *   `_free` function (every `_free` accepts NULL). A `const char **out`
 *   string is *borrowed*: it lives inside the network and stays valid until
 *   the field it came from is changed, its owner is removed, or the network
 *   goes away. Copy it if you need it longer.
 * - **A failed call changes nothing**: the network and the arguments are as
 *   they were before the call, including when memory runs out.
 * - **Text** is UTF-8. Every string passed in is validated; invalid UTF-8 is
 *   rejected with ::NW_EINVAL.
 * - **Identities** (::nw_id) of actors and ties are assigned in increasing
 *   order, never change and are never reused, not even after removal.
 * - **Dates** are calendar days (::nw_date); the library never reads the
 *   clock, so every result depends only on its inputs.
 * - **Option structs** the caller passes in start with a `version` field:
 *   start from their `_INIT` macro or `_init()` function, never from a
 *   zeroed struct (a zero date is 1970-01-01, a zero form is A Begegnung).
 *   A later version of the library reads an older struct by its version.
 *   Structs the library fills in (figures, consents, results) have no
 *   such room: their size changes only with the library's SOVERSION.
 *
 * @section threads Thread safety
 *
 * A network and every handle that hangs off it (actors, ties, iterators) must
 * be used by one thread at a time; the caller serialises access. Different
 * networks may be used from different threads at the same time. The last-error
 * message is kept per thread. nw_set_allocator() must not race with any other
 * call.
 */
#ifndef NETZWERK_COMMON_H
#define NETZWERK_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "netzwerk/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Major version: changes when the API breaks. */
#define NW_VERSION_MAJOR 0
/** Minor version: changes when the API grows. */
#define NW_VERSION_MINOR 1
/** Patch version: changes with fixes only. */
#define NW_VERSION_PATCH 0
/** The version as a string, "MAJOR.MINOR.PATCH". */
#define NW_VERSION_STRING "0.1.0"

/**
 * @brief The version of the library that is linked (which may differ from
 * the header's ::NW_VERSION_STRING).
 * @return A static string, never NULL.
 */
NW_API const char *nw_version(void);

/**
 * @brief The identity of an actor or a tie inside one network.
 *
 * Actors and ties have separate identity spaces, each starting at 1.
 * Identities are never reused: after 4,294,967,295 creations of one kind a
 * network refuses further ones with ::NW_ELIMIT.
 */
typedef uint32_t nw_id;

/** No identity; never assigned to anything. */
#define NW_ID_NONE ((nw_id)0)

/**
 * @brief A calendar day: the number of days since 1970-01-01 (proleptic
 * Gregorian calendar), so that the difference of two dates is a number of days.
 *
 * Valid dates lie between ::NW_DATE_MIN and ::NW_DATE_MAX. Build them with
 * nw_date_parse() or nw_date_from_ymd() (see netzwerk/date.h).
 */
typedef int32_t nw_date;

/** "No date": an open end, a date not (yet) recorded. */
#define NW_DATE_NONE ((nw_date)INT32_MIN)

/** A network of actors and ties. Opaque; see netzwerk/network.h. */
typedef struct nw_network nw_network;
/** A handle on one actor of a network. Opaque; see netzwerk/actor.h. */
typedef struct nw_actor nw_actor;
/** A handle on one tie of a network. Opaque; see netzwerk/tie.h. */
typedef struct nw_tie nw_tie;
/** An iterator over actors. Opaque; see netzwerk/iter.h. */
typedef struct nw_actor_iter nw_actor_iter;
/** An iterator over ties. Opaque; see netzwerk/iter.h. */
typedef struct nw_tie_iter nw_tie_iter;

#ifdef __cplusplus
}
#endif

#endif
