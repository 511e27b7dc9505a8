/*
 * records_python.i: the Python typemaps of the checklist, validation and
 * file parts (bindings/checklist.i, principles.i, io.i, options.i).
 * %included by netzwerk_python.i before the shared interface.
 *
 * - C records (catalogue entries, findings, principle results, progress,
 *   the default thresholds) become dicts keyed by the C field names; the
 *   package turns them into its classes. Identities of "nothing" are None.
 * - Options: a dict {name: value} (or None) onto the option struct; an
 *   unknown name is a TypeError like an unexpected keyword argument.
 * - Lists of item identities and texts the library made are copied into
 *   Python objects and freed with nw_free(), also when a later step fails.
 * - Texts in: str (as UTF-8) or a bytes-like object.
 * - A failed load gets the attributes line, column and where.
 */

%{
/* dict[key] = value, stealing value; -1 with an exception (also if value is NULL). */
static int nwb_py_set(PyObject *dict, const char *key, PyObject *value)
{
    int rc;
    if (!value)
        return -1;
    rc = PyDict_SetItemString(dict, key, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *nwb_py_str(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "strict");
}

/* An identity, None for NW_ID_NONE. */
static PyObject *nwb_py_id(nw_id id)
{
    if (id == NW_ID_NONE)
        Py_RETURN_NONE;
    return PyLong_FromUnsignedLong(id);
}

static PyObject *nwb_py_builtin(const nw_checklist_builtin *b)
{
    PyObject *d;
    if (!b)
        Py_RETURN_NONE;
    d = PyDict_New();
    if (!d || nwb_py_set(d, "code", nwb_py_str(b->code)) < 0
        || nwb_py_set(d, "form", PyLong_FromLong(b->form)) < 0
        || nwb_py_set(d, "essential", PyBool_FromLong(b->essential)) < 0
        || nwb_py_set(d, "review", PyBool_FromLong(b->review)) < 0
        || nwb_py_set(d, "per_partner", PyBool_FromLong(b->per_partner)) < 0
        || nwb_py_set(d, "label_de", nwb_py_str(b->label_de)) < 0
        || nwb_py_set(d, "label_en", nwb_py_str(b->label_en)) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *nwb_py_rule(const nw_rule *r)
{
    PyObject *d;
    if (!r)
        Py_RETURN_NONE;
    d = PyDict_New();
    if (!d || nwb_py_set(d, "code", nwb_py_str(r->code)) < 0
        || nwb_py_set(d, "principle", PyLong_FromLong(r->principle)) < 0
        || nwb_py_set(d, "severity", PyLong_FromLong(r->severity)) < 0
        || nwb_py_set(d, "subject", PyLong_FromLong(r->subject)) < 0
        || nwb_py_set(d, "title_de", nwb_py_str(r->title_de)) < 0
        || nwb_py_set(d, "title_en", nwb_py_str(r->title_en)) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *nwb_py_finding(const nw_finding *f)
{
    PyObject *d;
    if (!f)
        Py_RETURN_NONE;
    d = PyDict_New();
    if (!d || nwb_py_set(d, "rule", nwb_py_str(f->rule)) < 0
        || nwb_py_set(d, "principle", PyLong_FromLong(f->principle)) < 0
        || nwb_py_set(d, "severity", PyLong_FromLong(f->severity)) < 0
        || nwb_py_set(d, "subject", PyLong_FromLong(f->subject)) < 0
        || nwb_py_set(d, "actor_id", nwb_py_id(f->actor)) < 0
        || nwb_py_set(d, "tie_id", nwb_py_id(f->tie)) < 0
        || nwb_py_set(d, "item_id", nwb_py_id(f->item)) < 0
        || nwb_py_set(d, "message_de", nwb_py_str(f->message_de)) < 0
        || nwb_py_set(d, "message_en", nwb_py_str(f->message_en)) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *nwb_py_principle_result(const nw_principle_result *r)
{
    PyObject *d;
    if (!r)
        Py_RETURN_NONE;
    d = PyDict_New();
    if (!d || nwb_py_set(d, "principle", PyLong_FromLong(r->principle)) < 0
        || nwb_py_set(d, "status", PyLong_FromLong(r->status)) < 0
        || nwb_py_set(d, "checks", PyLong_FromSize_t(r->checks)) < 0
        || nwb_py_set(d, "infos", PyLong_FromSize_t(r->infos)) < 0
        || nwb_py_set(d, "warnings", PyLong_FromSize_t(r->warnings)) < 0
        || nwb_py_set(d, "violations", PyLong_FromSize_t(r->violations)) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *nwb_py_progress(const nwb_progress *p)
{
    PyObject *d = PyDict_New();
    if (!d || nwb_py_set(d, "done", PyLong_FromSize_t(p->done)) < 0
        || nwb_py_set(d, "agreed", PyLong_FromSize_t(p->agreed)) < 0
        || nwb_py_set(d, "applicable", PyLong_FromSize_t(p->applicable)) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

/* The thresholds by name (the INT entries of the table). */
static PyObject *nwb_py_validate_options(const nw_validate_options *opts)
{
    const nwb_option *o;
    PyObject *d = PyDict_New();
    for (o = nwb_validate_option_table; d && o->name; o++) {
        int v = *(const int *)(const void *)((const char *)opts + o->offset);
        if (nwb_py_set(d, o->name, PyLong_FromLong(v)) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* A list of identities. */
static PyObject *nwb_py_ids(const nw_id *ids, size_t count)
{
    PyObject *list = PyList_New((Py_ssize_t)count);
    size_t i;
    for (i = 0; list && i < count; i++) {
        PyObject *id = PyLong_FromUnsignedLong(ids[i]);
        if (!id) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, id);
    }
    return list;
}

/* A dict of options (None: none) onto an option struct that holds the
 * defaults; 0, or -1 with an exception set. */
static int nwb_py_options(PyObject *obj, const nwb_option *table, const char *what,
                          void *target)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    if (obj == Py_None)
        return 0;
    if (!PyDict_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s: expected a dict of options, not %s", what,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    while (PyDict_Next(obj, &pos, &key, &value)) {
        const nwb_option *o;
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        if (!name) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "%s: option names are str", what);
            return -1;
        }
        o = nwb_option_find(table, name);
        if (!o) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%s'", what,
                         name);
            return -1;
        }
        if (value == Py_None)
            continue; /* the default */
        if (o->kind == NWB_OPT_DATE) {
            nw_date d;
            if (nwb_py_to_date(value, &d) < 0)
                return -1;
            nwb_option_set_date(o, target, d);
        } else if (o->kind == NWB_OPT_FLAG) {
            if (!PyBool_Check(value)) {
                PyErr_Format(PyExc_TypeError, "%s: option %s expects a bool, not %s", what,
                             name, Py_TYPE(value)->tp_name);
                return -1;
            }
            nwb_option_set_flag(o, target, value == Py_True);
        } else if (nwb_option_textual(o) && PyUnicode_Check(value)) {
            const char *s;
            if (nwb_py_to_text(value, &s, 0) < 0)
                return -1;
            if (nwb_option_set_text(o, target, s) < 0) {
                nwb_py_raise();
                return -1;
            }
        } else if (nwb_option_numeric(o) && PyLong_Check(value) && !PyBool_Check(value)) {
            int overflow = 0;
            long long v = PyLong_AsLongLongAndOverflow(value, &overflow);
            if (v == -1 && PyErr_Occurred())
                return -1;
            if (overflow) {
                nwb_py_fail(NW_EINVAL, "option value is out of range");
                return -1;
            }
            if (nwb_option_set_number(o, target, v) < 0) {
                nwb_py_raise();
                return -1;
            }
        } else {
            PyErr_Format(PyExc_TypeError, "%s: option %s expects %s, not %s", what, name,
                         nwb_option_numeric(o) ? "an int" : "a str", Py_TYPE(value)->tp_name);
            return -1;
        }
    }
    return 0;
}

/* A text in: None (NULL), str (UTF-8) or a bytes-like object (held in
 * view until released); 0 or -1 with an exception. */
static int nwb_py_to_buffer(PyObject *obj, Py_buffer *view, int *have_view, const void **data,
                            size_t *len, int argnum)
{
    if (obj == Py_None) {
        *data = NULL;
        *len = 0;
        return 0;
    }
    if (PyUnicode_Check(obj)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
        if (!s)
            return -1;
        *data = s;
        *len = (size_t)n;
        return 0;
    }
    if (PyObject_CheckBuffer(obj)) {
        if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0)
            return -1;
        *have_view = 1;
        *data = view->buf;
        *len = (size_t)view->len;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "argument %d: expected str or bytes, not %s", argnum,
                 Py_TYPE(obj)->tp_name);
    return -1;
}

/* A text the library made, as str, or NULL with an exception. */
static PyObject *nwb_py_owned_text(const char *text, size_t len)
{
    if (!text)
        return PyUnicode_FromStringAndSize("", 0);
    return PyUnicode_DecodeUTF8(text, (Py_ssize_t)len, "strict");
}

/* Give the pending exception of a failed load its position. */
static void nwb_py_add_position(void)
{
    PyObject *type, *value, *tb;
    if (!PyErr_Occurred())
        return;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value && nwb_load_pos.code != 0) {
        PyObject *line = nwb_load_pos.line ? PyLong_FromSize_t(nwb_load_pos.line)
                                           : (Py_INCREF(Py_None), Py_None);
        PyObject *column = nwb_load_pos.column ? PyLong_FromSize_t(nwb_load_pos.column)
                                               : (Py_INCREF(Py_None), Py_None);
        PyObject *where = nwb_load_pos.where[0] ? nwb_py_str(nwb_load_pos.where)
                                                : (Py_INCREF(Py_None), Py_None);
        if (!line || !column || !where || PyObject_SetAttrString(value, "line", line) < 0
            || PyObject_SetAttrString(value, "column", column) < 0
            || PyObject_SetAttrString(value, "where", where) < 0)
            PyErr_Clear(); /* the error itself matters more than its position */
        Py_XDECREF(line);
        Py_XDECREF(column);
        Py_XDECREF(where);
    }
    PyErr_Restore(type, value, tb);
}

#define NWB_RAISE_POSITION() nwb_py_add_position()
%}

/* ---- records out ---------------------------------------------------------- */

%typemap(out) const nw_checklist_builtin * {
    $result = nwb_py_builtin($1);
    if (!$result)
        SWIG_fail;
}
%typemap(out) const nw_rule * {
    $result = nwb_py_rule($1);
    if (!$result)
        SWIG_fail;
}
%typemap(out) const nw_finding * {
    $result = nwb_py_finding($1);
    if (!$result)
        SWIG_fail;
}
%typemap(out) const nw_principle_result * {
    $result = nwb_py_principle_result($1);
    if (!$result)
        SWIG_fail;
}
%typemap(out) nwb_progress {
    $result = nwb_py_progress(&$1);
    if (!$result)
        SWIG_fail;
}
%typemap(out) nw_validate_options {
    $result = nwb_py_validate_options(&$1);
    if (!$result)
        SWIG_fail;
}

/* ---- options in ------------------------------------------------------------ */

%typemap(in) const nw_validate_options *opts (nw_validate_options tmp) {
    nw_validate_options_init(&tmp, NW_VALIDATE_OPTIONS_VERSION);
    if (nwb_py_options($input, nwb_validate_option_table, "validate", &tmp) < 0)
        SWIG_fail;
    $1 = &tmp;
}
%typemap(in) const nw_load_options *opts (nw_load_options tmp) {
    tmp = nwb_load_options(NULL);
    if (nwb_py_options($input, nwb_load_option_table, "load", &tmp) < 0)
        SWIG_fail;
    $1 = &tmp;
}
%typemap(in) const nw_save_options *opts (nw_save_options tmp) {
    {
        static const nw_save_options defaults = NW_SAVE_OPTIONS_INIT;
        tmp = defaults;
    }
    if (nwb_py_options($input, nwb_save_option_table, "save", &tmp) < 0)
        SWIG_fail;
    $1 = &tmp;
}

/* ---- several results: a bool, lists of identities, texts --------------------- */

%typemap(in, numinputs=0) bool *OUT (bool tmp = false) "$1 = &tmp;"
%typemap(argout) bool *OUT {
    $result = nwb_py_output($result, PyBool_FromLong(*$1), 1);
    if (!$result)
        SWIG_fail;
}

%typemap(in, numinputs=0) (nw_id **IDS, size_t *COUNT) (nw_id *ids = NULL, size_t n = 0),
                          (nw_id **IDS2, size_t *COUNT2) (nw_id *ids = NULL, size_t n = 0) {
    $1 = &ids;
    $2 = &n;
}
%typemap(argout) (nw_id **IDS, size_t *COUNT) {
    PyObject *list = nwb_py_ids(*$1, *$2);
    if (!list)
        SWIG_fail;
    Py_DECREF($result);
    $result = list;
}
%typemap(argout) (nw_id **IDS2, size_t *COUNT2) {
    $result = nwb_py_output($result, nwb_py_ids(*$1, *$2), 0);
    if (!$result)
        SWIG_fail;
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
%typemap(argout) (char **TEXT, size_t *LEN) {
    PyObject *s = nwb_py_owned_text(*$1, *$2);
    if (!s)
        SWIG_fail;
    Py_DECREF($result);
    $result = s;
}
%typemap(argout) (char **TEXT1, size_t *LEN1) {
    $result = nwb_py_output($result, nwb_py_owned_text(*$1, *$2), 1);
    if (!$result)
        SWIG_fail;
}
%typemap(argout) (char **TEXT2, size_t *LEN2) {
    $result = nwb_py_output($result, nwb_py_owned_text(*$1, *$2), 0);
    if (!$result)
        SWIG_fail;
}
%typemap(freearg) (char **TEXT, size_t *LEN), (char **TEXT1, size_t *LEN1),
                  (char **TEXT2, size_t *LEN2) {
    if ($1)
        nw_free(*$1);
}

/* ---- texts in ---------------------------------------------------------------- */

%typemap(in) (const void *BUF, size_t LEN) (Py_buffer view, int have_view = 0),
             (const void *BUF2, size_t LEN2) (Py_buffer view, int have_view = 0) {
    if (nwb_py_to_buffer($input, &view, &have_view, (const void **)&$1, &$2, $argnum) < 0)
        SWIG_fail;
}
%typemap(freearg) (const void *BUF, size_t LEN), (const void *BUF2, size_t LEN2) {
    if (have_view$argnum)
        PyBuffer_Release(&view$argnum);
}

/* ---- analysis options (bindings/analysis.i) ------------------------------------ */

%{
/* A dict of snapshot options (None: the defaults) onto the defaults; 0, or
 * -1 with an exception (an unknown name is a TypeError, as for keywords). */
static int nwb_py_snapshot_options(PyObject *obj, nw_snapshot_options *opts)
{
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    if (nwb_check(nw_snapshot_options_init(opts, NW_SNAPSHOT_OPTIONS_VERSION)) < 0) {
        nwb_py_raise();
        return -1;
    }
    if (obj == Py_None)
        return 0;
    if (!PyDict_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "snapshot: expected a dict of options, not %s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    while (PyDict_Next(obj, &pos, &key, &value)) {
        const nwb_sopt *o;
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        double v;
        int is_int;
        if (!name) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "snapshot: option names are str");
            return -1;
        }
        o = nwb_sopt_find(name);
        if (!o) {
            PyErr_Format(PyExc_TypeError, "snapshot() got an unexpected keyword argument '%s'",
                         name);
            return -1;
        }
        if (value == Py_None)
            continue; /* the default */
        /* Integers: int or anything with __index__ (numpy's too), never a bool. */
        is_int = !PyBool_Check(value) && PyIndex_Check(value);
        if (nwb_sopt_is_bool(o) ? !PyBool_Check(value)
            : nwb_sopt_is_integer(o) ? !is_int
            : !is_int && !PyFloat_Check(value)) {
            PyErr_Format(PyExc_TypeError, "snapshot: option %s expects %s, not %s", name,
                         nwb_sopt_is_bool(o) ? "a bool"
                         : nwb_sopt_is_integer(o) ? "an int" : "a number",
                         Py_TYPE(value)->tp_name);
            return -1;
        }
        if (is_int) {
            PyObject *number = PyNumber_Index(value);
            v = number ? PyLong_AsDouble(number) : -1.0;
            Py_XDECREF(number);
        } else {
            v = PyFloat_AsDouble(value);
        }
        if (v == -1.0 && PyErr_Occurred())
            return -1;
        if (nwb_sopt_set(opts, o, v) < 0) {
            nwb_py_raise();
            return -1;
        }
    }
    return 0;
}
%}

%typemap(in) const nw_snapshot_options *opts (nw_snapshot_options tmp) {
    if (nwb_py_snapshot_options($input, &tmp) < 0)
        SWIG_fail;
    $1 = &tmp;
}

/* ---- the bulk load (bindings/bulk.i) ---------------------------------------------
 * Pairs: a sequence of (a, b) pairs, each an actor identity (an int or
 * anything with __index__, never a bool), a low-level Actor or an object
 * whose _h is one (the package's Actor); or a buffer of integers of shape
 * (n, 2) (a numpy array), read without a loop in Python, and without a
 * copy when it is C-contiguous uint32. Wrong types are TypeErrors, values
 * that are no identity (negative, above 2**32 - 1) and pairs of another
 * length InvalidArgumentErrors, each naming the place. */

%{
/* What the converted pairs borrow from Python until the call is over. */
typedef struct nwb_py_pairs_hold {
    PyObject *seq;   /* the pairs as a fast sequence (keeps the Actors alive) */
    PyObject *keep;  /* pairs made by PySequence_Fast from other sequences */
    Py_buffer view;
    int have_view;
    int own_ids;     /* ids is PyMem memory, not the buffer's */
} nwb_py_pairs_hold;

static void nwb_py_pairs_release(nwb_pairs *p, nwb_py_pairs_hold *h)
{
    if (h->own_ids)
        PyMem_Free(p->ids);
    PyMem_Free(p->actors);
    if (h->have_view)
        PyBuffer_Release(&h->view);
    Py_XDECREF(h->seq);
    Py_XDECREF(h->keep);
    p->ids = NULL;
    p->actors = NULL;
    h->own_ids = h->have_view = 0;
    h->seq = h->keep = NULL;
}

/* Fail with an error of code at place k of the pairs; returns -1. */
static int nwb_py_pairs_fail(int code, const nwb_pairs *p, size_t k, const char *what)
{
    char place[64];
    nwb_place(place, sizeof place, "pairs", p->nested, k);
    nwb_fail(code, "%s: %s", place, what);
    nwb_py_raise();
    return -1;
}

static int nwb_py_pairs_type_error(const nwb_pairs *p, size_t k, const char *expected,
                                   PyObject *got)
{
    char place[64];
    nwb_place(place, sizeof place, "pairs", p->nested, k);
    PyErr_Format(PyExc_TypeError, "%s: expected %s, not %s", place, expected,
                 Py_TYPE(got)->tp_name);
    return -1;
}

/* An identity read from an integer: 0, or -1 with an exception. */
static int nwb_py_pairs_value(nwb_pairs *p, size_t k, long long v, int overflow)
{
    if (overflow || v < 0 || v > (long long)UINT32_MAX)
        return nwb_py_pairs_fail(NW_EINVAL, p, k, "not an actor identity (0 to 2**32 - 1)");
    p->ids[k] = (nw_id)v;
    return 0;
}

/* Place k from one Python object; 0, or -1 with an exception. */
static int nwb_py_pairs_item(PyObject *item, nwb_pairs *p, size_t k)
{
    void *ptr = NULL;
    PyObject *h;
    int overflow = 0;
    long long v;
    if (PyLong_Check(item) && !PyBool_Check(item)) {
        v = PyLong_AsLongLongAndOverflow(item, &overflow);
        if (v == -1 && PyErr_Occurred())
            return -1;
        return nwb_py_pairs_value(p, k, v, overflow);
    }
    if (PyIndex_Check(item) && !PyBool_Check(item)) { /* numpy's integers */
        PyObject *number = PyNumber_Index(item);
        if (!number)
            return -1;
        v = PyLong_AsLongLongAndOverflow(number, &overflow);
        Py_DECREF(number);
        if (v == -1 && PyErr_Occurred())
            return -1;
        return nwb_py_pairs_value(p, k, v, overflow);
    }
    if (!SWIG_IsOK(SWIG_ConvertPtr(item, &ptr, SWIGTYPE_p_nwb_actor, 0)) || !ptr) {
        /* the package's Actor holds the low-level one in _h */
        ptr = NULL;
        h = PyObject_GetAttrString(item, "_h");
        if (!h)
            PyErr_Clear();
        else if (!SWIG_IsOK(SWIG_ConvertPtr(h, &ptr, SWIGTYPE_p_nwb_actor, 0)))
            ptr = NULL;
        Py_XDECREF(h); /* item keeps it alive */
        if (!ptr)
            return nwb_py_pairs_type_error(p, k, "an actor identity (int) or an Actor", item);
    }
    if (!p->actors) {
        p->actors = PyMem_Calloc(2 * p->n, sizeof *p->actors);
        if (!p->actors) {
            PyErr_NoMemory();
            return -1;
        }
    }
    if (nwb_check(nw_actor_id(&p->ids[k], (nw_actor *)ptr)) < 0) {
        nwb_py_raise();
        return -1;
    }
    p->actors[k] = (nwb_actor *)ptr;
    return 0;
}

/* Pairs from a buffer of integers of shape (n, 2); 0, or -1 with an exception. */
static int nwb_py_pairs_buffer(PyObject *obj, nwb_pairs *p, nwb_py_pairs_hold *h)
{
    Py_buffer *view = &h->view;
    const char *format;
    char code;
    int is_signed;
    size_t i, j;
    if (PyObject_GetBuffer(obj, view, PyBUF_RECORDS_RO) < 0)
        return -1;
    h->have_view = 1;
    format = view->format ? view->format : "B";
    if (*format == '@' || *format == '=' || (*format == '<' && PY_LITTLE_ENDIAN))
        format++;
    code = format[0];
    if (!code || format[1] || !strchr("bhilqnBHILQN", code)) {
        PyErr_Format(PyExc_TypeError, "pairs: expected an array of integers in native byte "
                                      "order, not format '%s'", view->format ? view->format : "B");
        return -1;
    }
    if (view->ndim != 2 || view->shape[1] != 2) {
        if (view->ndim == 2)
            nwb_fail(NW_EINVAL, "pairs: expected an array of shape (n, 2), not (%zd, %zd)",
                     view->shape[0], view->shape[1]);
        else
            nwb_fail(NW_EINVAL, "pairs: expected an array of shape (n, 2), not one of %d "
                     "dimension(s)", view->ndim);
        nwb_py_raise();
        return -1;
    }
    p->n = (size_t)view->shape[0];
    p->nested = true;
    if (p->n > (size_t)PY_SSIZE_T_MAX / (2 * sizeof *p->ids)) {
        PyErr_NoMemory();
        return -1;
    }
    if ((code == 'I' || code == 'L') && view->itemsize == sizeof(nw_id)
        && PyBuffer_IsContiguous(view, 'C')) {
        p->ids = view->buf; /* already what the library reads */
        return 0;
    }
    p->ids = PyMem_Malloc((p->n > 0 ? 2 * p->n : 1) * sizeof *p->ids);
    if (!p->ids) {
        PyErr_NoMemory();
        return -1;
    }
    h->own_ids = 1;
    is_signed = code >= 'a'; /* b h i l q n: signed */
    for (i = 0; i < p->n; i++)
        for (j = 0; j < 2; j++) {
            const char *at = (const char *)view->buf + (Py_ssize_t)i * view->strides[0]
                             + (Py_ssize_t)j * view->strides[1];
            long long v = 0;
            int overflow = 0;
            switch (view->itemsize) {
            case 1: v = is_signed ? *(const int8_t *)at : *(const uint8_t *)at; break;
            case 2: { int16_t s; uint16_t u; memcpy(&s, at, 2); memcpy(&u, at, 2);
                      v = is_signed ? s : u; break; }
            case 4: { int32_t s; uint32_t u; memcpy(&s, at, 4); memcpy(&u, at, 4);
                      v = is_signed ? s : (long long)u; break; }
            case 8: { int64_t s; uint64_t u; memcpy(&s, at, 8); memcpy(&u, at, 8);
                      if (is_signed) v = s; else if (u > UINT32_MAX) overflow = 1; else v = (long long)u;
                      break; }
            default:
                PyErr_Format(PyExc_TypeError, "pairs: integers of %zd bytes are not supported",
                             view->itemsize);
                return -1;
            }
            if (nwb_py_pairs_value(p, 2 * i + j, v, overflow) < 0)
                return -1;
        }
    return 0;
}

/* The pairs of a bulk load; 0, or -1 with an exception (nwb_py_pairs_release
 * frees what was taken in both cases). */
static int nwb_py_pairs(PyObject *obj, nwb_pairs *p, nwb_py_pairs_hold *h)
{
    Py_ssize_t i, n;
    memset(p, 0, sizeof *p);
    memset(h, 0, sizeof *h);
    if (PyObject_CheckBuffer(obj) && !PyBytes_Check(obj) && !PyByteArray_Check(obj))
        return nwb_py_pairs_buffer(obj, p, h);
    if (PyUnicode_Check(obj) || PyBytes_Check(obj) || PyByteArray_Check(obj)
        || !(h->seq = PySequence_Fast(obj, ""))) {
        PyErr_Format(PyExc_TypeError, "pairs: expected a sequence of (a, b) pairs or an array "
                                      "of shape (n, 2), not %s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    n = PySequence_Fast_GET_SIZE(h->seq);
    p->n = (size_t)n;
    p->nested = true;
    if (p->n > (size_t)PY_SSIZE_T_MAX / (2 * sizeof *p->ids)) {
        PyErr_NoMemory();
        return -1;
    }
    p->ids = PyMem_Malloc((n > 0 ? 2 * (size_t)n : 1) * sizeof *p->ids);
    if (!p->ids) {
        PyErr_NoMemory();
        return -1;
    }
    h->own_ids = 1;
    for (i = 0; i < n; i++) {
        PyObject *pair = PySequence_Fast_GET_ITEM(h->seq, i), *fast;
        size_t k = 2 * (size_t)i;
        if (PyTuple_Check(pair) || PyList_Check(pair)) {
            fast = pair; /* alive as long as seq */
        } else if (PyUnicode_Check(pair) || PyBytes_Check(pair) || !PySequence_Check(pair)
                   || !(fast = PySequence_Fast(pair, ""))) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "pairs[%zd]: expected a pair (a, b), not %s", i,
                         Py_TYPE(pair)->tp_name);
            return -1;
        } else { /* a new list: keep it (and what it holds) until the call is over */
            if (!h->keep && !(h->keep = PyList_New(0))) {
                Py_DECREF(fast);
                return -1;
            }
            if (PyList_Append(h->keep, fast) < 0) {
                Py_DECREF(fast);
                return -1;
            }
            Py_DECREF(fast);
        }
        if (PySequence_Fast_GET_SIZE(fast) != 2) {
            nwb_fail(NW_EINVAL, "pairs[%zd]: a pair has 2 actors, not %zd", i,
                     PySequence_Fast_GET_SIZE(fast));
            nwb_py_raise();
            return -1;
        }
        if (nwb_py_pairs_item(PySequence_Fast_GET_ITEM(fast, 0), p, k) < 0
            || nwb_py_pairs_item(PySequence_Fast_GET_ITEM(fast, 1), p, k + 1) < 0)
            return -1;
    }
    return 0;
}

/* A count of things to make room for: an int >= 0; 0, or -1 with an exception. */
static int nwb_py_count(PyObject *obj, size_t *out, const char *what)
{
    PyObject *number;
    int overflow = 0;
    long long v;
    if (PyBool_Check(obj) || !PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s: expected an int, not %s", what,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (!(number = PyNumber_Index(obj)))
        return -1;
    v = PyLong_AsLongLongAndOverflow(number, &overflow);
    Py_DECREF(number);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow < 0 || (!overflow && v < 0)) {
        nwb_fail(NW_EINVAL, "%s: a count is not negative", what);
        nwb_py_raise();
        return -1;
    }
    if (overflow > 0 || (unsigned long long)v > SIZE_MAX) {
        nwb_fail(NW_ELIMIT, "%s: more than identities can number", what);
        nwb_py_raise();
        return -1;
    }
    *out = (size_t)v;
    return 0;
}
%}

%typemap(in) const nwb_pairs *pairs (nwb_pairs tmp, nwb_py_pairs_hold hold, int held = 0) {
    held = 1;
    if (nwb_py_pairs($input, &tmp, &hold) < 0)
        SWIG_fail;
    $1 = &tmp;
}
%typemap(freearg) const nwb_pairs *pairs {
    if (held$argnum)
        nwb_py_pairs_release(&tmp$argnum, &hold$argnum);
}

%typemap(in) size_t actors, size_t ties {
    if (nwb_py_count($input, &$1, "$1_name") < 0)
        SWIG_fail;
}

/* The new identities: range(first, first + count). */
%typemap(out) nwb_id_range {
    if ($1.count == 0)
        $result = PyObject_CallFunction((PyObject *)&PyRange_Type, "i", 0);
    else
        $result = PyObject_CallFunction((PyObject *)&PyRange_Type, "KK",
                                        (unsigned long long)$1.first,
                                        (unsigned long long)$1.first + $1.count);
    if (!$result)
        SWIG_fail;
}

/* Names of a bulk load of actors: a sequence of str (kept, with their
 * UTF-8, until the call is over); a NUL character is an invalid argument. */
%{
static int nwb_py_names(PyObject *obj, nwb_names *p, PyObject **seq)
{
    Py_ssize_t i, n;
    memset(p, 0, sizeof *p);
    if (PyUnicode_Check(obj) || PyBytes_Check(obj) || !(*seq = PySequence_Fast(obj, ""))) {
        PyErr_Format(PyExc_TypeError, "names: expected a sequence of str, not %s",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    n = PySequence_Fast_GET_SIZE(*seq);
    p->v = PyMem_Calloc(n > 0 ? (size_t)n : 1, sizeof *p->v);
    if (!p->v) {
        PyErr_NoMemory();
        return -1;
    }
    p->n = (size_t)n;
    for (i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(*seq, i);
        Py_ssize_t len;
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "names[%zd]: expected str, not %s", i,
                         Py_TYPE(item)->tp_name);
            return -1;
        }
        if (!(p->v[i] = PyUnicode_AsUTF8AndSize(item, &len)))
            return -1;
        if ((size_t)len != strlen(p->v[i])) {
            nwb_fail(NW_EINVAL, "names[%zd]: text contains a NUL character", i);
            nwb_py_raise();
            return -1;
        }
    }
    return 0;
}
%}

%typemap(in) const nwb_names *names (nwb_names tmp, PyObject *seq = NULL, int held = 0) {
    held = 1;
    if (nwb_py_names($input, &tmp, &seq) < 0)
        SWIG_fail;
    $1 = &tmp;
}
%typemap(freearg) const nwb_names *names {
    if (held$argnum)
        PyMem_Free((void *)tmp$argnum.v);
    Py_XDECREF(seq$argnum);
}
