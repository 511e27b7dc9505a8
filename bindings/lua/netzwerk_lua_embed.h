/*
 * netzwerk_lua_embed.h: the netzwerk Lua module built into a host application.
 *
 * A host that embeds Lua compiles the generated wrapper into itself (CMake:
 * link the object library netzwerk::lua_embed, see bindings/CMakeLists.txt)
 * and registers the module in package.preload, as Lua's own linit.c does:
 *
 *     luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
 *     lua_pushcfunction(L, luaopen_netzwerk);
 *     lua_setfield(L, -2, "netzwerk");
 *     lua_pop(L, 1);
 *
 * Then `require "netzwerk"` finds it without a search path. To give a script
 * the host's own network, push it as a *lent* Network object: the script can
 * read and change it, but not close or free it (close() raises nw.EBUSY and
 * the object's finalizer leaves the network alone); `net.borrowed` is true.
 * examples/lua_host shows the whole pattern with a sandbox for untrusted
 * scripts.
 */
#ifndef NETZWERK_LUA_EMBED_H
#define NETZWERK_LUA_EMBED_H

#include <lua.h>
#include <netzwerk.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Open the module: push its table (lua_CFunction for package.preload). */
int luaopen_netzwerk(lua_State *L);

/*
 * Push a Network object for `net`, which the host owns and lends to the
 * scripts of this state. While lent, the same object is pushed for the same
 * network. Loads the module (package.loaded.netzwerk) if no script has yet.
 * The host must keep `net` alive until it takes it back with
 * netzwerk_lua_take_back() or closes the state.
 * Returns 1 (one value pushed). Raises a Lua error when out of memory, so
 * call it in protected mode (lua_pcall) like any allocating Lua API call.
 */
int netzwerk_lua_lend(lua_State *L, nw_network *net);

/*
 * Take a lent network back: its Network object in this state becomes stale
 * (every call raises nw.ESTALE), so the host may free the network while the
 * state lives on. Actors, ties and iterators the scripts still hold keep
 * working on the network and become stale when it is freed (they keep it
 * alive as a zombie until then). Does nothing if `net` is not lent here.
 * Never raises an error and allocates nothing.
 */
void netzwerk_lua_take_back(lua_State *L, nw_network *net);

#ifdef __cplusplus
}
#endif

#endif
