/*
 * docs/principles.md against the code, both ways: every rule of the
 * catalogue has exactly one row in the rule table with its principle and
 * severity, and every row names a rule the code has; the same for the
 * built-in checklist items, with their flags and labels.
 *
 * The file is found through NW_SOURCE_DIR if set, else next to this
 * source file (__FILE__ is absolute when CMake compiles).
 */
#include "nwtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROWS 64
#define MAX_CELLS 8

typedef struct row {
    char *cells[MAX_CELLS]; /* trimmed, without the backticks of the first */
    size_t ncells;
} row;

typedef struct table {
    row rows[MAX_ROWS];
    size_t nrows;
} table;

static char *read_doc(void)
{
    char path[4096];
    const char *root = getenv("NW_SOURCE_DIR");
    if (root) {
        snprintf(path, sizeof path, "%s/docs/principles.md", root);
    } else {
        const char *self = __FILE__, *tail = strstr(self, "tests/unit/test_rules_doc.c");
        if (!tail)
            NWT_FAIL("cannot find the source tree from %s; set NW_SOURCE_DIR", self);
        snprintf(path, sizeof path, "%.*sdocs/principles.md", (int)(tail - self), self);
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        NWT_FAIL("cannot open %s", path);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        if (len + 2 > cap) {
            cap = cap ? 2 * cap : 65536;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        buf[len++] = (char)c;
    }
    fclose(f);
    assert_non_null(buf);
    buf[len] = '\0';
    return buf;
}

static char *trim(char *s)
{
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    return s;
}

/* The rows of every table whose first cell is `code` in backticks and
 * passes `want`. Cuts the document in place. */
static void rows(table *t, char *doc, bool (*want)(const char *))
{
    t->nrows = 0;
    for (char *line = strtok(doc, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "| `", 3) != 0)
            continue;
        row r = { { NULL }, 0 };
        char *p = line + 1;
        for (char *bar; (bar = strchr(p, '|')) && r.ncells < MAX_CELLS; p = bar + 1) {
            *bar = '\0';
            r.cells[r.ncells++] = trim(p);
        }
        char *first = r.cells[0];
        size_t n = strlen(first);
        if (n < 3 || first[0] != '`' || first[n - 1] != '`')
            continue;
        first[n - 1] = '\0';
        r.cells[0] = first + 1;
        if (!want(r.cells[0]))
            continue;
        assert_true(t->nrows < MAX_ROWS);
        t->rows[t->nrows++] = r;
    }
}

/* "FREI-001": capitals, a dash, three digits. */
static bool is_rule_code(const char *s)
{
    const char *dash = strchr(s, '-');
    if (!dash || dash == s || strlen(dash) != 4)
        return false;
    for (const char *p = s; p < dash; p++)
        if (*p < 'A' || *p > 'Z')
            return false;
    for (const char *p = dash + 1; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

/* "coop.goal": a form word, a dot, a name. */
static bool is_item_code(const char *s)
{
    return strncmp(s, "coop.", 5) == 0 || strncmp(s, "group.", 6) == 0 ||
           strncmp(s, "contact.", 8) == 0 || strncmp(s, "encounter.", 10) == 0;
}

static const row *find_row(const table *t, const char *code)
{
    const row *found = NULL;
    for (size_t i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].cells[0], code) == 0) {
            if (found)
                NWT_FAIL("docs/principles.md lists %s twice", code);
            found = &t->rows[i];
        }
    return found;
}

static void test_rules_match(void **state)
{
    (void)state;
    char *doc = read_doc();
    static table t;
    rows(&t, doc, is_rule_code);
    size_t n = 0;
    NWT_OK(nw_rule_count(&n));

    /* code -> doc: each rule once, with its principle and severity */
    for (size_t i = 0; i < n; i++) {
        const nw_rule *rule = NULL;
        NWT_OK(nw_rule_get(&rule, i));
        const row *r = find_row(&t, rule->code);
        if (!r)
            NWT_FAIL("rule %s is missing from the table in docs/principles.md", rule->code);
        assert_true(r->ncells >= 7);
        const char *en = NULL, *de = NULL, *sev = NULL;
        NWT_OK(nw_principle_name(&en, rule->principle, NW_LANG_EN));
        NWT_OK(nw_principle_name(&de, rule->principle, NW_LANG_DE));
        NWT_OK(nw_severity_name(&sev, rule->severity, NW_LANG_EN));
        char want[256];
        snprintf(want, sizeof want, "%s (*%s*)", en, de);
        if (strcmp(r->cells[1], want) != 0)
            NWT_FAIL("%s: the table says principle \"%s\", the code \"%s\"", rule->code, r->cells[1], want);
        if (strcmp(r->cells[2], sev) != 0)
            NWT_FAIL("%s: the table says severity \"%s\", the code \"%s\"", rule->code, r->cells[2], sev);
        /* scope, condition, defaults and the seed's sentence are filled in */
        for (size_t c = 3; c < 7; c++)
            assert_true(strlen(r->cells[c]) > 0);
        assert_non_null(strchr(r->cells[6], '"')); /* a quotation from the seed */
    }
    /* doc -> code: no row for a rule the code does not have */
    for (size_t i = 0; i < t.nrows; i++) {
        const nw_rule *rule = NULL;
        if (nw_rule_find(&rule, t.rows[i].cells[0]) != NW_OK)
            NWT_FAIL("docs/principles.md lists %s, which the code does not have", t.rows[i].cells[0]);
    }
    assert_int_equal(t.nrows, n);
    free(doc);
}

static void test_checklist_items_match(void **state)
{
    (void)state;
    char *doc = read_doc();
    static table t;
    rows(&t, doc, is_item_code);
    size_t total = 0;
    for (int f = 0; f < NW_FORM_COUNT; f++) {
        size_t n = 0;
        NWT_OK(nw_checklist_builtin_count(&n, (nw_form)f));
        for (size_t i = 0; i < n; i++) {
            const nw_checklist_builtin *b = NULL;
            NWT_OK(nw_checklist_builtin_get(&b, (nw_form)f, i));
            const row *r = find_row(&t, b->code);
            if (!r)
                NWT_FAIL("checklist item %s is missing from docs/principles.md", b->code);
            assert_true(r->ncells >= 6);
            char letter = '?';
            NWT_OK(nw_form_letter(&letter, b->form));
            if (r->cells[1][0] != letter)
                NWT_FAIL("%s: the table says form %s, the code %c", b->code, r->cells[1], letter);
            assert_string_equal(r->cells[2], b->essential ? "E" : "");
            assert_string_equal(r->cells[3], b->review ? "R" : "");
            assert_string_equal(r->cells[4], b->label_de);
            assert_string_equal(r->cells[5], b->label_en);
            assert_int_equal(strstr(r->cells[1], "per partner") != NULL, b->per_partner);
            total++;
        }
    }
    for (size_t i = 0; i < t.nrows; i++) {
        const nw_checklist_builtin *b = NULL;
        if (nw_checklist_builtin_find(&b, t.rows[i].cells[0]) != NW_OK)
            NWT_FAIL("docs/principles.md lists item %s, which the code does not have", t.rows[i].cells[0]);
    }
    assert_int_equal(t.nrows, total);
    free(doc);
}

/* The table parser itself: it must see a row it is shown, and skip others. */
static void test_parser(void **state)
{
    (void)state;
    char doc[] = "text\n| Code | Principle |\n|---|---|\n| `ABC-001` | x (*y*) | warning | a | b | c | \"d\" |\n"
                 "| `not a code` | z |\n| `coop.goal` | B | E | | de | en |\n";
    static table t;
    rows(&t, doc, is_rule_code);
    assert_int_equal(t.nrows, 1);
    assert_string_equal(t.rows[0].cells[0], "ABC-001");
    assert_string_equal(t.rows[0].cells[1], "x (*y*)");
    assert_string_equal(t.rows[0].cells[6], "\"d\"");
    assert_false(is_rule_code("ABC-01"));
    assert_false(is_rule_code("abc-001"));
    assert_false(is_rule_code("-001"));
    assert_true(is_item_code("group.resources"));
    assert_false(is_item_code("FREI-001"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_parser),
        NWT_TEST(test_rules_match),
        NWT_TEST(test_checklist_items_match),
    };
    return NWT_RUN(tests);
}
