/*
 * The catalogue of the four relationship forms (Beziehungsformen). The German
 * texts are the seed's words (shared/seed/netzwerkarbeit.txt) verbatim; the
 * English ones translate them (shared/DOMAIN.md).
 */
#include "internal.h"

#define MAX_ITEMS 4

typedef struct text_de_en {
    const char *de, *en;
} text_de_en;

typedef struct form_entry {
    char letter;
    bool strong, affiliation;
    text_de_en name, description;
    size_t ngoals, nchallenges;
    text_de_en goals[MAX_ITEMS], challenges[MAX_ITEMS];
} form_entry;

static const form_entry catalogue[NW_FORM_COUNT] = {
    [NW_FORM_BEGEGNUNG] = {
        'A', false, false,
        { "Begegnung", "Encounter" },
        { "Neue, möglichst interessante Begegnungen mit Zielgruppen, möglichen "
          "Kooperationspartner*innen oder einfach ungewohnten Perspektiven.",
          "New, interesting encounters with target groups, possible cooperation "
          "partners or simply unfamiliar perspectives." },
        4, 3,
        { { "Kennenlernen", "Getting to know each other" },
          { "eigene Themen bei anderen setzen", "Placing one's own topics with others" },
          { "neue Perspektive gewinnen", "Gaining a new perspective" },
          { "sich bekannt machen", "Making oneself known" } },
        { { "Begegnungssituationen herstellen", "Creating situations for encounters" },
          { "Sprachfähig sein", "Being articulate" },
          { "Wirkung generieren", "Having an effect" } },
    },
    [NW_FORM_KOOPERATION] = {
        'B', true, false,
        { "Kooperation", "Cooperation" },
        { "Die projekthafte Zusammenarbeit zweier oder mehrerer unabhängiger "
          "Partner*innen, die gut vereinbart sein sollte.",
          "Project-like work of two or more independent partners, which should "
          "be well agreed." },
        2, 4,
        { { "Gegenseitige Ergänzung", "Complementing each other" },
          { "Gemeinsames Ziel umsetzen", "Reaching a common goal" } },
        { { "Klare Zielformulierungen", "Clear goal statements" },
          { "eindeutige Absprachen", "Unambiguous agreements" },
          { "gute Kommunikation", "Good communication" },
          { "Controlling", "Controlling" } },
    },
    [NW_FORM_KONTAKT] = {
        'C', false, true,
        { "Kontakt", "Contact" },
        { "Lose Verbindungen von Mitgliedern und Interessierten im Netzwerk, "
          "für die mindestens eine Kontaktmöglichkeit vorhanden ist, z.B. eine "
          "Email-Adresse.",
          "Loose ties of members and interested people to the network, for whom "
          "at least one way to reach them exists, for example an e-mail address." },
        3, 3,
        { { "Streuung von Informationen", "Spreading information" },
          { "Erreichbar sein", "Being reachable" },
          { "das Thema weitertragen", "Carrying the topic further" } },
        { { "Kontaktherstellung", "Making contact" },
          { "Kontaktmanagement", "Managing contacts" },
          { "Kontaktpflege", "Keeping contacts up" } },
    },
    [NW_FORM_GRUPPE] = {
        'D', true, true,
        { "Gruppe", "Group" },
        { "Ein seltener, fester Zusammenschluss im Netzwerk, um Themen langfristig "
          "zu bearbeiten oder kontinuierlich einen Organisationsgrad aufrecht zu erhalten.",
          "A rare, lasting group within the network, formed to work on topics over a "
          "long time or to keep up a degree of organisation." },
        4, 2,
        { { "langfristige Arbeit", "Long-term work" },
          { "Kontinuität", "Continuity" },
          { "Sicherheit", "Security" },
          { "Erwartbarkeit", "Predictability" } },
        { { "Relevanz der Gruppe vorhanden?", "Is the group (still) relevant?" },
          { "langfristige Ressourcenverfügbarkeit?", "Are resources available for the long term?" } },
    },
};

int nw_check_form(nw_form form)
{
    if ((unsigned)form >= NW_FORM_COUNT)
        return nw_fail(NW_EINVAL, "form %d is not a relationship form (0 to %d)",
                       (int)form, NW_FORM_COUNT - 1);
    return NW_OK;
}

int nw_check_form_mask(unsigned mask)
{
    if (mask & ~NW_FORM_MASK_ALL)
        return nw_fail(NW_EINVAL, "form_mask 0x%X has bits outside NW_FORM_MASK_ALL (0x%X)",
                       mask, NW_FORM_MASK_ALL);
    return NW_OK;
}

int nw_check_lang(nw_lang lang)
{
    if ((unsigned)lang > NW_LANG_EN)
        return nw_fail(NW_EINVAL, "unknown language %d", (int)lang);
    return NW_OK;
}

static const char *pick(const text_de_en *t, nw_lang lang)
{
    return lang == NW_LANG_DE ? t->de : t->en;
}

/* The common checks of a catalogue query: NULL output, form, language. */
static int check_query(const void *out, nw_form form)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    return nw_check_form(form);
}

int nw_form_from_letter(nw_form *out, char letter)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    char upper = letter >= 'a' && letter <= 'z' ? (char)(letter - 'a' + 'A') : letter;
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        if (catalogue[f].letter == upper) {
            *out = (nw_form)f;
            return NW_OK;
        }
    }
    if (letter >= 0x20 && letter < 0x7F)
        return nw_fail(NW_EINVAL, "letter '%c' names no relationship form (A to D)", letter);
    return nw_fail(NW_EINVAL, "letter 0x%02X names no relationship form (A to D)",
                   (unsigned)(unsigned char)letter);
}

int nw_form_letter(char *out, nw_form form)
{
    int rc = check_query(out, form);
    if (rc != NW_OK)
        return rc;
    *out = catalogue[form].letter;
    return NW_OK;
}

int nw_form_name(const char **out, nw_form form, nw_lang lang)
{
    int rc = check_query(out, form);
    if (rc == NW_OK)
        rc = nw_check_lang(lang);
    if (rc != NW_OK)
        return rc;
    *out = pick(&catalogue[form].name, lang);
    return NW_OK;
}

int nw_form_description(const char **out, nw_form form, nw_lang lang)
{
    int rc = check_query(out, form);
    if (rc == NW_OK)
        rc = nw_check_lang(lang);
    if (rc != NW_OK)
        return rc;
    *out = pick(&catalogue[form].description, lang);
    return NW_OK;
}

int nw_form_is_strong(bool *out, nw_form form)
{
    int rc = check_query(out, form);
    if (rc != NW_OK)
        return rc;
    *out = catalogue[form].strong;
    return NW_OK;
}

int nw_form_is_affiliation(bool *out, nw_form form)
{
    int rc = check_query(out, form);
    if (rc != NW_OK)
        return rc;
    *out = catalogue[form].affiliation;
    return NW_OK;
}

int nw_form_goal_count(size_t *out, nw_form form)
{
    int rc = check_query(out, form);
    if (rc != NW_OK)
        return rc;
    *out = catalogue[form].ngoals;
    return NW_OK;
}

int nw_form_challenge_count(size_t *out, nw_form form)
{
    int rc = check_query(out, form);
    if (rc != NW_OK)
        return rc;
    *out = catalogue[form].nchallenges;
    return NW_OK;
}

/* One goal or challenge of `list` (count n), after the common checks. */
static int item(const char **out, nw_form form, size_t index, nw_lang lang,
                const text_de_en *list, size_t n, const char *what)
{
    if (index >= n)
        return nw_fail(NW_ENOTFOUND, "%s index %zu is out of range (form %c has %zu)",
                       what, index, catalogue[form].letter, n);
    *out = pick(&list[index], lang);
    return NW_OK;
}

int nw_form_goal(const char **out, nw_form form, size_t index, nw_lang lang)
{
    int rc = check_query(out, form);
    if (rc == NW_OK)
        rc = nw_check_lang(lang);
    if (rc != NW_OK)
        return rc;
    return item(out, form, index, lang, catalogue[form].goals, catalogue[form].ngoals, "goal");
}

int nw_form_challenge(const char **out, nw_form form, size_t index, nw_lang lang)
{
    int rc = check_query(out, form);
    if (rc == NW_OK)
        rc = nw_check_lang(lang);
    if (rc != NW_OK)
        return rc;
    return item(out, form, index, lang, catalogue[form].challenges,
                catalogue[form].nchallenges, "challenge");
}
