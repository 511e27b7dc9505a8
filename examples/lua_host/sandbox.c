/*
 * sandbox.c: limits and a restricted environment for untrusted scripts
 * (see sandbox.h for the design).
 */
#include "sandbox.h"

#include "netzwerk_lua_embed.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The count hook runs every HOOK_STEP instructions. */
enum { HOOK_STEP = 1000 };

/* ---- one memory budget for Lua and libnetzwerk ---------------------------------- */

/* Whether the budget has room for `more` bytes; notes a refusal. */
static bool budget_allows(sandbox_budget *b, size_t more)
{
    if (more <= b->limit && b->used <= b->limit - more)
        return true;
    b->refused = true;
    return false;
}

static void budget_change(sandbox_budget *b, size_t old_size, size_t new_size)
{
    b->used = b->used - old_size + new_size;
    if (b->used > b->peak)
        b->peak = b->used;
}

/* The Lua state's allocator (lua_Alloc). Shrinking never fails, as Lua expects. */
static void *lua_budget_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sandbox_budget *b = ud;
    size_t old_size = ptr ? osize : 0; /* without ptr, osize is a type tag */
    void *p;
    if (nsize == 0) {
        free(ptr);
        b->used -= old_size;
        return NULL;
    }
    if (nsize > old_size && !budget_allows(b, nsize - old_size))
        return NULL;
    p = realloc(ptr, nsize);
    if (p)
        budget_change(b, old_size, nsize);
    return p;
}

/* libnetzwerk's allocator: free() gets no size, so each block carries it. */
typedef union block_header {
    max_align_t align;
    size_t size;
} block_header;

static void *lib_malloc(size_t size, void *user)
{
    sandbox_budget *b = user;
    block_header *h;
    if (size > SIZE_MAX - sizeof *h || (b->limit_library && !budget_allows(b, size)))
        return NULL;
    if (!(h = malloc(sizeof *h + size)))
        return NULL;
    h->size = size;
    budget_change(b, 0, size);
    return h + 1;
}

static void *lib_realloc(void *ptr, size_t size, void *user)
{
    sandbox_budget *b = user;
    block_header *h = (block_header *)ptr - 1;
    size_t old_size = h->size;
    if (size > SIZE_MAX - sizeof *h ||
        (size > old_size && b->limit_library && !budget_allows(b, size - old_size)))
        return NULL;
    if (!(h = realloc(h, sizeof *h + size)))
        return NULL;
    h->size = size;
    budget_change(b, old_size, size);
    return h + 1;
}

static void lib_free(void *ptr, void *user)
{
    sandbox_budget *b = user;
    block_header *h = (block_header *)ptr - 1;
    b->used -= h->size;
    free(h);
}

int sandbox_count_library(sandbox_budget *budget)
{
    nw_allocator a = NW_ALLOCATOR_INIT;
    a.malloc_fn = lib_malloc;
    a.realloc_fn = lib_realloc;
    a.free_fn = lib_free;
    a.user = budget;
    return nw_set_allocator(&a);
}

void sandbox_uncount_library(void)
{
    nw_set_allocator(NULL);
}

/* ---- the instruction limit ------------------------------------------------------- */

static void count_hook(lua_State *L, lua_Debug *ar)
{
    void *ud;
    sandbox_budget *b;
    (void)ar;
    lua_getallocf(L, &ud);
    b = ud;
    if (!b->stopped) {
        b->executed += HOOK_STEP;
        if (b->executed <= b->max_instructions)
            return;
        b->stopped = true;
    }
    /* From now on after every instruction (coroutines inherit the hook), so
     * that no pcall in the script can catch the error and carry on. */
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "instruction limit of %I reached", (lua_Integer)b->max_instructions);
}

/* ---- the state and the environment ------------------------------------------------ */

/* Open the standard libraries for the host's own use, register netzwerk in
 * package.preload (Lua's linit.c does the same for its libraries) and hide
 * the strings' metatable (its __index is the real string table). */
static int open_state(lua_State *L)
{
    luaL_openlibs(L);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, luaopen_netzwerk);
    lua_setfield(L, -2, "netzwerk");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushliteral(L, "string");
    lua_setfield(L, -2, "__metatable");
    return 0;
}

lua_State *sandbox_new_state(sandbox_budget *budget)
{
    lua_State *L = lua_newstate(lua_budget_alloc, budget);
    if (!L)
        return NULL;
    lua_pushcfunction(L, open_state);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        return NULL;
    }
    return L;
}

/* The script's globals, made by trusted code from the real ones: copies of
 * the harmless libraries, and load, require and setmetatable that keep to
 * the rules. Nothing in it leads back to the real globals. */
static const char env_lua[] =
    "local env = {}\n"
    "for _, k in ipairs{'assert', 'error', 'getmetatable', 'ipairs', 'next', 'pairs', 'pcall',\n"
    "                   'print', 'rawequal', 'rawget', 'rawlen', 'rawset', 'select',\n"
    "                   'tonumber', 'tostring', 'type', 'xpcall', '_VERSION'} do\n"
    "  env[k] = _G[k]\n"
    "end\n"
    "for _, lib in ipairs{'coroutine', 'math', 'string', 'table', 'utf8'} do\n"
    "  local copy = {}\n"
    "  for k, v in pairs(_G[lib]) do copy[k] = v end\n"
    "  env[lib] = copy\n"
    "end\n"
    "env.string.dump = nil\n"
    "local load, require, setmetatable = load, require, setmetatable\n"
    "local error, rawget, tostring, type = error, rawget, tostring, type\n"
    "function env.load(chunk, name)\n"
    "  if type(chunk) ~= 'string' then error('load: only a string of Lua text', 2) end\n"
    "  return load(chunk, name, 't', env)\n"
    "end\n"
    "function env.require(name)\n"
    "  if name ~= 'netzwerk' then\n"
    "    error(\"module '\" .. tostring(name) .. \"' is not available here\", 2)\n"
    "  end\n"
    "  return require(name)\n"
    "end\n"
    "function env.setmetatable(t, mt)\n"
    "  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then\n"
    "    error('setmetatable: __gc is not allowed here', 2)\n"
    "  end\n"
    "  return setmetatable(t, mt)\n"
    "end\n"
    "env._G = env\n"
    "return env\n";

/* Protected: make the environment, lend the network, load the script. */
static int prepare(lua_State *L)
{
    const sandbox_run *run = lua_touserdata(L, 1);
    if (luaL_loadbufferx(L, env_lua, sizeof env_lua - 1, "=sandbox", "t") != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, 1);
    netzwerk_lua_lend(L, run->net);
    lua_setfield(L, -2, "network");
    lua_pushstring(L, run->today);
    lua_setfield(L, -2, "today");
    if (luaL_loadfilex(L, run->script, "t") != LUA_OK)
        return lua_error(L);
    lua_insert(L, -2);
    lua_setupvalue(L, -2, 1); /* the chunk's only upvalue, _ENV */
    return 1;
}

/* A message for an error value, without running any of the script's code
 * (no __tostring, no __index); `where` goes before a netzwerk error. */
static void describe(lua_State *L, int idx, const char *where, char *buf, size_t size)
{
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TSTRING) {
        snprintf(buf, size, "%s", lua_tostring(L, idx));
        return;
    }
    if (lua_type(L, idx) == LUA_TTABLE) {
        int code_type, message_type;
        lua_pushliteral(L, "code");
        code_type = lua_rawget(L, idx);
        lua_pushliteral(L, "message");
        message_type = lua_rawget(L, idx);
        if (code_type == LUA_TNUMBER && lua_isinteger(L, -2) && message_type == LUA_TSTRING) {
            snprintf(buf, size, "%s%snetzwerk: %s: %s", where, *where ? " " : "",
                     nw_strerror((int)lua_tointeger(L, -2)), lua_tostring(L, -1));
            lua_pop(L, 2);
            return;
        }
        lua_pop(L, 2);
    }
    snprintf(buf, size, "(an error value of type %s)", luaL_typename(L, idx));
}

/* Message handler: note the script's line where an error was raised (a
 * netzwerk error is a table without one). Allocates nothing. */
static int locate_error(lua_State *L)
{
    void *ud;
    sandbox_budget *b;
    lua_Debug ar;
    lua_getallocf(L, &ud);
    b = ud;
    for (int level = 1; lua_getstack(L, level, &ar); level++) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(b->where, sizeof b->where, "%s:%d:", ar.short_src, ar.currentline);
            break;
        }
    }
    return 1; /* the error value, unchanged */
}

/* Whether the error value is netzwerk's "out of memory". */
static bool is_nw_enomem(lua_State *L, int idx)
{
    bool yes = false;
    idx = lua_absindex(L, idx);
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_pushliteral(L, "code");
        yes = lua_rawget(L, idx) == LUA_TNUMBER && lua_tointeger(L, -1) == NW_ENOMEM;
        lua_pop(L, 1);
    }
    return yes;
}

const char *sandbox_outcome_name(sandbox_outcome outcome)
{
    static const char *const names[] = {"ok", "instructions", "memory", "error"};
    return (unsigned)outcome < 4 ? names[outcome] : "?";
}

void sandbox_execute(lua_State *L, sandbox_run *run)
{
    void *ud;
    sandbox_budget *b;
    int status;

    lua_getallocf(L, &ud);
    b = ud;
    b->refused = b->stopped = false;
    b->executed = 0;
    b->where[0] = '\0';
    b->max_instructions = run->max_instructions;
    b->limit = run->max_memory < SIZE_MAX - b->used ? b->used + run->max_memory : SIZE_MAX;
    run->message[0] = '\0';

    lua_pushcfunction(L, prepare);
    lua_pushlightuserdata(L, run);
    status = lua_pcall(L, 1, 1, 0);
    if (status == LUA_OK) {
        int script = lua_gettop(L);
        lua_pushcfunction(L, locate_error);
        lua_insert(L, script);
        lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
        status = lua_pcall(L, 0, 1, script);
        lua_sethook(L, NULL, 0, 0);
        lua_remove(L, script);
    }
    b->limit = SIZE_MAX;

    if (status == LUA_OK) {
        run->outcome = SANDBOX_OK;
        return;
    }
    describe(L, -1, b->where, run->message, sizeof run->message);
    if (b->stopped)
        run->outcome = SANDBOX_INSTRUCTIONS;
    else if (status == LUA_ERRMEM || (b->refused && is_nw_enomem(L, -1)))
        run->outcome = SANDBOX_MEMORY;
    else
        run->outcome = SANDBOX_ERROR;
    lua_pop(L, 1);
    lua_pushnil(L);
}
