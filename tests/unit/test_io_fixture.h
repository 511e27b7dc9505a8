/*
 * A network that uses every field the model has, shared by the file-format
 * tests (header only: each test_io_*.c is its own program).
 *
 * Identities: actors 1..5 with 3 removed (a gap), then actor 6 added and
 * removed (so the next actor identity is 7, above every live one); ties 1..4
 * with 2 removed, then tie 5 added and removed (next tie identity 6).
 *
 * Checklists (see fx_checklists_of_every_field below for the items):
 * the cooperation's items in every state, with responsible actors (one of
 * them removed since), due dates, notes, users' items (one removed, so the
 * identities have a gap), and partners who left (Kita left and came back,
 * so its item is new; the Grundschule joined and left again); the
 * contact's checklist was created on request; the group's is its template
 * with two items changed.
 */
#ifndef TEST_IO_FIXTURE_H
#define TEST_IO_FIXTURE_H

#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline nw_actor *fx_actor(nw_network *net, nw_actor_kind kind, const char *name)
{
    nw_actor *a = NULL;
    NWT_OK(nw_actor_add(&a, net, kind, name));
    return a;
}

static inline nw_id fx_item(const nw_checklist *cl, const char *code, nw_id partner)
{
    nw_id item = NW_ID_NONE;
    NWT_OK(nw_checklist_find(&item, cl, code, partner));
    return item;
}

static inline void fx_item_set(nw_checklist *cl, nw_id item, nw_item_state state,
                               const nw_actor *responsible, const char *due, const char *note)
{
    NWT_OK(nw_checklist_item_set_state(cl, item, state));
    if (responsible)
        NWT_OK(nw_checklist_item_set_responsible(cl, item, responsible));
    if (due)
        NWT_OK(nw_checklist_item_set_due(cl, item, nwt_date(due)));
    if (note)
        NWT_OK(nw_checklist_item_set_note(cl, item, note));
}

/* The checklists of fx_every_field(). Item identities of the cooperation
 * (members 1, 2, 4): 1..8 the template, 9..11 the partners 1, 2, 4; then
 * 12 "Pressearbeit", 13 added and removed, 14 the Grundschule's (joined),
 * 10 gone with Kita (left), 15 Kita's new one (came back), 14 gone with the
 * Grundschule (left), 16 "Fotos | Film"; the next is 17. */
static inline void fx_checklists(nw_tie *coop, nw_tie *contact, nw_tie *group, nw_actor *maria,
                                 nw_actor *kita, nw_actor *gone, nw_actor *schule)
{
    nw_checklist *cl = NULL;
    nw_id item = NW_ID_NONE;
    NWT_OK(nw_tie_checklist(&cl, coop));
    fx_item_set(cl, fx_item(cl, "coop.goal", 0), NW_ITEM_DONE, maria, NULL,
                "Laufbus an 3 Schulen,\nbis zum Sommer");
    fx_item_set(cl, fx_item(cl, "coop.agreements", 0), NW_ITEM_AGREED, gone, "2024-04-30", NULL);
    fx_item_set(cl, fx_item(cl, "coop.communication", 0), NW_ITEM_NOT_APPLICABLE, NULL, NULL,
                "läuft über die Kita");
    fx_item_set(cl, fx_item(cl, "coop.controlling", 0), NW_ITEM_AGREED, kita, "2024-06-01", NULL);
    fx_item_set(cl, fx_item(cl, "coop.data_protection", 0), NW_ITEM_NOT_APPLICABLE, NULL, NULL, NULL);
    fx_item_set(cl, fx_item(cl, "coop.partner_benefit", 2), NW_ITEM_DONE, NULL, NULL, "lost");
    NWT_OK(nw_checklist_item_add(&item, cl, "Pressearbeit"));
    fx_item_set(cl, item, NW_ITEM_OPEN, NULL, "2024-05-15", "Zeile 1\n\"zitiert\"\t\\ Ende");
    NWT_OK(nw_checklist_item_add(&item, cl, "Wird entfernt"));
    NWT_OK(nw_checklist_item_remove(cl, item));
    NWT_OK(nw_tie_member_add(coop, schule));
    NWT_OK(nw_tie_member_remove(coop, kita));
    NWT_OK(nw_tie_member_add(coop, kita));
    NWT_OK(nw_tie_member_remove(coop, schule));
    fx_item_set(cl, fx_item(cl, "coop.partner_benefit", 2), NW_ITEM_AGREED, kita, NULL, "Räume");
    fx_item_set(cl, fx_item(cl, "coop.partner_benefit", 4), NW_ITEM_DONE, NULL, NULL, NULL);
    NWT_OK(nw_checklist_item_add(&item, cl, "Fotos | Film"));
    fx_item_set(cl, item, NW_ITEM_DONE, schule, "2024-05-01", NULL);
    nw_checklist_free(cl);

    NWT_OK(nw_tie_checklist_create(&cl, contact));
    fx_item_set(cl, fx_item(cl, "contact.reachable", 0), NW_ITEM_AGREED, NULL, NULL, NULL);
    fx_item_set(cl, fx_item(cl, "contact.kept_up", 0), NW_ITEM_DONE, maria, "2024-09-01", NULL);
    NWT_OK(nw_checklist_item_add(&item, cl, "Newsletter"));
    nw_checklist_free(cl);

    NWT_OK(nw_tie_checklist(&cl, group));
    fx_item_set(cl, fx_item(cl, "group.relevance", 0), NW_ITEM_NOT_APPLICABLE, NULL, NULL, NULL);
    fx_item_set(cl, fx_item(cl, "group.continuity", 0), NW_ITEM_AGREED, NULL, "2025-01-31",
                "jeden ersten Montag");
    nw_checklist_free(cl);
}

static inline nw_network *fx_every_field(void)
{
    nw_network *net = nwt_network("Sichere Schulwege \"Nord\"");
    NWT_OK(nw_network_topic_add(net, "Verkehr"));
    NWT_OK(nw_network_topic_add(net, "Kinder & Jugend"));
    NWT_OK(nw_network_goal_add(net, "Sichere Schulwege bis 2027"));

    nw_actor *maria = fx_actor(net, NW_ACTOR_PERSON, "Maria Müller");
    nw_actor *kita = fx_actor(net, NW_ACTOR_ORGANISATION, "Kita Sonnenschein");
    nw_actor *gone = fx_actor(net, NW_ACTOR_PERSON, "Gone");
    nw_actor *eltern = fx_actor(net, NW_ACTOR_GROUP, "Elterninitiative | Nord\\Süd");
    nw_actor *schule = fx_actor(net, NW_ACTOR_ORGANISATION, "Grundschule; am Park, \"Ost\"");

    NWT_OK(nw_actor_contact_add(maria, NW_CHANNEL_EMAIL, "maria@example.org"));
    NWT_OK(nw_actor_contact_add(maria, NW_CHANNEL_PHONE, "+49 30 1234"));
    NWT_OK(nw_actor_contact_add(maria, NW_CHANNEL_EMAIL, "m.mueller@example.org"));
    NWT_OK(nw_actor_contact_add(kita, NW_CHANNEL_POSTAL, "Parkweg 1\n12345 Berlin"));
    NWT_OK(nw_actor_contact_add(kita, NW_CHANNEL_OTHER, "über das Büro | Frau K."));
    NWT_OK(nw_actor_interest_add(maria, "Verkehr"));
    NWT_OK(nw_actor_interest_add(maria, "Spielplätze"));
    NWT_OK(nw_actor_consent_give(maria, nwt_date("2024-01-15")));
    NWT_OK(nw_actor_consent_give(kita, nwt_date("2023-03-01")));
    NWT_OK(nw_actor_consent_withdraw(kita, nwt_date("2025-06-30")));
    NWT_OK(nw_actor_set_joined(maria, nwt_date("2024-01-10")));
    NWT_OK(nw_actor_attr_set(maria, "Stadtteil", "Nord"));
    NWT_OK(nw_actor_attr_set(maria, "Notiz", "Zeile 1\nZeile 2\t\"zitiert\" \\ Ende"));
    NWT_OK(nw_actor_attr_set(maria, "leer", ""));
    NWT_OK(nw_actor_attr_set(kita, "name", "a key that is also a column"));
    NWT_OK(nw_actor_interest_add(eltern, "Schulweg"));
    /* consent records in full (issue 8): every field, an opt-out */
    nw_consent photos = NW_CONSENT_INIT, news = NW_CONSENT_INIT;
    photos.given = nwt_date("2024-10-01");
    photos.purpose = "Fotos auf der Website";
    photos.source = "Elternabend";
    photos.text = "Fotos der Gruppe dürfen\nauf die Website.";
    photos.note = "nur Gruppenfotos";
    photos.expires = nwt_date("2026-10-01");
    photos.withdrawn = nwt_date("2025-02-01");
    NWT_OK(nw_consent_add(NULL, eltern, &photos));
    news.given = nwt_date("2025-01-10");
    news.type = NW_CONSENT_OPT_OUT;
    news.purpose = "Newsletter";
    NWT_OK(nw_consent_add(NULL, eltern, &news));

    nw_tie *coop = nwt_tie(net, NW_FORM_KOOPERATION, maria, kita, eltern, "2024-02-01");
    nw_tie *dropped = nwt_tie(net, NW_FORM_BEGEGNUNG, maria, gone, NULL, "2024-02-02");
    nw_tie *contact = nwt_tie(net, NW_FORM_KONTAKT, kita, schule, NULL, "2023-05-05");
    nw_tie *group = nwt_tie(net, NW_FORM_GRUPPE, maria, eltern, schule, "2022-09-01");
    NWT_OK(nw_tie_set_imposed(coop, true));
    NWT_OK(nw_tie_set_label(coop, "Projekt \"Laufbus\""));
    NWT_OK(nw_tie_topic_add(coop, "Verkehr"));
    NWT_OK(nw_tie_goal_add(coop, "Laufbus an 3 Schulen"));
    NWT_OK(nw_tie_goal_add(coop, "Elternbrief"));
    NWT_OK(nw_tie_interaction_add(coop, nwt_date("2024-03-01"), NW_INTERACTION_MEETING,
                                  "Auftakt\nmit Protokoll"));
    NWT_OK(nw_tie_interaction_add(coop, nwt_date("2024-02-10"), NW_INTERACTION_CALL, NULL));
    NWT_OK(nw_tie_interaction_add(coop, nwt_date("2024-03-01"), NW_INTERACTION_EVENT, "Fest"));
    NWT_OK(nw_tie_interaction_add(contact, nwt_date("2023-06-01"), NW_INTERACTION_MESSAGE, "Mail"));
    NWT_OK(nw_tie_set_end(contact, nwt_date("2024-12-31")));
    fx_checklists(coop, contact, group, maria, kita, gone, schule);
    NWT_OK(nw_tie_remove(dropped));
    NWT_OK(nw_actor_remove(gone));

    /* Identities used and given up at the end: counters above every live id. */
    nw_actor *late = fx_actor(net, NW_ACTOR_PERSON, "Late");
    nw_tie *late_tie = nwt_tie(net, NW_FORM_KONTAKT, maria, late, NULL, "2025-01-01");
    NWT_OK(nw_actor_remove(late));

    nw_tie_free(late_tie);
    nw_actor_free(late);
    nw_tie_free(coop);
    nw_tie_free(dropped);
    nw_tie_free(contact);
    nw_tie_free(group);
    nw_actor_free(maria);
    nw_actor_free(kita);
    nw_actor_free(gone);
    nw_actor_free(eltern);
    nw_actor_free(schule);
    return net;
}

/* The identity the next actor / tie of net gets (adds one and removes it). */
static inline nw_id fx_next_actor_id(nw_network *net)
{
    nw_actor *a = NULL;
    NWT_OK(nw_actor_add(&a, net, NW_ACTOR_PERSON, "fx probe"));
    nw_id id = nwt_actor_id(a);
    NWT_OK(nw_actor_remove(a));
    nw_actor_free(a);
    return id;
}

/* Everything the public API shows of the checklists of net, as text
 * (malloc'ed): per tie with a checklist its items in list order with every
 * field. (nwt_fingerprint() covers the rest of the network.) */
static inline char *fx_checklists_text(nw_network *net)
{
    nwt_failalloc_pause();
    size_t cap = 1 << 16, len = 0;
    char *s = malloc(cap);
    if (s == NULL)
        NWT_FAIL("out of memory");
    s[0] = '\0';
    nw_tie_iter *it = NULL;
    nw_tie *t = NULL;
    NWT_OK(nw_tie_iter_new(&it, net, NW_FORM_MASK_ALL));
    while (nw_tie_iter_next(&t, it) == NW_OK) {
        nw_checklist *cl = NULL;
        int rc = nw_tie_checklist(&cl, t);
        len += (size_t)snprintf(s + len, cap - len, "tie %u:%s\n", (unsigned)nwt_tie_id(t),
                                rc == NW_ENOTFOUND ? " none" : "");
        if (rc != NW_ENOTFOUND) {
            NWT_OK(rc);
            size_t n = 0;
            NWT_OK(nw_checklist_item_count(&n, cl));
            for (size_t i = 0; i < n; i++) {
                nw_id item = 0, partner = 0, resp = 0;
                const char *code, *de, *en, *note;
                nw_item_state state;
                nw_date due;
                char day[NW_DATE_BUFSIZE] = "none";
                NWT_OK(nw_checklist_item_at(&item, cl, i));
                NWT_OK(nw_checklist_item_code(&code, cl, item));
                NWT_OK(nw_checklist_item_label(&de, cl, item, NW_LANG_DE));
                NWT_OK(nw_checklist_item_label(&en, cl, item, NW_LANG_EN));
                NWT_OK(nw_checklist_item_partner(&partner, cl, item));
                NWT_OK(nw_checklist_item_state(&state, cl, item));
                NWT_OK(nw_checklist_item_responsible(&resp, cl, item));
                NWT_OK(nw_checklist_item_due(&due, cl, item));
                NWT_OK(nw_checklist_item_note(&note, cl, item));
                if (due != NW_DATE_NONE)
                    NWT_OK(nw_date_format(day, sizeof day, due));
                if (cap - len < 1024 + strlen(note) + strlen(de) + strlen(en)) {
                    cap = cap * 2 + strlen(note) + strlen(de) + strlen(en);
                    if ((s = realloc(s, cap)) == NULL)
                        NWT_FAIL("out of memory");
                }
                len += (size_t)snprintf(s + len, cap - len,
                                        "  item %u %s [%s] [%s] partner=%u state=%d resp=%u due=%s "
                                        "note=[%s]\n",
                                        (unsigned)item, code, de, en, (unsigned)partner, (int)state,
                                        (unsigned)resp, day, note);
            }
            nw_checklist_free(cl);
        }
        nw_tie_free(t);
    }
    nw_tie_iter_free(it);
    nwt_failalloc_resume();
    return s;
}

/* The identity the next item of tie's checklist gets (adds one and removes
 * it), or NW_ID_NONE when they are used up (NW_ELIMIT). */
static inline nw_id fx_next_item_id(nw_network *net, nw_id tie)
{
    nw_tie *t = NULL;
    nw_checklist *cl = NULL;
    nw_id item = NW_ID_NONE;
    NWT_OK(nw_tie_lookup(&t, net, tie));
    NWT_OK(nw_tie_checklist(&cl, t));
    int rc = nw_checklist_item_add(&item, cl, "fx probe");
    if (rc == NW_OK)
        NWT_OK(nw_checklist_item_remove(cl, item));
    else if (rc != NW_ELIMIT)
        NWT_FAIL("adding an item: %s: %s", nwt_code_name(rc), nw_errmsg());
    nw_checklist_free(cl);
    nw_tie_free(t);
    return item;
}

/* Read a whole file into a NUL-terminated malloc'ed buffer. */
static inline char *fx_read(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        NWT_FAIL("cannot open %s", path);
    char *s = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            s = realloc(s, cap);
            if (s == NULL)
                NWT_FAIL("out of memory");
        }
        size_t got = fread(s + n, 1, 4096, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    s[n] = '\0';
    if (len)
        *len = n;
    return s;
}

static inline void fx_write(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        NWT_FAIL("cannot create %s", path);
    fwrite(text, 1, strlen(text), f);
    fclose(f);
}

#endif
