/*
 * lua_host: a host application that lets a user's Lua script work on the
 * network the host owns, and reads the results back in C.
 *
 *     lua_host [options] <network.json> <script.lua>
 *
 * The host loads its network from a native JSON file, opens a Lua state with
 * the netzwerk module built in (package.preload), lends the network to the
 * script as the global `network` (`today` is the date to judge by), and runs
 * the script in a sandbox (sandbox.h): text only, no os/io/package/debug, an
 * instruction limit and a memory cap. A script may return a report:
 *
 *     return {
 *       flagged = {{tie = 6, label = "...", reasons = {"...", ...}}, ...},
 *       followed_up = {tie = 6, note = "..."},
 *     }
 *
 * which the host prints and then checks in C: the flagged ties must be
 * exactly the cooperations whose checklist is not well agreed on `today`
 * (nw_checklist_well_agreed), with as many reasons, and the followed-up tie
 * must have one new meeting on `today` with that note. Whatever the script
 * did, the host then checks its network after the Lua state is closed (so
 * after the lent object's finalizer): same actors and ties, and with
 * --unchanged the same bytes when saved; and that all memory of the state
 * and the library came back.
 *
 * Options:
 *   --expect=ok|instructions|memory|error   how the script must end (ok)
 *   --expect-message=TEXT  its error message must contain TEXT
 *   --expect-flagged=ID:N,...  the report must flag exactly these ties, with
 *                          N reasons each (expectations worked out by hand)
 *   --unchanged            the script must leave the network as it was
 *   --max-instructions=N   instruction limit (10000000)
 *   --max-memory=BYTES     memory the script may add (16 MiB)
 *   --lua-memory-only      cap only the Lua state, not libnetzwerk
 *   --today=YYYY-MM-DD     the global `today` (2025-07-01)
 *
 * Exit status: 0 when the script ended as expected and every check passed,
 * 1 otherwise, 2 for a usage error.
 */
#include "sandbox.h"

#include "netzwerk_lua_embed.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* In main(): on failure report, fail and clean up. */
#define CHECK(call)                                                              \
    do {                                                                         \
        int check_rc_ = (call);                                                  \
        if (check_rc_ != NW_OK) {                                                \
            fprintf(stderr, "lua_host: %s: %s (%s)\n", #call, nw_strerror(check_rc_), \
                    nw_errmsg());                                                \
            ok = false;                                                          \
            goto done;                                                           \
        }                                                                        \
    } while (0)

/* ---- command line ------------------------------------------------------------ */

typedef struct options {
    const char *data, *script, *today, *expect_message, *expect_flagged;
    sandbox_outcome expect;
    bool unchanged, lua_memory_only;
    long long max_instructions;
    size_t max_memory;
} options;

static bool parse_options(options *o, int argc, char **argv)
{
    int files = 0;
    *o = (options){.today = "2025-07-01", .expect = SANDBOX_OK,
                   .max_instructions = 10000000, .max_memory = 16u << 20};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        char *end;
        if (strncmp(a, "--expect=", 9) == 0) {
            int k;
            for (k = 0; k < 4 && strcmp(a + 9, sandbox_outcome_name((sandbox_outcome)k)) != 0; k++)
                ;
            if (k == 4)
                return false;
            o->expect = (sandbox_outcome)k;
        } else if (strncmp(a, "--expect-message=", 17) == 0) {
            o->expect_message = a + 17;
        } else if (strncmp(a, "--expect-flagged=", 17) == 0) {
            o->expect_flagged = a + 17;
        } else if (strcmp(a, "--unchanged") == 0) {
            o->unchanged = true;
        } else if (strcmp(a, "--lua-memory-only") == 0) {
            o->lua_memory_only = true;
        } else if (strncmp(a, "--max-instructions=", 19) == 0) {
            o->max_instructions = strtoll(a + 19, &end, 10);
            if (*end || o->max_instructions <= 0)
                return false;
        } else if (strncmp(a, "--max-memory=", 13) == 0) {
            unsigned long long v = strtoull(a + 13, &end, 10);
            if (*end || v == 0 || v > SIZE_MAX)
                return false;
            o->max_memory = (size_t)v;
        } else if (strncmp(a, "--today=", 8) == 0) {
            o->today = a + 8;
        } else if (a[0] == '-' || files == 2) {
            return false;
        } else if (files++ == 0) {
            o->data = a;
        } else {
            o->script = a;
        }
    }
    return files == 2;
}

/* ---- the network as the host sees it -------------------------------------------- */

typedef struct snapshot {
    size_t actors, ties, interactions;
    char *json; /* the network saved in the native format: its fingerprint */
    size_t len;
} snapshot;

static int take_snapshot(snapshot *s, nw_network *net)
{
    nw_tie_iter *it = NULL;
    nw_tie *t = NULL;
    int rc;
    s->interactions = 0;
    if ((rc = nw_network_actor_count(&s->actors, net)) != NW_OK ||
        (rc = nw_network_tie_count(&s->ties, net, NW_FORM_MASK_ALL)) != NW_OK ||
        (rc = nw_tie_iter_new(&it, net, NW_FORM_MASK_ALL)) != NW_OK)
        return rc;
    while ((rc = nw_tie_iter_next(&t, it)) == NW_OK) {
        size_t n = 0;
        rc = nw_tie_interaction_count(&n, t);
        nw_tie_free(t);
        if (rc != NW_OK)
            break;
        s->interactions += n;
    }
    nw_tie_iter_free(it);
    if (rc != NW_ITEROVER)
        return rc;
    return nw_network_save_buffer(&s->json, &s->len, net, NULL);
}

/* ---- the script's report, copied out of the Lua state ---------------------------- */

enum { MAX_FLAGGED = 64 };

typedef struct report {
    bool present;
    size_t nflagged;
    struct {
        nw_id tie;
        size_t reasons;
    } flagged[MAX_FLAGGED];
    nw_id followed_up; /* NW_ID_NONE if none */
    char note[256];
} report;

/* Raw field access: reading the report runs none of the script's code. */
static int raw_field(lua_State *L, int table, const char *key)
{
    lua_pushstring(L, key);
    return lua_rawget(L, table);
}

/* The integer on top as a tie identity, popped; false if it is none. */
static bool pop_id(lua_State *L, nw_id *out)
{
    int isint = 0;
    lua_Integer v = lua_tointegerx(L, -1, &isint);
    lua_pop(L, 1);
    if (!isint || v <= 0 || v > (lua_Integer)UINT32_MAX)
        return false;
    *out = (nw_id)v;
    return true;
}

/* Read and print the report at idx. */
static bool read_report(lua_State *L, int idx, report *r)
{
    int followed;
    idx = lua_absindex(L, idx);
    r->present = false;
    r->nflagged = 0;
    r->followed_up = NW_ID_NONE;
    if (lua_isnil(L, idx))
        return true;
    if (!lua_istable(L, idx) || raw_field(L, idx, "flagged") != LUA_TTABLE) {
        fprintf(stderr, "lua_host: the report is not a table with a list `flagged`\n");
        return false;
    }
    r->present = true;
    int list = lua_gettop(L);
    size_t n = (size_t)lua_rawlen(L, list);
    if (n > MAX_FLAGGED) {
        fprintf(stderr, "lua_host: more than %d flagged ties\n", MAX_FLAGGED);
        return false;
    }
    printf("The script flagged %zu cooperation(s) as not well agreed:\n", n);
    for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, list, (lua_Integer)i + 1) != LUA_TTABLE) {
            fprintf(stderr, "lua_host: flagged[%zu] is not a table\n", i + 1);
            return false;
        }
        int entry = lua_gettop(L);
        raw_field(L, entry, "tie");
        if (!pop_id(L, &r->flagged[i].tie)) {
            fprintf(stderr, "lua_host: flagged[%zu].tie is not a tie identity\n", i + 1);
            return false;
        }
        raw_field(L, entry, "label");
        printf("  tie %u %s\n", (unsigned)r->flagged[i].tie,
               lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(no label)");
        lua_pop(L, 1);
        if (raw_field(L, entry, "reasons") != LUA_TTABLE) {
            fprintf(stderr, "lua_host: flagged[%zu].reasons is not a list\n", i + 1);
            return false;
        }
        r->flagged[i].reasons = (size_t)lua_rawlen(L, -1);
        for (size_t k = 1; k <= r->flagged[i].reasons; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            printf("    - %s\n", lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?");
            lua_pop(L, 1);
        }
        lua_pop(L, 2);
        r->nflagged++;
    }
    lua_pop(L, 1);

    followed = raw_field(L, idx, "followed_up");
    if (followed == LUA_TTABLE) {
        int f = lua_gettop(L);
        raw_field(L, f, "tie");
        if (!pop_id(L, &r->followed_up) || raw_field(L, f, "note") != LUA_TSTRING) {
            fprintf(stderr, "lua_host: followed_up needs a tie identity and a note\n");
            return false;
        }
        snprintf(r->note, sizeof r->note, "%s", lua_tostring(L, -1));
        printf("The script logged a meeting on tie %u: \"%s\"\n", (unsigned)r->followed_up, r->note);
        lua_pop(L, 1);
    } else if (followed != LUA_TNIL) {
        fprintf(stderr, "lua_host: followed_up is not a table\n");
        return false;
    }
    lua_pop(L, 1);
    return true;
}

/* ---- checking the report in C ---------------------------------------------------- */

/* The flagged ties are the cooperations not well agreed on `today`, in order of identity. */
static int check_flagged(bool *ok, nw_network *net, nw_date today, const report *r)
{
    nw_tie_iter *it = NULL;
    nw_tie *t = NULL;
    size_t k = 0;
    int rc = nw_tie_iter_new(&it, net, NW_FORM_BIT(NW_FORM_KOOPERATION));
    while (rc == NW_OK && (rc = nw_tie_iter_next(&t, it)) == NW_OK) {
        nw_checklist *cl = NULL;
        nw_id id = NW_ID_NONE, *reasons = NULL;
        size_t count = 0;
        bool well = false;
        if ((rc = nw_tie_id(&id, t)) == NW_OK && (rc = nw_tie_checklist(&cl, t)) == NW_OK)
            rc = nw_checklist_well_agreed(&well, &reasons, &count, cl, today);
        nw_free(reasons);
        nw_checklist_free(cl);
        nw_tie_free(t);
        if (rc == NW_OK && !well) {
            if (k >= r->nflagged || r->flagged[k].tie != id || r->flagged[k].reasons != count) {
                fprintf(stderr, "lua_host: CHECK FAILED: tie %u is not well agreed (%zu reasons), "
                        "the report says otherwise\n", (unsigned)id, count);
                *ok = false;
            }
            k++;
        }
    }
    nw_tie_iter_free(it);
    if (rc != NW_ITEROVER)
        return rc;
    if (k != r->nflagged) {
        fprintf(stderr, "lua_host: CHECK FAILED: %zu cooperations are not well agreed, "
                "the report flags %zu\n", k, r->nflagged);
        *ok = false;
    }
    return NW_OK;
}

/* The followed-up tie has a meeting on `today` with the reported note. */
static int check_followed_up(bool *ok, nw_network *net, nw_date today, const report *r)
{
    nw_tie *t = NULL;
    size_t n = 0;
    bool found = false;
    int rc = nw_tie_lookup(&t, net, r->followed_up);
    if (rc == NW_OK)
        rc = nw_tie_interaction_count(&n, t);
    for (size_t i = 0; rc == NW_OK && i < n && !found; i++) {
        nw_date d;
        nw_interaction_kind kind;
        const char *note = NULL;
        rc = nw_tie_interaction(&d, &kind, &note, t, i);
        found = rc == NW_OK && d == today && kind == NW_INTERACTION_MEETING && note &&
                strcmp(note, r->note) == 0;
    }
    nw_tie_free(t);
    if (rc == NW_OK && !found) {
        fprintf(stderr, "lua_host: CHECK FAILED: tie %u has no meeting on the day with that note\n",
                (unsigned)r->followed_up);
        *ok = false;
    }
    return rc;
}

/* The report flags exactly the ties of `expected` ("6:3,7:9": tie 6 with 3
 * reasons, tie 7 with 9), in this order. */
static bool check_expected_flags(const report *r, const char *expected)
{
    size_t k = 0;
    const char *p = expected;
    while (*p) {
        char *end;
        unsigned long id = strtoul(p, &end, 10), n;
        if (*end != ':')
            break;
        n = strtoul(end + 1, &end, 10);
        if (k >= r->nflagged || r->flagged[k].tie != id || r->flagged[k].reasons != n)
            break;
        k++;
        p = *end == ',' ? end + 1 : end;
        if (!*end)
            return k == r->nflagged;
        if (*end != ',')
            break;
    }
    fprintf(stderr, "lua_host: CHECK FAILED: the report does not flag exactly %s\n", expected);
    return false;
}

/* ---- main ------------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    options opt;
    sandbox_budget budget = {.limit = SIZE_MAX};
    nw_network *net = NULL;
    lua_State *L = NULL;
    snapshot before = {0}, after = {0};
    report rep = {0};
    sandbox_run run = {0};
    nw_date today;
    const char *name;
    bool ok = false, counted = false, report_ok = true;

    if (!parse_options(&opt, argc, argv)) {
        fprintf(stderr, "usage: %s [--expect=ok|instructions|memory|error] "
                "[--expect-message=TEXT] [--expect-flagged=ID:N,...] [--unchanged] "
                "[--max-instructions=N] [--max-memory=BYTES] [--lua-memory-only] "
                "[--today=YYYY-MM-DD] <network.json> <script.lua>\n", argv[0]);
        return 2;
    }
    budget.limit_library = !opt.lua_memory_only;

    /* The host's network, with libnetzwerk's memory counted from the start. */
    CHECK(sandbox_count_library(&budget));
    counted = true;
    CHECK(nw_network_load(&net, opt.data, NULL));
    CHECK(nw_date_parse(&today, opt.today));
    CHECK(take_snapshot(&before, net));
    CHECK(nw_network_name(&name, net));
    printf("Host: \"%s\": %zu actors, %zu ties, %zu interactions\n", name, before.actors,
           before.ties, before.interactions);

    if (!(L = sandbox_new_state(&budget))) {
        fprintf(stderr, "lua_host: cannot create a Lua state\n");
        goto done;
    }
    run = (sandbox_run){.script = opt.script, .net = net, .today = opt.today,
                        .max_memory = opt.max_memory, .max_instructions = opt.max_instructions};
    sandbox_execute(L, &run);
    printf("Script %s: %s", opt.script, sandbox_outcome_name(run.outcome));
    if (run.message[0])
        printf(": %s", run.message);
    printf("\n  (up to %lld instructions, at most %zu KiB of memory in use)\n",
           budget.executed + 1000, budget.peak / 1024);
    if (run.outcome == SANDBOX_OK)
        report_ok = read_report(L, -1, &rep);
    lua_pop(L, 1);

    /* Take the network back and close the state: the lent object's finalizer
     * runs, and the network must not notice. */
    netzwerk_lua_take_back(L, net);
    lua_close(L);
    L = NULL;

    ok = report_ok;
    if (run.outcome != opt.expect) {
        fprintf(stderr, "lua_host: CHECK FAILED: expected the script to end with \"%s\"\n",
                sandbox_outcome_name(opt.expect));
        ok = false;
    }
    if (opt.expect_message && !strstr(run.message, opt.expect_message)) {
        fprintf(stderr, "lua_host: CHECK FAILED: the error message lacks \"%s\"\n",
                opt.expect_message);
        ok = false;
    }
    CHECK(take_snapshot(&after, net));
    printf("Host after the script: %zu actors, %zu ties, %zu interactions, network %s\n",
           after.actors, after.ties, after.interactions,
           after.len == before.len && memcmp(after.json, before.json, before.len) == 0
               ? "unchanged" : "changed");
    if (after.actors != before.actors || after.ties != before.ties) {
        fprintf(stderr, "lua_host: CHECK FAILED: actors or ties changed\n");
        ok = false;
    }
    if (opt.unchanged &&
        (after.len != before.len || memcmp(after.json, before.json, before.len) != 0)) {
        fprintf(stderr, "lua_host: CHECK FAILED: the network changed\n");
        ok = false;
    }
    if (opt.expect_flagged && !check_expected_flags(&rep, opt.expect_flagged))
        ok = false;
    if (rep.present) {
        size_t added = rep.followed_up != NW_ID_NONE ? 1 : 0;
        CHECK(check_flagged(&ok, net, today, &rep));
        if (added)
            CHECK(check_followed_up(&ok, net, today, &rep));
        if (after.interactions != before.interactions + added) {
            fprintf(stderr, "lua_host: CHECK FAILED: %zu interactions, expected %zu\n",
                    after.interactions, before.interactions + added);
            ok = false;
        }
        if (ok)
            printf("Checked in C: the flagged ties are the cooperations that are not well "
                   "agreed on %s%s.\n", opt.today,
                   added ? ", and the meeting was logged" : "");
    }

done:
    if (L)
        lua_close(L);
    nw_free(before.json);
    nw_free(after.json);
    nw_network_free(net);
    if (counted) {
        sandbox_uncount_library();
        if (budget.used != 0) {
            fprintf(stderr, "lua_host: CHECK FAILED: %zu bytes were not freed\n", budget.used);
            ok = false;
        }
    }
    return ok ? 0 : 1;
}
