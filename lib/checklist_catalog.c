/*
 * The built-in checklist items: one catalogue for every form's template,
 * with German and English labels, so that no caller copies these texts.
 * Each item comes from the seed's challenges (Herausforderungen) of its form;
 * the cooperation template adds what practice sheets for cooperation
 * agreements (Kooperationsvereinbarungen) list.
 */
#include "checklist_rec.h"

#include <string.h>

#define ESSENTIAL true
#define REVIEW true
#define PER_PARTNER true

/* Grouped by form, in template order. A per-partner item comes last in its
 * template, so that the per-partner items follow the template's items. */
static const nw_checklist_builtin catalog[] = {
    /* A Begegnung: Begegnungssituationen herstellen, Sprachfähig sein, Wirkung generieren. */
    { "encounter.situation", NW_FORM_BEGEGNUNG, false, false, false,
      "Begegnungssituation hergestellt", "Situation for the encounter created" },
    { "encounter.message", NW_FORM_BEGEGNUNG, false, false, false,
      "Sprachfähig: eigene Botschaft vorbereitet", "Articulate: own message prepared" },
    { "encounter.effect", NW_FORM_BEGEGNUNG, false, false, false,
      "Wirkung festgehalten", "Effect noted" },

    /* B Kooperation: Klare Zielformulierungen, eindeutige Absprachen, gute
     * Kommunikation und Controlling; Ziele: Gegenseitige Ergänzung,
     * Gemeinsames Ziel umsetzen. */
    { "coop.goal", NW_FORM_KOOPERATION, ESSENTIAL, false, false,
      "Gemeinsames Ziel formuliert", "Common goal stated" },
    { "coop.agreements", NW_FORM_KOOPERATION, ESSENTIAL, false, false,
      "Absprachen getroffen: wer macht was bis wann", "Agreements made: who does what by when" },
    { "coop.communication", NW_FORM_KOOPERATION, ESSENTIAL, false, false,
      "Kommunikation vereinbart: Kanäle und Rhythmus", "Communication agreed: channels and rhythm" },
    { "coop.contact_persons", NW_FORM_KOOPERATION, ESSENTIAL, false, false,
      "Ansprechperson jeder Partner*in benannt", "Contact person of each partner named" },
    { "coop.controlling", NW_FORM_KOOPERATION, ESSENTIAL, REVIEW, false,
      "Controlling: Fortschritt wird regelmäßig überprüft, nächster Termin steht fest",
      "Controlling: progress is reviewed, the next review is scheduled" },
    { "coop.resources", NW_FORM_KOOPERATION, ESSENTIAL, false, false,
      "Ressourcen zugesagt: Zeit, Geld, Räume", "Resources committed: time, money, rooms" },
    { "coop.duration_exit", NW_FORM_KOOPERATION, false, false, false,
      "Laufzeit und Ausstieg einer Partner*in geregelt", "Duration and how a partner can leave agreed" },
    { "coop.data_protection", NW_FORM_KOOPERATION, false, false, false,
      "Datenschutz zwischen den Partner*innen geregelt", "Data protection between the partners agreed" },
    { "coop.partner_benefit", NW_FORM_KOOPERATION, ESSENTIAL, false, PER_PARTNER,
      "Beitrag und Nutzen der Partner*in", "Contribution and benefit of the partner" },

    /* C Kontakt: Kontaktherstellung, Kontaktmanagement, Kontaktpflege;
     * Minimalbedingung: eine Kontaktmöglichkeit. */
    { "contact.reachable", NW_FORM_KONTAKT, ESSENTIAL, false, false,
      "Kontaktmöglichkeit vorhanden", "A way to reach the person exists" },
    { "contact.consent", NW_FORM_KONTAKT, ESSENTIAL, false, false,
      "Einwilligung dokumentiert", "Consent recorded" },
    { "contact.kept_up", NW_FORM_KONTAKT, false, REVIEW, false,
      "Kontakt gepflegt, nächste Kontaktpflege terminiert", "Contact kept up, next follow-up scheduled" },

    /* D Gruppe: Relevanz der Gruppe vorhanden?, langfristige
     * Ressourcenverfügbarkeit?; Ziele: Kontinuität, Erwartbarkeit. */
    { "group.relevance", NW_FORM_GRUPPE, ESSENTIAL, REVIEW, false,
      "Relevanz der Gruppe bestätigt, nächste Überprüfung terminiert",
      "Relevance of the group confirmed, next review scheduled" },
    { "group.resources", NW_FORM_GRUPPE, ESSENTIAL, false, false,
      "Langfristige Ressourcen gesichert", "Long-term resources secured" },
    { "group.continuity", NW_FORM_GRUPPE, false, false, false,
      "Kontinuität: regelmäßige Treffen vereinbart", "Continuity: regular meetings agreed" },
};

#define CATALOG_LEN (sizeof catalog / sizeof catalog[0])

size_t nw_catalog_count(nw_form form)
{
    size_t n = 0;
    for (size_t i = 0; i < CATALOG_LEN; i++)
        if (catalog[i].form == form)
            n++;
    return n;
}

const nw_checklist_builtin *nw_catalog_get(nw_form form, size_t index)
{
    for (size_t i = 0; i < CATALOG_LEN; i++)
        if (catalog[i].form == form && index-- == 0)
            return &catalog[i];
    return NULL;
}

const nw_checklist_builtin *nw_catalog_find(const char *code)
{
    for (size_t i = 0; i < CATALOG_LEN; i++)
        if (strcmp(catalog[i].code, code) == 0)
            return &catalog[i];
    return NULL;
}

int nw_checklist_builtin_count(size_t *out, nw_form form)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_check_form(form);
    if (rc != NW_OK)
        return rc;
    *out = nw_catalog_count(form);
    return NW_OK;
}

int nw_checklist_builtin_get(const nw_checklist_builtin **out, nw_form form, size_t index)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_check_form(form);
    if (rc != NW_OK)
        return rc;
    const nw_checklist_builtin *b = nw_catalog_get(form, index);
    if (!b)
        return nw_fail(NW_ENOTFOUND, "built-in item index %zu out of range (form has %zu)",
                       index, nw_catalog_count(form));
    *out = b;
    return NW_OK;
}

int nw_checklist_builtin_find(const nw_checklist_builtin **out, const char *code)
{
    if (!out || !code)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "code");
    const nw_checklist_builtin *b = nw_catalog_find(code);
    if (!b)
        return nw_fail(NW_ENOTFOUND, "no built-in checklist item has the code '%s'", code);
    *out = b;
    return NW_OK;
}

int nw_item_state_name(const char **out, nw_item_state state, nw_lang lang)
{
    static const char *const names[4][2] = {
        { "offen", "open" },
        { "vereinbart", "agreed" },
        { "erledigt", "done" },
        { "entfällt", "not applicable" },
    };
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if ((unsigned)state > NW_ITEM_NOT_APPLICABLE)
        return nw_fail(NW_EINVAL, "unknown item state %d", (int)state);
    if ((unsigned)lang > NW_LANG_EN)
        return nw_fail(NW_EINVAL, "unknown language %d", (int)lang);
    *out = names[state][lang];
    return NW_OK;
}
