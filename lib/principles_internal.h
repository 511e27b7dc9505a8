/*
 * Principle validation inside the library: the report under construction
 * (principles_report.c), a growing text buffer for the bilingual messages,
 * and what the rules (principles_rules.c) hand to the report. Not installed.
 */
#ifndef NW_PRINCIPLES_INTERNAL_H
#define NW_PRINCIPLES_INTERNAL_H

#include "internal.h"

struct nw_report {
    nw_date as_of;
    nw_finding *findings;   /* messages owned by the report */
    size_t nfindings, capfindings;
    nw_principle_result results[NW_PRINCIPLE_COUNT];
};

/* ---- text buffer (principles_report.c) -----------------------------------
 * Appends never fail on their own: an allocation failure makes the buffer
 * `failed`, later appends do nothing, and the caller checks once at the end. */
typedef struct nw_sbuf {
    char *buf;
    size_t len, cap;
    bool failed;
} nw_sbuf;

void nw_sbuf_printf(nw_sbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void nw_sbuf_puts(nw_sbuf *sb, const char *s);
void nw_sbuf_clear(nw_sbuf *sb);
/* Hand the text over (NULL, with NW_ENOMEM recorded, if the buffer failed). */
char *nw_sbuf_take(nw_sbuf *sb);

/* ---- report (principles_report.c) ---------------------------------------- */

nw_report *nw_report_new(nw_date as_of);
/* Append a finding of `rule` with the messages built in de and en (both
 * cleared, success or not). NW_ENOMEM if memory ran out. */
int nw_report_add(nw_report *r, const nw_rule *rule, nw_id actor, nw_id tie, nw_id item,
                  nw_sbuf *de, nw_sbuf *en);
/* Add `checks` examined subjects to the rule's principle. */
void nw_report_count_checks(nw_report *r, nw_principle p, size_t checks);
/* Set every principle's status from its counts. */
void nw_report_finish(nw_report *r);

#endif
