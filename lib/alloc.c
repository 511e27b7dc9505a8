/*
 * The pluggable allocator. Every allocation of the library goes through the
 * nw_mem_* wrappers, which record NW_ENOMEM on failure and check sizes for
 * overflow.
 */
#include "internal.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(size_t size, void *user)
{
    (void)user;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *user)
{
    (void)user;
    free(ptr);
}

static nw_allocator current = {
    NW_ALLOCATOR_VERSION, std_malloc, std_realloc, std_free, NULL
};

/* Blocks the library allocated and has not freed: those of networks
 * (zombies included), snapshots, reports, and buffers handed to the caller.
 * Memory must go back to the allocator that gave it, so nw_set_allocator
 * waits until there are none. Atomic because different networks may be
 * used in different threads at the same time; relaxed, because the count
 * orders nothing else. */
static atomic_size_t blocks_alive;

static void *counted(void *p)
{
    if (p != NULL)
        atomic_fetch_add_explicit(&blocks_alive, 1, memory_order_relaxed);
    return p;
}

int nw_set_allocator(const nw_allocator *alloc)
{
    if (alloc != NULL) {
        if (alloc->version != NW_ALLOCATOR_VERSION)
            return nw_fail(NW_EINVAL, "allocator version %u is unknown (expected %u)",
                           alloc->version, (unsigned)NW_ALLOCATOR_VERSION);
        if (alloc->malloc_fn == NULL)
            return nw_fail(NW_EINVAL, "allocator malloc_fn is NULL");
        if (alloc->realloc_fn == NULL)
            return nw_fail(NW_EINVAL, "allocator realloc_fn is NULL");
        if (alloc->free_fn == NULL)
            return nw_fail(NW_EINVAL, "allocator free_fn is NULL");
    }
    size_t alive = atomic_load(&blocks_alive);
    if (alive > 0)
        return nw_fail(NW_EBUSY, "cannot change the allocator while %zu block%s of the library's "
                       "memory %s not freed (a network, snapshot, report or buffer)",
                       alive, alive == 1 ? "" : "s", alive == 1 ? "is" : "are");
    if (alloc == NULL) {
        current.malloc_fn = std_malloc;
        current.realloc_fn = std_realloc;
        current.free_fn = std_free;
        current.user = NULL;
    } else {
        current = *alloc;
    }
    return NW_OK;
}

void nw_free(void *ptr)
{
    nw_mem_free(ptr);
}

void *nw_mem_alloc(size_t size)
{
    /* Never ask for 0 bytes: malloc(0) may return NULL, which would read as
     * a failure. */
    void *p = current.malloc_fn(size ? size : 1, current.user);
    if (p == NULL)
        nw_fail(NW_ENOMEM, "out of memory (allocating %zu bytes)", size);
    return counted(p);
}

void *nw_mem_calloc(size_t count, size_t size)
{
    if (size != 0 && count > SIZE_MAX / size) {
        nw_fail(NW_ENOMEM, "out of memory (%zu items of %zu bytes overflow)", count, size);
        return NULL;
    }
    void *p = nw_mem_alloc(count * size);
    if (p != NULL)
        memset(p, 0, count * size);
    return p;
}

void *nw_mem_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return nw_mem_alloc(size);
    void *p = current.realloc_fn(ptr, size ? size : 1, current.user);
    if (p == NULL)
        nw_fail(NW_ENOMEM, "out of memory (reallocating to %zu bytes)", size);
    return p;
}

void nw_mem_free(void *ptr)
{
    if (ptr != NULL) {
        current.free_fn(ptr, current.user);
        atomic_fetch_sub_explicit(&blocks_alive, 1, memory_order_relaxed);
    }
}

char *nw_mem_strdup(const char *s)
{
    size_t len = strlen(s);
    char *copy = nw_mem_alloc(len + 1);
    if (copy != NULL)
        memcpy(copy, s, len + 1);
    return copy;
}

int nw_mem_reserve(void **items, size_t *cap, size_t need, size_t item_size)
{
    if (need <= *cap)
        return NW_OK;
    size_t max = item_size ? SIZE_MAX / item_size : SIZE_MAX;
    if (need > max)
        return nw_fail(NW_ENOMEM, "out of memory (%zu items of %zu bytes overflow)",
                       need, item_size);
    size_t grown = *cap < max / 2 ? *cap * 2 : max;
    size_t new_cap = need > grown ? need : grown;
    if (new_cap < 4 && max >= 4)
        new_cap = 4;
    void *p = nw_mem_realloc(*items, new_cap * item_size);
    if (p == NULL)
        return NW_ENOMEM;
    *items = p;
    *cap = new_cap;
    return NW_OK;
}

/* ---- arenas -------------------------------------------------------------- */

/* Chunks are small, for the reason tie blocks are (tie.c): glibc's malloc
 * reuses them from its heap on the next load, where large blocks would be
 * mapped and page-faulted afresh. A larger request gets a chunk of its own. */
#define ARENA_CHUNK 16384

struct nw_arena_chunk {
    struct nw_arena_chunk *prev;
    size_t used, size;
    max_align_t data[];
};

/* What the arena holds (records, identity lists) needs no more than the
 * alignment of a pointer or a size_t; max_align_t (16 on x86-64) would
 * round every short tie list up to 16 bytes. */
#define ARENA_ALIGN 8
_Static_assert(_Alignof(void *) <= ARENA_ALIGN && _Alignof(size_t) <= ARENA_ALIGN &&
                   _Alignof(uint64_t) <= ARENA_ALIGN,
               "arena alignment");

void *nw_arena_alloc(nw_arena *arena, size_t size)
{
    const size_t align = ARENA_ALIGN;
    if (size > SIZE_MAX - sizeof(struct nw_arena_chunk) - align) {
        nw_fail(NW_ENOMEM, "out of memory (allocating %zu bytes)", size);
        return NULL;
    }
    size = (size + align - 1) / align * align;
    struct nw_arena_chunk *c = arena->head;
    if (c == NULL || c->size - c->used < size) {
        size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
        c = nw_mem_alloc(sizeof *c + cap);
        if (c == NULL)
            return NULL;
        c->prev = arena->head;
        c->used = 0;
        c->size = cap;
        arena->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

nw_arena_mark nw_arena_mark_get(const nw_arena *arena)
{
    nw_arena_mark mark = {arena->head, arena->head != NULL ? arena->head->used : 0};
    return mark;
}

void nw_arena_rewind(nw_arena *arena, nw_arena_mark mark)
{
    while (arena->head != mark.chunk) {
        struct nw_arena_chunk *c = arena->head;
        arena->head = c->prev;
        nw_mem_free(c);
    }
    if (arena->head != NULL)
        arena->head->used = mark.used;
}

void nw_arena_clear(nw_arena *arena)
{
    nw_arena_mark none = {NULL, 0};
    nw_arena_rewind(arena, none);
}
