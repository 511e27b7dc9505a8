/*
 * netzwerk/privacy.h: nw_network_pseudonymise() (Art. 4(5) DSGVO). Known
 * pseudonyms were computed independently with Python's hmac module:
 *   hmac.new(key, domain + b"\0" + text, sha256).hexdigest()[:20]
 * Also here: no error message of the data-protection calls carries
 * personal data or key bytes.
 */
#include "test_privacy.h"

static const char KEY[] = "ein geheimer Schlüssel für Tests"; /* 34 bytes of UTF-8 */
static const char KEY2[] = "another key of 16+ bytes";

static nw_network *pseudo(nw_network *net, const char *key, const nw_pseudonym_options *o)
{
    nw_network *out = NULL;
    NWT_OK(nw_network_pseudonymise(&out, net, (const unsigned char *)key, strlen(key), o));
    assert_non_null(out);
    return out;
}

static const char *actor_name(nw_network *net, nw_id id, nw_actor **keep)
{
    const char *name = NULL;
    NWT_OK(nw_actor_lookup(keep, net, id));
    NWT_OK(nw_actor_name(&name, *keep));
    return name;
}

static void test_known_pseudonyms(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *p = pseudo(w.net, KEY, NULL);
    nw_actor *m = NULL;
    assert_string_equal(actor_name(p, 1, &m), "actor-d2d832f0cfdc27bdc8bf");
    nw_channel ch;
    const char *v;
    NWT_OK(nw_actor_contact(&ch, &v, m, 0));
    assert_int_equal(ch, NW_CHANNEL_EMAIL);
    assert_string_equal(v, "5ae7e8a875ec00ddc239@pseudonym.invalid");
    NWT_OK(nw_actor_contact(&ch, &v, m, 1));
    assert_int_equal(ch, NW_CHANNEL_PHONE);
    assert_true(strncmp(v, "contact-", 8) == 0 && strlen(v) == 8 + 20);
    NWT_OK(nw_network_name(&v, p));
    assert_string_equal(v, "network-fe6fd8aaca9cba4ee378");
    NWT_OK(nw_network_topic(&v, p, 0));
    assert_string_equal(v, "topic-04d05e9e88bf48862889");
    /* equal texts stay equal: her interest is the network's topic */
    NWT_OK(nw_actor_interest(&v, m, 0));
    assert_string_equal(v, "topic-04d05e9e88bf48862889");
    nw_tie *t = NULL;
    nw_date d;
    nw_interaction_kind k;
    NWT_OK(nw_tie_lookup(&t, p, 3));
    NWT_OK(nw_tie_interaction(&d, &k, &v, t, 0));
    assert_string_equal(v, "text-1bfe8787adb8c9eb4bed");
    assert_int_equal(d, nwt_date("2025-04-10"));
    assert_int_equal(k, NW_INTERACTION_MEETING);
    /* kept: kinds, keys, empty texts, consent dates and types */
    nw_actor_kind kind;
    NWT_OK(nw_actor_kind_get(&kind, m));
    assert_int_equal(kind, NW_ACTOR_PERSON);
    NWT_OK(nw_actor_attr_get(&v, m, "Rolle"));
    assert_true(strncmp(v, "text-", 5) == 0);
    nw_consent c;
    NWT_OK(nw_consent_get(&c, m, 0));
    assert_string_equal(c.purpose, "");
    assert_int_equal(c.given, nwt_date("2025-01-10"));
    assert_true(strncmp(c.source, "text-", 5) == 0);
    NWT_OK(nw_consent_get(&c, m, 1));
    assert_int_equal(c.type, NW_CONSENT_OPT_OUT);
    assert_true(strncmp(c.purpose, "purpose-", 8) == 0);
    nw_tie *t4 = NULL;
    NWT_OK(nw_tie_lookup(&t4, p, 4));
    NWT_OK(nw_tie_label(&v, t4));
    assert_string_equal(v, "");
    nw_tie_free(t4);
    nw_tie_free(t);
    nw_actor_free(m);
    nw_network_free(p);
    world_free(&w);
}

static char *save(nw_network *net, nw_format format, size_t *len)
{
    char *out = NULL;
    nw_save_options o = NW_SAVE_OPTIONS_INIT;
    o.format = format;
    NWT_OK(nw_network_save_buffer(&out, len, net, &o));
    return out;
}

static void test_stable(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *p1 = pseudo(w.net, KEY, NULL);
    nw_network *p2 = pseudo(w.net, KEY, NULL);
    nw_network *p3 = pseudo(w.net, KEY2, NULL);
    size_t l1, l2, l3;
    char *s1 = save(p1, NW_FORMAT_NATIVE, &l1);
    char *s2 = save(p2, NW_FORMAT_NATIVE, &l2);
    char *s3 = save(p3, NW_FORMAT_NATIVE, &l3);
    assert_int_equal(l1, l2);
    assert_memory_equal(s1, s2, l1); /* the same key: the same file */
    assert_false(l1 == l3 && memcmp(s1, s3, l1) == 0);
    char *f1 = privacy_state(p1), *f2 = privacy_state(p2);
    assert_string_equal(f1, f2);
    free(f1);
    free(f2);
    nw_actor *a = NULL, *b = NULL;
    assert_string_equal(actor_name(p3, 1, &a), "actor-6992128fdcb212c5506c");
    assert_string_not_equal(actor_name(p1, 1, &b), "actor-6992128fdcb212c5506c");
    nw_actor_free(a);
    nw_actor_free(b);
    /* another key, the same structure: counts, forms, members, dates */
    size_t n1, n3;
    NWT_OK(nw_network_actor_count(&n1, p1));
    NWT_OK(nw_network_actor_count(&n3, p3));
    assert_int_equal(n1, 5);
    assert_int_equal(n3, 5);
    for (unsigned f = 0; f < NW_FORM_COUNT; f++) {
        size_t orig;
        NWT_OK(nw_network_tie_count(&orig, w.net, NW_FORM_BIT(f)));
        NWT_OK(nw_network_tie_count(&n3, p3, NW_FORM_BIT(f)));
        assert_int_equal(n3, orig);
    }
    nw_free(s1);
    nw_free(s2);
    nw_free(s3);
    nw_network_free(p1);
    nw_network_free(p2);
    nw_network_free(p3);
    world_free(&w);
}

/* Every text of the world that must not reach a pseudonymised file. */
static const char *const originals[] = {
    "Maria", "Müller", "mueller", "example.org", "example.net", "0511", "987654",
    "Lindenallee", "Hannover", "Imkerei", "Elternvertreterin", "Nüsse", "Anmeldebogen",
    "willige", "Ordner", "Fotografin", "Fotos auf der Website", "Grundschule", "Jugendzentrum",
    "Ben Okafor", "Okafor", "Elterninitiative", "Parkweg", "Musterstadt", "Schulweg",
    "Spielpl", "Schulwegplan", "AG Verkehr", "Protokoll", "Telefonat", "Lindenblüte",
    "Vorschlag", "Sommerfest", "Straßenfest", "Elternbrief", "Entwurf", "Kontakte für",
    "Nordstadt", "erreichbar", "bis 2026", NULL
};

static void test_no_original_bytes(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *p = pseudo(w.net, KEY, NULL);
    size_t len;
    char *s = save(p, NW_FORMAT_NATIVE, &len);
    assert_true(has_bytes(s, len, "Ansprechperson")); /* keys stay: the search works */
    assert_none_of("native JSON", s, len, originals);
    assert_false(has_bytes(s, len, KEY));
    nw_free(s);
    s = save(p, NW_FORMAT_GRAPHML, &len);
    assert_true(has_bytes(s, len, "actor-d2d832f0cfdc27bdc8bf"));
    assert_none_of("GraphML", s, len, originals);
    nw_free(s);
    char *actors = NULL, *ties = NULL;
    size_t alen, tlen;
    NWT_OK(nw_network_save_csv_buffer(&actors, &alen, &ties, &tlen, p, NULL));
    assert_none_of("actors.csv", actors, alen, originals);
    assert_none_of("ties.csv", ties, tlen, originals);
    nw_free(actors);
    nw_free(ties);
    /* and the copy is a sound network: it survives a round trip */
    s = save(p, NW_FORMAT_NATIVE, &len);
    nw_network *back = NULL;
    NWT_OK(nw_network_load_buffer(&back, s, len, NULL));
    nw_free(s);
    char *f1 = nwt_fingerprint(p), *f2 = nwt_fingerprint(back);
    assert_string_equal(f1, f2);
    free(f1);
    free(f2);
    nw_network_free(back);
    nw_network_free(p);
    world_free(&w);
}

/* Analysis gives the same results on the copy. The world as of 2025-06-30
 * has the pairs 1-2, 1-3, 2-3 (T1), 1-4 (T2), 2-5, 3-5 (T3); T4 ended.
 * By hand: degrees 3 3 3 1 2; betweenness 3 1 1 0 0 (1 lies on every
 * shortest path from 4; 2 and 3 share 1-5 and 4-5); one component. */
static void measures(nw_network *net, bool weighted, double *deg, double *btw, size_t *comp,
                     size_t *ncomp)
{
    nw_snapshot_options o;
    NWT_OK(nw_snapshot_options_init(&o, NW_SNAPSHOT_OPTIONS_VERSION));
    o.weighted = weighted;
    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date("2025-06-30"), &o));
    size_t n = 0;
    NWT_OK(nw_snapshot_actor_count(&n, s));
    assert_int_equal(n, 5);
    NWT_OK(nw_snapshot_weighted_degree(deg, s));
    NWT_OK(nw_snapshot_betweenness(btw, s));
    NWT_OK(nw_snapshot_components(comp, ncomp, s));
    nw_snapshot_free(s);
}

static void test_analysis_equal(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *p = pseudo(w.net, KEY, NULL);
    for (int weighted = 0; weighted <= 1; weighted++) {
        double d1[5], d2[5], b1[5], b2[5];
        size_t c1[5], c2[5], n1, n2;
        measures(w.net, weighted, d1, b1, c1, &n1);
        measures(p, weighted, d2, b2, c2, &n2);
        assert_memory_equal(d1, d2, sizeof d1);
        assert_memory_equal(b1, b2, sizeof b1);
        assert_memory_equal(c1, c2, sizeof c1);
        assert_int_equal(n1, n2);
        if (!weighted) {
            const double deg[5] = { 3, 3, 3, 1, 2 }, btw[5] = { 3, 1, 1, 0, 0 };
            for (int i = 0; i < 5; i++) {
                assert_true(d1[i] == deg[i]);
                assert_true(b1[i] == btw[i]);
                assert_int_equal(c1[i], 0);
            }
            assert_int_equal(n1, 1);
        }
    }
    /* tie strength and consent */
    for (nw_id id = 1; id <= 4; id++) {
        nw_tie *a = NULL, *b = NULL;
        double s1, s2;
        NWT_OK(nw_tie_lookup(&a, w.net, id));
        NWT_OK(nw_tie_lookup(&b, p, id));
        NWT_OK(nw_tie_strength(&s1, a, nwt_date("2025-06-30"), NULL));
        NWT_OK(nw_tie_strength(&s2, b, nwt_date("2025-06-30"), NULL));
        assert_true(s1 == s2);
        nw_tie_free(a);
        nw_tie_free(b);
    }
    for (nw_id id = 1; id <= 5; id++) {
        nw_actor *a = NULL, *b = NULL;
        bool v1, v2;
        NWT_OK(nw_actor_lookup(&a, w.net, id));
        NWT_OK(nw_actor_lookup(&b, p, id));
        NWT_OK(nw_actor_has_consent(&v1, a, nwt_date("2025-06-30")));
        NWT_OK(nw_actor_has_consent(&v2, b, nwt_date("2025-06-30")));
        assert_true(v1 == v2);
        nw_actor_free(a);
        nw_actor_free(b);
    }
    /* principle validation: the same findings (rule and subjects) */
    nw_report *r1 = NULL, *r2 = NULL;
    NWT_OK(nw_validate(&r1, w.net, nwt_date("2025-06-30"), NULL));
    NWT_OK(nw_validate(&r2, p, nwt_date("2025-06-30"), NULL));
    size_t n1, n2;
    NWT_OK(nw_report_finding_count(&n1, r1));
    NWT_OK(nw_report_finding_count(&n2, r2));
    assert_int_equal(n1, n2);
    assert_true(n1 > 0);
    for (size_t i = 0; i < n1; i++) {
        const nw_finding *f1, *f2;
        NWT_OK(nw_report_finding(&f1, r1, i));
        NWT_OK(nw_report_finding(&f2, r2, i));
        assert_string_equal(f1->rule, f2->rule);
        assert_int_equal(f1->actor, f2->actor);
        assert_int_equal(f1->tie, f2->tie);
        assert_int_equal(f1->item, f2->item);
    }
    nw_report_free(r1);
    nw_report_free(r2);
    nw_network_free(p);
    world_free(&w);
}

static void test_keep(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_pseudonym_options o = NW_PSEUDONYM_OPTIONS_INIT;
    o.keep = NW_PSEUDONYM_KEEP_NETWORK_NAME | NW_PSEUDONYM_KEEP_TOPICS | NW_PSEUDONYM_KEEP_PURPOSES;
    nw_network *p = pseudo(w.net, KEY, &o);
    const char *v;
    NWT_OK(nw_network_name(&v, p));
    assert_string_equal(v, "Schulweg Nordstadt");
    NWT_OK(nw_network_topic(&v, p, 1));
    assert_string_equal(v, "Spielplätze");
    nw_actor *m = NULL;
    assert_string_equal(actor_name(p, 1, &m), "actor-d2d832f0cfdc27bdc8bf");
    NWT_OK(nw_actor_interest(&v, m, 1));
    assert_string_equal(v, "Imkerei am Stadtrand");
    nw_consent c;
    NWT_OK(nw_consent_get(&c, m, 1));
    assert_string_equal(c.purpose, "Fotos auf der Website");
    assert_true(strncmp(c.note, "text-", 5) == 0);
    nw_actor_free(m);
    nw_network_free(p);
    world_free(&w);
}

static void test_errors(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    const unsigned char *key = (const unsigned char *)KEY;
    nw_network *out = (nw_network *)&w; /* a sentinel: must stay */
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(NULL, w.net, key, 16, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(&out, NULL, key, 16, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(&out, w.net, NULL, 16, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(&out, w.net, key, NW_PSEUDONYM_KEY_MIN - 1, NULL));
    nw_pseudonym_options o = NW_PSEUDONYM_OPTIONS_INIT;
    o.version = 2;
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(&out, w.net, key, 16, &o));
    o.version = NW_PSEUDONYM_OPTIONS_VERSION;
    o.keep = 0x8;
    NWT_EXPECT(NW_EINVAL, nw_network_pseudonymise(&out, w.net, key, 16, &o));
    assert_ptr_equal(out, &w);
    /* a key of exactly the minimum works; the source is not changed */
    char *before = privacy_state(w.net);
    NWT_OK(nw_network_pseudonymise(&out, w.net, key, NW_PSEUDONYM_KEY_MIN, NULL));
    char *after = privacy_state(w.net);
    assert_string_equal(before, after);
    free(before);
    free(after);
    nw_network_free(out);
    world_free(&w);
}

static void test_out_of_memory(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *good = pseudo(w.net, KEY, NULL);
    char *want = privacy_state(good);
    nw_network_free(good);
    char *before = privacy_state(w.net);
    long k;
    for (k = 1;; k++) {
        nw_network *out = NULL;
        nwt_failalloc_fail_at(k);
        int rc = nw_network_pseudonymise(&out, w.net, (const unsigned char *)KEY, strlen(KEY), NULL);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            char *got = privacy_state(out);
            assert_string_equal(got, want);
            free(got);
            nw_network_free(out);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(out);
        char *now = privacy_state(w.net);
        assert_string_equal(now, before);
        free(now);
    }
    nwt_failalloc_fail_at(0);
    assert_true(k > 50);
    free(before);
    free(want);
    world_free(&w);
}

/* No message of a failing data-protection call holds names, contact data,
 * notes or key bytes (the caller may quote itself, but these calls never
 * quote anything). */
static void no_secrets(const char *msg)
{
    static const char *const secrets[] = { "Maria", "Müller", "example", "0511", "Ordner",
                                           "Schlüssel", "geheim", "another key", NULL };
    for (size_t i = 0; secrets[i] != NULL; i++)
        if (has_bytes_nocase(msg, strlen(msg), secrets[i]))
            NWT_FAIL("the message \"%s\" contains \"%s\"", msg, secrets[i]);
}

static void test_messages_keep_secrets(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    const unsigned char *key = (const unsigned char *)KEY;
    nw_network *out = NULL;
    char *text = NULL;
    size_t len = 0;
    int rcs[16], n = 0;
    char msgs[16][256];
#define PROVOKE(call)                                                                  \
    do {                                                                               \
        nw_error_clear();                                                              \
        rcs[n] = (call);                                                               \
        snprintf(msgs[n], sizeof msgs[n], "%s", nw_errmsg());                          \
        n++;                                                                           \
    } while (0)
    PROVOKE(nw_network_pseudonymise(&out, w.net, key, 15, NULL));
    PROVOKE(nw_network_pseudonymise(&out, w.net, key, strlen(KEY), &(nw_pseudonym_options){ 9, 0 }));
    PROVOKE(nw_network_pseudonymise(&out, w.net, NULL, strlen(KEY), NULL));
    PROVOKE(nw_actor_export(NULL, &len, w.a[1]));
    PROVOKE(nw_consent_withdraw(w.a[1], 0, nwt_date("2024-01-01")));
    PROVOKE(nw_consent_withdraw(w.a[1], 7, nwt_date("2026-01-01")));
    PROVOKE(nw_consent_get(&(nw_consent)NW_CONSENT_INIT, w.a[1], 9));
    PROVOKE(nw_actor_consent_withdraw(w.a[4], nwt_date("2024-01-01")));
    nwt_failalloc_fail_at(3);
    PROVOKE(nw_actor_erase(NULL, w.a[1]));
    nwt_failalloc_fail_at(1);
    PROVOKE(nw_actor_export(&text, &len, w.a[1]));
    nwt_failalloc_fail_at(40);
    PROVOKE(nw_network_pseudonymise(&out, w.net, key, strlen(KEY), NULL));
    nwt_failalloc_fail_at(0);
    NWT_OK(nw_actor_erase(NULL, w.a[1]));
    PROVOKE(nw_actor_erase(NULL, w.a[1]));
    PROVOKE(nw_actor_export(&text, &len, w.a[1]));
    PROVOKE(nw_actor_consent_valid(&(bool){ false }, w.a[1], nwt_date("2026-01-01"), NULL));
#undef PROVOKE
    for (int i = 0; i < n; i++) {
        if (rcs[i] == NW_OK)
            NWT_FAIL("call %d did not fail", i);
        if (strcmp(msgs[i], "no error") == 0)
            NWT_FAIL("call %d left no message", i);
        no_secrets(msgs[i]);
    }
    assert_null(out);
    assert_null(text);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_known_pseudonyms),
        NWT_TEST(test_stable),
        NWT_TEST(test_no_original_bytes),
        NWT_TEST(test_analysis_equal),
        NWT_TEST(test_keep),
        NWT_TEST(test_errors),
        NWT_TEST(test_out_of_memory),
        NWT_TEST(test_messages_keep_secrets),
    };
    return NWT_RUN(tests);
}
