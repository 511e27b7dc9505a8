/*
 * validate: check the quickstart's network against the five principles of
 * network work (Prinzipien der Netzwerkarbeit) and print the report, in
 * German for the coordinator and in English for the developer.
 *
 * 1. Validate the network as of 2025-07-01 and print each principle's
 *    status and every finding.
 * 2. Show the agreement checklist (Vereinbarungs-Checkliste) of the
 *    cooperation "Schulwegdetektive": progress and what is still open.
 * 3. The partners meet and agree on every point, with the next review in
 *    the autumn; validate again and print the statuses.
 *
 * Every call is checked; on an error the program prints nw_errmsg() and
 * exits with 1. Everything is freed.
 */
#include "example_network.h"

#include <stdio.h>

#define CHECK(call)                                                            \
    do {                                                                       \
        int check_rc_ = (call);                                                \
        if (check_rc_ != NW_OK) {                                              \
            fprintf(stderr, "validate.c:%d: %s: %s (%s)\n", __LINE__, #call,   \
                    nw_strerror(check_rc_), nw_errmsg());                      \
            goto done;                                                         \
        }                                                                      \
    } while (0)

/* "Freiwilligkeit / Voluntariness: erfüllt / fulfilled (14 checks: ...)" */
static int print_status(const nw_report *r)
{
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++) {
        const nw_principle_result *pr;
        const char *de, *en, *sde, *sen;
        int rc;
        if ((rc = nw_report_principle(&pr, r, (nw_principle)p)) != NW_OK ||
            (rc = nw_principle_name(&de, (nw_principle)p, NW_LANG_DE)) != NW_OK ||
            (rc = nw_principle_name(&en, (nw_principle)p, NW_LANG_EN)) != NW_OK ||
            (rc = nw_status_name(&sde, pr->status, NW_LANG_DE)) != NW_OK ||
            (rc = nw_status_name(&sen, pr->status, NW_LANG_EN)) != NW_OK)
            return rc;
        printf("  %-29s %-29s %-10s %-10s %3zu checks, %zu violation(s), %zu warning(s), %zu info(s)\n",
               de, en, sde, sen, pr->checks, pr->violations, pr->warnings, pr->infos);
    }
    return NW_OK;
}

static int print_findings(const nw_report *r)
{
    size_t n;
    int rc = nw_report_finding_count(&n, r);
    if (rc != NW_OK)
        return rc;
    printf("\nBefunde / findings: %zu\n", n);
    for (size_t i = 0; i < n; i++) {
        const nw_finding *f;
        const char *sde, *sen;
        if ((rc = nw_report_finding(&f, r, i)) != NW_OK ||
            (rc = nw_severity_name(&sde, f->severity, NW_LANG_DE)) != NW_OK ||
            (rc = nw_severity_name(&sen, f->severity, NW_LANG_EN)) != NW_OK)
            return rc;
        printf("\n  %s  %s / %s\n    DE: %s\n    EN: %s\n", f->rule, sde, sen, f->message_de, f->message_en);
    }
    return NW_OK;
}

/* The name of a partner, into buf. */
static int partner_name(char *buf, size_t size, nw_network *net, nw_id id)
{
    nw_actor *a;
    const char *name;
    int rc = nw_actor_lookup(&a, net, id);
    if (rc != NW_OK)
        return rc;
    if ((rc = nw_actor_name(&name, a)) == NW_OK)
        snprintf(buf, size, "%s", name);
    nw_actor_free(a);
    return rc;
}

/* The checklist of the cooperation: progress and every item with its state. */
static int print_checklist(nw_network *net, const nw_checklist *cl, nw_date today)
{
    size_t done, agreed, applicable, n;
    int rc;
    if ((rc = nw_checklist_progress(&done, &agreed, &applicable, cl)) != NW_OK ||
        (rc = nw_checklist_item_count(&n, cl)) != NW_OK)
        return rc;
    printf("  %zu erledigt / done, %zu vereinbart / agreed, %zu zutreffend / applicable\n",
           done, agreed, applicable);
    for (size_t i = 0; i < n; i++) {
        nw_id id, partner;
        nw_item_state st;
        const char *label, *state;
        bool overdue;
        if ((rc = nw_checklist_item_at(&id, cl, i)) != NW_OK ||
            (rc = nw_checklist_item_label(&label, cl, id, NW_LANG_DE)) != NW_OK ||
            (rc = nw_checklist_item_state(&st, cl, id)) != NW_OK ||
            (rc = nw_item_state_name(&state, st, NW_LANG_DE)) != NW_OK ||
            (rc = nw_checklist_item_partner(&partner, cl, id)) != NW_OK ||
            (rc = nw_checklist_item_overdue(&overdue, cl, id, today)) != NW_OK)
            return rc;
        printf("  [%-10s] %s", state, label);
        if (partner != NW_ID_NONE) {
            char who[256];
            if ((rc = partner_name(who, sizeof who, net, partner)) != NW_OK)
                return rc;
            printf(": %s", who);
        }
        printf("%s\n", overdue ? "  ÜBERFÄLLIG / OVERDUE" : "");
    }
    return NW_OK;
}

int main(void)
{
    int status = 1;
    nw_network *net = NULL;
    nw_report *report = NULL;
    nw_tie_iter *coops = NULL;
    nw_tie *projekt = NULL;
    nw_checklist *cl = NULL;
    nw_id *pending = NULL;
    size_t npending;
    nw_date today, review;
    const char *name;
    char iso[NW_DATE_BUFSIZE];

    CHECK(example_network_build(&net));
    CHECK(nw_date_parse(&today, EXAMPLE_TODAY));
    CHECK(nw_date_format(iso, sizeof iso, today));
    CHECK(nw_network_name(&name, net));

    /* 1. The report, with the documented default thresholds. */
    nw_validate_options opts = NW_VALIDATE_OPTIONS_INIT;
    CHECK(nw_network_validate(&report, net, today, &opts));
    printf("%s\nPrinzipien der Netzwerkarbeit / principles of network work, Stand / as of %s\n\n", name, iso);
    CHECK(print_status(report));
    CHECK(print_findings(report));
    nw_report_free(report);
    report = NULL;

    /* 2. The cooperation's checklist. */
    CHECK(nw_tie_iter_new(&coops, net, NW_FORM_BIT(NW_FORM_KOOPERATION)));
    CHECK(nw_tie_iter_next(&projekt, coops));
    CHECK(nw_tie_checklist(&cl, projekt));
    CHECK(nw_tie_label(&name, projekt));
    printf("\nCheckliste / checklist: Kooperation „%s“\n", name);
    CHECK(print_checklist(net, cl, today));
    CHECK(nw_checklist_pending(&pending, &npending, cl, today));
    printf("  offen oder überfällig / open or overdue: %zu\n", npending);

    /* 3. The partners agree on every point; the next review is in October. */
    for (size_t i = 0; i < npending; i++)
        CHECK(nw_checklist_item_set_state(cl, pending[i], NW_ITEM_AGREED));
    nw_id controlling;
    CHECK(nw_checklist_find(&controlling, cl, "coop.controlling", NW_ID_NONE));
    CHECK(nw_date_parse(&review, "2025-10-15"));
    CHECK(nw_checklist_item_set_due(cl, controlling, review));
    CHECK(nw_checklist_item_set_note(cl, controlling, "Auswertungstreffen im Jugendzentrum"));
    bool well;
    CHECK(nw_checklist_well_agreed(&well, NULL, NULL, cl, today));
    printf("\nNach dem Vereinbarungstreffen / after the agreement meeting: %s\n\n",
           well ? "gut vereinbart / well agreed" : "noch nicht gut vereinbart / not yet well agreed");
    CHECK(nw_network_validate(&report, net, today, NULL));
    CHECK(print_status(report));
    status = 0;

done:
    nw_free(pending);
    nw_report_free(report);
    nw_checklist_free(cl);
    nw_tie_free(projekt);
    nw_tie_iter_free(coops);
    nw_network_free(net);
    return status;
}
