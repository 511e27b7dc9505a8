/*
 * The network: its own data, its lifetime (reference count + zombie, the
 * sqlite3_close_v2 model) and the identity tables shared by actors and ties.
 */
#include "internal.h"

#include <stdatomic.h>
#include <string.h>

/* Serial numbers of networks: each one made gets the next. */
static atomic_uint_fast64_t networks_made = 1;

/* ---- sorted identity arrays -------------------------------------------- */

size_t nw_ids_lower_bound(const nw_id *ids, size_t n, nw_id id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool nw_ids_contains(const nw_id *ids, size_t n, nw_id id)
{
    size_t i = nw_ids_lower_bound(ids, n, id);
    return i < n && ids[i] == id;
}

void nw_ids_insert(nw_id *ids, size_t *n, nw_id id)
{
    size_t i = nw_ids_lower_bound(ids, *n, id);
    memmove(ids + i + 1, ids + i, (*n - i) * sizeof *ids);
    ids[i] = id;
    (*n)++;
}

void nw_ids_erase(nw_id *ids, size_t *n, nw_id id)
{
    size_t i = nw_ids_lower_bound(ids, *n, id);
    if (i < *n && ids[i] == id) {
        memmove(ids + i, ids + i + 1, (*n - i - 1) * sizeof *ids);
        (*n)--;
    }
}

/* ---- lifetime ------------------------------------------------------------ */

static void destroy(nw_network *net)
{
    nw_names_clear(net);
    for (uint64_t id = 1; id < net->next_tie_id; id++)
        nw_tie_rec_free(net->ties[id]);
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        nw_actor_rec_free(net->actors[id]);
    nw_arena_clear(&net->arena);
    nw_mem_free(net->ties);
    nw_mem_free(net->actors);
    nw_strset_clear(&net->topics);
    nw_strset_clear(&net->goals);
    nw_mem_free(net->name);
    nw_mem_free(net);
}

void nw_network_ref(nw_network *net)
{
    net->refs++;
}

void nw_network_unref(nw_network *net)
{
    if (--net->refs == 0 && net->closed)
        destroy(net);
}

void nw_network_touch(nw_network *net)
{
    net->generation++;
}

int nw_network_check(const nw_network *net, const char *what)
{
    if (net == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", what);
    if (net->closed)
        return nw_fail(NW_ESTALE, "network was freed");
    return NW_OK;
}

int nw_network_new(nw_network **out, const char *name)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_text_check(name, NW_TEXT_LINE, "name");
    if (rc != NW_OK)
        return rc;
    nw_network *net = nw_mem_calloc(1, sizeof *net);
    if (net == NULL)
        return NW_ENOMEM;
    net->name = nw_mem_strdup(name);
    if (net->name == NULL) {
        nw_mem_free(net);
        return NW_ENOMEM;
    }
    net->refs = 1;
    net->next_actor_id = 1;
    net->next_tie_id = 1;
    net->serial = atomic_fetch_add_explicit(&networks_made, 1, memory_order_relaxed);
    *out = net;
    return NW_OK;
}

void nw_network_free(nw_network *net)
{
    if (net == NULL || net->closed)
        return;
    net->closed = true;
    nw_network_unref(net);
}

/* ---- room and identities for bulk loads ---------------------------------- */

/* Grow a slot array (actors or ties) to at least `need` slots. The slot
 * arrays have different element types, so they are passed as void **. */
static int reserve_slots(void **slots, size_t *cap, uint64_t need, size_t item_size)
{
    if (need > SIZE_MAX)
        return nw_fail(NW_ENOMEM, "out of memory (%" PRIu64 " slots)", need);
    return nw_mem_reserve(slots, cap, (size_t)need, item_size);
}

/* The slot count that `more` further identities after `next` need:
 * NW_ELIMIT if they would go past NW_ID_MAX. */
static int room_for(uint64_t *need, uint64_t next, size_t more, const char *what)
{
    uint64_t left = (uint64_t)NW_ID_MAX + 1 - next;
    if ((uint64_t)more > left)
        return nw_fail(NW_ELIMIT, "%zu more %s identities requested, %" PRIu64 " left",
                       more, what, left);
    *need = next + more;
    return NW_OK;
}

int nw_network_reserve(nw_network *net, size_t actors, size_t ties)
{
    int rc = nw_network_check(net, "net");
    uint64_t need_actors = 0, need_ties = 0;
    if (rc == NW_OK)
        rc = room_for(&need_actors, net->next_actor_id, actors, "actor");
    if (rc == NW_OK)
        rc = room_for(&need_ties, net->next_tie_id, ties, "tie");
    /* Only capacities grow: nothing observable changes, even on failure. */
    if (rc == NW_OK)
        rc = reserve_slots((void **)&net->actors, &net->actors_cap, need_actors, sizeof *net->actors);
    if (rc == NW_OK)
        rc = reserve_slots((void **)&net->ties, &net->ties_cap, need_ties, sizeof *net->ties);
    if (rc == NW_OK && actors > 0)
        rc = nw_names_reserve(net, actors);
    return rc;
}

int nw_network_reserve_ids(nw_network *net, uint64_t next_actor, uint64_t next_tie)
{
    const uint64_t end = (uint64_t)NW_ID_MAX + 1;
    if (next_actor > end || next_tie > end)
        return nw_fail(NW_ELIMIT, "identity %" PRIu64 " is out of range",
                       (next_actor > end ? next_actor : next_tie) - 1);
    bool actors = next_actor > net->next_actor_id, ties = next_tie > net->next_tie_id;
    /* Both slot arrays first, so that a failure changes nothing. */
    int rc = NW_OK;
    if (actors)
        rc = reserve_slots((void **)&net->actors, &net->actors_cap, next_actor, sizeof *net->actors);
    if (rc == NW_OK && ties)
        rc = reserve_slots((void **)&net->ties, &net->ties_cap, next_tie, sizeof *net->ties);
    if (rc != NW_OK)
        return rc;
    /* An empty slot is what a removed record leaves: the model's invariants
     * hold, and the identities skipped are never handed out. */
    for (uint64_t id = net->next_actor_id; actors && id < next_actor; id++)
        net->actors[id] = NULL;
    for (uint64_t id = net->next_tie_id; ties && id < next_tie; id++)
        net->ties[id] = NULL;
    if (actors)
        net->actors[0] = NULL; /* slot 0 is never used */
    if (ties)
        net->ties[0] = NULL;
    if (actors)
        net->next_actor_id = next_actor;
    if (ties)
        net->next_tie_id = next_tie;
    if (actors || ties)
        nw_network_touch(net);
    return NW_OK;
}

/* ---- name, topics, goals ------------------------------------------------- */

int nw_network_name(const char **out, const nw_network *net)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    *out = net->name;
    return NW_OK;
}

int nw_network_set_name(nw_network *net, const char *name)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_text_check(name, NW_TEXT_LINE, "name");
    if (rc != NW_OK)
        return rc;
    char *copy = nw_mem_strdup(name);
    if (copy == NULL)
        return NW_ENOMEM;
    nw_mem_free(net->name);
    net->name = copy;
    nw_network_touch(net);
    return NW_OK;
}

/* Shared by topics and goals of a checked network. */
static int set_add(nw_network *net, nw_strset *set, const char *text, const char *what)
{
    int rc = nw_strset_add(set, text, what);
    if (rc == NW_OK)
        nw_network_touch(net);
    return rc;
}

static int set_remove(nw_network *net, nw_strset *set, const char *text, const char *what)
{
    int rc = nw_strset_remove(set, text, what);
    if (rc == NW_OK)
        nw_network_touch(net);
    return rc;
}

int nw_network_topic_add(nw_network *net, const char *topic)
{
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : set_add(net, &net->topics, topic, "topic");
}

int nw_network_topic_remove(nw_network *net, const char *topic)
{
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : set_remove(net, &net->topics, topic, "topic");
}

int nw_network_topic_count(size_t *out, const nw_network *net)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    *out = net->topics.len;
    return NW_OK;
}

int nw_network_topic(const char **out, const nw_network *net, size_t index)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : nw_strset_get(out, &net->topics, index, "topic");
}

int nw_network_goal_add(nw_network *net, const char *goal)
{
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : set_add(net, &net->goals, goal, "goal");
}

int nw_network_goal_remove(nw_network *net, const char *goal)
{
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : set_remove(net, &net->goals, goal, "goal");
}

int nw_network_goal_count(size_t *out, const nw_network *net)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    *out = net->goals.len;
    return NW_OK;
}

int nw_network_goal(const char **out, const nw_network *net, size_t index)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    return rc != NW_OK ? rc : nw_strset_get(out, &net->goals, index, "goal");
}

/* ---- sizes ---------------------------------------------------------------- */

int nw_network_actor_count(size_t *out, const nw_network *net)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    *out = net->actor_count;
    return NW_OK;
}

int nw_network_tie_count(size_t *out, const nw_network *net, unsigned form_mask)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_form_mask(form_mask);
    if (rc != NW_OK)
        return rc;
    size_t n = 0;
    for (unsigned f = 0; f < NW_FORM_COUNT; f++)
        if (form_mask & NW_FORM_BIT(f))
            n += net->tie_count_by_form[f];
    *out = n;
    return NW_OK;
}
