/**
 * @file netzwerk/alloc.h
 * @brief A pluggable allocator for all memory the library uses.
 *
 * A host application can route every allocation of libnetzwerk through its
 * own functions, for accounting, memory caps or tests that make allocations
 * fail. Out-of-memory is always reported as ::NW_ENOMEM and leaves every
 * network as it was before the call.
 */
#ifndef NETZWERK_ALLOC_H
#define NETZWERK_ALLOC_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The current version of ::nw_allocator; put it in the `version` field. */
#define NW_ALLOCATOR_VERSION 1

/**
 * @brief Allocation functions with C's malloc/realloc/free semantics, plus a
 * user pointer passed to each of them.
 *
 * All three functions must be set. `realloc_fn` is never called with a NULL
 * pointer or a size of 0, and `free_fn` never with NULL.
 */
typedef struct nw_allocator {
    unsigned int version;                                    /**< ::NW_ALLOCATOR_VERSION. */
    void *(*malloc_fn)(size_t size, void *user);             /**< Like malloc(); NULL on failure. */
    void *(*realloc_fn)(void *ptr, size_t size, void *user); /**< Like realloc(); NULL on failure, leaving ptr intact. */
    void (*free_fn)(void *ptr, void *user);                  /**< Like free(). */
    void *user;                                              /**< Passed unchanged to the three functions. */
} nw_allocator;

/** Initializer for an ::nw_allocator with the current version and no functions. */
#define NW_ALLOCATOR_INIT { NW_ALLOCATOR_VERSION, NULL, NULL, NULL, NULL }

/**
 * @brief Set the allocator for all later allocations of the library.
 *
 * Must be called while the library holds no memory: no network exists
 * (including zombie networks that still have live handles), and every
 * snapshot, report and buffer it handed out has been freed. Memory must be
 * freed by the allocator that allocated it. Not thread-safe: no other
 * libnetzwerk call may run at the same time.
 *
 * @param alloc The functions to use; copied, so the struct need not outlive
 *              the call. NULL restores the C library's malloc, realloc, free.
 * @return ::NW_OK; ::NW_EINVAL if a function is missing or the version is
 *         unknown; ::NW_EBUSY while a network, snapshot, report or
 *         buffer of the library is not freed (nw_errmsg() says how many
 *         blocks of memory).
 */
NW_API int nw_set_allocator(const nw_allocator *alloc);

/**
 * @brief Free memory that the library allocated and handed to the caller.
 *
 * Only for buffers whose documentation says "free with nw_free()".
 * Handles have their own `_free` functions.
 *
 * @param ptr The buffer, or NULL (then nothing happens).
 */
NW_API void nw_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
