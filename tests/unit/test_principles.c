/*
 * netzwerk/principles.h: the catalogues, the options, the report, and for
 * every rule a case where it fires (with its German and English message
 * written out by hand) and a case where it must not.
 *
 * Most cases start from a "clean" network in which no rule fires on
 * 2026-06-30, change one thing, and expect exactly the one finding.
 */
#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AS_OF "2026-06-30"

/* The clean network "Netz" (topic "Schulweg", goal "Sichere Wege"):
 *   actors 1 Anna, 2 Ben, 3 Cem, 4 Dora (joined and consented 2024-01-01),
 *          5 Emil (2026-02-01); all interested in "Schulweg"
 *   tie 1  cooperation "Projekt" of Anna and Ben since 2024-01-01, topic
 *          "Schulweg", goal "Plan", met 2026-06-01, checklist all done with
 *          the next review on 2026-12-31
 *   tie 2  group "AG" of Ben, Cem, Dora since 2025-01-01, topic, goal
 *          "Treffen", met 2026-05-01, checklist all done, next relevance
 *          review 2026-12-31
 *   tie 3  contact of Anna and Emil since 2026-02-01, kept up 2026-03-01
 *          (Anna is in the core, Emil is not)
 *   tie 4  encounter of Cem and Emil on 2026-05-15 */
typedef struct world {
    nw_network *net;
    nw_actor *anna, *ben, *cem, *dora, *emil;
    nw_tie *coop, *group, *contact, *enc;
    nw_checklist *ccl, *gcl;
} world;

static nw_actor *person(nw_network *net, const char *name, const char *since)
{
    nw_actor *a = nwt_actor(net, name);
    NWT_OK(nw_actor_consent_give(a, nwt_date(since)));
    NWT_OK(nw_actor_set_joined(a, nwt_date(since)));
    NWT_OK(nw_actor_interest_add(a, "Schulweg"));
    return a;
}

static void all_done(nw_checklist *cl)
{
    size_t n = 0;
    NWT_OK(nw_checklist_item_count(&n, cl));
    for (size_t i = 0; i < n; i++) {
        nw_id id = NW_ID_NONE;
        NWT_OK(nw_checklist_item_at(&id, cl, i));
        NWT_OK(nw_checklist_item_set_state(cl, id, NW_ITEM_DONE));
    }
}

static nw_id item(const nw_checklist *cl, const char *code, nw_id partner)
{
    nw_id id = NW_ID_NONE;
    NWT_OK(nw_checklist_find(&id, cl, code, partner));
    return id;
}

static void meet(nw_tie *t, const char *when)
{
    NWT_OK(nw_tie_interaction_add(t, nwt_date(when), NW_INTERACTION_MEETING, NULL));
}

static world make(void)
{
    world w;
    w.net = nwt_network("Netz");
    NWT_OK(nw_network_topic_add(w.net, "Schulweg"));
    NWT_OK(nw_network_goal_add(w.net, "Sichere Wege"));
    w.anna = person(w.net, "Anna", "2024-01-01");
    w.ben = person(w.net, "Ben", "2024-01-01");
    w.cem = person(w.net, "Cem", "2024-01-01");
    w.dora = person(w.net, "Dora", "2024-01-01");
    w.emil = person(w.net, "Emil", "2026-02-01");

    w.coop = nwt_tie(w.net, NW_FORM_KOOPERATION, w.anna, w.ben, NULL, "2024-01-01");
    NWT_OK(nw_tie_set_label(w.coop, "Projekt"));
    NWT_OK(nw_tie_topic_add(w.coop, "Schulweg"));
    NWT_OK(nw_tie_goal_add(w.coop, "Plan"));
    meet(w.coop, "2026-06-01");
    NWT_OK(nw_tie_checklist(&w.ccl, w.coop));
    all_done(w.ccl);
    NWT_OK(nw_checklist_item_set_due(w.ccl, item(w.ccl, "coop.controlling", NW_ID_NONE),
                                     nwt_date("2026-12-31")));

    w.group = nwt_tie(w.net, NW_FORM_GRUPPE, w.ben, w.cem, w.dora, "2025-01-01");
    NWT_OK(nw_tie_set_label(w.group, "AG"));
    NWT_OK(nw_tie_topic_add(w.group, "Schulweg"));
    NWT_OK(nw_tie_goal_add(w.group, "Treffen"));
    meet(w.group, "2026-05-01");
    NWT_OK(nw_tie_checklist(&w.gcl, w.group));
    all_done(w.gcl);
    NWT_OK(nw_checklist_item_set_due(w.gcl, item(w.gcl, "group.relevance", NW_ID_NONE),
                                     nwt_date("2026-12-31")));

    w.contact = nwt_tie(w.net, NW_FORM_KONTAKT, w.anna, w.emil, NULL, "2026-02-01");
    meet(w.contact, "2026-03-01");
    w.enc = nwt_tie(w.net, NW_FORM_BEGEGNUNG, w.cem, w.emil, NULL, "2026-05-15");
    return w;
}

static void drop(world *w)
{
    nw_checklist_free(w->ccl);
    nw_checklist_free(w->gcl);
    nw_tie_free(w->coop);
    nw_tie_free(w->group);
    nw_tie_free(w->contact);
    nw_tie_free(w->enc);
    nw_actor_free(w->anna);
    nw_actor_free(w->ben);
    nw_actor_free(w->cem);
    nw_actor_free(w->dora);
    nw_actor_free(w->emil);
    nw_network_free(w->net);
}

static nw_report *validate_opts(nw_network *net, const char *as_of, const nw_validate_options *o)
{
    nw_report *r = NULL;
    NWT_OK(nw_network_validate(&r, net, nwt_date(as_of), o));
    assert_non_null(r);
    return r;
}

static nw_report *validate(const world *w)
{
    return validate_opts(w->net, AS_OF, NULL);
}

static size_t findings(const nw_report *r)
{
    size_t n = 0;
    NWT_OK(nw_report_finding_count(&n, r));
    return n;
}

static const nw_finding *finding(const nw_report *r, size_t i)
{
    const nw_finding *f = NULL;
    NWT_OK(nw_report_finding(&f, r, i));
    return f;
}

static void dump(const nw_report *r)
{
    for (size_t i = 0; i < findings(r); i++)
        fprintf(stderr, "  %s: %s\n", finding(r, i)->rule, finding(r, i)->message_en);
}

static size_t count_rule(const nw_report *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < findings(r); i++)
        n += strcmp(finding(r, i)->rule, code) == 0;
    return n;
}

/* The one finding of a rule (others may exist); checks it against the catalogue. */
static const nw_finding *the(const nw_report *r, const char *code)
{
    if (count_rule(r, code) != 1) {
        dump(r);
        NWT_FAIL("expected one finding of %s, got %zu", code, count_rule(r, code));
    }
    const nw_rule *rule = NULL;
    NWT_OK(nw_rule_find(&rule, code));
    for (size_t i = 0; i < findings(r); i++) {
        const nw_finding *f = finding(r, i);
        if (strcmp(f->rule, code) == 0) {
            assert_int_equal(f->principle, rule->principle);
            assert_int_equal(f->severity, rule->severity);
            assert_int_equal(f->subject, rule->subject);
            return f;
        }
    }
    return NULL;
}

/* The report holds exactly one finding, of this rule. */
static const nw_finding *only(const nw_report *r, const char *code)
{
    if (findings(r) != 1) {
        dump(r);
        NWT_FAIL("expected only %s, got %zu findings", code, findings(r));
    }
    return the(r, code);
}

static void none(const nw_report *r)
{
    if (findings(r) != 0) {
        dump(r);
        NWT_FAIL("expected no finding, got %zu", findings(r));
    }
}

static void no_rule(const nw_report *r, const char *code)
{
    if (count_rule(r, code) != 0) {
        dump(r);
        NWT_FAIL("expected no finding of %s", code);
    }
}

static void says(const nw_finding *f, const char *de, const char *en)
{
    assert_string_equal(f->message_de, de);
    assert_string_equal(f->message_en, en);
}

static void ids(const nw_finding *f, nw_id actor, nw_id tie, nw_id it)
{
    assert_int_equal(f->actor, actor);
    assert_int_equal(f->tie, tie);
    assert_int_equal(f->item, it);
}

static const nw_principle_result *result(const nw_report *r, nw_principle p)
{
    const nw_principle_result *pr = NULL;
    NWT_OK(nw_report_principle(&pr, r, p));
    assert_int_equal(pr->principle, p);
    return pr;
}

/* ---- the clean network ------------------------------------------------------------ */

static void test_clean_network(void **state)
{
    (void)state;
    world w = make();
    nw_report *r = validate(&w);
    none(r);
    /* subjects examined, by hand from the rules' scopes (docs/principles.md) */
    static const size_t checks[NW_PRINCIPLE_COUNT] = {
        5 + 5 + 4,         /* FREI: actors, actors, existing ties */
        1 + 5 + 2 + 5,     /* THEMA: network, actors with interests, B/D with topics, actors */
        3 + 0 + 1 + 1,     /* LANG: B, D, C (A is off), no silent contact, network, group */
        1 + 1 + 1,         /* DYN */
        1 + 1 + 2 + 1 + 2, /* ZIEL: network, coop, 2 partners, group, B and D */
    };
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++) {
        const nw_principle_result *pr = result(r, (nw_principle)p);
        assert_int_equal(pr->status, NW_STATUS_FULFILLED);
        assert_int_equal(pr->checks, checks[p]);
        assert_int_equal(pr->infos + pr->warnings + pr->violations, 0);
    }
    nw_date d = 0;
    NWT_OK(nw_report_as_of(&d, r));
    assert_int_equal(d, nwt_date(AS_OF));
    nw_report_free(r);
    drop(&w);
}

/* ---- Freiwilligkeit ------------------------------------------------------------------ */

static void test_frei_001(void **state)
{
    (void)state;
    world w = make();
    nw_actor *fritz = nwt_actor(w.net, "Fritz");
    NWT_OK(nw_actor_interest_add(fritz, "Schulweg"));
    NWT_OK(nw_actor_set_joined(fritz, nwt_date("2026-03-01")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "FREI-001");
    says(f, "„Fritz“: keine Einwilligung zur Teilnahme erfasst.",
         "“Fritz”: no consent to take part is recorded.");
    ids(f, 6, NW_ID_NONE, NW_ID_NONE);
    const nw_principle_result *pr = result(r, NW_PRINCIPLE_FREIWILLIGKEIT);
    assert_int_equal(pr->status, NW_STATUS_AT_RISK);
    assert_int_equal(pr->warnings, 1);
    assert_int_equal(pr->checks, 6 + 6 + 4);
    nw_report_free(r);

    /* consent given only after the date: still missing as of the date */
    NWT_OK(nw_actor_consent_give(fritz, nwt_date("2026-07-01")));
    r = validate(&w);
    only(r, "FREI-001");
    nw_report_free(r);
    /* given on the date itself: recorded */
    NWT_OK(nw_actor_consent_give(fritz, nwt_date(AS_OF)));
    r = validate(&w);
    none(r);
    nw_report_free(r);
    nw_actor_free(fritz);
    drop(&w);
}

static void test_frei_001_not_yet_joined(void **state)
{
    (void)state;
    world w = make();
    nw_actor *fritz = nwt_actor(w.net, "Fritz"); /* no consent, joins after the date */
    NWT_OK(nw_actor_interest_add(fritz, "Schulweg"));
    NWT_OK(nw_actor_set_joined(fritz, nwt_date("2026-07-01")));
    nw_report *r = validate(&w);
    none(r);
    assert_int_equal(result(r, NW_PRINCIPLE_FREIWILLIGKEIT)->checks, 5 + 5 + 4);
    nw_report_free(r);
    nw_actor_free(fritz);
    drop(&w);
}

static void test_frei_002(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_consent_withdraw(w.dora, nwt_date("2026-06-01")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "FREI-002");
    says(f, "„Dora“: Einwilligung am 01.06.2026 widerrufen, aber noch Mitglied einer bestehenden "
            "Beziehung: Gruppe „AG“.",
         "“Dora”: consent withdrawn on 2026-06-01, but still a member of an active tie: group “AG”.");
    ids(f, 4, NW_ID_NONE, NW_ID_NONE);
    const nw_principle_result *pr = result(r, NW_PRINCIPLE_FREIWILLIGKEIT);
    assert_int_equal(pr->status, NW_STATUS_VIOLATED);
    assert_int_equal(pr->violations, 1);
    nw_report_free(r);

    /* two ties */
    NWT_OK(nw_actor_consent_give(w.dora, nwt_date("2024-01-01")));
    NWT_OK(nw_actor_consent_withdraw(w.ben, nwt_date("2026-06-01")));
    r = validate(&w);
    says(only(r, "FREI-002"),
         "„Ben“: Einwilligung am 01.06.2026 widerrufen, aber noch Mitglied in 2 bestehenden "
         "Beziehungen: Kooperation „Projekt“; Gruppe „AG“.",
         "“Ben”: consent withdrawn on 2026-06-01, but still a member of 2 active ties: "
         "cooperation “Projekt”; group “AG”.");
    nw_report_free(r);
    drop(&w);
}

static void test_frei_002_not(void **state)
{
    (void)state;
    world w = make();
    /* withdrawn, and the group ended on the same day: nothing left */
    NWT_OK(nw_actor_consent_withdraw(w.dora, nwt_date("2026-06-01")));
    NWT_OK(nw_tie_set_end(w.group, nwt_date("2026-06-01")));
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    /* a withdrawal after the date does not count yet */
    world v = make();
    NWT_OK(nw_actor_consent_withdraw(v.dora, nwt_date("2026-07-01")));
    r = validate(&v);
    none(r);
    nw_report_free(r);
    /* nor on an earlier date, when the tie still existed */
    r = validate_opts(w.net, "2026-05-31", NULL);
    no_rule(r, "FREI-002");
    nw_report_free(r);
    drop(&v);
    drop(&w);
}

static void test_frei_003(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_imposed(w.coop, true));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "FREI-003");
    says(f, "Kooperation „Projekt“ (Anna, Ben): von außen verordnet statt freiwillig eingegangen.",
         "Cooperation “Projekt” (Anna, Ben): imposed from outside rather than entered freely.");
    ids(f, NW_ID_NONE, 1, NW_ID_NONE);
    nw_report_free(r);
    drop(&w);
}

static void test_frei_003_not(void **state)
{
    (void)state;
    world w = make();
    /* an imposed contact that ended before the date */
    nw_tie *old = nwt_tie(w.net, NW_FORM_KONTAKT, w.ben, w.emil, NULL, "2025-01-01");
    NWT_OK(nw_tie_set_imposed(old, true));
    NWT_OK(nw_tie_set_end(old, nwt_date("2025-06-01")));
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    nw_tie_free(old);
    drop(&w);
}

/* ---- Geteiltes Interesse/Thema ------------------------------------------------------------- */

static void test_thema_001(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_network_topic_remove(w.net, "Schulweg"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "THEMA-001");
    says(f, "Netzwerk „Netz“: kein gemeinsames Thema benannt.", "Network “Netz”: no shared topic is named.");
    ids(f, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
    const nw_principle_result *pr = result(r, NW_PRINCIPLE_GETEILTES_INTERESSE);
    assert_int_equal(pr->status, NW_STATUS_VIOLATED);
    assert_int_equal(pr->checks, 1 + 0 + 0 + 5); /* 002 and 003 need the network's topics */
    nw_report_free(r);
    drop(&w);
}

static void test_thema_002(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_interest_remove(w.emil, "Schulweg"));
    NWT_OK(nw_actor_interest_add(w.emil, "Sport"));
    NWT_OK(nw_actor_interest_add(w.emil, "Musik"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "THEMA-002");
    says(f, "„Emil“: keines der Interessen (Sport, Musik) gehört zu den Themen des Netzwerks (Schulweg).",
         "“Emil”: none of the interests (Sport, Musik) is among the network's topics (Schulweg).");
    ids(f, 5, NW_ID_NONE, NW_ID_NONE);
    nw_report_free(r);

    /* long lists show four and count the rest */
    static const char *const more[] = { "Kunst", "Garten", "Kochen", "Lesen" };
    for (size_t i = 0; i < 4; i++)
        NWT_OK(nw_actor_interest_add(w.emil, more[i]));
    NWT_OK(nw_network_topic_add(w.net, "Spielplätze"));
    r = validate(&w);
    says(only(r, "THEMA-002"),
         "„Emil“: keines der Interessen (Sport, Musik, Kunst, Garten und 2 weitere) gehört zu den "
         "Themen des Netzwerks (Schulweg, Spielplätze).",
         "“Emil”: none of the interests (Sport, Musik, Kunst, Garten and 2 more) is among the "
         "network's topics (Schulweg, Spielplätze).");
    nw_report_free(r);
    /* compared as exact text */
    NWT_OK(nw_actor_interest_add(w.emil, "schulweg"));
    r = validate(&w);
    only(r, "THEMA-002");
    nw_report_free(r);
    drop(&w);
}

static void test_thema_002_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_interest_add(w.emil, "Sport")); /* one shared interest is enough */
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    drop(&w);
}

static void test_thema_003(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_topic_remove(w.coop, "Schulweg"));
    NWT_OK(nw_tie_topic_add(w.coop, "Lärm"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "THEMA-003");
    says(f, "Kooperation „Projekt“ (Anna, Ben): keines ihrer Themen (Lärm) gehört zu den Themen "
            "des Netzwerks (Schulweg).",
         "Cooperation “Projekt” (Anna, Ben): none of its topics (Lärm) is among the network's "
         "topics (Schulweg).");
    ids(f, NW_ID_NONE, 1, NW_ID_NONE);
    nw_report_free(r);
    drop(&w);
}

static void test_thema_003_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_topic_add(w.coop, "Lärm"));          /* Schulweg still among them */
    NWT_OK(nw_tie_topic_remove(w.group, "Schulweg")); /* no topics: nothing to compare */
    nw_report *r = validate(&w);
    none(r);
    assert_int_equal(result(r, NW_PRINCIPLE_GETEILTES_INTERESSE)->checks, 1 + 5 + 1 + 5);
    nw_report_free(r);
    drop(&w);
}

static void test_thema_004(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_interest_remove(w.emil, "Schulweg"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "THEMA-004");
    says(f, "„Emil“: keine Interessen erfasst; ob das Interesse geteilt wird, lässt sich nicht prüfen.",
         "“Emil”: no interests recorded; whether the interest is shared cannot be checked.");
    ids(f, 5, NW_ID_NONE, NW_ID_NONE);
    /* an info does not put the principle at risk */
    const nw_principle_result *pr = result(r, NW_PRINCIPLE_GETEILTES_INTERESSE);
    assert_int_equal(pr->status, NW_STATUS_FULFILLED);
    assert_int_equal(pr->infos, 1);
    nw_report_free(r);
    drop(&w);
}

/* ---- Langfristiges Investment --------------------------------------------------------------- */

static void test_lang_001(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_interaction_remove(w.coop, 0));
    meet(w.coop, "2026-03-01");
    meet(w.coop, "2026-07-10"); /* after the date: does not count */
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "LANG-001");
    says(f, "Kooperation „Projekt“ (Anna, Ben): seit 121 Tagen keine Interaktion (letzte am "
            "01.03.2026; Schwelle 90 Tage).",
         "Cooperation “Projekt” (Anna, Ben): no interaction for 121 days (last on 2026-03-01; "
         "threshold 90 days).");
    ids(f, NW_ID_NONE, 1, NW_ID_NONE);
    nw_report_free(r);

    /* the threshold is per form, and 0 switches it off */
    nw_validate_options o = NW_VALIDATE_OPTIONS_INIT;
    o.dormant_days[NW_FORM_KOOPERATION] = 0;
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    nw_report_free(r);
    o.dormant_days[NW_FORM_KOOPERATION] = 121;
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    nw_report_free(r);
    o.dormant_days[NW_FORM_KOOPERATION] = 120;
    r = validate_opts(w.net, AS_OF, &o);
    only(r, "LANG-001");
    nw_report_free(r);
    drop(&w);
}

static void test_lang_001_never(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_interaction_remove(w.group, 0));
    nw_report *r = validate(&w);
    says(only(r, "LANG-001"),
         "Gruppe „AG“ (Ben, Cem, Dora): keine Interaktion seit Beginn am 01.01.2025 (545 Tage; "
         "Schwelle 120 Tage).",
         "Group “AG” (Ben, Cem, Dora): no interaction since it began on 2025-01-01 (545 days; "
         "threshold 120 days).");
    nw_report_free(r);
    drop(&w);
}

static void test_lang_001_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_interaction_remove(w.coop, 0));
    meet(w.coop, "2026-04-01"); /* exactly 90 days */
    /* an old encounter: encounters are events, off by default */
    nw_tie *old = nwt_tie(w.net, NW_FORM_BEGEGNUNG, w.anna, w.dora, NULL, "2024-03-01");
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    nw_tie_free(old);
    drop(&w);
}

static void test_lang_002(void **state)
{
    (void)state;
    world w = make();
    nw_tie *silent = nwt_tie(w.net, NW_FORM_KONTAKT, w.ben, w.emil, NULL, "2026-01-01");
    meet(silent, "2026-07-15"); /* after the date */
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "LANG-002");
    says(f, "Kontakt Nr. 5 (Ben, Emil): seit Beginn am 01.01.2026 (vor 180 Tagen) nie gepflegt.",
         "Contact no. 5 (Ben, Emil): never kept up since it began on 2026-01-01 (180 days ago).");
    ids(f, NW_ID_NONE, 5, NW_ID_NONE);
    assert_int_equal(result(r, NW_PRINCIPLE_LANGFRISTIGES_INVESTMENT)->checks, 3 + 1 + 1 + 1);
    nw_report_free(r);
    nw_tie_free(silent);
    drop(&w);
}

static void test_lang_002_not(void **state)
{
    (void)state;
    world w = make();
    nw_tie *silent = nwt_tie(w.net, NW_FORM_KONTAKT, w.ben, w.emil, NULL, "2026-04-01"); /* 90 days */
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    nw_validate_options o = NW_VALIDATE_OPTIONS_INIT;
    o.contact_grace_days = 89;
    r = validate_opts(w.net, AS_OF, &o);
    only(r, "LANG-002");
    nw_report_free(r);
    o.contact_grace_days = 0; /* off */
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    nw_report_free(r);
    nw_tie_free(silent);
    drop(&w);
}

static void test_lang_003(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_start(w.coop, nwt_date("2025-07-01"))); /* 364 days */
    NWT_OK(nw_tie_set_start(w.group, nwt_date("2025-08-01")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "LANG-003");
    says(f, "Netzwerk „Netz“: beide starken Bindungen sind jünger als 365 Tage: Kooperation "
            "„Projekt“; Gruppe „AG“.",
         "Network “Netz”: both strong ties are younger than 365 days: cooperation “Projekt”; "
         "group “AG”.");
    ids(f, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
    nw_report_free(r);

    /* three, the third without a label; other rules fire for it too */
    nw_tie *third = nwt_tie(w.net, NW_FORM_KOOPERATION, w.cem, w.dora, NULL, "2026-01-01");
    r = validate(&w);
    says(the(r, "LANG-003"),
         "Netzwerk „Netz“: alle 3 starken Bindungen sind jünger als 365 Tage: Kooperation "
         "„Projekt“; Gruppe „AG“; Kooperation Nr. 5.",
         "Network “Netz”: all 3 strong ties are younger than 365 days: cooperation “Projekt”; "
         "group “AG”; cooperation no. 5.");
    nw_report_free(r);
    NWT_OK(nw_tie_remove(third));
    nw_tie_free(third);

    NWT_OK(nw_tie_remove(w.group));
    r = validate(&w);
    says(only(r, "LANG-003"),
         "Netzwerk „Netz“: die einzige starke Bindung ist jünger als 365 Tage: Kooperation „Projekt“.",
         "Network “Netz”: the only strong tie is younger than 365 days: cooperation “Projekt”.");
    nw_report_free(r);

    nw_network *empty = nwt_network("Leer");
    r = validate_opts(empty, AS_OF, NULL);
    says(the(r, "LANG-003"), "Netzwerk „Leer“: keine Kooperation und keine Gruppe; langfristige "
                             "Bindungen fehlen.",
         "Network “Leer”: no cooperation and no group; long-term ties are missing.");
    nw_report_free(r);
    nw_network_free(empty);
    drop(&w);
}

static void test_lang_003_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_start(w.coop, nwt_date("2025-06-30"))); /* exactly 365 days */
    NWT_OK(nw_tie_set_start(w.group, nwt_date("2025-08-01")));
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    NWT_OK(nw_tie_set_start(w.coop, nwt_date("2025-07-01")));
    nw_validate_options o = NW_VALIDATE_OPTIONS_INIT;
    o.young_days = 0;
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    assert_int_equal(result(r, NW_PRINCIPLE_LANGFRISTIGES_INVESTMENT)->checks, 3 + 0 + 0 + 1);
    nw_report_free(r);
    drop(&w);
}

static void test_lang_004(void **state)
{
    (void)state;
    world w = make();
    nw_id res = item(w.gcl, "group.resources", NW_ID_NONE);
    NWT_OK(nw_checklist_item_set_state(w.gcl, res, NW_ITEM_OPEN));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "LANG-004");
    says(f, "Gruppe „AG“ (Ben, Cem, Dora): langfristige Ressourcen sind nicht gesichert (offen).",
         "Group “AG” (Ben, Cem, Dora): long-term resources are not secured (open).");
    ids(f, NW_ID_NONE, 2, res);
    nw_report_free(r);
    NWT_OK(nw_checklist_item_set_state(w.gcl, res, NW_ITEM_NOT_APPLICABLE));
    r = validate(&w);
    says(only(r, "LANG-004"),
         "Gruppe „AG“ (Ben, Cem, Dora): langfristige Ressourcen sind nicht gesichert (entfällt).",
         "Group “AG” (Ben, Cem, Dora): long-term resources are not secured (not applicable).");
    nw_report_free(r);
    NWT_OK(nw_checklist_item_set_state(w.gcl, res, NW_ITEM_AGREED)); /* secured */
    r = validate(&w);
    none(r);
    nw_report_free(r);
    drop(&w);
}

/* ---- Dynamik und Offenheit ------------------------------------------------------------------ */

static void test_dyn_001(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_set_joined(w.emil, nwt_date("2026-01-01")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "DYN-001");
    says(f, "Netzwerk „Netz“: in den letzten 180 Tagen (seit 02.01.2026) keine neuen Akteur*innen "
            "hinzugekommen.",
         "Network “Netz”: no new actor has joined in the last 180 days (since 2026-01-02).");
    ids(f, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
    nw_report_free(r);

    /* without a joining date, the start of the actor's first tie counts */
    NWT_OK(nw_actor_set_joined(w.emil, NW_DATE_NONE));
    r = validate(&w);
    none(r); /* first tie: the contact of 2026-02-01 */
    nw_report_free(r);
    NWT_OK(nw_tie_set_start(w.contact, nwt_date("2025-12-01")));
    r = validate(&w);
    only(r, "DYN-001"); /* the encounter of 2026-05-15 is not the first */
    nw_report_free(r);
    drop(&w);
}

static void test_dyn_001_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_actor_set_joined(w.emil, nwt_date("2026-01-02"))); /* the window's first day */
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    NWT_OK(nw_actor_set_joined(w.emil, nwt_date("2026-01-01")));
    nw_validate_options o = NW_VALIDATE_OPTIONS_INIT;
    o.new_window_days = 181;
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    nw_report_free(r);
    o.new_window_days = 0; /* off, and DYN-002 with it */
    r = validate_opts(w.net, AS_OF, &o);
    none(r);
    assert_int_equal(result(r, NW_PRINCIPLE_DYNAMIK_OFFENHEIT)->checks, 1);
    nw_report_free(r);
    drop(&w);
}

static void test_dyn_002(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_start(w.enc, nwt_date("2025-12-01")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "DYN-002");
    says(f, "Netzwerk „Netz“: in den letzten 180 Tagen (seit 02.01.2026) keine Begegnung.",
         "Network “Netz”: no encounter in the last 180 days (since 2026-01-02).");
    nw_report_free(r);
    drop(&w);
}

static void test_dyn_002_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_start(w.enc, nwt_date("2025-12-01")));
    meet(w.enc, "2026-03-01"); /* met again within the window */
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    drop(&w);
}

static void test_dyn_003(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_member_add(w.group, w.emil)); /* Emil joins the core: nobody is outside */
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "DYN-003");
    says(f, "Netzwerk „Netz“: keine schwache Bindung (Begegnung, Kontakt) verbindet den Kern der 5 "
            "Akteur*innen in Kooperationen und Gruppen mit Akteur*innen außerhalb.",
         "Network “Netz”: no weak tie (encounter, contact) connects the core of 5 actors in "
         "cooperations and groups with actors outside it.");
    nw_report_free(r);
    drop(&w);
}

static void test_dyn_003_not(void **state)
{
    (void)state;
    world w = make();
    /* without cooperations and groups there is no core to be closed */
    NWT_OK(nw_tie_remove(w.coop));
    NWT_OK(nw_tie_remove(w.group));
    nw_report *r = validate(&w);
    no_rule(r, "DYN-003");
    assert_int_equal(result(r, NW_PRINCIPLE_DYNAMIK_OFFENHEIT)->checks, 2);
    nw_report_free(r);
    drop(&w);
}

/* ---- Ziel- und Nutzenorientierung ------------------------------------------------------------ */

static void test_ziel_001(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_network_goal_remove(w.net, "Sichere Wege"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "ZIEL-001");
    says(f, "Netzwerk „Netz“: keine Ziele benannt.", "Network “Netz”: no goals are named.");
    assert_int_equal(result(r, NW_PRINCIPLE_ZIEL_NUTZEN)->status, NW_STATUS_VIOLATED);
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_002(void **state)
{
    (void)state;
    world w = make();
    nw_id ctl = item(w.ccl, "coop.controlling", NW_ID_NONE);
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.goal", NW_ID_NONE), NW_ITEM_OPEN));
    NWT_OK(nw_checklist_item_set_due(w.ccl, ctl, nwt_date("2026-06-01")));
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.resources", NW_ID_NONE),
                                       NW_ITEM_NOT_APPLICABLE));
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.data_protection", NW_ID_NONE),
                                       NW_ITEM_NOT_APPLICABLE));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "ZIEL-002");
    says(f, "Kooperation „Projekt“ (Anna, Ben): nicht gut vereinbart; ungeklärt: Gemeinsames Ziel "
            "formuliert (offen); Controlling: Fortschritt wird regelmäßig überprüft, nächster Termin "
            "steht fest (überfällig seit 01.06.2026); Ressourcen zugesagt: Zeit, Geld, Räume "
            "(entfällt, ist aber unverzichtbar).",
         "Cooperation “Projekt” (Anna, Ben): not well agreed; unsettled: Common goal stated (open); "
         "Controlling: progress is reviewed, the next review is scheduled (overdue since 2026-06-01); "
         "Resources committed: time, money, rooms (not applicable, but essential).");
    ids(f, NW_ID_NONE, 1, NW_ID_NONE);
    nw_report_free(r);

    world v = make();
    NWT_OK(nw_checklist_item_set_due(v.ccl, ctl, NW_DATE_NONE));
    r = validate(&v);
    says(only(r, "ZIEL-002"),
         "Kooperation „Projekt“ (Anna, Ben): nicht gut vereinbart; ungeklärt: Controlling: "
         "Fortschritt wird regelmäßig überprüft, nächster Termin steht fest (kein Termin).",
         "Cooperation “Projekt” (Anna, Ben): not well agreed; unsettled: Controlling: progress is "
         "reviewed, the next review is scheduled (no date set).");
    nw_report_free(r);
    drop(&v);
    drop(&w);
}

static void test_ziel_002_not(void **state)
{
    (void)state;
    world w = make();
    /* a point that does not apply, and a user's point agreed */
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.data_protection", NW_ID_NONE),
                                       NW_ITEM_NOT_APPLICABLE));
    nw_id own = NW_ID_NONE;
    NWT_OK(nw_checklist_item_add(&own, w.ccl, "Pressearbeit"));
    NWT_OK(nw_checklist_item_set_state(w.ccl, own, NW_ITEM_AGREED));
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    /* the review date is the date itself: not yet overdue */
    NWT_OK(nw_checklist_item_set_due(w.ccl, item(w.ccl, "coop.controlling", NW_ID_NONE), nwt_date(AS_OF)));
    r = validate(&w);
    none(r);
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_003(void **state)
{
    (void)state;
    world w = make();
    nw_id ben = item(w.ccl, "coop.partner_benefit", 2);
    NWT_OK(nw_checklist_item_set_state(w.ccl, ben, NW_ITEM_OPEN));
    nw_report *r = validate(&w);
    assert_int_equal(findings(r), 2);
    const nw_finding *f = the(r, "ZIEL-003");
    says(f, "Kooperation „Projekt“ (Anna, Ben): Beitrag und Nutzen von „Ben“ sind nicht festgehalten.",
         "Cooperation “Projekt” (Anna, Ben): the contribution and benefit of “Ben” are not stated.");
    ids(f, 2, 1, ben);
    /* the cooperation is not well agreed either, for the same reason */
    says(the(r, "ZIEL-002"),
         "Kooperation „Projekt“ (Anna, Ben): nicht gut vereinbart; ungeklärt: Beitrag und Nutzen der "
         "Partner*in „Ben“ (offen).",
         "Cooperation “Projekt” (Anna, Ben): not well agreed; unsettled: Contribution and benefit of "
         "the partner “Ben” (open).");
    nw_report_free(r);

    /* "not applicable" is no statement of benefit either */
    NWT_OK(nw_checklist_item_set_state(w.ccl, ben, NW_ITEM_NOT_APPLICABLE));
    r = validate(&w);
    the(r, "ZIEL-003");
    nw_report_free(r);

    /* a new partner starts with its benefit unstated */
    NWT_OK(nw_checklist_item_set_state(w.ccl, ben, NW_ITEM_AGREED));
    NWT_OK(nw_tie_member_add(w.coop, w.emil));
    r = validate(&w);
    f = the(r, "ZIEL-003");
    says(f, "Kooperation „Projekt“ (Anna, Ben, Emil): Beitrag und Nutzen von „Emil“ sind nicht festgehalten.",
         "Cooperation “Projekt” (Anna, Ben, Emil): the contribution and benefit of “Emil” are not stated.");
    ids(f, 5, 1, item(w.ccl, "coop.partner_benefit", 5));
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_003_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.partner_benefit", 2), NW_ITEM_AGREED));
    nw_report *r = validate(&w);
    none(r);
    assert_int_equal(result(r, NW_PRINCIPLE_ZIEL_NUTZEN)->checks, 7);
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_004(void **state)
{
    (void)state;
    world w = make();
    nw_id rel = item(w.gcl, "group.relevance", NW_ID_NONE);
    NWT_OK(nw_checklist_item_set_due(w.gcl, rel, nwt_date("2026-06-29")));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "ZIEL-004");
    says(f, "Gruppe „AG“ (Ben, Cem, Dora): Relevanzprüfung seit 29.06.2026 überfällig.",
         "Group “AG” (Ben, Cem, Dora): relevance review overdue since 2026-06-29.");
    ids(f, NW_ID_NONE, 2, rel);
    nw_report_free(r);
    NWT_OK(nw_checklist_item_set_due(w.gcl, rel, NW_DATE_NONE));
    r = validate(&w);
    says(only(r, "ZIEL-004"), "Gruppe „AG“ (Ben, Cem, Dora): kein Termin für die nächste Relevanzprüfung.",
         "Group “AG” (Ben, Cem, Dora): no date set for the next relevance review.");
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_004_not(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_checklist_item_set_due(w.gcl, item(w.gcl, "group.relevance", NW_ID_NONE), nwt_date(AS_OF)));
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    drop(&w);
}

static void test_ziel_005(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_goal_remove(w.coop, "Plan"));
    nw_report *r = validate(&w);
    const nw_finding *f = only(r, "ZIEL-005");
    says(f, "Kooperation „Projekt“ (Anna, Ben): kein Ziel benannt.",
         "Cooperation “Projekt” (Anna, Ben): no goal is named.");
    ids(f, NW_ID_NONE, 1, NW_ID_NONE);
    nw_report_free(r);

    /* a big group: four names and the count of the rest */
    nw_actor *fritz = person(w.net, "Fritz", "2024-01-01");
    nw_actor *ms[] = { w.anna, w.ben, w.cem, w.dora, w.emil, fritz };
    nw_tie *big = NULL;
    NWT_OK(nw_tie_add(&big, w.net, NW_FORM_GRUPPE, ms, 6, nwt_date("2026-06-01")));
    NWT_OK(nw_tie_set_label(big, "Großgruppe"));
    NWT_OK(nw_tie_goal_add(w.coop, "Plan"));
    r = validate(&w);
    says(the(r, "ZIEL-005"), "Gruppe „Großgruppe“ (Anna, Ben, Cem, Dora und 2 weitere): kein Ziel benannt.",
         "Group “Großgruppe” (Anna, Ben, Cem, Dora and 2 more): no goal is named.");
    nw_report_free(r);
    nw_tie_free(big);
    nw_actor_free(fritz);
    drop(&w);
}

static void test_ziel_005_not(void **state)
{
    (void)state;
    world w = make();
    /* contacts and encounters need no goal */
    nw_tie *c = nwt_tie(w.net, NW_FORM_KONTAKT, w.dora, w.emil, NULL, "2026-06-01");
    nw_report *r = validate(&w);
    none(r);
    nw_report_free(r);
    nw_tie_free(c);
    drop(&w);
}

/* ---- the report -------------------------------------------------------------------------- */

static void test_report_outlives_network(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_imposed(w.coop, true));
    nw_report *r = validate(&w);
    drop(&w); /* the network is gone; the report is self-contained */
    const nw_finding *f = only(r, "FREI-003");
    says(f, "Kooperation „Projekt“ (Anna, Ben): von außen verordnet statt freiwillig eingegangen.",
         "Cooperation “Projekt” (Anna, Ben): imposed from outside rather than entered freely.");
    nw_report_free(r);
    nw_report_free(NULL);
}

static void test_report_frozen(void **state)
{
    (void)state;
    world w = make();
    NWT_OK(nw_tie_set_imposed(w.coop, true));
    nw_report *r = validate(&w);
    NWT_OK(nw_tie_set_label(w.coop, "Umbenannt"));
    NWT_OK(nw_tie_remove(w.coop));
    says(only(r, "FREI-003"),
         "Kooperation „Projekt“ (Anna, Ben): von außen verordnet statt freiwillig eingegangen.",
         "Cooperation “Projekt” (Anna, Ben): imposed from outside rather than entered freely.");
    nw_report_free(r);
    drop(&w);
}

static void test_report_errors(void **state)
{
    (void)state;
    world w = make();
    nw_report *r = validate(&w);
    const nw_finding *f = NULL;
    const nw_principle_result *pr = NULL;
    size_t n;
    nw_date d;
    NWT_EXPECT(NW_ENOTFOUND, nw_report_finding(&f, r, 0));
    NWT_EXPECT(NW_EINVAL, nw_report_finding(NULL, r, 0));
    NWT_EXPECT(NW_EINVAL, nw_report_finding(&f, NULL, 0));
    NWT_EXPECT(NW_EINVAL, nw_report_finding_count(NULL, r));
    NWT_EXPECT(NW_EINVAL, nw_report_finding_count(&n, NULL));
    NWT_EXPECT(NW_EINVAL, nw_report_as_of(NULL, r));
    NWT_EXPECT(NW_EINVAL, nw_report_as_of(&d, NULL));
    NWT_EXPECT(NW_EINVAL, nw_report_principle(NULL, r, NW_PRINCIPLE_ZIEL_NUTZEN));
    NWT_EXPECT(NW_EINVAL, nw_report_principle(&pr, NULL, NW_PRINCIPLE_ZIEL_NUTZEN));
    NWT_EXPECT(NW_EINVAL, nw_report_principle(&pr, r, (nw_principle)5));
    NWT_EXPECT(NW_EINVAL, nw_report_principle(&pr, r, (nw_principle)-1));
    assert_null(f);
    assert_null(pr);
    nw_report_free(r);

    /* nw_network_validate's own arguments */
    nw_report *none_yet = NULL;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(NULL, w.net, nwt_date(AS_OF), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&none_yet, NULL, nwt_date(AS_OF), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&none_yet, w.net, NW_DATE_NONE, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&none_yet, w.net, NW_DATE_MAX + 1, NULL));
    assert_null(none_yet);
    drop(&w);
}

static void test_options(void **state)
{
    (void)state;
    nw_validate_options o, init = NW_VALIDATE_OPTIONS_INIT;
    memset(&o, 0xff, sizeof o);
    NWT_OK(nw_validate_options_init(&o, NW_VALIDATE_OPTIONS_VERSION));
    assert_int_equal(o.version, NW_VALIDATE_OPTIONS_VERSION);
    assert_int_equal(o.dormant_days[NW_FORM_BEGEGNUNG], 0);
    assert_int_equal(o.dormant_days[NW_FORM_KOOPERATION], 90);
    assert_int_equal(o.dormant_days[NW_FORM_KONTAKT], 365);
    assert_int_equal(o.dormant_days[NW_FORM_GRUPPE], 120);
    assert_int_equal(o.contact_grace_days, 90);
    assert_int_equal(o.new_window_days, 180);
    assert_int_equal(o.young_days, 365);
    assert_memory_equal(&o, &init, sizeof o);
    NWT_EXPECT(NW_EINVAL, nw_validate_options_init(NULL, NW_VALIDATE_OPTIONS_VERSION));
    nw_validate_options before = o;
    NWT_EXPECT(NW_EINVAL, nw_validate_options_init(&o, NW_VALIDATE_OPTIONS_VERSION + 1));
    assert_memory_equal(&o, &before, sizeof o); /* untouched */

    world w = make();
    nw_report *r = NULL;
    o.version = 2;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    o = init;
    o.dormant_days[NW_FORM_GRUPPE] = -1;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    o = init;
    o.young_days = NW_VALIDATE_DAYS_MAX + 1;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    o = init;
    o.new_window_days = -5;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    o = init;
    o.contact_grace_days = -1;
    NWT_EXPECT(NW_EINVAL, nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    assert_null(r);
    /* the largest thresholds: nothing is dormant or new any more; the window
     * reaches back to the first valid date */
    o = init;
    for (int f = 0; f < NW_FORM_COUNT; f++)
        o.dormant_days[f] = NW_VALIDATE_DAYS_MAX;
    o.contact_grace_days = o.new_window_days = o.young_days = NW_VALIDATE_DAYS_MAX;
    NWT_OK(nw_network_validate(&r, w.net, nwt_date(AS_OF), &o));
    says(only(r, "LANG-003"),
         "Netzwerk „Netz“: beide starken Bindungen sind jünger als 3652058 Tage: Kooperation "
         "„Projekt“; Gruppe „AG“.",
         "Network “Netz”: both strong ties are younger than 3652058 days: cooperation “Projekt”; "
         "group “AG”.");
    nw_report_free(r);
    drop(&w);
}

/* ---- catalogues ---------------------------------------------------------------------------- */

static void test_principle_catalogue(void **state)
{
    (void)state;
    static const char *const names[NW_PRINCIPLE_COUNT][2] = {
        { "Freiwilligkeit", "Voluntariness" },
        { "Geteiltes Interesse/Thema", "Shared interest/topic" },
        { "Langfristiges Investment", "Long-term investment" },
        { "Dynamik und Offenheit", "Dynamics and openness" },
        { "Ziel- und Nutzenorientierung", "Goal and benefit orientation" },
    };
    static const char *const codes[NW_PRINCIPLE_COUNT] = { "FREI", "THEMA", "LANG", "DYN", "ZIEL" };
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++) {
        const char *s = NULL;
        for (int l = 0; l < 2; l++) {
            NWT_OK(nw_principle_name(&s, (nw_principle)p, (nw_lang)l));
            assert_string_equal(s, names[p][l]);
            NWT_OK(nw_principle_description(&s, (nw_principle)p, (nw_lang)l));
            assert_true(strlen(s) > 40);
        }
        NWT_OK(nw_principle_code(&s, (nw_principle)p));
        assert_string_equal(s, codes[p]);
    }
    const char *s = NULL;
    NWT_EXPECT(NW_EINVAL, nw_principle_name(NULL, NW_PRINCIPLE_FREIWILLIGKEIT, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_principle_name(&s, (nw_principle)5, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_principle_name(&s, NW_PRINCIPLE_FREIWILLIGKEIT, (nw_lang)2));
    NWT_EXPECT(NW_EINVAL, nw_principle_description(NULL, NW_PRINCIPLE_FREIWILLIGKEIT, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_principle_description(&s, (nw_principle)-1, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_principle_description(&s, NW_PRINCIPLE_FREIWILLIGKEIT, (nw_lang)-1));
    NWT_EXPECT(NW_EINVAL, nw_principle_code(NULL, NW_PRINCIPLE_FREIWILLIGKEIT));
    NWT_EXPECT(NW_EINVAL, nw_principle_code(&s, (nw_principle)5));

    static const char *const sev[3][2] = { { "Hinweis", "info" }, { "Warnung", "warning" },
                                           { "Verletzung", "violation" } };
    static const char *const st[3][2] = { { "erfüllt", "fulfilled" }, { "gefährdet", "at risk" },
                                          { "verletzt", "violated" } };
    for (int i = 0; i < 3; i++)
        for (int l = 0; l < 2; l++) {
            NWT_OK(nw_severity_name(&s, (nw_severity)i, (nw_lang)l));
            assert_string_equal(s, sev[i][l]);
            NWT_OK(nw_status_name(&s, (nw_principle_status)i, (nw_lang)l));
            assert_string_equal(s, st[i][l]);
        }
    NWT_EXPECT(NW_EINVAL, nw_severity_name(NULL, NW_SEVERITY_INFO, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_severity_name(&s, (nw_severity)3, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_severity_name(&s, NW_SEVERITY_INFO, (nw_lang)2));
    NWT_EXPECT(NW_EINVAL, nw_status_name(NULL, NW_STATUS_AT_RISK, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_status_name(&s, (nw_principle_status)3, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_status_name(&s, NW_STATUS_AT_RISK, (nw_lang)2));
}

static void test_rule_catalogue(void **state)
{
    (void)state;
    static const char *const codes[NW_PRINCIPLE_COUNT] = { "FREI-", "THEMA-", "LANG-", "DYN-", "ZIEL-" };
    size_t n = 0, per[NW_PRINCIPLE_COUNT] = { 0 };
    NWT_OK(nw_rule_count(&n));
    assert_int_equal(n, 19);
    int last = 0;
    for (size_t i = 0; i < n; i++) {
        const nw_rule *rule = NULL, *again = NULL;
        NWT_OK(nw_rule_get(&rule, i));
        assert_true((int)rule->principle >= last); /* grouped by principle */
        last = (int)rule->principle;
        per[rule->principle]++;
        assert_memory_equal(rule->code, codes[rule->principle], strlen(codes[rule->principle]));
        assert_int_equal(strlen(rule->code), strlen(codes[rule->principle]) + 3);
        assert_true(strlen(rule->title_de) > 5);
        assert_true(strlen(rule->title_en) > 5);
        NWT_OK(nw_rule_find(&again, rule->code));
        assert_ptr_equal(again, rule);
        for (size_t j = 0; j < i; j++) {
            const nw_rule *before = NULL;
            NWT_OK(nw_rule_get(&before, j));
            assert_string_not_equal(before->code, rule->code);
        }
    }
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++)
        assert_true(per[p] >= 3); /* at least three rules per principle */
    const nw_rule *rule = NULL;
    NWT_OK(nw_rule_find(&rule, "FREI-002"));
    assert_int_equal(rule->severity, NW_SEVERITY_VIOLATION);
    assert_int_equal(rule->subject, NW_SUBJECT_ACTOR);
    assert_string_equal(rule->title_en, "Consent withdrawn but still in active ties");
    NWT_OK(nw_rule_find(&rule, "ZIEL-004"));
    assert_int_equal(rule->subject, NW_SUBJECT_ITEM);
    rule = NULL;
    NWT_EXPECT(NW_ENOTFOUND, nw_rule_find(&rule, "FREI-999"));
    NWT_EXPECT(NW_ENOTFOUND, nw_rule_get(&rule, n));
    NWT_EXPECT(NW_EINVAL, nw_rule_find(NULL, "FREI-001"));
    NWT_EXPECT(NW_EINVAL, nw_rule_find(&rule, NULL));
    NWT_EXPECT(NW_EINVAL, nw_rule_get(NULL, 0));
    NWT_EXPECT(NW_EINVAL, nw_rule_count(NULL));
    assert_null(rule);
}

/* ---- running out of memory ------------------------------------------------------------------ */

/* A network where most rules fire at once. */
static world make_messy(void)
{
    world w = make();
    nw_actor *fritz = nwt_actor(w.net, "Fritz");                             /* FREI-001, THEMA-004 */
    nw_actor_free(fritz);
    NWT_OK(nw_actor_consent_withdraw(w.dora, nwt_date("2026-06-01")));       /* FREI-002 */
    NWT_OK(nw_tie_set_imposed(w.coop, true));                               /* FREI-003 */
    NWT_OK(nw_actor_interest_remove(w.emil, "Schulweg"));
    NWT_OK(nw_actor_interest_add(w.emil, "Sport"));                          /* THEMA-002 */
    NWT_OK(nw_tie_topic_add(w.group, "Lärm"));
    NWT_OK(nw_tie_topic_remove(w.group, "Schulweg"));                        /* THEMA-003 */
    NWT_OK(nw_tie_interaction_remove(w.group, 0));                           /* LANG-001 */
    nw_tie *silent = nwt_tie(w.net, NW_FORM_KONTAKT, w.ben, w.emil, NULL, "2026-01-01"); /* LANG-002 */
    nw_tie_free(silent);
    NWT_OK(nw_tie_set_start(w.coop, nwt_date("2025-12-01")));
    NWT_OK(nw_tie_set_start(w.group, nwt_date("2025-12-01")));              /* LANG-003 */
    NWT_OK(nw_checklist_item_set_state(w.gcl, item(w.gcl, "group.resources", NW_ID_NONE), NW_ITEM_OPEN)); /* LANG-004 */
    NWT_OK(nw_actor_set_joined(w.emil, nwt_date("2025-01-01")));             /* DYN-001 */
    NWT_OK(nw_tie_set_start(w.enc, nwt_date("2025-12-01")));                /* DYN-002 */
    NWT_OK(nw_network_goal_remove(w.net, "Sichere Wege"));                   /* ZIEL-001 */
    NWT_OK(nw_checklist_item_set_state(w.ccl, item(w.ccl, "coop.partner_benefit", 1), NW_ITEM_OPEN)); /* ZIEL-002, -003 */
    NWT_OK(nw_checklist_item_set_due(w.gcl, item(w.gcl, "group.relevance", NW_ID_NONE), NW_DATE_NONE)); /* ZIEL-004 */
    NWT_OK(nw_tie_goal_remove(w.group, "Treffen"));                          /* ZIEL-005 */
    return w;
}

static void test_out_of_memory(void **state)
{
    (void)state;
    world w = make_messy();
    char *before = nwt_fingerprint(w.net);
    nw_report *ref = validate(&w);
    size_t nref = findings(ref);
    /* every rule but THEMA-001 (needs no topic) and DYN-003 (needs a closed core) */
    size_t nrules = 0;
    NWT_OK(nw_rule_count(&nrules));
    size_t fired = 0;
    for (size_t i = 0; i < nrules; i++) {
        const nw_rule *rule = NULL;
        NWT_OK(nw_rule_get(&rule, i));
        fired += count_rule(ref, rule->code) > 0;
    }
    assert_int_equal(fired, nrules - 2);

    long k = 1;
    for (;; k++) {
        long base = nwt_failalloc_live();
        nwt_failalloc_fail_at(k);
        nw_report *r = NULL;
        nw_error_clear();
        int rc = nw_network_validate(&r, w.net, nwt_date(AS_OF), NULL);
        bool hit = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);
        if (!hit) {
            NWT_OK(rc);
            /* the same report as without failures */
            assert_int_equal(findings(r), nref);
            for (size_t i = 0; i < nref; i++) {
                assert_string_equal(finding(r, i)->message_de, finding(ref, i)->message_de);
                assert_string_equal(finding(r, i)->message_en, finding(ref, i)->message_en);
            }
            nw_report_free(r);
            break;
        }
        if (rc != NW_ENOMEM || nw_errcode() != NW_ENOMEM)
            NWT_FAIL("allocation %ld: nw_network_validate gave %s (%s)", k, nwt_code_name(rc), nw_errmsg());
        assert_null(r);
        if (nwt_failalloc_live() != base)
            NWT_FAIL("allocation %ld: %ld block(s) leaked", k, nwt_failalloc_live() - base);
        char *after = nwt_fingerprint(w.net);
        assert_string_equal(before, after);
        free(after);
    }
    assert_true(k > 2 * (long)nref); /* two messages per finding at least */
    nw_report_free(ref);
    free(before);
    drop(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_clean_network),
        NWT_TEST(test_frei_001),
        NWT_TEST(test_frei_001_not_yet_joined),
        NWT_TEST(test_frei_002),
        NWT_TEST(test_frei_002_not),
        NWT_TEST(test_frei_003),
        NWT_TEST(test_frei_003_not),
        NWT_TEST(test_thema_001),
        NWT_TEST(test_thema_002),
        NWT_TEST(test_thema_002_not),
        NWT_TEST(test_thema_003),
        NWT_TEST(test_thema_003_not),
        NWT_TEST(test_thema_004),
        NWT_TEST(test_lang_001),
        NWT_TEST(test_lang_001_never),
        NWT_TEST(test_lang_001_not),
        NWT_TEST(test_lang_002),
        NWT_TEST(test_lang_002_not),
        NWT_TEST(test_lang_003),
        NWT_TEST(test_lang_003_not),
        NWT_TEST(test_lang_004),
        NWT_TEST(test_dyn_001),
        NWT_TEST(test_dyn_001_not),
        NWT_TEST(test_dyn_002),
        NWT_TEST(test_dyn_002_not),
        NWT_TEST(test_dyn_003),
        NWT_TEST(test_dyn_003_not),
        NWT_TEST(test_ziel_001),
        NWT_TEST(test_ziel_002),
        NWT_TEST(test_ziel_002_not),
        NWT_TEST(test_ziel_003),
        NWT_TEST(test_ziel_003_not),
        NWT_TEST(test_ziel_004),
        NWT_TEST(test_ziel_004_not),
        NWT_TEST(test_ziel_005),
        NWT_TEST(test_ziel_005_not),
        NWT_TEST(test_report_outlives_network),
        NWT_TEST(test_report_frozen),
        NWT_TEST(test_report_errors),
        NWT_TEST(test_options),
        NWT_TEST(test_principle_catalogue),
        NWT_TEST(test_rule_catalogue),
        NWT_TEST(test_out_of_memory),
    };
    return NWT_RUN(tests);
}
