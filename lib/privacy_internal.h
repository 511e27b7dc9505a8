/*
 * Data protection inside the library (issue 8): what erase.c,
 * access_export.c, pseudonymise.c, network_copy.c and the consent filter
 * of saving share. Sits on top of the model and the file-format layer
 * (copies keep identities with io_build.c). Not installed.
 */
#ifndef NW_PRIVACY_INTERNAL_H
#define NW_PRIVACY_INTERNAL_H

#include "io_internal.h"

/* ---- copies of a network (network_copy.c) ------------------------------- */

/* What a text of the network is, so that a mapping can treat it. */
enum nw_text_class {
    NW_TEXT_CLASS_NETWORK,  /* the network's name */
    NW_TEXT_CLASS_NAME,     /* an actor's name */
    NW_TEXT_CLASS_EMAIL,    /* an e-mail contact value */
    NW_TEXT_CLASS_CONTACT,  /* any other contact value */
    NW_TEXT_CLASS_TOPIC,    /* topics and goals (network, ties), interests */
    NW_TEXT_CLASS_PURPOSE,  /* a consent record's purpose */
    NW_TEXT_CLASS_FREE      /* everything else: labels, notes, attribute values, consent texts */
};

/* Map one non-empty text: *out = a new string (nw_mem_*; the copy frees
 * it), or NULL to keep the text as it is. A failure is returned. */
typedef int (*nw_text_map_fn)(char **out, void *ctx, enum nw_text_class cls, const char *text);

/* A new network equal to net in every field, identities and counters, with
 * every non-empty text passed through map (NULL: copied as is). Attribute
 * keys, checklist codes and built-in labels are never mapped. A checklist
 * item's responsible actor is copied only while that actor exists. On
 * failure nothing is returned and nothing leaks. */
int nw_network_copy_mapped(nw_network **out, const nw_network *net, nw_text_map_fn map, void *ctx);

/* A copy of net without the actors whose consent for `purpose` (NULL: the
 * general purpose) is not valid on as_of; they leave as by nw_actor_remove. */
int nw_network_copy_consenting(nw_network **out, const nw_network *net, nw_date as_of,
                               const char *purpose);

#endif
