/*
 * The quickstart's network, built through the public API: a youth centre, a
 * primary school, a parents' initiative, a housing company and three
 * residents working on safe ways to school, with all four relationship
 * forms. quickstart.c prints it; validate.c, strength_report.c and
 * data/make_nordstadt.c work on it.
 */
#include "example_network.h"

#include <stddef.h>

enum { JUZ, SCHULE, ELTERN, WBG, AYSE, JUERGEN, MONIKA, NACTORS };

static const struct {
    nw_actor_kind kind;
    const char *name;
    nw_channel channel;
    const char *contact;
    const char *interest;
    const char *consent; /* date of consent, also the date of joining */
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

/* Add a tie of `form` between the listed actors, from `start`, with an optional label. */
static int tie(nw_tie **out, nw_network *net, nw_form form, nw_actor *const *members,
               size_t count, const char *start, const char *label)
{
    nw_date d;
    nw_tie *t = NULL;
    int rc = nw_date_parse(&d, start);
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
    int rc = nw_date_parse(&d, when);
    return rc == NW_OK ? nw_tie_interaction_add(t, d, kind, note) : rc;
}

int example_network_build(nw_network **out)
{
    nw_network *net = NULL;
    nw_actor *a[NACTORS] = {NULL};
    nw_tie *projekt = NULL, *begegnung = NULL;
    nw_date d;
    int rc;

#define TRY(call)                       \
    do {                                \
        if ((rc = (call)) != NW_OK)     \
            goto done;                  \
    } while (0)

    /* The network, its shared topics (Geteiltes Interesse) and goals. */
    TRY(nw_network_new(&net, "Netzwerk Sichere Schulwege Nordstadt"));
    TRY(nw_network_topic_add(net, "Sichere Schulwege"));
    TRY(nw_network_topic_add(net, "Verkehrsberuhigung"));
    TRY(nw_network_topic_add(net, "Kinder- und Jugendbeteiligung"));
    TRY(nw_network_goal_add(net, "Sichere Schulwege bis 2027"));
    TRY(nw_network_goal_add(net, "Weniger Elterntaxis vor der Grundschule"));

    /* The actors, each reachable, with an interest and recorded consent. */
    for (int i = 0; i < NACTORS; i++) {
        TRY(nw_actor_add(&a[i], net, actors[i].kind, actors[i].name));
        TRY(nw_actor_contact_add(a[i], actors[i].channel, actors[i].contact));
        TRY(nw_actor_interest_add(a[i], actors[i].interest));
        TRY(nw_date_parse(&d, actors[i].consent));
        TRY(nw_actor_consent_give(a[i], d));
        TRY(nw_actor_set_joined(a[i], d));
    }
    TRY(nw_actor_contact_add(a[JUZ], NW_CHANNEL_PHONE, "0521 987650"));
    TRY(nw_actor_attr_set(a[AYSE], "Sprachen", "Deutsch, Türkisch"));

    /* B Kooperation: a project of three independent partners. */
    nw_actor *partners[] = {a[JUZ], a[SCHULE], a[ELTERN]};
    TRY(tie(&projekt, net, NW_FORM_KOOPERATION, partners, 3, "2025-02-01", "Schulwegdetektive"));
    TRY(nw_tie_topic_add(projekt, "Sichere Schulwege"));
    TRY(nw_tie_goal_add(projekt, "Schulwegplan für die Grundschule bis Sommer 2025"));
    TRY(log_interaction(projekt, "2025-02-10", NW_INTERACTION_MEETING, "Auftakttreffen im Jugendzentrum"));
    TRY(log_interaction(projekt, "2025-04-05", NW_INTERACTION_EVENT, "Begehung der Schulwege mit Kindern"));
    TRY(log_interaction(projekt, "2025-05-12", NW_INTERACTION_MESSAGE, NULL));

    /* D Gruppe: a working group that meets over the long term. */
    nw_actor *group[] = {a[ELTERN], a[AYSE], a[JUERGEN], a[MONIKA]};
    TRY(tie(NULL, net, NW_FORM_GRUPPE, group, 4, "2024-11-09", "Arbeitskreis Verkehr"));

    /* C Kontakt: loose, standing ties to people and organisations. */
    nw_actor *contact1[] = {a[WBG], a[JUZ]};
    nw_actor *contact2[] = {a[JUERGEN], a[SCHULE]};
    TRY(tie(NULL, net, NW_FORM_KONTAKT, contact1, 2, "2024-10-01", NULL));
    TRY(tie(NULL, net, NW_FORM_KONTAKT, contact2, 2, "2024-11-15", NULL));

    /* A Begegnung: Ayşe Yılmaz meets the housing company at the street party. */
    nw_actor *meeting[] = {a[AYSE], a[WBG]};
    TRY(tie(&begegnung, net, NW_FORM_BEGEGNUNG, meeting, 2, "2025-06-14", "Stadtteilfest Nordstadt"));
    TRY(log_interaction(begegnung, "2025-06-14", NW_INTERACTION_EVENT, "Gespräch über die Beleuchtung am Fußweg"));
#undef TRY

done:
    nw_tie_free(begegnung);
    nw_tie_free(projekt);
    for (int i = 0; i < NACTORS; i++)
        nw_actor_free(a[i]);
    if (rc == NW_OK)
        *out = net;
    else
        nw_network_free(net);
    return rc;
}
