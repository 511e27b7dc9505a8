/*
 * netzwerk/consent.h: consent records, their validity for a purpose on a
 * date, the shorthands of actor.h over them, and the Freiwilligkeit rules
 * that read the same notion. Expected answers are worked out by hand from
 * the rule in consent.h ("the deciding record in force is an opt-in").
 */
#include "test_privacy.h"

static bool valid(const nw_actor *a, const char *day, const char *purpose)
{
    bool b = false;
    NWT_OK(nw_actor_consent_valid(&b, a, nwt_date(day), purpose));
    return b;
}

static size_t count(const nw_actor *a)
{
    size_t n = 99;
    NWT_OK(nw_consent_count(&n, a));
    return n;
}

static void test_add_get(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    assert_int_equal(count(a), 0);

    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2026-01-10");
    c.type = NW_CONSENT_OPT_IN;
    c.purpose = "Newsletter";
    c.source = "Anmeldebogen Sommerfest";
    c.text = "Ich möchte den Newsletter\nper E-Mail bekommen.";
    c.note = "Unterschrift liegt vor";
    c.expires = nwt_date("2027-01-10");
    size_t idx = 99;
    NWT_OK(nw_consent_add(&idx, a, &c));
    assert_int_equal(idx, 0);
    nw_consent d = NW_CONSENT_INIT;
    d.given = nwt_date("2025-05-05");
    d.withdrawn = nwt_date("2025-06-01"); /* an imported history */
    NWT_OK(nw_consent_add(&idx, a, &d));
    assert_int_equal(idx, 1);
    assert_int_equal(count(a), 2);

    nw_consent g;
    memset(&g, 0xff, sizeof g);
    NWT_OK(nw_consent_get(&g, a, 0));
    assert_int_equal(g.version, NW_CONSENT_VERSION);
    assert_int_equal(g.given, nwt_date("2026-01-10"));
    assert_int_equal(g.type, NW_CONSENT_OPT_IN);
    assert_string_equal(g.purpose, "Newsletter");
    assert_string_equal(g.source, "Anmeldebogen Sommerfest");
    assert_string_equal(g.text, "Ich möchte den Newsletter\nper E-Mail bekommen.");
    assert_string_equal(g.note, "Unterschrift liegt vor");
    assert_int_equal(g.expires, nwt_date("2027-01-10"));
    assert_int_equal(g.withdrawn, NW_DATE_NONE);
    NWT_OK(nw_consent_get(&g, a, 1));
    assert_string_equal(g.purpose, ""); /* absent texts read as "" */
    assert_string_equal(g.source, "");
    assert_string_equal(g.text, "");
    assert_string_equal(g.note, "");
    assert_int_equal(g.withdrawn, nwt_date("2025-06-01"));
    assert_int_equal(g.expires, NW_DATE_NONE);

    /* the general purpose may be named by "" as well as NULL */
    nw_consent e = NW_CONSENT_INIT;
    e.given = nwt_date("2026-02-01");
    e.purpose = "";
    NWT_OK(nw_consent_add(NULL, a, &e));
    assert_true(valid(a, "2026-02-01", NULL));
    assert_true(valid(a, "2026-02-01", ""));
    nw_actor_free(a);
    nw_network_free(net);
}

static void test_add_invalid(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    nw_consent c = NW_CONSENT_INIT;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c)); /* no given date */
    c.given = nwt_date("2026-01-10");
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, NULL));
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, NULL, &c));
    c.version = 2;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.version = 0;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.version = NW_CONSENT_VERSION;
    c.type = (nw_consent_type)2;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.type = NW_CONSENT_OPT_OUT;
    c.given = NW_DATE_MAX + 1;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.given = nwt_date("2026-01-10");
    c.expires = nwt_date("2026-01-10"); /* must be after given */
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.expires = NW_DATE_MIN - 1;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.expires = NW_DATE_NONE;
    c.withdrawn = nwt_date("2026-01-09");
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.withdrawn = nwt_date("2026-01-10"); /* on the day: allowed */
    NWT_OK(nw_consent_add(NULL, a, &c));
    c.withdrawn = NW_DATE_NONE;
    c.purpose = "Fotos\nund Videos";
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.purpose = NULL;
    c.source = "Bogen\t3";
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    c.source = NULL;
    for (size_t i = 0; nwt_bad_utf8[i] != NULL; i++) {
        c.purpose = nwt_bad_utf8[i];
        NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
        c.purpose = NULL;
        c.text = nwt_bad_utf8[i];
        NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
        c.text = NULL;
        c.note = nwt_bad_utf8[i];
        NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
        c.note = NULL;
        c.source = nwt_bad_utf8[i];
        NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
        c.source = NULL;
    }
    for (size_t i = 0; nwt_bad_line[i] != NULL; i++) {
        c.purpose = nwt_bad_line[i];
        NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    }
    c.purpose = NULL;
    char *big = nwt_text_of_len(NW_TEXT_MAX + 1);
    c.note = big;
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, a, &c));
    free(big);
    big = nwt_text_of_len(NW_TEXT_MAX);
    c.note = big;
    NWT_OK(nw_consent_add(NULL, a, &c));
    free(big);
    assert_int_equal(count(a), 2); /* only the two good ones */

    /* reading */
    nw_consent g;
    size_t n;
    NWT_EXPECT(NW_ENOTFOUND, nw_consent_get(&g, a, 2));
    NWT_EXPECT(NW_EINVAL, nw_consent_get(NULL, a, 0));
    NWT_EXPECT(NW_EINVAL, nw_consent_get(&g, NULL, 0));
    NWT_EXPECT(NW_EINVAL, nw_consent_count(NULL, a));
    NWT_EXPECT(NW_EINVAL, nw_consent_count(&n, NULL));
    bool b;
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(NULL, a, 0, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(&b, NULL, 0, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(&b, a, NW_DATE_NONE, NULL));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(&b, a, 0, "a\nb"));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(&b, a, 0, nwt_bad_utf8[0]));

    /* stale */
    nw_actor *dup = NULL;
    NWT_OK(nw_actor_dup(&dup, a));
    NWT_OK(nw_actor_remove(a));
    c.note = NULL;
    NWT_EXPECT(NW_ESTALE, nw_consent_add(NULL, dup, &c));
    NWT_EXPECT(NW_ESTALE, nw_consent_count(&n, dup));
    NWT_EXPECT(NW_ESTALE, nw_consent_get(&g, dup, 0));
    NWT_EXPECT(NW_ESTALE, nw_consent_withdraw(dup, 0, nwt_date("2026-02-01")));
    NWT_EXPECT(NW_ESTALE, nw_actor_consent_valid(&b, dup, 0, NULL));
    nw_actor_free(dup);
    nw_actor_free(a);
    nw_network_free(net);
}

static void test_withdraw(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2026-01-10");
    c.purpose = "Newsletter";
    c.note = "per Formular";
    NWT_OK(nw_consent_add(NULL, a, &c));
    nw_consent g;
    NWT_OK(nw_consent_get(&g, a, 0));
    const char *note = g.note;

    NWT_EXPECT(NW_ENOTFOUND, nw_consent_withdraw(a, 1, nwt_date("2026-02-01")));
    NWT_EXPECT(NW_EINVAL, nw_consent_withdraw(a, 0, nwt_date("2026-01-09")));
    NWT_EXPECT(NW_EINVAL, nw_consent_withdraw(a, 0, NW_DATE_NONE));
    NWT_EXPECT(NW_EINVAL, nw_consent_withdraw(NULL, 0, nwt_date("2026-02-01")));
    assert_true(valid(a, "2026-03-01", "Newsletter"));
    NWT_OK(nw_consent_withdraw(a, 0, nwt_date("2026-03-01")));
    NWT_EXPECT(NW_EINVAL, nw_consent_withdraw(a, 0, nwt_date("2026-04-01")));
    /* recorded, not deleted: the record and its history stay */
    assert_int_equal(count(a), 1);
    NWT_OK(nw_consent_get(&g, a, 0));
    assert_int_equal(g.withdrawn, nwt_date("2026-03-01"));
    assert_int_equal(g.given, nwt_date("2026-01-10"));
    assert_ptr_equal(g.note, note); /* borrowed strings do not move */
    assert_true(valid(a, "2026-02-28", "Newsletter"));
    assert_false(valid(a, "2026-03-01", "Newsletter"));
    nw_actor_free(a);
    nw_network_free(net);
}

/* The rule by hand, for the purpose "Newsletter":
 *   r0 opt-in  given 2025-01-01
 *   r1 opt-out given 2025-06-01
 *   r2 opt-in  given 2025-09-01, expires 2026-01-01
 * On a day, of the records in force, the one given last decides. */
static void test_validity_rule(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    const char *p = "Newsletter";
    nw_consent c = NW_CONSENT_INIT;
    c.purpose = p;
    c.given = nwt_date("2025-01-01");
    NWT_OK(nw_consent_add(NULL, a, &c));
    c.type = NW_CONSENT_OPT_OUT;
    c.given = nwt_date("2025-06-01");
    NWT_OK(nw_consent_add(NULL, a, &c));
    c.type = NW_CONSENT_OPT_IN;
    c.given = nwt_date("2025-09-01");
    c.expires = nwt_date("2026-01-01");
    NWT_OK(nw_consent_add(NULL, a, &c));

    assert_false(valid(a, "2024-12-31", p)); /* nothing in force */
    assert_true(valid(a, "2025-01-01", p));  /* r0 */
    assert_true(valid(a, "2025-05-31", p));  /* r0 */
    assert_false(valid(a, "2025-06-01", p)); /* r1 decides */
    assert_false(valid(a, "2025-08-31", p)); /* r1 */
    assert_true(valid(a, "2025-09-01", p));  /* r2 */
    assert_true(valid(a, "2025-12-31", p));  /* r2, last day */
    assert_false(valid(a, "2026-01-01", p)); /* r2 ran out: r1 decides again */

    /* taking the objection back lets r0 decide from that day on */
    NWT_OK(nw_consent_withdraw(a, 1, nwt_date("2026-02-01")));
    assert_false(valid(a, "2026-01-31", p));
    assert_true(valid(a, "2026-02-01", p));
    assert_false(valid(a, "2025-07-01", p)); /* the past stays as it was */

    /* purposes are specific: none of this is general consent, and a
     * general consent covers no purpose */
    assert_false(valid(a, "2025-01-01", NULL));
    NWT_OK(nw_actor_consent_give(a, nwt_date("2025-01-01")));
    assert_true(valid(a, "2025-07-01", NULL));
    assert_false(valid(a, "2025-07-01", p));
    assert_false(valid(a, "2025-07-01", "newsletter")); /* byte for byte */

    /* given on the same day: the one recorded last decides */
    nw_consent x = NW_CONSENT_INIT;
    x.purpose = "Fotos";
    x.given = nwt_date("2025-03-03");
    NWT_OK(nw_consent_add(NULL, a, &x));
    x.type = NW_CONSENT_OPT_OUT;
    NWT_OK(nw_consent_add(NULL, a, &x));
    assert_false(valid(a, "2025-03-03", "Fotos"));
    x.type = NW_CONSENT_OPT_IN;
    NWT_OK(nw_consent_add(NULL, a, &x));
    assert_true(valid(a, "2025-03-03", "Fotos"));
    nw_actor_free(a);
    nw_network_free(net);
}

/* The shorthands of actor.h are views of the general records. */
static void test_shorthands(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    nw_date given, withdrawn;
    NWT_OK(nw_actor_consent_give(a, nwt_date("2026-01-10")));
    assert_int_equal(count(a), 1);
    nw_consent g;
    NWT_OK(nw_consent_get(&g, a, 0));
    assert_int_equal(g.type, NW_CONSENT_OPT_IN);
    assert_string_equal(g.purpose, "");
    assert_int_equal(g.given, nwt_date("2026-01-10"));

    NWT_OK(nw_actor_consent_withdraw(a, nwt_date("2026-03-01")));
    NWT_OK(nw_actor_consent_give(a, nwt_date("2026-05-01")));
    assert_int_equal(count(a), 2); /* the withdrawn record stays */
    NWT_OK(nw_consent_get(&g, a, 0));
    assert_int_equal(g.withdrawn, nwt_date("2026-03-01"));

    /* a newer opt-out: consent() still shows the current opt-in, which is
     * no longer valid; withdrawing works on that opt-in */
    nw_consent out = NW_CONSENT_INIT;
    out.type = NW_CONSENT_OPT_OUT;
    out.given = nwt_date("2026-06-01");
    NWT_OK(nw_consent_add(NULL, a, &out));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-05-01"));
    assert_int_equal(withdrawn, NW_DATE_NONE);
    bool b = true;
    NWT_OK(nw_actor_has_consent(&b, a, nwt_date("2026-06-01")));
    assert_false(b);
    NWT_OK(nw_actor_has_consent(&b, a, nwt_date("2026-05-31")));
    assert_true(b);
    NWT_OK(nw_actor_consent_withdraw(a, nwt_date("2026-07-01")));
    NWT_OK(nw_consent_get(&g, a, 1));
    assert_int_equal(g.withdrawn, nwt_date("2026-07-01"));
    NWT_OK(nw_consent_get(&g, a, 2));
    assert_int_equal(g.withdrawn, NW_DATE_NONE);
    /* records of another purpose are not the shorthands' */
    nw_consent news = NW_CONSENT_INIT;
    news.purpose = "Newsletter";
    news.given = nwt_date("2026-08-01");
    NWT_OK(nw_consent_add(NULL, a, &news));
    NWT_OK(nw_actor_consent(&given, &withdrawn, a));
    assert_int_equal(given, nwt_date("2026-05-01"));
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_withdraw(a, nwt_date("2026-09-01")));
    nw_actor_free(a);
    nw_network_free(net);
}

/* FREI-001 and FREI-002 read the same notion: expiry and opt-out count. */
static const nw_finding *single(nw_report *r, const char *rule)
{
    size_t n = 0, hits = 0;
    const nw_finding *hit = NULL;
    NWT_OK(nw_report_finding_count(&n, r));
    for (size_t i = 0; i < n; i++) {
        const nw_finding *f = NULL;
        NWT_OK(nw_report_finding(&f, r, i));
        if (strncmp(f->rule, "FREI-", 5) == 0) {
            hits++;
            if (strcmp(f->rule, rule) == 0)
                hit = f;
        }
    }
    if (rule == NULL) {
        assert_int_equal(hits, 0);
        return NULL;
    }
    assert_int_equal(hits, 1);
    assert_non_null(hit);
    return hit;
}

static void test_principles_read_records(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Anna");
    nw_actor *b = nwt_actor(net, "Ben");
    NWT_OK(nw_actor_consent_give(b, nwt_date("2025-01-01")));
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2025-01-01");
    nw_date as_of = nwt_date("2026-06-30");
    nw_report *r = NULL;

    /* a record for another purpose is no consent to take part */
    nw_consent c = NW_CONSENT_INIT;
    c.purpose = "Newsletter";
    c.given = nwt_date("2025-01-01");
    NWT_OK(nw_consent_add(NULL, a, &c));
    NWT_OK(nw_network_validate(&r, net, as_of, NULL));
    assert_int_equal(single(r, "FREI-001")->actor, 1);
    nw_report_free(r);

    /* general consent that expired while the contact goes on */
    c.purpose = NULL;
    c.expires = nwt_date("2026-01-01");
    NWT_OK(nw_consent_add(NULL, a, &c));
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-12-31"), NULL));
    single(r, NULL);
    nw_report_free(r);
    NWT_OK(nw_network_validate(&r, net, as_of, NULL));
    const nw_finding *f = single(r, "FREI-002");
    assert_string_equal(f->message_en, "“Anna”: consent expired on 2026-01-01, but still a member "
                                       "of an active tie: contact no. 1.");
    assert_string_equal(f->message_de, "„Anna“: Einwilligung am 01.01.2026 abgelaufen, aber noch "
                                       "Mitglied einer bestehenden Beziehung: Kontakt Nr. 1.");
    nw_report_free(r);

    /* renewed: fine again; then an opt-out */
    c.given = nwt_date("2026-01-01");
    c.expires = NW_DATE_NONE;
    NWT_OK(nw_consent_add(NULL, a, &c));
    NWT_OK(nw_network_validate(&r, net, as_of, NULL));
    single(r, NULL);
    nw_report_free(r);
    c.type = NW_CONSENT_OPT_OUT;
    c.given = nwt_date("2026-03-15");
    NWT_OK(nw_consent_add(NULL, a, &c));
    NWT_OK(nw_network_validate(&r, net, as_of, NULL));
    f = single(r, "FREI-002");
    assert_string_equal(f->message_en, "“Anna”: opted out on 2026-03-15, but still a member "
                                       "of an active tie: contact no. 1.");
    assert_string_equal(f->message_de, "„Anna“: Widerspruch (Opt-out) am 15.03.2026 erklärt, aber "
                                       "noch Mitglied einer bestehenden Beziehung: Kontakt Nr. 1.");
    nw_report_free(r);
    /* as of a day before the opt-out, the renewed consent held */
    NWT_OK(nw_network_validate(&r, net, nwt_date("2026-03-14"), NULL));
    single(r, NULL);
    nw_report_free(r);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* FREI-001: no valid general consent now and never before. Only an opt-out,
 * or consent given after the date, is no consent; a withdrawal that is
 * taken back ends FREI-002 on that day. */
static void test_principles_first_consent(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Anna");
    nw_actor *b = nwt_actor(net, "Ben");
    NWT_OK(nw_actor_consent_give(b, nwt_date("2025-01-01")));
    nw_tie *t = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2025-01-01");
    nw_report *r = NULL;

    nw_consent no = NW_CONSENT_INIT;
    no.type = NW_CONSENT_OPT_OUT;
    no.given = nwt_date("2025-01-01");
    NWT_OK(nw_consent_add(NULL, a, &no));
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-06-30"), NULL));
    assert_int_equal(single(r, "FREI-001")->actor, 1);
    nw_report_free(r);

    /* an opt-in given after the date does not count yet, and overrides the
     * earlier opt-out from its day on */
    nw_consent yes = NW_CONSENT_INIT;
    yes.given = nwt_date("2025-07-01");
    NWT_OK(nw_consent_add(NULL, a, &yes));
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-06-30"), NULL));
    single(r, "FREI-001");
    nw_report_free(r);
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-07-01"), NULL));
    single(r, NULL);
    nw_report_free(r);

    /* withdrawn: FREI-002 says so; the record stays, so the past is as it was */
    NWT_OK(nw_consent_withdraw(a, 1, nwt_date("2025-09-01")));
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-10-01"), NULL));
    assert_string_equal(single(r, "FREI-002")->message_en,
                        "“Anna”: consent withdrawn on 2025-09-01, but still a member "
                        "of an active tie: contact no. 1.");
    nw_report_free(r);
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-08-31"), NULL));
    single(r, NULL);
    nw_report_free(r);
    /* the contact ended on the day of withdrawal: nothing to report */
    NWT_OK(nw_tie_set_end(t, nwt_date("2025-09-01")));
    NWT_OK(nw_network_validate(&r, net, nwt_date("2025-09-01"), NULL));
    single(r, NULL);
    nw_report_free(r);
    nw_tie_free(t);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* Every allocation of nw_consent_add may fail: NW_ENOMEM, nothing changed. */
static void test_out_of_memory(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria");
    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2026-01-10");
    c.purpose = "Newsletter";
    c.source = "Formular";
    c.text = "Ja.";
    c.note = "—";
    for (int round = 0; round < 3; round++) { /* the list grows in between */
        char *before = privacy_state(net);
        long k;
        for (k = 1;; k++) {
            nwt_failalloc_fail_at(k);
            int rc = nw_consent_add(NULL, a, &c);
            if (nwt_failalloc_failures() == 0) {
                assert_int_equal(rc, NW_OK);
                break;
            }
            assert_int_equal(rc, NW_ENOMEM);
            char *now = privacy_state(net);
            assert_string_equal(now, before);
            free(now);
        }
        nwt_failalloc_fail_at(0);
        assert_true(k >= 5); /* four texts and the list */
        free(before);
    }
    for (long k = 1;; k++) { /* the shorthand */
        nwt_failalloc_fail_at(k);
        int rc = nw_actor_consent_give(a, nwt_date("2026-02-01"));
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_int_equal(count(a), 3);
    }
    nwt_failalloc_fail_at(0);
    assert_int_equal(count(a), 4);
    nw_actor_free(a);
    nw_network_free(net);
}

/* ---- the native format ------------------------------------------------------- */

static char *save_json(nw_network *net, size_t *len)
{
    char *out = NULL;
    NWT_OK(nw_network_save_buffer(&out, len, net, NULL));
    return out;
}

static void test_native_format(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    /* Ben: the shorthands twice, so the full form */
    NWT_OK(nw_actor_consent_withdraw(w.a[4], nwt_date("2025-03-01")));
    NWT_OK(nw_actor_consent_give(w.a[4], nwt_date("2025-04-01")));
    size_t len;
    char *text = save_json(w.net, &len);
    /* the short form for what the shorthands record once (the school) */
    assert_true(has_bytes(text, len, "\"consent_given\": \"2025-01-01\""));
    assert_true(has_bytes(text, len,
        "      \"consents\": [\n"
        "        {\"given\": \"2025-01-10\", \"type\": \"opt-in\", \"source\": \"Anmeldebogen Sommerfest\", "
        "\"text\": \"Ich willige ein, dass meine Kontaktdaten\\nim Netzwerk gespeichert werden.\", "
        "\"note\": \"Bogen liegt in Ordner 7\"},\n"
        "        {\"given\": \"2025-03-01\", \"type\": \"opt-out\", \"purpose\": \"Fotos auf der Website\", "
        "\"note\": \"möchte nicht fotografiert werden (ist selbst Fotografin)\"}\n"
        "      ],\n"));
    assert_true(has_bytes(text, len,
        "      \"consents\": [\n"
        "        {\"given\": \"2025-01-01\", \"type\": \"opt-in\", \"withdrawn\": \"2025-03-01\"},\n"
        "        {\"given\": \"2025-04-01\", \"type\": \"opt-in\"}\n"
        "      ]\n    }"));
    nw_network *back = NULL;
    NWT_OK(nw_network_load_buffer(&back, text, len, NULL));
    char *s1 = privacy_state(w.net), *s2 = privacy_state(back);
    assert_string_equal(s1, s2);
    size_t len2;
    char *text2 = save_json(back, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(text, text2, len);
    free(s1);
    free(s2);
    nw_free(text);
    nw_free(text2);
    nw_network_free(back);
    world_free(&w);
}

static void expect_load_error(const char *actor_members, const char *where, const char *says)
{
    char doc[1024];
    snprintf(doc, sizeof doc, "{\"format\":\"netzwerk\",\"version\":1,\"name\":\"N\",\"actors\":"
                              "[{\"id\":1,\"kind\":\"person\",\"name\":\"A\",%s}],\"ties\":[]}",
             actor_members);
    nw_load_error err;
    nw_load_options o = NW_LOAD_OPTIONS_INIT;
    o.error = &err;
    nw_network *net = NULL;
    NWT_EXPECT(NW_EFORMAT, nw_network_load_buffer(&net, doc, strlen(doc), &o));
    assert_null(net);
    assert_string_equal(err.where, where);
    if (strstr(nw_errmsg(), says) == NULL)
        NWT_FAIL("\"%s\" does not say \"%s\"", nw_errmsg(), says);
}

static void test_native_format_errors(void **state)
{
    (void)state;
    expect_load_error("\"consent_given\":\"2024-01-01\",\"consents\":[]", "$.actors[0]",
                      "cannot both be given");
    expect_load_error("\"consents\":[{\"given\":\"2024-01-01\",\"type\":\"maybe\"}]",
                      "$.actors[0].consents[0].type", "unknown value \"maybe\"");
    expect_load_error("\"consents\":[{\"type\":\"opt-in\"}]", "$.actors[0].consents[0]",
                      "member \"given\" is missing");
    expect_load_error("\"consents\":[{\"given\":\"2024-01-01\"}]", "$.actors[0].consents[0]",
                      "member \"type\" is missing");
    expect_load_error("\"consents\":[{\"given\":\"2024-01-01\",\"type\":\"opt-in\","
                      "\"withdrawn\":\"2023-12-31\"}]", "$.actors[0].consents[0]",
                      "withdrawn 2023-12-31 is before given 2024-01-01");
    expect_load_error("\"consents\":[{\"given\":\"2024-01-01\",\"type\":\"opt-in\","
                      "\"purpose\":\"a\\nb\"}]", "$.actors[0].consents[0]", "control character");
    expect_load_error("\"consents\":[{\"given\":\"2024-01-01\",\"type\":\"opt-in\",\"when\":1}]",
                      "$.actors[0].consents[0]", "unknown member \"when\"");
    expect_load_error("\"consents\":{}", "$.actors[0].consents", "expected an array");
}

/* ---- saving only the actors with consent --------------------------------------- */

/* A (consent), B (none), C (consent withdrawn 2025-03-01), D (consent; and
 * a newsletter opt-in). Ties: 1 C {A,B}; 2 B {A,C,D}; 3 A {C,D}. */
static nw_network *consent_world(void)
{
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Anna"), *b = nwt_actor(net, "Bert"), *c = nwt_actor(net, "Cem"),
             *d = nwt_actor(net, "Dora");
    NWT_OK(nw_actor_consent_give(a, nwt_date("2025-01-01")));
    NWT_OK(nw_actor_consent_give(c, nwt_date("2025-01-01")));
    NWT_OK(nw_actor_consent_withdraw(c, nwt_date("2025-03-01")));
    NWT_OK(nw_actor_consent_give(d, nwt_date("2025-01-01")));
    nw_consent n = NW_CONSENT_INIT;
    n.given = nwt_date("2025-01-01");
    n.purpose = "Newsletter";
    NWT_OK(nw_consent_add(NULL, d, &n));
    nw_tie *t1 = nwt_tie(net, NW_FORM_KONTAKT, a, b, NULL, "2025-01-01");
    nw_tie *t2 = nwt_tie(net, NW_FORM_KOOPERATION, a, c, d, "2025-01-01");
    nw_tie *t3 = nwt_tie(net, NW_FORM_BEGEGNUNG, c, d, NULL, "2025-01-01");
    nw_tie_free(t1);
    nw_tie_free(t2);
    nw_tie_free(t3);
    nw_actor_free(a);
    nw_actor_free(b);
    nw_actor_free(c);
    nw_actor_free(d);
    return net;
}

static nw_network *saved_consented(nw_network *net, const char *day, const char *purpose)
{
    nw_save_options o = NW_SAVE_OPTIONS_INIT;
    o.flags = NW_SAVE_CONSENTED_ONLY;
    o.consent_as_of = nwt_date(day);
    o.consent_purpose = purpose;
    char *text = NULL;
    size_t len = 0;
    NWT_OK(nw_network_save_buffer(&text, &len, net, &o));
    nw_network *back = NULL;
    NWT_OK(nw_network_load_buffer(&back, text, len, NULL));
    nw_free(text);
    return back;
}

static bool has_actor(nw_network *net, nw_id id)
{
    nw_actor *a = NULL;
    int rc = nw_actor_lookup(&a, net, id);
    nw_actor_free(a);
    return rc == NW_OK;
}

static void test_save_consented_only(void **state)
{
    (void)state;
    nw_network *net = consent_world();
    char *before = privacy_state(net);

    nw_network *s = saved_consented(net, "2025-06-30", NULL);
    assert_true(has_actor(s, 1));
    assert_false(has_actor(s, 2));
    assert_false(has_actor(s, 3));
    assert_true(has_actor(s, 4));
    size_t n;
    NWT_OK(nw_network_tie_count(&n, s, NW_FORM_MASK_ALL));
    assert_int_equal(n, 1);
    nw_tie *t = NULL;
    NWT_OK(nw_tie_lookup(&t, s, 2));
    NWT_OK(nw_tie_member_count(&n, t));
    assert_int_equal(n, 2);
    nw_checklist *cl = NULL;
    nw_id item;
    NWT_OK(nw_tie_checklist(&cl, t));
    NWT_EXPECT(NW_ENOTFOUND, nw_checklist_find(&item, cl, "coop.partner_benefit", 3));
    NWT_OK(nw_checklist_find(&item, cl, "coop.partner_benefit", 4));
    nw_checklist_free(cl);
    nw_tie_free(t);
    nw_actor *x = NULL;
    NWT_OK(nw_actor_add(&x, s, NW_ACTOR_PERSON, "Neu"));
    assert_int_equal(nwt_actor_id(x), 5); /* the counter is kept */
    nw_actor_free(x);
    nw_network_free(s);

    /* earlier, Cem's consent still held */
    s = saved_consented(net, "2025-02-01", NULL);
    assert_true(has_actor(s, 3));
    assert_false(has_actor(s, 2));
    NWT_OK(nw_network_tie_count(&n, s, NW_FORM_MASK_ALL));
    assert_int_equal(n, 2);
    nw_network_free(s);

    /* for a purpose: only Dora */
    s = saved_consented(net, "2025-06-30", "Newsletter");
    NWT_OK(nw_network_actor_count(&n, s));
    assert_int_equal(n, 1);
    assert_true(has_actor(s, 4));
    nw_network_free(s);

    /* GraphML and CSV too */
    nw_save_options o = NW_SAVE_OPTIONS_INIT;
    o.flags = NW_SAVE_CONSENTED_ONLY;
    o.consent_as_of = nwt_date("2025-06-30");
    o.format = NW_FORMAT_GRAPHML;
    char *text = NULL, *ties = NULL;
    size_t len, tlen;
    NWT_OK(nw_network_save_buffer(&text, &len, net, &o));
    assert_true(has_bytes(text, len, "Anna"));
    assert_false(has_bytes(text, len, "Bert"));
    assert_false(has_bytes(text, len, "Cem"));
    nw_free(text);
    NWT_OK(nw_network_save_csv_buffer(&text, &len, &ties, &tlen, net, &o));
    assert_true(has_bytes(text, len, "Dora"));
    assert_false(has_bytes(text, len, "Bert"));
    assert_false(has_bytes(ties, tlen, "Bert"));
    nw_free(text);
    nw_free(ties);

    /* the network itself is unchanged */
    char *after = privacy_state(net);
    assert_string_equal(before, after);
    free(before);
    free(after);

    /* options */
    text = (char *)"untouched";
    o.format = NW_FORMAT_NATIVE;
    o.consent_as_of = NW_DATE_NONE;
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, &len, net, &o));
    o.consent_as_of = nwt_date("2025-06-30");
    o.consent_purpose = "a\nb";
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, &len, net, &o));
    o.consent_purpose = NULL;
    o.flags = 0x8;
    NWT_EXPECT(NW_EINVAL, nw_network_save_buffer(&text, &len, net, &o));
    assert_string_equal(text, "untouched");
    /* without the flag the date is ignored (zeroed options filter nothing) */
    o.flags = 0;
    o.consent_as_of = 0;
    NWT_OK(nw_network_save_buffer(&text, &len, net, &o));
    assert_true(has_bytes(text, len, "Bert"));
    nw_free(text);

    /* out of memory while filtering */
    o.flags = NW_SAVE_CONSENTED_ONLY;
    o.consent_as_of = nwt_date("2025-06-30");
    long k;
    for (k = 1;; k++) {
        char *out = NULL;
        nwt_failalloc_fail_at(k);
        int rc = nw_network_save_buffer(&out, &len, net, &o);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            nw_free(out);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(out);
    }
    nwt_failalloc_fail_at(0);
    assert_true(k > 10);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_add_get),
        NWT_TEST(test_add_invalid),
        NWT_TEST(test_withdraw),
        NWT_TEST(test_validity_rule),
        NWT_TEST(test_shorthands),
        NWT_TEST(test_principles_read_records),
        NWT_TEST(test_principles_first_consent),
        NWT_TEST(test_out_of_memory),
        NWT_TEST(test_native_format),
        NWT_TEST(test_native_format_errors),
        NWT_TEST(test_save_consented_only),
    };
    return NWT_RUN(tests);
}
