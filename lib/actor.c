/*
 * Actors: persons, groups and organisations, their handles and their data.
 */
#include "internal.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* ---- handles and records ------------------------------------------------- */

nw_actor *nw_actor_handle_new(nw_network *net, nw_id id)
{
    nw_actor *h = nw_mem_alloc(sizeof *h);
    if (h == NULL)
        return NULL;
    h->net = net;
    h->id = id;
    nw_network_ref(net);
    return h;
}

nw_actor_rec *nw_actor_resolve(const nw_actor *actor)
{
    if (actor == NULL) {
        nw_fail(NW_EINVAL, "actor is NULL");
        return NULL;
    }
    if (actor->net->closed) {
        nw_fail(NW_ESTALE, "network was freed");
        return NULL;
    }
    nw_actor_rec *rec = nw_network_actor_rec(actor->net, actor->id);
    if (rec == NULL)
        nw_fail(NW_ESTALE, "actor %" PRIu32 " was removed", actor->id);
    return rec;
}

/* A record small enough that a bulk load writes little per actor (issue 4):
 * the rare fields live in nw_actor_extra. */
_Static_assert(sizeof(nw_actor_rec) <= 56, "nw_actor_rec grew past 56 bytes");

const struct nw_actor_extra nw_actor_no_extra = { 0 };

struct nw_actor_extra *nw_actor_extra_get(nw_actor_rec *a)
{
    if (a->extra == NULL)
        a->extra = nw_mem_calloc(1, sizeof *a->extra);
    return a->extra;
}

static void extra_free(nw_actor_rec *rec)
{
    struct nw_actor_extra *x = rec->extra;
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->ncontacts; i++)
        nw_mem_free(x->contacts[i].value);
    nw_mem_free(x->contacts);
    for (size_t i = 0; i < x->nattrs; i++) {
        nw_mem_free(x->attrs[i].key);
        nw_mem_free(x->attrs[i].value);
    }
    nw_mem_free(x->attrs);
    nw_strset_clear(&x->interests);
    nw_consent_recs_free(rec); /* issue 8 */
    nw_mem_free(x);
    rec->extra = NULL;
}

void nw_actor_rec_free(nw_actor_rec *rec)
{
    if (rec == NULL)
        return;
    extra_free(rec);
    if (rec->capties != 0) /* else in the arena, or none */
        nw_mem_free(rec->ties);
    if (rec->name != rec->name_buf)
        nw_mem_free(rec->name);
    if (!rec->in_arena) {
        nw_mem_free(rec);
        return;
    }
    /* The arena keeps the memory until the network goes: leave nothing of
     * the actor in it. */
    memset(rec, 0, offsetof(nw_actor_rec, name_buf) + strlen(rec->name_buf) + 1);
}

static int check_kind(nw_actor_kind kind)
{
    if ((unsigned)kind > NW_ACTOR_ORGANISATION)
        return nw_fail(NW_EINVAL, "kind %d is not an actor kind (0 to 2)", (int)kind);
    return NW_OK;
}

/* NW_EEXISTS if an actor other than `self` has the name. */
static int check_name_free(const nw_network *net, const char *name, nw_id self)
{
    char q[NW_QUOTE_SIZE];
    nw_id owner = nw_names_find(net, name);
    if (owner != NW_ID_NONE && owner != self)
        return nw_fail(NW_EEXISTS, "name '%s' is taken by actor %" PRIu32,
                       nw_quote(q, name), owner);
    return NW_OK;
}

/* ---- creation: what nw_actor_add and nw_actors_add share ---------------- */

/* The checks before any name is read: the network, the kind, and
 * identities left for `count` more actors. */
static int check_new_actors(const nw_network *net, nw_actor_kind kind, size_t count)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = check_kind(kind);
    if (rc != NW_OK)
        return rc;
    uint64_t left = (uint64_t)NW_ID_MAX + 1 - net->next_actor_id;
    if ((uint64_t)count > left && left == 0)
        return nw_fail(NW_ELIMIT, "actor identities are used up (%" PRIu32 " created)", NW_ID_MAX);
    if ((uint64_t)count > left)
        return nw_fail(NW_ELIMIT, "%zu actors requested, %" PRIu64 " actor identities left",
                       count, left);
    return NW_OK;
}

/* A record for the new actor `id`, its name (len bytes) inside it: an allocation of
 * its own, or (a bulk load) carved from the network's arena. */
static nw_actor_rec *rec_new(nw_network *net, nw_id id, nw_actor_kind kind, const char *name,
                             size_t len, bool in_arena)
{
    size_t size = offsetof(nw_actor_rec, name_buf) + len + 1;
    size = size < sizeof(nw_actor_rec) ? sizeof(nw_actor_rec) : size;
    nw_actor_rec *rec = in_arena ? nw_arena_alloc(&net->arena, size) : nw_mem_alloc(size);
    if (rec == NULL)
        return NULL;
    memset(rec, 0, sizeof *rec);
    memcpy(rec->name_buf, name, len + 1);
    rec->in_arena = in_arena;
    rec->name = rec->name_buf;
    rec->id = id;
    rec->kind = kind;
    rec->joined = NW_DATE_NONE;
    return rec;
}

/* Take back what prepare() did for the first `n` of its actors. */
static void discard(nw_network *net, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        nw_actor_rec *rec = net->actors[net->next_actor_id + i];
        nw_names_erase(net, rec);
        nw_actor_rec_free(rec);
    }
}

/* Everything that can fail for `count` new actors (count >= 1; the checks of
 * check_new_actors passed): their names (in messages names[i], or name for
 * nw_actor_add), their records, kept in the slots past the last identity,
 * which nothing reads until next_actor_id moves, and their entries in the
 * name index. On failure nothing of it is left. */
static int prepare(nw_network *net, nw_actor_kind kind, const char *const *names, size_t count,
                   bool many)
{
    char q[NW_QUOTE_SIZE], what[32];
    for (size_t i = 0; i < count; i++) {
        if (nw_text_check(names[i], NW_TEXT_LINE, "name") == NW_OK)
            continue;
        if (!many)
            return nw_errcode();
        snprintf(what, sizeof what, "names[%zu]", i); /* only on failure: it costs */
        return nw_error_at(nw_text_check(names[i], NW_TEXT_LINE, what), 1, i, 0);
    }
    uint64_t first = net->next_actor_id;
    int rc = nw_mem_reserve((void **)&net->actors, &net->actors_cap, (size_t)(first + count),
                            sizeof *net->actors);
    if (rc == NW_OK && many)
        rc = nw_names_reserve(net, count);
    if (rc != NW_OK)
        return rc;
    const nw_arena_mark mark = nw_arena_mark_get(&net->arena);
    for (size_t i = 0; i < count; i++) {
        nw_id id = (nw_id)(first + i);
        size_t len = strlen(names[i]); /* at most NW_TEXT_MAX: checked */
        nw_actor_rec *rec = rec_new(net, id, kind, names[i], len, many);
        if (rec == NULL) {
            discard(net, i);
            nw_arena_rewind(&net->arena, mark);
            return NW_ENOMEM;
        }
        nw_id owner;
        rc = nw_names_put(&owner, net, rec, len);
        if (rc == NW_OK && owner == NW_ID_NONE) {
            net->actors[id] = rec;
            continue;
        }
        nw_actor_rec_free(rec);
        discard(net, i);
        nw_arena_rewind(&net->arena, mark);
        if (rc != NW_OK)
            return rc;
        nw_quote(q, names[i]);
        if (!many)
            return nw_fail(NW_EEXISTS, "name '%s' is taken by actor %" PRIu32, q, owner);
        if (owner >= first)
            return nw_error_at(nw_fail(NW_EEXISTS, "names[%zu] and names[%zu] are the same name '%s'",
                                       (size_t)(owner - first), i, q),
                               2, (size_t)(owner - first), i);
        return nw_error_at(nw_fail(NW_EEXISTS, "names[%zu]: '%s' is taken by actor %" PRIu32, i, q, owner),
                           1, i, 0);
    }
    return NW_OK;
}

/* Make the prepared actors part of the network. Never fails. */
static void commit(nw_network *net, size_t count)
{
    net->actors[0] = NULL;
    net->next_actor_id += count;
    net->actor_count += count;
    nw_network_touch(net);
}

/* ---- creation, lookup, removal ------------------------------------------ */

int nw_actor_add(nw_actor **out, nw_network *net, nw_actor_kind kind, const char *name)
{
    int rc = check_new_actors(net, kind, 1);
    if (rc == NW_OK)
        rc = prepare(net, kind, &name, 1, false);
    if (rc != NW_OK)
        return rc;
    nw_id id = (nw_id)net->next_actor_id;
    nw_actor *handle = NULL;
    if (out != NULL && (handle = nw_actor_handle_new(net, id)) == NULL) {
        discard(net, 1);
        return NW_ENOMEM;
    }
    commit(net, 1);
    if (out != NULL)
        *out = handle;
    return NW_OK;
}

int nw_actors_add(nw_id *out_ids, nw_network *net, nw_actor_kind kind,
                  const char *const *names, size_t count)
{
    int rc = check_new_actors(net, kind, count);
    if (rc != NW_OK)
        return rc;
    if (names == NULL && count > 0)
        return nw_fail(NW_EINVAL, "names is NULL");
    if (count == 0)
        return NW_OK;
    rc = prepare(net, kind, names, count, true);
    if (rc != NW_OK)
        return rc;
    uint64_t first = net->next_actor_id;
    commit(net, count);
    if (out_ids != NULL)
        for (size_t i = 0; i < count; i++)
            out_ids[i] = (nw_id)(first + i);
    return NW_OK;
}

int nw_actor_lookup(nw_actor **out, nw_network *net, nw_id id)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    if (id == NW_ID_NONE || id >= net->next_actor_id)
        return nw_fail(NW_ENOTFOUND, "no actor %" PRIu32, id);
    if (net->actors[id] == NULL)
        return nw_fail(NW_ENOTFOUND, "actor %" PRIu32 " was removed", id);
    nw_actor *h = nw_actor_handle_new(net, id);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

int nw_actor_lookup_name(nw_actor **out, nw_network *net, const char *name)
{
    char q[NW_QUOTE_SIZE];
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    if ((rc = nw_text_check(name, NW_TEXT_FREE, "name")) != NW_OK)
        return rc;
    nw_id id = nw_names_find(net, name);
    if (id == NW_ID_NONE)
        return nw_fail(NW_ENOTFOUND, "no actor named '%s'", nw_quote(q, name));
    nw_actor *h = nw_actor_handle_new(net, id);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

int nw_actor_dup(nw_actor **out, const nw_actor *actor)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (actor == NULL)
        return nw_fail(NW_EINVAL, "actor is NULL");
    nw_actor *h = nw_actor_handle_new(actor->net, actor->id);
    if (h == NULL)
        return NW_ENOMEM;
    *out = h;
    return NW_OK;
}

void nw_actor_free(nw_actor *actor)
{
    if (actor == NULL)
        return;
    nw_network *net = actor->net;
    nw_mem_free(actor);
    nw_network_unref(net);
}

void nw_actor_rec_detach(nw_network *net, nw_actor_rec *rec)
{
    /* Nothing here allocates, so the removal cannot fail half-way: each tie
     * either loses this member in place or, left with one, goes entirely. */
    for (size_t i = 0; i < rec->nties; i++) {
        nw_tie_rec *tie = nw_network_tie_rec(net, rec->ties[i]);
        if (tie->nmembers <= 2) {
            nw_tie_rec_drop(net, tie, rec->id);
        } else {
            nw_tie_rec_member_erase(tie, rec->id);
            nw_checklist_rec_member_removed(nw_tie_rec_checklist(tie), rec->id); /* issue 3 */
        }
    }
    nw_names_erase(net, rec);
    net->actors[rec->id] = NULL;
    net->actor_count--;
}

int nw_actor_remove(nw_actor *actor)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    nw_actor_rec_detach(actor->net, rec);
    nw_actor_rec_free(rec);
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_actor_id(nw_id *out, const nw_actor *actor)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (actor == NULL)
        return nw_fail(NW_EINVAL, "actor is NULL");
    *out = actor->id;
    return NW_OK;
}

int nw_actor_equal(bool *out, const nw_actor *a, const nw_actor *b)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (a == NULL)
        return nw_fail(NW_EINVAL, "a is NULL");
    if (b == NULL)
        return nw_fail(NW_EINVAL, "b is NULL");
    *out = a->net == b->net && a->id == b->id;
    return NW_OK;
}

/* Resolve for a getter: NULL output first, then the handle. */
static nw_actor_rec *resolve_get(const void *out, const char *out_name, const nw_actor *actor)
{
    if (out == NULL) {
        nw_fail(NW_EINVAL, "%s is NULL", out_name);
        return NULL;
    }
    return nw_actor_resolve(actor);
}

/* ---- kind and name -------------------------------------------------------- */

int nw_actor_kind_get(nw_actor_kind *out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->kind;
    return NW_OK;
}

int nw_actor_set_kind(nw_actor *actor, nw_actor_kind kind)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_kind(kind);
    if (rc != NW_OK)
        return rc;
    rec->kind = kind;
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_actor_name(const char **out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->name;
    return NW_OK;
}

int nw_actor_set_name(nw_actor *actor, const char *name)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    nw_network *net = actor->net;
    int rc = nw_text_check(name, NW_TEXT_LINE, "name");
    if (rc == NW_OK)
        rc = check_name_free(net, name, rec->id);
    if (rc != NW_OK)
        return rc;
    if (strcmp(rec->name, name) == 0)
        return NW_OK;
    char *old = rec->name, *copy = nw_mem_strdup(name);
    if (copy == NULL)
        return nw_fail(NW_ENOMEM, "out of memory (renaming actor %" PRIu32 ")", rec->id);
    rc = nw_names_rename(net, rec, copy);
    if (rc != NW_OK) {
        nw_mem_free(copy);
        return rc;
    }
    if (old == rec->name_buf) /* no trace of the old name in a live block */
        memset(rec->name_buf, 0, strlen(rec->name_buf));
    else
        nw_mem_free(old);
    nw_network_touch(net);
    return NW_OK;
}

/* ---- contacts ------------------------------------------------------------- */

int nw_actor_contact_add(nw_actor *actor, nw_channel channel, const char *value)
{
    char q[NW_QUOTE_SIZE];
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_contact_check(channel, value, "value");
    if (rc != NW_OK)
        return rc;
    const struct nw_actor_extra *cx = nw_actor_rec_extra(rec);
    for (size_t i = 0; i < cx->ncontacts; i++)
        if (cx->contacts[i].channel == channel && strcmp(cx->contacts[i].value, value) == 0)
            return nw_fail(NW_EEXISTS, "actor %" PRIu32 " has the contact '%s' already",
                           rec->id, nw_quote(q, value));
    struct nw_actor_extra *x = nw_actor_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    rc = nw_mem_reserve((void **)&x->contacts, &x->capcontacts, x->ncontacts + 1,
                        sizeof *x->contacts);
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(value);
    if (copy == NULL)
        return NW_ENOMEM;
    x->contacts[x->ncontacts].channel = channel;
    x->contacts[x->ncontacts].value = copy;
    x->ncontacts++;
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_actor_contact_count(size_t *out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_actor_rec_extra(rec)->ncontacts;
    return NW_OK;
}

static int check_contact_index(const nw_actor_rec *rec, size_t index)
{
    size_t n = nw_actor_rec_extra(rec)->ncontacts;
    if (index >= n)
        return nw_fail(NW_ENOTFOUND, "contact index %zu is out of range (actor %" PRIu32
                       " has %zu)", index, rec->id, n);
    return NW_OK;
}

int nw_actor_contact(nw_channel *channel, const char **value, const nw_actor *actor, size_t index)
{
    if (channel == NULL)
        return nw_fail(NW_EINVAL, "channel is NULL");
    nw_actor_rec *rec = resolve_get(value, "value", actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_contact_index(rec, index);
    if (rc != NW_OK)
        return rc;
    const nw_contact *c = &rec->extra->contacts[index]; /* index checked: a block */
    *channel = c->channel;
    *value = c->value;
    return NW_OK;
}

int nw_actor_contact_remove(nw_actor *actor, size_t index)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_contact_index(rec, index);
    if (rc != NW_OK)
        return rc;
    struct nw_actor_extra *x = rec->extra; /* index checked: a block */
    nw_mem_free(x->contacts[index].value);
    memmove(x->contacts + index, x->contacts + index + 1,
            (x->ncontacts - index - 1) * sizeof *x->contacts);
    x->ncontacts--;
    nw_network_touch(actor->net);
    return NW_OK;
}

/* ---- interests ------------------------------------------------------------ */

int nw_actor_interest_add(nw_actor *actor, const char *interest)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    /* Check before making the extra block (nw_strset_add checks again). */
    int rc = nw_text_check(interest, NW_TEXT_LINE, "interest");
    if (rc != NW_OK)
        return rc;
    struct nw_actor_extra *x = nw_actor_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    rc = nw_strset_add(&x->interests, interest, "interest");
    if (rc == NW_OK)
        nw_network_touch(actor->net);
    return rc;
}

int nw_actor_interest_remove(nw_actor *actor, const char *interest)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    nw_strset none = { NULL, 0, 0 }; /* no extra block: remove from an empty set */
    nw_strset *set = rec->extra != NULL ? &rec->extra->interests : &none;
    int rc = nw_strset_remove(set, interest, "interest");
    if (rc == NW_OK)
        nw_network_touch(actor->net);
    return rc;
}

int nw_actor_interest_count(size_t *out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_actor_rec_extra(rec)->interests.len;
    return NW_OK;
}

int nw_actor_interest(const char **out, const nw_actor *actor, size_t index)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    return nw_strset_get(out, &nw_actor_rec_extra(rec)->interests, index, "interest");
}

/* ---- joining ----------------------------------------------------------------- */

/* Consent: the shorthands nw_actor_consent_give() and its siblings live in
 * consent.c with the records they work on (issue 8). */

int nw_actor_joined(nw_date *out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = rec->joined;
    return NW_OK;
}

int nw_actor_set_joined(nw_actor *actor, nw_date date)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date_or_none(date, "date");
    if (rc != NW_OK)
        return rc;
    rec->joined = date;
    nw_network_touch(actor->net);
    return NW_OK;
}

/* ---- attributes (sorted by key) ------------------------------------------- */

/* Position of the first attribute whose key is >= key. */
static size_t attr_lower_bound(const struct nw_actor_extra *x, const char *key)
{
    size_t lo = 0, hi = x->nattrs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(x->attrs[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of the attribute with this key, or nattrs + NW_ENOTFOUND recorded. */
static size_t attr_find(const nw_actor_rec *rec, const char *key)
{
    char q[NW_QUOTE_SIZE];
    const struct nw_actor_extra *x = nw_actor_rec_extra(rec);
    size_t i = attr_lower_bound(x, key);
    if (i < x->nattrs && strcmp(x->attrs[i].key, key) == 0)
        return i;
    nw_fail(NW_ENOTFOUND, "actor %" PRIu32 " has no attribute '%s'", rec->id, nw_quote(q, key));
    return x->nattrs;
}

/* attr_find for a key the caller passed: NW_EINVAL for NULL or bad text. */
static int attr_lookup(size_t *at, const nw_actor_rec *rec, const char *key)
{
    int rc = nw_text_check(key, NW_TEXT_FREE, "key");
    if (rc != NW_OK)
        return rc;
    *at = attr_find(rec, key);
    return *at < nw_actor_rec_extra(rec)->nattrs ? NW_OK : NW_ENOTFOUND;
}

int nw_actor_attr_set(nw_actor *actor, const char *key, const char *value)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_text_check(key, NW_TEXT_LINE, "key");
    if (rc == NW_OK)
        rc = nw_text_check(value, NW_TEXT_FREE, "value");
    if (rc != NW_OK)
        return rc;
    struct nw_actor_extra *x = nw_actor_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    size_t i = attr_lower_bound(x, key);
    bool replace = i < x->nattrs && strcmp(x->attrs[i].key, key) == 0;
    if (!replace) {
        rc = nw_mem_reserve((void **)&x->attrs, &x->capattrs, x->nattrs + 1, sizeof *x->attrs);
        if (rc != NW_OK)
            return rc;
    }
    char *value_copy = nw_mem_strdup(value);
    if (value_copy == NULL)
        return NW_ENOMEM;
    if (replace) {
        nw_mem_free(x->attrs[i].value);
        x->attrs[i].value = value_copy;
    } else {
        char *key_copy = nw_mem_strdup(key);
        if (key_copy == NULL) {
            nw_mem_free(value_copy);
            return NW_ENOMEM;
        }
        memmove(x->attrs + i + 1, x->attrs + i, (x->nattrs - i) * sizeof *x->attrs);
        x->attrs[i].key = key_copy;
        x->attrs[i].value = value_copy;
        x->nattrs++;
    }
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_actor_attr_get(const char **out, const nw_actor *actor, const char *key)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    size_t i;
    int rc = attr_lookup(&i, rec, key);
    if (rc != NW_OK)
        return rc;
    *out = rec->extra->attrs[i].value;
    return NW_OK;
}

int nw_actor_attr_remove(nw_actor *actor, const char *key)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    size_t i;
    int rc = attr_lookup(&i, rec, key);
    if (rc != NW_OK)
        return rc;
    struct nw_actor_extra *x = rec->extra; /* found: a block */
    nw_mem_free(x->attrs[i].key);
    nw_mem_free(x->attrs[i].value);
    memmove(x->attrs + i, x->attrs + i + 1, (x->nattrs - i - 1) * sizeof *x->attrs);
    x->nattrs--;
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_actor_attr_count(size_t *out, const nw_actor *actor)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_actor_rec_extra(rec)->nattrs;
    return NW_OK;
}

int nw_actor_attr(const char **key, const char **value, const nw_actor *actor, size_t index)
{
    if (key == NULL)
        return nw_fail(NW_EINVAL, "key is NULL");
    nw_actor_rec *rec = resolve_get(value, "value", actor);
    if (rec == NULL)
        return nw_errcode();
    const struct nw_actor_extra *x = nw_actor_rec_extra(rec);
    if (index >= x->nattrs)
        return nw_fail(NW_ENOTFOUND, "attribute index %zu is out of range (actor %" PRIu32
                       " has %zu)", index, rec->id, x->nattrs);
    *key = x->attrs[index].key;
    *value = x->attrs[index].value;
    return NW_OK;
}

/* ---- ties ------------------------------------------------------------------- */

int nw_actor_tie_count(size_t *out, const nw_actor *actor, unsigned form_mask)
{
    nw_actor_rec *rec = resolve_get(out, "out", actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_form_mask(form_mask);
    if (rc != NW_OK)
        return rc;
    size_t n = 0;
    for (size_t i = 0; i < rec->nties; i++) {
        const nw_tie_rec *tie = nw_network_tie_rec(actor->net, rec->ties[i]);
        if (form_mask & NW_FORM_BIT(tie->form))
            n++;
    }
    *out = n;
    return NW_OK;
}
