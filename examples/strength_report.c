/*
 * strength_report: how strong is the network, where is it fragile, whom to
 * call this week? A network-strength report for the quickstart network
 * ("Netzwerk Sichere Schulwege Nordstadt", the same actors and ties as
 * examples/quickstart.c), as of 2025-07-01.
 *
 * It prints: every tie's strength with its terms and state; the ties that
 * are losing touch; the key figures; each actor's position (degree,
 * betweenness, closeness, Burt's constraint); stars, isolates and brokers;
 * bridges (weak or strong); what changed since 2025-01-01; and a timeline.
 *
 * Uses only the public API; every call is checked; everything is freed.
 */
#include "example_network.h"

#include <netzwerk.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(call)                                                                \
    do {                                                                           \
        int check_rc_ = (call);                                                    \
        if (check_rc_ != NW_OK) {                                                  \
            fprintf(stderr, "strength_report.c:%d: %s: %s (%s)\n", __LINE__, #call,  \
                    nw_strerror(check_rc_), nw_errmsg());                          \
            goto done;                                                             \
        }                                                                          \
    } while (0)

static nw_date day(const char *iso)
{
    nw_date d = NW_DATE_NONE;
    nw_date_parse(&d, iso); /* the texts here are valid */
    return d;
}

static const char *state_name(nw_tie_state s)
{
    switch (s) {
    case NW_TIE_ACTIVE: return "aktiv / active";
    case NW_TIE_DORMANT: return "ruhend / dormant";
    case NW_TIE_LATENT: return "latent (aktivierbar)";
    case NW_TIE_ABSENT: return "nicht bestehend / absent";
    }
    return "?";
}

/* The name of an actor by identity (for the report only). */
static const char *name_of(nw_network *net, nw_id id, char *buf, size_t size)
{
    nw_actor *a = NULL;
    const char *name;
    snprintf(buf, size, "actor %u", (unsigned)id);
    if (nw_actor_lookup(&a, net, id) == NW_OK && nw_actor_name(&name, a) == NW_OK)
        snprintf(buf, size, "%s", name);
    nw_actor_free(a);
    return buf;
}

/* Print text left-aligned in width columns, counting characters, not bytes. */
static void print_padded(const char *text, int width)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80; /* count the first byte of each UTF-8 character */
    printf("%s%*s", text, width > chars ? width - chars : 0, "");
}

static void print_ids(nw_network *net, const char *label, const nw_id *ids, size_t count)
{
    char buf[128];
    printf("  ");
    print_padded(label, 34);
    if (count == 0)
        printf(" -");
    for (size_t i = 0; i < count; i++)
        printf("%s%s", i ? ", " : " ", name_of(net, ids[i], buf, sizeof buf));
    printf("\n");
}

int main(void)
{
    int status = 1;
    nw_network *net = NULL;
    nw_tie_iter *ties = NULL;
    nw_tie *tie = NULL;
    nw_snapshot *snap = NULL, *before = NULL;
    nw_touch *touch = NULL;
    nw_figures *fig = NULL, *timeline = NULL;
    nw_id *list = NULL;
    nw_bridge *bridges = NULL;
    nw_change *change = NULL;
    double *deg = NULL, *btw = NULL, *clo = NULL, *con = NULL, *eff = NULL;
    size_t n = 0, count = 0, len = 0;
    char buf[128];
    const nw_date today = day(EXAMPLE_TODAY);
    int rc;

    /* ---- the quickstart network ---- */
    CHECK(example_network_build(&net));

    const char *netname;
    CHECK(nw_network_name(&netname, net));
    printf("Netzwerkstärke / network strength: %s, Stand / as of 2025-07-01\n", netname);

    /* ---- tie strength ---- */
    printf("\nBeziehungen / ties (strength = weighted mean of base, age, tending, recency)\n");
    printf("  %-4s %-24s %5s   %5s %5s %5s %5s  %s\n", "form", "label", "S", "base", "age", "tend",
           "rec", "state");
    CHECK(nw_tie_iter_new(&ties, net, NW_FORM_MASK_ALL));
    while ((rc = nw_tie_iter_next(&tie, ties)) == NW_OK) {
        nw_strength_terms t;
        nw_tie_state st;
        nw_form form;
        char letter;
        const char *label;
        CHECK(nw_tie_strength_terms(&t, tie, today, NULL));
        CHECK(nw_tie_state_get(&st, tie, today, NULL));
        CHECK(nw_tie_form(&form, tie));
        CHECK(nw_form_letter(&letter, form));
        CHECK(nw_tie_label(&label, tie));
        printf("  %-4c %-24s %5.2f   %5.2f %5.2f %5.2f %5.2f  %s\n", letter, *label ? label : "-",
               t.strength, t.base, t.age, t.tending, t.recency, state_name(st));
        nw_tie_free(tie);
        tie = NULL;
    }
    if (rc != NW_ITEROVER)
        CHECK(rc);

    /* ---- whom to call: losing touch ---- */
    CHECK(nw_network_losing_touch(&touch, &count, net, today, NULL));
    printf("\nKontaktpflege / losing touch (oldest contact first)\n");
    if (count == 0)
        printf("  -\n");
    for (size_t i = 0; i < count; i++) {
        char letter, date[NW_DATE_BUFSIZE];
        const char *label;
        nw_tie *t = NULL;
        CHECK(nw_form_letter(&letter, touch[i].form));
        CHECK(nw_date_format(date, sizeof date, touch[i].last_contact));
        CHECK(nw_tie_lookup(&t, net, touch[i].tie));
        rc = nw_tie_label(&label, t);
        nw_tie_free(t);
        CHECK(rc);
        printf("  %c %-24s last contact %s, %3d days%s\n", letter, *label ? label : "-", date,
               (int)touch[i].days, touch[i].overdue ? "  ÜBERFÄLLIG / OVERDUE" : "");
    }

    /* ---- structure: a weighted snapshot ---- */
    nw_snapshot_options opts = NW_SNAPSHOT_OPTIONS_INIT;
    opts.weighted = true;
    CHECK(nw_snapshot_new(&snap, net, today, &opts));
    CHECK(nw_snapshot_figures(&fig, snap));
    printf("\nKennzahlen / key figures\n");
    printf("  Netzwerkgröße / size (active ties)          %zu\n", fig->size);
    printf("  mit aktivierbaren Kontakten / activatable    %zu of %zu actors\n", fig->size_activatable,
           fig->actors);
    printf("  Beziehungen / ties                           %zu (strong %zu, weak %zu), %zu pairs\n",
           fig->ties, fig->ties_strong, fig->ties_weak, fig->pairs);
    printf("  Dichte / density                             %.3f (weighted %.3f)\n", fig->density,
           fig->density_weighted);
    printf("  Komponenten / components                     %zu, largest %zu (%.0f %%)\n", fig->components,
           fig->largest_component, 100.0 * fig->largest_share);
    printf("  Grad / degree                                mean %.2f, sd %.2f\n", fig->degree_mean,
           fig->degree_sd);
    printf("  Transitivität / clustering                   %.3f / mean local %.3f\n", fig->transitivity,
           fig->clustering_mean);
    printf("  Pfade / paths (largest component)            mean %.2f, diameter %zu\n", fig->path_mean,
           fig->diameter);
    printf("  k-Kern / k-core                              %zu-core of %zu actors\n", fig->max_core,
           fig->max_core_size);
    printf("  E-I-Index (actor kinds)                      %+.2f\n", fig->ei_index);

    CHECK(nw_snapshot_actor_count(&n, snap));
    /* Per-actor results go into arrays the caller provides, of at least n
     * values each; each call is told the array's length. */
    len = n ? n : 1;
    deg = calloc(len, sizeof *deg);
    btw = calloc(len, sizeof *btw);
    clo = calloc(len, sizeof *clo);
    con = calloc(len, sizeof *con);
    eff = calloc(len, sizeof *eff);
    if (!deg || !btw || !clo || !con || !eff) {
        fprintf(stderr, "out of memory\n");
        goto done;
    }
    CHECK(nw_snapshot_degree(deg, len, snap));
    CHECK(nw_snapshot_betweenness(btw, len, snap));
    CHECK(nw_snapshot_harmonic_closeness(clo, len, snap));
    CHECK(nw_snapshot_structural_holes(con, eff, NULL, len, snap));
    printf("\nAkteure / actors (weighted: distance = 1 / strength)\n");
    printf("  %-38s %6s %8s %8s %10s %9s\n", "", "degree", "betw.", "harmonic", "constraint", "eff.size");
    for (size_t v = 0; v < n; v++) {
        nw_id id;
        CHECK(nw_snapshot_actor_id(&id, snap, v));
        printf("  ");
        print_padded(name_of(net, id, buf, sizeof buf), 38);
        printf(" %6.0f %8.2f %8.2f %10.3f %9.2f\n", deg[v], btw[v], clo[v], con[v], eff[v]);
    }

    printf("\nRollen / roles\n");
    CHECK(nw_snapshot_stars(&list, &count, snap));
    print_ids(net, "Stars (most ties)", list, count);
    nw_free(list);
    list = NULL;
    CHECK(nw_snapshot_isolates(&list, &count, snap));
    print_ids(net, "Isolierte / isolates", list, count);
    nw_free(list);
    list = NULL;
    CHECK(nw_snapshot_brokers(&list, &count, snap));
    print_ids(net, "Brückenpersonen / brokers", list, count);
    nw_free(list);
    list = NULL;

    CHECK(nw_snapshot_bridges(&bridges, &count, snap, true));
    printf("\nBrücken / bridges and local bridges (Granovetter: bridges tend to be weak)\n");
    if (count == 0)
        printf("  -\n");
    for (size_t i = 0; i < count; i++) {
        char other[128];
        printf("  %s - %s: %s, %s tie, strength %.2f\n", name_of(net, bridges[i].a, buf, sizeof buf),
               name_of(net, bridges[i].b, other, sizeof other),
               bridges[i].span == NW_SPAN_INFINITE ? "bridge" : "local bridge",
               bridges[i].strong ? "strong" : "weak", bridges[i].weight);
    }

    /* ---- change since January, and a timeline ---- */
    CHECK(nw_snapshot_new(&before, net, day("2025-01-01"), &opts));
    CHECK(nw_snapshot_compare(&change, before, snap));
    printf("\nVeränderung / change 2025-01-01 -> 2025-07-01\n");
    print_ids(net, "neu / joined", change->actors_joined, change->actors_joined_count);
    printf("  %-34s %zu began, %zu ended\n", "Beziehungen / ties", change->ties_began_count,
           change->ties_ended_count);
    static const char *shown[] = {"actors", "size", "ties", "pairs", "density", "components", "transitivity"};
    for (size_t i = 0; i < nw_figures_field_count(); i++) {
        const char *name;
        double x, y;
        CHECK(nw_figures_field(&name, &x, &change->before, i));
        CHECK(nw_figures_field(&name, &y, &change->after, i));
        for (size_t k = 0; k < sizeof shown / sizeof shown[0]; k++)
            if (strcmp(name, shown[k]) == 0)
                printf("  %-34s %8.3g -> %8.3g  (%+.3g)\n", name, x, y, y - x);
    }

    /* Five steps of 73 days: 2024-07-01 to today. */
    CHECK(nw_network_timeline(&timeline, &count, net, day("2024-07-01"), today, 73, NULL));
    printf("\nZeitverlauf / timeline\n  %-10s %6s %6s %5s %8s %10s\n", "date", "actors", "ties", "size",
           "density", "components");
    for (size_t i = 0; i < count; i++) {
        char date[NW_DATE_BUFSIZE];
        CHECK(nw_date_format(date, sizeof date, timeline[i].as_of));
        printf("  %-10s %6zu %6zu %5zu %8.3f %10zu\n", date, timeline[i].actors, timeline[i].ties,
               timeline[i].size, timeline[i].density, timeline[i].components);
    }
    status = 0;

done:
    free(deg);
    free(btw);
    free(clo);
    free(con);
    free(eff);
    nw_free(timeline);
    nw_free(change);
    nw_free(bridges);
    nw_free(list);
    nw_free(fig);
    nw_free(touch);
    nw_snapshot_free(before);
    nw_snapshot_free(snap);
    nw_tie_free(tie);
    nw_tie_iter_free(ties);
    nw_network_free(net);
    return status;
}
