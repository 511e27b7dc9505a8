/*
 * io.i: loading and saving networks (netzwerk/io.h). Part of netzwerk.i.
 *
 * Loading makes a new Network object that owns its network. A failed load
 * raises with the library's message and, where the library knows it, the
 * position in the input (nw_load_error): NWB_RAISE_POSITION(), the
 * language's, adds line, column and where (a JSON path, a CSV place or a
 * GraphML element) to the error.
 *
 * Arguments and results that the language parts convert
 * (python/records_python.i, lua/records_lua.i):
 * - `const nw_load_options *opts`, `const nw_save_options *opts`: a dict /
 *   table of options by name (options.i), nothing for the defaults;
 * - `(const void *BUF, size_t LEN)`: the text of a file (BUF2/LEN2 may be
 *   nothing);
 * - `(char **TEXT, size_t *LEN)`: a text the library made, freed with
 *   nw_free() (TEXT1/LEN1 and TEXT2/LEN2 for two).
 */

%runtime %{
/* Where the last load of this thread failed (filled by the library). */
static _Thread_local nw_load_error nwb_load_pos;

/* The caller's load options (or the defaults), reporting into nwb_load_pos. */
static nw_load_options nwb_load_options(const nw_load_options *opts)
{
    static const nw_load_options defaults = NW_LOAD_OPTIONS_INIT;
    nw_load_options o = opts ? *opts : defaults;
    o.error = &nwb_load_pos;
    return o;
}

/* A new binding object that owns a loaded network (freed on failure). */
static nwb_network *nwb_network_adopt(nw_network *net)
{
    nwb_network *self;
    if (!net)
        return NULL;
    self = calloc(1, sizeof *self);
    if (!self) {
        nw_network_free(net);
        nwb_fail(NW_ENOMEM, "out of memory");
        return NULL;
    }
    self->net = net;
    self->owned = true;
    return self;
}
%}

/* The enums (FORMAT_AUTO, FORMAT_NATIVE, FORMAT_GRAPHML) and no C struct
 * as a class. */
%ignore nw_load_error;
%ignore nw_load_options;
%ignore nw_save_options;
%include "netzwerk/io.h"

/* The version of the native format this library writes. */
%constant int FORMAT_VERSION = NW_FORMAT_VERSION;

/* A load failure carries its position. */
%define NWB_LOAD_EXCEPTION(NAME)
%exception NAME {
    nwb_err.code = 0;
    memset(&nwb_load_pos, 0, sizeof nwb_load_pos);
    $action
    if (nwb_err.code < 0) {
        NWB_RAISE();
        NWB_RAISE_POSITION();
        SWIG_fail;
    }
}
%enddef
NWB_LOAD_EXCEPTION(nwb_load)
NWB_LOAD_EXCEPTION(nwb_load_buffer)
NWB_LOAD_EXCEPTION(nwb_load_csv)
NWB_LOAD_EXCEPTION(nwb_load_csv_buffer)

/* ---- loading: module functions -------------------------------------------- */

%rename(load) nwb_load;
%rename(load_buffer) nwb_load_buffer;
%rename(load_csv) nwb_load_csv;
%rename(load_csv_buffer) nwb_load_csv_buffer;
%newobject nwb_load;
%newobject nwb_load_buffer;
%newobject nwb_load_csv;
%newobject nwb_load_csv_buffer;
%feature("compactdefaultargs") nwb_load;
%feature("compactdefaultargs") nwb_load_buffer;
%feature("compactdefaultargs") nwb_load_csv;
%feature("compactdefaultargs") nwb_load_csv_buffer;

%{
static nwb_network *nwb_load(const char *path, const nw_load_options *opts)
{
    nw_load_options o = nwb_load_options(opts);
    nw_network *net = NULL;
    nwb_check(nw_network_load(&net, path, &o));
    return nwb_network_adopt(net);
}

static nwb_network *nwb_load_buffer(const void *BUF, size_t LEN, const nw_load_options *opts)
{
    nw_load_options o = nwb_load_options(opts);
    nw_network *net = NULL;
    nwb_check(nw_network_load_buffer(&net, BUF, LEN, &o));
    return nwb_network_adopt(net);
}

static nwb_network *nwb_load_csv(const char *actors_path, const char *ties_path,
                                 const nw_load_options *opts)
{
    nw_load_options o = nwb_load_options(opts);
    nw_network *net = NULL;
    nwb_check(nw_network_load_csv(&net, actors_path, ties_path, &o));
    return nwb_network_adopt(net);
}

static nwb_network *nwb_load_csv_buffer(const void *BUF, size_t LEN, const void *BUF2,
                                        size_t LEN2, const nw_load_options *opts)
{
    nw_load_options o = nwb_load_options(opts);
    nw_network *net = NULL;
    nwb_check(nw_network_load_csv_buffer(&net, BUF, LEN, BUF2, LEN2, &o));
    return nwb_network_adopt(net);
}
%}

/* Load a network from a file (native or GraphML). */
nwb_network *nwb_load(const char *path, const nw_load_options *opts = NULL);
/* Load a network from the text of a file (native or GraphML). */
nwb_network *nwb_load_buffer(const void *BUF, size_t LEN, const nw_load_options *opts = NULL);
/* Load a network from actors.csv and, optionally (nothing), ties.csv. */
nwb_network *nwb_load_csv(const char *actors_path, const char *ties_path = NULL,
                          const nw_load_options *opts = NULL);
/* Load a network from the texts of actors.csv and, optionally (nothing), ties.csv. */
nwb_network *nwb_load_csv_buffer(const void *BUF, size_t LEN, const void *BUF2, size_t LEN2,
                                 const nw_load_options *opts = NULL);

/* ---- saving: Network methods ------------------------------------------------ */

%feature("compactdefaultargs") save;
%feature("compactdefaultargs") save_buffer;
%feature("compactdefaultargs") save_csv;
%feature("compactdefaultargs") save_csv_buffer;

%extend nwb_network {
    /* Save the network to a file (native or GraphML), atomically. */
    void save(const char *path, const nw_save_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_save(net, path, opts));
    }

    /* The network as the text of a file (native unless opts say GraphML). */
    void save_buffer(char **TEXT, size_t *LEN, const nw_save_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_save_buffer(TEXT, LEN, net, opts));
    }

    /* Save the network as actors.csv and, optionally, ties.csv. */
    void save_csv(const char *actors_path, const char *ties_path = NULL,
                  const nw_save_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_save_csv(net, actors_path, ties_path, opts));
    }

    /* The network as the texts of actors.csv and ties.csv. */
    void save_csv_buffer(char **TEXT1, size_t *LEN1, char **TEXT2, size_t *LEN2,
                         const nw_save_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_save_csv_buffer(TEXT1, LEN1, TEXT2, LEN2, net, opts));
    }
}
