/*
 * The test allocator: counts allocations and live blocks, fails the Nth
 * allocation on request, and checks that the library keeps the allocator
 * contract (see netzwerk/alloc.h).
 *
 * Every block carries a header with a magic number, so that a pointer this
 * allocator did not hand out (or one freed already) is caught at once, and
 * its size and links in the list of live blocks, so that privacy tests can
 * search the library's memory.
 */
#include "nwtest.h"

#include <stdlib.h>
#include <string.h>

#define MAGIC_LIVE 0x4e57544cu /* "NWTL" */
#define MAGIC_DEAD 0x4e575444u /* "NWTD" */

/* The header keeps the user's block aligned like malloc's. */
typedef union header {
    max_align_t align;
    struct {
        unsigned magic;
        size_t size;
        union header *prev, *next; /* the live blocks */
    } b;
} header;

static header *blocks;      /* the newest live block */
static const char *watched; /* nwt_failalloc_watch */
static long watched_freed;

static long fail_at;  /* which allocation to fail, 0 = none */
static long count;    /* counted allocations since fail_at was set */
static long failures; /* injected failures since fail_at was set */
static long live;     /* blocks handed out and not yet freed */
static int paused;    /* > 0: do not count or fail */

static header *header_of(void *ptr, const char *what)
{
    header *h = (header *)ptr - 1;
    if (h->b.magic != MAGIC_LIVE)
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

static bool holds(const header *h, const char *text)
{
    size_t len = strlen(text);
    const char *p = (const char *)(h + 1);
    for (size_t i = 0; len <= h->b.size && i <= h->b.size - len; i++)
        if (memcmp(p + i, text, len) == 0)
            return true;
    return false;
}

static void link_block(header *h)
{
    h->b.prev = NULL;
    h->b.next = blocks;
    if (blocks != NULL)
        blocks->b.prev = h;
    blocks = h;
}

static void unlink_block(header *h)
{
    if (h->b.prev != NULL)
        h->b.prev->b.next = h->b.next;
    else
        blocks = h->b.next;
    if (h->b.next != NULL)
        h->b.next->b.prev = h->b.prev;
}

static void *block_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(header))
        return NULL;
    header *h = malloc(sizeof(header) + size);
    if (!h)
        return NULL;
    h->b.magic = MAGIC_LIVE;
    h->b.size = size;
    /* Not what an earlier test left there: a search must find only what
     * the library wrote (and a read of unwritten bytes shows as 0xA5). */
    memset(h + 1, 0xA5, size);
    link_block(h);
    live++;
    return h + 1;
}

static void block_free(header *h)
{
    if (watched != NULL && holds(h, watched))
        watched_freed++;
    unlink_block(h);
    h->b.magic = MAGIC_DEAD;
    live--;
    free(h);
}

static void *fa_malloc(size_t size, void *user)
{
    (void)user;
    if (should_fail())
        return NULL;
    return block_new(size);
}

/* Always a new block, so that the old one is searched when given back. */
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
    char *n = block_new(size);
    if (!n)
        return NULL;
    memcpy(n, ptr, size < h->b.size ? size : h->b.size);
    block_free(h);
    return n;
}

static void fa_free(void *ptr, void *user)
{
    (void)user;
    if (!ptr)
        NWT_FAIL("test allocator: free_fn called with NULL (alloc.h forbids it)");
    block_free(header_of(ptr, "free"));
}

bool nwt_failalloc_live_holds(const char *text)
{
    for (const header *h = blocks; h != NULL; h = h->b.next)
        if (holds(h, text))
            return true;
    return false;
}

void nwt_failalloc_watch(const char *text)
{
    watched = text;
    watched_freed = 0;
}

long nwt_failalloc_watched_freed(void)
{
    return watched_freed;
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
