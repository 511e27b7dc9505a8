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
    nw_validate_options_init(&tmp);
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
