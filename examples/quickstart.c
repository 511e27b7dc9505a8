/*
 * quickstart: a neighbourhood network, built with libnetzwerk's public API.
 *
 * "Netzwerk Sichere Schulwege Nordstadt": a youth centre, a primary school,
 * a parents' initiative, a housing company and three residents work on safe
 * ways to school. The program builds the network with all four
 * relationship forms (Beziehungsformen), then prints a summary: the ties by
 * form, and every actor with its ties and neighbours.
 *
 * Every call is checked; on an error the program prints nw_errmsg() and
 * exits with 1. Everything is freed (the program runs clean under valgrind).
 */
#include <netzwerk.h>

#include <stdio.h>

/* Run a libnetzwerk call; on failure report it and jump to cleanup. */
#define CHECK(call)                                                          \
    do {                                                                     \
        int check_rc_ = (call);                                              \
        if (check_rc_ != NW_OK) {                                            \
            fprintf(stderr, "quickstart.c:%d: %s: %s (%s)\n", __LINE__,      \
                    #call, nw_strerror(check_rc_), nw_errmsg());             \
            goto done;                                                       \
        }                                                                    \
    } while (0)

enum { JUZ, SCHULE, ELTERN, WBG, AYSE, JUERGEN, MONIKA, NACTORS };

static const struct {
    nw_actor_kind kind;
    const char *name;
    nw_channel channel;
    const char *contact;
    const char *interest;
    const char *consent; /* date of consent (Freiwilligkeit) */
} actors[NACTORS] = {
    [JUZ] = {NW_ACTOR_ORGANISATION, "Jugendzentrum Nordstadt", NW_CHANNEL_EMAIL,
             "team@juz-nordstadt.example", "Kinder- und Jugendbeteiligung", "2024-09-02"},
    [SCHULE] = {NW_ACTOR_ORGANISATION, "Grundschule am Lindenplatz", NW_CHANNEL_EMAIL,
                "sekretariat@gs-lindenplatz.example", "Sichere Schulwege", "2024-09-02"},
    [ELTERN] = {NW_ACTOR_GROUP, "Elterninitiative Sicherer Schulweg", NW_CHANNEL_EMAIL,
                "eltern.schulweg@example.org", "Sichere Schulwege", "2024-09-16"},
    [WBG] = {NW_ACTOR_ORGANISATION, "Wohnungsbaugesellschaft Nordstadt eG", NW_CHANNEL_POSTAL,
             "Am Markt 3\n12345 Nordstadt", "Wohnumfeld", "2024-10-01"},
    [AYSE] = {NW_ACTOR_PERSON, "Ayşe Yılmaz", NW_CHANNEL_PHONE, "0170 1234567",
              "Sichere Schulwege", "2024-11-09"},
    [JUERGEN] = {NW_ACTOR_PERSON, "Jürgen Müller", NW_CHANNEL_EMAIL,
                 "j.mueller@example.net", "Verkehrsberuhigung", "2024-11-09"},
    [MONIKA] = {NW_ACTOR_PERSON, "Monika Schröder", NW_CHANNEL_OTHER,
                "über das Büro des Jugendzentrums", "Verkehrsberuhigung", "2025-01-20"},
};

static const char *kind_name(nw_actor_kind kind)
{
    switch (kind) {
    case NW_ACTOR_PERSON: return "Person";
    case NW_ACTOR_GROUP: return "Gruppe";
    case NW_ACTOR_ORGANISATION: return "Organisation";
    }
    return "?";
}

static int date(nw_date *out, const char *text)
{
    return nw_date_parse(out, text);
}

/* Add a tie of `form` between the listed actors, from `start`. */
static int tie(nw_tie **out, nw_network *net, nw_form form, nw_actor *const *members,
               size_t count, const char *start, const char *label)
{
    nw_date d;
    nw_tie *t = NULL;
    int rc = date(&d, start);
    if (rc == NW_OK)
        rc = nw_tie_add(&t, net, form, members, count, d);
    if (rc == NW_OK && label)
        rc = nw_tie_set_label(t, label);
    if (rc == NW_OK && out)
        *out = t;
    else
        nw_tie_free(t);
    return rc;
}

static int log_interaction(nw_tie *t, const char *when, nw_interaction_kind kind, const char *note)
{
    nw_date d;
    int rc = date(&d, when);
    return rc == NW_OK ? nw_tie_interaction_add(t, d, kind, note) : rc;
}

/* Print the network's ties, counted by form, with the catalogue's names. */
static int print_forms(const nw_network *net)
{
    printf("Beziehungsformen / relationship forms:\n");
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        char letter;
        const char *de, *en;
        bool strong;
        size_t count;
        int rc;
        if ((rc = nw_form_letter(&letter, (nw_form)f)) != NW_OK ||
            (rc = nw_form_name(&de, (nw_form)f, NW_LANG_DE)) != NW_OK ||
            (rc = nw_form_name(&en, (nw_form)f, NW_LANG_EN)) != NW_OK ||
            (rc = nw_form_is_strong(&strong, (nw_form)f)) != NW_OK ||
            (rc = nw_network_tie_count(&count, net, NW_FORM_BIT(f))) != NW_OK)
            return rc;
        printf("  %c %-12s %-12s %-7s %zu\n", letter, de, en, strong ? "strong" : "weak", count);
    }
    return NW_OK;
}

/* Print one actor: kind, name, reachability, consent, its ties and neighbours. */
static int print_actor(nw_actor *a, nw_date today)
{
    const char *name, *label;
    nw_actor_kind kind;
    size_t ncontacts;
    bool consent;
    nw_tie_iter *ties = NULL;
    nw_actor_iter *neighbours = NULL;
    nw_tie *t;
    nw_actor *n;
    int rc;

    if ((rc = nw_actor_name(&name, a)) != NW_OK || (rc = nw_actor_kind_get(&kind, a)) != NW_OK ||
        (rc = nw_actor_contact_count(&ncontacts, a)) != NW_OK ||
        (rc = nw_actor_has_consent(&consent, a, today)) != NW_OK)
        return rc;
    printf("\n%s (%s): %zu way(s) to reach, consent %s\n", name, kind_name(kind), ncontacts,
           consent ? "given" : "missing");

    if ((rc = nw_tie_iter_new_actor(&ties, a, NW_FORM_MASK_ALL)) != NW_OK)
        return rc;
    while ((rc = nw_tie_iter_next(&t, ties)) == NW_OK) {
        nw_form form;
        char letter;
        const char *form_name;
        size_t members;
        if ((rc = nw_tie_form(&form, t)) == NW_OK && (rc = nw_form_letter(&letter, form)) == NW_OK &&
            (rc = nw_form_name(&form_name, form, NW_LANG_DE)) == NW_OK &&
            (rc = nw_tie_label(&label, t)) == NW_OK && (rc = nw_tie_member_count(&members, t)) == NW_OK)
            printf("  tie   %c %-11s %zu members%s%s\n", letter, form_name, members,
                   *label ? ": " : "", label);
        nw_tie_free(t);
        if (rc != NW_OK)
            break;
    }
    nw_tie_iter_free(ties);
    if (rc != NW_ITEROVER)
        return rc;

    if ((rc = nw_actor_iter_new_neighbors(&neighbours, a, NW_FORM_MASK_ALL)) != NW_OK)
        return rc;
    printf("  neighbours:");
    const char *sep = " ";
    while ((rc = nw_actor_iter_next(&n, neighbours)) == NW_OK) {
        rc = nw_actor_name(&name, n);
        if (rc == NW_OK)
            printf("%s%s", sep, name);
        sep = ", ";
        nw_actor_free(n);
        if (rc != NW_OK)
            break;
    }
    printf("\n");
    nw_actor_iter_free(neighbours);
    return rc == NW_ITEROVER ? NW_OK : rc;
}

int main(void)
{
    int status = 1;
    nw_network *net = NULL;
    nw_actor *a[NACTORS] = {NULL};
    nw_tie *projekt = NULL, *begegnung = NULL;
    nw_actor_iter *all = NULL;
    nw_actor *each = NULL;
    nw_date d, today;
    size_t nactors, nties;
    int rc;

    printf("libnetzwerk %s\n\n", nw_version());

    /* The network, its shared topics (Geteiltes Interesse) and goals. */
    CHECK(nw_network_new(&net, "Netzwerk Sichere Schulwege Nordstadt"));
    CHECK(nw_network_topic_add(net, "Sichere Schulwege"));
    CHECK(nw_network_topic_add(net, "Verkehrsberuhigung"));
    CHECK(nw_network_topic_add(net, "Kinder- und Jugendbeteiligung"));
    CHECK(nw_network_goal_add(net, "Sichere Schulwege bis 2027"));
    CHECK(nw_network_goal_add(net, "Weniger Elterntaxis vor der Grundschule"));

    /* The actors, each reachable, with an interest and recorded consent. */
    for (int i = 0; i < NACTORS; i++) {
        CHECK(nw_actor_add(&a[i], net, actors[i].kind, actors[i].name));
        CHECK(nw_actor_contact_add(a[i], actors[i].channel, actors[i].contact));
        CHECK(nw_actor_interest_add(a[i], actors[i].interest));
        CHECK(date(&d, actors[i].consent));
        CHECK(nw_actor_consent_give(a[i], d));
        CHECK(nw_actor_set_joined(a[i], d));
    }
    CHECK(nw_actor_contact_add(a[JUZ], NW_CHANNEL_PHONE, "0521 987650"));
    CHECK(nw_actor_attr_set(a[AYSE], "Sprachen", "Deutsch, Türkisch"));

    /* B Kooperation: a project of three independent partners. */
    nw_actor *partners[] = {a[JUZ], a[SCHULE], a[ELTERN]};
    CHECK(tie(&projekt, net, NW_FORM_KOOPERATION, partners, 3, "2025-02-01", "Schulwegdetektive"));
    CHECK(nw_tie_topic_add(projekt, "Sichere Schulwege"));
    CHECK(nw_tie_goal_add(projekt, "Schulwegplan für die Grundschule bis Sommer 2025"));
    CHECK(log_interaction(projekt, "2025-02-10", NW_INTERACTION_MEETING, "Auftakttreffen im Jugendzentrum"));
    CHECK(log_interaction(projekt, "2025-04-05", NW_INTERACTION_EVENT, "Begehung der Schulwege mit Kindern"));
    CHECK(log_interaction(projekt, "2025-05-12", NW_INTERACTION_MESSAGE, NULL));

    /* D Gruppe: a working group that meets over the long term. */
    nw_actor *group[] = {a[ELTERN], a[AYSE], a[JUERGEN], a[MONIKA]};
    CHECK(tie(NULL, net, NW_FORM_GRUPPE, group, 4, "2024-11-09", "Arbeitskreis Verkehr"));

    /* C Kontakt: loose, standing ties to people and organisations. */
    nw_actor *contact1[] = {a[WBG], a[JUZ]};
    nw_actor *contact2[] = {a[JUERGEN], a[SCHULE]};
    CHECK(tie(NULL, net, NW_FORM_KONTAKT, contact1, 2, "2024-10-01", NULL));
    CHECK(tie(NULL, net, NW_FORM_KONTAKT, contact2, 2, "2024-11-15", NULL));

    /* A Begegnung: Ayşe Yılmaz meets the housing company at the street party. */
    nw_actor *meeting[] = {a[AYSE], a[WBG]};
    CHECK(tie(&begegnung, net, NW_FORM_BEGEGNUNG, meeting, 2, "2025-06-14", "Stadtteilfest Nordstadt"));
    CHECK(log_interaction(begegnung, "2025-06-14", NW_INTERACTION_EVENT, "Gespräch über die Beleuchtung am Fußweg"));

    /* The summary. */
    const char *name;
    CHECK(nw_network_name(&name, net));
    CHECK(nw_network_actor_count(&nactors, net));
    CHECK(nw_network_tie_count(&nties, net, NW_FORM_MASK_ALL));
    printf("%s: %zu actors, %zu ties\n\n", name, nactors, nties);
    CHECK(print_forms(net));

    CHECK(date(&today, "2025-07-01"));
    CHECK(nw_actor_iter_new(&all, net));
    while ((rc = nw_actor_iter_next(&each, all)) == NW_OK) {
        CHECK(print_actor(each, today));
        nw_actor_free(each);
        each = NULL;
    }
    if (rc != NW_ITEROVER)
        CHECK(rc);
    status = 0;

done:
    nw_actor_free(each);
    nw_actor_iter_free(all);
    nw_tie_free(begegnung);
    nw_tie_free(projekt);
    for (int i = 0; i < NACTORS; i++)
        nw_actor_free(a[i]);
    nw_network_free(net);
    return status;
}
