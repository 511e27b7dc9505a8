/*
 * netzwerk/io.h, CSV: the exact export, the round trip of what CSV carries,
 * spreadsheet habits (byte-order mark, semicolons, German words, columns in
 * any order), and errors that name the file, line and column.
 */
#include "test_io_fixture.h"

static void export(const nw_network *net, const nw_save_options *opts, char **actors, char **ties)
{
    NWT_OK(nw_network_save_csv_buffer(actors, NULL, ties, NULL, net, opts));
}

static nw_network *import(const char *actors, const char *ties, const nw_load_options *opts)
{
    nw_network *net = NULL;
    NWT_OK(nw_network_load_csv_buffer(&net, actors, strlen(actors), ties, ties ? strlen(ties) : 0,
                                      opts));
    return net;
}

static void expect_error(const char *actors, const char *ties, int code, const char *part1,
                         const char *part2)
{
    nw_network *net = NULL;
    NWT_EXPECT(code, nw_network_load_csv_buffer(&net, actors, strlen(actors), ties,
                                                ties ? strlen(ties) : 0, NULL));
    assert_null(net);
    if (part1 && !strstr(nw_errmsg(), part1))
        NWT_FAIL("message \"%s\" lacks \"%s\"", nw_errmsg(), part1);
    if (part2 && !strstr(nw_errmsg(), part2))
        NWT_FAIL("message \"%s\" lacks \"%s\"", nw_errmsg(), part2);
}

/* Written out by hand from docs/format.md. */
static void test_exact_export(void **state)
{
    (void)state;
    nw_network *net = nwt_network("N");
    nw_actor *a = fx_actor(net, NW_ACTOR_PERSON, "Anna, \"die Erste\"");
    nw_actor *b = fx_actor(net, NW_ACTOR_GROUP, "B|C");
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "a@x.de"));
    NWT_OK(nw_actor_contact_add(a, NW_CHANNEL_EMAIL, "b@x.de"));
    NWT_OK(nw_actor_contact_add(b, NW_CHANNEL_POSTAL, "Weg 1\nOrt"));
    NWT_OK(nw_actor_attr_set(b, "Stadtteil", "Nord"));
    NWT_OK(nw_actor_set_joined(a, nwt_date("2024-05-06")));
    nw_tie *t = nwt_tie(net, NW_FORM_GRUPPE, a, b, NULL, "2024-01-01");
    NWT_OK(nw_tie_set_label(t, " leading space"));
    NWT_OK(nw_tie_topic_add(t, "x"));
    NWT_OK(nw_tie_topic_add(t, "y"));
    char *actors = NULL, *ties = NULL;
    export(net, NULL, &actors, &ties);
    assert_string_equal(actors,
        "id,kind,name,email,phone,postal,other,interests,consent_given,consent_withdrawn,joined,Stadtteil\r\n"
        "1,person,\"Anna, \"\"die Erste\"\"\",a@x.de|b@x.de,,,,,,,2024-05-06,\r\n"
        "2,group,B|C,,,\"Weg 1\nOrt\",,,,,,Nord\r\n");
    assert_string_equal(ties,
        "id,form,members,start,end,imposed,label,topics,goals\r\n"
        "1,D,\"Anna, \"\"die Erste\"\"|B\\|C\",2024-01-01,,false,\" leading space\",x|y,\r\n");
    nw_free(actors);
    nw_free(ties);

    /* German Excel: semicolons and a byte-order mark. */
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.csv_separator = ';';
    so.flags = NW_SAVE_CSV_BOM;
    export(net, &so, &actors, &ties);
    assert_memory_equal(actors, "\xEF\xBB\xBFid;kind;name;", 16);
    assert_non_null(strstr(actors, "\r\n1;person;\"Anna, \"\"die Erste\"\"\";a@x.de|b@x.de;"));
    assert_non_null(strstr(ties, "\r\n1;D;\"Anna, \"\"die Erste\"\"|B\\|C\";2024-01-01;"));
    nw_free(actors);
    nw_free(ties);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

static void test_roundtrip(void **state)
{
    (void)state;
    nw_network *net = fx_every_field();
    /* CSV cannot tell an empty attribute from none: drop the one we have. */
    nw_actor *maria = NULL;
    NWT_OK(nw_actor_lookup(&maria, net, 1));
    NWT_OK(nw_actor_attr_remove(maria, "leer"));
    nw_actor_free(maria);
    for (int sep = 0; sep < 2; sep++) {
        nw_save_options so = NW_SAVE_OPTIONS_INIT;
        so.csv_separator = sep ? ';' : ',';
        so.flags = sep ? NW_SAVE_CSV_BOM : 0;
        char *actors = NULL, *ties = NULL, *actors2 = NULL, *ties2 = NULL;
        export(net, &so, &actors, &ties);
        nw_network *copy = import(actors, ties, NULL);
        export(copy, &so, &actors2, &ties2);
        assert_string_equal(actors, actors2);
        assert_string_equal(ties, ties2);
        /* Identities come from the id column. */
        nw_actor *a = NULL;
        NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&a, copy, 3));
        NWT_OK(nw_actor_lookup(&a, copy, 5));
        const char *name = NULL;
        NWT_OK(nw_actor_name(&name, a));
        assert_string_equal(name, "Grundschule; am Park, \"Ost\"");
        nw_actor_free(a);
        nw_free(actors);
        nw_free(ties);
        nw_free(actors2);
        nw_free(ties2);
        nw_network_free(copy);
    }
    nw_network_free(net);
}

/* Issue 5: an attribute key (a header cell) or a value that holds the other
 * separator must be quoted, or the reader, which takes the separator from
 * the header line, picks the wrong one. Expected texts by hand (RFC 4180). */
static void test_both_separators_quoted(void **state)
{
    (void)state;
    nw_network *net = nwt_network("N");
    nw_actor *a = fx_actor(net, NW_ACTOR_PERSON, "A");
    NWT_OK(nw_actor_attr_set(a, "k;1", "v;1"));
    NWT_OK(nw_actor_attr_set(a, "k;2", "v,2"));
    NWT_OK(nw_actor_attr_set(a, "k;3", "x"));
    NWT_OK(nw_actor_attr_set(a, "k;4", "y"));
    char *actors = NULL, *ties = NULL;
    export(net, NULL, &actors, &ties);
    assert_string_equal(actors,
        "id,kind,name,email,phone,postal,other,interests,consent_given,consent_withdrawn,joined,"
        "\"k;1\",\"k;2\",\"k;3\",\"k;4\"\r\n"
        "1,person,A,,,,,,,,,\"v;1\",\"v,2\",x,y\r\n");
    /* Four ';' against 14 ',' in the header: more ';' than ',' before the fix
     * (with 11 or more such keys) made the reader split at ';'. */
    nw_network *copy = import(actors, ties, NULL);
    nw_actor *c = NULL;
    const char *v = NULL;
    NWT_OK(nw_actor_lookup(&c, copy, 1));
    NWT_OK(nw_actor_attr_get(&v, c, "k;1"));
    assert_string_equal(v, "v;1");
    NWT_OK(nw_actor_attr_get(&v, c, "k;2"));
    assert_string_equal(v, "v,2");
    nw_actor_free(c);
    nw_network_free(copy);
    nw_free(actors);
    nw_free(ties);

    /* The same with ';' as separator: cells with ',' are quoted. */
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.csv_separator = ';';
    export(net, &so, &actors, &ties);
    assert_string_equal(actors,
        "id;kind;name;email;phone;postal;other;interests;consent_given;consent_withdrawn;joined;"
        "\"k;1\";\"k;2\";\"k;3\";\"k;4\"\r\n"
        "1;person;A;;;;;;;;;\"v;1\";\"v,2\";x;y\r\n");
    nw_free(actors);
    nw_free(ties);

    /* Many keys with ';' in a comma file: the case the fuzzer found. */
    for (int i = 0; i < 20; i++) {
        char key[16];
        snprintf(key, sizeof key, "s;%02d", i);
        NWT_OK(nw_actor_attr_set(a, key, "1"));
    }
    export(net, NULL, &actors, &ties);
    copy = import(actors, ties, NULL);
    NWT_OK(nw_actor_lookup(&c, copy, 1));
    NWT_OK(nw_actor_attr_get(&v, c, "s;19"));
    assert_string_equal(v, "1");
    nw_actor_free(c);
    nw_network_free(copy);
    nw_free(actors);
    nw_free(ties);
    nw_actor_free(a);
    nw_network_free(net);
}

/* The separator comes from the header line, the first line that is not
 * empty; attribute columns are keys, which are case-sensitive. */
static void test_header_line(void **state)
{
    (void)state;
    nw_network *net = import("\r\n\r\nname;kind\r\nA;group\r\n", NULL, NULL);
    nw_actor *a = NULL;
    NWT_OK(nw_actor_lookup_name(&a, net, "A"));
    nw_actor_kind kind;
    NWT_OK(nw_actor_kind_get(&kind, a));
    assert_int_equal(kind, NW_ACTOR_GROUP);
    nw_actor_free(a);
    nw_network_free(net);

    /* "Foo" and "foo" are two keys: they survive a round trip. */
    net = import("name,Foo,foo\nA,1,2\n", NULL, NULL);
    char *actors = NULL, *ties = NULL;
    export(net, NULL, &actors, &ties);
    nw_network *copy = import(actors, ties, NULL);
    const char *v = NULL;
    NWT_OK(nw_actor_lookup_name(&a, copy, "A"));
    NWT_OK(nw_actor_attr_get(&v, a, "Foo"));
    assert_string_equal(v, "1");
    NWT_OK(nw_actor_attr_get(&v, a, "foo"));
    assert_string_equal(v, "2");
    nw_actor_free(a);
    nw_network_free(copy);
    nw_network_free(net);
    nw_free(actors);
    nw_free(ties);
    /* ... but a known column twice, or one key twice, is an error. */
    expect_error("name,NAME\nA,B\n", NULL, NW_EFORMAT, "column NAME", "twice");
    expect_error("name,attr.x,x\nA,1,2\n", NULL, NW_EFORMAT, "column x", "twice");
}

/* What a person types into LibreOffice or Excel. */
static void test_spreadsheet_habits(void **state)
{
    (void)state;
    const char *actors = "\xEF\xBB\xBF" "Name;Kind;E-Mail-Verteiler;email;Joined\r\n"
                         "Anna;Person;ja;anna@x.de;2024-01-02\r\n"
                         ";;;;\r\n"
                         "Kita;Organisation;;;\r\n"
                         "\"Eltern; Nord\";Gruppe;;;\r\n";
    const char *ties = "members;form;start;imposed;label\r\n"
                       "Anna|Kita;Kooperation;2024-02-01;WAHR;Laufbus\r\n"
                       "\"Kita|Eltern; Nord\";c;2024-03-01;nein;\r\n";
    nw_network *net = import(actors, ties, NULL);
    size_t n = 0;
    NWT_OK(nw_network_actor_count(&n, net));
    assert_int_equal(n, 3);
    nw_actor *anna = NULL;
    NWT_OK(nw_actor_lookup_name(&anna, net, "Anna"));
    const char *v = NULL;
    NWT_OK(nw_actor_attr_get(&v, anna, "E-Mail-Verteiler"));
    assert_string_equal(v, "ja");
    nw_channel ch;
    NWT_OK(nw_actor_contact(&ch, &v, anna, 0));
    assert_int_equal(ch, NW_CHANNEL_EMAIL);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_lookup(&t, net, 1));
    nw_form form;
    NWT_OK(nw_tie_form(&form, t));
    assert_int_equal(form, NW_FORM_KOOPERATION);
    bool imposed = false;
    NWT_OK(nw_tie_imposed(&imposed, t));
    assert_true(imposed);
    nw_tie_free(t);
    NWT_OK(nw_tie_lookup(&t, net, 2));
    NWT_OK(nw_tie_form(&form, t));
    assert_int_equal(form, NW_FORM_KONTAKT);
    nw_tie_free(t);
    nw_actor *eltern = NULL;
    NWT_OK(nw_actor_lookup_name(&eltern, net, "Eltern; Nord"));
    nw_actor_kind kind;
    NWT_OK(nw_actor_kind_get(&kind, eltern));
    assert_int_equal(kind, NW_ACTOR_GROUP);
    nw_actor_free(eltern);
    nw_actor_free(anna);
    nw_network_free(net);

    /* Members by identity; the id column decides identities and order. */
    net = import("id,name\n7,X\n3,Y\n", "id,member_ids,start\n,3|7,2024-01-01\n", NULL);
    nw_actor *x = NULL;
    NWT_OK(nw_actor_lookup(&x, net, 7));
    NWT_OK(nw_actor_name(&v, x));
    assert_string_equal(v, "X");
    nw_actor_free(x);
    assert_int_equal(fx_next_actor_id(net), 8);
    nw_network_free(net);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("kind\nperson\n", NULL, NW_EFORMAT, "actors.csv", "no column \"name\"");
    expect_error("name\nA\nA\n", NULL, NW_EFORMAT, "actors.csv line 3, column name", NULL);
    expect_error("name,kind\nA,robot\n", NULL, NW_EFORMAT, "line 2, column kind", "robot");
    expect_error("name,joined\nA,2024-02-30\n", NULL, NW_EFORMAT, "line 2, column joined", NULL);
    expect_error("name,email\nA,no-at\n", NULL, NW_EFORMAT, "line 2, column email", NULL);
    expect_error("id,name\n1,A\n1,B\n", NULL, NW_EFORMAT, "line 3, column id", "used twice");
    expect_error("id,name\nx,A\n", NULL, NW_EFORMAT, "line 2, column id", NULL);
    expect_error("name\nA,B\n", NULL, NW_EFORMAT, "line 2", "header has 1 columns");
    expect_error("name,name\nA,B\n", NULL, NW_EFORMAT, "column name", "twice");
    expect_error("name\n\"A\nB\n", NULL, NW_EFORMAT, "not closed", NULL);
    expect_error("name\nA\"B\n", NULL, NW_EFORMAT, "line 2", "malformed");
    expect_error("name\n\xC3\x28\n", NULL, NW_EFORMAT, "line 2, column name", "UTF-8");
    expect_error("", NULL, NW_EFORMAT, "no header", NULL);
    expect_error("name\nA\nB\n", "members,start\nA|Z,2024-01-01\n", NW_EFORMAT,
                 "ties.csv line 2, column members", "no actor named 'Z'");
    expect_error("name\nA\nB\n", "members\nA|B\n", NW_EFORMAT, "ties.csv line 2, column start",
                 "default_start");
    expect_error("name\nA\nB\n", "members,start\nA,2024-01-01\n", NW_EFORMAT, "ties.csv line 2",
                 "two members");
    expect_error("name\nA\nB\n", "members,start,form\nA|B,2024-01-01,E\n", NW_EFORMAT,
                 "line 2, column form", NULL);
    expect_error("name\nA\nB\n", "members,start,imposed\nA|B,2024-01-01,maybe\n", NW_EFORMAT,
                 "line 2, column imposed", NULL);
    expect_error("name\nA\nB\n", "start\n2024-01-01\n", NW_EFORMAT, "no column \"members\"", NULL);
    static const char nul[] = "name,x\nA,\"a\0b\"\n";
    nw_network *bad = NULL;
    NWT_EXPECT(NW_EFORMAT, nw_network_load_csv_buffer(&bad, nul, sizeof nul - 1, NULL, 0, NULL));
    assert_non_null(strstr(nw_errmsg(), "NUL"));

    nw_load_options opts = NW_LOAD_OPTIONS_INIT;
    opts.max_actors = 2;
    nw_network *net = NULL;
    const char *three = "name\nA\nB\nC\n";
    NWT_EXPECT(NW_ELIMIT, nw_network_load_csv_buffer(&net, three, strlen(three), NULL, 0, &opts));
    opts = (nw_load_options)NW_LOAD_OPTIONS_INIT;
    opts.max_items = 2;
    const char *many = "name,interests\nA,a|b|c\n";
    NWT_EXPECT(NW_ELIMIT, nw_network_load_csv_buffer(&net, many, strlen(many), NULL, 0, &opts));
    assert_null(net);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    nwt_failalloc_pause();
    nw_network *net = fx_every_field();
    char *actors = NULL, *ties = NULL, *ref_a = NULL, *ref_t = NULL;
    export(net, NULL, &actors, &ties);
    /* What a complete import exports (without the empty attribute "leer"). */
    nw_network *ref = import(actors, ties, NULL);
    export(ref, NULL, &ref_a, &ref_t);
    nw_network_free(ref);
    nwt_failalloc_resume();
    long n = 1;
    for (;; n++) {
        nwt_failalloc_fail_at(n);
        nw_network *copy = NULL;
        int rc = nw_network_load_csv_buffer(&copy, actors, strlen(actors), ties, strlen(ties), NULL);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            nw_network_free(copy);
            break;
        }
        if (rc == NW_OK) {
            /* libcsv retries a failed buffer growth with a smaller size:
             * then the result must be complete. */
            char *a = NULL, *t = NULL;
            nwt_failalloc_pause();
            export(copy, NULL, &a, &t);
            nwt_failalloc_resume();
            assert_string_equal(a, ref_a);
            assert_string_equal(t, ref_t);
            nw_free(a);
            nw_free(t);
            nw_network_free(copy);
            continue;
        }
        if (rc != NW_ENOMEM)
            NWT_FAIL("allocation %ld: %s: %s", n, nwt_code_name(rc), nw_errmsg());
        assert_null(copy);
    }
    for (n = 1;; n++) {
        nwt_failalloc_fail_at(n);
        char *a = NULL, *t = NULL;
        int rc = nw_network_save_csv_buffer(&a, NULL, &t, NULL, net, NULL);
        if (nwt_failalloc_failures() == 0) {
            NWT_OK(rc);
            assert_string_equal(a, actors);
            assert_string_equal(t, ties);
            nw_free(a);
            nw_free(t);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(a);
        assert_null(t);
    }
    nwt_failalloc_fail_at(0);
    nw_free(actors);
    nw_free(ties);
    nw_free(ref_a);
    nw_free(ref_t);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_exact_export),
        NWT_TEST(test_roundtrip),
        NWT_TEST(test_both_separators_quoted),
        NWT_TEST(test_header_line),
        NWT_TEST(test_spreadsheet_habits),
        NWT_TEST(test_errors),
        NWT_TEST(test_out_of_memory),
    };
    return NWT_RUN(tests);
}
