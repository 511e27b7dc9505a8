/*
 * analysis.i: network-strength analysis (netzwerk/analysis.h). Part of
 * netzwerk.i, shared by Python and Lua.
 *
 * Classes (the pattern of netzwerk.i):
 * - Snapshot (nw_snapshot): Network.snapshot(as_of, opts) takes one; its
 *   measures are methods. It does not keep the network alive and stays
 *   valid after the network changed or closed (is_current() tells).
 *
 * Results come back in a language-neutral way, so that no language needs a
 * typemap for them: small result objects that each language turns into
 * its lists, dicts or tables.
 * - Values: numbers per vertex (per pair for overlap()): count() and
 *   get(index) (index 0-based in Python, 1-based in Lua, as everywhere).
 *   Vertex v is the actor actor_id(v). Integer measures (degree, core
 *   number, component) are whole numbers stored as doubles.
 * - Ids: a list of identities (what changed): count() and get(index).
 * - Bridges, Touches, Timeline: lists of records, count() and get(index);
 *   get() returns a copy the language owns.
 * - Records with read-only fields, the C struct's fields by name:
 *   Bridge (nw_bridge), Touch (nw_touch), Figures (nw_figures),
 *   StrengthTerms (nw_strength_terms), Pair (nw_pair_info without the
 *   vertex numbers). Figures also lists every figure generically:
 *   count_fields(), name_at(index), value_at(index) (the names of
 *   nw_figures_field(): "actors_person", "ties_kooperation", ...).
 *   Change (nw_change, methods only): before(), after() (Figures) and
 *   actors_joined(), actors_left(), ties_began(), ties_ended() (Ids).
 * - stars(), isolates(), brokers(): the (nw_id **IDS, size_t *COUNT)
 *   typemaps of checklist.i (a list / table of identities).
 * - Dates are the language's dates; forms, states and kinds plain numbers
 *   (TIE_ABSENT, TIE_ACTIVE, TIE_DORMANT, TIE_LATENT); a bridge's span is
 *   SPAN_INFINITE for a bridge proper; Bridge.pair is the C pair number
 *   (0-based in both languages).
 *
 * Options (`const nw_snapshot_options *opts`): a dict / table by name like
 * options.i, nothing for the defaults, converted by one typemap per language
 * (python/records_python.i, lua/records_lua.i). Every option is a number or
 * a boolean, so the typemap only walks the dict / table and calls
 * nwb_sopt_find() and nwb_sopt_set() (below), which check names, types and
 * ranges; the library checks the rest. The names:
 *   weighted (bool), form_mask (int: bit 1 << form),
 *   base_<form>, half_life_<form> (float), dormant_after_<form>,
 *   touch_ideal_<form>, touch_max_<form> (int, days) with <form> one of
 *   begegnung, kooperation, kontakt, gruppe;
 *   weight_base, weight_age, weight_tending, weight_recency,
 *   maturity_half_life, tending_saturation, broker_min_betweenness,
 *   broker_max_constraint (float), path_sources (int).
 * Module functions snapshot_option_count(), snapshot_option_name(index),
 * snapshot_option_type(name) ("bool", "int" or "float") and
 * snapshot_option_default(name) list them; Snapshot.option(name) is the
 * value a snapshot was taken with.
 *
 * Threads: the measures of a snapshot read only the immutable snapshot, so
 * the Python part releases the GIL around them (NWB_UNLOCKED); calls that
 * read the network (snapshot(), strength, losing_touch(), timeline()) keep
 * it.
 */

%runtime %{
#include <math.h>

typedef nw_snapshot nwb_snapshot;
typedef nw_change nwb_change;

/* ---- options by name --------------------------------------------------------- */

typedef enum nwb_sopt_kind {
    NWB_SOPT_BOOL,   /* bool */
    NWB_SOPT_DOUBLE, /* double */
    NWB_SOPT_DAYS,   /* int32_t */
    NWB_SOPT_SIZE,   /* size_t */
    NWB_SOPT_MASK    /* unsigned: a form mask */
} nwb_sopt_kind;

typedef struct nwb_sopt {
    const char *name;
    nwb_sopt_kind kind;
    size_t offset;
} nwb_sopt;

#define NWB_SOPT(name, kind, field) { name, kind, offsetof(nw_snapshot_options, field) }
#define NWB_SOPT_FORM(name, kind, f, field)                                                  \
    { name, kind, offsetof(nw_snapshot_options, form) + (size_t)(f) * sizeof(nw_form_params) \
                      + offsetof(nw_form_params, field) }
#define NWB_SOPT_FORMS(f, suffix)                                                           \
    NWB_SOPT_FORM("base_" suffix, NWB_SOPT_DOUBLE, f, base),                                \
    NWB_SOPT_FORM("half_life_" suffix, NWB_SOPT_DOUBLE, f, half_life),                      \
    NWB_SOPT_FORM("dormant_after_" suffix, NWB_SOPT_DAYS, f, dormant_after),                \
    NWB_SOPT_FORM("touch_ideal_" suffix, NWB_SOPT_DAYS, f, touch_ideal),                    \
    NWB_SOPT_FORM("touch_max_" suffix, NWB_SOPT_DAYS, f, touch_max)

static const nwb_sopt nwb_sopt_table[] = {
    NWB_SOPT("weighted", NWB_SOPT_BOOL, weighted),
    NWB_SOPT("form_mask", NWB_SOPT_MASK, form_mask),
    NWB_SOPT_FORMS(NW_FORM_BEGEGNUNG, "begegnung"),
    NWB_SOPT_FORMS(NW_FORM_KOOPERATION, "kooperation"),
    NWB_SOPT_FORMS(NW_FORM_KONTAKT, "kontakt"),
    NWB_SOPT_FORMS(NW_FORM_GRUPPE, "gruppe"),
    NWB_SOPT("weight_base", NWB_SOPT_DOUBLE, weight_base),
    NWB_SOPT("weight_age", NWB_SOPT_DOUBLE, weight_age),
    NWB_SOPT("weight_tending", NWB_SOPT_DOUBLE, weight_tending),
    NWB_SOPT("weight_recency", NWB_SOPT_DOUBLE, weight_recency),
    NWB_SOPT("maturity_half_life", NWB_SOPT_DOUBLE, maturity_half_life),
    NWB_SOPT("tending_saturation", NWB_SOPT_DOUBLE, tending_saturation),
    NWB_SOPT("path_sources", NWB_SOPT_SIZE, path_sources),
    NWB_SOPT("broker_min_betweenness", NWB_SOPT_DOUBLE, broker_min_betweenness),
    NWB_SOPT("broker_max_constraint", NWB_SOPT_DOUBLE, broker_max_constraint),
};

#define NWB_SOPT_COUNT (sizeof nwb_sopt_table / sizeof nwb_sopt_table[0])

/* The option called name, or NULL (no failure recorded). */
static const nwb_sopt *nwb_sopt_find(const char *name)
{
    size_t i;
    for (i = 0; name && i < NWB_SOPT_COUNT; i++)
        if (strcmp(nwb_sopt_table[i].name, name) == 0)
            return &nwb_sopt_table[i];
    return NULL;
}

/* Whether the option is a boolean (the language passes true / false). */
static bool nwb_sopt_is_bool(const nwb_sopt *o)
{
    return o->kind == NWB_SOPT_BOOL;
}

/* Whether the option takes whole numbers only. */
static bool nwb_sopt_is_integer(const nwb_sopt *o)
{
    return o->kind == NWB_SOPT_DAYS || o->kind == NWB_SOPT_SIZE || o->kind == NWB_SOPT_MASK;
}

/* Set an option (a boolean as 0 or 1); 0, or -1 with the failure recorded. */
static int nwb_sopt_set(nw_snapshot_options *opts, const nwb_sopt *o, double v)
{
    char *field = (char *)opts + o->offset;
    if (nwb_sopt_is_integer(o) && (!isfinite(v) || v != floor(v))) {
        nwb_fail(NW_EINVAL, "option %s: expected a whole number", o->name);
        return -1;
    }
    switch (o->kind) {
    case NWB_SOPT_BOOL:
        *(bool *)(void *)field = v != 0;
        return 0;
    case NWB_SOPT_DOUBLE:
        *(double *)(void *)field = v; /* the library checks the range */
        return 0;
    case NWB_SOPT_DAYS:
        if (v < INT32_MIN || v > INT32_MAX)
            break;
        *(int32_t *)(void *)field = (int32_t)v;
        return 0;
    case NWB_SOPT_SIZE:
        if (v < 0 || v > 9007199254740992.0) /* 2^53: exact in a double */
            break;
        *(size_t *)(void *)field = (size_t)v;
        return 0;
    case NWB_SOPT_MASK:
        if (v < 0 || v > NW_FORM_MASK_ALL)
            break;
        *(unsigned *)(void *)field = (unsigned)v;
        return 0;
    }
    nwb_fail(NW_EINVAL, "option %s: %.15g is out of range", o->name, v);
    return -1;
}

/* The value of an option as a double (a boolean as 0 or 1). */
static double nwb_sopt_get(const nw_snapshot_options *opts, const nwb_sopt *o)
{
    const char *field = (const char *)opts + o->offset;
    switch (o->kind) {
    case NWB_SOPT_BOOL:
        return *(const bool *)(const void *)field ? 1.0 : 0.0;
    case NWB_SOPT_DOUBLE:
        return *(const double *)(const void *)field;
    case NWB_SOPT_DAYS:
        return (double)*(const int32_t *)(const void *)field;
    case NWB_SOPT_SIZE:
        return (double)*(const size_t *)(const void *)field;
    case NWB_SOPT_MASK:
        return (double)*(const unsigned *)(const void *)field;
    }
    return 0.0;
}

/* The option called name, or NULL with NW_EINVAL recorded. */
static const nwb_sopt *nwb_sopt_named(const char *name)
{
    const nwb_sopt *o = nwb_sopt_find(name);
    if (!o)
        nwb_fail(NW_EINVAL, "unknown snapshot option '%s'", name ? name : "(null)");
    return o;
}

/* ---- releasing the GIL --------------------------------------------------------
 * Around a computation on an immutable snapshot only: the statement must not
 * touch Python objects or the network. nwb_err and nw_errmsg() are per
 * thread, so failures are recorded correctly meanwhile. */
#ifdef SWIGPYTHON
#define NWB_UNLOCKED(stmt) \
    do {                   \
        Py_BEGIN_ALLOW_THREADS stmt; Py_END_ALLOW_THREADS \
    } while (0)
#else
#define NWB_UNLOCKED(stmt) \
    do {                   \
        stmt;              \
    } while (0)
#endif

/* Index base of the language, for indexes the binding hands out. */
#ifdef SWIGLUA
#define NWB_INDEX_BASE 1
#else
#define NWB_INDEX_BASE 0
#endif

/* ---- result objects ------------------------------------------------------------- */

/* Numbers per vertex or per pair. */
typedef struct nwb_values {
    size_t count;
    double *v;
} nwb_values;

/* A list of identities. */
typedef struct nwb_ids {
    size_t count;
    nw_id *id;
} nwb_ids;

/* Lists of records the library allocated (freed with nw_free()). */
typedef struct nwb_bridges {
    size_t count;
    nw_bridge *item;
} nwb_bridges;

typedef struct nwb_touches {
    size_t count;
    nw_touch *item;
} nwb_touches;

typedef struct nwb_timeline {
    size_t count;
    nw_figures *item;
} nwb_timeline;

/* n numbers (room for at least one, so that the library gets no NULL),
 * or NULL with NW_ENOMEM. */
static nwb_values *nwb_values_new(size_t n)
{
    nwb_values *list = malloc(sizeof *list);
    double *v = n <= SIZE_MAX / sizeof *v ? calloc(n > 0 ? n : 1, sizeof *v) : NULL;
    if (!list || !v) {
        free(list);
        free(v);
        nwb_fail(NW_ENOMEM, "out of memory");
        return NULL;
    }
    list->count = n;
    list->v = v;
    return list;
}

static void nwb_values_free(nwb_values *values)
{
    if (values) {
        free(values->v);
        free(values);
    }
}

/* A copy of n identities as an Ids object, or NULL with NW_ENOMEM. */
static nwb_ids *nwb_ids_copy(const nw_id *ids, size_t n)
{
    nwb_ids *list = malloc(sizeof *list);
    nw_id *copy = n <= SIZE_MAX / sizeof *copy ? malloc(n > 0 ? n * sizeof *copy : 1) : NULL;
    if (!list || !copy) {
        free(list);
        free(copy);
        nwb_fail(NW_ENOMEM, "out of memory");
        return NULL;
    }
    if (n > 0)
        memcpy(copy, ids, n * sizeof *copy);
    list->count = n;
    list->id = copy;
    return list;
}

/* A malloc'd copy of a record, or NULL with NW_ENOMEM. */
static void *nwb_copy(const void *record, size_t size)
{
    void *copy = malloc(size);
    if (!copy) {
        nwb_fail(NW_ENOMEM, "out of memory");
        return NULL;
    }
    memcpy(copy, record, size);
    return copy;
}

/* Whether index is below count; else false with NW_ENOTFOUND. */
static bool nwb_in_range(size_t index, size_t count, const char *what)
{
    if (index < count)
        return true;
    nwb_fail(NW_ENOTFOUND, "%s %zu is out of range (there are %zu)",
             what, index + NWB_INDEX_BASE, count);
    return false;
}

/* Values of one number per vertex (pairs: one per pair) of a snapshot. */
static nwb_values *nwb_values_for(const nw_snapshot *snap, bool pairs)
{
    size_t n = 0;
    if (nwb_check(pairs ? nw_snapshot_pair_count(&n, snap) : nw_snapshot_actor_count(&n, snap)) < 0)
        return NULL;
    return nwb_values_new(n);
}

/* A measure that fills a double array: run it without the GIL. `call`
 * passes out and len, the array and the count it was allocated with. */
#define NWB_MEASURE(snap, pairs, call)                   \
    nwb_values *r = nwb_values_for(snap, pairs);         \
    int rc = NW_OK;                                      \
    double *out;                                         \
    size_t len;                                          \
    if (!r)                                              \
        return NULL;                                     \
    out = r->v;                                          \
    len = r->count;                                      \
    NWB_UNLOCKED(rc = (call));                           \
    if (nwb_check(rc) < 0) {                             \
        nwb_values_free(r);                              \
        return NULL;                                     \
    }                                                    \
    return r;
%}

/* ---- declarations ------------------------------------------------------------------ */

/* The enum (TIE_ABSENT ... TIE_LATENT) and the records as read-only classes;
 * the option structs are dicts / tables (above), never classes. */
%ignore nw_form_params;
%ignore nw_snapshot_options;
%ignore nw_pair_info::va;
%ignore nw_pair_info::vb;
%ignore nw_figures::actors_by_kind; /* actors_person ... via name_at() / value_at() */
%ignore nw_figures::ties_by_form;   /* ties_begegnung ... likewise */
%ignore nw_change; /* a class with methods only: nwb_change below */
%rename(Bridge) nw_bridge;
%rename(Touch) nw_touch;
%rename(Figures) nw_figures;
%rename(StrengthTerms) nw_strength_terms;
%rename(Pair) nw_pair_info;
%nodefaultctor;
%nodefaultdtor;
%immutable;
%include "netzwerk/analysis.h"
%mutable;

/* The span of a bridge proper (no other path). */
%constant unsigned int SPAN_INFINITE = NW_SPAN_INFINITE;
/* The most points a timeline may have. */
%constant int TIMELINE_MAX = NW_TIMELINE_MAX;

%rename(Snapshot) nwb_snapshot;
%rename(Values) nwb_values;
%rename(Ids) nwb_ids;
%rename(Bridges) nwb_bridges;
%rename(Touches) nwb_touches;
%rename(Timeline) nwb_timeline;
%rename(Change) nwb_change;
typedef struct {} nwb_snapshot;
typedef struct {} nwb_values;
typedef struct {} nwb_ids;
typedef struct {} nwb_bridges;
typedef struct {} nwb_touches;
typedef struct {} nwb_timeline;
typedef struct {} nwb_change;
%clearnodefaultctor;
%clearnodefaultdtor;

/* ---- module functions: the options ------------------------------------------------ */

%rename(snapshot_option_count) nwb_snapshot_option_count;
%rename(snapshot_option_name) nwb_snapshot_option_name;
%rename(snapshot_option_type) nwb_snapshot_option_type;
%rename(snapshot_option_default) nwb_snapshot_option_default;

%inline %{
/* The number of snapshot options. */
static size_t nwb_snapshot_option_count(void) { return NWB_SOPT_COUNT; }

/* The name of a snapshot option, by position. */
static const char *nwb_snapshot_option_name(size_t index)
{
    if (!nwb_in_range(index, NWB_SOPT_COUNT, "option"))
        return NULL;
    return nwb_sopt_table[index].name;
}

/* The type of a snapshot option: "bool", "int" or "float". */
static const char *nwb_snapshot_option_type(const char *name)
{
    const nwb_sopt *o = nwb_sopt_named(name);
    if (!o)
        return NULL;
    return nwb_sopt_is_bool(o) ? "bool" : nwb_sopt_is_integer(o) ? "int" : "float";
}

/* The default of a snapshot option (a boolean as 0 or 1). */
static double nwb_snapshot_option_default(const char *name)
{
    const nwb_sopt *o = nwb_sopt_named(name);
    nw_snapshot_options opts;
    if (!o || nwb_check(nw_snapshot_options_init(&opts, NW_SNAPSHOT_OPTIONS_VERSION)) < 0)
        return 0.0;
    return nwb_sopt_get(&opts, o);
}
%}

/* ---- Network, Actor, Tie: strength, state, snapshots -------------------------- */

%newobject nwb_network::snapshot;
%newobject nwb_network::losing_touch;
%newobject nwb_network::timeline;
%newobject nwb_tie::strength_terms;
%feature("compactdefaultargs") nwb_network::snapshot;
%feature("compactdefaultargs") nwb_network::losing_touch;
%feature("compactdefaultargs") nwb_network::timeline;
%feature("compactdefaultargs") nwb_tie::strength;
%feature("compactdefaultargs") nwb_tie::strength_terms;
%feature("compactdefaultargs") nwb_tie::state;
%feature("compactdefaultargs") nwb_actor::pair_strength;
%feature("compactdefaultargs") nwb_actor::pair_tie_count;

%extend nwb_network {
    /* A snapshot of the network as of a date, with options by name. */
    nwb_snapshot *snapshot(nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        nwb_snapshot *snap = NULL;
        if (net)
            nwb_check(nw_snapshot_new(&snap, net, as_of, opts));
        return snap;
    }

    /* The ties losing touch on a date, oldest contact first. */
    nwb_touches *losing_touch(nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        nw_touch *items = NULL;
        size_t n = 0;
        nwb_touches *list;
        if (!net || nwb_check(nw_network_losing_touch(&items, &n, net, as_of, opts)) < 0)
            return NULL;
        list = malloc(sizeof *list);
        if (!list) {
            nw_free(items);
            nwb_fail(NW_ENOMEM, "out of memory");
            return NULL;
        }
        list->count = n;
        list->item = items;
        return list;
    }

    /* The figures at from, from + step_days, ... up to to. */
    nwb_timeline *timeline(nw_date from, nw_date to, int step_days,
                           const nw_snapshot_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        nw_figures *items = NULL;
        size_t n = 0;
        nwb_timeline *list;
        if (!net || nwb_check(nw_network_timeline(&items, &n, net, from, to, step_days, opts)) < 0)
            return NULL;
        list = malloc(sizeof *list);
        if (!list) {
            nw_free(items);
            nwb_fail(NW_ENOMEM, "out of memory");
            return NULL;
        }
        list->count = n;
        list->item = items;
        return list;
    }
}

%extend nwb_tie {
    /* The tie's strength as of a date, 0 to 1. */
    double strength(nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        double s = 0.0;
        nwb_check(nw_tie_strength(&s, $self, as_of, opts));
        return s;
    }

    /* The strength with its four terms. */
    nw_strength_terms *strength_terms(nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        nw_strength_terms terms;
        if (nwb_check(nw_tie_strength_terms(&terms, $self, as_of, opts)) < 0)
            return NULL;
        return nwb_copy(&terms, sizeof terms);
    }

    /* The state on a date: TIE_ABSENT, TIE_ACTIVE, TIE_DORMANT or TIE_LATENT. */
    int state(nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        nw_tie_state s = NW_TIE_ABSENT;
        nwb_check(nw_tie_state_get(&s, $self, as_of, opts));
        return (int)s;
    }
}

%extend nwb_actor {
    /* How strongly this actor and another are joined on a date (multiplexity). */
    double pair_strength(nwb_actor *other, nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        double s = 0.0;
        nwb_check(nw_actor_pair_strength(&s, NULL, $self, other, as_of, opts));
        return s;
    }

    /* The number of ties that join this actor and another on a date. */
    size_t pair_tie_count(nwb_actor *other, nw_date as_of, const nw_snapshot_options *opts = NULL)
    {
        double s = 0.0;
        size_t k = 0;
        nwb_check(nw_actor_pair_strength(&s, &k, $self, other, as_of, opts));
        return k;
    }
}

/* ---- Snapshot ----------------------------------------------------------------------- */

%newobject nwb_snapshot::pair;
%newobject nwb_snapshot::degree;
%newobject nwb_snapshot::weighted_degree;
%newobject nwb_snapshot::betweenness;
%newobject nwb_snapshot::harmonic_closeness;
%newobject nwb_snapshot::two_step_reach;
%newobject nwb_snapshot::reach_efficiency;
%newobject nwb_snapshot::constraint;
%newobject nwb_snapshot::effective_size;
%newobject nwb_snapshot::efficiency;
%newobject nwb_snapshot::local_clustering;
%newobject nwb_snapshot::core_number;
%newobject nwb_snapshot::components;
%newobject nwb_snapshot::overlap;
%newobject nwb_snapshot::bridges;
%newobject nwb_snapshot::figures;
%newobject nwb_snapshot::compare;
%feature("compactdefaultargs") nwb_snapshot::bridges;

%extend nwb_snapshot {
    ~nwb_snapshot() { nw_snapshot_free($self); }

    /* The date it was taken as of. */
    nw_date get_date()
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_snapshot_date(&d, $self));
        return d;
    }

    /* The value of an option it was taken with (a boolean as 0 or 1). */
    double option(const char *name)
    {
        const nwb_sopt *o = nwb_sopt_named(name);
        nw_snapshot_options opts;
        if (!o || nwb_check(nw_snapshot_options_get(&opts, $self)) < 0)
            return 0.0;
        return nwb_sopt_get(&opts, o);
    }

    /* Whether it still matches a network (taken of it, unchanged since). */
    bool is_current(nwb_network *network)
    {
        nw_network *net = nwb_net(network);
        bool b = false;
        if (net)
            nwb_check(nw_snapshot_is_current(&b, $self, net));
        return b;
    }

    size_t actor_count()
    {
        size_t n = 0;
        nwb_check(nw_snapshot_actor_count(&n, $self));
        return n;
    }

    size_t pair_count()
    {
        size_t n = 0;
        nwb_check(nw_snapshot_pair_count(&n, $self));
        return n;
    }

    size_t tie_count()
    {
        size_t n = 0;
        nwb_check(nw_snapshot_tie_count(&n, $self));
        return n;
    }

    /* The bytes it holds. */
    size_t memory()
    {
        size_t n = 0;
        nwb_check(nw_snapshot_memory(&n, $self));
        return n;
    }

    /* The identity of the actor at a vertex. */
    nw_id actor_id(size_t index)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_snapshot_actor_id(&id, $self, index));
        return id;
    }

    /* The vertex of an actor (in the language's index base). */
    size_t vertex_of(nw_id actor)
    {
        size_t v = 0;
        if (nwb_check(nw_snapshot_vertex_of(&v, $self, actor)) < 0)
            return 0;
        return v + NWB_INDEX_BASE;
    }

    /* One pair, by position: a, b, weight, ties, strong. */
    nw_pair_info *pair(size_t index)
    {
        nw_pair_info p;
        if (nwb_check(nw_snapshot_pair(&p, $self, index)) < 0)
            return NULL;
        return nwb_copy(&p, sizeof p);
    }

    /* Measures per vertex, computed without the GIL. */
    nwb_values *degree() { NWB_MEASURE($self, false, nw_snapshot_degree(out, len, $self)) }
    nwb_values *weighted_degree() { NWB_MEASURE($self, false, nw_snapshot_weighted_degree(out, len, $self)) }
    nwb_values *betweenness() { NWB_MEASURE($self, false, nw_snapshot_betweenness(out, len, $self)) }
    nwb_values *harmonic_closeness() { NWB_MEASURE($self, false, nw_snapshot_harmonic_closeness(out, len, $self)) }
    nwb_values *two_step_reach() { NWB_MEASURE($self, false, nw_snapshot_two_step_reach(out, len, $self)) }
    nwb_values *reach_efficiency() { NWB_MEASURE($self, false, nw_snapshot_reach_efficiency(out, len, $self)) }
    nwb_values *constraint() { NWB_MEASURE($self, false, nw_snapshot_structural_holes(out, NULL, NULL, len, $self)) }
    nwb_values *effective_size() { NWB_MEASURE($self, false, nw_snapshot_structural_holes(NULL, out, NULL, len, $self)) }
    nwb_values *efficiency() { NWB_MEASURE($self, false, nw_snapshot_structural_holes(NULL, NULL, out, len, $self)) }
    nwb_values *local_clustering() { NWB_MEASURE($self, false, nw_snapshot_local_clustering(out, len, $self)) }
    nwb_values *core_number() { NWB_MEASURE($self, false, nw_snapshot_core_number(out, len, $self)) }
    /* Tie overlap, one value per pair. */
    nwb_values *overlap() { NWB_MEASURE($self, true, nw_snapshot_overlap(out, len, $self)) }

    /* The component of each vertex, numbered 0, 1, ... in order of their
     * lowest vertex (as whole-number doubles). */
    nwb_values *components()
    {
        nwb_values *r = nwb_values_for($self, false);
        size_t *parts, i;
        int rc = NW_OK;
        if (!r)
            return NULL;
        if (!(parts = calloc(r->count > 0 ? r->count : 1, sizeof *parts))) {
            nwb_values_free(r);
            nwb_fail(NW_ENOMEM, "out of memory");
            return NULL;
        }
        NWB_UNLOCKED(rc = nw_snapshot_components(parts, r->count, NULL, $self));
        if (nwb_check(rc) < 0) {
            free(parts);
            nwb_values_free(r);
            return NULL;
        }
        for (i = 0; i < r->count; i++)
            r->v[i] = (double)parts[i];
        free(parts);
        return r;
    }

    /* The actors with the most neighbours. */
    void stars(nw_id **IDS, size_t *COUNT) { nwb_check(nw_snapshot_stars(IDS, COUNT, $self)); }

    /* The actors without pairs. */
    void isolates(nw_id **IDS, size_t *COUNT) { nwb_check(nw_snapshot_isolates(IDS, COUNT, $self)); }

    /* The brokers, highest betweenness first (computed without the GIL). */
    void brokers(nw_id **IDS, size_t *COUNT)
    {
        int rc = NW_OK;
        NWB_UNLOCKED(rc = nw_snapshot_brokers(IDS, COUNT, $self));
        nwb_check(rc);
    }

    /* Bridges (local false) or local bridges with their span (local true). */
    nwb_bridges *bridges(bool local = false)
    {
        nw_bridge *items = NULL;
        size_t n = 0;
        int rc = NW_OK;
        nwb_bridges *list;
        NWB_UNLOCKED(rc = nw_snapshot_bridges(&items, &n, $self, local));
        if (nwb_check(rc) < 0)
            return NULL;
        list = malloc(sizeof *list);
        if (!list) {
            nw_free(items);
            nwb_fail(NW_ENOMEM, "out of memory");
            return NULL;
        }
        list->count = n;
        list->item = items;
        return list;
    }

    /* The key figures (computed without the GIL). */
    nw_figures *figures()
    {
        nw_figures *f = NULL, *copy;
        int rc = NW_OK;
        NWB_UNLOCKED(rc = nw_snapshot_figures(&f, $self));
        if (nwb_check(rc) < 0)
            return NULL;
        copy = nwb_copy(f, sizeof *f);
        nw_free(f);
        return copy;
    }

    /* What changed from this snapshot to a later one (computed without the GIL). */
    nwb_change *compare(nwb_snapshot *after)
    {
        nwb_change *c = NULL;
        int rc = NW_OK;
        NWB_UNLOCKED(rc = nw_snapshot_compare(&c, $self, after));
        nwb_check(rc);
        return c;
    }
}

/* ---- results ------------------------------------------------------------------------ */

%define NWB_LIST(TYPE, ITEM, ITEMTYPE, WHAT)
%newobject TYPE::get;
%extend TYPE {
    ~TYPE()
    {
        nw_free($self->ITEM);
        free($self);
    }

    size_t count() { return $self->count; }

    /* A copy of one element. */
    ITEMTYPE *get(size_t index)
    {
        if (!nwb_in_range(index, $self->count, WHAT))
            return NULL;
        return nwb_copy(&$self->ITEM[index], sizeof(ITEMTYPE));
    }
}
%enddef

NWB_LIST(nwb_bridges, item, nw_bridge, "bridge")
NWB_LIST(nwb_touches, item, nw_touch, "tie")
NWB_LIST(nwb_timeline, item, nw_figures, "point")

%extend nwb_values {
    ~nwb_values() { nwb_values_free($self); }

    size_t count() { return $self->count; }

    double get(size_t index)
    {
        if (!nwb_in_range(index, $self->count, "value"))
            return 0.0;
        return $self->v[index];
    }
}

%extend nwb_ids {
    ~nwb_ids()
    {
        free($self->id);
        free($self);
    }

    size_t count() { return $self->count; }

    nw_id get(size_t index)
    {
        if (!nwb_in_range(index, $self->count, "identity"))
            return NW_ID_NONE;
        return $self->id[index];
    }
}

/* Records: copies the language owns (malloc'd by the binding). */
%extend nw_bridge { ~nw_bridge() { free($self); } }
%extend nw_touch { ~nw_touch() { free($self); } }
%extend nw_strength_terms { ~nw_strength_terms() { free($self); } }
%extend nw_pair_info { ~nw_pair_info() { free($self); } }

%extend nw_figures {
    ~nw_figures() { free($self); }

    /* The number of figures name_at() / value_at() know. */
    size_t count_fields()
    {
        (void)$self; /* the same for every record */
        return nw_figures_field_count();
    }

    /* The name of a figure, e.g. "density", by position. */
    const char *name_at(size_t index)
    {
        const char *name = NULL;
        double value = 0.0;
        nwb_check(nw_figures_field(&name, &value, $self, index));
        return name;
    }

    /* The value of a figure by position (a date as days since 1970-01-01,
     * a count or a flag as a whole number). */
    double value_at(size_t index)
    {
        const char *name = NULL;
        double value = 0.0;
        nwb_check(nw_figures_field(&name, &value, $self, index));
        return value;
    }
}

%newobject nwb_change::before;
%newobject nwb_change::after;
%newobject nwb_change::actors_joined;
%newobject nwb_change::actors_left;
%newobject nwb_change::ties_began;
%newobject nwb_change::ties_ended;

%extend nwb_change {
    ~nwb_change() { nw_free($self); } /* one block from the library */

    /* The figures of the earlier snapshot. */
    nw_figures *before() { return nwb_copy(&$self->before, sizeof $self->before); }
    /* The figures of the later snapshot. */
    nw_figures *after() { return nwb_copy(&$self->after, sizeof $self->after); }

    /* Actors in the later snapshot only, ascending. */
    nwb_ids *actors_joined() { return nwb_ids_copy($self->actors_joined, $self->actors_joined_count); }
    /* Actors in the earlier snapshot only, ascending. */
    nwb_ids *actors_left() { return nwb_ids_copy($self->actors_left, $self->actors_left_count); }
    /* Ties in the later snapshot only, ascending. */
    nwb_ids *ties_began() { return nwb_ids_copy($self->ties_began, $self->ties_began_count); }
    /* Ties in the earlier snapshot only (ended or removed), ascending. */
    nwb_ids *ties_ended() { return nwb_ids_copy($self->ties_ended, $self->ties_ended_count); }
}
