/*
 * netzwerk/privacy.h: nw_actor_export() (Art. 15, 20 DSGVO). The document
 * of a small network is compared with one written by hand from the layout
 * in docs/data-protection.md; the world of test_privacy.h checks that
 * everything about Maria is in it and nothing about the others.
 */
#include "test_privacy.h"

static char *export_of(const nw_actor *a, size_t *len)
{
    char *out = NULL;
    NWT_OK(nw_actor_export(&out, len, a));
    assert_non_null(out);
    assert_int_equal(strlen(out), *len);
    return out;
}

static size_t occurrences(const char *s, const char *what)
{
    size_t n = 0;
    while ((s = strstr(s, what)) != NULL) {
        n++;
        s++;
    }
    return n;
}

static void test_export_document(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *anna = nwt_actor(net, "Anna Alt");
    nw_actor *bert = nwt_actor(net, "Bert Bauer");
    nw_actor *cafe = NULL;
    NWT_OK(nw_actor_add(&cafe, net, NW_ACTOR_ORGANISATION, "Café Eck"));
    NWT_OK(nw_actor_contact_add(anna, NW_CHANNEL_EMAIL, "anna@example.org"));
    NWT_OK(nw_actor_contact_add(bert, NW_CHANNEL_EMAIL, "bert@example.org"));
    NWT_OK(nw_actor_interest_add(anna, "Garten"));
    NWT_OK(nw_actor_set_joined(anna, nwt_date("2025-01-01")));
    NWT_OK(nw_actor_attr_set(anna, "Rolle", "Nachbarin"));
    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2025-01-01");
    c.source = "Bogen";
    c.text = "Ja";
    c.withdrawn = nwt_date("2025-06-01");
    NWT_OK(nw_consent_add(NULL, anna, &c));
    /* her contact with Bert, with its checklist */
    nw_tie *contact = nwt_tie(net, NW_FORM_KONTAKT, anna, bert, NULL, "2025-02-01");
    NWT_OK(nw_tie_set_label(contact, "Garten"));
    NWT_OK(nw_tie_topic_add(contact, "Garten"));
    NWT_OK(nw_tie_interaction_add(contact, nwt_date("2025-03-01"), NW_INTERACTION_MEETING,
                                  "Beete \"geplant\"\nnächste Woche"));
    nw_checklist *cl = NULL;
    nw_id reach, agreed, kept, goal;
    NWT_OK(nw_tie_checklist_create(&cl, contact));
    NWT_OK(nw_checklist_find(&reach, cl, "contact.reachable", NW_ID_NONE));
    NWT_OK(nw_checklist_find(&agreed, cl, "contact.consent", NW_ID_NONE));
    NWT_OK(nw_checklist_find(&kept, cl, "contact.kept_up", NW_ID_NONE));
    NWT_OK(nw_checklist_item_set_state(cl, reach, NW_ITEM_DONE));
    NWT_OK(nw_checklist_item_set_responsible(cl, agreed, anna));
    NWT_OK(nw_checklist_item_set_due(cl, agreed, nwt_date("2025-04-01")));
    NWT_OK(nw_checklist_item_set_note(cl, kept, "Gemüse"));
    nw_checklist_free(cl);
    /* a cooperation of the others: only the item she is responsible for */
    nw_tie *coop = nwt_tie(net, NW_FORM_KOOPERATION, bert, cafe, NULL, "2025-02-01");
    NWT_OK(nw_tie_checklist(&cl, coop));
    NWT_OK(nw_checklist_find(&goal, cl, "coop.goal", NW_ID_NONE));
    NWT_OK(nw_checklist_item_set_responsible(cl, goal, anna));
    NWT_OK(nw_checklist_item_set_state(cl, goal, NW_ITEM_AGREED));
    NWT_OK(nw_checklist_item_add(NULL, cl, "Protokoll"));
    nw_checklist_free(cl);

    char want[4096];
    snprintf(want, sizeof want,
             "{\n"
             "  \"format\": \"netzwerk-access-export\",\n"
             "  \"version\": 1,\n"
             "  \"network\": \"Netz\",\n"
             "  \"actor\": {\n"
             "    \"id\": 1,\n"
             "    \"kind\": \"person\",\n"
             "    \"name\": \"Anna Alt\",\n"
             "    \"contacts\": [\n"
             "      {\"channel\": \"email\", \"value\": \"anna@example.org\"}\n"
             "    ],\n"
             "    \"interests\": [\"Garten\"],\n"
             "    \"joined\": \"2025-01-01\",\n"
             "    \"attributes\": {\n"
             "      \"Rolle\": \"Nachbarin\"\n"
             "    },\n"
             "    \"consents\": [\n"
             "      {\"given\": \"2025-01-01\", \"type\": \"opt-in\", \"purpose\": \"\", "
             "\"source\": \"Bogen\", \"text\": \"Ja\", \"note\": \"\", \"expires\": null, "
             "\"withdrawn\": \"2025-06-01\"}\n"
             "    ]\n"
             "  },\n"
             "  \"ties\": [\n"
             "    {\n"
             "      \"id\": 1,\n"
             "      \"form\": \"C\",\n"
             "      \"members\": [1, 2],\n"
             "      \"start\": \"2025-02-01\",\n"
             "      \"end\": null,\n"
             "      \"imposed\": false,\n"
             "      \"label\": \"Garten\",\n"
             "      \"topics\": [\"Garten\"],\n"
             "      \"goals\": [],\n"
             "      \"interactions\": [\n"
             "        {\"date\": \"2025-03-01\", \"kind\": \"meeting\", "
             "\"note\": \"Beete \\\"geplant\\\"\\nnächste Woche\"}\n"
             "      ]\n"
             "    }\n"
             "  ],\n"
             "  \"checklist_items\": [\n"
             "    {\"tie\": 1, \"item\": %u, \"code\": \"contact.reachable\", "
             "\"label\": \"Kontaktmöglichkeit vorhanden\", \"responsible\": false, "
             "\"partner\": false, \"state\": \"done\", \"due\": null, \"note\": \"\"},\n"
             "    {\"tie\": 1, \"item\": %u, \"code\": \"contact.consent\", "
             "\"label\": \"Einwilligung dokumentiert\", \"responsible\": true, "
             "\"partner\": false, \"state\": \"open\", \"due\": \"2025-04-01\", \"note\": \"\"},\n"
             "    {\"tie\": 1, \"item\": %u, \"code\": \"contact.kept_up\", "
             "\"label\": \"Kontakt gepflegt, nächste Kontaktpflege terminiert\", "
             "\"responsible\": false, \"partner\": false, \"state\": \"open\", \"due\": null, "
             "\"note\": \"Gemüse\"},\n"
             "    {\"tie\": 2, \"item\": %u, \"code\": \"coop.goal\", "
             "\"label\": \"Gemeinsames Ziel formuliert\", \"responsible\": true, "
             "\"partner\": false, \"state\": \"agreed\", \"due\": null, \"note\": \"\"}\n"
             "  ]\n"
             "}\n",
             (unsigned)reach, (unsigned)agreed, (unsigned)kept, (unsigned)goal);
    size_t len = 0;
    char *got = export_of(anna, &len);
    assert_string_equal(got, want);
    nw_free(got);

    /* Bert: his own data, Anna and the café by identity only; his own
     * per-partner item, not the café's */
    got = export_of(bert, &len);
    assert_true(has_bytes(got, len, "\"name\": \"Bert Bauer\""));
    assert_true(has_bytes(got, len, "bert@example.org"));
    assert_true(has_bytes(got, len, "\"members\": [1, 2]"));
    assert_true(has_bytes(got, len, "\"members\": [2, 3]"));
    assert_true(has_bytes(got, len, "\"code\": \"coop.partner_benefit\", \"label\": "
                                    "\"Beitrag und Nutzen der Partner*in\", \"responsible\": false, "
                                    "\"partner\": true"));
    assert_true(has_bytes(got, len, "\"label\": \"Protokoll\""));
    assert_false(has_bytes(got, len, "Anna"));
    assert_false(has_bytes(got, len, "anna@"));
    assert_false(has_bytes(got, len, "Café Eck"));
    assert_false(has_bytes(got, len, "Nachbarin"));
    assert_int_equal(occurrences(got, "coop.partner_benefit"), 1);
    nw_free(got);

    /* an actor with nothing recorded: every list present and empty */
    nw_actor *solo = nwt_actor(net, "Solo");
    got = export_of(solo, &len);
    assert_true(has_bytes(got, len, "\"contacts\": [],\n    \"interests\": [],\n"
                                    "    \"joined\": null,\n    \"attributes\": {},\n"
                                    "    \"consents\": []\n"));
    assert_true(has_bytes(got, len, "\"ties\": [],\n  \"checklist_items\": []\n}\n"));
    nw_free(got);

    nw_tie_free(coop);
    nw_tie_free(contact);
    nw_actor_free(anna);
    nw_actor_free(bert);
    nw_actor_free(cafe);
    nw_actor_free(solo);
    nw_network_free(net);
}

/* In the world: every piece of Maria's data is there, nothing of others. */
static void test_export_everything_and_only_hers(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    size_t len = 0;
    char *got = export_of(w.a[1], &len);
    for (const char *const *p = maria_data(); *p != NULL; p++)
        if (!has_bytes(got, len, *p))
            NWT_FAIL("the export lacks \"%s\"", *p);
    assert_true(has_bytes(got, len, "\"purpose\": \"Fotos auf der Website\""));
    assert_true(has_bytes(got, len, "\"type\": \"opt-out\""));
    assert_true(has_bytes(got, len, "\"members\": [1, 2, 3]"));
    assert_true(has_bytes(got, len, "\"members\": [1, 4]"));
    assert_true(has_bytes(got, len, "\"code\": \"group.relevance\"")); /* responsible, not a member */
    assert_true(has_bytes(got, len, "Elternbrief von Maria")); /* a users' item of her tie */
    assert_true(has_bytes(got, len, "Frau Müller schickt den Entwurf"));
    assert_int_equal(occurrences(got, "coop.partner_benefit"), 1); /* hers, not 2's or 3's */
    /* Others' names, contacts and the texts of ties she is not in. (The
     * notes of her own ties are hers, as recorded, and may name others.) */
    const char *others[] = { "Grundschule am Park", "Jugendzentrum Ost", "Ben Okafor",
                             "ben@example.net", "Elterninitiative", "Parkweg", "AG Verkehr",
                             "Straßenfest", "Sommerfest der Schule", NULL };
    for (size_t i = 0; others[i] != NULL; i++)
        if (has_bytes(got, len, others[i]))
            NWT_FAIL("the export contains \"%s\"", others[i]);
    nw_free(got);
    world_free(&w);
}

static void test_export_errors(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria Müller");
    char *out = (char *)"untouched";
    size_t len = 7;
    NWT_EXPECT(NW_EINVAL, nw_actor_export(NULL, &len, a));
    NWT_EXPECT(NW_EINVAL, nw_actor_export(&out, &len, NULL));
    nw_actor *b = NULL;
    NWT_OK(nw_actor_dup(&b, a));
    NWT_OK(nw_actor_remove(a));
    NWT_EXPECT(NW_ESTALE, nw_actor_export(&out, &len, b));
    assert_null(strstr(nw_errmsg(), "Maria"));
    assert_string_equal(out, "untouched");
    assert_int_equal(len, 7);
    nw_actor *z = nwt_actor(net, "Zoe");
    NWT_OK(nw_actor_export(&out, NULL, z)); /* len may be NULL */
    assert_non_null(strstr(out, "\"name\": \"Zoe\""));
    nw_free(out);
    nw_actor_free(z);
    nw_actor_free(a);
    nw_network_free(net);
    NWT_EXPECT(NW_ESTALE, nw_actor_export(&out, &len, b)); /* a zombie network */
    nw_actor_free(b);
}

static void test_export_out_of_memory(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    size_t want_len = 0;
    char *want = export_of(w.a[1], &want_len);
    long k;
    for (k = 1;; k++) {
        char *out = NULL;
        size_t len = 0;
        nwt_failalloc_fail_at(k);
        int rc = nw_actor_export(&out, &len, w.a[1]);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            assert_string_equal(out, want);
            nw_free(out);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(out);
        assert_null(strstr(nw_errmsg(), "Maria"));
    }
    nwt_failalloc_fail_at(0);
    assert_true(k > 1);
    nw_free(want);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_export_document),
        NWT_TEST(test_export_everything_and_only_hers),
        NWT_TEST(test_export_errors),
        NWT_TEST(test_export_out_of_memory),
    };
    return NWT_RUN(tests);
}
