/*
 * The rules of principle validation and nw_network_validate(). Each rule
 * reads the model as of a date and adds findings with a German and an English
 * message. docs/principles.md lists every rule with the sentence of the seed
 * it rests on; tests/unit/test_rules_doc.c keeps the two in step.
 */
#include "principles_internal.h"
#include "checklist_rec.h"

#include <inttypes.h>
#include <string.h>

typedef struct ctx {
    const nw_network *net;
    nw_date as_of;
    const nw_validate_options *o;
    nw_report *rep;
    const nw_rule *rule;   /* the rule running */
    size_t checks;         /* subjects it examined */
    nw_sbuf de, en;        /* the messages of the finding being written */
} ctx;

/* ---- reading the model as of a date -------------------------------------- */

static bool actor_present(const nw_actor_rec *a, nw_date d)
{
    return a->joined == NW_DATE_NONE || a->joined <= d;
}

static bool tie_exists(const nw_tie_rec *t, nw_date d)
{
    return t->start <= d && (t->end == NW_DATE_NONE || d <= t->end);
}

static bool strong(nw_form f)
{
    return f == NW_FORM_KOOPERATION || f == NW_FORM_GRUPPE;
}

/* The date of the last interaction on or before d, or NW_DATE_NONE. */
static nw_date last_interaction(const nw_tie_rec *t, nw_date d)
{
    nw_date last = NW_DATE_NONE;
    const nw_interaction *log = nw_tie_rec_log(t);
    for (size_t i = 0; i < nw_tie_rec_nlog(t) && log[i].date <= d; i++)
        last = log[i].date;
    return last;
}

/* Actors and ties are visited in order of identity, skipping removed ones.
 * `continue` and `return` work in the body; `break` would not leave the walk. */
#define FOR_ACTORS(net, a)                                                   \
    for (uint64_t a##_id = 1; a##_id < (net)->next_actor_id; a##_id++)       \
        for (const nw_actor_rec *a = nw_network_actor_rec((net), (nw_id)a##_id); a; a = NULL)
#define FOR_TIES(net, t)                                                     \
    for (uint64_t t##_id = 1; t##_id < (net)->next_tie_id; t##_id++)         \
        for (const nw_tie_rec *t = nw_network_tie_rec((net), (nw_id)t##_id); t; t = NULL)

static const nw_item_rec *find_item(const nw_tie_rec *t, const char *code)
{
    const nw_checklist_rec *cl = nw_tie_rec_checklist(t);
    for (size_t i = 0; cl && i < cl->nitems; i++)
        if (cl->items[i].builtin && strcmp(cl->items[i].builtin->code, code) == 0)
            return &cl->items[i];
    return NULL;
}

/* ---- writing messages ------------------------------------------------------ */

/* How many names a list shows before "and N more". */
#define LIST_MAX 4

static void put_quoted(nw_sbuf *sb, nw_lang lang, const char *s)
{
    nw_sbuf_printf(sb, lang == NW_LANG_DE ? "„%s“" : "“%s”", s);
}

/* German readers expect 15.01.2026; English gets ISO 8601. */
static void put_date(nw_sbuf *sb, nw_lang lang, nw_date d)
{
    int y, m, day;
    if (nw_date_to_ymd(&y, &m, &day, d) != NW_OK)
        nw_sbuf_puts(sb, "?");
    else if (lang == NW_LANG_DE)
        nw_sbuf_printf(sb, "%02d.%02d.%04d", day, m, y);
    else
        nw_sbuf_printf(sb, "%04d-%02d-%02d", y, m, day);
}

static void put_more(nw_sbuf *sb, nw_lang lang, size_t rest)
{
    if (rest > 0)
        nw_sbuf_printf(sb, lang == NW_LANG_DE ? " und %zu weitere" : " and %zu more", rest);
}

static void put_actor(nw_sbuf *sb, nw_lang lang, const nw_network *net, nw_id id)
{
    const nw_actor_rec *a = nw_network_actor_rec(net, id);
    if (a)
        put_quoted(sb, lang, a->name);
    else
        nw_sbuf_printf(sb, lang == NW_LANG_DE ? "Akteur*in %" PRIu32 : "actor %" PRIu32, id);
}

/* "Kooperation „Label“" or "Kooperation Nr. 5"; in English lower case
 * unless it starts the sentence. With members: " (A, B und 2 weitere)". */
static void put_tie(nw_sbuf *sb, nw_lang lang, const nw_network *net, const nw_tie_rec *t,
                    bool start, bool members)
{
    const char *form = "?";
    nw_form_name(&form, t->form, lang);
    if (lang == NW_LANG_EN && !start && form[0] >= 'A' && form[0] <= 'Z') {
        nw_sbuf_printf(sb, "%c", form[0] - 'A' + 'a'); /* ASCII, whatever the locale */
        nw_sbuf_puts(sb, form + 1);
    } else {
        nw_sbuf_puts(sb, form);
    }
    if (nw_tie_rec_label(t)[0]) {
        nw_sbuf_puts(sb, " ");
        put_quoted(sb, lang, nw_tie_rec_label(t));
    } else {
        nw_sbuf_printf(sb, lang == NW_LANG_DE ? " Nr. %" PRIu32 : " no. %" PRIu32, t->id);
    }
    if (!members)
        return;
    nw_sbuf_puts(sb, " (");
    for (size_t i = 0; i < t->nmembers && i < LIST_MAX; i++) {
        const nw_actor_rec *a = nw_network_actor_rec(net, t->members[i]);
        nw_sbuf_printf(sb, "%s%s", i ? ", " : "", a ? a->name : "?");
    }
    put_more(sb, lang, t->nmembers > LIST_MAX ? t->nmembers - LIST_MAX : 0);
    nw_sbuf_puts(sb, ")");
}

/* Both messages start with the tie and its members. */
static void start_tie(ctx *c, const nw_tie_rec *t)
{
    put_tie(&c->de, NW_LANG_DE, c->net, t, true, true);
    put_tie(&c->en, NW_LANG_EN, c->net, t, true, true);
}

static void start_actor(ctx *c, const nw_actor_rec *a)
{
    put_quoted(&c->de, NW_LANG_DE, a->name);
    put_quoted(&c->en, NW_LANG_EN, a->name);
}

static void start_network(ctx *c)
{
    nw_sbuf_puts(&c->de, "Netzwerk ");
    put_quoted(&c->de, NW_LANG_DE, c->net->name);
    nw_sbuf_puts(&c->en, "Network ");
    put_quoted(&c->en, NW_LANG_EN, c->net->name);
}

static void put_strings(nw_sbuf *sb, nw_lang lang, const nw_strset *set)
{
    for (size_t i = 0; i < set->len && i < LIST_MAX; i++)
        nw_sbuf_printf(sb, "%s%s", i ? ", " : "", set->items[i]);
    put_more(sb, lang, set->len > LIST_MAX ? set->len - LIST_MAX : 0);
}

/* Same text in both languages. */
static void both(ctx *c, const char *de, const char *en)
{
    nw_sbuf_puts(&c->de, de);
    nw_sbuf_puts(&c->en, en);
}

static void both_date(ctx *c, nw_date d)
{
    put_date(&c->de, NW_LANG_DE, d);
    put_date(&c->en, NW_LANG_EN, d);
}

static int emit(ctx *c, nw_id actor, nw_id tie, nw_id item)
{
    return nw_report_add(c->rep, c->rule, actor, tie, item, &c->de, &c->en);
}

/* ---- Freiwilligkeit ---------------------------------------------------------- */

static int frei_001(ctx *c)
{
    FOR_ACTORS(c->net, a) {
        if (!actor_present(a, c->as_of))
            continue;
        c->checks++;
        /* Missing: not valid now and never valid before (a consent that
         * ended is FREI-002's). One notion of consent: netzwerk/consent.h. */
        if (nw_consent_valid_on(a, NULL, c->as_of)
            || nw_consent_lapsed(NULL, a, NULL, c->as_of) != NW_DATE_NONE)
            continue;
        start_actor(c, a);
        both(c, ": keine Einwilligung zur Teilnahme erfasst.", ": no consent to take part is recorded.");
        int rc = emit(c, a->id, NW_ID_NONE, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

/* A tie the actor is still in after withdrawing on `withdrawn`. */
static bool still_in(const nw_tie_rec *t, nw_date as_of, nw_date withdrawn)
{
    return tie_exists(t, as_of) && (t->end == NW_DATE_NONE || t->end > withdrawn);
}

static int frei_002(ctx *c)
{
    FOR_ACTORS(c->net, a) {
        if (!actor_present(a, c->as_of))
            continue;
        c->checks++;
        if (nw_consent_valid_on(a, NULL, c->as_of))
            continue;
        enum nw_consent_end why = NW_CONSENT_END_WITHDRAWN;
        nw_date w = nw_consent_lapsed(&why, a, NULL, c->as_of); /* the day it ended */
        if (w == NW_DATE_NONE)
            continue;
        size_t n = 0;
        for (size_t i = 0; i < a->nties; i++)
            n += still_in(nw_network_tie_rec(c->net, a->ties[i]), c->as_of, w);
        if (n == 0)
            continue;
        static const char *const de_head[] = { ": Einwilligung am ", ": Einwilligung am ",
                                               ": Widerspruch (Opt-out) am " };
        static const char *const de_verb[] = { " widerrufen", " abgelaufen", " erklärt" };
        static const char *const en_head[] = { ": consent withdrawn on ", ": consent expired on ",
                                               ": opted out on " };
        start_actor(c, a);
        both(c, de_head[why], en_head[why]);
        both_date(c, w);
        nw_sbuf_puts(&c->de, de_verb[why]);
        if (n == 1) {
            both(c, ", aber noch Mitglied einer bestehenden Beziehung: ",
                 ", but still a member of an active tie: ");
        } else {
            nw_sbuf_printf(&c->de, ", aber noch Mitglied in %zu bestehenden Beziehungen: ", n);
            nw_sbuf_printf(&c->en, ", but still a member of %zu active ties: ", n);
        }
        for (size_t i = 0, k = 0; i < a->nties && k < LIST_MAX; i++) {
            const nw_tie_rec *t = nw_network_tie_rec(c->net, a->ties[i]);
            if (!still_in(t, c->as_of, w))
                continue;
            if (k++)
                both(c, "; ", "; ");
            put_tie(&c->de, NW_LANG_DE, c->net, t, false, false);
            put_tie(&c->en, NW_LANG_EN, c->net, t, false, false);
        }
        put_more(&c->de, NW_LANG_DE, n > LIST_MAX ? n - LIST_MAX : 0);
        put_more(&c->en, NW_LANG_EN, n > LIST_MAX ? n - LIST_MAX : 0);
        both(c, ".", ".");
        int rc = emit(c, a->id, NW_ID_NONE, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int frei_003(ctx *c)
{
    FOR_TIES(c->net, t) {
        if (!tie_exists(t, c->as_of))
            continue;
        c->checks++;
        if (!t->imposed)
            continue;
        start_tie(c, t);
        both(c, ": von außen verordnet statt freiwillig eingegangen.",
             ": imposed from outside rather than entered freely.");
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

/* ---- Geteiltes Interesse/Thema ------------------------------------------------ */

static int thema_001(ctx *c)
{
    c->checks++;
    if (c->net->topics.len > 0)
        return NW_OK;
    start_network(c);
    both(c, ": kein gemeinsames Thema benannt.", ": no shared topic is named.");
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

static bool shares_topic(const nw_strset *set, const nw_strset *topics)
{
    for (size_t i = 0; i < set->len; i++)
        if (nw_strset_find(topics, set->items[i]) >= 0)
            return true;
    return false;
}

static void put_network_topics(ctx *c)
{
    put_strings(&c->de, NW_LANG_DE, &c->net->topics);
    put_strings(&c->en, NW_LANG_EN, &c->net->topics);
}

static int thema_002(ctx *c)
{
    if (c->net->topics.len == 0)
        return NW_OK;
    FOR_ACTORS(c->net, a) {
        const nw_strset *interests = &nw_actor_rec_extra(a)->interests;
        if (!actor_present(a, c->as_of) || interests->len == 0)
            continue;
        c->checks++;
        if (shares_topic(interests, &c->net->topics))
            continue;
        start_actor(c, a);
        both(c, ": keines der Interessen (", ": none of the interests (");
        put_strings(&c->de, NW_LANG_DE, interests);
        put_strings(&c->en, NW_LANG_EN, interests);
        both(c, ") gehört zu den Themen des Netzwerks (", ") is among the network's topics (");
        put_network_topics(c);
        both(c, ").", ").");
        int rc = emit(c, a->id, NW_ID_NONE, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int thema_003(ctx *c)
{
    if (c->net->topics.len == 0)
        return NW_OK;
    FOR_TIES(c->net, t) {
        if (!strong(t->form) || !tie_exists(t, c->as_of) || nw_tie_rec_topics(t)->len == 0)
            continue;
        c->checks++;
        if (shares_topic(nw_tie_rec_topics(t), &c->net->topics))
            continue;
        start_tie(c, t);
        both(c, ": keines ihrer Themen (", ": none of its topics (");
        put_strings(&c->de, NW_LANG_DE, nw_tie_rec_topics(t));
        put_strings(&c->en, NW_LANG_EN, nw_tie_rec_topics(t));
        both(c, ") gehört zu den Themen des Netzwerks (", ") is among the network's topics (");
        put_network_topics(c);
        both(c, ").", ").");
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int thema_004(ctx *c)
{
    FOR_ACTORS(c->net, a) {
        if (!actor_present(a, c->as_of))
            continue;
        c->checks++;
        if (nw_actor_rec_extra(a)->interests.len > 0)
            continue;
        start_actor(c, a);
        both(c, ": keine Interessen erfasst; ob das Interesse geteilt wird, lässt sich nicht prüfen.",
             ": no interests recorded; whether the interest is shared cannot be checked.");
        int rc = emit(c, a->id, NW_ID_NONE, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

/* ---- Langfristiges Investment ------------------------------------------------- */

static int lang_001(ctx *c)
{
    FOR_TIES(c->net, t) {
        int limit = c->o->dormant_days[t->form];
        if (limit == 0 || !tie_exists(t, c->as_of))
            continue;
        nw_date last = last_interaction(t, c->as_of);
        if (last == NW_DATE_NONE && t->form == NW_FORM_KONTAKT)
            continue; /* never kept up: LANG-002 */
        c->checks++;
        nw_date since = last != NW_DATE_NONE ? last : t->start;
        int32_t days = c->as_of - since;
        if (days <= limit)
            continue;
        start_tie(c, t);
        if (last != NW_DATE_NONE) {
            nw_sbuf_printf(&c->de, ": seit %" PRId32 " Tagen keine Interaktion (letzte am ", days);
            nw_sbuf_printf(&c->en, ": no interaction for %" PRId32 " days (last on ", days);
            both_date(c, last);
        } else {
            both(c, ": keine Interaktion seit Beginn am ", ": no interaction since it began on ");
            both_date(c, t->start);
            nw_sbuf_printf(&c->de, " (%" PRId32 " Tage", days);
            nw_sbuf_printf(&c->en, " (%" PRId32 " days", days);
        }
        nw_sbuf_printf(&c->de, "; Schwelle %d Tage).", limit);
        nw_sbuf_printf(&c->en, "; threshold %d days).", limit);
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int lang_002(ctx *c)
{
    int grace = c->o->contact_grace_days;
    if (grace == 0)
        return NW_OK;
    FOR_TIES(c->net, t) {
        if (t->form != NW_FORM_KONTAKT || !tie_exists(t, c->as_of) ||
            last_interaction(t, c->as_of) != NW_DATE_NONE)
            continue;
        c->checks++;
        int32_t days = c->as_of - t->start;
        if (days <= grace)
            continue;
        start_tie(c, t);
        both(c, ": seit Beginn am ", ": never kept up since it began on ");
        both_date(c, t->start);
        nw_sbuf_printf(&c->de, " (vor %" PRId32 " Tagen) nie gepflegt.", days);
        nw_sbuf_printf(&c->en, " (%" PRId32 " days ago).", days);
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int lang_003(ctx *c)
{
    int young = c->o->young_days;
    if (young == 0)
        return NW_OK;
    c->checks++;
    size_t n = 0;
    FOR_TIES(c->net, t) {
        if (!strong(t->form) || !tie_exists(t, c->as_of))
            continue;
        if (c->as_of - t->start >= young)
            return NW_OK; /* one tie that has grown is enough */
        n++;
    }
    start_network(c);
    if (n == 0) {
        both(c, ": keine Kooperation und keine Gruppe; langfristige Bindungen fehlen.",
             ": no cooperation and no group; long-term ties are missing.");
        return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
    }
    if (n == 1) {
        nw_sbuf_printf(&c->de, ": die einzige starke Bindung ist jünger als %d Tage: ", young);
        nw_sbuf_printf(&c->en, ": the only strong tie is younger than %d days: ", young);
    } else if (n == 2) {
        nw_sbuf_printf(&c->de, ": beide starken Bindungen sind jünger als %d Tage: ", young);
        nw_sbuf_printf(&c->en, ": both strong ties are younger than %d days: ", young);
    } else {
        nw_sbuf_printf(&c->de, ": alle %zu starken Bindungen sind jünger als %d Tage: ", n, young);
        nw_sbuf_printf(&c->en, ": all %zu strong ties are younger than %d days: ", n, young);
    }
    size_t k = 0;
    FOR_TIES(c->net, t) {
        if (!strong(t->form) || !tie_exists(t, c->as_of) || k == LIST_MAX)
            continue;
        if (k++)
            both(c, "; ", "; ");
        put_tie(&c->de, NW_LANG_DE, c->net, t, false, false);
        put_tie(&c->en, NW_LANG_EN, c->net, t, false, false);
    }
    put_more(&c->de, NW_LANG_DE, n > LIST_MAX ? n - LIST_MAX : 0);
    put_more(&c->en, NW_LANG_EN, n > LIST_MAX ? n - LIST_MAX : 0);
    both(c, ".", ".");
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

static int lang_004(ctx *c)
{
    FOR_TIES(c->net, t) {
        const nw_item_rec *it;
        if (t->form != NW_FORM_GRUPPE || !tie_exists(t, c->as_of) ||
            !(it = find_item(t, "group.resources")))
            continue;
        c->checks++;
        if (it->state == NW_ITEM_AGREED || it->state == NW_ITEM_DONE)
            continue;
        const char *sde = "?", *sen = "?";
        nw_item_state_name(&sde, it->state, NW_LANG_DE);
        nw_item_state_name(&sen, it->state, NW_LANG_EN);
        start_tie(c, t);
        nw_sbuf_printf(&c->de, ": langfristige Ressourcen sind nicht gesichert (%s).", sde);
        nw_sbuf_printf(&c->en, ": long-term resources are not secured (%s).", sen);
        int rc = emit(c, NW_ID_NONE, t->id, it->id);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

/* ---- Dynamik und Offenheit ----------------------------------------------------- */

/* The first day of the window of `days` days that ends on as_of. */
static nw_date window_start(ctx *c, int days)
{
    int64_t d = (int64_t)c->as_of - days + 1;
    return d < NW_DATE_MIN ? NW_DATE_MIN : (nw_date)d;
}

/* ": in den letzten 180 Tagen (seit 01.03.2026)" and " in the last 180 days (since 2026-03-01)". */
static void put_window(nw_sbuf *sb, nw_lang lang, ctx *c, int days)
{
    nw_sbuf_printf(sb, lang == NW_LANG_DE ? "in den letzten %d Tagen (seit " : "in the last %d days (since ", days);
    put_date(sb, lang, window_start(c, days));
    nw_sbuf_puts(sb, ")");
}

/* When an actor arrived: its joining date, else the start of its first tie. */
static nw_date arrival(const nw_network *net, const nw_actor_rec *a)
{
    if (a->joined != NW_DATE_NONE)
        return a->joined;
    nw_date first = NW_DATE_NONE;
    for (size_t i = 0; i < a->nties; i++) {
        const nw_tie_rec *t = nw_network_tie_rec(net, a->ties[i]);
        if (t && (first == NW_DATE_NONE || t->start < first))
            first = t->start;
    }
    return first;
}

static bool in_window(ctx *c, nw_date d, int days)
{
    return d != NW_DATE_NONE && d >= window_start(c, days) && d <= c->as_of;
}

static int dyn_001(ctx *c)
{
    int w = c->o->new_window_days;
    if (w == 0)
        return NW_OK;
    c->checks++;
    FOR_ACTORS(c->net, a)
        if (in_window(c, arrival(c->net, a), w))
            return NW_OK;
    start_network(c);
    nw_sbuf_puts(&c->de, ": ");
    put_window(&c->de, NW_LANG_DE, c, w);
    nw_sbuf_puts(&c->de, " keine neuen Akteur*innen hinzugekommen.");
    nw_sbuf_puts(&c->en, ": no new actor has joined ");
    put_window(&c->en, NW_LANG_EN, c, w);
    nw_sbuf_puts(&c->en, ".");
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

static bool encounter_in_window(ctx *c, const nw_tie_rec *t, int w)
{
    if (in_window(c, t->start, w))
        return true;
    const nw_interaction *log = nw_tie_rec_log(t);
    for (size_t i = 0; i < nw_tie_rec_nlog(t); i++)
        if (in_window(c, log[i].date, w))
            return true;
    return false;
}

static int dyn_002(ctx *c)
{
    int w = c->o->new_window_days;
    if (w == 0)
        return NW_OK;
    c->checks++;
    FOR_TIES(c->net, t)
        if (t->form == NW_FORM_BEGEGNUNG && encounter_in_window(c, t, w))
            return NW_OK;
    start_network(c);
    nw_sbuf_puts(&c->de, ": ");
    put_window(&c->de, NW_LANG_DE, c, w);
    nw_sbuf_puts(&c->de, " keine Begegnung.");
    nw_sbuf_puts(&c->en, ": no encounter ");
    put_window(&c->en, NW_LANG_EN, c, w);
    nw_sbuf_puts(&c->en, ".");
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

/* The core: the members of the cooperations and groups that exist on the date. */
static int dyn_003(ctx *c)
{
    const nw_network *net = c->net;
    bool *core = nw_mem_calloc((size_t)net->next_actor_id, sizeof *core);
    if (!core)
        return NW_ENOMEM;
    size_t k = 0;
    FOR_TIES(net, t) {
        if (!strong(t->form) || !tie_exists(t, c->as_of))
            continue;
        for (size_t i = 0; i < t->nmembers; i++)
            if (!core[t->members[i]]) {
                core[t->members[i]] = true;
                k++;
            }
    }
    bool open = false;
    FOR_TIES(net, t) {
        if (open || strong(t->form) || !tie_exists(t, c->as_of))
            continue;
        bool in = false, out = false;
        for (size_t i = 0; i < t->nmembers; i++)
            *(core[t->members[i]] ? &in : &out) = true;
        open = in && out;
    }
    nw_mem_free(core);
    if (k == 0)
        return NW_OK; /* no core, nothing to be closed */
    c->checks++;
    if (open)
        return NW_OK;
    start_network(c);
    nw_sbuf_printf(&c->de, ": keine schwache Bindung (Begegnung, Kontakt) verbindet den Kern der %zu "
                   "Akteur*innen in Kooperationen und Gruppen mit Akteur*innen außerhalb.", k);
    nw_sbuf_printf(&c->en, ": no weak tie (encounter, contact) connects the core of %zu actors in "
                   "cooperations and groups with actors outside it.", k);
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

/* ---- Ziel- und Nutzenorientierung ----------------------------------------------- */

static int ziel_001(ctx *c)
{
    c->checks++;
    if (c->net->goals.len > 0)
        return NW_OK;
    start_network(c);
    both(c, ": keine Ziele benannt.", ": no goals are named.");
    return emit(c, NW_ID_NONE, NW_ID_NONE, NW_ID_NONE);
}

/* One unsettled item with why: "Controlling: ... (überfällig seit 15.01.2026)". */
static void put_reason(nw_sbuf *sb, nw_lang lang, ctx *c, const nw_item_rec *it)
{
    bool de = lang == NW_LANG_DE;
    nw_sbuf_puts(sb, nw_item_label(it, lang));
    if (it->partner != NW_ID_NONE) {
        nw_sbuf_puts(sb, " ");
        put_actor(sb, lang, c->net, it->partner);
    }
    if (it->state == NW_ITEM_OPEN) {
        nw_sbuf_puts(sb, de ? " (offen)" : " (open)");
    } else if (it->state == NW_ITEM_NOT_APPLICABLE) {
        nw_sbuf_puts(sb, de ? " (entfällt, ist aber unverzichtbar)" : " (not applicable, but essential)");
    } else if (nw_item_overdue(it, c->as_of)) {
        nw_sbuf_puts(sb, de ? " (überfällig seit " : " (overdue since ");
        put_date(sb, lang, it->due);
        nw_sbuf_puts(sb, ")");
    } else {
        nw_sbuf_puts(sb, de ? " (kein Termin)" : " (no date set)");
    }
}

static int ziel_002(ctx *c)
{
    FOR_TIES(c->net, t) {
        if (t->form != NW_FORM_KOOPERATION || !tie_exists(t, c->as_of) || !nw_tie_rec_checklist(t))
            continue;
        c->checks++;
        const nw_checklist_rec *cl = nw_tie_rec_checklist(t);
        size_t k = 0;
        for (size_t i = 0; i < cl->nitems; i++) {
            const nw_item_rec *it = &cl->items[i];
            if (nw_item_settled(it, c->as_of))
                continue;
            if (k++ == 0) {
                start_tie(c, t);
                both(c, ": nicht gut vereinbart; ungeklärt: ", ": not well agreed; unsettled: ");
            } else {
                both(c, "; ", "; ");
            }
            put_reason(&c->de, NW_LANG_DE, c, it);
            put_reason(&c->en, NW_LANG_EN, c, it);
        }
        if (k == 0)
            continue;
        both(c, ".", ".");
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int ziel_003(ctx *c)
{
    FOR_TIES(c->net, t) {
        if (t->form != NW_FORM_KOOPERATION || !tie_exists(t, c->as_of) || !nw_tie_rec_checklist(t))
            continue;
        const nw_checklist_rec *cl = nw_tie_rec_checklist(t);
        for (size_t i = 0; i < cl->nitems; i++) {
            const nw_item_rec *it = &cl->items[i];
            if (!it->builtin || !it->builtin->per_partner)
                continue;
            c->checks++;
            if (it->state == NW_ITEM_AGREED || it->state == NW_ITEM_DONE)
                continue;
            start_tie(c, t);
            nw_sbuf_puts(&c->de, ": Beitrag und Nutzen von ");
            put_actor(&c->de, NW_LANG_DE, c->net, it->partner);
            nw_sbuf_puts(&c->de, " sind nicht festgehalten.");
            nw_sbuf_puts(&c->en, ": the contribution and benefit of ");
            put_actor(&c->en, NW_LANG_EN, c->net, it->partner);
            nw_sbuf_puts(&c->en, " are not stated.");
            int rc = emit(c, it->partner, t->id, it->id);
            if (rc != NW_OK)
                return rc;
        }
    }
    return NW_OK;
}

static int ziel_004(ctx *c)
{
    FOR_TIES(c->net, t) {
        const nw_item_rec *it;
        if (t->form != NW_FORM_GRUPPE || !tie_exists(t, c->as_of) ||
            !(it = find_item(t, "group.relevance")))
            continue;
        c->checks++;
        if (it->due != NW_DATE_NONE && it->due >= c->as_of)
            continue;
        start_tie(c, t);
        if (it->due == NW_DATE_NONE) {
            both(c, ": kein Termin für die nächste Relevanzprüfung.",
                 ": no date set for the next relevance review.");
        } else {
            both(c, ": Relevanzprüfung seit ", ": relevance review overdue since ");
            both_date(c, it->due);
            both(c, " überfällig.", ".");
        }
        int rc = emit(c, NW_ID_NONE, t->id, it->id);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int ziel_005(ctx *c)
{
    FOR_TIES(c->net, t) {
        if (!strong(t->form) || !tie_exists(t, c->as_of))
            continue;
        c->checks++;
        if (nw_tie_rec_goals(t)->len > 0)
            continue;
        start_tie(c, t);
        both(c, ": kein Ziel benannt.", ": no goal is named.");
        int rc = emit(c, NW_ID_NONE, t->id, NW_ID_NONE);
        if (rc != NW_OK)
            return rc;
    }
    return NW_OK;
}

/* ---- the catalogue ----------------------------------------------------------------- */

struct rule_def {
    nw_rule info;
    int (*check)(ctx *c);
};

#define P_FREI NW_PRINCIPLE_FREIWILLIGKEIT
#define P_THEMA NW_PRINCIPLE_GETEILTES_INTERESSE
#define P_LANG NW_PRINCIPLE_LANGFRISTIGES_INVESTMENT
#define P_DYN NW_PRINCIPLE_DYNAMIK_OFFENHEIT
#define P_ZIEL NW_PRINCIPLE_ZIEL_NUTZEN
#define INFO NW_SEVERITY_INFO
#define WARN NW_SEVERITY_WARNING
#define VIOL NW_SEVERITY_VIOLATION

/* By principle, then by code; docs/principles.md has the same rows. */
static const struct rule_def rules[] = {
    { { "FREI-001", P_FREI, WARN, NW_SUBJECT_ACTOR,
        "Akteur*in ohne erfasste Einwilligung", "Actor without recorded consent" }, frei_001 },
    { { "FREI-002", P_FREI, VIOL, NW_SUBJECT_ACTOR,
        "Einwilligung widerrufen, aber noch in bestehenden Beziehungen",
        "Consent withdrawn but still in active ties" }, frei_002 },
    { { "FREI-003", P_FREI, WARN, NW_SUBJECT_TIE,
        "Von außen verordnete Beziehung", "Tie imposed from outside" }, frei_003 },
    { { "THEMA-001", P_THEMA, VIOL, NW_SUBJECT_NETWORK,
        "Netzwerk ohne gemeinsames Thema", "Network without a shared topic" }, thema_001 },
    { { "THEMA-002", P_THEMA, WARN, NW_SUBJECT_ACTOR,
        "Interessen ohne Bezug zu den Themen des Netzwerks",
        "Interests that share nothing with the network's topics" }, thema_002 },
    { { "THEMA-003", P_THEMA, WARN, NW_SUBJECT_TIE,
        "Kooperation oder Gruppe außerhalb der Themen des Netzwerks",
        "Cooperation or group outside the network's topics" }, thema_003 },
    { { "THEMA-004", P_THEMA, INFO, NW_SUBJECT_ACTOR,
        "Akteur*in ohne erfasste Interessen", "Actor without recorded interests" }, thema_004 },
    { { "LANG-001", P_LANG, WARN, NW_SUBJECT_TIE,
        "Ruhende Beziehung: keine Interaktion seit mehr Tagen als die Schwelle",
        "Dormant tie: no interaction for longer than the threshold" }, lang_001 },
    { { "LANG-002", P_LANG, WARN, NW_SUBJECT_TIE,
        "Kontakt nie gepflegt", "Contact never kept up" }, lang_002 },
    { { "LANG-003", P_LANG, WARN, NW_SUBJECT_NETWORK,
        "Keine gewachsene starke Bindung", "No strong tie that has lasted" }, lang_003 },
    { { "LANG-004", P_LANG, WARN, NW_SUBJECT_ITEM,
        "Gruppe ohne langfristig gesicherte Ressourcen", "Group without long-term resources secured" }, lang_004 },
    { { "DYN-001", P_DYN, WARN, NW_SUBJECT_NETWORK,
        "Keine neuen Akteur*innen im Zeitfenster", "No new actor in the window" }, dyn_001 },
    { { "DYN-002", P_DYN, WARN, NW_SUBJECT_NETWORK,
        "Keine Begegnung im Zeitfenster", "No encounter in the window" }, dyn_002 },
    { { "DYN-003", P_DYN, WARN, NW_SUBJECT_NETWORK,
        "Schwache Bindungen führen nicht aus dem Kern hinaus", "Weak ties do not lead out of the core" }, dyn_003 },
    { { "ZIEL-001", P_ZIEL, VIOL, NW_SUBJECT_NETWORK,
        "Netzwerk ohne Ziele", "Network without goals" }, ziel_001 },
    { { "ZIEL-002", P_ZIEL, WARN, NW_SUBJECT_TIE,
        "Kooperation nicht gut vereinbart", "Cooperation not well agreed" }, ziel_002 },
    { { "ZIEL-003", P_ZIEL, WARN, NW_SUBJECT_ITEM,
        "Beitrag und Nutzen einer Partner*in nicht festgehalten",
        "A partner's contribution and benefit not stated" }, ziel_003 },
    { { "ZIEL-004", P_ZIEL, WARN, NW_SUBJECT_ITEM,
        "Relevanzprüfung einer Gruppe überfällig oder ohne Termin",
        "Relevance review of a group overdue or not scheduled" }, ziel_004 },
    { { "ZIEL-005", P_ZIEL, WARN, NW_SUBJECT_TIE,
        "Kooperation oder Gruppe ohne Ziel", "Cooperation or group without a goal" }, ziel_005 },
};

#define RULE_COUNT (sizeof rules / sizeof rules[0])

int nw_rule_count(size_t *out)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    *out = RULE_COUNT;
    return NW_OK;
}

int nw_rule_get(const nw_rule **out, size_t index)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (index >= RULE_COUNT)
        return nw_fail(NW_ENOTFOUND, "rule index %zu out of range (there are %zu rules)", index, RULE_COUNT);
    *out = &rules[index].info;
    return NW_OK;
}

int nw_rule_find(const nw_rule **out, const char *code)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_text_check(code, NW_TEXT_FREE, "code");
    if (rc != NW_OK)
        return rc;
    for (size_t i = 0; i < RULE_COUNT; i++)
        if (strcmp(rules[i].info.code, code) == 0) {
            *out = &rules[i].info;
            return NW_OK;
        }
    char q[NW_QUOTE_SIZE];
    return nw_fail(NW_ENOTFOUND, "no rule has the code '%s'", nw_quote(q, code));
}

/* ---- validation ------------------------------------------------------------------- */

static const nw_validate_options defaults = NW_VALIDATE_OPTIONS_INIT;

int nw_validate_options_init(nw_validate_options *opts, unsigned int version)
{
    if (!opts)
        return nw_fail(NW_EINVAL, "opts is NULL");
    if (version != NW_VALIDATE_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "options version %u is unknown (expected %u)", version,
                       (unsigned)NW_VALIDATE_OPTIONS_VERSION);
    *opts = defaults;
    return NW_OK;
}

static int check_days(int days, const char *what)
{
    if (days < 0 || days > NW_VALIDATE_DAYS_MAX)
        return nw_fail(NW_EINVAL, "%s is %d; it must lie between 0 and %d", what, days, NW_VALIDATE_DAYS_MAX);
    return NW_OK;
}

static int check_options(const nw_validate_options *o)
{
    if (o->version != NW_VALIDATE_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "unknown options version %u (expected %d)", o->version,
                       NW_VALIDATE_OPTIONS_VERSION);
    static const char *const dormant[NW_FORM_COUNT] = {
        "dormant_days[A]", "dormant_days[B]", "dormant_days[C]", "dormant_days[D]",
    };
    int rc = NW_OK;
    for (int f = 0; f < NW_FORM_COUNT && rc == NW_OK; f++)
        rc = check_days(o->dormant_days[f], dormant[f]);
    if (rc == NW_OK)
        rc = check_days(o->contact_grace_days, "contact_grace_days");
    if (rc == NW_OK)
        rc = check_days(o->new_window_days, "new_window_days");
    if (rc == NW_OK)
        rc = check_days(o->young_days, "young_days");
    return rc;
}

int nw_network_validate(nw_report **out, const nw_network *net, nw_date as_of,
                        const nw_validate_options *opts)
{
    if (!out)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK)
        rc = nw_check_date(as_of, "as_of");
    if (rc != NW_OK)
        return rc;
    if (!opts)
        opts = &defaults;
    else if ((rc = check_options(opts)) != NW_OK)
        return rc;

    ctx c;
    memset(&c, 0, sizeof c);
    c.net = net;
    c.as_of = as_of;
    c.o = opts;
    if (!(c.rep = nw_report_new(as_of)))
        return NW_ENOMEM;
    for (size_t i = 0; i < RULE_COUNT; i++) {
        c.rule = &rules[i].info;
        c.checks = 0;
        if ((rc = rules[i].check(&c)) != NW_OK) {
            nw_sbuf_clear(&c.de);
            nw_sbuf_clear(&c.en);
            nw_report_free(c.rep);
            return rc;
        }
        nw_report_count_checks(c.rep, c.rule->principle, c.checks);
    }
    nw_report_finish(c.rep);
    *out = c.rep;
    return NW_OK;
}
