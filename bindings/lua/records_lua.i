/*
 * records_lua.i: the Lua typemaps of the checklist, validation, file and
 * analysis parts (bindings/checklist.i, principles.i, io.i, options.i,
 * analysis.i). %included by netzwerk_lua.i before the shared interface.
 *
 * - C records (catalogue entries, findings, principle results, progress,
 *   the default thresholds) become tables keyed by the C field names;
 *   identities of "nothing" are left out (nil).
 * - Options: a table {name = value} (or nil) onto the option struct; an
 *   unknown name is an nw.EINVAL error. Snapshot options (analysis.i) also
 *   take `forms`, a form selection, for form_mask.
 * - Lists of item identities and texts the library made are pushed in a
 *   protected call and freed with nw_free() in every case, so that a host's
 *   memory cap cannot make them leak.
 * - Texts in: strings (NUL bytes allowed: the library checks the content).
 * - A failed load's error table gets the fields line, column and where.
 * - nw._network_of(obj): the Network object an object keeps alive (for
 *   the Lua layer, which takes it out of the module table).
 */

%{
static void nwb_lua_set_text(lua_State *L, const char *key, const char *s)
{
    lua_pushstring(L, s);
    lua_setfield(L, -2, key);
}

static void nwb_lua_set_integer(lua_State *L, const char *key, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

static void nwb_lua_set_bool(lua_State *L, const char *key, bool b)
{
    lua_pushboolean(L, b);
    lua_setfield(L, -2, key);
}

/* An identity; nothing for NW_ID_NONE. */
static void nwb_lua_set_id(lua_State *L, const char *key, nw_id id)
{
    if (id != NW_ID_NONE)
        nwb_lua_set_integer(L, key, id);
}

static void nwb_lua_push_builtin(lua_State *L, const nw_checklist_builtin *b)
{
    if (!b) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 7);
    nwb_lua_set_text(L, "code", b->code);
    nwb_lua_set_integer(L, "form", b->form);
    nwb_lua_set_bool(L, "essential", b->essential);
    nwb_lua_set_bool(L, "review", b->review);
    nwb_lua_set_bool(L, "per_partner", b->per_partner);
    nwb_lua_set_text(L, "label_de", b->label_de);
    nwb_lua_set_text(L, "label_en", b->label_en);
}

static void nwb_lua_push_rule(lua_State *L, const nw_rule *r)
{
    if (!r) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 6);
    nwb_lua_set_text(L, "code", r->code);
    nwb_lua_set_integer(L, "principle", r->principle);
    nwb_lua_set_integer(L, "severity", r->severity);
    nwb_lua_set_integer(L, "subject", r->subject);
    nwb_lua_set_text(L, "title_de", r->title_de);
    nwb_lua_set_text(L, "title_en", r->title_en);
}

static void nwb_lua_push_finding(lua_State *L, const nw_finding *f)
{
    if (!f) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 9);
    nwb_lua_set_text(L, "rule", f->rule);
    nwb_lua_set_integer(L, "principle", f->principle);
    nwb_lua_set_integer(L, "severity", f->severity);
    nwb_lua_set_integer(L, "subject", f->subject);
    nwb_lua_set_id(L, "actor_id", f->actor);
    nwb_lua_set_id(L, "tie_id", f->tie);
    nwb_lua_set_id(L, "item_id", f->item);
    nwb_lua_set_text(L, "message_de", f->message_de);
    nwb_lua_set_text(L, "message_en", f->message_en);
}

static void nwb_lua_push_principle_result(lua_State *L, const nw_principle_result *r)
{
    if (!r) {
        lua_pushnil(L);
        return;
    }
    lua_createtable(L, 0, 6);
    nwb_lua_set_integer(L, "principle", r->principle);
    nwb_lua_set_integer(L, "status", r->status);
    nwb_lua_set_integer(L, "checks", (lua_Integer)r->checks);
    nwb_lua_set_integer(L, "infos", (lua_Integer)r->infos);
    nwb_lua_set_integer(L, "warnings", (lua_Integer)r->warnings);
    nwb_lua_set_integer(L, "violations", (lua_Integer)r->violations);
}

/* The thresholds by name (the INT entries of the table). */
static void nwb_lua_push_validate_options(lua_State *L, const nw_validate_options *opts)
{
    const nwb_option *o;
    lua_newtable(L);
    for (o = nwb_validate_option_table; o->name; o++)
        nwb_lua_set_integer(L, o->name,
                            *(const int *)(const void *)((const char *)opts + o->offset));
}

/* In a protected call: the list of n identities (light userdata 1, integer 2). */
static int nwb_lua_ids_list(lua_State *L)
{
    const nw_id *ids = (const nw_id *)lua_touserdata(L, 1);
    lua_Integer i, n = lua_tointeger(L, 2);
    lua_createtable(L, n < INT_MAX ? (int)n : INT_MAX, 0);
    for (i = 0; i < n; i++) {
        lua_pushinteger(L, ids[i]);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* In a protected call: the string of len bytes (light userdata 1, integer 2). */
static int nwb_lua_text_string(lua_State *L)
{
    lua_pushlstring(L, (const char *)lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
    return 1;
}

/* Push what f makes of (data, n) and free data, also when Lua runs out of
 * memory; 0 with the error on top (the caller's SWIG_fail raises it). */
static int nwb_lua_push_owned_data(lua_State *L, lua_CFunction f, void **data, size_t n)
{
    int rc;
    lua_pushcfunction(L, f);
    lua_pushlightuserdata(L, *data ? *data : (void *)"");
    lua_pushinteger(L, (lua_Integer)n);
    rc = lua_pcall(L, 2, 1, 0);
    nw_free(*data);
    *data = NULL;
    return rc == LUA_OK;
}

/* A table of options (nil: none) at idx onto an option struct that holds
 * the defaults; 0 with an error pushed. */
static int nwb_lua_options(lua_State *L, int idx, const nwb_option *table, const char *what,
                           int argnum, void *target)
{
    if (lua_isnoneornil(L, idx))
        return 1;
    if (!lua_istable(L, idx))
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a table of %s options, got %s",
                            argnum, what, luaL_typename(L, idx));
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int value = lua_gettop(L);
        const char *name;
        const nwb_option *o;
        if (lua_type(L, value - 1) != LUA_TSTRING)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: %s option names are strings", argnum,
                                what);
        name = lua_tostring(L, value - 1);
        o = nwb_option_find(table, name);
        if (!o)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: unknown %s option '%s'", argnum, what,
                                name);
        if (o->kind == NWB_OPT_DATE) {
            nw_date d;
            if (!nwb_lua_to_date(L, value, argnum, &d))
                return 0;
            nwb_option_set_date(o, target, d);
        } else if (o->kind == NWB_OPT_FLAG) {
            if (!lua_isboolean(L, value))
                return nwb_lua_fail(L, NW_EINVAL, "argument %d: option %s expects a boolean, got %s",
                                    argnum, name, luaL_typename(L, value));
            nwb_option_set_flag(o, target, lua_toboolean(L, value) != 0);
        } else if (nwb_option_textual(o) && lua_type(L, value) == LUA_TSTRING) {
            const char *s;
            if (!nwb_lua_text(L, value, argnum, &s))
                return 0;
            if (nwb_option_set_text(o, target, s) < 0) {
                nwb_lua_push_error(L);
                return 0;
            }
        } else if (nwb_option_numeric(o) && lua_type(L, value) == LUA_TNUMBER) {
            lua_Integer v;
            if (!nwb_lua_integer(L, value, LUA_MININTEGER, LUA_MAXINTEGER, argnum, &v))
                return 0;
            if (nwb_option_set_number(o, target, (long long)v) < 0) {
                nwb_lua_push_error(L);
                return 0;
            }
        } else {
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: option %s expects %s, got %s", argnum,
                                name, nwb_option_numeric(o) ? "an integer" : "a string",
                                luaL_typename(L, value));
        }
        lua_pop(L, 1);
    }
    return 1;
}

/* Add the position of a failed load to the error table on top. */
static void nwb_lua_add_position(lua_State *L)
{
    if (nwb_load_pos.code == 0 || !lua_istable(L, -1))
        return;
    if (nwb_load_pos.line)
        nwb_lua_set_integer(L, "line", (lua_Integer)nwb_load_pos.line);
    if (nwb_load_pos.column)
        nwb_lua_set_integer(L, "column", (lua_Integer)nwb_load_pos.column);
    if (nwb_load_pos.where[0])
        nwb_lua_set_text(L, "where", nwb_load_pos.where);
}

#define NWB_RAISE_POSITION() nwb_lua_add_position(L)

/* nw._network_of(obj): the Network object that obj keeps alive (obj itself
 * for a network; nil for an object without one). */
static int nwb_lua_network_of(lua_State *L)
{
    int i;
    if (lua_type(L, 1) == LUA_TUSERDATA && lua_getmetatable(L, 1)) {
        for (i = 0; swig_types[i]; i++) {
            swig_lua_class *cls = (swig_lua_class *)swig_types[i]->clientdata;
            int same;
            if (!cls)
                continue;
            SWIG_Lua_get_class_metatable(L, cls->fqname);
            same = lua_rawequal(L, -1, -2);
            lua_pop(L, 1);
            if (same) {
                swig_lua_userdata *usr = (swig_lua_userdata *)lua_touserdata(L, 1);
                lua_pop(L, 1);
                if (usr->type == SWIGTYPE_p_nwb_network)
                    lua_pushvalue(L, 1);
                else
                    lua_getiuservalue(L, 1, 1);
                return 1;
            }
        }
        lua_pop(L, 1);
    }
    nwb_lua_fail(L, NW_EINVAL, "argument 1: expected a netzwerk object, got %s",
                 luaL_typename(L, 1));
    return lua_error(L);
}
%}

%native(_network_of) int nwb_lua_network_of(lua_State *L);

/* ---- records out ---------------------------------------------------------- */

%typemap(out) const nw_checklist_builtin * {
    nwb_lua_push_builtin(L, $1);
    SWIG_arg++;
}
%typemap(out) const nw_rule * {
    nwb_lua_push_rule(L, $1);
    SWIG_arg++;
}
%typemap(out) const nw_finding * {
    nwb_lua_push_finding(L, $1);
    SWIG_arg++;
}
%typemap(out) const nw_principle_result * {
    nwb_lua_push_principle_result(L, $1);
    SWIG_arg++;
}
%typemap(out) nwb_progress {
    lua_createtable(L, 0, 3);
    nwb_lua_set_integer(L, "done", (lua_Integer)$1.done);
    nwb_lua_set_integer(L, "agreed", (lua_Integer)$1.agreed);
    nwb_lua_set_integer(L, "applicable", (lua_Integer)$1.applicable);
    SWIG_arg++;
}
%typemap(out) nw_validate_options {
    nwb_lua_push_validate_options(L, &$1);
    SWIG_arg++;
}

/* ---- options in ------------------------------------------------------------ */

%typemap(in) const nw_validate_options *opts (nw_validate_options tmp) {
    nw_validate_options_init(&tmp, NW_VALIDATE_OPTIONS_VERSION);
    if (!nwb_lua_options(L, $input, nwb_validate_option_table, "validate", $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}
%typemap(in) const nw_load_options *opts (nw_load_options tmp) {
    tmp = nwb_load_options(NULL);
    if (!nwb_lua_options(L, $input, nwb_load_option_table, "load", $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}
%typemap(in) const nw_save_options *opts (nw_save_options tmp) {
    {
        static const nw_save_options defaults = NW_SAVE_OPTIONS_INIT;
        tmp = defaults;
    }
    if (!nwb_lua_options(L, $input, nwb_save_option_table, "save", $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}

/* ---- several results: a bool, lists of identities, texts --------------------- */

%typemap(in, numinputs=0) bool *OUT (bool tmp = false) "$1 = &tmp;"
%typemap(argout) bool *OUT {
    lua_pushboolean(L, *$1);
    SWIG_arg++;
}

%typemap(in, numinputs=0) (nw_id **IDS, size_t *COUNT) (nw_id *ids = NULL, size_t n = 0),
                          (nw_id **IDS2, size_t *COUNT2) (nw_id *ids = NULL, size_t n = 0) {
    $1 = &ids;
    $2 = &n;
}
%typemap(argout) (nw_id **IDS, size_t *COUNT), (nw_id **IDS2, size_t *COUNT2) {
    if (!nwb_lua_push_owned_data(L, nwb_lua_ids_list, (void **)$1, *$2))
        SWIG_fail;
    SWIG_arg++;
}
%typemap(freearg) (nw_id **IDS, size_t *COUNT), (nw_id **IDS2, size_t *COUNT2) {
    if ($1)
        nw_free(*$1);
}

%typemap(in, numinputs=0) (char **TEXT, size_t *LEN) (char *text = NULL, size_t len = 0),
                          (char **TEXT1, size_t *LEN1) (char *text = NULL, size_t len = 0),
                          (char **TEXT2, size_t *LEN2) (char *text = NULL, size_t len = 0) {
    $1 = &text;
    $2 = &len;
}
%typemap(argout) (char **TEXT, size_t *LEN), (char **TEXT1, size_t *LEN1),
                 (char **TEXT2, size_t *LEN2) {
    if (!nwb_lua_push_owned_data(L, nwb_lua_text_string, (void **)$1, *$2))
        SWIG_fail;
    SWIG_arg++;
}
%typemap(freearg) (char **TEXT, size_t *LEN), (char **TEXT1, size_t *LEN1),
                  (char **TEXT2, size_t *LEN2) {
    if ($1)
        nw_free(*$1);
}

/* ---- texts in ---------------------------------------------------------------- */

%typemap(in) (const void *BUF, size_t LEN), (const void *BUF2, size_t LEN2) {
    if (lua_isnoneornil(L, $input)) {
        $1 = NULL;
        $2 = 0;
    } else if (lua_type(L, $input) == LUA_TSTRING) {
        size_t n;
        $1 = ($1_ltype)lua_tolstring(L, $input, &n);
        $2 = n;
    } else {
        nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a string, got %s", $argnum,
                     luaL_typename(L, $input));
        SWIG_fail;
    }
}

/* ---- analysis (bindings/analysis.i) ------------------------------------------
 * Snapshot options: a table {name = value} (or nil) by the names of
 * analysis.i (nw.snapshot_option_name(i)); booleans for "bool" options,
 * numbers for the others (whole numbers for "int"). One Lua name more:
 * forms = a form selection (nw.KOOPERATION, {"B", "D"}, "strong", "BD"),
 * the same as form_mask; giving both is an error. */

%{
static int nwb_lua_snapshot_options(lua_State *L, int idx, int argnum, nw_snapshot_options *opts)
{
    bool forms = false, mask = false;
    if (lua_isnoneornil(L, idx))
        return 1;
    if (!lua_istable(L, idx))
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a table of snapshot options, got %s",
                            argnum, luaL_typename(L, idx));
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int value = lua_gettop(L);
        const char *name;
        const nwb_sopt *o;
        if (lua_type(L, value - 1) != LUA_TSTRING)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: snapshot option names are strings",
                                argnum);
        name = lua_tostring(L, value - 1);
        if (strcmp(name, "forms") == 0) {
            if (!nwb_lua_form_mask(L, value, argnum, &opts->form_mask))
                return 0;
            forms = true;
        } else if (!(o = nwb_sopt_find(name))) {
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: unknown snapshot option '%s'", argnum,
                                name);
        } else if (nwb_sopt_is_bool(o)) {
            if (!lua_isboolean(L, value))
                return nwb_lua_fail(L, NW_EINVAL, "argument %d: option %s expects a boolean, got %s",
                                    argnum, name, luaL_typename(L, value));
            nwb_sopt_set(opts, o, lua_toboolean(L, value) ? 1.0 : 0.0);
        } else {
            if (lua_type(L, value) != LUA_TNUMBER)
                return nwb_lua_fail(L, NW_EINVAL, "argument %d: option %s expects a number, got %s",
                                    argnum, name, luaL_typename(L, value));
            if (nwb_sopt_set(opts, o, lua_tonumber(L, value)) < 0) {
                nwb_lua_push_error(L);
                return 0;
            }
            mask = mask || strcmp(name, "form_mask") == 0;
        }
        lua_pop(L, 1);
    }
    if (forms && mask)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: give forms or form_mask, not both", argnum);
    return 1;
}
%}

%typemap(in) const nw_snapshot_options *opts (nw_snapshot_options tmp) {
    if (nwb_check(nw_snapshot_options_init(&tmp, NW_SNAPSHOT_OPTIONS_VERSION)) < 0) {
        nwb_lua_push_error(L);
        SWIG_fail;
    }
    if (!nwb_lua_snapshot_options(L, $input, $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}

/* ---- the bulk load (bindings/bulk.i) ------------------------------------------
 * Pairs: a list of pairs {{a, b}, ...} or a flat list {a1, b1, a2, b2, ...},
 * each an actor identity (an integer) or an Actor. The arrays live in
 * userdata left on the stack (like tie members), so that an error cannot
 * leak them; no optional argument may follow. Every wrong value is an
 * nw.EINVAL error that names its place (1-based). */

%{
/* Fail at place k of the pairs: 0 with the error pushed. */
static int nwb_lua_pairs_fail(lua_State *L, const nwb_pairs *p, size_t k, int argnum,
                              const char *what, const char *got)
{
    char place[64];
    nwb_place(place, sizeof place, "pairs", p->nested, k);
    return nwb_lua_fail(L, NW_EINVAL, "argument %d: %s: %s%s", argnum, place, what, got);
}

/* Place k from the value on top (left there); 1, or 0 with an error
 * pushed. The actors array, made when the first Actor comes, goes into
 * the stack at slot, under the values being read. */
static int nwb_lua_pairs_item(lua_State *L, nwb_pairs *p, size_t k, int argnum, int slot)
{
    if (lua_type(L, -1) == LUA_TNUMBER) {
        int isnum = 0;
        lua_Integer v = lua_tointegerx(L, -1, &isnum);
        if (!isnum)
            return nwb_lua_pairs_fail(L, p, k, argnum, "expected an integer, got a fraction", "");
        if (v < 0 || v > (lua_Integer)UINT32_MAX)
            return nwb_lua_pairs_fail(L, p, k, argnum, "not an actor identity (0 to 2^32 - 1)", "");
        p->ids[k] = (nw_id)v;
        return 1;
    }
    if (lua_type(L, -1) == LUA_TUSERDATA) {
        nwb_actor *a = (nwb_actor *)nwb_lua_object(L, lua_gettop(L), SWIGTYPE_p_nwb_actor, argnum);
        if (!a)
            return 0; /* not an Actor, or a finalized one: the error is on top */
        if (nwb_check(nw_actor_id(&p->ids[k], a)) < 0) {
            nwb_lua_push_error(L);
            return 0;
        }
        if (!p->actors) {
            p->actors = (nwb_actor **)lua_newuserdatauv(L, 2 * p->n * sizeof *p->actors, 0);
            memset(p->actors, 0, 2 * p->n * sizeof *p->actors);
            lua_insert(L, slot);
        }
        p->actors[k] = a;
        return 1;
    }
    return nwb_lua_pairs_fail(L, p, k, argnum, "expected an actor identity or an Actor, got ",
                              luaL_typename(L, -1));
}

/* The pairs at idx; 1, or 0 with an error pushed. */
static int nwb_lua_pairs(lua_State *L, int idx, int argnum, nwb_pairs *p)
{
    size_t i, len, k;
    int slot;
    memset(p, 0, sizeof *p);
    if (!lua_istable(L, idx))
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a list of pairs, got %s", argnum,
                            luaL_typename(L, idx));
    idx = lua_absindex(L, idx);
    len = (size_t)lua_rawlen(L, idx);
    p->nested = lua_rawgeti(L, idx, 1) == LUA_TTABLE;
    lua_pop(L, 1);
    if (!p->nested && len % 2 != 0)
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: a flat list of pairs has an even "
                            "length, not %zu", argnum, len);
    p->n = p->nested ? len : len / 2;
    if (p->n > (size_t)LUA_MAXINTEGER / (2 * sizeof(nwb_actor *)))
        return nwb_lua_fail(L, NW_ELIMIT, "argument %d: too many pairs", argnum);
    p->ids = (nw_id *)lua_newuserdatauv(L, (p->n > 0 ? 2 * p->n : 1) * sizeof *p->ids, 0);
    slot = lua_gettop(L) + 1; /* where the actors array goes if one is needed */
    if (!p->nested) {
        for (k = 0; k < 2 * p->n; k++) {
            lua_rawgeti(L, idx, (lua_Integer)k + 1);
            if (!nwb_lua_pairs_item(L, p, k, argnum, slot))
                return 0;
            lua_pop(L, 1);
        }
        return 1;
    }
    for (i = 0; i < p->n; i++) {
        int pair;
        lua_rawgeti(L, idx, (lua_Integer)i + 1);
        pair = lua_gettop(L);
        if (!lua_istable(L, pair))
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: pairs[%zu]: expected a pair {a, b}, "
                                "got %s", argnum, i + 1, luaL_typename(L, pair));
        if (lua_rawlen(L, pair) != 2)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: pairs[%zu]: a pair has 2 actors, "
                                "not %d", argnum, i + 1, (int)lua_rawlen(L, pair));
        for (k = 0; k < 2; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k + 1);
            if (!nwb_lua_pairs_item(L, p, 2 * i + k, argnum, slot))
                return 0;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return 1;
}
%}

%typemap(in) const nwb_pairs *pairs (nwb_pairs tmp) {
    if (!nwb_lua_pairs(L, $input, $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}

/* Counts to make room for: an integer >= 0; nil is 0. */
%typemap(in) size_t actors, size_t ties {
    lua_Integer v = 0;
    if (!lua_isnoneornil(L, $input) && !nwb_lua_integer(L, $input, 0, LUA_MAXINTEGER, $argnum, &v))
        SWIG_fail;
    $1 = (size_t)v;
}

/* The new identities: a list. */
%typemap(out) nwb_id_range {
    size_t i;
    lua_createtable(L, $1.count < INT_MAX ? (int)$1.count : 0, 0);
    for (i = 0; i < $1.count; i++) {
        lua_pushinteger(L, (lua_Integer)$1.first + (lua_Integer)i);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    SWIG_arg++;
}

/* Names of a bulk load of actors: a list of strings (no NUL bytes). The
 * array is a userdata left on the stack: no optional argument may follow. */
%{
static int nwb_lua_names(lua_State *L, int idx, int argnum, nwb_names *p)
{
    size_t i;
    if (!lua_istable(L, idx))
        return nwb_lua_fail(L, NW_EINVAL, "argument %d: expected a list of names, got %s",
                            argnum, luaL_typename(L, idx));
    idx = lua_absindex(L, idx);
    p->n = (size_t)lua_rawlen(L, idx);
    if (p->n > (size_t)LUA_MAXINTEGER / sizeof *p->v)
        return nwb_lua_fail(L, NW_ELIMIT, "argument %d: too many names", argnum);
    p->v = (const char **)lua_newuserdatauv(L, (p->n > 0 ? p->n : 1) * sizeof *p->v, 0);
    for (i = 0; i < p->n; i++) {
        size_t len;
        if (lua_rawgeti(L, idx, (lua_Integer)i + 1) != LUA_TSTRING)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: names[%zu]: expected a string, got %s",
                                argnum, i + 1, luaL_typename(L, -1));
        p->v[i] = lua_tolstring(L, -1, &len); /* the list keeps the string */
        if (strlen(p->v[i]) != len)
            return nwb_lua_fail(L, NW_EINVAL, "argument %d: names[%zu]: text contains a NUL byte",
                                argnum, i + 1);
        lua_pop(L, 1);
    }
    return 1;
}
%}

%typemap(in) const nwb_names *names (nwb_names tmp) {
    if (!nwb_lua_names(L, $input, $argnum, &tmp))
        SWIG_fail;
    $1 = &tmp;
}
