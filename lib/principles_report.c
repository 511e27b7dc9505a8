/*
 * The validation report: a frozen, self-contained list of findings with
 * their messages, and a status per principle. It holds no reference to the
 * network, so it outlives any change to it.
 */
#include "principles_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- text buffer ---------------------------------------------------------- */

static bool sbuf_room(nw_sbuf *sb, size_t more)
{
    if (sb->failed)
        return false;
    if (nw_mem_reserve((void **)&sb->buf, &sb->cap, sb->len + more + 1, 1) != NW_OK) {
        sb->failed = true;
        return false;
    }
    return true;
}

void nw_sbuf_printf(nw_sbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        sb->failed = true;
        return;
    }
    if (!sbuf_room(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

void nw_sbuf_puts(nw_sbuf *sb, const char *s)
{
    size_t n = strlen(s);
    if (!sbuf_room(sb, n))
        return;
    memcpy(sb->buf + sb->len, s, n + 1);
    sb->len += n;
}

void nw_sbuf_clear(nw_sbuf *sb)
{
    nw_mem_free(sb->buf);
    memset(sb, 0, sizeof *sb);
}

char *nw_sbuf_take(nw_sbuf *sb)
{
    if (sb->failed || !sbuf_room(sb, 0)) {
        nw_sbuf_clear(sb);
        nw_fail(NW_ENOMEM, "out of memory while writing a message");
        return NULL;
    }
    sb->buf[sb->len] = '\0';
    char *s = sb->buf;
    memset(sb, 0, sizeof *sb);
    return s;
}

/* ---- building ------------------------------------------------------------- */

nw_report *nw_report_new(nw_date as_of)
{
    nw_report *r = nw_mem_calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->as_of = as_of;
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++)
        r->results[p].principle = (nw_principle)p;
    return r;
}

int nw_report_add(nw_report *r, const nw_rule *rule, nw_id actor, nw_id tie, nw_id item,
                  nw_sbuf *de, nw_sbuf *en)
{
    char *mde = nw_sbuf_take(de);
    char *men = nw_sbuf_take(en);
    if (!mde || !men ||
        nw_mem_reserve((void **)&r->findings, &r->capfindings, r->nfindings + 1, sizeof *r->findings) != NW_OK) {
        nw_mem_free(mde);
        nw_mem_free(men);
        return nw_fail(NW_ENOMEM, "out of memory while building the report");
    }
    nw_finding *f = &r->findings[r->nfindings++];
    memset(f, 0, sizeof *f);
    f->rule = rule->code;
    f->principle = rule->principle;
    f->severity = rule->severity;
    f->subject = rule->subject;
    f->actor = actor;
    f->tie = tie;
    f->item = item;
    f->message_de = mde;
    f->message_en = men;

    nw_principle_result *pr = &r->results[rule->principle];
    switch (rule->severity) {
    case NW_SEVERITY_INFO: pr->infos++; break;
    case NW_SEVERITY_WARNING: pr->warnings++; break;
    case NW_SEVERITY_VIOLATION: pr->violations++; break;
    }
    return NW_OK;
}

void nw_report_count_checks(nw_report *r, nw_principle p, size_t checks)
{
    r->results[p].checks += checks;
}

void nw_report_finish(nw_report *r)
{
    for (int p = 0; p < NW_PRINCIPLE_COUNT; p++) {
        nw_principle_result *pr = &r->results[p];
        pr->status = pr->violations ? NW_STATUS_VIOLATED
                   : pr->warnings   ? NW_STATUS_AT_RISK
                                    : NW_STATUS_FULFILLED;
    }
}

/* ---- public --------------------------------------------------------------- */

void nw_report_free(nw_report *report)
{
    if (!report)
        return;
    for (size_t i = 0; i < report->nfindings; i++) {
        /* The report owns its messages; the struct shows them as const. */
        nw_mem_free((void *)(uintptr_t)report->findings[i].message_de);
        nw_mem_free((void *)(uintptr_t)report->findings[i].message_en);
    }
    nw_mem_free(report->findings);
    nw_mem_free(report);
}

int nw_report_as_of(nw_date *out, const nw_report *report)
{
    if (!out || !report)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "report");
    *out = report->as_of;
    return NW_OK;
}

int nw_report_finding_count(size_t *out, const nw_report *report)
{
    if (!out || !report)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "report");
    *out = report->nfindings;
    return NW_OK;
}

int nw_report_finding(const nw_finding **out, const nw_report *report, size_t index)
{
    if (!out || !report)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "report");
    if (index >= report->nfindings)
        return nw_fail(NW_ENOTFOUND, "finding index %zu out of range (report has %zu)",
                       index, report->nfindings);
    *out = &report->findings[index];
    return NW_OK;
}

int nw_report_principle(const nw_principle_result **out, const nw_report *report, nw_principle p)
{
    if (!out || !report)
        return nw_fail(NW_EINVAL, "%s is NULL", !out ? "out" : "report");
    if ((unsigned)p >= NW_PRINCIPLE_COUNT)
        return nw_fail(NW_EINVAL, "unknown principle %d", (int)p);
    *out = &report->results[p];
    return NW_OK;
}
