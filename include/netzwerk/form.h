/**
 * @file netzwerk/form.h
 * @brief The four relationship forms (Beziehungsformen) and their catalogue.
 *
 * The seed text lays the forms out as a 2 x 2 table: strong ties (starke
 * Bindungen) are B Kooperation and D Gruppe, weak ties (schwache Bindungen)
 * are A Begegnung and C Kontakt. A and B happen between actors (an
 * encounter, a joint project); C and D are standing affiliations (being
 * reachable, belonging to a group).
 *
 * The catalogue holds each form's letter, names, description, goals (Ziele)
 * and challenges (Herausforderungen) in German and English, so that tools and
 * bindings never copy these texts. All strings are static: never free them.
 */
#ifndef NETZWERK_FORM_H
#define NETZWERK_FORM_H

#include "netzwerk/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A relationship form. The values are stable and index the catalogue. */
typedef enum nw_form {
    NW_FORM_BEGEGNUNG = 0,  /**< A: encounter. Weak, happening between actors. */
    NW_FORM_KOOPERATION = 1,/**< B: cooperation. Strong, happening between actors. */
    NW_FORM_KONTAKT = 2,    /**< C: contact. Weak, standing affiliation. */
    NW_FORM_GRUPPE = 3      /**< D: group. Strong, standing affiliation. */
} nw_form;

/** The number of relationship forms. */
#define NW_FORM_COUNT 4

/** The bit of one form in a form mask, e.g. `NW_FORM_BIT(NW_FORM_KONTAKT)`. */
#define NW_FORM_BIT(form) (1u << (unsigned)(form))
/** A form mask that selects every form. */
#define NW_FORM_MASK_ALL 0xFu
/** A form mask that selects the strong forms, B and D. */
#define NW_FORM_MASK_STRONG (NW_FORM_BIT(NW_FORM_KOOPERATION) | NW_FORM_BIT(NW_FORM_GRUPPE))
/** A form mask that selects the weak forms, A and C. */
#define NW_FORM_MASK_WEAK (NW_FORM_BIT(NW_FORM_BEGEGNUNG) | NW_FORM_BIT(NW_FORM_KONTAKT))

/** The language of a catalogue text. */
typedef enum nw_lang {
    NW_LANG_DE = 0, /**< German, the language of the seed. */
    NW_LANG_EN = 1  /**< English. */
} nw_lang;

/**
 * @brief The form with a given letter.
 * @param[out] out  The form.
 * @param letter    'A' to 'D' (lower case accepted).
 * @return ::NW_OK; ::NW_EINVAL if @p out is NULL or the letter names no form.
 */
NW_API int nw_form_from_letter(nw_form *out, char letter);

/**
 * @brief The letter of a form, 'A' to 'D'.
 * @param[out] out  The letter.
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL if @p out is NULL or @p form is not a form.
 */
NW_API int nw_form_letter(char *out, nw_form form);

/**
 * @brief The name of a form: "Kooperation" / "Cooperation".
 * @param[out] out  A static string; never free it.
 * @param form      A form.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown form or language.
 */
NW_API int nw_form_name(const char **out, nw_form form, nw_lang lang);

/**
 * @brief One sentence that says what the form is, after the seed.
 * @param[out] out  A static string; never free it.
 * @param form      A form.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown form or language.
 */
NW_API int nw_form_description(const char **out, nw_form form, nw_lang lang);

/**
 * @brief Whether a form makes a strong tie (B, D) or a weak one (A, C).
 * @param[out] out  true for a strong form.
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form.
 */
NW_API int nw_form_is_strong(bool *out, nw_form form);

/**
 * @brief Whether a form is a standing affiliation (C, D) rather than
 * something that happens between actors (A, B).
 * @param[out] out  true for C Kontakt and D Gruppe.
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form.
 */
NW_API int nw_form_is_affiliation(bool *out, nw_form form);

/**
 * @brief The number of goals (Ziele) the seed names for a form.
 * @param[out] out  The count.
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form.
 */
NW_API int nw_form_goal_count(size_t *out, nw_form form);

/**
 * @brief One goal (Ziel) of a form, e.g. "Kennenlernen" / "Getting to know each other".
 * @param[out] out  A static string; never free it.
 * @param form      A form.
 * @param index     0 to nw_form_goal_count() - 1.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown form or
 *         language; ::NW_ENOTFOUND if @p index is out of range.
 */
NW_API int nw_form_goal(const char **out, nw_form form, size_t index, nw_lang lang);

/**
 * @brief The number of challenges (Herausforderungen) the seed names for a form.
 * @param[out] out  The count.
 * @param form      A form.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out or an unknown form.
 */
NW_API int nw_form_challenge_count(size_t *out, nw_form form);

/**
 * @brief One challenge (Herausforderung) of a form, e.g. "Kontaktpflege" / "Keeping contacts up".
 * @param[out] out  A static string; never free it.
 * @param form      A form.
 * @param index     0 to nw_form_challenge_count() - 1.
 * @param lang      The language.
 * @return ::NW_OK; ::NW_EINVAL for a NULL @p out, an unknown form or
 *         language; ::NW_ENOTFOUND if @p index is out of range.
 */
NW_API int nw_form_challenge(const char **out, nw_form form, size_t index, nw_lang lang);

#ifdef __cplusplus
}
#endif

#endif
