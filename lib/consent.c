/*
 * Consent records (netzwerk/consent.h) and the one notion of valid consent
 * that the shorthands of actor.h, the Freiwilligkeit rules and the consent
 * filter of saving share.
 */
#include "internal.h"

#include <string.h>

/* ---- records --------------------------------------------------------------- */

static void rec_clear(nw_consent_rec *c)
{
    nw_mem_free(c->purpose);
    nw_mem_free(c->source);
    nw_mem_free(c->text);
    nw_mem_free(c->note);
}

void nw_consent_recs_free(nw_actor_rec *rec)
{
    struct nw_actor_extra *x = rec->extra;
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->nconsents; i++)
        rec_clear(&x->consents[i]);
    nw_mem_free(x->consents);
    x->consents = NULL;
    x->nconsents = x->capconsents = 0;
}

static bool is_general(const char *purpose)
{
    return purpose == NULL || purpose[0] == '\0';
}

/* Stored purposes are NULL for the general purpose. */
static bool same_purpose(const nw_consent_rec *c, const char *purpose)
{
    if (is_general(purpose))
        return c->purpose == NULL;
    return c->purpose != NULL && strcmp(c->purpose, purpose) == 0;
}

nw_consent_rec *nw_consent_general(const nw_actor_rec *rec)
{
    const struct nw_actor_extra *x = nw_actor_rec_extra(rec);
    for (size_t i = x->nconsents; i-- > 0;) {
        nw_consent_rec *c = &x->consents[i];
        if (c->purpose == NULL && c->type == NW_CONSENT_OPT_IN)
            return c;
    }
    return NULL;
}

/* ---- validity ------------------------------------------------------------- */

bool nw_consent_in_force(const nw_consent_rec *c, nw_date d)
{
    return c->given <= d && (c->withdrawn == NW_DATE_NONE || d < c->withdrawn)
        && (c->expires == NW_DATE_NONE || d < c->expires);
}

/* The deciding record for a purpose on d: of those in force, the one given
 * last, and of those given on the same day the one recorded last. */
static const nw_consent_rec *deciding(const nw_actor_rec *rec, const char *purpose, nw_date d)
{
    const nw_consent_rec *best = NULL;
    const struct nw_actor_extra *x = nw_actor_rec_extra(rec);
    for (size_t i = 0; i < x->nconsents; i++) {
        const nw_consent_rec *c = &x->consents[i];
        if (same_purpose(c, purpose) && nw_consent_in_force(c, d)
            && (best == NULL || c->given >= best->given))
            best = c;
    }
    return best;
}

bool nw_consent_valid_on(const nw_actor_rec *rec, const char *purpose, nw_date d)
{
    const nw_consent_rec *c = deciding(rec, purpose, d);
    return c != NULL && c->type == NW_CONSENT_OPT_IN;
}

/* Validity changes only on the days records start or stop being in force.
 * The last such day c <= d with consent valid on c - 1 is the day it
 * stopped; the record that changed on c says why. */
nw_date nw_consent_lapsed(enum nw_consent_end *why, const nw_actor_rec *rec, const char *purpose,
                          nw_date d)
{
    nw_date best = NW_DATE_NONE;
    const struct nw_actor_extra *x = nw_actor_rec_extra(rec);
    for (size_t i = 0; i < x->nconsents; i++) {
        const nw_consent_rec *c = &x->consents[i];
        if (!same_purpose(c, purpose))
            continue;
        const nw_date days[3] = { c->given, c->withdrawn, c->expires };
        for (int k = 0; k < 3; k++) {
            nw_date day = days[k];
            if (day == NW_DATE_NONE || day > d || day <= NW_DATE_MIN
                || (best != NW_DATE_NONE && day <= best))
                continue;
            if (nw_consent_valid_on(rec, purpose, day - 1) && !nw_consent_valid_on(rec, purpose, day))
                best = day;
        }
    }
    if (best == NW_DATE_NONE || why == NULL)
        return best;
    *why = NW_CONSENT_END_OPT_OUT;
    for (size_t i = 0; i < x->nconsents; i++) {
        const nw_consent_rec *c = &x->consents[i];
        if (!same_purpose(c, purpose))
            continue;
        if (c->withdrawn == best) {
            *why = NW_CONSENT_END_WITHDRAWN;
            break;
        }
        if (c->expires == best)
            *why = NW_CONSENT_END_EXPIRED;
    }
    return best;
}

/* ---- public calls ------------------------------------------------------------ */

/* A copy of optional text: NULL for NULL or "". */
static int copy_opt(char **out, const char *text)
{
    *out = NULL;
    if (text == NULL || text[0] == '\0')
        return NW_OK;
    *out = nw_mem_strdup(text);
    return *out != NULL ? NW_OK : NW_ENOMEM;
}

static int check_record(const nw_consent *c)
{
    char d1[NW_DATE_BUFSIZE], d2[NW_DATE_BUFSIZE];
    if (c->version != NW_CONSENT_VERSION)
        return nw_fail(NW_EINVAL, "consent version %u is unknown (this library knows %d)",
                       c->version, NW_CONSENT_VERSION);
    int rc = nw_check_date(c->given, "given");
    if (rc != NW_OK)
        return rc;
    if ((unsigned)c->type > NW_CONSENT_OPT_OUT)
        return nw_fail(NW_EINVAL, "type %d is not a consent type (0 or 1)", (int)c->type);
    if ((rc = nw_check_date_or_none(c->expires, "expires")) != NW_OK
        || (rc = nw_check_date_or_none(c->withdrawn, "withdrawn")) != NW_OK)
        return rc;
    if (c->expires != NW_DATE_NONE && c->expires <= c->given)
        return nw_fail(NW_EINVAL, "expires %s is not after given %s", nw_date_str(d1, c->expires),
                       nw_date_str(d2, c->given));
    if (c->withdrawn != NW_DATE_NONE && c->withdrawn < c->given)
        return nw_fail(NW_EINVAL, "withdrawn %s is before given %s",
                       nw_date_str(d1, c->withdrawn), nw_date_str(d2, c->given));
    if (c->purpose != NULL && (rc = nw_text_check(c->purpose, NW_TEXT_OPTIONAL, "purpose")) != NW_OK)
        return rc;
    if (c->source != NULL && (rc = nw_text_check(c->source, NW_TEXT_OPTIONAL, "source")) != NW_OK)
        return rc;
    if (c->text != NULL && (rc = nw_text_check(c->text, NW_TEXT_FREE, "text")) != NW_OK)
        return rc;
    if (c->note != NULL && (rc = nw_text_check(c->note, NW_TEXT_FREE, "note")) != NW_OK)
        return rc;
    return NW_OK;
}

int nw_consent_add(size_t *out_index, nw_actor *actor, const nw_consent *consent)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    if (consent == NULL)
        return nw_fail(NW_EINVAL, "consent is NULL");
    int rc = check_record(consent);
    if (rc != NW_OK)
        return rc;
    struct nw_actor_extra *x = nw_actor_extra_get(rec);
    if (x == NULL)
        return NW_ENOMEM;
    rc = nw_mem_reserve((void **)&x->consents, &x->capconsents, x->nconsents + 1,
                        sizeof *x->consents);
    if (rc != NW_OK)
        return rc;
    nw_consent_rec c = { consent->given, consent->expires, consent->withdrawn, consent->type,
                         NULL, NULL, NULL, NULL };
    if ((rc = copy_opt(&c.purpose, consent->purpose)) != NW_OK
        || (rc = copy_opt(&c.source, consent->source)) != NW_OK
        || (rc = copy_opt(&c.text, consent->text)) != NW_OK
        || (rc = copy_opt(&c.note, consent->note)) != NW_OK) {
        rec_clear(&c);
        return rc;
    }
    x->consents[x->nconsents] = c;
    if (out_index != NULL)
        *out_index = x->nconsents;
    x->nconsents++;
    nw_network_touch(actor->net);
    return NW_OK;
}

int nw_consent_count(size_t *out, const nw_actor *actor)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    *out = nw_actor_rec_extra(rec)->nconsents;
    return NW_OK;
}

static int check_index(const nw_actor_rec *rec, size_t index)
{
    size_t n = nw_actor_rec_extra(rec)->nconsents;
    if (index >= n)
        return nw_fail(NW_ENOTFOUND, "consent index %zu is out of range (actor %" PRIu32
                       " has %zu)", index, rec->id, n);
    return NW_OK;
}

int nw_consent_get(nw_consent *out, const nw_actor *actor, size_t index)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_index(rec, index);
    if (rc != NW_OK)
        return rc;
    const nw_consent_rec *c = &rec->extra->consents[index]; /* index checked: a block */
    out->version = NW_CONSENT_VERSION;
    out->given = c->given;
    out->type = c->type;
    out->purpose = c->purpose ? c->purpose : "";
    out->source = c->source ? c->source : "";
    out->text = c->text ? c->text : "";
    out->note = c->note ? c->note : "";
    out->expires = c->expires;
    out->withdrawn = c->withdrawn;
    return NW_OK;
}

/* Withdraw one record; the checks and messages that nw_consent_withdraw and
 * nw_actor_consent_withdraw share. */
static int withdraw(nw_network *net, nw_actor_rec *rec, nw_consent_rec *c, nw_date date)
{
    char d1[NW_DATE_BUFSIZE], d2[NW_DATE_BUFSIZE];
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    if (c->withdrawn != NW_DATE_NONE)
        return nw_fail(NW_EINVAL, "actor %" PRIu32 " already withdrew this consent on %s",
                       rec->id, nw_date_str(d1, c->withdrawn));
    if (date < c->given)
        return nw_fail(NW_EINVAL, "date %s is before actor %" PRIu32 " consented on %s",
                       nw_date_str(d1, date), rec->id, nw_date_str(d2, c->given));
    c->withdrawn = date;
    nw_network_touch(net);
    return NW_OK;
}

int nw_consent_withdraw(nw_actor *actor, size_t index, nw_date date)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = check_index(rec, index);
    if (rc != NW_OK)
        return rc;
    return withdraw(actor->net, rec, &rec->extra->consents[index], date); /* checked: a block */
}

int nw_actor_consent_valid(bool *out, const nw_actor *actor, nw_date date, const char *purpose)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date(date, "date");
    if (rc == NW_OK && purpose != NULL)
        rc = nw_text_check(purpose, NW_TEXT_OPTIONAL, "purpose");
    if (rc != NW_OK)
        return rc;
    *out = nw_consent_valid_on(rec, purpose, date);
    return NW_OK;
}

/* ---- the shorthands of actor.h: the general purpose ------------------------ */

int nw_actor_consent_give(nw_actor *actor, nw_date date)
{
    nw_consent c = NW_CONSENT_INIT;
    c.given = date;
    return nw_consent_add(NULL, actor, &c);
}

int nw_actor_consent_withdraw(nw_actor *actor, nw_date date)
{
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    int rc = nw_check_date(date, "date");
    if (rc != NW_OK)
        return rc;
    nw_consent_rec *c = nw_consent_general(rec);
    if (c == NULL)
        return nw_fail(NW_EINVAL, "actor %" PRIu32 " has not consented", rec->id);
    return withdraw(actor->net, rec, c, date);
}

int nw_actor_consent(nw_date *given, nw_date *withdrawn, const nw_actor *actor)
{
    if (given == NULL)
        return nw_fail(NW_EINVAL, "given is NULL");
    if (withdrawn == NULL)
        return nw_fail(NW_EINVAL, "withdrawn is NULL");
    nw_actor_rec *rec = nw_actor_resolve(actor);
    if (rec == NULL)
        return nw_errcode();
    const nw_consent_rec *c = nw_consent_general(rec);
    *given = c ? c->given : NW_DATE_NONE;
    *withdrawn = c ? c->withdrawn : NW_DATE_NONE;
    return NW_OK;
}

int nw_actor_has_consent(bool *out, const nw_actor *actor, nw_date date)
{
    return nw_actor_consent_valid(out, actor, date, NULL);
}
