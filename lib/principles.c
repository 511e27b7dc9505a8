/*
 * The catalogue of the five principles (Prinzipien der Netzwerkarbeit) and
 * the names of severities and statuses, in German and English.
 */
#include "internal.h"

struct principle_text {
    const char *code;
    const char *name[2];
    const char *description[2];
};

static const struct principle_text principles[NW_PRINCIPLE_COUNT] = {
    { "FREI",
      { "Freiwilligkeit", "Voluntariness" },
      { "Alle Akteur*innen nehmen aus eigenem Entschluss teil: ihre Einwilligung ist erfasst und "
        "nicht widerrufen, und Beziehungen werden nicht von außen verordnet.",
        "Every actor takes part by its own choice: its consent is recorded and not withdrawn, "
        "and ties are not imposed from outside." } },
    { "THEMA",
      { "Geteiltes Interesse/Thema", "Shared interest/topic" },
      { "Das Netzwerk benennt sein gemeinsames Thema im Sozialraum; die Interessen der Akteur*innen "
        "und die Themen der Kooperationen und Gruppen gehören dazu.",
        "The network names its shared topic in the social space; the actors' interests and the "
        "topics of its cooperations and groups belong to it." } },
    { "LANG",
      { "Langfristiges Investment", "Long-term investment" },
      { "Beziehungen bestehen lange und werden gepflegt: Interaktionen in regelmäßigen Abständen, "
        "gepflegte Kontakte, gewachsene starke Bindungen und langfristig gesicherte Ressourcen.",
        "Ties last and are tended: interactions at regular intervals, contacts that are kept up, "
        "strong ties that have grown over time and resources secured for the long term." } },
    { "DYN",
      { "Dynamik und Offenheit", "Dynamics and openness" },
      { "Neue Akteur*innen und neue Begegnungen kommen hinzu; schwache Bindungen reichen über den "
        "Kern der Kooperationen und Gruppen hinaus.",
        "New actors and new encounters keep arriving; weak ties reach beyond the core of "
        "cooperations and groups." } },
    { "ZIEL",
      { "Ziel- und Nutzenorientierung", "Goal and benefit orientation" },
      { "Das Netzwerk, jede Kooperation und jede Gruppe benennen Ziele; Kooperationen sind gut "
        "vereinbart, jede Partner*in hält Beitrag und Nutzen fest, Gruppen prüfen ihre Relevanz.",
        "The network, each cooperation and each group state goals; cooperations are well agreed, "
        "each partner states what it contributes and gains, groups review their relevance." } },
};

static int check_principle(nw_principle p)
{
    if ((unsigned)p >= NW_PRINCIPLE_COUNT)
        return nw_fail(NW_EINVAL, "unknown principle %d", (int)p);
    return NW_OK;
}

int nw_principle_name(const char **out, nw_principle p, nw_lang lang)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = check_principle(p);
    if (rc == NW_OK && (rc = nw_check_lang(lang)) == NW_OK)
        *out = principles[p].name[lang];
    return rc;
}

int nw_principle_description(const char **out, nw_principle p, nw_lang lang)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = check_principle(p);
    if (rc == NW_OK && (rc = nw_check_lang(lang)) == NW_OK)
        *out = principles[p].description[lang];
    return rc;
}

int nw_principle_code(const char **out, nw_principle p)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = check_principle(p);
    if (rc == NW_OK)
        *out = principles[p].code;
    return rc;
}

int nw_severity_name(const char **out, nw_severity severity, nw_lang lang)
{
    static const char *const names[3][2] = {
        { "Hinweis", "info" }, { "Warnung", "warning" }, { "Verletzung", "violation" },
    };
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if ((unsigned)severity > NW_SEVERITY_VIOLATION)
        return nw_fail(NW_EINVAL, "unknown severity %d", (int)severity);
    int rc = nw_check_lang(lang);
    if (rc == NW_OK)
        *out = names[severity][lang];
    return rc;
}

int nw_status_name(const char **out, nw_principle_status status, nw_lang lang)
{
    static const char *const names[3][2] = {
        { "erfüllt", "fulfilled" }, { "gefährdet", "at risk" }, { "verletzt", "violated" },
    };
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if ((unsigned)status > NW_STATUS_VIOLATED)
        return nw_fail(NW_EINVAL, "unknown status %d", (int)status);
    int rc = nw_check_lang(lang);
    if (rc == NW_OK)
        *out = names[status][lang];
    return rc;
}
