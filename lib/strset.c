/*
 * An ordered set of strings: insertion order kept, each string once
 * (compared byte for byte). Topics, goals and interests use it.
 */
#include "internal.h"

#include <string.h>

void nw_strset_clear(nw_strset *set)
{
    for (size_t i = 0; i < set->len; i++)
        nw_mem_free(set->items[i]);
    nw_mem_free(set->items);
    set->items = NULL;
    set->len = set->cap = 0;
}

ptrdiff_t nw_strset_find(const nw_strset *set, const char *s)
{
    for (size_t i = 0; i < set->len; i++)
        if (strcmp(set->items[i], s) == 0)
            return (ptrdiff_t)i;
    return -1;
}

int nw_strset_add(nw_strset *set, const char *s, const char *what)
{
    char q[NW_QUOTE_SIZE];
    int rc = nw_text_check(s, NW_TEXT_LINE, what);
    if (rc != NW_OK)
        return rc;
    if (nw_strset_find(set, s) >= 0)
        return nw_fail(NW_EEXISTS, "%s '%s' exists already", what, nw_quote(q, s));
    rc = nw_mem_reserve((void **)&set->items, &set->cap, set->len + 1, sizeof *set->items);
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(s);
    if (copy == NULL)
        return NW_ENOMEM;
    set->items[set->len++] = copy;
    return NW_OK;
}

int nw_strset_remove(nw_strset *set, const char *s, const char *what)
{
    char q[NW_QUOTE_SIZE];
    int rc = nw_text_check(s, NW_TEXT_FREE, what); /* NULL, bad UTF-8: EINVAL, not "not found" */
    if (rc != NW_OK)
        return rc;
    ptrdiff_t i = nw_strset_find(set, s);
    if (i < 0)
        return nw_fail(NW_ENOTFOUND, "no %s '%s'", what, nw_quote(q, s));
    nw_mem_free(set->items[i]);
    memmove(set->items + i, set->items + i + 1,
            (set->len - (size_t)i - 1) * sizeof *set->items);
    set->len--;
    return NW_OK;
}

int nw_strset_get(const char **out, const nw_strset *set, size_t index, const char *what)
{
    if (index >= set->len)
        return nw_fail(NW_ENOTFOUND, "%s index %zu is out of range (%zu in all)",
                       what, index, set->len);
    *out = set->items[index];
    return NW_OK;
}
