/*
 * Names of the model's small enumerations for people to read: actor kinds,
 * contact channels, interaction kinds, in German and English. The English
 * names are the words of the file formats (io_cells.c), so a report and a
 * file say the same. Forms, severities and statuses have theirs in form.c
 * and principles.c, beside their other texts.
 */
#include "io_internal.h"

/* names[value] in German; the file formats' words in English. */
static int enum_name(const char **out, int value, int count, const char *const *de,
                     const char *const *en, nw_lang lang, const char *what)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (value < 0 || value >= count)
        return nw_fail(NW_EINVAL, "%d is not %s (0 to %d)", value, what, count - 1);
    int rc = nw_check_lang(lang);
    if (rc == NW_OK)
        *out = lang == NW_LANG_DE ? de[value] : en[value];
    return rc;
}

int nw_actor_kind_name(const char **out, nw_actor_kind kind, nw_lang lang)
{
    static const char *const de[3] = { "Person", "Gruppe", "Organisation" };
    return enum_name(out, (int)kind, 3, de, nw_io_kind_names, lang, "an actor kind");
}

int nw_channel_name(const char **out, nw_channel channel, nw_lang lang)
{
    static const char *const de[4] = { "E-Mail", "Telefon", "Post", "Sonstiges" };
    return enum_name(out, (int)channel, 4, de, nw_io_channel_names, lang, "a contact channel");
}

int nw_interaction_kind_name(const char **out, nw_interaction_kind kind, nw_lang lang)
{
    static const char *const de[4] = { "Treffen", "Anruf", "Nachricht", "Veranstaltung" };
    return enum_name(out, (int)kind, 4, de, nw_io_interaction_names, lang, "an interaction kind");
}
