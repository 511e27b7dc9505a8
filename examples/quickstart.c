/*
 * quickstart: a neighbourhood network, built with libnetzwerk's public API.
 *
 * "Netzwerk Sichere Schulwege Nordstadt": a youth centre, a primary school,
 * a parents' initiative, a housing company and three residents work on safe
 * ways to school. example_network.c builds the network with all four
 * relationship forms (Beziehungsformen); this program prints a summary: the
 * ties by form, and every actor with its ties and neighbours.
 *
 *     cc quickstart.c example_network.c $(pkg-config --cflags --libs netzwerk)
 *
 * Every call is checked; on an error the program prints nw_errmsg() and
 * exits with 1. Everything is freed (the program runs clean under valgrind).
 */
#include "example_network.h"

#include <stdio.h>

/* Run a libnetzwerk call; on failure report it and jump to cleanup. */
#define CHECK(call)                                                          \
    do {                                                                     \
        int check_rc_ = (call);                                              \
        if (check_rc_ != NW_OK) {                                            \
            fprintf(stderr, "quickstart.c:%d: %s: %s (%s)\n", __LINE__,      \
                    #call, nw_strerror(check_rc_), nw_errmsg());             \
            goto done;                                                       \
        }                                                                    \
    } while (0)

static const char *kind_name(nw_actor_kind kind)
{
    switch (kind) {
    case NW_ACTOR_PERSON: return "Person";
    case NW_ACTOR_GROUP: return "Gruppe";
    case NW_ACTOR_ORGANISATION: return "Organisation";
    }
    return "?";
}

/* Print the network's ties, counted by form, with the catalogue's names. */
static int print_forms(const nw_network *net)
{
    printf("Beziehungsformen / relationship forms:\n");
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        char letter;
        const char *de, *en;
        bool strong;
        size_t count;
        int rc;
        if ((rc = nw_form_letter(&letter, (nw_form)f)) != NW_OK ||
            (rc = nw_form_name(&de, (nw_form)f, NW_LANG_DE)) != NW_OK ||
            (rc = nw_form_name(&en, (nw_form)f, NW_LANG_EN)) != NW_OK ||
            (rc = nw_form_is_strong(&strong, (nw_form)f)) != NW_OK ||
            (rc = nw_network_tie_count(&count, net, NW_FORM_BIT(f))) != NW_OK)
            return rc;
        printf("  %c %-12s %-12s %-7s %zu\n", letter, de, en, strong ? "strong" : "weak", count);
    }
    return NW_OK;
}

/* Print one actor: kind, name, reachability, consent, its ties and neighbours. */
static int print_actor(nw_actor *a, nw_date today)
{
    const char *name, *label;
    nw_actor_kind kind;
    size_t ncontacts;
    bool consent;
    nw_tie_iter *ties = NULL;
    nw_actor_iter *neighbours = NULL;
    nw_tie *t;
    nw_actor *n;
    int rc;

    if ((rc = nw_actor_name(&name, a)) != NW_OK || (rc = nw_actor_kind_get(&kind, a)) != NW_OK ||
        (rc = nw_actor_contact_count(&ncontacts, a)) != NW_OK ||
        (rc = nw_actor_has_consent(&consent, a, today)) != NW_OK)
        return rc;
    printf("\n%s (%s): %zu way(s) to reach, consent %s\n", name, kind_name(kind), ncontacts,
           consent ? "given" : "missing");

    if ((rc = nw_tie_iter_new_actor(&ties, a, NW_FORM_MASK_ALL)) != NW_OK)
        return rc;
    while ((rc = nw_tie_iter_next(&t, ties)) == NW_OK) {
        nw_form form;
        char letter;
        const char *form_name;
        size_t members;
        if ((rc = nw_tie_form(&form, t)) == NW_OK && (rc = nw_form_letter(&letter, form)) == NW_OK &&
            (rc = nw_form_name(&form_name, form, NW_LANG_DE)) == NW_OK &&
            (rc = nw_tie_label(&label, t)) == NW_OK && (rc = nw_tie_member_count(&members, t)) == NW_OK)
            printf("  tie   %c %-11s %zu members%s%s\n", letter, form_name, members,
                   *label ? ": " : "", label);
        nw_tie_free(t);
        if (rc != NW_OK)
            break;
    }
    nw_tie_iter_free(ties);
    if (rc != NW_ITEROVER)
        return rc;

    if ((rc = nw_actor_iter_new_neighbors(&neighbours, a, NW_FORM_MASK_ALL)) != NW_OK)
        return rc;
    printf("  neighbours:");
    const char *sep = " ";
    while ((rc = nw_actor_iter_next(&n, neighbours)) == NW_OK) {
        rc = nw_actor_name(&name, n);
        if (rc == NW_OK)
            printf("%s%s", sep, name);
        sep = ", ";
        nw_actor_free(n);
        if (rc != NW_OK)
            break;
    }
    printf("\n");
    nw_actor_iter_free(neighbours);
    return rc == NW_ITEROVER ? NW_OK : rc;
}

int main(void)
{
    int status = 1;
    nw_network *net = NULL;
    nw_actor_iter *all = NULL;
    nw_actor *each = NULL;
    nw_date today;
    size_t nactors, nties;
    int rc;

    printf("libnetzwerk %s\n\n", nw_version());
    CHECK(example_network_build(&net));

    /* The summary. */
    const char *name;
    CHECK(nw_network_name(&name, net));
    CHECK(nw_network_actor_count(&nactors, net));
    CHECK(nw_network_tie_count(&nties, net, NW_FORM_MASK_ALL));
    printf("%s: %zu actors, %zu ties\n\n", name, nactors, nties);
    CHECK(print_forms(net));

    CHECK(nw_date_parse(&today, EXAMPLE_TODAY));
    CHECK(nw_actor_iter_new(&all, net));
    while ((rc = nw_actor_iter_next(&each, all)) == NW_OK) {
        CHECK(print_actor(each, today));
        nw_actor_free(each);
        each = NULL;
    }
    if (rc != NW_ITEROVER)
        CHECK(rc);
    status = 0;

done:
    nw_actor_free(each);
    nw_actor_iter_free(all);
    nw_network_free(net);
    return status;
}
