/*
 * principles.i: the five principles, the rule catalogue and validation
 * reports (netzwerk/principles.h). Part of netzwerk.i.
 *
 * A Report wraps one nw_report. It is self-contained in C (it keeps no
 * reference to the network), so it stays readable after its network is
 * closed, and may be freed in any order.
 *
 * Results that the language parts convert (python/records_python.i,
 * lua/records_lua.i) into a dict / table:
 * - `const nw_rule *`, `const nw_finding *`, `const nw_principle_result *`
 *   (copied at once: the finding's texts live in the report);
 * - `nw_validate_options`: the thresholds by name (options.i);
 * and the argument `const nw_validate_options *opts`: a dict / table of
 * thresholds by name, nothing for the defaults.
 */

%runtime %{
typedef nw_report nwb_report;
%}

/* The enums (PRINCIPLE_FREIWILLIGKEIT, SEVERITY_WARNING, SUBJECT_TIE,
 * STATUS_AT_RISK, ...) and no C struct as a class. */
%ignore nw_rule;
%ignore nw_finding;
%ignore nw_principle_result;
%ignore nw_validate_options;
%include "netzwerk/principles.h"

/* The largest threshold, in days. */
%constant int VALIDATE_DAYS_MAX = NW_VALIDATE_DAYS_MAX;

/* ---- the catalogue -------------------------------------------------------- */

%rename(principle_name) nwb_principle_name;
%rename(principle_description) nwb_principle_description;
%rename(principle_code) nwb_principle_code;
%rename(severity_name) nwb_severity_name;
%rename(status_name) nwb_status_name;
%rename(rule_count) nwb_rule_count;
%rename(rule) nwb_rule;
%rename(rule_find) nwb_rule_find;
%rename(validate_defaults) nwb_validate_defaults;

%inline %{
/* The name of a principle: "Freiwilligkeit" / "Voluntariness". */
static const char *nwb_principle_name(nw_principle p, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_principle_name(&s, p, lang));
    return s;
}

/* What a principle asks of a network. */
static const char *nwb_principle_description(nw_principle p, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_principle_description(&s, p, lang));
    return s;
}

/* The prefix of the principle's rule codes: "FREI", "THEMA", ... */
static const char *nwb_principle_code(nw_principle p)
{
    const char *s = NULL;
    nwb_check(nw_principle_code(&s, p));
    return s;
}

/* The name of a severity: "Warnung" / "warning", ... */
static const char *nwb_severity_name(nw_severity severity, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_severity_name(&s, severity, lang));
    return s;
}

/* The name of a principle's status: "gefährdet" / "at risk", ... */
static const char *nwb_status_name(nw_principle_status status, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_status_name(&s, status, lang));
    return s;
}

/* The number of rules. */
static size_t nwb_rule_count(void)
{
    size_t n = 0;
    nwb_check(nw_rule_count(&n));
    return n;
}

/* One rule, in catalogue order. */
static const nw_rule *nwb_rule(size_t index)
{
    const nw_rule *r = NULL;
    nwb_check(nw_rule_get(&r, index));
    return r;
}

/* The rule with a code such as "FREI-002". */
static const nw_rule *nwb_rule_find(const char *code)
{
    const nw_rule *r = NULL;
    nwb_check(nw_rule_find(&r, code));
    return r;
}

/* The default thresholds of the validation. */
static nw_validate_options nwb_validate_defaults(void)
{
    nw_validate_options opts;
    memset(&opts, 0, sizeof opts);
    nwb_check(nw_validate_options_init(&opts, NW_VALIDATE_OPTIONS_VERSION));
    return opts;
}
%}

/* ---- classes -------------------------------------------------------------- */

%rename(Report) nwb_report;
%nodefaultctor;
%nodefaultdtor;
typedef struct {} nwb_report;
%clearnodefaultctor;
%clearnodefaultdtor;

%newobject validate;

%feature("compactdefaultargs") validate;
%extend nwb_network {
    /* Validate the network against the five principles as of a date, with
     * thresholds by name (nothing: the defaults). */
    nwb_report *validate(nw_date as_of, const nw_validate_options *opts = NULL)
    {
        nw_network *net = nwb_net($self);
        nwb_report *r = NULL;
        if (net)
            nwb_check(nw_network_validate(&r, net, as_of, opts));
        return r;
    }
}

%extend nwb_report {
    ~nwb_report() { nw_report_free($self); }

    /* The date the report judges on. */
    nw_date get_as_of()
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_report_as_of(&d, $self));
        return d;
    }

    size_t finding_count()
    {
        size_t n = 0;
        nwb_check(nw_report_finding_count(&n, $self));
        return n;
    }

    /* One finding, by position. */
    const nw_finding *finding(size_t index)
    {
        const nw_finding *f = NULL;
        nwb_check(nw_report_finding(&f, $self, index));
        return f;
    }

    /* How one principle fares. */
    const nw_principle_result *principle(nw_principle p)
    {
        const nw_principle_result *r = NULL;
        nwb_check(nw_report_principle(&r, $self, p));
        return r;
    }
}
