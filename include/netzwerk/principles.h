/**
 * @file netzwerk/principles.h
 * @brief The five principles of network work (Prinzipien der Netzwerkarbeit)
 * and the validation of a network against them.
 *
 * nw_network_validate() reads a whole network as of a date and returns a
 * report of findings. Each finding comes from one rule of the catalogue
 * (nw_rule_get()); every rule belongs to one principle, has a fixed severity
 * and a stable code such as `"FREI-002"`, and rests on a sentence of the seed
 * text. `docs/principles.md` lists them all with their conditions and
 * defaults.
 *
 * @section pr_report The report
 *
 * A report is a frozen, self-contained result: it copies everything it says
 * (messages, identities) and keeps no reference to the network. It stays
 * readable, unchanged, after the network changes or is freed, and can be
 * freed at any time with nw_report_free(). As it shares nothing with the
 * network, it may be read from any thread, also by several at once (it never
 * changes), while the network is used elsewhere.
 *
 * Its messages name the actors and ties they are about, by name and label:
 * the caller asked about its own network. Pass a report on with the same
 * care as the network's data.
 *
 * @section pr_asof "As of a date"
 *
 * Dated facts are read as they stood on the date: consent given and
 * withdrawn, when actors joined, when ties began and ended, interactions.
 * Only actors that had joined by the date (or have no joining date) and
 * ties that existed on the date are checked. Undated facts (topics,
 * interests, goals, checklist states) are read as they are now.
 */
#ifndef NETZWERK_PRINCIPLES_H
#define NETZWERK_PRINCIPLES_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A principle of network work. The values are stable and index the catalogue. */
typedef enum nw_principle {
    NW_PRINCIPLE_FREIWILLIGKEIT = 0,          /**< Freiwilligkeit: voluntariness. Rule codes FREI-. */
    NW_PRINCIPLE_GETEILTES_INTERESSE = 1,     /**< Geteiltes Interesse/Thema: shared interest/topic. Rule codes THEMA-. */
    NW_PRINCIPLE_LANGFRISTIGES_INVESTMENT = 2,/**< Langfristiges Investment: long-term investment. Rule codes LANG-. */
    NW_PRINCIPLE_DYNAMIK_OFFENHEIT = 3,       /**< Dynamik und Offenheit: dynamics and openness. Rule codes DYN-. */
    NW_PRINCIPLE_ZIEL_NUTZEN = 4              /**< Ziel- und Nutzenorientierung: goal and benefit orientation. Rule codes ZIEL-. */
} nw_principle;

/** The number of principles. */
#define NW_PRINCIPLE_COUNT 5

/** How serious a finding is. The values are stable and ordered. */
typedef enum nw_severity {
    NW_SEVERITY_INFO = 0,     /**< Worth knowing; does not change a principle's status. */
    NW_SEVERITY_WARNING = 1,  /**< The principle is at risk here. */
    NW_SEVERITY_VIOLATION = 2 /**< The principle is broken here. */
} nw_severity;

/** What a finding is about. */
typedef enum nw_subject {
    NW_SUBJECT_NETWORK = 0, /**< The network as a whole. */
    NW_SUBJECT_ACTOR = 1,   /**< One actor (nw_finding::actor). */
    NW_SUBJECT_TIE = 2,     /**< One tie (nw_finding::tie). */
    NW_SUBJECT_ITEM = 3     /**< One checklist item (nw_finding::tie and nw_finding::item). */
} nw_subject;

/** How a principle fares in a report. */
typedef enum nw_principle_status {
    NW_STATUS_FULFILLED = 0, /**< No warning and no violation (erfüllt). */
    NW_STATUS_AT_RISK = 1,   /**< At least one warning, no violation (gefährdet). */
    NW_STATUS_VIOLATED = 2   /**< At least one violation (verletzt). */
} nw_principle_status;

/**
 * @brief The name of a principle: "Freiwilligkeit" / "Voluntariness".
 * @param[out] out  A static string; never free it.
 * @param p         A principle.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown principle or language.
 */
NW_API int nw_principle_name(const char **out, nw_principle p, nw_lang lang);

/**
 * @brief What a principle asks of a network, in one or two sentences (our reading of the seed).
 * @param[out] out  A static string; never free it.
 * @param p         A principle.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown principle or language.
 */
NW_API int nw_principle_description(const char **out, nw_principle p, nw_lang lang);

/**
 * @brief The prefix of the principle's rule codes: "FREI", "THEMA", "LANG", "DYN", "ZIEL".
 * @param[out] out  A static string; never free it.
 * @param p         A principle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown principle.
 */
NW_API int nw_principle_code(const char **out, nw_principle p);

/**
 * @brief The name of a severity: "Hinweis" / "info", "Warnung" / "warning",
 * "Verletzung" / "violation".
 * @param[out] out  A static string; never free it.
 * @param severity  A severity.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown severity or language.
 */
NW_API int nw_severity_name(const char **out, nw_severity severity, nw_lang lang);

/**
 * @brief The name of a principle status: "erfüllt" / "fulfilled",
 * "gefährdet" / "at risk", "verletzt" / "violated".
 * @param[out] out  A static string; never free it.
 * @param status    A status.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown status or language.
 */
NW_API int nw_status_name(const char **out, nw_principle_status status, nw_lang lang);

/** One rule of the catalogue. All strings are static. */
typedef struct nw_rule {
    const char *code;       /**< Stable code, e.g. "FREI-002". */
    nw_principle principle; /**< The principle it checks. */
    nw_severity severity;   /**< The severity of its findings. */
    nw_subject subject;     /**< What its findings are about. */
    const char *title_de;   /**< What it checks, in German. */
    const char *title_en;   /**< What it checks, in English. */
} nw_rule;

/**
 * @brief The number of rules in the catalogue.
 * @param[out] out  The count.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out.
 */
NW_API int nw_rule_count(size_t *out);

/**
 * @brief One rule, in catalogue order (by principle, then by code).
 * @param[out] out  A static entry; never free it.
 * @param index     0 to nw_rule_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out; ::NW_ENOTFOUND if
 *         @p index is out of range.
 */
NW_API int nw_rule_get(const nw_rule **out, size_t index);

/**
 * @brief The rule with a given code.
 * @param[out] out  A static entry; never free it.
 * @param code      A code such as "FREI-002".
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or text that is not
 *         valid; ::NW_ENOTFOUND if no rule has this code.
 */
NW_API int nw_rule_find(const nw_rule **out, const char *code);

/** The current version of ::nw_validate_options; put it in the `version` field. */
#define NW_VALIDATE_OPTIONS_VERSION 1

/** The largest number of days a threshold may hold: the span of valid dates. */
#define NW_VALIDATE_DAYS_MAX 3652058

/**
 * @brief Thresholds of the validation, in days. 0 switches the rules that
 * use a threshold off. Start from ::NW_VALIDATE_OPTIONS_INIT and change what
 * you need.
 */
typedef struct nw_validate_options {
    /** ::NW_VALIDATE_OPTIONS_VERSION. */
    unsigned int version;
    /**
     * A tie counts as dormant (LANG-001) when it has had no interaction for
     * more than this many days, indexed by ::nw_form. Defaults: encounter 0
     * (an encounter is an event, not something to tend), cooperation 90,
     * contact 365 (contacts are kept up at least once a year), group 120.
     */
    int dormant_days[NW_FORM_COUNT];
    /**
     * A contact with no interaction at all counts as never kept up
     * (LANG-002) once it is older than this. Default 90.
     */
    int contact_grace_days;
    /**
     * The window in which actors and encounters count as new (DYN-001,
     * DYN-002): the last this many days up to the date. Default 180.
     */
    int new_window_days;
    /**
     * A strong tie younger than this counts as young (LANG-003). Default 365.
     */
    int young_days;
} nw_validate_options;

/** Initializer for ::nw_validate_options with the current version and the documented defaults. */
#define NW_VALIDATE_OPTIONS_INIT { NW_VALIDATE_OPTIONS_VERSION, { 0, 90, 365, 120 }, 90, 180, 365 }

/**
 * @brief Fill an options struct with a version and its defaults (for
 * bindings, which cannot use ::NW_VALIDATE_OPTIONS_INIT), like
 * nw_snapshot_options_init().
 * @param[out] opts  The options.
 * @param version    ::NW_VALIDATE_OPTIONS_VERSION: the struct the caller
 *                   was built with.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p opts or an unknown version.
 */
NW_API int nw_validate_options_init(nw_validate_options *opts, unsigned int version);

/** A validation report. Opaque; see @ref pr_report. */
typedef struct nw_report nw_report;

/**
 * @brief One finding of a report. Borrowed from the report: valid until the
 * report is freed. The library may add fields at the end in later versions.
 */
typedef struct nw_finding {
    const char *rule;          /**< The rule's code, e.g. "FREI-002"; static. */
    nw_principle principle;    /**< The rule's principle. */
    nw_severity severity;      /**< The rule's severity. */
    nw_subject subject;        /**< What the finding is about. */
    nw_id actor;               /**< The actor it is about, or the partner of a
                                    per-partner item; ::NW_ID_NONE otherwise. */
    nw_id tie;                 /**< The tie it is about (also for an item); ::NW_ID_NONE otherwise. */
    nw_id item;                /**< The checklist item it is about; ::NW_ID_NONE otherwise. */
    const char *message_de;    /**< The finding in German, naming actors and ties. */
    const char *message_en;    /**< The finding in English, naming actors and ties. */
} nw_finding;

/** How one principle fares in a report. Borrowed from the report. */
typedef struct nw_principle_result {
    nw_principle principle;     /**< The principle. */
    nw_principle_status status; /**< Violated if any violation, at risk if any warning, else fulfilled. */
    size_t checks;              /**< How many (rule, subject) pairs were examined for it. */
    size_t infos;               /**< Findings of severity ::NW_SEVERITY_INFO. */
    size_t warnings;            /**< Findings of severity ::NW_SEVERITY_WARNING. */
    size_t violations;          /**< Findings of severity ::NW_SEVERITY_VIOLATION. */
} nw_principle_result;

/**
 * @brief Validate a network against the five principles as of a date.
 * @param[out] out  The report, owned by the caller; free with nw_report_free().
 * @param net       The network; not changed.
 * @param as_of     The date to judge on: a valid date (the library never
 *                  reads the clock).
 * @param opts      Thresholds, or NULL for the defaults of ::NW_VALIDATE_OPTIONS_INIT.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or @p net, an invalid date,
 *         an unknown options version or a threshold outside 0 to
 *         ::NW_VALIDATE_DAYS_MAX; ::NW_ESTALE if the network was freed
 *         (a zombie); ::NW_ENOMEM.
 */
NW_API int nw_network_validate(nw_report **out, const nw_network *net, nw_date as_of,
                               const nw_validate_options *opts);

/**
 * @brief Free a report.
 * @param report The report, or NULL (then nothing happens).
 */
NW_API void nw_report_free(nw_report *report);

/**
 * @brief The date the report judges on.
 * @param[out] out  The date passed to nw_network_validate().
 * @param report    A report.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_report_as_of(nw_date *out, const nw_report *report);

/**
 * @brief The number of findings.
 * @param[out] out  The count.
 * @param report    A report.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_report_finding_count(size_t *out, const nw_report *report);

/**
 * @brief One finding, by position: in catalogue order of the rules, and for
 * one rule in order of the subject's identity.
 * @param[out] out  Borrowed; valid until the report is freed.
 * @param report    A report.
 * @param index     0 to nw_report_finding_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range.
 */
NW_API int nw_report_finding(const nw_finding **out, const nw_report *report, size_t index);

/**
 * @brief How one principle fares.
 * @param[out] out  Borrowed; valid until the report is freed.
 * @param report    A report.
 * @param p         A principle.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument or an unknown principle.
 */
NW_API int nw_report_principle(const nw_principle_result **out, const nw_report *report, nw_principle p);

#ifdef __cplusplus
}
#endif

#endif
