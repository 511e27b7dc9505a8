/*
 * sandbox.h: run an untrusted Lua script over a network that the host owns.
 *
 * - Text only: the script is loaded with mode "t" (no precompiled chunks);
 *   its own `load` takes text only too.
 * - A restricted environment: no os, io, package, debug, dofile, loadfile,
 *   collectgarbage; `require` gives only "netzwerk"; `setmetatable` refuses
 *   __gc (Lua runs finalizers without hooks, so one could loop forever).
 * - An instruction limit: a count hook raises an error when the budget is
 *   spent, and from then on after every instruction, so that pcall inside
 *   the script cannot swallow it.
 * - A memory cap: one budget for the Lua state's allocator and, optionally,
 *   libnetzwerk's (nw_set_allocator), so a script cannot grow the network
 *   without bound either. Growing beyond it fails: Lua raises "not enough
 *   memory", the library returns nw.ENOMEM, and the network stays as it was.
 * - The host's network is lent (netzwerk_lua_lend): the script can read and
 *   change it but not close or free it.
 */
#ifndef LUA_HOST_SANDBOX_H
#define LUA_HOST_SANDBOX_H

#include <lua.h>
#include <netzwerk.h>
#include <stdbool.h>
#include <stddef.h>

/* Memory in use by the Lua state and (when counted) by libnetzwerk. */
typedef struct sandbox_budget {
    size_t used;         /* bytes now */
    size_t peak;         /* most bytes at once while a script ran */
    size_t limit;        /* SIZE_MAX unless a script runs */
    bool limit_library;  /* the limit applies to libnetzwerk's allocations too */
    bool refused;        /* an allocation was refused while a script ran */
    long long executed;  /* Lua instructions of the running script (in steps of the hook) */
    long long max_instructions;
    bool stopped;        /* the instruction limit was reached */
    char where[160];     /* "script.lua:12:" where the script's last error was raised */
} sandbox_budget;

/* What became of a script. */
typedef enum sandbox_outcome {
    SANDBOX_OK,           /* it ran to its end */
    SANDBOX_INSTRUCTIONS, /* stopped by the instruction limit */
    SANDBOX_MEMORY,       /* stopped by the memory cap */
    SANDBOX_ERROR         /* it raised another error (or could not be loaded) */
} sandbox_outcome;

/* The name of an outcome: "ok", "instructions", "memory", "error". */
const char *sandbox_outcome_name(sandbox_outcome outcome);

/* Count libnetzwerk's memory in the budget. Call before any network exists;
 * sandbox_uncount_library() after the last one is freed. */
int sandbox_count_library(sandbox_budget *budget);
void sandbox_uncount_library(void);

/* A new Lua state that allocates through the budget, with the standard
 * libraries and the netzwerk module registered in package.preload (as
 * linit.c does), or NULL when out of memory. Close it with lua_close(). */
lua_State *sandbox_new_state(sandbox_budget *budget);

/* One run of a script. */
typedef struct sandbox_run {
    const char *script;       /* path of the Lua script */
    nw_network *net;          /* lent to the script as the global `network` */
    const char *today;        /* the global `today`, "YYYY-MM-DD" */
    size_t max_memory;        /* bytes the script may add to what is in use */
    long long max_instructions;
    sandbox_outcome outcome;  /* out */
    char message[512];        /* out: the error, or "" */
} sandbox_run;

/* Run the script with the limits and leave its first result on the stack
 * (nil after an error). Lifts the limits again before it returns. */
void sandbox_execute(lua_State *L, sandbox_run *run);

#endif
