/*
 * netzwerk/form.h: the four relationship forms and their catalogue.
 *
 * The German goals and challenges are checked against the seed text
 * (/work/shared/seed/netzwerkarbeit.txt), in the seed's order. The seed
 * starts some items in lower case ("eigene Themen bei anderen setzen"); a
 * catalogue may capitalise them, so the first letter's case is not compared.
 */
#include "nwtest.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

static const nw_form forms[NW_FORM_COUNT] = {
    NW_FORM_BEGEGNUNG, NW_FORM_KOOPERATION, NW_FORM_KONTAKT, NW_FORM_GRUPPE,
};

/* Invalid values of the enums, as a caller (or a binding) might pass them. */
#define BAD_FORM_1 ((nw_form)4)
#define BAD_FORM_2 ((nw_form)-1)
#define BAD_FORM_3 ((nw_form)1000)
#define BAD_LANG_1 ((nw_lang)2)
#define BAD_LANG_2 ((nw_lang)-1)

static void assert_text(const char *s)
{
    assert_non_null(s);
    assert_true(strlen(s) > 0);
    for (const char *p = s; *p; p++)
        assert_true((unsigned char)*p >= 0x20 && *p != 0x7f);
}

/* Equal, except for the case of the first (ASCII) letter. */
static void assert_seed_text(const char *got, const char *seed)
{
    assert_non_null(got);
    if (strlen(got) != strlen(seed) || strcmp(got + 1, seed + 1) != 0 ||
        tolower((unsigned char)got[0]) != tolower((unsigned char)seed[0]))
        NWT_FAIL("catalogue text \"%s\" differs from the seed's \"%s\"", got, seed);
}

static void test_enum_values_and_masks(void **state)
{
    (void)state;
    assert_int_equal(NW_FORM_BEGEGNUNG, 0);
    assert_int_equal(NW_FORM_KOOPERATION, 1);
    assert_int_equal(NW_FORM_KONTAKT, 2);
    assert_int_equal(NW_FORM_GRUPPE, 3);
    assert_int_equal(NW_FORM_COUNT, 4);
    assert_int_equal(NW_LANG_DE, 0);
    assert_int_equal(NW_LANG_EN, 1);
    assert_int_equal(NW_FORM_MASK_ALL, 0xF);
    assert_int_equal(NW_FORM_BIT(NW_FORM_KONTAKT), 4);
    /* the seed's table: strong = B, D; weak = A, C */
    assert_int_equal(NW_FORM_MASK_STRONG, NW_FORM_BIT(NW_FORM_KOOPERATION) | NW_FORM_BIT(NW_FORM_GRUPPE));
    assert_int_equal(NW_FORM_MASK_WEAK, NW_FORM_BIT(NW_FORM_BEGEGNUNG) | NW_FORM_BIT(NW_FORM_KONTAKT));
    assert_int_equal(NW_FORM_MASK_STRONG | NW_FORM_MASK_WEAK, NW_FORM_MASK_ALL);
    assert_int_equal(NW_FORM_MASK_STRONG & NW_FORM_MASK_WEAK, 0);
}

static void test_letters(void **state)
{
    (void)state;
    const char *letters = "ABCD";
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        char c = 0;
        nw_form f = BAD_FORM_1;
        NWT_OK(nw_form_letter(&c, forms[i]));
        assert_int_equal(c, letters[i]);
        NWT_OK(nw_form_from_letter(&f, letters[i]));
        assert_int_equal(f, forms[i]);
        f = BAD_FORM_1;
        NWT_OK(nw_form_from_letter(&f, (char)tolower((unsigned char)letters[i])));
        assert_int_equal(f, forms[i]);
    }
    const char bad[] = { 'E', 'e', 'Z', '@', '`', '0', ' ', '\0', (char)0xC4 };
    for (size_t i = 0; i < sizeof bad; i++) {
        nw_form f = NW_FORM_GRUPPE;
        NWT_EXPECT(NW_EINVAL, nw_form_from_letter(&f, bad[i]));
        assert_int_equal(f, NW_FORM_GRUPPE);
    }
    NWT_EXPECT(NW_EINVAL, nw_form_from_letter(NULL, 'A'));
    char c = 'x';
    NWT_EXPECT(NW_EINVAL, nw_form_letter(&c, BAD_FORM_1));
    NWT_EXPECT(NW_EINVAL, nw_form_letter(&c, BAD_FORM_2));
    NWT_EXPECT(NW_EINVAL, nw_form_letter(&c, BAD_FORM_3));
    assert_int_equal(c, 'x');
    NWT_EXPECT(NW_EINVAL, nw_form_letter(NULL, NW_FORM_BEGEGNUNG));
}

static void test_names(void **state)
{
    (void)state;
    static const char *const de[] = { "Begegnung", "Kooperation", "Kontakt", "Gruppe" };
    static const char *const en[] = { "Encounter", "Cooperation", "Contact", "Group" };
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        const char *s = NULL;
        NWT_OK(nw_form_name(&s, forms[i], NW_LANG_DE));
        assert_string_equal(s, de[i]);
        /* static: the same string every time */
        const char *again = NULL;
        NWT_OK(nw_form_name(&again, forms[i], NW_LANG_DE));
        assert_ptr_equal(s, again);
        NWT_OK(nw_form_name(&s, forms[i], NW_LANG_EN));
        assert_string_equal(s, en[i]);
    }
    const char *s = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_form_name(&s, BAD_FORM_1, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_name(&s, BAD_FORM_2, NW_LANG_EN));
    NWT_EXPECT(NW_EINVAL, nw_form_name(&s, NW_FORM_KONTAKT, BAD_LANG_1));
    NWT_EXPECT(NW_EINVAL, nw_form_name(&s, NW_FORM_KONTAKT, BAD_LANG_2));
    assert_string_equal(s, "untouched");
    NWT_EXPECT(NW_EINVAL, nw_form_name(NULL, NW_FORM_KONTAKT, NW_LANG_DE));
}

static void test_descriptions(void **state)
{
    (void)state;
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        const char *de = NULL, *en = NULL;
        NWT_OK(nw_form_description(&de, forms[i], NW_LANG_DE));
        NWT_OK(nw_form_description(&en, forms[i], NW_LANG_EN));
        assert_text(de);
        assert_text(en);
        assert_string_not_equal(de, en);
        for (int j = 0; j < i; j++) {
            const char *other = NULL;
            NWT_OK(nw_form_description(&other, forms[j], NW_LANG_DE));
            assert_string_not_equal(de, other);
        }
    }
    const char *s = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_form_description(&s, BAD_FORM_1, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_description(&s, NW_FORM_GRUPPE, BAD_LANG_1));
    assert_string_equal(s, "untouched");
    NWT_EXPECT(NW_EINVAL, nw_form_description(NULL, NW_FORM_GRUPPE, NW_LANG_DE));
}

static void test_strong_and_affiliation(void **state)
{
    (void)state;
    /* seed: Starke Bindungen B, D; schwache Bindungen A, C */
    static const bool strong[] = { false, true, false, true };
    /* C Kontakt and D Gruppe are standing affiliations */
    static const bool affiliation[] = { false, false, true, true };
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        bool b = !strong[i];
        NWT_OK(nw_form_is_strong(&b, forms[i]));
        assert_int_equal(b, strong[i]);
        assert_int_equal(strong[i], (NW_FORM_MASK_STRONG & NW_FORM_BIT(forms[i])) != 0);
        b = !affiliation[i];
        NWT_OK(nw_form_is_affiliation(&b, forms[i]));
        assert_int_equal(b, affiliation[i]);
    }
    bool b = true;
    NWT_EXPECT(NW_EINVAL, nw_form_is_strong(&b, BAD_FORM_1));
    NWT_EXPECT(NW_EINVAL, nw_form_is_affiliation(&b, BAD_FORM_2));
    assert_true(b);
    NWT_EXPECT(NW_EINVAL, nw_form_is_strong(NULL, NW_FORM_GRUPPE));
    NWT_EXPECT(NW_EINVAL, nw_form_is_affiliation(NULL, NW_FORM_GRUPPE));
}

/* The seed's lists, form by form. */
static const char *const seed_goals[NW_FORM_COUNT][5] = {
    { "Kennenlernen", "eigene Themen bei anderen setzen", "neue Perspektive gewinnen",
      "sich bekannt machen", NULL },
    { "Gegenseitige Ergänzung", "Gemeinsames Ziel umsetzen", NULL },
    { "Streuung von Informationen", "Erreichbar sein", "das Thema weitertragen", NULL },
    { "langfristige Arbeit", "Kontinuität", "Sicherheit", "Erwartbarkeit", NULL },
};
static const char *const seed_challenges[NW_FORM_COUNT][5] = {
    { "Begegnungssituationen herstellen", "Sprachfähig sein", "Wirkung generieren", NULL },
    { "Klare Zielformulierungen", "eindeutige Absprachen", "gute Kommunikation",
      "Controlling", NULL },
    { "Kontaktherstellung", "Kontaktmanagement", "Kontaktpflege", NULL },
    { "Relevanz der Gruppe vorhanden?", "langfristige Ressourcenverfügbarkeit?", NULL },
};

static size_t count_of(const char *const *list)
{
    size_t n = 0;
    while (list[n])
        n++;
    return n;
}

static void test_goals(void **state)
{
    (void)state;
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        size_t n = 99;
        NWT_OK(nw_form_goal_count(&n, forms[i]));
        assert_int_equal(n, count_of(seed_goals[i]));
        for (size_t k = 0; k < n; k++) {
            const char *de = NULL, *en = NULL;
            NWT_OK(nw_form_goal(&de, forms[i], k, NW_LANG_DE));
            assert_seed_text(de, seed_goals[i][k]);
            NWT_OK(nw_form_goal(&en, forms[i], k, NW_LANG_EN));
            assert_text(en);
            for (size_t j = 0; j < k; j++) {
                const char *other = NULL;
                NWT_OK(nw_form_goal(&other, forms[i], j, NW_LANG_EN));
                assert_string_not_equal(en, other);
            }
        }
        const char *s = "untouched";
        NWT_EXPECT(NW_ENOTFOUND, nw_form_goal(&s, forms[i], n, NW_LANG_DE));
        NWT_EXPECT(NW_ENOTFOUND, nw_form_goal(&s, forms[i], SIZE_MAX, NW_LANG_EN));
        assert_string_equal(s, "untouched");
    }
    /* the header's own example */
    const char *s = NULL;
    NWT_OK(nw_form_goal(&s, NW_FORM_BEGEGNUNG, 0, NW_LANG_EN));
    assert_string_equal(s, "Getting to know each other");

    size_t n = 7;
    NWT_EXPECT(NW_EINVAL, nw_form_goal_count(&n, BAD_FORM_1));
    assert_int_equal(n, 7);
    NWT_EXPECT(NW_EINVAL, nw_form_goal_count(NULL, NW_FORM_BEGEGNUNG));
    NWT_EXPECT(NW_EINVAL, nw_form_goal(NULL, NW_FORM_BEGEGNUNG, 0, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_goal(&s, BAD_FORM_1, 0, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_goal(&s, NW_FORM_BEGEGNUNG, 0, BAD_LANG_1));
}

static void test_challenges(void **state)
{
    (void)state;
    for (int i = 0; i < NW_FORM_COUNT; i++) {
        size_t n = 99;
        NWT_OK(nw_form_challenge_count(&n, forms[i]));
        assert_int_equal(n, count_of(seed_challenges[i]));
        for (size_t k = 0; k < n; k++) {
            const char *de = NULL, *en = NULL;
            NWT_OK(nw_form_challenge(&de, forms[i], k, NW_LANG_DE));
            assert_seed_text(de, seed_challenges[i][k]);
            NWT_OK(nw_form_challenge(&en, forms[i], k, NW_LANG_EN));
            assert_text(en);
            for (size_t j = 0; j < k; j++) {
                const char *other = NULL;
                NWT_OK(nw_form_challenge(&other, forms[i], j, NW_LANG_EN));
                assert_string_not_equal(en, other);
            }
        }
        const char *s = "untouched";
        NWT_EXPECT(NW_ENOTFOUND, nw_form_challenge(&s, forms[i], n, NW_LANG_DE));
        NWT_EXPECT(NW_ENOTFOUND, nw_form_challenge(&s, forms[i], SIZE_MAX, NW_LANG_EN));
        assert_string_equal(s, "untouched");
    }
    /* verbatim from the seed and the header's example */
    const char *s = NULL;
    NWT_OK(nw_form_challenge(&s, NW_FORM_KONTAKT, 2, NW_LANG_DE));
    assert_string_equal(s, "Kontaktpflege");
    NWT_OK(nw_form_challenge(&s, NW_FORM_KONTAKT, 2, NW_LANG_EN));
    assert_string_equal(s, "Keeping contacts up");
    NWT_OK(nw_form_challenge(&s, NW_FORM_BEGEGNUNG, 1, NW_LANG_DE));
    assert_string_equal(s, "Sprachfähig sein");

    size_t n = 7;
    NWT_EXPECT(NW_EINVAL, nw_form_challenge_count(&n, BAD_FORM_2));
    assert_int_equal(n, 7);
    NWT_EXPECT(NW_EINVAL, nw_form_challenge_count(NULL, NW_FORM_GRUPPE));
    NWT_EXPECT(NW_EINVAL, nw_form_challenge(NULL, NW_FORM_GRUPPE, 0, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_challenge(&s, BAD_FORM_3, 0, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_form_challenge(&s, NW_FORM_GRUPPE, 0, BAD_LANG_2));
}

/* The other enumerations' names: German, and in English the words of the
 * file formats (docs/format.md: kind, channel, interaction kind). */
static void test_enum_names(void **state)
{
    (void)state;
    static const struct { const char *de, *en; } kinds[] = {
        { "Person", "person" }, { "Gruppe", "group" }, { "Organisation", "organisation" } };
    static const struct { const char *de, *en; } channels[] = {
        { "E-Mail", "email" }, { "Telefon", "phone" }, { "Post", "postal" }, { "Sonstiges", "other" } };
    static const struct { const char *de, *en; } interactions[] = {
        { "Treffen", "meeting" }, { "Anruf", "call" }, { "Nachricht", "message" },
        { "Veranstaltung", "event" } };
    const char *s = NULL;
    for (int i = 0; i < 3; i++) {
        NWT_OK(nw_actor_kind_name(&s, (nw_actor_kind)i, NW_LANG_DE));
        assert_string_equal(s, kinds[i].de);
        NWT_OK(nw_actor_kind_name(&s, (nw_actor_kind)i, NW_LANG_EN));
        assert_string_equal(s, kinds[i].en);
    }
    for (int i = 0; i < 4; i++) {
        NWT_OK(nw_channel_name(&s, (nw_channel)i, NW_LANG_DE));
        assert_string_equal(s, channels[i].de);
        NWT_OK(nw_channel_name(&s, (nw_channel)i, NW_LANG_EN));
        assert_string_equal(s, channels[i].en);
        NWT_OK(nw_interaction_kind_name(&s, (nw_interaction_kind)i, NW_LANG_DE));
        assert_string_equal(s, interactions[i].de);
        NWT_OK(nw_interaction_kind_name(&s, (nw_interaction_kind)i, NW_LANG_EN));
        assert_string_equal(s, interactions[i].en);
    }
    s = "untouched";
    NWT_EXPECT(NW_EINVAL, nw_actor_kind_name(NULL, NW_ACTOR_PERSON, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_actor_kind_name(&s, (nw_actor_kind)3, NW_LANG_DE));
    assert_string_equal(nw_errmsg(), "3 is not an actor kind (0 to 2)");
    NWT_EXPECT(NW_EINVAL, nw_actor_kind_name(&s, (nw_actor_kind)-1, NW_LANG_DE));
    NWT_EXPECT(NW_EINVAL, nw_channel_name(&s, (nw_channel)4, NW_LANG_EN));
    NWT_EXPECT(NW_EINVAL, nw_interaction_kind_name(&s, NW_INTERACTION_CALL, (nw_lang)2));
    assert_string_equal(nw_errmsg(), "unknown language 2");
    assert_string_equal(s, "untouched");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_enum_values_and_masks),
        NWT_TEST(test_letters),
        NWT_TEST(test_names),
        NWT_TEST(test_descriptions),
        NWT_TEST(test_strong_and_affiliation),
        NWT_TEST(test_goals),
        NWT_TEST(test_challenges),
        NWT_TEST(test_enum_names),
    };
    return NWT_RUN(tests);
}
