/*
 * netzwerk_lua.i: the Lua 5.4 module netzwerk (`local nw = require "netzwerk"`).
 *
 * Lua typemaps:
 * - errors: NWB_RAISE() pushes an error table {code = <negative nw_error>,
 *   message = <nw_errmsg()>} whose __tostring gives
 *   "netzwerk: <kind>: <message>"; catch it with pcall and compare
 *   err.code with nw.ENOTFOUND, nw.ESTALE, ... (wrong argument counts,
 *   which SWIG checks itself, are plain strings);
 * - fields: reading or setting a name that an object has no field (or
 *   method) of raises nw.EINVAL naming it (SWIG: nil, or a plain string);
 * - objects (any class, SWIGTYPE *): only userdata this module made for
 *   the class pass (SWIG would misread a foreign userdata); a finalized
 *   object is stale; every object from a network keeps that Network object
 *   alive (its user value), so the collector never closes a network under
 *   a live actor;
 * - integers: strict (an integral float passes) and pushed as Lua integers
 *   (SWIG 4.1 would push floats);
 * - indexes: 1-based;
 * - dates: "YYYY-MM-DD" strings, nil for "no date";
 * - form selections: nil (all forms), a form (nw.KOOPERATION), a list of
 *   forms or letters ({nw.KOOPERATION, "D"}), "strong", "weak", "all" or
 *   letters ("B", "BD");
 * - text: strings only (nil means NULL), no NUL bytes.
 *
 * The idiomatic part written in Lua (fields, lists, iterators, tostring,
 * the forms catalogue) is bindings/lua/netzwerk.lua, compiled into the
 * module and run by luaopen_netzwerk.
 */

%module netzwerk

%{
#include <limits.h>

#include "netzwerk_lua_layer.h" /* nwb_lua_layer[]: bindings/lua/netzwerk.lua */

#define NWB_ERROR_MT "netzwerk.Error"

/* Push the failure recorded in nwb_err as an error table. */
static void nwb_lua_push_error(lua_State *L)
{
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, nwb_err.code);
    lua_setfield(L, -2, "code");
    lua_pushstring(L, nwb_errmsg());
    lua_setfield(L, -2, "message");
    luaL_setmetatable(L, NWB_ERROR_MT);
}

#define NWB_RAISE() nwb_lua_push_error(L)

/* Record a failure of the binding and push it (in typemaps); returns 0. */
static int nwb_lua_fail(lua_State *L, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(nwb_err.msg, sizeof nwb_err.msg, fmt, ap);
    va_end(ap);
    nwb_err.code = code;
    nwb_err.own = true;
    nwb_lua_push_error(L);
    return 0;
}

static int nwb_lua_error_tostring(lua_State *L)
{
    lua_getfield(L, 1, "code");
    lua_getfield(L, 1, "message");
    lua_pushfstring(L, "netzwerk: %s: %s", nw_strerror((int)lua_tointeger(L, -2)),
                    lua_tostring(L, -1));
    return 1;
}

/* The C object of the userdata at idx if this module made it for the
 * class of `type`; else push an error and return NULL. SWIG_ConvertPtr
 * would take any userdata (a file handle, a host's object) for one of its
 * own and read garbage. */
static void *nwb_lua_object(lua_State *L, int idx, swig_type_info *type, int argnum)
{
    swig_lua_class *cls = (swig_lua_class *)type->clientdata;
    if (cls && lua_type(L, idx) == LUA_TUSERDATA && lua_getmetatable(L, idx)) {
        int same;
        SWIG_Lua_get_class_metatable(L, cls->fqname);
        same = lua_rawequal(L, -1, -2);
        lua_pop(L, 2);
        if (same) {
            swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, idx);
            if (usr->ptr)
                return usr->ptr;
            nwb_lua_fail(L, NW_ESTALE, "argument %d: the %s was finalized", argnum, cls->name);
            return NULL;
        }
    }
    nwb_lua_fail(L, NW_EINVAL, "argument %d: expected %s, got %s", argnum,
                 cls ? cls->name : type->str, luaL_typename(L, idx));
    return NULL;
}

/* __gc of every class: free the handle once and forget it, so that an
 * object reached again from another finalizer is stale, not freed memory. */
static int nwb_lua_gc(lua_State *L)
{
    swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
    if (!usr)
        return 0;
    if (usr->own && usr->ptr) {
        swig_lua_class *cls = (swig_lua_class *)usr->type->clientdata;
        if (cls && cls->destructor)
            cls->destructor(usr->ptr);
    }
    usr->ptr = NULL;
    usr->own = 0;
    return 0;
}

/* obj.<key> and obj.<key> = v on every class: SWIG's lookup (fields in .get
 * and .set, then methods), but a name it does not know raises nw.EINVAL
 * naming it, instead of a silent nil (tie.lable) or SWIG's plain string. */
typedef enum { NWB_NO_FIELD_READ, NWB_NO_FIELD_SET, NWB_FIELD_READ_ONLY } nwb_no_field;

/* Raise nw.EINVAL for the key at 2 of the object at 1. */
static int nwb_lua_no_field(lua_State *L, nwb_no_field why)
{
    swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
    swig_lua_class *cls = usr && usr->type ? (swig_lua_class *)usr->type->clientdata : NULL;
    const char *name = cls ? cls->name : "object";
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : NULL;
    if (key == NULL) /* (lua_tostring would turn a number key into a string) */
        nwb_lua_fail(L, NW_EINVAL, "a netzwerk.%s has no fields keyed by a %s", name,
                     luaL_typename(L, 2));
    else if (why == NWB_FIELD_READ_ONLY)
        nwb_lua_fail(L, NW_EINVAL, "the field '%s' of a netzwerk.%s is read-only", key, name);
    else if (why == NWB_NO_FIELD_SET)
        nwb_lua_fail(L, NW_EINVAL, "a netzwerk.%s has no field '%s' to set", name, key);
    else
        nwb_lua_fail(L, NW_EINVAL, "a netzwerk.%s has no field or method '%s'", name, key);
    return lua_error(L);
}

static int nwb_lua_class_index(lua_State *L)
{
    swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
    int ret = 0;
    lua_settop(L, 2);
    if (usr && SWIG_Lua_class_do_get(L, usr->type, 1, &ret) == SWIG_OK)
        return ret;
    lua_settop(L, 2);
    return nwb_lua_no_field(L, NWB_NO_FIELD_READ);
}

static int nwb_lua_class_newindex(lua_State *L)
{
    swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
    int ret = 0, readable = 0;
    lua_settop(L, 3);
    if (usr && SWIG_Lua_class_do_set(L, usr->type, 1, &ret) == SWIG_OK)
        return 0;
    lua_settop(L, 3);
    if (lua_getmetatable(L, 1)) {
        lua_pushliteral(L, ".get");
        if (lua_rawget(L, -2) == LUA_TTABLE) {
            lua_pushvalue(L, 2);
            readable = lua_rawget(L, -2) != LUA_TNIL;
        }
        lua_settop(L, 3);
    }
    return nwb_lua_no_field(L, readable ? NWB_FIELD_READ_ONLY : NWB_NO_FIELD_SET);
}

/* ---- [embedding] new objects under a memory cap ---- */

/* Wrap ptr (lightuserdata 1) of type (lightuserdata 2) in a new owning userdata. */
static int nwb_lua_wrap_object(lua_State *L)
{
    SWIG_NewPointerObj(L, lua_touserdata(L, 1), (swig_type_info *)lua_touserdata(L, 2), 1);
    return 1;
}

/* Push a new object that owns the handle ptr. The userdata is made in a
 * protected call: if Lua runs out of memory (a host's cap), the handle is
 * freed before the error goes on, instead of leaking it and keeping its
 * network alive as a zombie. Pushing C functions and light userdata, and
 * the error object of a failed call, allocate nothing. */
static void nwb_lua_push_owned(lua_State *L, void *ptr, swig_type_info *type)
{
    lua_pushcfunction(L, nwb_lua_wrap_object);
    lua_pushlightuserdata(L, ptr);
    lua_pushlightuserdata(L, type);
    if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
        swig_lua_class *cls = (swig_lua_class *)type->clientdata;
        if (cls && cls->destructor)
            cls->destructor(ptr);
        lua_error(L);
    }
}

/* ---- [embedding] end ---- */

/* Let the new object on top keep the Network object alive: the object at
 * self_idx if that is a network, else the network that object keeps (none
 * for module functions and constructors, whose first argument is no object). */
static void nwb_lua_keep_network(lua_State *L, int self_idx)
{
    if (lua_type(L, self_idx) != LUA_TUSERDATA)
        lua_pushnil(L);
    else if (((swig_lua_userdata *)lua_touserdata(L, self_idx))->type == SWIGTYPE_p_nwb_network)
        lua_pushvalue(L, self_idx);
    else
        lua_getiuservalue(L, self_idx, 1);
    lua_setiuservalue(L, -2, 1);
}

/* An integer argument in [lo, hi]; a float with an integral value passes. */
static int nwb_lua_integer(lua_State *L, int idx, lua_Integer lo, lua_Integer hi, int argnum,
                           lua_Integer *out)
{
    int isnum = 0;
    lua_Integer v = 0;
    if (lua_type(L, idx) == LUA_TNUMBER)
        v = lua_tointegerx(L, idx, &isnum);
    if (!isnum)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected an integer, got %s", argnum,
                            lua_type(L, idx) == LUA_TNUMBER ? "a fraction" : luaL_typename(L, idx));
    if (v < lo || v > hi)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: %lld is out of range", argnum, (long long)v);
    *out = v;
    return 1;
}

/* A 1-based Lua index -> the library's 0-based one. */
static int nwb_lua_index(lua_State *L, int idx, int argnum, size_t *out)
{
    lua_Integer v;
    if (!nwb_lua_integer(L, idx, LUA_MININTEGER, LUA_MAXINTEGER, argnum, &v))
        return 0;
    if (v < 1)
        return nwb_lua_fail(L, NW_ENOTFOUND, "index %lld is out of range (Lua counts from 1)",
                            (long long)v);
    *out = (size_t)(v - 1);
    return 1;
}

/* Text: a string without NUL bytes, or nil for NULL. */
static int nwb_lua_text(lua_State *L, int idx, int argnum, const char **out)
{
    size_t len;
    if (lua_isnoneornil(L, idx)) {
        *out = NULL;
        return 1;
    }
    if (lua_type(L, idx) != LUA_TSTRING)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a string, got %s", argnum,
                            luaL_typename(L, idx));
    *out = lua_tolstring(L, idx, &len);
    if (strlen(*out) != len)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: text contains a NUL byte", argnum);
    return 1;
}

/* A date: "YYYY-MM-DD", or nil for "no date". */
static int nwb_lua_to_date(lua_State *L, int idx, int argnum, nw_date *out)
{
    const char *text;
    if (lua_isnoneornil(L, idx)) {
        *out = NW_DATE_NONE;
        return 1;
    }
    if (lua_type(L, idx) != LUA_TSTRING)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a date \"YYYY-MM-DD\", got %s",
                            argnum, luaL_typename(L, idx));
    if (!nwb_lua_text(L, idx, argnum, &text))
        return 0;
    if (nwb_check(nw_date_parse(out, text)) < 0) {
        nwb_lua_push_error(L);
        return 0;
    }
    return 1;
}

/* Push a date as "YYYY-MM-DD", or nil for "no date"; 0 after pushing an error. */
static int nwb_lua_push_date(lua_State *L, nw_date date)
{
    char buf[NW_DATE_BUFSIZE];
    if (date == NW_DATE_NONE) {
        lua_pushnil(L);
        return 1;
    }
    if (nwb_check(nw_date_format(buf, sizeof buf, date)) < 0) {
        nwb_lua_push_error(L);
        return 0;
    }
    lua_pushstring(L, buf);
    return 1;
}

/* Add the bit of one form of a list: a form or its letter ("B"). */
static int nwb_lua_form_bit(lua_State *L, int idx, int argnum, unsigned *mask)
{
    lua_Integer form;
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tostring(L, idx);
        nw_form f;
        if (!s[0] || s[1])
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: a form letter is one of A, B, C, D",
                                argnum);
        if (nwb_check(nw_form_from_letter(&f, s[0])) < 0) {
            nwb_lua_push_error(L);
            return 0;
        }
        *mask |= NW_FORM_BIT(f);
        return 1;
    }
    if (!nwb_lua_integer(L, idx, 0, NW_FORM_COUNT - 1, argnum, &form))
        return 0;
    *mask |= NW_FORM_BIT(form);
    return 1;
}

/* A form selection: nil, a form, a list of forms or letters, "all",
 * "strong", "weak" or form letters ("B", "BD"). */
static int nwb_lua_form_mask(lua_State *L, int idx, int argnum, unsigned *out)
{
    unsigned mask = 0;
    switch (lua_type(L, idx)) {
    case LUA_TNONE:
    case LUA_TNIL:
        mask = NW_FORM_MASK_ALL;
        break;
    case LUA_TNUMBER:
        if (!nwb_lua_form_bit(L, idx, argnum, &mask))
            return 0;
        break;
    case LUA_TTABLE: {
        lua_Integer i, n = (lua_Integer)lua_rawlen(L, idx);
        for (i = 1; i <= n; i++) {
            int ok;
            lua_rawgeti(L, idx, i);
            ok = nwb_lua_form_bit(L, lua_gettop(L), argnum, &mask);
            if (!ok)
                return 0; /* the error is on top; SWIG_fail raises it */
            lua_pop(L, 1);
        }
        break;
    }
    case LUA_TSTRING: {
        const char *s = lua_tostring(L, idx);
        if (strcmp(s, "all") == 0)
            mask = NW_FORM_MASK_ALL;
        else if (strcmp(s, "strong") == 0)
            mask = NW_FORM_MASK_STRONG;
        else if (strcmp(s, "weak") == 0)
            mask = NW_FORM_MASK_WEAK;
        else if (!*s)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: empty form selection", argnum);
        else
            for (; *s; s++) {
                nw_form form;
                if (nwb_check(nw_form_from_letter(&form, *s)) < 0) {
                    nwb_lua_push_error(L);
                    return 0;
                }
                mask |= NW_FORM_BIT(form);
            }
        break;
    }
    default:
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a form selection, got %s",
                            argnum, luaL_typename(L, idx));
    }
    *out = mask;
    return 1;
}
%}

/* ---- typemaps ---------------------------------------------------------------- */

/* Objects of every class: only this module's, never nil. */
%typemap(in) SWIGTYPE * {
    $1 = ($1_ltype)nwb_lua_object(L, $input, $1_descriptor, $argnum);
    if (!$1)
        SWIG_fail;
}

/* New objects keep their network's Network object alive. [embedding] A new
 * handle cannot leak when Lua runs out of memory (nwb_lua_push_owned). */
%typemap(out) SWIGTYPE * {
    if ($1 && $owner)
        nwb_lua_push_owned(L, $1, $1_descriptor);
    else
        SWIG_NewPointerObj(L, $1, $1_descriptor, $owner);
    if ($1)
        nwb_lua_keep_network(L, 1);
    SWIG_arg++;
}

/* Integers: strict in, Lua integers out. */
%typemap(in) nw_id {
    lua_Integer v;
    if (!nwb_lua_integer(L, $input, 0, UINT32_MAX, $argnum, &v))
        SWIG_fail;
    $1 = (nw_id)v;
}
%typemap(in) int, enum SWIGTYPE {
    lua_Integer v;
    if (!nwb_lua_integer(L, $input, INT_MIN, INT_MAX, $argnum, &v))
        SWIG_fail;
    $1 = ($1_ltype)v;
}
%typemap(in) long {
    lua_Integer v;
    if (!nwb_lua_integer(L, $input, LONG_MIN, LONG_MAX, $argnum, &v))
        SWIG_fail;
    $1 = (long)v;
}
%typemap(in) size_t index {
    if (!nwb_lua_index(L, $input, $argnum, &$1))
        SWIG_fail;
}
%typemap(out) int, long, size_t, nw_id, unsigned int, enum SWIGTYPE {
    lua_pushinteger(L, (lua_Integer)$1);
    SWIG_arg++;
}

/* Booleans: true or false only. */
%typemap(in) bool {
    if (!lua_isboolean(L, $input)) {
        nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a boolean, got %s", $argnum,
                     luaL_typename(L, $input));
        SWIG_fail;
    }
    $1 = lua_toboolean(L, $input) != 0;
}

/* Text. */
%typemap(in) const char * {
    if (!nwb_lua_text(L, $input, $argnum, (const char **)&$1))
        SWIG_fail;
}

/* Form selections. */
%typemap(in) unsigned form_mask {
    if (!nwb_lua_form_mask(L, $input, $argnum, &$1))
        SWIG_fail;
}

/* Dates. */
%typemap(in) nw_date {
    if (!nwb_lua_to_date(L, $input, $argnum, &$1))
        SWIG_fail;
}
%typemap(out) nw_date {
    if (!nwb_lua_push_date(L, $1))
        SWIG_fail;
    SWIG_arg++;
}

/* Several results. */
%typemap(in, numinputs=0) nw_date *OUT (nw_date tmp = NW_DATE_NONE),
                          nw_date *OUT2 (nw_date tmp = NW_DATE_NONE) "$1 = ($1_ltype)&tmp;"
%typemap(argout) nw_date *OUT, nw_date *OUT2 {
    if (!nwb_lua_push_date(L, *$1))
        SWIG_fail;
    SWIG_arg++;
}
%typemap(in, numinputs=0) int *OUT (int tmp = 0), int *OUT2 (int tmp = 0),
                          int *OUT3 (int tmp = 0) "$1 = ($1_ltype)&tmp;"
%typemap(argout) int *OUT, int *OUT2, int *OUT3 {
    lua_pushinteger(L, *$1);
    SWIG_arg++;
}
%typemap(in, numinputs=0) const char **OUT (const char *tmp = NULL),
                          const char **OUT2 (const char *tmp = NULL),
                          const char **OUT3 (const char *tmp = NULL) "$1 = ($1_ltype)&tmp;"
%typemap(argout) const char **OUT, const char **OUT2, const char **OUT3 {
    lua_pushstring(L, *$1);
    SWIG_arg++;
}

/* Tie members: a list of actors. The array lives in a userdata left on the
 * stack, so that an error (a longjmp) cannot leak it; the stack top moves,
 * so no optional argument may follow this pair. */
%typemap(in) (nwb_actor *const *members, size_t count) {
    size_t i, n;
    nwb_actor **array;
    if (!lua_istable(L, $input)) {
        nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a list of actors, got %s", $argnum,
                     luaL_typename(L, $input));
        SWIG_fail;
    }
    n = (size_t)lua_rawlen(L, $input);
    array = (nwb_actor **)lua_newuserdatauv(L, (n > 0 ? n : 1) * sizeof *array, 0);
    for (i = 0; i < n; i++) {
        lua_rawgeti(L, $input, (lua_Integer)i + 1);
        array[i] = (nwb_actor *)nwb_lua_object(L, lua_gettop(L), $descriptor(nwb_actor *), $argnum);
        if (!array[i])
            SWIG_fail;
        lua_pop(L, 1);
    }
    $1 = array;
    $2 = n;
}

/* ---- module set-up ------------------------------------------------------------- */

%init %{
{
    int module = lua_gettop(L), i;

    luaL_newmetatable(L, NWB_ERROR_MT);
    lua_pushcfunction(L, nwb_lua_error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushstring(L, NWB_ERROR_MT);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);

    /* SWIG's global helpers read any userdata as one of its own. */
    lua_pushnil(L);
    lua_setglobal(L, "swig_type");
    lua_pushnil(L);
    lua_setglobal(L, "swig_equals");

    /* Every class's metatable, by name, for the Lua layer; our __gc; no
     * __disown (a disowned handle would leak and keep its network forever). */
    lua_newtable(L);
    for (i = 0; swig_types[i]; i++) {
        swig_lua_class *cls = (swig_lua_class *)swig_types[i]->clientdata;
        if (!cls)
            continue;
        SWIG_Lua_get_class_metatable(L, cls->fqname);
        lua_pushcfunction(L, nwb_lua_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushcfunction(L, nwb_lua_class_index);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, nwb_lua_class_newindex);
        lua_setfield(L, -2, "__newindex");
        lua_getfield(L, -1, ".fn");
        lua_pushnil(L);
        lua_setfield(L, -2, "__disown");
        lua_pop(L, 1);
        lua_setfield(L, -2, cls->name);
    }

    if (luaL_loadbufferx(L, (const char *)nwb_lua_layer, sizeof nwb_lua_layer - 1, "=netzwerk.lua", "t") != LUA_OK)
        lua_error(L);
    lua_insert(L, -2);
    lua_pushvalue(L, module);
    lua_insert(L, -2);
    lua_call(L, 2, 0);
}
%}

/* Checklists, validation and files: records, options, owned results. */
%include "records_lua.i"

%include "../netzwerk.i"

/* ---- [embedding] networks lent by a host application -------------------------
 * netzwerk_lua_embed.h: a host lends its own network to scripts as a Network
 * object with owned == false (net.borrowed): close() raises nw.EBUSY, the
 * finalizer frees only the object, and netzwerk_lua_take_back() makes it
 * stale. The registry keeps {[network] = object} of the lent networks. */

%{
#include "netzwerk_lua_embed.h"

static const char nwb_lua_lent_key = 0;

int netzwerk_lua_lend(lua_State *L, nw_network *net)
{
    nwb_network *self;
    if (!net)
        return luaL_error(L, "netzwerk_lua_lend: no network");
    luaL_requiref(L, "netzwerk", luaopen_netzwerk, 0); /* the classes must exist */
    lua_pop(L, 1);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &nwb_lua_lent_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &nwb_lua_lent_key);
    }
    if (lua_rawgetp(L, -1, net) == LUA_TUSERDATA) {
        lua_remove(L, -2);
        return 1;
    }
    lua_pop(L, 1);
    self = (nwb_network *)malloc(sizeof *self);
    if (!self)
        return luaL_error(L, "not enough memory");
    self->net = net;
    self->owned = false;
    nwb_lua_push_owned(L, self, SWIGTYPE_p_nwb_network); /* frees self if it fails */
    lua_pushvalue(L, -1);
    lua_rawsetp(L, -3, net);
    lua_remove(L, -2);
    return 1;
}

void netzwerk_lua_take_back(lua_State *L, nw_network *net)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &nwb_lua_lent_key) == LUA_TTABLE) {
        if (lua_rawgetp(L, -1, net) == LUA_TUSERDATA) {
            swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, -1);
            if (usr->ptr) /* else already finalized (the state is closing) */
                ((nwb_network *)usr->ptr)->net = NULL;
            lua_pushnil(L);
            lua_rawsetp(L, -3, net); /* clears an existing entry: allocates nothing */
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* For the binding's tests (tests/lua/test_borrowed.lua), which run in plain
 * lua5.4: play the host. nw._host_network(name) makes a network that "the
 * host" owns (a registry entry that frees it when the state closes) and lends
 * it; nw._host_free(net) takes it back and frees it. */
static const char nwb_lua_test_hosts_key = 0;

/* Take the network back and free it, once. */
static void nwb_lua_test_host_drop(lua_State *L, nw_network **holder)
{
    if (*holder) {
        netzwerk_lua_take_back(L, *holder);
        nw_network_free(*holder);
        *holder = NULL;
    }
}

static int nwb_lua_test_host_gc(lua_State *L)
{
    nwb_lua_test_host_drop(L, (nw_network **)lua_touserdata(L, 1));
    return 0;
}

static int nwb_lua_test_host_network(lua_State *L)
{
    const char *name = luaL_checkstring(L, 1);
    nw_network **holder = (nw_network **)lua_newuserdatauv(L, sizeof *holder, 0);
    *holder = NULL;
    if (luaL_newmetatable(L, "netzwerk.TestHost")) {
        lua_pushcfunction(L, nwb_lua_test_host_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    if (nwb_check(nw_network_new(holder, name)) < 0) {
        nwb_lua_push_error(L);
        return lua_error(L);
    }
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &nwb_lua_test_hosts_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &nwb_lua_test_hosts_key);
    }
    lua_pushvalue(L, -2);
    lua_rawsetp(L, -2, *holder);
    return netzwerk_lua_lend(L, *holder);
}

static int nwb_lua_test_host_free(lua_State *L)
{
    nw_network *net;
    nwb_network *self = (nwb_network *)nwb_lua_object(L, 1, SWIGTYPE_p_nwb_network, 1);
    if (!self)
        return lua_error(L);
    if (!(net = self->net))
        return 0; /* taken back already */
    if (self->owned || lua_rawgetp(L, LUA_REGISTRYINDEX, &nwb_lua_test_hosts_key) != LUA_TTABLE ||
        lua_rawgetp(L, -1, net) != LUA_TUSERDATA) {
        nwb_lua_fail(L, NW_EINVAL, "argument 1: not a network of the test host");
        return lua_error(L);
    }
    nwb_lua_test_host_drop(L, (nw_network **)lua_touserdata(L, -1));
    lua_pushnil(L);
    lua_rawsetp(L, -3, net); /* only the key's address is used */
    return 0;
}
%}

/* Lua only: whether the network is lent by a host (the Python surface is fixed). */
%extend nwb_network {
    bool is_borrowed() { return $self && !$self->owned; }
}

%init %{
{
    int module = lua_gettop(L);
    lua_pushstring(L, "_host_network");
    lua_pushcfunction(L, nwb_lua_test_host_network);
    lua_rawset(L, module);
    lua_pushstring(L, "_host_free");
    lua_pushcfunction(L, nwb_lua_test_host_free);
    lua_rawset(L, module);
}
%}

/* ---- [embedding] end --------------------------------------------------------- */
