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
static void measures(nw_network *net, bool weighted, double *deg, double *btw, size_t *comp, size_t len,
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
    NWT_OK(nw_snapshot_weighted_degree(deg, len, s));
    NWT_OK(nw_snapshot_betweenness(btw, len, s));
    NWT_OK(nw_snapshot_components(comp, len, ncomp, s));
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
        measures(w.net, weighted, d1, b1, c1, 5, &n1);
        measures(p, weighted, d2, b2, c2, 5, &n2);
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
    NWT_OK(nw_network_validate(&r1, w.net, nwt_date("2025-06-30"), NULL));
    NWT_OK(nw_network_validate(&r2, p, nwt_date("2025-06-30"), NULL));
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

/* ---- every analysis result, original against copy ------------------------ */

/* Equal bit for bit: the copy has the same identities, dates and order, so
 * the same arithmetic runs (the NaN of isolates included). */
#define SAME_ARRAY(what, x, y, n)                                                   \
    do {                                                                            \
        if ((n) > 0 && memcmp((x), (y), (n) * sizeof *(x)) != 0)                    \
            NWT_FAIL("%s differs on the pseudonymised copy", what);                 \
    } while (0)

static void same_list(const char *what, const nw_id *x, size_t nx, const nw_id *y, size_t ny)
{
    if (nx != ny)
        NWT_FAIL("%s: %zu on the original, %zu on the copy", what, nx, ny);
    SAME_ARRAY(what, x, y, nx);
}

static void same_figures(const nw_figures *x, const nw_figures *y)
{
    for (size_t i = 0; i < nw_figures_field_count(); i++) {
        const char *n1, *n2;
        double v1, v2;
        NWT_OK(nw_figures_field(&n1, &v1, x, i));
        NWT_OK(nw_figures_field(&n2, &v2, y, i));
        assert_string_equal(n1, n2);
        if (memcmp(&v1, &v2, sizeof v1) != 0)
            NWT_FAIL("figure %s: %g on the original, %g on the copy", n1, v1, v2);
    }
}

typedef int (*id_list_fn)(nw_id **, size_t *, const nw_snapshot *);

static void same_id_lists(const char *what, id_list_fn fn, const nw_snapshot *s1,
                          const nw_snapshot *s2)
{
    nw_id *x = NULL, *y = NULL;
    size_t nx = 0, ny = 0;
    NWT_OK(fn(&x, &nx, s1));
    NWT_OK(fn(&y, &ny, s2));
    same_list(what, x, nx, y, ny);
    nw_free(x);
    nw_free(y);
}

static void *zeroed(size_t n, size_t size)
{
    void *p = calloc(n > 0 ? n : 1, size);
    if (p == NULL)
        NWT_FAIL("out of memory in the test");
    return p;
}

/* Every snapshot measure of netzwerk/analysis.h on one date with one set of
 * options, and the change from a year before. Returns the number of pairs,
 * so that callers can check that the comparison was not trivial. */
static size_t same_snapshot(nw_network *orig, nw_network *copy, nw_date as_of,
                            const nw_snapshot_options *o)
{
    nw_snapshot *s1 = NULL, *s2 = NULL;
    NWT_OK(nw_snapshot_new(&s1, orig, as_of, o));
    NWT_OK(nw_snapshot_new(&s2, copy, as_of, o));
    size_t n, m, t, n2, m2, t2;
    NWT_OK(nw_snapshot_actor_count(&n, s1));
    NWT_OK(nw_snapshot_actor_count(&n2, s2));
    NWT_OK(nw_snapshot_pair_count(&m, s1));
    NWT_OK(nw_snapshot_pair_count(&m2, s2));
    NWT_OK(nw_snapshot_tie_count(&t, s1));
    NWT_OK(nw_snapshot_tie_count(&t2, s2));
    assert_int_equal(n, n2);
    assert_int_equal(m, m2);
    assert_int_equal(t, t2);

    for (size_t v = 0; v < n; v++) {
        nw_id a, b;
        NWT_OK(nw_snapshot_actor_id(&a, s1, v));
        NWT_OK(nw_snapshot_actor_id(&b, s2, v));
        assert_int_equal(a, b);
    }
    for (size_t i = 0; i < m; i++) {
        nw_pair_info p1, p2;
        NWT_OK(nw_snapshot_pair(&p1, s1, i));
        NWT_OK(nw_snapshot_pair(&p2, s2, i));
        assert_int_equal(p1.a, p2.a);
        assert_int_equal(p1.b, p2.b);
        assert_int_equal(p1.ties, p2.ties);
        assert_int_equal(p1.strong, p2.strong);
        assert_memory_equal(&p1.weight, &p2.weight, sizeof p1.weight);
    }

    double *x[3], *y[3];
    for (int k = 0; k < 3; k++) {
        x[k] = zeroed(n, sizeof *x[k]);
        y[k] = zeroed(n, sizeof *y[k]);
    }
    static const struct {
        const char *name;
        int (*fn)(double *, size_t, const nw_snapshot *);
    } per_actor[] = {
        { "degree", nw_snapshot_degree },
        { "weighted degree", nw_snapshot_weighted_degree },
        { "betweenness", nw_snapshot_betweenness },
        { "harmonic closeness", nw_snapshot_harmonic_closeness },
        { "two-step reach", nw_snapshot_two_step_reach },
        { "reach efficiency", nw_snapshot_reach_efficiency },
        { "local clustering", nw_snapshot_local_clustering },
        { "core number", nw_snapshot_core_number },
    };
    for (size_t k = 0; k < sizeof per_actor / sizeof per_actor[0]; k++) {
        NWT_OK(per_actor[k].fn(x[0], n, s1));
        NWT_OK(per_actor[k].fn(y[0], n, s2));
        SAME_ARRAY(per_actor[k].name, x[0], y[0], n);
    }
    NWT_OK(nw_snapshot_structural_holes(x[0], x[1], x[2], n, s1));
    NWT_OK(nw_snapshot_structural_holes(y[0], y[1], y[2], n, s2));
    SAME_ARRAY("constraint", x[0], y[0], n);
    SAME_ARRAY("effective size", x[1], y[1], n);
    SAME_ARRAY("efficiency", x[2], y[2], n);
    for (int k = 0; k < 3; k++) {
        free(x[k]);
        free(y[k]);
    }

    size_t *cx = zeroed(n, sizeof *cx), *cy = zeroed(n, sizeof *cy), k1, k2;
    NWT_OK(nw_snapshot_components(cx, n, &k1, s1));
    NWT_OK(nw_snapshot_components(cy, n, &k2, s2));
    assert_int_equal(k1, k2);
    SAME_ARRAY("components", cx, cy, n);
    free(cx);
    free(cy);
    double *px = zeroed(m, sizeof *px), *py = zeroed(m, sizeof *py);
    NWT_OK(nw_snapshot_overlap(px, m, s1));
    NWT_OK(nw_snapshot_overlap(py, m, s2));
    SAME_ARRAY("overlap", px, py, m);
    free(px);
    free(py);

    same_id_lists("stars", nw_snapshot_stars, s1, s2);
    same_id_lists("isolates", nw_snapshot_isolates, s1, s2);
    same_id_lists("brokers", nw_snapshot_brokers, s1, s2);
    for (int local = 0; local <= 1; local++) {
        nw_bridge *b1 = NULL, *b2 = NULL;
        size_t c1 = 0, c2 = 0;
        NWT_OK(nw_snapshot_bridges(&b1, &c1, s1, local));
        NWT_OK(nw_snapshot_bridges(&b2, &c2, s2, local));
        assert_int_equal(c1, c2);
        for (size_t i = 0; i < c1; i++) {
            assert_int_equal(b1[i].pair, b2[i].pair);
            assert_int_equal(b1[i].a, b2[i].a);
            assert_int_equal(b1[i].b, b2[i].b);
            assert_int_equal(b1[i].span, b2[i].span);
            assert_int_equal(b1[i].strong, b2[i].strong);
            assert_memory_equal(&b1[i].weight, &b2[i].weight, sizeof b1[i].weight);
        }
        nw_free(b1);
        nw_free(b2);
    }
    nw_figures *f1 = NULL, *f2 = NULL;
    NWT_OK(nw_snapshot_figures(&f1, s1));
    NWT_OK(nw_snapshot_figures(&f2, s2));
    same_figures(f1, f2);
    nw_free(f1);
    nw_free(f2);

    nw_snapshot *e1 = NULL, *e2 = NULL;
    NWT_OK(nw_snapshot_new(&e1, orig, as_of - 365, o));
    NWT_OK(nw_snapshot_new(&e2, copy, as_of - 365, o));
    nw_change *ch1 = NULL, *ch2 = NULL;
    NWT_OK(nw_snapshot_compare(&ch1, e1, s1));
    NWT_OK(nw_snapshot_compare(&ch2, e2, s2));
    same_figures(&ch1->before, &ch2->before);
    same_figures(&ch1->after, &ch2->after);
    same_list("actors joined", ch1->actors_joined, ch1->actors_joined_count, ch2->actors_joined,
              ch2->actors_joined_count);
    same_list("actors left", ch1->actors_left, ch1->actors_left_count, ch2->actors_left,
              ch2->actors_left_count);
    same_list("ties began", ch1->ties_began, ch1->ties_began_count, ch2->ties_began,
              ch2->ties_began_count);
    same_list("ties ended", ch1->ties_ended, ch1->ties_ended_count, ch2->ties_ended,
              ch2->ties_ended_count);
    nw_free(ch1);
    nw_free(ch2);
    nw_snapshot_free(e1);
    nw_snapshot_free(e2);
    nw_snapshot_free(s1);
    nw_snapshot_free(s2);
    return m;
}

/* Tie strength, its terms and state of every tie, the strength of every
 * pair of actors, "losing touch" and a timeline. */
static void same_strength(nw_network *orig, nw_network *copy, nw_date as_of,
                          const nw_snapshot_options *o)
{
    size_t ties = 0, actors = 0;
    NWT_OK(nw_network_tie_count(&ties, orig, NW_FORM_MASK_ALL));
    NWT_OK(nw_network_actor_count(&actors, orig));
    nw_tie_iter *it = NULL;
    nw_tie *t1 = NULL;
    NWT_OK(nw_tie_iter_new(&it, orig, NW_FORM_MASK_ALL));
    while (nw_tie_iter_next(&t1, it) == NW_OK) {
        nw_tie *t2 = NULL;
        NWT_OK(nw_tie_lookup(&t2, copy, nwt_tie_id(t1)));
        nw_strength_terms a, b;
        NWT_OK(nw_tie_strength_terms(&a, t1, as_of, o));
        NWT_OK(nw_tie_strength_terms(&b, t2, as_of, o));
        assert_memory_equal(&a.strength, &b.strength, sizeof a.strength);
        assert_memory_equal(&a.tending, &b.tending, sizeof a.tending);
        assert_memory_equal(&a.recency, &b.recency, sizeof a.recency);
        assert_memory_equal(&a.age, &b.age, sizeof a.age);
        assert_memory_equal(&a.base, &b.base, sizeof a.base);
        assert_int_equal(a.last_contact, b.last_contact);
        assert_int_equal(a.interactions, b.interactions);
        double s1, s2;
        NWT_OK(nw_tie_strength(&s1, t1, as_of, o));
        NWT_OK(nw_tie_strength(&s2, t2, as_of, o));
        assert_memory_equal(&s1, &s2, sizeof s1);
        nw_tie_state st1, st2;
        NWT_OK(nw_tie_state_get(&st1, t1, as_of, o));
        NWT_OK(nw_tie_state_get(&st2, t2, as_of, o));
        assert_int_equal(st1, st2);
        nw_tie_free(t2);
        nw_tie_free(t1);
    }
    nw_tie_iter_free(it);

    for (nw_id i = 1; i <= actors; i++)
        for (nw_id j = i + 1; j <= actors; j++) {
            nw_actor *a1 = NULL, *b1 = NULL, *a2 = NULL, *b2 = NULL;
            if (nw_actor_lookup(&a1, orig, i) != NW_OK || nw_actor_lookup(&b1, orig, j) != NW_OK) {
                nw_actor_free(a1);
                continue;
            }
            NWT_OK(nw_actor_lookup(&a2, copy, i));
            NWT_OK(nw_actor_lookup(&b2, copy, j));
            double p1, p2;
            size_t k1, k2;
            NWT_OK(nw_actor_pair_strength(&p1, &k1, a1, b1, as_of, o));
            NWT_OK(nw_actor_pair_strength(&p2, &k2, a2, b2, as_of, o));
            assert_memory_equal(&p1, &p2, sizeof p1);
            assert_int_equal(k1, k2);
            nw_actor_free(a1);
            nw_actor_free(b1);
            nw_actor_free(a2);
            nw_actor_free(b2);
        }

    nw_touch *l1 = NULL, *l2 = NULL;
    size_t c1 = 0, c2 = 0;
    NWT_OK(nw_network_losing_touch(&l1, &c1, orig, as_of, o));
    NWT_OK(nw_network_losing_touch(&l2, &c2, copy, as_of, o));
    assert_int_equal(c1, c2);
    for (size_t i = 0; i < c1; i++) {
        assert_int_equal(l1[i].tie, l2[i].tie);
        assert_int_equal(l1[i].form, l2[i].form);
        assert_int_equal(l1[i].last_contact, l2[i].last_contact);
        assert_int_equal(l1[i].days, l2[i].days);
        assert_int_equal(l1[i].overdue, l2[i].overdue);
    }
    nw_free(l1);
    nw_free(l2);

    nw_figures *tl1 = NULL, *tl2 = NULL;
    NWT_OK(nw_network_timeline(&tl1, &c1, orig, as_of - 720, as_of, 90, o));
    NWT_OK(nw_network_timeline(&tl2, &c2, copy, as_of - 720, as_of, 90, o));
    assert_int_equal(c1, 9);
    assert_int_equal(c2, 9);
    for (size_t i = 0; i < c1; i++)
        same_figures(&tl1[i], &tl2[i]);
    nw_free(tl1);
    nw_free(tl2);
}

/* The whole analysis, unweighted and weighted, on a date. */
static size_t same_analysis(nw_network *orig, nw_network *copy, nw_date as_of)
{
    size_t pairs = 0;
    for (int weighted = 0; weighted <= 1; weighted++) {
        nw_snapshot_options o;
        NWT_OK(nw_snapshot_options_init(&o, NW_SNAPSHOT_OPTIONS_VERSION));
        o.weighted = weighted;
        pairs = same_snapshot(orig, copy, as_of, &o);
        same_strength(orig, copy, as_of, &o);
    }
    return pairs;
}

/* A linear congruential generator: the same numbers on every machine. */
static uint32_t lcg(uint32_t *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 8) % 100000u;
}

/* A larger network with every form, multiplex pairs, groups of several
 * members, ended ties, interactions and isolates, from a fixed generator:
 * 40 actors, 90 ties. Names, notes and topics are the texts that change. */
static nw_network *generated_network(void)
{
    uint32_t seed = 12345;
#define NEXT() lcg(&seed)
    nw_network *net = nwt_network("Stadtteilnetz Süd");
    NWT_OK(nw_network_topic_add(net, "Nachbarschaft"));
    nw_actor *a[41] = { NULL };
    char text[128];
    for (int i = 1; i <= 40; i++) {
        snprintf(text, sizeof text, "Person %d Nachname%u", i, (unsigned)NEXT());
        NWT_OK(nw_actor_add(&a[i], net, (nw_actor_kind)(i % 3), text));
        snprintf(text, sizeof text, "p%d@example.org", i);
        NWT_OK(nw_actor_contact_add(a[i], NW_CHANNEL_EMAIL, text));
        NWT_OK(nw_actor_interest_add(a[i], i % 2 ? "Nachbarschaft" : "Garten"));
        if (i % 5 != 0)
            NWT_OK(nw_actor_set_joined(a[i], nwt_date("2023-01-01") + (nw_date)(NEXT() % 900)));
        if (i % 4 != 0)
            NWT_OK(nw_actor_consent_give(a[i], nwt_date("2023-01-01")));
    }
    /* actors 38 to 40 stay isolated */
    for (int k = 0; k < 90; k++) {
        nw_form form = (nw_form)(NEXT() % NW_FORM_COUNT);
        size_t count = form == NW_FORM_KOOPERATION || form == NW_FORM_GRUPPE ? 2 + NEXT() % 3 : 2;
        nw_actor *members[4];
        size_t got = 0;
        while (got < count) {
            nw_actor *cand = a[1 + NEXT() % 37];
            bool dup = false;
            for (size_t j = 0; j < got; j++)
                dup = dup || cand == members[j];
            if (!dup)
                members[got++] = cand;
        }
        nw_date start = nwt_date("2023-01-01") + (nw_date)(NEXT() % 1000);
        nw_tie *t = NULL;
        NWT_OK(nw_tie_add(&t, net, form, members, count, start));
        snprintf(text, sizeof text, "Projekt %d", k);
        NWT_OK(nw_tie_set_label(t, text));
        int logs = (int)(NEXT() % 5);
        for (int l = 0; l < logs; l++) {
            snprintf(text, sizeof text, "Treffen %d mit Person %u", l, (unsigned)(1 + NEXT() % 40));
            NWT_OK(nw_tie_interaction_add(t, start + (nw_date)(NEXT() % 400),
                                          (nw_interaction_kind)(NEXT() % 4), text));
        }
        if (NEXT() % 4 == 0)
            NWT_OK(nw_tie_set_end(t, start + 400 + (nw_date)(NEXT() % 300))); /* after its log */
        nw_tie_free(t);
    }
#undef NEXT
    for (int i = 1; i <= 40; i++)
        nw_actor_free(a[i]);
    return net;
}

static void test_analysis_equal_everything(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_network *p = pseudo(w.net, KEY, NULL);
    assert_int_equal(same_analysis(w.net, p, nwt_date("2025-06-30")), 6);
    nw_network_free(p);
    world_free(&w);

    nw_network *g = generated_network();
    p = pseudo(g, KEY, NULL);
    /* a copy really is pseudonymised: no name survives */
    nw_actor *a = NULL;
    const char *name = NULL;
    NWT_OK(nw_actor_lookup(&a, p, 1));
    NWT_OK(nw_actor_name(&name, a));
    assert_true(strncmp(name, "actor-", 6) == 0);
    nw_actor_free(a);
    static const char *const dates[] = { "2024-01-01", "2024-09-15", "2025-06-30", NULL };
    for (size_t d = 0; dates[d] != NULL; d++) {
        size_t pairs = same_analysis(g, p, nwt_date(dates[d]));
        assert_true(pairs >= 40); /* a real network, not an empty one */
    }
    nw_network_free(p);
    nw_network_free(g);
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
                                           "Schlüssel", "geheim", "another key", "Okafor",
                                           "Newsletter", NULL };
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

/* The same for every allocation that can fail in these calls, and for
 * invalid texts that hold personal data: the message names the field, never
 * its content. Only for a call that failed (NWT_EXPECT it first): the
 * message of its failure must hold no secret. */
static void check_failure_message(const char *call)
{
    if (nw_errcode() == NW_OK)
        NWT_FAIL("%s: no failure recorded, so there is no message to check", call);
    const char *msg = nw_errmsg();
    if (strcmp(msg, "no error") == 0)
        NWT_FAIL("%s failed with no message", call);
    no_secrets(msg);
}

static void test_messages_keep_secrets_everywhere(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    const unsigned char *key = (const unsigned char *)KEY;
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_CONSENTED_ONLY;
    so.consent_as_of = nwt_date("2025-06-30");
    so.consent_purpose = "Fotos auf der Website";
    size_t failed = 0;
    for (int call = 0; call < 5; call++) {
        for (long k = 1;; k++) {
            nw_network *out = NULL;
            char *text = NULL;
            size_t len = 0;
            nw_consent c = NW_CONSENT_INIT;
            c.given = nwt_date("2025-01-01");
            c.purpose = "Newsletter für Maria Müller";
            c.text = "Maria Müller, maria.mueller@example.org, willigt ein";
            nwt_failalloc_fail_at(k);
            nw_error_clear();
            int rc = call == 0 ? nw_network_pseudonymise(&out, w.net, key, strlen(KEY), NULL)
                   : call == 1 ? nw_actor_export(&text, &len, w.a[1])
                   : call == 2 ? nw_network_save_buffer(&text, &len, w.net, &so)
                   : call == 3 ? nw_consent_add(NULL, w.a[1], &c)
                               : nw_actor_erase(NULL, w.a[1]);
            bool hit = nwt_failalloc_failures() > 0;
            nwt_failalloc_fail_at(0);
            if (hit) {
                /* the injected failure must be reported, with a clean message */
                nwt_check_result(rc, NW_ENOMEM, "a data-protection call", __FILE__, __LINE__);
                check_failure_message("a data-protection call");
            }
            nw_network_free(out);
            nw_free(text);
            if (!hit) {
                assert_int_equal(rc, NW_OK);
                break;
            }
            failed++;
        }
    }
    assert_true(failed > 100);

    /* invalid texts with personal data in them */
    nw_actor *ben = w.a[4];
    nw_consent c = NW_CONSENT_INIT;
    c.given = nwt_date("2025-01-01");
    c.purpose = "Newsletter\nan Ben Okafor";
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, ben, &c));
    check_failure_message("purpose with a line break");
    c.purpose = NULL;
    c.source = "Ben Okafor\x01";
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, ben, &c));
    check_failure_message("source with a control character");
    c.source = NULL;
    c.note = "Ben Okafor \xff";
    NWT_EXPECT(NW_EINVAL, nw_consent_add(NULL, ben, &c));
    check_failure_message("note with invalid UTF-8");
    bool v = false;
    NWT_EXPECT(NW_EINVAL, nw_actor_consent_valid(&v, ben, nwt_date("2025-01-01"), "Ben\nOkafor"));
    check_failure_message("purpose of a validity check");
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_known_pseudonyms),
        NWT_TEST(test_stable),
        NWT_TEST(test_no_original_bytes),
        NWT_TEST(test_analysis_equal),
        NWT_TEST(test_analysis_equal_everything),
        NWT_TEST(test_keep),
        NWT_TEST(test_errors),
        NWT_TEST(test_out_of_memory),
        NWT_TEST(test_messages_keep_secrets),
        NWT_TEST(test_messages_keep_secrets_everywhere),
    };
    return NWT_RUN(tests);
}
