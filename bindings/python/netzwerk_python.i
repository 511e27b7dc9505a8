/*
 * netzwerk_python.i: the Python module netzwerk._core, the low-level layer
 * under the pure-Python package netzwerk (bindings/python/netzwerk/).
 *
 * Built with -builtin: the classes are C types without a Python proxy, so
 * a method call costs one C call. Users see the classes of the package,
 * which wrap these one to one and add properties, enums, views and docs.
 *
 * Python typemaps:
 * - errors: NWB_RAISE() raises the class the package registered for the
 *   code with _set_error_classes() (the one for NW_ERROR for an unknown
 *   code; RuntimeError before registration), with the library's message and
 *   the code as attribute `code`;
 * - dates: datetime.date or an ISO string "YYYY-MM-DD" in, datetime.date
 *   out; None for "no date" both ways;
 * - text: str only (None means NULL), as UTF-8; a NUL character is an
 *   invalid argument instead of silently cutting the text;
 * - *OUT parameters: the results of a call with several, as a tuple.
 */

%module(package="netzwerk") core

%begin %{
#define PY_SSIZE_T_CLEAN
%}

%{
#include <datetime.h>

/* code (int) -> exception class; registered by netzwerk/errors.py. */
static PyObject *nwb_py_error_classes;

/* Raise the failure recorded in nwb_err. */
static void nwb_py_raise(void)
{
    const char *text = nwb_errmsg();
    PyObject *msg = PyUnicode_DecodeUTF8(text, (Py_ssize_t)strlen(text), "replace");
    PyObject *code = PyLong_FromLong(nwb_err.code);
    PyObject *cls = NULL, *exc = NULL;

    if (msg && code && nwb_py_error_classes) {
        cls = PyDict_GetItemWithError(nwb_py_error_classes, code);
        if (!cls && !PyErr_Occurred()) { /* a code newer than the package: its base class */
            PyObject *base = PyLong_FromLong(NW_ERROR);
            if (base)
                cls = PyDict_GetItemWithError(nwb_py_error_classes, base);
            Py_XDECREF(base);
        }
    }
    if (msg && code && !cls && !PyErr_Occurred())
        cls = PyExc_RuntimeError;
    if (cls)
        exc = PyObject_CallFunctionObjArgs(cls, msg, NULL);
    if (exc) {
        if (PyObject_SetAttrString(exc, "code", code) < 0)
            PyErr_Clear();
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    Py_XDECREF(msg);
    Py_XDECREF(code);
}

#define NWB_RAISE() nwb_py_raise()

/* Record a failure of the binding and raise it now (in typemaps). */
static void nwb_py_fail(int code, const char *message)
{
    nwb_fail(code, "%s", message);
    nwb_py_raise();
}

/* Python object -> nw_date; 0 on success, -1 with an exception set. */
static int nwb_py_to_date(PyObject *obj, nw_date *out)
{
    if (obj == Py_None) {
        *out = NW_DATE_NONE;
        return 0;
    }
    if (PyDateTime_Check(obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "expected a datetime.date, not a datetime.datetime (use .date())");
        return -1;
    }
    if (PyDate_Check(obj)) {
        if (nwb_check(nw_date_from_ymd(out, PyDateTime_GET_YEAR(obj), PyDateTime_GET_MONTH(obj),
                                       PyDateTime_GET_DAY(obj))) < 0) {
            nwb_py_raise();
            return -1;
        }
        return 0;
    }
    if (PyUnicode_Check(obj)) {
        Py_ssize_t len;
        const char *text = PyUnicode_AsUTF8AndSize(obj, &len);
        if (!text)
            return -1;
        if ((size_t)len != strlen(text)) {
            nwb_py_fail(NW_EINVAL, "date contains a NUL character");
            return -1;
        }
        if (nwb_check(nw_date_parse(out, text)) < 0) {
            nwb_py_raise();
            return -1;
        }
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "expected a datetime.date, an ISO date string or None, not %s",
                 Py_TYPE(obj)->tp_name);
    return -1;
}

/* nw_date -> datetime.date, or None for NW_DATE_NONE; NULL with an exception. */
static PyObject *nwb_py_from_date(nw_date date)
{
    int y, m, d;
    if (date == NW_DATE_NONE)
        Py_RETURN_NONE;
    if (nwb_check(nw_date_to_ymd(&y, &m, &d, date)) < 0) {
        nwb_py_raise();
        return NULL;
    }
    return PyDate_FromDate(y, m, d);
}

/* Python str (or None) -> UTF-8 text without NUL; 0 or -1 with an exception. */
static int nwb_py_to_text(PyObject *obj, const char **out, int argnum)
{
    Py_ssize_t len;
    if (obj == Py_None) {
        *out = NULL;
        return 0;
    }
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "argument %d: expected str, not %s", argnum,
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    *out = PyUnicode_AsUTF8AndSize(obj, &len);
    if (!*out)
        return -1;
    if ((size_t)len != strlen(*out)) {
        nwb_py_fail(NW_EINVAL, "text contains a NUL character");
        return -1;
    }
    return 0;
}
%}

/* -builtin's default tp_new (PyType_GenericNew) makes cls.__new__(cls)
 * without __init__ an object with no SWIG type, which SWIG's runtime then
 * dereferences. This one gives it its type and a NULL pointer, so that
 * using it raises InvalidArgumentError instead of crashing. */
%{
static PyObject *nwb_py_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *obj = PyType_GenericNew(type, args, kwds);
    PyTypeObject *t;
    size_t i;
    for (t = type; obj && t; t = t->tp_base)
        for (i = 0; swig_types[i]; i++) {
            SwigPyClientData *data = (SwigPyClientData *)swig_types[i]->clientdata;
            if (data && data->pytype == t) {
                ((SwigPyObject *)obj)->ty = swig_types[i];
                return obj;
            }
        }
    return obj;
}
%}
%feature("python:tp_new") "nwb_py_new";

%init %{
    PyDateTime_IMPORT;
    if (!PyDateTimeAPI)
        return NULL;
%}

/* Text in: str or None. */
%typemap(in) const char * {
    if (nwb_py_to_text($input, (const char **)&$1, $argnum) < 0)
        SWIG_fail;
}
%typemap(freearg) const char * ""
%typemap(typecheck, precedence=SWIG_TYPECHECK_STRING) const char * {
    $1 = $input == Py_None || PyUnicode_Check($input);
}

/* Dates. */
%typemap(in) nw_date {
    if (nwb_py_to_date($input, &$1) < 0)
        SWIG_fail;
}
%typemap(out) nw_date {
    $result = nwb_py_from_date($1);
    if (!$result)
        SWIG_fail;
}

/* Several results: a tuple. OUT starts it (replacing the None of the void
 * function), OUT2 and OUT3 extend it. SWIG_Python_AppendOutput is not used:
 * in SWIG 4.1 a None first result would be swallowed by the next one. */
%{
static PyObject *nwb_py_output(PyObject *result, PyObject *item, int first)
{
    PyObject *tuple;
    if (!item || !result) {
        Py_XDECREF(item);
        Py_XDECREF(result);
        return NULL;
    }
    if (first) {
        Py_DECREF(result);
        tuple = PyTuple_Pack(1, item);
    } else {
        PyObject *one = PyTuple_Pack(1, item);
        tuple = one ? PySequence_Concat(result, one) : NULL;
        Py_XDECREF(one);
        Py_DECREF(result);
    }
    Py_DECREF(item);
    return tuple;
}
%}
%define NWB_PY_OUTPUT(TYPE, INIT, CONVERT)
%typemap(in, numinputs=0) TYPE *OUT (TYPE tmp = INIT), TYPE *OUT2 (TYPE tmp = INIT),
                          TYPE *OUT3 (TYPE tmp = INIT) "$1 = ($1_ltype)&tmp;"
%typemap(argout) TYPE *OUT {
    $result = nwb_py_output($result, CONVERT(*$1), 1);
    if (!$result)
        SWIG_fail;
}
%typemap(argout) TYPE *OUT2, TYPE *OUT3 {
    $result = nwb_py_output($result, CONVERT(*$1), 0);
    if (!$result)
        SWIG_fail;
}
%enddef
%fragment("SWIG_FromCharPtr");
NWB_PY_OUTPUT(nw_date, NW_DATE_NONE, nwb_py_from_date)
NWB_PY_OUTPUT(int, 0, PyLong_FromLong)
NWB_PY_OUTPUT(const char *, NULL, SWIG_FromCharPtr)

/* Tie members: a sequence of low-level actors. */
%typemap(in) (nwb_actor *const *members, size_t count) {
    PyObject *seq = PySequence_Fast($input, "members must be a sequence of actors");
    Py_ssize_t i, n;
    nwb_actor **array;
    if (!seq)
        SWIG_fail;
    n = PySequence_Fast_GET_SIZE(seq);
    array = PyMem_Calloc(n > 0 ? (size_t)n : 1, sizeof *array);
    if (!array) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        SWIG_fail;
    }
    for (i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(seq, i);
        if (!SWIG_IsOK(SWIG_ConvertPtr(item, (void **)&array[i], $descriptor(nwb_actor *), 0)) ||
            !array[i]) {
            PyErr_Format(PyExc_TypeError, "member %zd is not an actor", i);
            PyMem_Free(array);
            Py_DECREF(seq);
            SWIG_fail;
        }
    }
    Py_DECREF(seq);
    $1 = array;
    $2 = (size_t)n;
}
%typemap(freearg) (nwb_actor *const *members, size_t count) {
    PyMem_Free((void *)$1);
}

/* The package registers its exception classes: {code: class}. */
%rename(_set_error_classes) nwb_set_error_classes;
%exception nwb_set_error_classes {
    $action
    if (PyErr_Occurred())
        SWIG_fail;
}
%inline %{
static void nwb_set_error_classes(PyObject *classes)
{
    if (!PyDict_Check(classes)) {
        PyErr_SetString(PyExc_TypeError, "expected a dict {code: exception class}");
        return;
    }
    Py_INCREF(classes);
    Py_XSETREF(nwb_py_error_classes, classes);
}
%}

/* Checklists, validation and files: records, options, owned results. */
%include "records_python.i"

%include "../netzwerk.i"
