/*
 * options.i: keyword options (a Python dict, a Lua table) onto the
 * library's option structs (nw_validate_options, nw_load_options,
 * nw_save_options). Part of netzwerk.i.
 *
 * Each struct has a table of the names a script may use, with the kind of
 * value and where it goes. The language parts (python/records_python.i,
 * lua/records_lua.i) walk the dict or table, check each value's type and
 * call the setters below, which check ranges; the library checks the rest
 * (thresholds, separators, dates) when it gets the struct. A name not in
 * the table is an error, so a typo never silently means "default"; a value
 * of None / nil keeps the default.
 */

%runtime %{
#include <limits.h>
#include <stddef.h>

typedef enum nwb_option_kind {
    NWB_OPT_INT,       /* int (validation thresholds, in days) */
    NWB_OPT_SIZE,      /* size_t (load limits), not negative */
    NWB_OPT_UINT,      /* unsigned int (max_depth) */
    NWB_OPT_FORM,      /* nw_form */
    NWB_OPT_FORMAT,    /* nw_format: a number or "auto" / "native" / "graphml" */
    NWB_OPT_DATE,      /* nw_date */
    NWB_OPT_TEXT,      /* const char *, borrowed from the caller for the call */
    NWB_OPT_SEPARATOR, /* char: "," or ";" ("" for the default) */
    NWB_OPT_FLAG       /* one bit of an unsigned int: a boolean */
} nwb_option_kind;

typedef struct nwb_option {
    const char *name;
    nwb_option_kind kind;
    size_t offset;
    unsigned bit; /* NWB_OPT_FLAG only */
} nwb_option;

#define NWB_DORMANT(form) \
    offsetof(nw_validate_options, dormant_days) + (size_t)(form) * sizeof(int)

static const nwb_option nwb_validate_option_table[] = {
    { "dormant_days_begegnung", NWB_OPT_INT, NWB_DORMANT(NW_FORM_BEGEGNUNG), 0 },
    { "dormant_days_kooperation", NWB_OPT_INT, NWB_DORMANT(NW_FORM_KOOPERATION), 0 },
    { "dormant_days_kontakt", NWB_OPT_INT, NWB_DORMANT(NW_FORM_KONTAKT), 0 },
    { "dormant_days_gruppe", NWB_OPT_INT, NWB_DORMANT(NW_FORM_GRUPPE), 0 },
    { "contact_grace_days", NWB_OPT_INT, offsetof(nw_validate_options, contact_grace_days), 0 },
    { "new_window_days", NWB_OPT_INT, offsetof(nw_validate_options, new_window_days), 0 },
    { "young_days", NWB_OPT_INT, offsetof(nw_validate_options, young_days), 0 },
    { NULL, NWB_OPT_INT, 0, 0 }
};

static const nwb_option nwb_load_option_table[] = {
    { "format", NWB_OPT_FORMAT, offsetof(nw_load_options, format), 0 },
    { "max_bytes", NWB_OPT_SIZE, offsetof(nw_load_options, max_bytes), 0 },
    { "max_actors", NWB_OPT_SIZE, offsetof(nw_load_options, max_actors), 0 },
    { "max_ties", NWB_OPT_SIZE, offsetof(nw_load_options, max_ties), 0 },
    { "max_items", NWB_OPT_SIZE, offsetof(nw_load_options, max_items), 0 },
    { "max_depth", NWB_OPT_UINT, offsetof(nw_load_options, max_depth), 0 },
    { "default_start", NWB_OPT_DATE, offsetof(nw_load_options, default_start), 0 },
    { "default_form", NWB_OPT_FORM, offsetof(nw_load_options, default_form), 0 },
    { "name", NWB_OPT_TEXT, offsetof(nw_load_options, name), 0 },
    { "csv_separator", NWB_OPT_SEPARATOR, offsetof(nw_load_options, csv_separator), 0 },
    { NULL, NWB_OPT_INT, 0, 0 }
};

static const nwb_option nwb_save_option_table[] = {
    { "format", NWB_OPT_FORMAT, offsetof(nw_save_options, format), 0 },
    { "no_sync", NWB_OPT_FLAG, offsetof(nw_save_options, flags), NW_SAVE_NO_SYNC },
    { "csv_bom", NWB_OPT_FLAG, offsetof(nw_save_options, flags), NW_SAVE_CSV_BOM },
    { "csv_separator", NWB_OPT_SEPARATOR, offsetof(nw_save_options, csv_separator), 0 },
    /* the consent filter (privacy.i): only actors with valid consent */
    { "consented_only", NWB_OPT_FLAG, offsetof(nw_save_options, flags), NW_SAVE_CONSENTED_ONLY },
    { "consent_as_of", NWB_OPT_DATE, offsetof(nw_save_options, consent_as_of), 0 },
    { "consent_purpose", NWB_OPT_TEXT, offsetof(nw_save_options, consent_purpose), 0 },
    { NULL, NWB_OPT_INT, 0, 0 }
};

/* The option called name, or NULL. */
static const nwb_option *nwb_option_find(const nwb_option *table, const char *name)
{
    for (; table->name; table++)
        if (strcmp(table->name, name) == 0)
            return table;
    return NULL;
}

/* Whether the option takes a number (FORMAT takes a number or a name). */
static bool nwb_option_numeric(const nwb_option *o)
{
    return o->kind == NWB_OPT_INT || o->kind == NWB_OPT_SIZE || o->kind == NWB_OPT_UINT
        || o->kind == NWB_OPT_FORM || o->kind == NWB_OPT_FORMAT;
}

/* Whether the option takes a text (FORMAT takes a number or a name). */
static bool nwb_option_textual(const nwb_option *o)
{
    return o->kind == NWB_OPT_TEXT || o->kind == NWB_OPT_SEPARATOR || o->kind == NWB_OPT_FORMAT;
}

/* Set a numeric option; 0, or -1 with the failure recorded. */
static int nwb_option_set_number(const nwb_option *o, void *target, long long v)
{
    char *field = (char *)target + o->offset;
    switch (o->kind) {
    case NWB_OPT_INT:
    case NWB_OPT_FORM:
    case NWB_OPT_FORMAT:
        if (v < INT_MIN || v > INT_MAX)
            break;
        if (o->kind == NWB_OPT_INT)
            *(int *)(void *)field = (int)v;
        else if (o->kind == NWB_OPT_FORM)
            *(nw_form *)(void *)field = (nw_form)v;
        else
            *(nw_format *)(void *)field = (nw_format)v;
        return 0;
    case NWB_OPT_SIZE:
        if (v < 0 || (unsigned long long)v > SIZE_MAX)
            break;
        *(size_t *)(void *)field = (size_t)v;
        return 0;
    case NWB_OPT_UINT:
        if (v < 0 || v > UINT_MAX)
            break;
        *(unsigned *)(void *)field = (unsigned)v;
        return 0;
    default:
        nwb_fail(NW_EINVAL, "option %s: expected no number", o->name);
        return -1;
    }
    nwb_fail(NW_EINVAL, "option %s: %lld is out of range", o->name, v);
    return -1;
}

/* Set a textual option; the text must outlive the library call. */
static int nwb_option_set_text(const nwb_option *o, void *target, const char *s)
{
    char *field = (char *)target + o->offset;
    switch (o->kind) {
    case NWB_OPT_TEXT:
        *(const char **)(void *)field = s;
        return 0;
    case NWB_OPT_SEPARATOR:
        if (s[0] == '\0' || ((s[0] == ',' || s[0] == ';') && s[1] == '\0')) {
            *field = s[0];
            return 0;
        }
        nwb_fail(NW_EINVAL, "option %s: expected \",\" or \";\"", o->name);
        return -1;
    case NWB_OPT_FORMAT:
        if (strcmp(s, "auto") == 0)
            *(nw_format *)(void *)field = NW_FORMAT_AUTO;
        else if (strcmp(s, "native") == 0 || strcmp(s, "json") == 0)
            *(nw_format *)(void *)field = NW_FORMAT_NATIVE;
        else if (strcmp(s, "graphml") == 0)
            *(nw_format *)(void *)field = NW_FORMAT_GRAPHML;
        else {
            nwb_fail(NW_EINVAL, "option %s: expected \"auto\", \"native\" or \"graphml\"", o->name);
            return -1;
        }
        return 0;
    default:
        nwb_fail(NW_EINVAL, "option %s: expected no text", o->name);
        return -1;
    }
}

static void nwb_option_set_date(const nwb_option *o, void *target, nw_date date)
{
    *(nw_date *)(void *)((char *)target + o->offset) = date;
}

static void nwb_option_set_flag(const nwb_option *o, void *target, bool on)
{
    unsigned *flags = (unsigned *)(void *)((char *)target + o->offset);
    *flags = on ? (*flags | o->bit) : (*flags & ~o->bit);
}
%}
