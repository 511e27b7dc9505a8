/*
 * netzwerk/io.h, the native JSON format: round trips field for field and
 * byte for byte, the exact layout, identities kept, versions, errors that
 * say where, and out-of-memory at every allocation.
 */
#include "test_io_fixture.h"

static char *save(const nw_network *net, size_t *len)
{
    char *text = NULL;
    NWT_OK(nw_network_save_buffer(&text, len, net, NULL));
    return text;
}

static nw_network *load(const char *text)
{
    nw_network *net = NULL;
    NWT_OK(nw_network_load_buffer(&net, text, strlen(text), NULL));
    return net;
}

/* Load must fail with code, and the message must contain every `parts`. */
static void expect_load_error(const char *text, const nw_load_options *opts, int code,
                              const char *part1, const char *part2)
{
    nw_network *net = NULL;
    NWT_EXPECT(code, nw_network_load_buffer(&net, text, strlen(text), opts));
    assert_null(net);
    if (part1 && !strstr(nw_errmsg(), part1))
        NWT_FAIL("message \"%s\" lacks \"%s\"", nw_errmsg(), part1);
    if (part2 && !strstr(nw_errmsg(), part2))
        NWT_FAIL("message \"%s\" lacks \"%s\"", nw_errmsg(), part2);
}

static nw_checklist *checklist_of(nw_network *net, nw_id tie)
{
    nw_tie *t = NULL;
    nw_checklist *cl = NULL;
    NWT_OK(nw_tie_lookup(&t, net, tie));
    NWT_OK(nw_tie_checklist(&cl, t));
    nw_tie_free(t);
    return cl;
}

/* The item identities of a checklist in list order, as "1 2 3". */
static void expect_item_ids(nw_network *net, nw_id tie, const char *want)
{
    nw_checklist *cl = checklist_of(net, tie);
    size_t n = 0, len = 0;
    char got[256] = "";
    NWT_OK(nw_checklist_item_count(&n, cl));
    for (size_t i = 0; i < n; i++) {
        nw_id id = 0;
        NWT_OK(nw_checklist_item_at(&id, cl, i));
        len += (size_t)snprintf(got + len, sizeof got - len, "%s%u", i ? " " : "", (unsigned)id);
    }
    nw_checklist_free(cl);
    assert_string_equal(got, want);
}

/* What the fixture's comment works out for its checklists, read back. */
static void expect_checklists_of_every_field(nw_network *net)
{
    expect_item_ids(net, 1, "1 2 3 4 5 6 7 8 9 15 11 12 16");
    expect_item_ids(net, 3, "1 2 3 4");
    expect_item_ids(net, 4, "1 2 3");
    nw_checklist *cl = checklist_of(net, 1);
    nw_id partner = 0, resp = 0;
    nw_item_state state;
    nw_date due;
    const char *text = NULL;
    NWT_OK(nw_checklist_item_partner(&partner, cl, 15));
    assert_int_equal(partner, 2);
    NWT_OK(nw_checklist_item_state(&state, cl, 15));
    assert_int_equal(state, NW_ITEM_AGREED);
    NWT_OK(nw_checklist_item_responsible(&resp, cl, 15));
    assert_int_equal(resp, 2);
    NWT_OK(nw_checklist_item_note(&text, cl, 15));
    assert_string_equal(text, "Räume");
    /* The responsible actor of item 2 was removed. */
    NWT_OK(nw_checklist_item_responsible(&resp, cl, 2));
    assert_int_equal(resp, NW_ID_NONE);
    NWT_OK(nw_checklist_item_due(&due, cl, 2));
    assert_int_equal(due, nwt_date("2024-04-30"));
    NWT_OK(nw_checklist_item_code(&text, cl, 16));
    assert_string_equal(text, NW_ITEM_CODE_CUSTOM);
    NWT_OK(nw_checklist_item_label(&text, cl, 16, NW_LANG_EN));
    assert_string_equal(text, "Fotos | Film");
    NWT_OK(nw_checklist_item_state(&state, cl, 3));
    assert_int_equal(state, NW_ITEM_NOT_APPLICABLE);
    NWT_OK(nw_checklist_item_note(&text, cl, 12));
    assert_string_equal(text, "Zeile 1\n\"zitiert\"\t\\ Ende");
    NWT_EXPECT(NW_ENOTFOUND, nw_checklist_item_state(&state, cl, 10));
    NWT_EXPECT(NW_ENOTFOUND, nw_checklist_item_state(&state, cl, 13));
    nw_checklist_free(cl);
    /* Identities are not given twice after a load. */
    assert_int_equal(fx_next_item_id(net, 1), 17);
    assert_int_equal(fx_next_item_id(net, 3), 5);
    assert_int_equal(fx_next_item_id(net, 4), 4);
}

/* Load(save(x)) equals x in everything the API shows; save(load(save(x)))
 * is the same bytes; identities and counters survive. */
static void test_roundtrip_every_field(void **state)
{
    (void)state;
    nw_network *net = fx_every_field();
    char *fp1 = nwt_fingerprint(net);
    size_t len1;
    char *text1 = save(net, &len1);
    assert_int_equal(strlen(text1), len1);

    nw_network *copy = load(text1);
    char *fp2 = nwt_fingerprint(copy);
    assert_string_equal(fp1, fp2);
    /* Checklists: every item with every field, in the same order. */
    char *cl1 = fx_checklists_text(net), *cl2 = fx_checklists_text(copy);
    assert_string_equal(cl1, cl2);
    free(cl1);
    free(cl2);
    size_t len2;
    char *text2 = save(copy, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(text1, text2, len1);

    /* Identities: actor 3 stays missing, the counters are kept (7 and 6). */
    nw_actor *a = NULL;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&a, copy, 3));
    NWT_OK(nw_actor_lookup(&a, copy, 5));
    nw_actor_free(a);
    assert_int_equal(fx_next_actor_id(copy), 7);
    assert_int_equal(fx_next_actor_id(net), 7);
    nw_actor *m1 = NULL, *m2 = NULL;
    nw_tie *t = NULL;
    NWT_OK(nw_actor_lookup(&m1, copy, 1));
    NWT_OK(nw_actor_lookup(&m2, copy, 2));
    nw_actor *members[2] = { m1, m2 };
    NWT_OK(nw_tie_add(&t, copy, NW_FORM_KONTAKT, members, 2, nwt_date("2025-01-01")));
    assert_int_equal(nwt_tie_id(t), 6);
    nw_tie_free(t);
    nw_actor_free(m1);
    nw_actor_free(m2);
    expect_checklists_of_every_field(copy);

    free(fp1);
    free(fp2);
    nw_free(text1);
    nw_free(text2);
    nw_network_free(copy);
    nw_network_free(net);
}

/* The layout, written out by hand from docs/format.md. */
static void test_exact_layout(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    NWT_OK(nw_network_topic_add(net, "T"));
    nw_actor *a = fx_actor(net, NW_ACTOR_PERSON, "A \"x\"");
    nw_actor *b = fx_actor(net, NW_ACTOR_GROUP, "B");
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "a@x.de"));
    NWT_OK(nw_actor_attr_set(b, "k", "v\n2"));
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, b, a, NULL, "2024-01-01");
    NWT_OK(nw_tie_interaction_add(t, nwt_date("2024-01-02"), NW_INTERACTION_CALL, NULL));
    static const char expected[] =
        "{\n"
        "  \"format\": \"netzwerk\",\n"
        "  \"version\": 1,\n"
        "  \"name\": \"Netz\",\n"
        "  \"topics\": [\"T\"],\n"
        "  \"next_actor_id\": 3,\n"
        "  \"next_tie_id\": 2,\n"
        "  \"actors\": [\n"
        "    {\n"
        "      \"id\": 1,\n"
        "      \"kind\": \"person\",\n"
        "      \"name\": \"A \\\"x\\\"\",\n"
        "      \"contacts\": [\n"
        "        {\"channel\": \"email\", \"value\": \"a@x.de\"}\n"
        "      ]\n"
        "    },\n"
        "    {\n"
        "      \"id\": 2,\n"
        "      \"kind\": \"group\",\n"
        "      \"name\": \"B\",\n"
        "      \"attributes\": {\n"
        "        \"k\": \"v\\n2\"\n"
        "      }\n"
        "    }\n"
        "  ],\n"
        "  \"ties\": [\n"
        "    {\n"
        "      \"id\": 1,\n"
        "      \"form\": \"C\",\n"
        "      \"members\": [1, 2],\n"
        "      \"start\": \"2024-01-01\",\n"
        "      \"interactions\": [\n"
        "        {\"date\": \"2024-01-02\", \"kind\": \"call\"}\n"
        "      ]\n"
        "    }\n"
        "  ]\n"
        "}\n";
    char *text = save(net, NULL);
    assert_string_equal(text, expected);
    nw_free(text);

    /* An empty network. */
    nw_network *empty = nwt_network("Leer");
    text = save(empty, NULL);
    assert_string_equal(text, "{\n  \"format\": \"netzwerk\",\n  \"version\": 1,\n"
                              "  \"name\": \"Leer\",\n  \"next_actor_id\": 1,\n"
                              "  \"next_tie_id\": 1,\n  \"actors\": [],\n  \"ties\": []\n}\n");
    nw_free(text);
    nw_network_free(empty);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* A hand-written file in any member order and spacing loads; optional
 * counters default to just above the highest identity. */
static void test_lenient_layout(void **state)
{
    (void)state;
    const char *text =
        "\xEF\xBB\xBF{\"ties\":[{\"members\":[9,2],\"form\":\"B\",\"start\":\"2020-02-29\",\"id\":4}],"
        "\"actors\":[{\"name\":\"X\",\"kind\":\"organisation\",\"id\":2},"
        "{\"id\":9,\"kind\":\"person\",\"name\":\"Y\"}],"
        "\"name\":\"N\",\"version\":1,\"format\":\"netzwerk\"}";
    nw_network *net = load(text);
    size_t n = 0;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 2);
    assert_int_equal(fx_next_actor_id(net), 10);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_lookup(&t, net, 4));
    nw_form form;
    NWT_OK(nw_tie_form(&form, t));
    assert_int_equal(form, NW_FORM_KOOPERATION);
    nw_tie_free(t);
    nw_network_free(net);
}

static void test_version(void **state)
{
    (void)state;
    expect_load_error("{\"format\":\"netzwerk\",\"version\":2,\"name\":\"N\",\"actors\":[],"
                      "\"ties\":[],\"future\":{}}",
                      NULL, NW_EFORMAT, "format version 2 is newer", "update libnetzwerk");
    expect_load_error("{\"format\":\"netzwerk\",\"version\":0,\"name\":\"N\",\"actors\":[],\"ties\":[]}",
                      NULL, NW_EFORMAT, "$.version", "out of range");
    expect_load_error("{\"format\":\"other\",\"version\":1}", NULL, NW_EFORMAT,
                      "not a netzwerk file", NULL);
    expect_load_error("[1, 2]", NULL, NW_EFORMAT, "expected an object", NULL);
}

static void test_syntax_error_position(void **state)
{
    (void)state;
    nw_load_error where;
    memset(&where, 0, sizeof where);
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.error = &where;
    /* Line 3: the stray comma before "}" at column 16 (cJSON stops at or
     * just after the spot). */
    expect_load_error("{\n  \"format\": \"netzwerk\",\n  \"version\": 1,}\n", &opts, NW_EFORMAT,
                      "line 3, column ", NULL);
    assert_int_equal(where.code, NW_EFORMAT);
    assert_int_equal(where.line, 3);
    assert_in_range(where.column, 15, 17);
    expect_load_error("", NULL, NW_EFORMAT, "line 1", NULL);
    expect_load_error("{\"format\": \"netzwerk\"} trailing", NULL, NW_EFORMAT, "line 1", NULL);
}

static const char *const head =
    "{\"format\":\"netzwerk\",\"version\":1,\"name\":\"N\",\"actors\":[";

/* A document with the given actors and ties arrays. */
static char *doc(const char *actors, const char *ties)
{
    size_t n = strlen(head) + strlen(actors) + strlen(ties) + 32;
    char *s = malloc(n);
    snprintf(s, n, "%s%s],\"ties\":[%s]}", head, actors, ties);
    return s;
}

static void expect_doc_error(const char *actors, const char *ties, int code, const char *part1,
                             const char *part2)
{
    char *d = doc(actors, ties);
    nw_load_error where;
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.error = &where;
    /* Pre-set to garbage, so that a field the load leaves alone shows. */
    memset(&where, 0x5a, sizeof where);
    expect_load_error(d, &opts, code, part1, part2);
    /* A content error: part1 is the JSON path of the offending value, and
     * io.h's table gives it as `where`, exactly, with no line or column. */
    if (part1 && part1[0] == '$'
        && (where.code != code || where.line != 0 || where.column != 0
            || memchr(where.where, '\0', sizeof where.where) == NULL
            || strcmp(where.where, part1) != 0))
        NWT_FAIL("nw_load_error is {%d, %zu, %zu, \"%.*s\"}, expected {%d, 0, 0, \"%s\"}",
                 where.code, where.line, where.column, (int)sizeof where.where, where.where, code,
                 part1);
    free(d);
}

#define A1 "{\"id\":1,\"kind\":\"person\",\"name\":\"A\"}"
#define A2 "{\"id\":2,\"kind\":\"person\",\"name\":\"B\"}"

static void test_content_errors(void **state)
{
    (void)state;
    expect_doc_error(A1 "," A2, "{\"id\":1,\"form\":\"A\",\"members\":[1,99],\"start\":\"2024-01-01\"}",
                     NW_EFORMAT, "$.ties[0].members[1]", "no actor 99");
    expect_doc_error(A1 "," A1, "", NW_EFORMAT, "$.actors[1]", "used twice");
    expect_doc_error(A2 "," A1, "", NW_EFORMAT, "$.actors[1]", "ascending");
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"nmae\":\"x\"}", "", NW_EFORMAT,
                     "$.actors[0]", "unknown member \"nmae\"");
    expect_doc_error("{\"id\":1,\"kind\":\"robot\",\"name\":\"A\"}", "", NW_EFORMAT,
                     "$.actors[0].kind", "unknown value \"robot\"");
    expect_doc_error("{\"id\":\"1\",\"kind\":\"person\",\"name\":\"A\"}", "", NW_EFORMAT,
                     "$.actors[0].id", "expected an integer, found a string");
    expect_doc_error("{\"id\":1.5,\"kind\":\"person\",\"name\":\"A\"}", "", NW_EFORMAT,
                     "$.actors[0].id", "expected an integer");
    expect_doc_error("{\"id\":0,\"kind\":\"person\",\"name\":\"A\"}", "", NW_EFORMAT,
                     "$.actors[0].id", "out of range");
    expect_doc_error("{\"id\":1,\"kind\":\"person\"}", "", NW_EFORMAT, "$.actors[0]",
                     "\"name\" is missing");
    expect_doc_error(A1 ",{\"id\":2,\"kind\":\"person\",\"name\":\"A\"}", "", NW_EFORMAT,
                     "$.actors[1].name", NULL);
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"joined\":\"2024-02-30\"}", "",
                     NW_EFORMAT, "$.actors[0].joined", "2024-02-30");
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"joined\":\"10000-01-01\"}", "",
                     NW_EFORMAT, "$.actors[0].joined", NULL);
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"consent_withdrawn\":\"2024-01-01\"}",
                     "", NW_EFORMAT, "$.actors[0].consent_withdrawn", "not consented");
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"contacts\":[{\"channel\":\"email\","
                     "\"value\":\"no-at-sign\"}]}",
                     "", NW_EFORMAT, "$.actors[0].contacts[0]", NULL);
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"interests\":[\"x\",\"x\"]}", "",
                     NW_EFORMAT, "$.actors[0].interests[1]", NULL);
    expect_doc_error("{\"id\":1,\"kind\":\"person\",\"name\":\"A\\u0001\"}", "", NW_EFORMAT,
                     "$.actors[0].name", NULL);
    expect_doc_error(A1 "," A2, "{\"id\":1,\"form\":\"E\",\"members\":[1,2],\"start\":\"2024-01-01\"}",
                     NW_EFORMAT, "$.ties[0].form", "A to D");
    expect_doc_error(A1 "," A2, "{\"id\":1,\"form\":\"A\",\"members\":[1,1],\"start\":\"2024-01-01\"}",
                     NW_EFORMAT, "$.ties[0].members", "twice");
    expect_doc_error(A1 "," A2, "{\"id\":1,\"form\":\"A\",\"members\":[1],\"start\":\"2024-01-01\"}",
                     NW_EFORMAT, "$.ties[0].members", "two members");
    expect_doc_error(A1 "," A2,
                     "{\"id\":1,\"form\":\"A\",\"members\":[1,2],\"start\":\"2024-01-01\","
                     "\"end\":\"2023-01-01\"}",
                     NW_EFORMAT, "$.ties[0].end", NULL);
    expect_doc_error(A1 "," A2,
                     "{\"id\":1,\"form\":\"A\",\"members\":[1,2],\"start\":\"2024-01-01\","
                     "\"interactions\":[{\"date\":\"2020-01-01\",\"kind\":\"call\"}]}",
                     NW_EFORMAT, "$.ties[0].interactions[0]", NULL);
    expect_doc_error(A1 "," A2,
                     "{\"id\":1,\"form\":\"A\",\"members\":[1,2],\"start\":\"2024-01-01\","
                     "\"imposed\":1}",
                     NW_EFORMAT, "$.ties[0].imposed", "boolean");
    /* Counters below the identities in use would let identities be reused. */
    char *d = doc(A1 "," A2, "");
    char *bad = malloc(strlen(d) + 40);
    sprintf(bad, "{\"next_actor_id\":2,%s", d + 1);
    expect_load_error(bad, NULL, NW_EFORMAT, "$.next_actor_id", "not above");
    free(bad);
    free(d);
    /* Duplicate keys in one object. */
    expect_load_error("{\"format\":\"netzwerk\",\"format\":\"netzwerk\"}", NULL, NW_EFORMAT,
                      "appears twice", NULL);
    /* Raw invalid UTF-8 inside a string; and \u0000, which C strings cannot hold. */
    d = doc("{\"id\":1,\"kind\":\"person\",\"name\":\"\xC3\x28\"}", "");
    expect_load_error(d, NULL, NW_EFORMAT, "$.actors[0].name", "UTF-8");
    free(d);
    d = doc("{\"id\":1,\"kind\":\"person\",\"name\":\"a\\u0000b\"}", "");
    expect_load_error(d, NULL, NW_EFORMAT, "line 1, column 88", "NUL");
    free(d);
}

static void test_limits(void **state)
{
    (void)state;
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    char *d = doc(A1 "," A2, "");
    opts.max_actors = 1;
    expect_load_error(d, &opts, NW_ELIMIT, "$.actors", "limit of 1");
    opts = (nw_load_options)NW_LOAD_OPTIONS_INIT;
    opts.max_bytes = 20;
    expect_load_error(d, &opts, NW_ELIMIT, "limit of 20", NULL);
    free(d);

    d = doc("{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"interests\":[\"a\",\"b\",\"c\"]}", "");
    opts = (nw_load_options)NW_LOAD_OPTIONS_INIT;
    opts.max_items = 2;
    expect_load_error(d, &opts, NW_ELIMIT, "$.actors[0].interests", "limit of 2");
    free(d);

    /* Nesting: 40 levels inside an attribute value break the default 32. */
    char deep[200];
    strcpy(deep, "{\"id\":1,\"kind\":\"person\",\"name\":\"A\",\"attributes\":{\"k\":");
    size_t n = strlen(deep);
    for (int i = 0; i < 40; i++)
        deep[n++] = '[';
    deep[n] = '\0';
    d = doc(deep, "");
    expect_load_error(d, NULL, NW_ELIMIT, "nesting deeper than the limit of 32", "line 1, column");
    free(d);

    /* Brackets and escapes inside text are text: 40 '[' after an escaped
     * quote, and an escaped backslash before "u0000", load. */
    char text[300];
    strcpy(text, "{\"id\":1,\"kind\":\"person\",\"name\":\"a\\\"");
    n = strlen(text);
    for (int i = 0; i < 40; i++)
        text[n++] = '[';
    strcpy(text + n, "\\\\u0000\"}");
    d = doc(text, "");
    nw_network *net = load(d);
    nw_actor *a = NULL;
    const char *name = NULL;
    NWT_OK(nw_actor_lookup(&a, net, 1));
    NWT_OK(nw_actor_name(&name, a));
    assert_string_equal(name, "a\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\u0000");
    nw_actor_free(a);
    nw_network_free(net);
    free(d);

    /* A name one byte over NW_TEXT_MAX. */
    size_t big = NW_TEXT_MAX + 1;
    char *big_name = malloc(big + 64);
    strcpy(big_name, "{\"id\":1,\"kind\":\"person\",\"name\":\"");
    n = strlen(big_name);
    memset(big_name + n, 'x', big);
    strcpy(big_name + n + big, "\"}");
    d = doc(big_name, "");
    expect_load_error(d, NULL, NW_EFORMAT, "$.actors[0].name", NULL);
    free(d);
    free(big_name);
}

/* A checklist's layout, written out by hand from docs/format.md: an
 * encounter with a checklist created on request, the template's three
 * items, two users' items of which the first was removed. */
static void test_checklist_layout(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = fx_actor(net, NW_ACTOR_PERSON, "A");
    nw_actor *b = fx_actor(net, NW_ACTOR_PERSON, "B");
    nw_tie *t = nwt_tie(net, NW_FORM_BEGEGNUNG, a, b, NULL, "2024-01-01");
    nw_checklist *cl = NULL;
    nw_id item = 0;
    NWT_OK(nw_tie_checklist_create(&cl, t));
    fx_item_set(cl, fx_item(cl, "encounter.situation", 0), NW_ITEM_DONE, b, "2024-01-02",
                "Caf\xC3\xA9");
    fx_item_set(cl, fx_item(cl, "encounter.effect", 0), NW_ITEM_NOT_APPLICABLE, NULL, NULL, NULL);
    NWT_OK(nw_checklist_item_add(&item, cl, "weg"));
    NWT_OK(nw_checklist_item_remove(cl, item));
    NWT_OK(nw_checklist_item_add(&item, cl, "Flyer \"A5\""));
    fx_item_set(cl, item, NW_ITEM_AGREED, NULL, NULL, "a\nb");
    static const char expected[] =
        "{\n"
        "  \"format\": \"netzwerk\",\n"
        "  \"version\": 1,\n"
        "  \"name\": \"Netz\",\n"
        "  \"next_actor_id\": 3,\n"
        "  \"next_tie_id\": 2,\n"
        "  \"actors\": [\n"
        "    {\n"
        "      \"id\": 1,\n"
        "      \"kind\": \"person\",\n"
        "      \"name\": \"A\"\n"
        "    },\n"
        "    {\n"
        "      \"id\": 2,\n"
        "      \"kind\": \"person\",\n"
        "      \"name\": \"B\"\n"
        "    }\n"
        "  ],\n"
        "  \"ties\": [\n"
        "    {\n"
        "      \"id\": 1,\n"
        "      \"form\": \"A\",\n"
        "      \"members\": [1, 2],\n"
        "      \"start\": \"2024-01-01\",\n"
        "      \"checklist\": {\n"
        "        \"next_item_id\": 6,\n"
        "        \"items\": [\n"
        "          {\"id\": 1, \"code\": \"encounter.situation\", \"state\": \"done\", "
        "\"responsible\": 2, \"due\": \"2024-01-02\", \"note\": \"Caf\xC3\xA9\"},\n"
        "          {\"id\": 2, \"code\": \"encounter.message\", \"state\": \"open\"},\n"
        "          {\"id\": 3, \"code\": \"encounter.effect\", \"state\": \"not_applicable\"},\n"
        "          {\"id\": 5, \"code\": \"custom\", \"label\": \"Flyer \\\"A5\\\"\", "
        "\"state\": \"agreed\", \"note\": \"a\\nb\"}\n"
        "        ]\n"
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n";
    char *text = save(net, NULL);
    assert_string_equal(text, expected);
    nw_network *copy = load(text);
    char *again = save(copy, NULL);
    assert_string_equal(again, expected);
    assert_int_equal(fx_next_item_id(copy, 1), 6);
    nw_free(again);
    nw_free(text);
    nw_network_free(copy);
    nw_checklist_free(cl);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* Two actors and a cooperation or other tie of theirs with the given
 * checklist member ("" for none). */
static char *tie_doc(const char *form, const char *checklist)
{
    static const char *const fmt =
        "{\"format\":\"netzwerk\",\"version\":1,\"name\":\"N\",\"actors\":["
        "{\"id\":1,\"kind\":\"person\",\"name\":\"A\"},{\"id\":2,\"kind\":\"person\",\"name\":\"B\"},"
        "{\"id\":3,\"kind\":\"person\",\"name\":\"C\"}],"
        "\"ties\":[{\"id\":1,\"form\":\"%s\",\"members\":[1,2],\"start\":\"2024-01-01\"%s%s}]}";
    size_t n = strlen(fmt) + strlen(checklist) + 32;
    char *s = malloc(n);
    snprintf(s, n, fmt, form, checklist[0] ? ",\"checklist\":" : "", checklist);
    return s;
}

static void expect_checklist_error(const char *form, const char *checklist, int code,
                                   const char *where, const char *what)
{
    char *d = tie_doc(form, checklist);
    nw_load_error err;
    memset(&err, 0, sizeof err);
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.error = &err;
    expect_load_error(d, &opts, code, where, what);
    assert_string_equal(err.where, where);
    free(d);
}

/* The template of a cooperation of actors 1 and 2, in list order, with
 * ids 1..10, as the items of a file. */
#define COOP_ITEMS                                                                               \
    "{\"id\":1,\"code\":\"coop.goal\",\"state\":\"open\"},"                                     \
    "{\"id\":2,\"code\":\"coop.agreements\",\"state\":\"open\"},"                               \
    "{\"id\":3,\"code\":\"coop.communication\",\"state\":\"open\"},"                            \
    "{\"id\":4,\"code\":\"coop.contact_persons\",\"state\":\"open\"},"                          \
    "{\"id\":5,\"code\":\"coop.controlling\",\"state\":\"open\"},"                              \
    "{\"id\":6,\"code\":\"coop.resources\",\"state\":\"open\"},"                                \
    "{\"id\":7,\"code\":\"coop.duration_exit\",\"state\":\"open\"},"                            \
    "{\"id\":8,\"code\":\"coop.data_protection\",\"state\":\"open\"},"                          \
    "{\"id\":9,\"code\":\"coop.partner_benefit\",\"partner\":1,\"state\":\"open\"},"            \
    "{\"id\":10,\"code\":\"coop.partner_benefit\",\"partner\":2,\"state\":\"open\"}"

#define ITEM(x) "{\"next_item_id\":20,\"items\":[" x "]}"

/* Every rule of a checklist's items, each with its JSON path. */
static void test_checklist_errors(void **state)
{
    (void)state;
    /* The valid base of the cases below loads. */
    char *d = tie_doc("B", ITEM(COOP_ITEMS));
    nw_network *net = load(d);
    nw_network_free(net);
    free(d);

    /* Dangling responsible actor (4 never existed). */
    expect_checklist_error("B", ITEM(COOP_ITEMS ",{\"id\":11,\"code\":\"custom\",\"label\":\"x\","
                                                 "\"state\":\"open\",\"responsible\":4}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[10].responsible", "no actor 4");
    /* Unknown code. */
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.reachible\",\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].code",
                           "unknown item code \"contact.reachible\"");
    /* An item of another form's template. */
    expect_checklist_error("D", ITEM("{\"id\":1,\"code\":\"coop.goal\",\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].code",
                           "item \"coop.goal\" belongs to the checklist of form B, not D");
    /* A per-partner item of an actor that is not a member (3), and of none. */
    expect_checklist_error("B", ITEM(COOP_ITEMS ",{\"id\":11,\"code\":\"coop.partner_benefit\","
                                                 "\"partner\":3,\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[10].partner",
                           "actor 3 is not a member of this tie");
    expect_checklist_error("B", ITEM("{\"id\":11,\"code\":\"coop.partner_benefit\",\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0]", "\"partner\" is missing");
    expect_checklist_error("B", ITEM("{\"id\":1,\"code\":\"coop.goal\",\"partner\":1,\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].partner",
                           "item \"coop.goal\" is not one per partner");
    expect_checklist_error("B", ITEM("{\"id\":1,\"code\":\"custom\",\"label\":\"x\",\"partner\":1,"
                                     "\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].partner", "no partner");
    /* Duplicate identities: the second holder is named. */
    expect_checklist_error("B", ITEM(COOP_ITEMS ",{\"id\":3,\"code\":\"custom\",\"label\":\"x\","
                                                 "\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[10].id",
                           "item identity 3 is used twice (also by items[2])");
    /* The same item twice. */
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"open\"},"
                                     "{\"id\":2,\"code\":\"contact.consent\",\"state\":\"done\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[1]",
                           "item \"contact.consent\" is given twice");
    expect_checklist_error("B", ITEM(COOP_ITEMS ",{\"id\":11,\"code\":\"coop.partner_benefit\","
                                                 "\"partner\":2,\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[10]",
                           "item \"coop.partner_benefit\" of partner 2 is given twice");
    /* Labels: required on users' items, not allowed on built-in ones, valid text. */
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"custom\",\"state\":\"open\"}"), NW_EFORMAT,
                           "$.ties[0].checklist.items[0]", "\"label\" is missing");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"label\":\"x\","
                                     "\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].label", "no label");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"custom\",\"label\":\"a\\nb\","
                                     "\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].label", "control character");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"custom\",\"label\":\"\",\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].label", "empty");
    /* Fields of the wrong type or value. */
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"closed\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].state", "unknown value \"closed\"");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\"}"), NW_EFORMAT,
                           "$.ties[0].checklist.items[0]", "\"state\" is missing");
    expect_checklist_error("C", ITEM("{\"code\":\"contact.consent\",\"state\":\"open\"}"), NW_EFORMAT,
                           "$.ties[0].checklist.items[0]", "\"id\" is missing");
    expect_checklist_error("C", ITEM("{\"id\":0,\"code\":\"contact.consent\",\"state\":\"open\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].id", "out of range");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"open\","
                                     "\"due\":\"2024-02-30\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].due", "2024-02-30");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"open\","
                                     "\"note\":\"\\u0007\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].note", "control character");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"open\","
                                     "\"responsible\":\"A\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0].responsible", "integer");
    expect_checklist_error("C", ITEM("{\"id\":1,\"code\":\"contact.consent\",\"state\":\"open\","
                                     "\"sate\":\"done\"}"),
                           NW_EFORMAT, "$.ties[0].checklist.items[0]", "unknown member \"sate\"");
    expect_checklist_error("C", ITEM("[1]"), NW_EFORMAT, "$.ties[0].checklist.items[0]",
                           "expected an object");
    /* The checklist itself. */
    expect_checklist_error("C", "[]", NW_EFORMAT, "$.ties[0].checklist", "expected an object");
    expect_checklist_error("C", "{\"items\":[]}", NW_EFORMAT, "$.ties[0].checklist",
                           "\"next_item_id\" is missing");
    expect_checklist_error("C", "{\"next_item_id\":4}", NW_EFORMAT, "$.ties[0].checklist",
                           "\"items\" is missing");
    expect_checklist_error("C", "{\"next_item_id\":4,\"items\":{}}", NW_EFORMAT,
                           "$.ties[0].checklist.items", "expected an array");
    expect_checklist_error("C", "{\"next_item_id\":4294967297,\"items\":[]}", NW_EFORMAT,
                           "$.ties[0].checklist.next_item_id", "out of range");
    expect_checklist_error("C", "{\"next_item_id\":2,\"items\":[{\"id\":5,\"code\":\"contact.consent\","
                                "\"state\":\"open\"}]}",
                           NW_EFORMAT, "$.ties[0].checklist.next_item_id",
                           "2 is not above the highest item identity 5");
    expect_checklist_error("C", "{\"next_item_id\":4,\"items\":[],\"extra\":1}", NW_EFORMAT,
                           "$.ties[0].checklist", "unknown member \"extra\"");
    /* Limits: more items than max_items. */
    d = tie_doc("B", ITEM(COOP_ITEMS));
    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.max_items = 9;
    expect_load_error(d, &opts, NW_ELIMIT, "$.ties[0].checklist.items", "limit of 9");
    free(d);
}

/* next_item_id may be NW_ID_MAX + 1: the identities are used up. The file
 * keeps it so (it is not capped, which would give NW_ID_MAX twice), and
 * adding an item or a partner then fails with NW_ELIMIT. */
static void test_checklist_ids_used_up(void **state)
{
    (void)state;
    char *d = tie_doc("C", "{\"next_item_id\":4294967296,\"items\":["
                           "{\"id\":4294967295,\"code\":\"contact.reachable\",\"state\":\"open\"},"
                           "{\"id\":7,\"code\":\"contact.consent\",\"state\":\"open\"},"
                           "{\"id\":4294967290,\"code\":\"contact.kept_up\",\"state\":\"open\"}]}");
    nw_network *net = load(d);
    char *text = save(net, NULL);
    assert_non_null(strstr(text, "\"next_item_id\": 4294967296,"));
    assert_non_null(strstr(text, "{\"id\": 4294967295, \"code\": \"contact.reachable\""));
    nw_network *copy = load(text);
    char *again = save(copy, NULL);
    assert_string_equal(text, again);
    assert_int_equal(fx_next_item_id(net, 1), NW_ID_NONE);
    assert_int_equal(fx_next_item_id(copy, 1), NW_ID_NONE);
    nw_free(text);
    nw_free(again);
    nw_network_free(copy);
    nw_network_free(net);
    free(d);

    /* A cooperation whose identities are used up cannot take a partner. */
    d = tie_doc("B", "{\"next_item_id\":4294967296,\"items\":[" COOP_ITEMS "]}");
    net = load(d);
    nw_tie *t = NULL;
    nw_actor *c = NULL;
    NWT_OK(nw_tie_lookup(&t, net, 1));
    NWT_OK(nw_actor_lookup(&c, net, 3));
    NWT_EXPECT(NW_ELIMIT, nw_tie_member_add(t, c));
    nw_actor_free(c);
    nw_tie_free(t);
    nw_network_free(net);
    free(d);

    /* An item of the template that the file lacks needs a new identity:
     * there is none left. */
    expect_checklist_error("C", "{\"next_item_id\":4294967296,\"items\":["
                                "{\"id\":1,\"code\":\"contact.reachable\",\"state\":\"open\"},"
                                "{\"id\":2,\"code\":\"contact.consent\",\"state\":\"open\"}]}",
                           NW_ELIMIT, "$.ties[0].checklist", "used up");
    /* One left: it is taken, and the counter ends at NW_ID_MAX + 1. */
    d = tie_doc("C", "{\"next_item_id\":4294967295,\"items\":["
                     "{\"id\":1,\"code\":\"contact.reachable\",\"state\":\"open\"},"
                     "{\"id\":2,\"code\":\"contact.consent\",\"state\":\"open\"}]}");
    net = load(d);
    expect_item_ids(net, 1, "1 2 4294967295");
    assert_int_equal(fx_next_item_id(net, 1), NW_ID_NONE);
    nw_network_free(net);
    free(d);
}

/* What a hand-written file may leave out or put in another order. */
static void test_checklist_lenient(void **state)
{
    (void)state;
    /* A cooperation without "checklist" has its template's (ids in list order). */
    char *d = tie_doc("B", "");
    nw_network *net = load(d);
    expect_item_ids(net, 1, "1 2 3 4 5 6 7 8 9 10");
    assert_int_equal(fx_next_item_id(net, 1), 11);
    nw_network_free(net);
    free(d);
    /* An encounter without one has none. */
    d = tie_doc("A", "");
    net = load(d);
    char *text = fx_checklists_text(net);
    assert_string_equal(text, "tie 1: none\n");
    free(text);
    nw_network_free(net);
    free(d);
    /* Items in any order: users' items go after the template's, in file
     * order; template items the file lacks get identities from
     * next_item_id on (here coop.goal 20, partner 1's 21). */
    d = tie_doc("B", "{\"next_item_id\":20,\"items\":["
                     "{\"id\":15,\"code\":\"custom\",\"label\":\"zwei\",\"state\":\"open\"},"
                     "{\"id\":10,\"code\":\"coop.partner_benefit\",\"partner\":2,\"state\":\"done\"},"
                     "{\"id\":2,\"code\":\"coop.agreements\",\"state\":\"open\"},"
                     "{\"id\":3,\"code\":\"coop.communication\",\"state\":\"open\"},"
                     "{\"id\":4,\"code\":\"coop.contact_persons\",\"state\":\"open\"},"
                     "{\"id\":5,\"code\":\"coop.controlling\",\"state\":\"open\"},"
                     "{\"id\":6,\"code\":\"coop.resources\",\"state\":\"open\"},"
                     "{\"id\":7,\"code\":\"coop.duration_exit\",\"state\":\"open\"},"
                     "{\"id\":8,\"code\":\"coop.data_protection\",\"state\":\"open\"},"
                     "{\"id\":12,\"code\":\"custom\",\"label\":\"drei\",\"state\":\"open\"}]}");
    net = load(d);
    expect_item_ids(net, 1, "20 2 3 4 5 6 7 8 21 10 15 12");
    assert_int_equal(fx_next_item_id(net, 1), 22);
    nw_network_free(net);
    free(d);
}

/* A contact's checklist of its 3 template items and `n` users' items with
 * identities counting down from n + 3 (so not in file order), item `dup`
 * (if not 0) given the identity of the one before it. */
static char *many_items_doc(int n, int dup)
{
    size_t cap = 300 + (size_t)n * 80, len = 0;
    char *items = malloc(cap);
    len += (size_t)snprintf(items + len, cap - len,
                            "{\"next_item_id\":%d,\"items\":["
                            "{\"id\":1,\"code\":\"contact.reachable\",\"state\":\"open\"},"
                            "{\"id\":2,\"code\":\"contact.consent\",\"state\":\"open\"},"
                            "{\"id\":3,\"code\":\"contact.kept_up\",\"state\":\"open\"}",
                            n + 4);
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(items + len, cap - len,
                                ",{\"id\":%d,\"code\":\"custom\",\"label\":\"L%d\",\"state\":\"done\"}",
                                i == dup ? n + 3 - (i - 2) : n + 3 - (i - 1), i);
    snprintf(items + len, cap - len, "]}");
    char *d = tie_doc("C", items);
    free(items);
    return d;
}

/* Checklists longer than the loader's stack buffers, with identities out
 * of order: they load, keep every identity, catch a duplicate, and fail
 * cleanly at every allocation. */
static void test_checklist_many_items(void **state)
{
    (void)state;
    char *d = many_items_doc(100, 0);
    nw_network *net = load(d);
    nw_checklist *cl = checklist_of(net, 1);
    size_t n = 0;
    NWT_OK(nw_checklist_item_count(&n, cl));
    assert_int_equal(n, 103);
    nw_id id = 0;
    const char *label = NULL;
    NWT_OK(nw_checklist_item_at(&id, cl, 3)); /* the first user's item, "L1" */
    assert_int_equal(id, 103);
    NWT_OK(nw_checklist_item_at(&id, cl, 102)); /* the last, "L100" */
    assert_int_equal(id, 4);
    NWT_OK(nw_checklist_item_label(&label, cl, 4, NW_LANG_DE));
    assert_string_equal(label, "L100");
    nw_checklist_free(cl);
    assert_int_equal(fx_next_item_id(net, 1), 104);
    char *text = save(net, NULL);
    nw_network *copy = load(text);
    char *again = save(copy, NULL);
    assert_string_equal(text, again);
    nw_free(text);
    nw_free(again);
    nw_network_free(copy);
    nw_network_free(net);

    /* Every allocation of the load fails once. */
    long k = 1;
    for (;; k++) {
        nwt_failalloc_fail_at(k);
        nw_network *x = NULL;
        int rc = nw_network_load_buffer(&x, d, strlen(d), NULL);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            nw_network_free(x);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(x);
    }
    nwt_failalloc_fail_at(0);
    free(d);

    /* Item 60 repeats the identity of item 59 (file positions 62 and 61). */
    d = many_items_doc(100, 60);
    expect_load_error(d, NULL, NW_EFORMAT, "$.ties[0].checklist.items[62].id",
                      "item identity 45 is used twice (also by items[61])");
    free(d);
}

/* A cooperation of n partners (actors 1..n) whose per-partner items the
 * file lists in reverse order, partner p's with identity 8 + p. */
static char *many_partners_doc(int n)
{
    size_t cap = 1000 + (size_t)n * 150, len = 0;
    char *d = malloc(cap);
    len += (size_t)snprintf(d + len, cap - len,
                            "{\"format\":\"netzwerk\",\"version\":1,\"name\":\"N\",\"actors\":[");
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(d + len, cap - len, "%s{\"id\":%d,\"kind\":\"person\",\"name\":\"P%d\"}",
                                i > 1 ? "," : "", i, i);
    len += (size_t)snprintf(d + len, cap - len,
                            "],\"ties\":[{\"id\":1,\"form\":\"B\",\"members\":[");
    for (int i = 1; i <= n; i++)
        len += (size_t)snprintf(d + len, cap - len, "%s%d", i > 1 ? "," : "", i);
    len += (size_t)snprintf(d + len, cap - len, "],\"start\":\"2024-01-01\",\"checklist\":{"
                            "\"next_item_id\":%d,\"items\":[" COOP_ITEMS, n + 9);
    /* COOP_ITEMS has the items of partners 1 and 2 (ids 9, 10): the others
     * follow from n down to 3. */
    for (int p = n; p >= 3; p--)
        len += (size_t)snprintf(d + len, cap - len,
                                ",{\"id\":%d,\"code\":\"coop.partner_benefit\",\"partner\":%d,"
                                "\"state\":\"done\"}", 8 + p, p);
    snprintf(d + len, cap - len, "]}}]}");
    return d;
}

/* Per-partner items are found by partner in any order. */
static void test_checklist_many_partners(void **state)
{
    (void)state;
    char *d = many_partners_doc(300);
    nw_network *net = load(d);
    nw_checklist *cl = checklist_of(net, 1);
    size_t n = 0;
    nw_id id = 0, partner = 0;
    nw_item_state st;
    NWT_OK(nw_checklist_item_count(&n, cl));
    assert_int_equal(n, 308);
    for (size_t i = 8; i < n; i++) { /* list order: by partner, identity 8 + partner */
        NWT_OK(nw_checklist_item_at(&id, cl, i));
        NWT_OK(nw_checklist_item_partner(&partner, cl, id));
        assert_int_equal(partner, i - 7);
        assert_int_equal(id, 8 + partner);
        NWT_OK(nw_checklist_item_state(&st, cl, id));
        assert_int_equal(st, partner <= 2 ? NW_ITEM_OPEN : NW_ITEM_DONE);
    }
    nw_checklist_free(cl);
    nw_network_free(net);
    free(d);
}

/* Every allocation of a load and of a save can fail: the call reports
 * NW_ENOMEM, leaves no network and leaks nothing (checked by nwt_teardown). */
static void test_out_of_memory(void **state)
{
    (void)state;
    nwt_failalloc_pause();
    nw_network *net = fx_every_field();
    char *text = save(net, NULL);
    char *fp = nwt_fingerprint(net);
    nwt_failalloc_resume();

    long n = 1;
    for (;; n++) {
        nwt_failalloc_fail_at(n);
        nw_network *copy = NULL;
        /* The position struct is filled on every failure, this one too. */
        nw_load_error where;
        memset(&where, 0x5a, sizeof where);
        nw_load_options lo = NW_LOAD_OPTIONS_INIT;
        lo.error = &where;
        int rc = nw_network_load_buffer(&copy, text, strlen(text), &lo);
        if (rc != NW_OK && where.code != rc)
            NWT_FAIL("allocation %ld: nw_load_error.code %d, returned %d", n, where.code, rc);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            char *fp2 = nwt_fingerprint(copy);
            assert_string_equal(fp, fp2);
            free(fp2);
            nw_network_free(copy);
            break;
        }
        if (rc != NW_ENOMEM)
            NWT_FAIL("allocation %ld: load returned %s: %s", n, nwt_code_name(rc), nw_errmsg());
        assert_null(copy);
    }
    assert_true(n > 50);

    for (n = 1;; n++) {
        nwt_failalloc_fail_at(n);
        char *out = NULL;
        int rc = nw_network_save_buffer(&out, NULL, net, NULL);
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
    free(fp);
    nw_free(text);
    nw_network_free(net);
}

static void test_arguments(void **state)
{
    (void)state;
    nw_network *net = NULL;
    char *text = NULL;
    NWT_EXPECT(NW_EINVAL, nw_network_load_buffer(NULL, "{}", 2, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_load_buffer(&net, NULL, 2, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, NULL, NULL, NULL));
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    lo.version = 99;
    NWT_EXPECT(NW_EINVAL, nw_network_load_buffer(&net, "{}", 2, &lo));
    lo = (nw_load_options)NW_LOAD_OPTIONS_INIT;
    lo.format = (nw_format)7;
    NWT_EXPECT(NW_EINVAL, nw_network_load_buffer(&net, "{}", 2, &lo));
    lo = (nw_load_options)NW_LOAD_OPTIONS_INIT;
    lo.csv_separator = '\t';
    NWT_EXPECT(NW_EINVAL, nw_network_load_buffer(&net, "{}", 2, &lo));
    nw_network *n2 = nwt_network("N");
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = 0x100;
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, NULL, n2, &so));
    so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    so.version = 0;
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, NULL, n2, &so));
    assert_null(text);
    assert_null(net);
    nw_network_free(n2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_roundtrip_every_field),
        NWT_TEST(test_exact_layout),
        NWT_TEST(test_lenient_layout),
        NWT_TEST(test_version),
        NWT_TEST(test_syntax_error_position),
        NWT_TEST(test_content_errors),
        NWT_TEST(test_limits),
        NWT_TEST(test_checklist_layout),
        NWT_TEST(test_checklist_errors),
        NWT_TEST(test_checklist_ids_used_up),
        NWT_TEST(test_checklist_lenient),
        NWT_TEST(test_checklist_many_items),
        NWT_TEST(test_checklist_many_partners),
        NWT_TEST(test_out_of_memory),
        NWT_TEST(test_arguments),
    };
    return NWT_RUN(tests);
}
