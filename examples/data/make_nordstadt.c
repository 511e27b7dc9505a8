/*
 * make_nordstadt: write examples/data/nordstadt.json, the network that the
 * Lua host example (examples/lua_host) loads.
 *
 *     make_nordstadt <output.json>
 *
 * It is the quickstart's network (example_network.c: a youth centre, a
 * primary school, a parents' initiative, a housing company and three
 * residents, all four forms) plus two younger cooperations, with the
 * agreement checklists filled in as a coordinator would have them on
 * 2025-07-01:
 *
 * - "Schulwegdetektive" (JUZ, Grundschule, Elterninitiative): well agreed,
 *   every point settled, next review on 2025-09-15;
 * - "Laufbus Lindenplatz" (Grundschule, Elterninitiative, Ayşe Yılmaz): not
 *   well agreed: the review of 2025-06-15 is overdue, the resources and
 *   Ayşe Yılmaz's contribution are still open;
 * - "Beleuchtung am Fußweg" (Wohnungsbaugesellschaft, JUZ): just started,
 *   only the goal is agreed; the agreements were due on 2025-06-30.
 *
 * The group and one contact have their checklists settled too. The ctest
 * example_data_nordstadt checks that the committed file is this program's
 * output, byte for byte.
 */
#include "../example_network.h"

#include <netzwerk.h>
#include <stdio.h>
#include <string.h>

#define TRY(call)                   \
    do {                            \
        if ((rc = (call)) != NW_OK) \
            goto done;              \
    } while (0)

static int date(nw_date *out, const char *iso)
{
    return nw_date_parse(out, iso);
}

/* The tie with a label (the network's labels are unique). */
static int tie_by_label(nw_tie **out, nw_network *net, const char *label)
{
    nw_tie_iter *it = NULL;
    nw_tie *t = NULL;
    int rc = nw_tie_iter_new(&it, net, NW_FORM_MASK_ALL);
    while (rc == NW_OK && (rc = nw_tie_iter_next(&t, it)) == NW_OK) {
        const char *l = NULL;
        if ((rc = nw_tie_label(&l, t)) == NW_OK && l && strcmp(l, label) == 0)
            break;
        nw_tie_free(t);
        t = NULL;
    }
    nw_tie_iter_free(it);
    if (rc == NW_ITEROVER)
        rc = NW_ENOTFOUND;
    if (rc == NW_OK)
        *out = t;
    return rc;
}

/* The identity of a named actor. */
static int actor_id(nw_id *out, nw_network *net, const char *name)
{
    nw_actor *a = NULL;
    int rc = nw_actor_lookup_name(&a, net, name);
    if (rc == NW_OK)
        rc = nw_actor_id(out, a);
    nw_actor_free(a);
    return rc;
}

/* One checklist item: its state, and optionally a due date, the responsible
 * actor (by name) and a note. `partner` names the partner of a per-partner item. */
struct item {
    const char *code;
    const char *partner;
    nw_item_state state;
    const char *due;
    const char *responsible;
    const char *note;
};

static int fill(nw_network *net, nw_tie *t, const struct item *items, size_t n)
{
    nw_checklist *cl = NULL;
    int rc = nw_tie_checklist(&cl, t);
    for (size_t i = 0; rc == NW_OK && i < n; i++) {
        nw_id item, partner = NW_ID_NONE;
        if (items[i].partner)
            TRY(actor_id(&partner, net, items[i].partner));
        TRY(nw_checklist_find(&item, cl, items[i].code, partner));
        TRY(nw_checklist_item_set_state(cl, item, items[i].state));
        if (items[i].due) {
            nw_date d;
            TRY(date(&d, items[i].due));
            TRY(nw_checklist_item_set_due(cl, item, d));
        }
        if (items[i].responsible) {
            nw_actor *a = NULL;
            TRY(nw_actor_lookup_name(&a, net, items[i].responsible));
            rc = nw_checklist_item_set_responsible(cl, item, a);
            nw_actor_free(a);
            TRY(rc);
        }
        if (items[i].note)
            TRY(nw_checklist_item_set_note(cl, item, items[i].note));
    }
done:
    nw_checklist_free(cl);
    return rc;
}

/* A new tie between named actors, with a label, a topic and a goal. */
static int cooperation(nw_tie **out, nw_network *net, const char *const *names, size_t n,
                       const char *start, const char *label, const char *topic, const char *goal)
{
    nw_actor *members[4] = {NULL};
    nw_tie *t = NULL;
    nw_date d;
    int rc = NW_OK;
    for (size_t i = 0; i < n; i++)
        TRY(nw_actor_lookup_name(&members[i], net, names[i]));
    TRY(date(&d, start));
    TRY(nw_tie_add(&t, net, NW_FORM_KOOPERATION, members, n, d));
    TRY(nw_tie_set_label(t, label));
    TRY(nw_tie_topic_add(t, topic));
    TRY(nw_tie_goal_add(t, goal));
done:
    for (size_t i = 0; i < n; i++)
        nw_actor_free(members[i]);
    if (rc == NW_OK)
        *out = t;
    else
        nw_tie_free(t);
    return rc;
}

static int interaction(nw_tie *t, const char *when, nw_interaction_kind kind, const char *note)
{
    nw_date d;
    int rc = date(&d, when);
    return rc == NW_OK ? nw_tie_interaction_add(t, d, kind, note) : rc;
}

#define JUZ "Jugendzentrum Nordstadt"
#define SCHULE "Grundschule am Lindenplatz"
#define ELTERN "Elterninitiative Sicherer Schulweg"
#define WBG "Wohnungsbaugesellschaft Nordstadt eG"
#define AYSE "Ayşe Yılmaz"

static const struct item detektive[] = {
    {"coop.goal", NULL, NW_ITEM_DONE, NULL, NULL, "Schulwegplan für die Grundschule bis Sommer 2025"},
    {"coop.agreements", NULL, NW_ITEM_AGREED, NULL, JUZ, "Protokoll des Auftakttreffens vom 10.02.2025"},
    {"coop.communication", NULL, NW_ITEM_DONE, NULL, NULL, "Monatliches Treffen, dazwischen E-Mail"},
    {"coop.contact_persons", NULL, NW_ITEM_DONE, NULL, NULL, NULL},
    {"coop.controlling", NULL, NW_ITEM_DONE, "2025-09-15", JUZ, "Auswertung nach den Sommerferien"},
    {"coop.resources", NULL, NW_ITEM_AGREED, NULL, NULL, "Räume im Jugendzentrum, 4 Stunden im Monat je Partner"},
    {"coop.duration_exit", NULL, NW_ITEM_AGREED, NULL, NULL, "Bis 31.07.2025, Ausstieg mit einem Monat Vorlauf"},
    {"coop.data_protection", NULL, NW_ITEM_NOT_APPLICABLE, NULL, NULL, "Es werden keine Daten der Kinder geteilt"},
    {"coop.partner_benefit", JUZ, NW_ITEM_AGREED, NULL, NULL, "Beteiligungsprojekt für Kinder"},
    {"coop.partner_benefit", SCHULE, NW_ITEM_AGREED, NULL, NULL, "Schulwegplan für die Elternbriefe"},
    {"coop.partner_benefit", ELTERN, NW_ITEM_AGREED, NULL, NULL, "Gefahrenstellen werden gemeldet"},
};

static const struct item laufbus[] = {
    {"coop.goal", NULL, NW_ITEM_AGREED, NULL, NULL, "Drei Laufbus-Linien zur Grundschule"},
    {"coop.agreements", NULL, NW_ITEM_AGREED, NULL, SCHULE, NULL},
    {"coop.communication", NULL, NW_ITEM_DONE, NULL, NULL, "Messenger-Gruppe der Begleitpersonen"},
    {"coop.contact_persons", NULL, NW_ITEM_DONE, NULL, NULL, NULL},
    {"coop.controlling", NULL, NW_ITEM_DONE, "2025-06-15", ELTERN, "Rückblick vor den Sommerferien"},
    {"coop.resources", NULL, NW_ITEM_OPEN, NULL, NULL, "Warnwesten: Förderantrag beim Bezirk"},
    {"coop.duration_exit", NULL, NW_ITEM_AGREED, NULL, NULL, NULL},
    {"coop.data_protection", NULL, NW_ITEM_AGREED, NULL, NULL, "Einwilligung der Eltern für die Teilnehmerliste"},
    {"coop.partner_benefit", SCHULE, NW_ITEM_AGREED, NULL, NULL, NULL},
    {"coop.partner_benefit", ELTERN, NW_ITEM_AGREED, NULL, NULL, NULL},
};

static const struct item beleuchtung[] = {
    {"coop.goal", NULL, NW_ITEM_AGREED, NULL, NULL, "Der Fußweg hinter Am Markt wird beleuchtet"},
    {"coop.agreements", NULL, NW_ITEM_OPEN, "2025-06-30", JUZ, NULL},
};

static const struct item arbeitskreis[] = {
    {"group.relevance", NULL, NW_ITEM_DONE, "2025-11-01", NULL, "Jahresrückblick im Herbst"},
    {"group.resources", NULL, NW_ITEM_AGREED, NULL, NULL, "Raum im Jugendzentrum, jeden ersten Dienstag"},
    {"group.continuity", NULL, NW_ITEM_DONE, NULL, NULL, NULL},
};

static const struct item kontakt_wbg[] = {
    {"contact.reachable", NULL, NW_ITEM_DONE, NULL, NULL, NULL},
    {"contact.consent", NULL, NW_ITEM_DONE, NULL, NULL, NULL},
    {"contact.kept_up", NULL, NW_ITEM_DONE, "2025-08-01", JUZ, "Anruf vor dem Stadtteilfest"},
};

#define LEN(a) (sizeof(a) / sizeof(a)[0])

int main(int argc, char **argv)
{
    nw_network *net = NULL;
    nw_tie *t = NULL, *contact = NULL;
    nw_tie_iter *it = NULL;
    int rc;

    if (argc != 2) {
        fprintf(stderr, "usage: %s <output.json>\n", argv[0]);
        return 2;
    }

    TRY(example_network_build(&net));

    TRY(tie_by_label(&t, net, "Schulwegdetektive"));
    TRY(fill(net, t, detektive, LEN(detektive)));
    nw_tie_free(t);
    t = NULL;

    TRY(tie_by_label(&t, net, "Arbeitskreis Verkehr"));
    TRY(fill(net, t, arbeitskreis, LEN(arbeitskreis)));
    nw_tie_free(t);
    t = NULL;

    /* The first contact (housing company and youth centre) gets a checklist. */
    TRY(nw_tie_iter_new(&it, net, NW_FORM_BIT(NW_FORM_KONTAKT)));
    TRY(nw_tie_iter_next(&contact, it));
    TRY(nw_tie_checklist_create(NULL, contact));
    TRY(fill(net, contact, kontakt_wbg, LEN(kontakt_wbg)));

    static const char *const laufbus_partners[] = {SCHULE, ELTERN, AYSE};
    TRY(cooperation(&t, net, laufbus_partners, 3, "2025-04-01", "Laufbus Lindenplatz",
                    "Sichere Schulwege", "Weniger Elterntaxis vor der Grundschule"));
    TRY(fill(net, t, laufbus, LEN(laufbus)));
    TRY(interaction(t, "2025-04-01", NW_INTERACTION_MEETING, "Elternabend: Laufbus vorgestellt"));
    TRY(interaction(t, "2025-05-06", NW_INTERACTION_EVENT, "Erste Laufbus-Woche"));
    nw_tie_free(t);
    t = NULL;

    static const char *const beleuchtung_partners[] = {WBG, JUZ};
    TRY(cooperation(&t, net, beleuchtung_partners, 2, "2025-06-20", "Beleuchtung am Fußweg",
                    "Verkehrsberuhigung", "Sichere Schulwege bis 2027"));
    TRY(fill(net, t, beleuchtung, LEN(beleuchtung)));
    TRY(interaction(t, "2025-06-20", NW_INTERACTION_CALL, "Erstes Gespräch mit der Hausverwaltung"));

    nw_save_options opts = NW_SAVE_OPTIONS_INIT;
    opts.format = NW_FORMAT_NATIVE;
    TRY(nw_network_save(net, argv[1], &opts));

done:
    nw_tie_free(t);
    nw_tie_free(contact);
    nw_tie_iter_free(it);
    nw_network_free(net);
    if (rc != NW_OK) {
        fprintf(stderr, "make_nordstadt: %s (%s)\n", nw_strerror(rc), nw_errmsg());
        return 1;
    }
    return 0;
}
