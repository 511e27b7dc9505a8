/*
 * Shared by the data-protection tests (test_consent.c, test_erase.c,
 * test_access_export.c, test_pseudonymise.c): a small network full of one
 * person's data and byte searches.
 *
 * The world ("Schulweg Nordstadt"), identities in brackets:
 *   actors  [1] Maria Müller (person; the one whose data the tests follow)
 *           [2] Grundschule am Park (organisation)
 *           [3] Jugendzentrum Ost (organisation)
 *           [4] Ben Okafor (person)
 *           [5] Elterninitiative (group)
 *   ties    [1] B Kooperation {1,2,3} "Schulwegplan", from 2025-02-01
 *           [2] C Kontakt {1,4}, from 2025-01-15
 *           [3] D Gruppe {2,3,5} "AG Verkehr", from 2025-02-01
 *           [4] A Begegnung {3,4}, on 2025-05-01
 * Every text that mentions Maria is listed in world_mentions below.
 */
#ifndef TEST_PRIVACY_H
#define TEST_PRIVACY_H

#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct world {
    nw_network *net;
    nw_actor *a[6]; /* a[1] .. a[5] */
    nw_tie *t[5];   /* t[1] .. t[4] */
} world;

/* Maria's own data: none of it may survive her erasure or pseudonymisation. */
static inline const char *const *maria_data(void)
{
    static const char *const data[] = {
        "Maria", "Müller", "maria.mueller@example.org", "0511 987654", "987654",
        "Lindenallee", "30159 Hannover", "Imkerei", "Elternvertreterin", "Nüsse",
        "Anmeldebogen", "Ich willige ein", "Ordner 7", "Café Lindenblüte", "Fotografin",
        NULL
    };
    return data;
}

static inline nw_id world_item(nw_checklist *cl, const char *code, nw_id partner)
{
    nw_id id = NW_ID_NONE;
    NWT_OK(nw_checklist_find(&id, cl, code, partner));
    return id;
}

static inline void world_make(world *w)
{
    memset(w, 0, sizeof *w);
    w->net = nwt_network("Schulweg Nordstadt");
    NWT_OK(nw_network_topic_add(w->net, "Sichere Schulwege"));
    NWT_OK(nw_network_topic_add(w->net, "Spielplätze"));
    NWT_OK(nw_network_goal_add(w->net, "Schulwegplan mit Maria Müller bis 2027"));

    NWT_OK(nw_actor_add(&w->a[1], w->net, NW_ACTOR_PERSON, "Maria Müller"));
    NWT_OK(nw_actor_add(&w->a[2], w->net, NW_ACTOR_ORGANISATION, "Grundschule am Park"));
    NWT_OK(nw_actor_add(&w->a[3], w->net, NW_ACTOR_ORGANISATION, "Jugendzentrum Ost"));
    NWT_OK(nw_actor_add(&w->a[4], w->net, NW_ACTOR_PERSON, "Ben Okafor"));
    NWT_OK(nw_actor_add(&w->a[5], w->net, NW_ACTOR_GROUP, "Elterninitiative"));

    nw_actor *m = w->a[1];
    NWT_OK(nw_actor_contact_add(m, NW_CHANNEL_EMAIL, "maria.mueller@example.org"));
    NWT_OK(nw_actor_contact_add(m, NW_CHANNEL_PHONE, "0511 987654"));
    NWT_OK(nw_actor_contact_add(m, NW_CHANNEL_POSTAL, "Lindenallee 7\n30159 Hannover"));
    NWT_OK(nw_actor_interest_add(m, "Sichere Schulwege"));
    NWT_OK(nw_actor_interest_add(m, "Imkerei am Stadtrand"));
    NWT_OK(nw_actor_attr_set(m, "Rolle", "Elternvertreterin der Klasse 3b"));
    NWT_OK(nw_actor_attr_set(m, "Hinweis", "Allergie gegen Nüsse"));
    NWT_OK(nw_actor_set_joined(m, nwt_date("2025-01-10")));
    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2025-01-10");
    c.source = "Anmeldebogen Sommerfest";
    c.text = "Ich willige ein, dass meine Kontaktdaten\nim Netzwerk gespeichert werden.";
    c.note = "Bogen liegt in Ordner 7";
    NWT_OK(nw_consent_add(NULL, m, &c));
    nw_consent photos = NW_CONSENT_INIT;
    photos.given = nwt_date("2025-03-01");
    photos.type = NW_CONSENT_OPT_OUT;
    photos.purpose = "Fotos auf der Website";
    photos.note = "möchte nicht fotografiert werden (ist selbst Fotografin)";
    NWT_OK(nw_consent_add(NULL, m, &photos));

    NWT_OK(nw_actor_contact_add(w->a[2], NW_CHANNEL_POSTAL, "Parkweg 3\n12345 Musterstadt"));
    NWT_OK(nw_actor_interest_add(w->a[2], "Sichere Schulwege"));
    NWT_OK(nw_actor_attr_set(w->a[2], "Ansprechperson", "Maria Müller (bis 2026)"));
    NWT_OK(nw_actor_consent_give(w->a[2], nwt_date("2025-01-01")));
    NWT_OK(nw_actor_consent_give(w->a[3], nwt_date("2025-01-01")));
    NWT_OK(nw_actor_contact_add(w->a[4], NW_CHANNEL_EMAIL, "ben@example.net"));
    NWT_OK(nw_actor_contact_add(w->a[4], NW_CHANNEL_OTHER, "über Maria erreichbar"));
    NWT_OK(nw_actor_consent_give(w->a[4], nwt_date("2025-01-01")));
    NWT_OK(nw_actor_consent_give(w->a[5], nwt_date("2025-01-01")));

    w->t[1] = nwt_tie(w->net, NW_FORM_KOOPERATION, w->a[1], w->a[2], w->a[3], "2025-02-01");
    NWT_OK(nw_tie_set_label(w->t[1], "Schulwegplan"));
    NWT_OK(nw_tie_topic_add(w->t[1], "Sichere Schulwege"));
    NWT_OK(nw_tie_interaction_add(w->t[1], nwt_date("2025-03-01"), NW_INTERACTION_MEETING,
                                  "Maria Müller stellt den Plan vor; maria.mueller@example.org "
                                  "verschickt das Protokoll"));
    NWT_OK(nw_tie_interaction_add(w->t[1], nwt_date("2025-04-01"), NW_INTERACTION_CALL,
                                  "Telefonat Schule und Jugendzentrum"));
    nw_checklist *cl = NULL;
    NWT_OK(nw_tie_checklist(&cl, w->t[1]));
    nw_id goal = world_item(cl, "coop.goal", NW_ID_NONE);
    NWT_OK(nw_checklist_item_set_responsible(cl, goal, m));
    NWT_OK(nw_checklist_item_set_state(cl, goal, NW_ITEM_AGREED));
    NWT_OK(nw_checklist_item_set_due(cl, goal, nwt_date("2025-06-30")));
    nw_id benefit = world_item(cl, "coop.partner_benefit", 1);
    NWT_OK(nw_checklist_item_set_note(cl, benefit, "möchte Kontakte für die Imkerei"));
    nw_id mine = NW_ID_NONE;
    NWT_OK(nw_checklist_item_add(&mine, cl, "Elternbrief von Maria prüfen"));
    NWT_OK(nw_checklist_item_set_note(cl, mine, "Frau Müller schickt den Entwurf"));
    nw_checklist_free(cl);

    w->t[2] = nwt_tie(w->net, NW_FORM_KONTAKT, w->a[1], w->a[4], NULL, "2025-01-15");
    NWT_OK(nw_tie_interaction_add(w->t[2], nwt_date("2025-01-20"), NW_INTERACTION_MEETING,
                                  "Kennenlernen im Café Lindenblüte"));

    w->t[3] = nwt_tie(w->net, NW_FORM_GRUPPE, w->a[2], w->a[3], w->a[5], "2025-02-01");
    NWT_OK(nw_tie_set_label(w->t[3], "AG Verkehr"));
    NWT_OK(nw_tie_interaction_add(w->t[3], nwt_date("2025-04-10"), NW_INTERACTION_MEETING,
                                  "Marias Vorschlag angenommen"));
    NWT_OK(nw_tie_interaction_add(w->t[3], nwt_date("2025-04-20"), NW_INTERACTION_EVENT,
                                  "Sommerfest der Schule"));
    NWT_OK(nw_tie_checklist(&cl, w->t[3]));
    NWT_OK(nw_checklist_item_set_responsible(cl, world_item(cl, "group.relevance", NW_ID_NONE), m));
    nw_checklist_free(cl);

    w->t[4] = nwt_tie(w->net, NW_FORM_BEGEGNUNG, w->a[3], w->a[4], NULL, "2025-05-01");
    NWT_OK(nw_tie_set_end(w->t[4], nwt_date("2025-05-01")));
    NWT_OK(nw_tie_interaction_add(w->t[4], nwt_date("2025-05-01"), NW_INTERACTION_EVENT,
                                  "Straßenfest"));
}

static inline void world_free(world *w)
{
    for (int i = 0; i < 6; i++)
        nw_actor_free(w->a[i]);
    for (int i = 0; i < 5; i++)
        nw_tie_free(w->t[i]);
    nw_network_free(w->net);
}

/* ---- state --------------------------------------------------------------- */

/* The whole state, consent records and checklists included (the shared
 * fingerprint covers them). Free with free(). */
static inline char *privacy_state(nw_network *net)
{
    return nwt_fingerprint(net);
}

/* ---- byte searches --------------------------------------------------------- */

static inline bool has_bytes(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (memcmp(hay + i, needle, n) == 0)
            return true;
    return false;
}

/* ASCII letters compared without case; other bytes exactly. */
static inline bool has_bytes_nocase(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; n <= len && i <= len - n; i++) {
        size_t k = 0;
        while (k < n) {
            unsigned char x = (unsigned char)hay[i + k], y = (unsigned char)needle[k];
            if (x >= 'A' && x <= 'Z')
                x = (unsigned char)(x - 'A' + 'a');
            if (y >= 'A' && y <= 'Z')
                y = (unsigned char)(y - 'A' + 'a');
            if (x != y)
                break;
            k++;
        }
        if (k == n)
            return true;
    }
    return false;
}

/* Fail if any of needles occurs in the bytes (case-insensitive for ASCII). */
static inline void assert_none_of(const char *what, const char *hay, size_t len,
                           const char *const *needles)
{
    for (size_t i = 0; needles[i] != NULL; i++)
        if (has_bytes_nocase(hay, len, needles[i]))
            NWT_FAIL("%s still contains \"%s\"", what, needles[i]);
}

#endif
