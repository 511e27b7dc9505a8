/*
 * netzwerk/io.h, GraphML: what the export holds, the round trip of what it
 * carries, foreign files (NetworkX-style keys, defaults, yEd markup), and
 * hostile input (DOCTYPE/entities, nesting, dangling edges).
 */
#include "test_io_fixture.h"

static const nw_save_options graphml = { .version = NW_SAVE_OPTIONS_VERSION, .format = NW_FORMAT_GRAPHML };

static char *export(const nw_network *net)
{
    char *text = NULL;
    NWT_OK(nw_network_save_buffer(&text, NULL, net, &graphml));
    return text;
}

static void expect_contains(const char *text, const char *part)
{
    if (strstr(text, part) == NULL)
        NWT_FAIL("output lacks \"%s\"", part);
}

static void expect_error(const char *text, const nw_load_options *opts, int code, const char *part)
{
    nw_network *net = NULL;
    NWT_EXPECT(code, nw_network_load_buffer(&net, text, strlen(text), opts));
    assert_null(net);
    if (part && !strstr(nw_errmsg(), part))
        NWT_FAIL("message \"%s\" lacks \"%s\"", nw_errmsg(), part);
}

/* The export, checked against values worked out from the fixture. */
static void test_export(void **state)
{
    (void)state;
    nw_network *net = fx_every_field();
    char *text = export(net);
    expect_contains(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ");
    expect_contains(text, "<key id=\"e_strong\" for=\"edge\" attr.name=\"strong\" attr.type=\"boolean\"/>");
    expect_contains(text, "<key id=\"e_tie\" for=\"edge\" attr.name=\"tie\" attr.type=\"long\"/>");
    expect_contains(text, "<data key=\"g_name\">Sichere Schulwege &quot;Nord&quot;</data>");
    expect_contains(text, "<node id=\"a1\">\n      <data key=\"n_name\">Maria Müller</data>\n"
                          "      <data key=\"n_kind\">person</data>\n"
                          "      <data key=\"n_joined\">2024-01-10</data>\n"
                          "      <data key=\"n_consent_given\">2024-01-15</data>\n"
                          "      <data key=\"n_interests\">Verkehr|Spielplätze</data>\n");
    /* Attribute keys sorted (Notiz, Stadtteil, leer, name); "name" clashes
     * with a node field and gets the prefix. */
    expect_contains(text, "attr.name=\"Notiz\"");
    expect_contains(text, "attr.name=\"attr.name\"");
    expect_contains(text, "Zeile 1&#10;Zeile 2&#9;&quot;zitiert&quot; \\ Ende");
    /* The cooperation of actors 1, 2, 4 is three edges: 1-2, 1-4, 2-4. */
    expect_contains(text, "<edge id=\"t1.1\" source=\"a1\" target=\"a2\">");
    expect_contains(text, "<edge id=\"t1.2\" source=\"a1\" target=\"a4\">");
    expect_contains(text, "<edge id=\"t1.3\" source=\"a2\" target=\"a4\">");
    expect_contains(text, "<data key=\"e_form\">B</data>\n      <data key=\"e_form_name\">Kooperation</data>\n"
                          "      <data key=\"e_strong\">true</data>\n"
                          "      <data key=\"e_start\">2024-02-01</data>\n"
                          "      <data key=\"e_imposed\">true</data>\n"
                          "      <data key=\"e_label\">Projekt &quot;Laufbus&quot;</data>\n");
    expect_contains(text, "<data key=\"e_interactions\">3</data>\n"
                          "      <data key=\"e_last_interaction\">2024-03-01</data>");
    /* The contact 2-5: weak, ended. */
    expect_contains(text, "<edge id=\"t3\" source=\"a2\" target=\"a5\">\n      <data key=\"e_tie\">3</data>\n"
                          "      <data key=\"e_form\">C</data>\n      <data key=\"e_form_name\">Kontakt</data>\n"
                          "      <data key=\"e_strong\">false</data>\n      <data key=\"e_start\">2023-05-05</data>\n"
                          "      <data key=\"e_end\">2024-12-31</data>\n");
    /* Contacts are not exported; removed actors and ties do not appear. */
    assert_null(strstr(text, "maria@example.org"));
    assert_null(strstr(text, "node id=\"a3\""));
    assert_null(strstr(text, "edge id=\"t2"));
    nw_free(text);
    nw_network_free(net);
}

/* Import of our export keeps what GraphML carries, identities included. */
static void test_roundtrip(void **state)
{
    (void)state;
    nw_network *net = fx_every_field();
    char *text = export(net);
    nw_network *copy = NULL;
    NWT_OK(nw_network_load_buffer(&copy, text, strlen(text), NULL));
    /* Everything but the interaction logs (GraphML carries only their
     * count and last date) comes back: clear the logs and compare. */
    for (nw_id id = 1; id <= 4; id++) {
        nw_tie *tie = NULL;
        if (nw_tie_lookup(&tie, net, id) != NW_OK)
            continue;
        size_t count = 0;
        NWT_OK(nw_tie_interaction_count(&count, tie));
        while (count-- > 0)
            NWT_OK(nw_tie_interaction_remove(tie, 0));
        nw_tie_free(tie);
    }
    nw_free(text);
    text = export(net);
    char *again = export(copy);
    assert_string_equal(text, again);

    nw_actor *kita = NULL;
    NWT_OK(nw_actor_lookup(&kita, copy, 2));
    const char *v = NULL;
    NWT_OK(nw_actor_attr_get(&v, kita, "name"));
    assert_string_equal(v, "a key that is also a column");
    nw_date given, withdrawn;
    NWT_OK(nw_actor_consent(&given, &withdrawn, kita));
    assert_int_equal(withdrawn, nwt_date("2025-06-30"));
    size_t n = 0;
    NWT_OK(nw_actor_contact_count(&n, kita));
    assert_int_equal(n, 0);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_lookup(&t, copy, 1));
    NWT_OK(nw_tie_member_count(&n, t));
    assert_int_equal(n, 3);
    bool imposed = false;
    NWT_OK(nw_tie_imposed(&imposed, t));
    assert_true(imposed);
    NWT_OK(nw_tie_goal(&v, t, 1));
    assert_string_equal(v, "Elternbrief");
    nw_tie_free(t);
    NWT_EXPECT(NW_ENOTFOUND, nw_tie_lookup(&t, copy, 2));
    nw_actor_free(kita);
    nw_free(text);
    nw_free(again);
    nw_network_free(copy);
    nw_network_free(net);
}

/* A file as NetworkX writes it: keys d0.., node ids that are names, no
 * dates (default_start needed), a key default, yEd-like markup in data. */
static const char foreign[] =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
    "  <key id=\"d0\" for=\"node\" attr.name=\"Rolle\" attr.type=\"string\">"
    "<default>Mitglied</default></key>\n"
    "  <key id=\"d1\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
    "  <key id=\"d2\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
    "  <graph edgedefault=\"undirected\">\n"
    "    <node id=\"Anna\"><data key=\"d0\">Sprecherin</data>"
    "<data key=\"d2\"><y:ShapeNode><y:Label>x</y:Label></y:ShapeNode></data></node>\n"
    "    <node id=\"Ben\"/>\n"
    "    <edge source=\"Anna\" target=\"Ben\"><data key=\"d1\">2.5</data></edge>\n"
    "    <edge source=\"Ben\" target=\"Cleo\"/>\n"
    "    <node id=\"Cleo\"/>\n"
    "  </graph>\n"
    "</graphml>\n";

static void test_foreign(void **state)
{
    (void)state;
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    expect_error(foreign, &opts, NW_EFORMAT, "no start date");

    opts.default_start = nwt_date("2024-01-01");
    opts.name = "Import";
    nw_network *net = NULL;
    NWT_OK(nw_network_load_buffer(&net, foreign, strlen(foreign), &opts));
    const char *v = NULL;
    NWT_OK(nw_network_name(&v, net));
    assert_string_equal(v, "Import");
    size_t n = 0;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 3);
    NWT_OK(nw_network_tie_count(&n, net, NW_FORM_BIT(NW_FORM_KONTAKT)));
    assert_int_equal(n, 2);
    nw_actor *anna = NULL, *ben = NULL;
    NWT_OK(nw_actor_lookup_name(&anna, net, "Anna"));
    NWT_OK(nw_actor_lookup_name(&ben, net, "Ben"));
    NWT_OK(nw_actor_attr_get(&v, anna, "Rolle"));
    assert_string_equal(v, "Sprecherin");
    NWT_OK(nw_actor_attr_get(&v, ben, "Rolle"));
    assert_string_equal(v, "Mitglied");
    NWT_OK(nw_actor_attr_count(&n, anna));
    assert_int_equal(n, 1); /* the graphics key has no attr.name */
    /* Identities in document order: Anna 1, Ben 2, Cleo 3; ties in order. */
    assert_int_equal(nwt_actor_id(ben), 2);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_lookup(&t, net, 2));
    nw_actor *m = NULL;
    NWT_OK(nw_tie_member(&m, t, 1));
    NWT_OK(nw_actor_name(&v, m));
    assert_string_equal(v, "Cleo");
    nw_date start;
    NWT_OK(nw_tie_start(&start, t));
    assert_int_equal(start, nwt_date("2024-01-01"));
    nw_actor_free(m);
    nw_tie_free(t);
    nw_actor_free(anna);
    nw_actor_free(ben);
    nw_network_free(net);
}

static void test_hostile(void **state)
{
    (void)state;
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                 "<graphml><graph><node id=\"&x;\"/></graph></graphml>",
                 NULL, NW_EFORMAT, "line 2, column ");
    expect_error("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                 "\"&lol;&lol;&lol;&lol;\">]><graphml/>",
                 NULL, NW_EFORMAT, "not allowed");
    expect_error("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>",
                 NULL, NW_EFORMAT, "no node 'b'");
    expect_error("<graphml><graph><node id=\"a\"/><node id=\"a\"/></graph></graphml>", NULL,
                 NW_EFORMAT, "used twice");
    expect_error("<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"a\"/></graph></graphml>",
                 NULL, NW_EFORMAT, "loop");
    expect_error("<graphml><graph><node id=\"a\"><data key=\"k\">x</data></node></graph></graphml>",
                 NULL, NW_EFORMAT, "undeclared key 'k'");
    expect_error("<graphml><graph><node id=\"a\"></graph></graphml>", NULL, NW_EFORMAT,
                 "line 1, column ");
    expect_error("<graphml><graph><hyperedge/></graph></graphml>", NULL, NW_EFORMAT, "hyperedges");
    expect_error("<html/>", NULL, NW_EFORMAT, "not GraphML");
    expect_error("<graphml></graphml>", NULL, NW_EFORMAT, "no <graph>");
    expect_error("<graphml><graph><node id=\"a1\"><data key=\"d\">\xff</data></node></graph></graphml>",
                 NULL, NW_EFORMAT, "line 1");
    /* Nesting beyond the limit. */
    char deep[2048] = "<graphml><graph><node id=\"x\">";
    for (int i = 0; i < 40; i++)
        strcat(deep, "<desc>");
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    expect_error(deep, &opts, NW_ELIMIT, "deeper than the limit of 32");
    /* Too many nodes. */
    opts.max_actors = 2;
    expect_error("<graphml><graph><node id=\"a\"/><node id=\"b\"/><node id=\"c\"/></graph></graphml>",
                 &opts, NW_ELIMIT, "more than 2 nodes");
    /* A bad date and a bad kind name the node. */
    expect_error("<graphml><key id=\"k\" for=\"node\" attr.name=\"joined\"/><graph><node id=\"n1\">"
                 "<data key=\"k\">2024-13-01</data></node></graph></graphml>",
                 NULL, NW_EFORMAT, "node 'n1': joined '2024-13-01' is not a date");
    expect_error("<graphml><key id=\"k\" for=\"node\" attr.name=\"kind\"/><graph><node id=\"n1\">"
                 "<data key=\"k\">robot</data></node></graph></graphml>",
                 NULL, NW_EFORMAT, "unknown kind 'robot'");
}

static void test_out_of_memory(void **state)
{
    (void)state;
    nwt_failalloc_pause();
    nw_network *net = fx_every_field();
    char *text = export(net);
    nwt_failalloc_resume();
    long n = 1;
    for (;; n++) {
        nwt_failalloc_fail_at(n);
        nw_network *copy = NULL;
        int rc = nw_network_load_buffer(&copy, text, strlen(text), NULL);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            nw_network_free(copy);
            break;
        }
        if (rc != NW_ENOMEM)
            NWT_FAIL("allocation %ld: %s: %s", n, nwt_code_name(rc), nw_errmsg());
        assert_null(copy);
    }
    for (n = 1;; n++) {
        nwt_failalloc_fail_at(n);
        char *out = NULL;
        int rc = nw_network_save_buffer(&out, NULL, net, &graphml);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            assert_string_equal(out, text);
            nw_free(out);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(out);
    }
    nwt_failalloc_fail_at(0);
    nw_free(text);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_export),
        NWT_TEST(test_roundtrip),
        NWT_TEST(test_foreign),
        NWT_TEST(test_hostile),
        NWT_TEST(test_out_of_memory),
    };
    return NWT_RUN(tests);
}
