/*
 * Cell values of the interchange formats (CSV cells, GraphML data): lists,
 * actor kinds, forms and booleans, read leniently because people type them
 * into spreadsheets, written one canonical way.
 *
 * Lists: several texts joined by '|'. A '|' or '\' inside an item is escaped
 * with '\', so every list survives the round trip; a spreadsheet user
 * writes "a|b" and gets two items.
 */
#include "io_internal.h"

#include <strings.h>

const char *const nw_io_kind_names[3] = { "person", "group", "organisation" };
const char *const nw_io_channel_names[4] = { "email", "phone", "postal", "other" };
const char *const nw_io_interaction_names[4] = { "meeting", "call", "message", "event" };
const char *const nw_io_item_state_names[4] = { "open", "agreed", "done", "not_applicable" };
const char *const nw_io_consent_type_names[2] = { "opt-in", "opt-out" };

int nw_io_parse_kind(nw_actor_kind *out, const char *s)
{
    static const struct { const char *name; nw_actor_kind kind; } names[] = {
        { "person", NW_ACTOR_PERSON },        { "group", NW_ACTOR_GROUP },
        { "organisation", NW_ACTOR_ORGANISATION }, { "organization", NW_ACTOR_ORGANISATION },
        { "gruppe", NW_ACTOR_GROUP },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(s, names[i].name) == 0) {
            *out = names[i].kind;
            return NW_OK;
        }
    }
    return NW_EFORMAT;
}

int nw_io_parse_form(nw_form *out, const char *s)
{
    if (s[0] != '\0' && s[1] == '\0')
        return nw_form_from_letter(out, s[0]) == NW_OK ? NW_OK : NW_EFORMAT;
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        for (int lang = NW_LANG_DE; lang <= NW_LANG_EN; lang++) {
            const char *name = NULL;
            if (nw_form_name(&name, (nw_form)f, (nw_lang)lang) == NW_OK
                && strcasecmp(s, name) == 0) {
                *out = (nw_form)f;
                return NW_OK;
            }
        }
    }
    return NW_EFORMAT;
}

int nw_io_parse_bool(bool *out, const char *s)
{
    static const char *const yes[] = { "true", "1", "yes", "ja", "wahr", "x" };
    static const char *const no[] = { "false", "0", "no", "nein", "falsch", "" };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcasecmp(s, yes[i]) == 0) {
            *out = true;
            return NW_OK;
        }
        if (strcasecmp(s, no[i]) == 0) {
            *out = false;
            return NW_OK;
        }
    }
    return NW_EFORMAT;
}

void nw_list_put(nw_buf *b, const char *const *items, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            nw_buf_putc(b, '|');
        for (const char *s = items[i]; *s; s++) {
            if (*s == '|' || *s == '\\')
                nw_buf_putc(b, '\\');
            nw_buf_putc(b, *s);
        }
    }
}

void nw_list_free(char **items, size_t n)
{
    if (items == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        nw_mem_free(items[i]);
    nw_mem_free(items);
}

int nw_list_split(char ***items, size_t *n, const char *cell, size_t max_items)
{
    char **list = NULL;
    size_t count = 0, cap = 0;
    const char *s = cell;
    while (*s) {
        /* One item: up to an unescaped '|'. Its unescaped length is at most
         * the bytes it spans. */
        const char *end = s;
        while (*end && *end != '|') {
            if (*end == '\\' && (end[1] == '|' || end[1] == '\\'))
                end++;
            end++;
        }
        if (end > s) {
            if (count == max_items) {
                nw_list_free(list, count);
                return nw_fail(NW_ELIMIT, "more than %zu items in one list", max_items);
            }
            char *item = nw_mem_alloc((size_t)(end - s) + 1);
            if (item == NULL
                || nw_mem_reserve((void **)&list, &cap, count + 1, sizeof *list) != NW_OK) {
                nw_mem_free(item);
                nw_list_free(list, count);
                return NW_ENOMEM;
            }
            size_t k = 0;
            for (const char *p = s; p < end; p++) {
                if (*p == '\\' && (p[1] == '|' || p[1] == '\\'))
                    p++;
                item[k++] = *p;
            }
            item[k] = '\0';
            list[count++] = item;
        }
        s = *end ? end + 1 : end;
    }
    *items = list;
    *n = count;
    return NW_OK;
}
