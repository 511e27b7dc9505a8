/*
 * Tie strength, tie state and "stay in touch", as of a date, read straight
 * from the model; and the analysis options they share with snapshots.
 * The formula is documented in netzwerk/analysis.h and docs/analysis.md.
 */
#include "analysis_internal.h"

#include <math.h>
#include <stdlib.h>

/* ---- options -------------------------------------------------------------- */

static const nw_snapshot_options defaults = NW_SNAPSHOT_OPTIONS_INIT;

int nw_snapshot_options_init(nw_snapshot_options *opts, unsigned int version)
{
    if (opts == NULL)
        return nw_fail(NW_EINVAL, "opts is NULL");
    if (version != NW_SNAPSHOT_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "options version %u is unknown (expected %u)", version,
                       (unsigned)NW_SNAPSHOT_OPTIONS_VERSION);
    *opts = defaults;
    return NW_OK;
}

/* x >= lo and finite (false for NaN). */
static bool at_least(double x, double lo)
{
    return x >= lo && isfinite(x);
}

int nw_options_resolve(nw_snapshot_options *out, const nw_snapshot_options *opts)
{
    if (opts == NULL) {
        *out = defaults;
        return NW_OK;
    }
    if (opts->version != NW_SNAPSHOT_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "options version %u is unknown (expected %u)", opts->version,
                       (unsigned)NW_SNAPSHOT_OPTIONS_VERSION);
    int rc = nw_check_form_mask(opts->form_mask);
    if (rc != NW_OK)
        return rc;
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        const nw_form_params *p = &opts->form[f];
        char letter = (char)('A' + f);
        if (!at_least(p->base, 0.0) || p->base > 1.0)
            return nw_fail(NW_EINVAL, "options form[%c].base must lie in [0, 1]", letter);
        if (!at_least(p->half_life, 0.0) || p->half_life == 0.0)
            return nw_fail(NW_EINVAL, "options form[%c].half_life must be > 0", letter);
        if (p->dormant_after <= 0)
            return nw_fail(NW_EINVAL, "options form[%c].dormant_after must be > 0", letter);
        if (p->touch_ideal < 0 || p->touch_max < 0)
            return nw_fail(NW_EINVAL, "options form[%c].touch_ideal and touch_max must be >= 0", letter);
        if (p->touch_max != 0 && p->touch_max < p->touch_ideal)
            return nw_fail(NW_EINVAL, "options form[%c].touch_max must be 0 or >= touch_ideal", letter);
    }
    if (!at_least(opts->weight_base, 0.0) || !at_least(opts->weight_age, 0.0) ||
        !at_least(opts->weight_tending, 0.0) || !at_least(opts->weight_recency, 0.0))
        return nw_fail(NW_EINVAL, "options weight_* must be finite and >= 0");
    if (opts->weight_base + opts->weight_age + opts->weight_tending + opts->weight_recency <= 0.0)
        return nw_fail(NW_EINVAL, "options weight_* must not all be 0");
    if (!at_least(opts->maturity_half_life, 0.0) || opts->maturity_half_life == 0.0)
        return nw_fail(NW_EINVAL, "options maturity_half_life must be > 0");
    if (!at_least(opts->tending_saturation, 0.0) || opts->tending_saturation == 0.0)
        return nw_fail(NW_EINVAL, "options tending_saturation must be > 0");
    if (!at_least(opts->broker_min_betweenness, 0.0) || opts->broker_min_betweenness > 1.0)
        return nw_fail(NW_EINVAL, "options broker_min_betweenness must lie in [0, 1]");
    if (!at_least(opts->broker_max_constraint, 0.0))
        return nw_fail(NW_EINVAL, "options broker_max_constraint must be >= 0");
    *out = *opts;
    return NW_OK;
}

/* ---- strength and state of a record ----------------------------------------- */

/* 2^(-days / half_life): what is left of something `days` old. */
static double decay(double days, double half_life)
{
    return exp2(-days / half_life);
}

void nw_strength_of(nw_strength_terms *out, const nw_tie_rec *tie, nw_date as_of,
                    const nw_snapshot_options *opts)
{
    nw_strength_terms t = {0.0, 0.0, 0.0, 0.0, 0.0, NW_DATE_NONE, 0};
    if (nw_tie_rec_exists_on(tie, as_of)) {
        const nw_form_params *p = &opts->form[tie->form];
        size_t logged = nw_logged_until(tie, as_of);
        const nw_interaction *log = nw_tie_rec_log(tie);
        double tended = 0.0;
        for (size_t i = 0; i < logged; i++)
            tended += decay((double)as_of - (double)log[i].date, p->half_life);
        t.base = p->base;
        t.age = 1.0 - decay((double)as_of - (double)tie->start, opts->maturity_half_life);
        t.tending = tended / (tended + opts->tending_saturation);
        t.last_contact = nw_last_contact(tie, logged);
        t.recency = decay((double)as_of - (double)t.last_contact, p->half_life);
        t.interactions = logged;
        double wsum = opts->weight_base + opts->weight_age + opts->weight_tending + opts->weight_recency;
        t.strength = (opts->weight_base * t.base + opts->weight_age * t.age +
                      opts->weight_tending * t.tending + opts->weight_recency * t.recency) / wsum;
        /* Rounding must not leave [0, 1]. */
        if (t.strength > 1.0)
            t.strength = 1.0;
    }
    *out = t;
}

/* ---- public entry points ------------------------------------------------------- */

/* Check the output, the handle, the date and the options, in that order. */
static const nw_tie_rec *prepare(nw_snapshot_options *o, const void *out, const nw_tie *tie,
                                 nw_date as_of, const nw_snapshot_options *opts)
{
    if (out == NULL) {
        nw_fail(NW_EINVAL, "out is NULL");
        return NULL;
    }
    const nw_tie_rec *rec = nw_tie_resolve(tie);
    if (rec == NULL)
        return NULL;
    if (nw_check_date(as_of, "as_of") != NW_OK || nw_options_resolve(o, opts) != NW_OK)
        return NULL;
    return rec;
}

int nw_tie_strength_terms(nw_strength_terms *out, const nw_tie *tie, nw_date as_of,
                          const nw_snapshot_options *opts)
{
    nw_snapshot_options o;
    const nw_tie_rec *rec = prepare(&o, out, tie, as_of, opts);
    if (rec == NULL)
        return nw_errcode();
    nw_strength_of(out, rec, as_of, &o);
    return NW_OK;
}

int nw_tie_strength(double *out, const nw_tie *tie, nw_date as_of, const nw_snapshot_options *opts)
{
    nw_snapshot_options o;
    const nw_tie_rec *rec = prepare(&o, out, tie, as_of, opts);
    if (rec == NULL)
        return nw_errcode();
    nw_strength_terms t;
    nw_strength_of(&t, rec, as_of, &o);
    *out = t.strength;
    return NW_OK;
}

int nw_tie_state_get(nw_tie_state *out, const nw_tie *tie, nw_date as_of, const nw_snapshot_options *opts)
{
    nw_snapshot_options o;
    const nw_tie_rec *rec = prepare(&o, out, tie, as_of, opts);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_state_of(rec, as_of, &o);
    return NW_OK;
}

int nw_actor_pair_strength(double *out, size_t *ties, const nw_actor *a, const nw_actor *b,
                           nw_date as_of, const nw_snapshot_options *opts)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    const nw_actor_rec *ra = nw_actor_resolve(a);
    if (ra == NULL)
        return nw_errcode();
    const nw_actor_rec *rb = nw_actor_resolve(b);
    if (rb == NULL)
        return nw_errcode();
    if (a->net != b->net)
        return nw_fail(NW_EINVAL, "actors %" PRIu32 " and %" PRIu32 " belong to different networks",
                       a->id, b->id);
    if (a->id == b->id)
        return nw_fail(NW_EINVAL, "actor %" PRIu32 " given twice", a->id);
    nw_snapshot_options o;
    int rc = nw_check_date(as_of, "as_of");
    if (rc == NW_OK)
        rc = nw_options_resolve(&o, opts);
    if (rc != NW_OK)
        return rc;

    /* Walk the shorter tie list; a tie joins both if b is among its members. */
    const nw_actor_rec *walk = ra->nties <= rb->nties ? ra : rb;
    nw_id other = walk == ra ? b->id : a->id;
    double missing = 1.0; /* product of (1 - S_k) */
    size_t k = 0;
    for (size_t i = 0; i < walk->nties; i++) {
        const nw_tie_rec *t = nw_network_tie_rec(a->net, walk->ties[i]);
        if (t == NULL || !(o.form_mask & NW_FORM_BIT(t->form)) || !nw_tie_rec_exists_on(t, as_of) ||
            !nw_ids_contains(t->members, t->nmembers, other))
            continue;
        nw_strength_terms terms;
        nw_strength_of(&terms, t, as_of, &o);
        missing *= 1.0 - terms.strength;
        k++;
    }
    *out = 1.0 - missing;
    if (ties != NULL)
        *ties = k;
    return NW_OK;
}

/* ---- losing touch ------------------------------------------------------------------ */

static int compare_touch(const void *pa, const void *pb)
{
    const nw_touch *a = pa, *b = pb;
    if (a->last_contact != b->last_contact)
        return a->last_contact < b->last_contact ? -1 : 1;
    return (a->tie > b->tie) - (a->tie < b->tie);
}

int nw_network_losing_touch(nw_touch **out, size_t *count, const nw_network *net, nw_date as_of,
                            const nw_snapshot_options *opts)
{
    if (out == NULL || count == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "count");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_date(as_of, "as_of");
    nw_snapshot_options o;
    if (rc == NW_OK)
        rc = nw_options_resolve(&o, opts);
    if (rc != NW_OK)
        return rc;

    nw_touch *list = NULL;
    size_t n = 0, cap = 0;
    for (uint64_t id = 1; id < net->next_tie_id; id++) {
        const nw_tie_rec *t = net->ties[id];
        if (t == NULL || !(o.form_mask & NW_FORM_BIT(t->form)) || !nw_tie_rec_exists_on(t, as_of))
            continue;
        const nw_form_params *p = &o.form[t->form];
        if (p->touch_ideal == 0)
            continue;
        nw_date last = nw_last_contact(t, nw_logged_until(t, as_of));
        int32_t days = as_of - last;
        if (days <= p->touch_ideal)
            continue;
        if (nw_mem_reserve((void **)&list, &cap, n + 1, sizeof *list) != NW_OK) {
            nw_mem_free(list);
            return NW_ENOMEM;
        }
        list[n].tie = t->id;
        list[n].form = t->form;
        list[n].last_contact = last;
        list[n].days = days;
        list[n].overdue = p->touch_max != 0 && days > p->touch_max;
        n++;
    }
    if (n > 1)
        qsort(list, n, sizeof *list, compare_touch);
    *out = list;
    *count = n;
    return NW_OK;
}
