/*
 * The actor name index: name -> actor, with Concurrency Kit's ck_hs (an
 * open-addressing hash set; Debian's libck-dev) and XXH3 (libxxhash-dev,
 * header only here) as its hash.
 *
 * The set holds no entries of its own: an element is the address of an
 * actor record's `name` field, so indexing an actor allocates nothing, and
 * the record is found from it (rec_of). ck_hs allocates only its table,
 * through nw_mem_*; a bulk load reserves the table first, so that putting
 * a million names does not grow it step by step.
 *
 * The hash is seeded per network from the system's entropy: names come
 * from files, and with a known seed a file of names that collide could make
 * every load quadratic (and ck_hs grow its table without end).
 */
#define _DEFAULT_SOURCE /* getentropy */

#include "internal.h"

#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <ck_hs.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

struct nw_name_index {
    ck_hs_t set;
    unsigned long slots; /* the table has at least this many (ck_hs may have grown it further) */
};

/* ck_hs reports a failed allocation only as `false`, which ck_hs_grow also
 * returns when the table is already large enough and ck_hs_put when the
 * name is indexed already: this count tells them apart. */
static _Thread_local unsigned long alloc_failures;

static void *index_alloc(size_t size)
{
    void *p = nw_mem_alloc(size);
    if (p == NULL)
        alloc_failures++;
    return p;
}

static void *index_realloc(void *p, size_t old_size, size_t new_size, bool defer)
{
    (void)old_size;
    (void)defer;
    void *q = nw_mem_realloc(p, new_size);
    if (q == NULL)
        alloc_failures++;
    return q;
}

static void index_free(void *p, size_t size, bool defer)
{
    (void)size;
    (void)defer; /* deferred frees are for concurrent readers: one thread per network */
    nw_mem_free(p);
}

static struct ck_malloc index_allocator = {index_alloc, index_realloc, index_free};

static const char *name_of(const void *element)
{
    return *(const char *const *)element;
}

static nw_actor_rec *rec_of(const void *element)
{
    return (nw_actor_rec *)((const char *)element - offsetof(nw_actor_rec, name));
}

static unsigned long hash_bytes(const char *name, size_t len, unsigned long seed)
{
    return (unsigned long)XXH3_64bits_withSeed(name, len, seed);
}

static unsigned long hash_name(const char *name, unsigned long seed)
{
    return hash_bytes(name, strlen(name), seed);
}

static unsigned long hash_element(const void *element, unsigned long seed)
{
    return hash_name(name_of(element), seed);
}

static bool same_name(const void *a, const void *b)
{
    return strcmp(name_of(a), name_of(b)) == 0;
}

static int out_of_memory(void)
{
    return nw_fail(NW_ENOMEM, "out of memory (growing the name index)");
}

/* The index, made on first use with room for `capacity` names. */
static int index_get(struct nw_name_index **out, nw_network *net, size_t capacity)
{
    if (net->names != NULL) {
        *out = net->names;
        return NW_OK;
    }
    struct nw_name_index *ix = nw_mem_alloc(sizeof *ix);
    if (ix == NULL)
        return NW_ENOMEM;
    unsigned long seed;
    if (getentropy(&seed, sizeof seed) != 0)
        seed = (unsigned long)(uintptr_t)ix; /* at least not known in advance (ASLR) */
    /* Twice the names: ck_hs grows once more than half full. */
    ix->slots = 2 * (capacity ? capacity : 8);
    if (!ck_hs_init(&ix->set, CK_HS_MODE_OBJECT | CK_HS_MODE_SPMC | CK_HS_MODE_DELETE,
                    hash_element, same_name, &index_allocator, ix->slots, seed)) {
        nw_mem_free(ix);
        return out_of_memory();
    }
    *out = net->names = ix;
    return NW_OK;
}

nw_id nw_names_find(const nw_network *net, const char *name)
{
    if (net->names == NULL)
        return NW_ID_NONE;
    ck_hs_t *set = &net->names->set;
    const char *key = name;
    const void *found = ck_hs_get(set, hash_name(name, set->seed), &key);
    return found != NULL ? rec_of(found)->id : NW_ID_NONE;
}

int nw_names_reserve(nw_network *net, size_t more)
{
    struct nw_name_index *ix = NULL;
    size_t indexed = net->names != NULL ? (size_t)ck_hs_count(&net->names->set) : 0;
    int rc = index_get(&ix, net, indexed + more);
    if (rc != NW_OK)
        return rc;
    unsigned long slots = 2 * (indexed + more), failures = alloc_failures;
    if (slots <= ix->slots)
        return NW_OK; /* ck_hs_grow would copy the table even when it is large enough */
    if (!ck_hs_grow(&ix->set, slots) && alloc_failures != failures)
        return out_of_memory(); /* the table is as it was */
    ix->slots = slots;
    return NW_OK;
}

int nw_names_put(nw_id *owner, nw_network *net, nw_actor_rec *rec, size_t len)
{
    *owner = NW_ID_NONE;
    struct nw_name_index *ix = NULL;
    int rc = index_get(&ix, net, 0);
    if (rc != NW_OK)
        return rc;
    unsigned long hash = hash_bytes(rec->name, len, ix->set.seed); /* once for the probe and the insert */
    unsigned long failures = alloc_failures;
    if (ck_hs_put(&ix->set, hash, &rec->name))
        return NW_OK;
    if (alloc_failures != failures)
        return out_of_memory(); /* ck_hs_put leaves the set as it was */
    *owner = rec_of(ck_hs_get(&ix->set, hash, &rec->name))->id;
    return NW_OK;
}

void nw_names_erase(nw_network *net, nw_actor_rec *rec)
{
    if (net->names == NULL)
        return;
    ck_hs_t *set = &net->names->set;
    unsigned long hash = hash_name(rec->name, set->seed);
    if (ck_hs_get(set, hash, &rec->name) == &rec->name) /* indexed as this very record */
        ck_hs_remove(set, hash, &rec->name);
}

int nw_names_rename(nw_network *net, nw_actor_rec *rec, char *new_name)
{
    ck_hs_t *set = &net->names->set; /* a live actor: the index exists */
    char *old_name = rec->name;
    unsigned long old_hash = hash_name(old_name, set->seed);
    unsigned long failures = alloc_failures;
    ck_hs_remove(set, old_hash, &rec->name);
    rec->name = new_name;
    if (ck_hs_put(set, hash_name(new_name, set->seed), &rec->name))
        return NW_OK;
    /* The set was full along the new name's probe sequence and could not
     * grow. The old name goes back where it was: its slot, now a
     * tombstone, is still on its probe sequence, so this cannot fail. */
    rec->name = old_name;
    (void)ck_hs_put(set, old_hash, &rec->name);
    return alloc_failures != failures ? out_of_memory()
                                      : nw_fail(NW_EEXISTS, "the new name is taken");
}

void nw_names_clear(nw_network *net)
{
    if (net->names == NULL)
        return;
    ck_hs_destroy(&net->names->set);
    nw_mem_free(net->names);
    net->names = NULL;
}
