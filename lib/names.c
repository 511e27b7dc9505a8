/*
 * The actor name index: name -> identity, with uthash. uthash allocates
 * through nw_mem_* and, with HASH_NONFATAL_OOM, reports a failed allocation
 * through uthash_nonfatal_oom instead of aborting; the element is then not
 * added and the table stays as it was.
 */
#include "internal.h"

#include <string.h>

struct nw_name_entry;
static void name_entry_oom(struct nw_name_entry *entry);

#define HASH_NONFATAL_OOM 1
#define uthash_malloc(size) nw_mem_alloc(size)
#define uthash_free(ptr, size) nw_mem_free(ptr)
#define uthash_nonfatal_oom(entry) name_entry_oom(entry)
#include <uthash.h>

struct nw_name_entry {
    const char *name;   /* the key: the actor record's own name */
    nw_id id;
    bool oom;           /* set by uthash when adding it failed */
    UT_hash_handle hh;
};

static void name_entry_oom(struct nw_name_entry *entry)
{
    entry->oom = true;
}

static struct nw_name_entry *find(const nw_network *net, const char *name, size_t len,
                                  unsigned hash)
{
    struct nw_name_entry *head = net->names, *found;
    HASH_FIND_BYHASHVALUE(hh, head, name, len, hash, found);
    return found;
}

nw_id nw_names_find(const nw_network *net, const char *name)
{
    size_t len = strlen(name);
    unsigned hash;
    HASH_VALUE(name, len, hash);
    const struct nw_name_entry *found = find(net, name, len, hash);
    return found != NULL ? found->id : NW_ID_NONE;
}

int nw_names_put(nw_id *owner, nw_network *net, const char *name, nw_id id)
{
    size_t len = strlen(name);
    unsigned hash; /* once for the lookup and the insert */
    HASH_VALUE(name, len, hash);
    const struct nw_name_entry *found = find(net, name, len, hash);
    *owner = found != NULL ? found->id : NW_ID_NONE;
    if (found != NULL)
        return NW_OK;
    struct nw_name_entry *entry = nw_mem_calloc(1, sizeof *entry);
    if (entry == NULL)
        return nw_fail(NW_ENOMEM, "out of memory (growing the name index)");
    entry->name = name;
    entry->id = id;
    HASH_ADD_KEYPTR_BYHASHVALUE(hh, net->names, entry->name, len, hash, entry);
    if (entry->oom) {
        nw_mem_free(entry);
        return nw_fail(NW_ENOMEM, "out of memory (growing the name index)");
    }
    return NW_OK;
}

void nw_names_erase(nw_network *net, const char *name)
{
    size_t len = strlen(name);
    unsigned hash;
    HASH_VALUE(name, len, hash);
    struct nw_name_entry *entry = find(net, name, len, hash);
    if (entry == NULL || entry->name != name)
        return; /* not indexed under this very string */
    HASH_DELETE(hh, net->names, entry);
    nw_mem_free(entry);
}

void nw_names_clear(nw_network *net)
{
    struct nw_name_entry *entry, *tmp;
    HASH_ITER(hh, net->names, entry, tmp) {
        HASH_DELETE(hh, net->names, entry);
        nw_mem_free(entry);
    }
}
