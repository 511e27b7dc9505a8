/*
 * The test allocator: counts allocations and live blocks, fails the Nth
 * allocation on request, and checks that the library keeps the allocator
 * contract (see netzwerk/alloc.h).
 *
 * Every block carries a header with a magic number, so that a pointer this
 * allocator did not hand out (or one freed already) is caught at once.
 */
#include "nwtest.h"

#include <stdlib.h>
#include <string.h>

#define MAGIC_LIVE 0x4e57544cu /* "NWTL" */
#define MAGIC_DEAD 0x4e575444u /* "NWTD" */

/* The header keeps the user's block aligned like malloc's. */
typedef union header {
    max_align_t align;
    unsigned magic;
} header;

static long fail_at;  /* which allocation to fail, 0 = none */
static long count;    /* counted allocations since fail_at was set */
static long failures; /* injected failures since fail_at was set */
static long live;     /* blocks handed out and not yet freed */
static int paused;    /* > 0: do not count or fail */

static header *header_of(void *ptr, const char *what)
{
    header *h = (header *)ptr - 1;
    if (h->magic != MAGIC_LIVE)
        NWT_FAIL("test allocator: %s of a pointer it did not hand out (or freed already)", what);
    return h;
}

/* Count one allocation; true if it is the one to fail. */
static int should_fail(void)
{
    if (paused > 0)
        return 0;
    count++;
    if (fail_at > 0 && count == fail_at) {
        failures++;
        return 1;
    }
    return 0;
}

static void *fa_malloc(size_t size, void *user)
{
    (void)user;
    if (should_fail())
        return NULL;
    if (size > SIZE_MAX - sizeof(header))
        return NULL;
    header *h = malloc(sizeof(header) + size);
    if (!h)
        return NULL;
    h->magic = MAGIC_LIVE;
    live++;
    return h + 1;
}

static void *fa_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    if (!ptr)
        NWT_FAIL("test allocator: realloc_fn called with NULL (alloc.h forbids it)");
    if (size == 0)
        NWT_FAIL("test allocator: realloc_fn called with size 0 (alloc.h forbids it)");
    header *h = header_of(ptr, "realloc");
    if (should_fail())
        return NULL;
    if (size > SIZE_MAX - sizeof(header))
        return NULL;
    header *n = realloc(h, sizeof(header) + size);
    if (!n)
        return NULL;
    return n + 1;
}

static void fa_free(void *ptr, void *user)
{
    (void)user;
    if (!ptr)
        NWT_FAIL("test allocator: free_fn called with NULL (alloc.h forbids it)");
    header *h = header_of(ptr, "free");
    h->magic = MAGIC_DEAD;
    live--;
    free(h);
}

void nwt_failalloc_install(void)
{
    nw_allocator a = NW_ALLOCATOR_INIT;
    a.malloc_fn = fa_malloc;
    a.realloc_fn = fa_realloc;
    a.free_fn = fa_free;
    fail_at = count = failures = live = 0;
    paused = 0;
    int rc = nw_set_allocator(&a);
    if (rc != NW_OK)
        NWT_FAIL("nwt_failalloc_install: nw_set_allocator returned %s: %s",
                 nwt_code_name(rc), nw_errmsg());
}

void nwt_failalloc_uninstall(void)
{
    int rc = nw_set_allocator(NULL);
    if (rc != NW_OK)
        NWT_FAIL("nwt_failalloc_uninstall: nw_set_allocator(NULL) returned %s: %s",
                 nwt_code_name(rc), nw_errmsg());
    fail_at = 0;
}

void nwt_failalloc_fail_at(long n)
{
    fail_at = n;
    count = 0;
    failures = 0;
}

long nwt_failalloc_count(void) { return count; }
long nwt_failalloc_failures(void) { return failures; }
long nwt_failalloc_live(void) { return live; }

void nwt_failalloc_pause(void) { paused++; }

void nwt_failalloc_resume(void)
{
    if (paused > 0)
        paused--;
}
