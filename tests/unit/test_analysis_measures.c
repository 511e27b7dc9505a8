/*
 * Measures on small graphs whose values are worked out by hand from the
 * definitions in docs/analysis.md. (The seeded random graphs are checked
 * against igraph and NetworkX by tests/reference.)
 */
#include "nwtest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 1e-12
/* The number of elements of an array (not of a pointer). */
#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* A network of n actors "v0".. and one tie per edge, all from 2024-01-01;
 * forms[i] (or B if forms is NULL) for edge i. */
typedef struct graph {
    nw_network *net;
    nw_snapshot *snap;
    size_t n;
} graph;

static graph build(size_t n, const int (*edges)[2], size_t m, const nw_form *forms,
                   const nw_snapshot_options *opts)
{
    graph g = {nwt_network("g"), NULL, n};
    nw_actor **a = calloc(n, sizeof *a);
    assert_non_null(a);
    for (size_t i = 0; i < n; i++) {
        char name[24];
        snprintf(name, sizeof name, "v%zu", i);
        a[i] = nwt_actor(g.net, name);
    }
    for (size_t e = 0; e < m; e++) {
        nw_actor *pair[2] = {a[edges[e][0]], a[edges[e][1]]};
        NWT_OK(nw_tie_add(NULL, g.net, forms ? forms[e] : NW_FORM_KOOPERATION, pair, 2,
                          nwt_date("2024-01-01")));
    }
    for (size_t i = 0; i < n; i++)
        nw_actor_free(a[i]);
    free(a);
    NWT_OK(nw_snapshot_new(&g.snap, g.net, nwt_date("2024-06-01"), opts));
    return g;
}

static void release(graph *g)
{
    nw_snapshot_free(g->snap);
    nw_network_free(g->net);
}

static void expect_vector(const double *got, const double *want, size_t n, double eps)
{
    for (size_t i = 0; i < n; i++) {
        double d = got[i] > want[i] ? got[i] - want[i] : want[i] - got[i];
        if (!(d <= eps))
            NWT_FAIL("vertex %zu: got %.17g, want %.17g", i, got[i], want[i]);
    }
}

typedef int (*measure_fn)(double *, size_t, const nw_snapshot *);

static void expect_measure(measure_fn f, const graph *g, const double *want)
{
    double got[16];
    assert_true(g->n <= 16);
    NWT_OK(f(got, LEN(got), g->snap));
    expect_vector(got, want, g->n, EPS);
}

/* ---- a path a - b - c - d ------------------------------------------------------ */

static const int path4[][2] = {{0, 1}, {1, 2}, {2, 3}};

static void test_path(void **state)
{
    (void)state;
    graph g = build(4, path4, 3, NULL, NULL);
    expect_measure(nw_snapshot_degree, &g, (double[]){1, 2, 2, 1});
    /* b lies on a-c and a-d; c on a-d and b-d. */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){0, 2, 2, 0});
    /* a: 1 + 1/2 + 1/3; b: 1 + 1 + 1/2. */
    expect_measure(nw_snapshot_harmonic_closeness, &g,
                   (double[]){11.0 / 6.0, 2.5, 2.5, 11.0 / 6.0});
    expect_measure(nw_snapshot_two_step_reach, &g, (double[]){2, 3, 3, 2});
    /* a: 2 / deg(b) = 1; b: 3 / (deg(a) + deg(c)) = 1. */
    expect_measure(nw_snapshot_reach_efficiency, &g, (double[]){1, 1, 1, 1});
    expect_measure(nw_snapshot_local_clustering, &g, (double[]){0, 0, 0, 0});
    expect_measure(nw_snapshot_core_number, &g, (double[]){1, 1, 1, 1});

    /* Every pair is a bridge, and a local bridge of infinite span. */
    for (int local = 0; local < 2; local++) {
        nw_bridge *br = NULL;
        size_t k = 0;
        NWT_OK(nw_snapshot_bridges(&br, &k, g.snap, local));
        assert_int_equal(k, 3);
        for (size_t i = 0; i < k; i++) {
            assert_int_equal(br[i].pair, i);
            assert_int_equal(br[i].span, NW_SPAN_INFINITE);
            assert_true(br[i].strong);
            assert_int_equal(br[i].a, i + 1);
            assert_int_equal(br[i].b, i + 2);
        }
        nw_free(br);
    }
    double overlap[3];
    NWT_OK(nw_snapshot_overlap(overlap, LEN(overlap), g.snap));
    expect_vector(overlap, (double[]){0, 0, 0}, 3, 0.0);
    release(&g);
}

/* ---- a star: centre 0 and three leaves ----------------------------------------- */

static const int star[][2] = {{0, 1}, {0, 2}, {0, 3}};

static void test_star(void **state)
{
    (void)state;
    graph g = build(5, star, 3, NULL, NULL); /* v4 is an isolate */
    double c[5], es[5], ef[5];
    NWT_OK(nw_snapshot_structural_holes(c, es, ef, LEN(c), g.snap));
    /* Centre: p = 1/3 to each leaf, no indirect paths: 3 (1/3)^2 = 1/3;
     * effective size 3 - 0 = 3, efficiency 1. Leaf: p = 1: constraint 1,
     * effective size 1, efficiency 1. Isolate: NaN, as in NetworkX. */
    expect_vector(c, (double[]){1.0 / 3.0, 1, 1, 1}, 4, EPS);
    expect_vector(es, (double[]){3, 1, 1, 1}, 4, EPS);
    expect_vector(ef, (double[]){1, 1, 1, 1}, 4, EPS);
    assert_true(isnan(c[4]) && isnan(es[4]) && isnan(ef[4]));
    /* Any one output alone. */
    double only[5];
    NWT_OK(nw_snapshot_structural_holes(NULL, only, NULL, LEN(only), g.snap));
    expect_vector(only, es, 4, 0.0);
    NWT_EXPECT(NW_EINVAL, nw_snapshot_structural_holes(NULL, NULL, NULL, LEN(c), g.snap));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_structural_holes(c, NULL, NULL, LEN(c), NULL));

    /* The centre lies on the 3 leaf pairs. */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){3, 0, 0, 0, 0});
    /* Leaves reach everybody within two steps: 3; reach efficiency
     * 3 / deg(centre) = 1; the centre 3 / (1 + 1 + 1) = 1; isolate 0. */
    expect_measure(nw_snapshot_two_step_reach, &g, (double[]){3, 3, 3, 3, 0});
    expect_measure(nw_snapshot_reach_efficiency, &g, (double[]){1, 1, 1, 1, 0});

    nw_id *ids = NULL;
    size_t k = 0;
    NWT_OK(nw_snapshot_stars(&ids, &k, g.snap));
    assert_int_equal(k, 1);
    assert_int_equal(ids[0], 1);
    nw_free(ids);
    NWT_OK(nw_snapshot_isolates(&ids, &k, g.snap));
    assert_int_equal(k, 1);
    assert_int_equal(ids[0], 5);
    nw_free(ids);
    size_t comp[5], count = 0;
    NWT_OK(nw_snapshot_components(comp, LEN(comp), &count, g.snap));
    assert_int_equal(count, 2);
    assert_int_equal(comp[0], 0);
    assert_int_equal(comp[3], 0);
    assert_int_equal(comp[4], 1);
    NWT_OK(nw_snapshot_components(comp, LEN(comp), NULL, g.snap));
    release(&g);
}

/* ---- a triangle with a pendant: 0-1-2 triangle, 2-3 ------------------------------ */

static const int kite[][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}};

static void test_triangle_pendant(void **state)
{
    (void)state;
    graph g = build(4, kite, 4, NULL, NULL);
    expect_measure(nw_snapshot_local_clustering, &g, (double[]){1, 1, 1.0 / 3.0, 0});
    expect_measure(nw_snapshot_core_number, &g, (double[]){2, 2, 2, 1});
    double c[4], es[4];
    NWT_OK(nw_snapshot_structural_holes(c, es, NULL, LEN(c), g.snap));
    /* Vertex 0: p = 1/2 to 1 and 2. Towards 1: (1/2 + p02 p21)^2 =
     * (1/2 + 1/2 * 1/3)^2 = 4/9; towards 2: (1/2 + p01 p12)^2 =
     * (1/2 + 1/2 * 1/2)^2 = 9/16; c = 145/144. Vertex 2: p = 1/3 to 0, 1, 3:
     * towards 0 and 1 (1/3 + 1/3 * 1/2)^2 = 1/4 each, towards 3 1/9:
     * c = 11/18. Vertex 3: 1. */
    expect_vector(c, (double[]){145.0 / 144.0, 145.0 / 144.0, 11.0 / 18.0, 1.0}, 4, EPS);
    /* Borgatti: n - 2t/n: 0 has n = 2, t = 1: 1; 2 has n = 3, t = 1: 7/3. */
    expect_vector(es, (double[]){1, 1, 7.0 / 3.0, 1}, 4, EPS);

    nw_bridge *br;
    size_t k;
    NWT_OK(nw_snapshot_bridges(&br, &k, g.snap, false));
    assert_int_equal(k, 1);
    assert_int_equal(br[0].pair, 3);
    assert_int_equal(br[0].a, 3);
    assert_int_equal(br[0].b, 4);
    nw_free(br);
    NWT_OK(nw_snapshot_bridges(&br, &k, g.snap, true)); /* the triangle's pairs have a common neighbour */
    assert_int_equal(k, 1);
    nw_free(br);

    /* Overlap: 0-1 share 2: 1 / (1 + 1 - 1) = 1; 0-2 share 1:
     * 1 / (1 + 2 - 1) = 1/2; 1-2 likewise; 2-3: 0 / (2 + 0) = 0. */
    double o[4];
    NWT_OK(nw_snapshot_overlap(o, LEN(o), g.snap));
    expect_vector(o, (double[]){1, 0.5, 0.5, 0}, 4, EPS);
    release(&g);
}

/* ---- a cycle of five: no bridges, every pair a local bridge of span 4 ----------- */

static const int cycle5[][2] = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}};

static void test_cycle(void **state)
{
    (void)state;
    nw_form forms[5] = {NW_FORM_KONTAKT, NW_FORM_KOOPERATION, NW_FORM_BEGEGNUNG, NW_FORM_GRUPPE,
                        NW_FORM_KONTAKT};
    graph g = build(5, cycle5, 5, forms, NULL);
    nw_bridge *br = NULL;
    size_t k = 1;
    NWT_OK(nw_snapshot_bridges(&br, &k, g.snap, false));
    assert_int_equal(k, 0);
    assert_null(br);
    NWT_OK(nw_snapshot_bridges(&br, &k, g.snap, true));
    assert_int_equal(k, 5);
    /* Pairs in order: 0-1 (C), 0-4 (C), 1-2 (B), 2-3 (A), 3-4 (D). */
    static const bool strong[5] = {false, false, true, false, true};
    for (size_t i = 0; i < k; i++) {
        assert_int_equal(br[i].span, 4);
        assert_int_equal(br[i].strong, strong[i]);
    }
    nw_free(br);
    /* Each vertex is on the shortest path of the one pair at distance 2 it
     * sits between: 1 each. Harmonic: 1 + 1 + 1/2 + 1/2 = 3. */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){1, 1, 1, 1, 1});
    expect_measure(nw_snapshot_harmonic_closeness, &g, (double[]){3, 3, 3, 3, 3});
    release(&g);
}

/* ---- two triangles joined by a bridge: 0-1-2, 3-4-5, 2-3 -------------------------- */

static const int barbell[][2] = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}};

static void test_brokers(void **state)
{
    (void)state;
    graph g = build(6, barbell, 7, NULL, NULL);
    /* 2 separates {0, 1} from {3, 4, 5}: 2 x 3 = 6 pairs; 3 likewise. */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){0, 0, 6, 6, 0, 0});
    /* Normalised 6 / 10 = 0.6, constraint 1/4 + 1/4 + 1/9 = 11/18 > 0.5:
     * no broker with the defaults. */
    nw_id *ids = NULL;
    size_t k = 9;
    NWT_OK(nw_snapshot_brokers(&ids, &k, g.snap));
    assert_int_equal(k, 0);
    assert_null(ids);
    release(&g);

    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.broker_max_constraint = 0.62;
    g = build(6, barbell, 7, NULL, &o);
    NWT_OK(nw_snapshot_brokers(&ids, &k, g.snap));
    assert_int_equal(k, 2);
    assert_int_equal(ids[0], 3); /* equal betweenness: by identity */
    assert_int_equal(ids[1], 4);
    nw_free(ids);
    NWT_OK(nw_snapshot_stars(&ids, &k, g.snap));
    assert_int_equal(k, 2);
    assert_int_equal(ids[0], 3);
    assert_int_equal(ids[1], 4);
    nw_free(ids);
    NWT_OK(nw_snapshot_isolates(&ids, &k, g.snap));
    assert_int_equal(k, 0);
    assert_null(ids);
    release(&g);

    o.broker_min_betweenness = 0.61;
    g = build(6, barbell, 7, NULL, &o);
    NWT_OK(nw_snapshot_brokers(&ids, &k, g.snap));
    assert_int_equal(k, 0);
    release(&g);
}

/* ---- weighted paths: a square with lengths 1, 1, 2, 2 ----------------------------- */

static const int square[][2] = {{0, 1}, {1, 2}, {2, 3}, {0, 3}};

static void test_weighted(void **state)
{
    (void)state;
    /* The weight of a pair is its form's base: B 1 (length 1), D 0.5 (length 2). */
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.weighted = true;
    o.weight_base = 1.0;
    o.weight_age = o.weight_tending = o.weight_recency = 0.0;
    o.form[NW_FORM_KOOPERATION].base = 1.0;
    o.form[NW_FORM_GRUPPE].base = 0.5;
    o.form[NW_FORM_KONTAKT].base = 0.0;
    nw_form forms[4] = {NW_FORM_KOOPERATION, NW_FORM_KOOPERATION, NW_FORM_GRUPPE, NW_FORM_GRUPPE};
    graph g = build(4, square, 4, forms, &o);
    /* 0 -> 2: 0-1-2 (2) beats 0-3-2 (4): 1 is on it. 1 -> 3: 1-0-3 and
     * 1-2-3 both 3: 0 and 2 get 1/2 each. */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){0.5, 1, 0.5, 0});
    /* 0: 1/1 + 1/2 + 1/2; 1: 1 + 1 + 1/3; 3: 1/2 + 1/3 + 1/2. */
    expect_measure(nw_snapshot_harmonic_closeness, &g,
                   (double[]){2.0, 7.0 / 3.0, 2.0, 4.0 / 3.0});
    expect_measure(nw_snapshot_weighted_degree, &g, (double[]){1.5, 2, 1.5, 1});
    release(&g);

    /* A pair of weight 0 (C with base 0) is not passed by weighted paths. */
    forms[2] = NW_FORM_KONTAKT; /* 2-3 */
    g = build(4, square, 4, forms, &o);
    /* Paths: 0-1 1, 1-2 1, 0-3 2, 0-2 2 (via 1), 1-3 3 (via 0), 2-3 4 (via 1, 0). */
    expect_measure(nw_snapshot_betweenness, &g, (double[]){2, 2, 0, 0});
    expect_measure(nw_snapshot_harmonic_closeness, &g,
                   (double[]){1 + 0.5 + 0.5, 1 + 1 + 1.0 / 3.0, 0.5 + 1 + 0.25, 0.5 + 1.0 / 3.0 + 0.25});
    /* In structural holes a pair of weight 0 has p = 0, as in NetworkX:
     * 2 has p = 1 to 1 and 0 to 3, no common neighbours: c = 1 + 0;
     * 3 has p = 0 to 2 and 1 to 0: c = 0 + 1. */
    double c[4];
    NWT_OK(nw_snapshot_structural_holes(c, NULL, NULL, LEN(c), g.snap));
    assert_float_equal(c[2], 1.0, EPS);
    assert_float_equal(c[3], 1.0, EPS);
    release(&g);
}

/* ---- network figures ------------------------------------------------------------------ */

static void test_figures(void **state)
{
    (void)state;
    /* Components {0,1,2,3} (a triangle with a pendant), {4,5}, {6}. */
    nw_network *net = nwt_network("figures");
    nw_actor *a[7];
    static const nw_actor_kind kinds[7] = {NW_ACTOR_PERSON, NW_ACTOR_PERSON, NW_ACTOR_GROUP,
                                           NW_ACTOR_ORGANISATION, NW_ACTOR_PERSON,
                                           NW_ACTOR_PERSON, NW_ACTOR_GROUP};
    for (int i = 0; i < 7; i++) {
        char name[16];
        snprintf(name, sizeof name, "a%d", i);
        NWT_OK(nw_actor_add(&a[i], net, kinds[i], name));
    }
    /* 0-1-2 as one cooperation (three pairs), started 2024-01-01, tended
     * 2024-05-20 (active on 2024-06-01); 2-3 a latent contact; 4-5 an
     * encounter of 2023 (dormant: 90 days); 0-1 also a contact (multiplex). */
    nw_tie *coop = NULL;
    NWT_OK(nw_tie_add(&coop, net, NW_FORM_KOOPERATION, a, 3, nwt_date("2024-01-01")));
    NWT_OK(nw_tie_interaction_add(coop, nwt_date("2024-05-20"), NW_INTERACTION_MEETING, NULL));
    nw_tie *c23 = nwt_tie(net, NW_FORM_KONTAKT, a[2], a[3], NULL, "2024-02-01");
    nw_tie *b45 = nwt_tie(net, NW_FORM_BEGEGNUNG, a[4], a[5], NULL, "2023-09-01");
    nw_tie *c01 = nwt_tie(net, NW_FORM_KONTAKT, a[0], a[1], NULL, "2024-02-01");
    NWT_OK(nw_tie_interaction_add(c01, nwt_date("2024-03-01"), NW_INTERACTION_CALL, NULL));

    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date("2024-06-01"), NULL));
    nw_figures *f = NULL;
    NWT_OK(nw_snapshot_figures(&f, s));
    assert_int_equal(f->as_of, nwt_date("2024-06-01"));
    assert_int_equal(f->actors, 7);
    assert_int_equal(f->size, 3);             /* 0, 1, 2 have active ties */
    assert_int_equal(f->size_activatable, 6); /* all but the isolate 6 */
    assert_int_equal(f->actors_by_kind[NW_ACTOR_PERSON], 4);
    assert_int_equal(f->actors_by_kind[NW_ACTOR_GROUP], 2);
    assert_int_equal(f->actors_by_kind[NW_ACTOR_ORGANISATION], 1);
    assert_int_equal(f->ties, 4);
    assert_int_equal(f->ties_by_form[NW_FORM_BEGEGNUNG], 1);
    assert_int_equal(f->ties_by_form[NW_FORM_KOOPERATION], 1);
    assert_int_equal(f->ties_by_form[NW_FORM_KONTAKT], 2);
    assert_int_equal(f->ties_by_form[NW_FORM_GRUPPE], 0);
    assert_int_equal(f->ties_strong, 1);
    assert_int_equal(f->ties_weak, 3);
    assert_int_equal(f->ties_active, 2); /* coop, c01 (contact 92 days ago < 365) */
    assert_int_equal(f->ties_dormant, 1);
    assert_int_equal(f->ties_latent, 1);
    assert_int_equal(f->pairs, 5);
    assert_int_equal(f->pairs_multiplex, 1);
    assert_int_equal(f->pairs_strong, 3);
    assert_float_equal(f->density, 5.0 / 21.0, EPS);
    assert_float_equal(f->density_weighted, 5.0 / 21.0, EPS);
    assert_float_equal(f->strength_mean, 1.0, EPS);
    assert_int_equal(f->components, 3);
    assert_int_equal(f->largest_component, 4);
    assert_float_equal(f->largest_share, 4.0 / 7.0, EPS);
    assert_int_equal(f->isolates, 1);
    /* Degrees 2, 2, 3, 1, 1, 1, 0: mean 10/7, mean of squares 20/7. */
    assert_float_equal(f->degree_mean, 10.0 / 7.0, EPS);
    /* sd = sqrt(20/7 - 100/49) = sqrt(40/49) = 0.90350790290525129 */
    assert_float_equal(f->degree_sd, 0.90350790290525129, EPS);
    assert_int_equal(f->degree_max, 3);
    /* One triangle; triples 1 + 1 + 3 = 5: transitivity 3/5; local
     * clustering 1, 1, 1/3, 0, 0, 0, 0: mean (7/3) / 7 = 1/3. */
    assert_int_equal(f->triangles, 1);
    assert_float_equal(f->transitivity, 0.6, EPS);
    assert_float_equal(f->clustering_mean, 1.0 / 3.0, EPS);
    /* Largest component: distances 0-1 1, 0-2 1, 0-3 2, 1-2 1, 1-3 2, 2-3 1:
     * mean 8/6, diameter 2. */
    assert_float_equal(f->path_mean, 8.0 / 6.0, EPS);
    assert_int_equal(f->diameter, 2);
    assert_true(f->paths_exact);
    assert_int_equal(f->max_core, 2);
    assert_int_equal(f->max_core_size, 3);
    /* Pairs across kinds: 0-2 (P-G), 1-2 (P-G), 2-3 (G-O); within: 0-1, 4-5.
     * E-I = (3 - 2) / 5. */
    assert_float_equal(f->ei_index, 0.2, EPS);

    /* The field table names each field once and reads it. */
    size_t nf = nw_figures_field_count();
    assert_true(nf >= 30);
    for (size_t i = 0; i < nf; i++) {
        const char *name;
        double v;
        NWT_OK(nw_figures_field(&name, &v, f, i));
        for (size_t j = 0; j < i; j++) {
            const char *other;
            double w;
            NWT_OK(nw_figures_field(&other, &w, f, j));
            assert_string_not_equal(name, other);
        }
        if (strcmp(name, "density") == 0)
            assert_float_equal(v, f->density, 0.0);
        if (strcmp(name, "actors_group") == 0)
            assert_float_equal(v, 2.0, 0.0);
        if (strcmp(name, "ties_kontakt") == 0)
            assert_float_equal(v, 2.0, 0.0);
        if (strcmp(name, "paths_exact") == 0)
            assert_float_equal(v, 1.0, 0.0);
        if (strcmp(name, "as_of") == 0)
            assert_float_equal(v, (double)nwt_date("2024-06-01"), 0.0);
    }
    const char *name;
    double v;
    NWT_EXPECT(NW_ENOTFOUND, nw_figures_field(&name, &v, f, nf));
    NWT_EXPECT(NW_EINVAL, nw_figures_field(NULL, &v, f, 0));
    NWT_EXPECT(NW_EINVAL, nw_figures_field(&name, NULL, f, 0));
    NWT_EXPECT(NW_EINVAL, nw_figures_field(&name, &v, NULL, 0));
    nw_free(f);
    nw_snapshot_free(s);

    /* Estimated paths from 2 sources of 4: 0 (sum 4) and 2 (sum 3): 7 / 6. */
    nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
    o.path_sources = 2;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date("2024-06-01"), &o));
    NWT_OK(nw_snapshot_figures(&f, s));
    assert_false(f->paths_exact);
    assert_float_equal(f->path_mean, 7.0 / 6.0, EPS);
    assert_int_equal(f->diameter, 2);
    nw_free(f);
    nw_snapshot_free(s);

    nw_tie_free(coop);
    nw_tie_free(c23);
    nw_tie_free(b45);
    nw_tie_free(c01);
    for (int i = 0; i < 7; i++)
        nw_actor_free(a[i]);
    nw_network_free(net);
}

/* An empty network: every measure works and gives nothing. */
static void test_empty(void **state)
{
    (void)state;
    nw_network *net = nwt_network("empty");
    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date("2024-06-01"), NULL));
    double x[1] = {42};
    size_t c[1], count = 9;
    NWT_OK(nw_snapshot_betweenness(x, LEN(x), s));
    NWT_OK(nw_snapshot_harmonic_closeness(x, LEN(x), s));
    NWT_OK(nw_snapshot_structural_holes(x, x, x, LEN(x), s));
    NWT_OK(nw_snapshot_overlap(x, LEN(x), s));
    NWT_OK(nw_snapshot_components(c, LEN(c), &count, s));
    assert_int_equal(count, 0);
    assert_float_equal(x[0], 42, 0.0);
    nw_figures *f;
    NWT_OK(nw_snapshot_figures(&f, s));
    assert_int_equal(f->actors, 0);
    assert_int_equal(f->components, 0);
    assert_float_equal(f->density, 0.0, 0.0);
    assert_true(f->paths_exact);
    nw_free(f);
    nw_id *ids;
    size_t k;
    NWT_OK(nw_snapshot_brokers(&ids, &k, s));
    assert_int_equal(k, 0);
    nw_bridge *br;
    NWT_OK(nw_snapshot_bridges(&br, &k, s, true));
    assert_int_equal(k, 0);
    nw_snapshot_free(s);
    nw_network_free(net);
}

/* ---- errors and allocation failures --------------------------------------------- */

static const measure_fn measures[] = {
    nw_snapshot_degree, nw_snapshot_weighted_degree, nw_snapshot_betweenness,
    nw_snapshot_harmonic_closeness, nw_snapshot_two_step_reach, nw_snapshot_reach_efficiency,
    nw_snapshot_local_clustering, nw_snapshot_core_number, nw_snapshot_overlap,
};

static void test_errors(void **state)
{
    (void)state;
    graph g = build(4, kite, 4, NULL, NULL);
    double x[4];
    for (size_t i = 0; i < sizeof measures / sizeof measures[0]; i++) {
        NWT_EXPECT(NW_EINVAL, measures[i](NULL, LEN(x), g.snap));
        NWT_EXPECT(NW_EINVAL, measures[i](x, LEN(x), NULL));
    }
    size_t c[4], k;
    nw_id *ids;
    nw_bridge *br;
    nw_figures *f;
    NWT_EXPECT(NW_EINVAL, nw_snapshot_components(NULL, LEN(c), &k, g.snap));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_components(c, LEN(c), &k, NULL));
    int (*lists[])(nw_id **, size_t *, const nw_snapshot *) = {nw_snapshot_stars, nw_snapshot_isolates,
                                                               nw_snapshot_brokers};
    for (size_t i = 0; i < 3; i++) {
        NWT_EXPECT(NW_EINVAL, lists[i](NULL, &k, g.snap));
        NWT_EXPECT(NW_EINVAL, lists[i](&ids, NULL, g.snap));
        NWT_EXPECT(NW_EINVAL, lists[i](&ids, &k, NULL));
    }
    NWT_EXPECT(NW_EINVAL, nw_snapshot_bridges(NULL, &k, g.snap, true));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_bridges(&br, NULL, g.snap, true));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_bridges(&br, &k, NULL, true));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_figures(NULL, g.snap));
    NWT_EXPECT(NW_EINVAL, nw_snapshot_figures(&f, NULL));
    release(&g);
}

/* ---- the length of the caller's array ---------------------------------------------- */

#define ROOM 8          /* physical size of the arrays below: more than n and m */
#define SENTINEL -7.0

static void fill(double *x, size_t count, double value)
{
    for (size_t i = 0; i < count; i++)
        x[i] = value;
}

/* x[from .. ROOM) still hold the sentinel (bit for bit: NaN would pass). */
static void untouched_from(const char *what, const double *x, size_t from)
{
    const double sentinel = SENTINEL;
    for (size_t i = from; i < ROOM; i++)
        if (memcmp(&x[i], &sentinel, sizeof sentinel) != 0)
            NWT_FAIL("%s: element %zu was written (%.17g)", what, i, x[i]);
}

static void expect_message(const char *want)
{
    if (strcmp(nw_errmsg(), want) != 0)
        NWT_FAIL("message '%s', want '%s'", nw_errmsg(), want);
}

/* A length below the snapshot's count is refused and nothing is written; a
 * longer one is fine and only the first n (m for overlap) are written, with
 * the values of an exact length. The star with an isolate has n = 5 actors
 * and m = 3 pairs, so that a per-actor length does not pass for a per-pair
 * one nor the other way round. */
static void test_length(void **state)
{
    (void)state;
    graph g = build(5, star, 3, NULL, NULL);
    const size_t n = 5, m = 3;
    const char *names[] = {"degree", "weighted_degree", "betweenness", "harmonic_closeness",
                           "two_step_reach", "reach_efficiency", "local_clustering", "core_number",
                           "overlap"};
    assert_int_equal(LEN(names), LEN(measures));
    for (size_t i = 0; i < LEN(measures); i++) {
        size_t need = measures[i] == nw_snapshot_overlap ? m : n;
        double x[ROOM], exact[ROOM];
        for (size_t len = 0; len < need; len++) {
            fill(x, ROOM, SENTINEL);
            NWT_EXPECT(NW_EINVAL, measures[i](x, len, g.snap));
            untouched_from(names[i], x, 0);
        }
        /* A per-actor length for overlap is too long, fine; a per-pair one
         * for an actor measure is too short. */
        fill(x, ROOM, SENTINEL);
        NWT_EXPECT(need == m ? NW_OK : NW_EINVAL, measures[i](x, need == m ? n : m, g.snap));
        untouched_from(names[i], x, need == m ? m : 0);

        fill(exact, ROOM, SENTINEL);
        NWT_OK(measures[i](exact, need, g.snap));
        untouched_from(names[i], exact, need);
        for (size_t len = need + 1; len <= ROOM; len++) {
            fill(x, ROOM, SENTINEL);
            NWT_OK(measures[i](x, len, g.snap));
            assert_memory_equal(x, exact, need * sizeof *x);
            untouched_from(names[i], x, need);
        }
        /* NULL is "out is NULL" whatever the length. */
        NWT_EXPECT(NW_EINVAL, measures[i](NULL, 0, g.snap));
        expect_message("out is NULL");
        NWT_EXPECT(NW_EINVAL, measures[i](NULL, ROOM, g.snap));
        expect_message("out is NULL");
    }
    double x[ROOM];
    NWT_EXPECT(NW_EINVAL, nw_snapshot_degree(x, 3, g.snap));
    expect_message("out has room for 3 values; the snapshot has 5 actors");
    NWT_EXPECT(NW_EINVAL, nw_snapshot_degree(x, 1, g.snap));
    expect_message("out has room for 1 value; the snapshot has 5 actors");
    NWT_EXPECT(NW_EINVAL, nw_snapshot_overlap(x, 2, g.snap));
    expect_message("out has room for 2 values; the snapshot has 3 pairs");
    NWT_EXPECT(NW_EINVAL, nw_snapshot_degree(x, ROOM, NULL));
    expect_message("snap is NULL");

    /* Components: size_t elements, and count untouched on failure too. */
    size_t c[ROOM], exact_c[ROOM], count;
    for (size_t len = 0; len <= ROOM; len++) {
        for (size_t i = 0; i < ROOM; i++)
            c[i] = 77;
        count = 99;
        NWT_EXPECT(len < n ? NW_EINVAL : NW_OK, nw_snapshot_components(c, len, &count, g.snap));
        if (len < n) {
            assert_int_equal(count, 99);
            for (size_t i = 0; i < ROOM; i++)
                assert_int_equal(c[i], 77);
        } else {
            assert_int_equal(count, 2);
            if (len == n)
                memcpy(exact_c, c, sizeof c);
            assert_memory_equal(c, exact_c, n * sizeof *c);
            for (size_t i = n; i < ROOM; i++)
                assert_int_equal(c[i], 77);
        }
    }
    NWT_EXPECT(NW_EINVAL, nw_snapshot_components(NULL, ROOM, &count, g.snap));
    expect_message("out is NULL");

    /* Structural holes: one length for the three arrays, checked whichever
     * of them are given; the message names len. */
    double h[3][ROOM], exact_h[3][ROOM];
    NWT_OK(nw_snapshot_structural_holes(exact_h[0], exact_h[1], exact_h[2], n, g.snap));
    for (int mask = 1; mask < 8; mask++) {
        for (size_t len = 0; len <= ROOM; len++) {
            for (int k = 0; k < 3; k++)
                fill(h[k], ROOM, SENTINEL);
            int rc = nw_snapshot_structural_holes(mask & 1 ? h[0] : NULL, mask & 2 ? h[1] : NULL,
                                                  mask & 4 ? h[2] : NULL, len, g.snap);
            if (len < n) {
                assert_int_equal(rc, NW_EINVAL);
                if (len == 4)
                    expect_message("len has room for 4 values; the snapshot has 5 actors");
                for (int k = 0; k < 3; k++)
                    untouched_from("structural holes", h[k], 0);
                continue;
            }
            assert_int_equal(rc, NW_OK);
            for (int k = 0; k < 3; k++) {
                if (mask & (1 << k)) {
                    /* NaN for the isolate: compare the bits. */
                    assert_memory_equal(h[k], exact_h[k], n * sizeof h[k][0]);
                    untouched_from("structural holes", h[k], n);
                } else {
                    untouched_from("structural holes", h[k], 0);
                }
            }
        }
    }
    NWT_EXPECT(NW_EINVAL, nw_snapshot_structural_holes(NULL, NULL, NULL, ROOM, g.snap));
    release(&g);
}

/* An empty snapshot needs no array: NULL with length 0 is fine (malloc(0)
 * may return NULL), and so is a real array of any length, left untouched. */
static void test_length_empty(void **state)
{
    (void)state;
    nw_network *net = nwt_network("empty");
    nw_snapshot *s = NULL;
    NWT_OK(nw_snapshot_new(&s, net, nwt_date("2024-06-01"), NULL));
    double x[ROOM];
    for (size_t i = 0; i < LEN(measures); i++) {
        NWT_OK(measures[i](NULL, 0, s));
        NWT_OK(measures[i](NULL, ROOM, s));
        fill(x, ROOM, SENTINEL);
        NWT_OK(measures[i](x, 0, s));
        NWT_OK(measures[i](x, ROOM, s));
        untouched_from("empty", x, 0);
        NWT_EXPECT(NW_EINVAL, measures[i](NULL, 0, NULL));
    }
    size_t count = 99, c[1] = {77};
    NWT_OK(nw_snapshot_components(NULL, 0, &count, s));
    assert_int_equal(count, 0);
    count = 99;
    NWT_OK(nw_snapshot_components(c, 0, &count, s));
    assert_int_equal(count, 0);
    assert_int_equal(c[0], 77);
    NWT_EXPECT(NW_EINVAL, nw_snapshot_components(NULL, 0, &count, NULL));
    /* Structural holes: NULL arrays with length 0; but all three NULL is
     * still a call that asks for nothing. */
    fill(x, ROOM, SENTINEL);
    NWT_OK(nw_snapshot_structural_holes(NULL, NULL, x, 0, s));
    NWT_OK(nw_snapshot_structural_holes(x, NULL, NULL, 0, s));
    untouched_from("empty structural holes", x, 0);
    NWT_EXPECT(NW_EINVAL, nw_snapshot_structural_holes(NULL, NULL, NULL, 0, s));
    nw_snapshot_free(s);
    nw_network_free(net);
}

/* Fail each allocation of a computation in turn: NW_ENOMEM, no leak, the
 * output untouched; then the computation succeeds. */
static void test_alloc_failure(void **state)
{
    (void)state;
    for (int weighted = 0; weighted < 2; weighted++) {
        nw_snapshot_options o = NW_SNAPSHOT_OPTIONS_INIT;
        o.weighted = weighted;
        graph g = build(6, barbell, 7, NULL, &o);
        for (size_t m = 0; m < sizeof measures / sizeof measures[0] + 6; m++) {
            for (long i = 1;; i++) {
                double x[7] = {-7, -7, -7, -7, -7, -7, -7};
                size_t c[6] = {7, 7, 7, 7, 7, 7}, k = 7;
                void *list = NULL;
                nwt_failalloc_fail_at(i);
                int rc;
                size_t nm = sizeof measures / sizeof measures[0];
                if (m < nm)
                    rc = measures[m](x, LEN(x), g.snap);
                else if (m == nm)
                    rc = nw_snapshot_components(c, LEN(c), &k, g.snap);
                else if (m == nm + 1)
                    rc = nw_snapshot_structural_holes(x, NULL, x, LEN(x), g.snap);
                else if (m == nm + 2)
                    rc = nw_snapshot_brokers((nw_id **)&list, &k, g.snap);
                else if (m == nm + 3)
                    rc = nw_snapshot_bridges((nw_bridge **)&list, &k, g.snap, false);
                else if (m == nm + 4)
                    rc = nw_snapshot_bridges((nw_bridge **)&list, &k, g.snap, true);
                else
                    rc = nw_snapshot_figures((nw_figures **)&list, g.snap);
                if (nwt_failalloc_failures() == 0) {
                    assert_int_equal(rc, NW_OK);
                    nw_free(list);
                    break;
                }
                assert_int_equal(rc, NW_ENOMEM);
                assert_null(list);
                assert_int_equal(k, 7);
                assert_float_equal(x[0], -7, 0.0);
                assert_int_equal(c[0], 7);
            }
        }
        nwt_failalloc_fail_at(0);
        release(&g);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_path),
        NWT_TEST(test_star),
        NWT_TEST(test_triangle_pendant),
        NWT_TEST(test_cycle),
        NWT_TEST(test_brokers),
        NWT_TEST(test_weighted),
        NWT_TEST(test_figures),
        NWT_TEST(test_empty),
        NWT_TEST(test_errors),
        NWT_TEST(test_length),
        NWT_TEST(test_length_empty),
        NWT_TEST(test_alloc_failure),
    };
    return NWT_RUN(tests);
}
