/*
 * privacy.i: data protection (netzwerk/consent.h, netzwerk/privacy.h):
 * consent records, erasure, access export, pseudonymised copies. Part of
 * netzwerk.i. The consent filter of saving is a save option (options.i).
 *
 * Low-level methods; the packages build on them (Python:
 * netzwerk/privacy.py, Lua: the "privacy (issue 8)" part of netzwerk.lua):
 * - Actor: add_consent, consent_count, consent_type, consent_date,
 *   consent_text, withdraw_consent_at, consent_valid, erase, export;
 * - Network: pseudonymise (a new Network that owns the copy).
 *
 * The key of pseudonymise is the bytes of `(const void *BUF, size_t LEN)`
 * (a bytes-like object in Python, a string in Lua). The binding neither
 * copies nor keeps it; error messages never hold it (nor names, contact
 * data or notes).
 */

/* The consent types (CONSENT_OPT_IN, CONSENT_OPT_OUT) and no C struct as a
 * class; the functions are wrapped as methods below. */
%ignore nw_consent;
%ignore nw_pseudonym_options;
%include "netzwerk/consent.h"
%include "netzwerk/privacy.h"

/* Flags of pseudonymise: keep the network's name, the topics (with goals
 * and interests), the consent purposes. */
%constant int PSEUDONYM_KEEP_NETWORK_NAME = NW_PSEUDONYM_KEEP_NETWORK_NAME;
%constant int PSEUDONYM_KEEP_TOPICS = NW_PSEUDONYM_KEEP_TOPICS;
%constant int PSEUDONYM_KEEP_PURPOSES = NW_PSEUDONYM_KEEP_PURPOSES;
/* The shortest key, in bytes. */
%constant int PSEUDONYM_KEY_MIN = NW_PSEUDONYM_KEY_MIN;

/* A record's fields are read one by one (consent_type, consent_date,
 * consent_text): the packages make a record of them. (A typemap for a
 * record would have to come before the classes, in the language parts.) */
%runtime %{
/* Fill out with the consent record at index; a negative code is recorded. */
/* 0 if index names one of the actor's consent records; else -1 with the
 * failure recorded, the index in the language's base (Lua counts from 1). */
static int nwb_consent_index(nwb_actor *actor, size_t index)
{
    size_t n = 0;
    if (nwb_check(nw_consent_count(&n, actor)) < 0)
        return -1;
    return nwb_in_range(index, n, "consent index") ? 0 : -1;
}

static int nwb_consent_get(nw_consent *out, nwb_actor *actor, size_t index)
{
    if (nwb_consent_index(actor, index) < 0)
        return -1;
    return nwb_check(nw_consent_get(out, actor, index));
}
%}

/* ---- Actor: consent records, erasure, access export ------------------------- */

%extend nwb_actor {
    /* Add a consent record after the others (its index is consent_count() - 1).
     * Absent texts and dates are nothing (None / nil). */
    void add_consent(nw_date given, nw_consent_type type, const char *purpose,
                     const char *source, const char *text, const char *note, nw_date expires,
                     nw_date withdrawn)
    {
        nw_consent c = NW_CONSENT_INIT;
        c.given = given;
        c.type = type;
        c.purpose = purpose;
        c.source = source;
        c.text = text;
        c.note = note;
        c.expires = expires;
        c.withdrawn = withdrawn;
        nwb_check(nw_consent_add(NULL, $self, &c));
    }

    /* The number of consent records. */
    size_t consent_count()
    {
        size_t n = 0;
        nwb_check(nw_consent_count(&n, $self));
        return n;
    }

    /* The type of the consent record at a position (the order added). */
    nw_consent_type consent_type(size_t index)
    {
        nw_consent c;
        if (nwb_consent_get(&c, $self, index) < 0)
            return NW_CONSENT_OPT_IN;
        return c.type;
    }

    /* A date of the record at a position: "given", "expires" or "withdrawn"
     * (nothing if it has none). */
    nw_date consent_date(size_t index, const char *field)
    {
        nw_consent c;
        if (nwb_consent_get(&c, $self, index) < 0)
            return NW_DATE_NONE;
        if (field && strcmp(field, "given") == 0)
            return c.given;
        if (field && strcmp(field, "expires") == 0)
            return c.expires;
        if (field && strcmp(field, "withdrawn") == 0)
            return c.withdrawn;
        nwb_fail(NW_EINVAL, "a consent record has the dates given, expires and withdrawn");
        return NW_DATE_NONE;
    }

    /* A text of the record at a position: "purpose", "source", "text" or
     * "note" ("" if it has none). */
    const char *consent_text(size_t index, const char *field)
    {
        nw_consent c;
        if (nwb_consent_get(&c, $self, index) < 0)
            return NULL;
        if (field && strcmp(field, "purpose") == 0)
            return c.purpose;
        if (field && strcmp(field, "source") == 0)
            return c.source;
        if (field && strcmp(field, "text") == 0)
            return c.text;
        if (field && strcmp(field, "note") == 0)
            return c.note;
        nwb_fail(NW_EINVAL, "a consent record has the texts purpose, source, text and note");
        return NULL;
    }

    /* Record that one consent record was withdrawn on a date (it stays). */
    void withdraw_consent_at(size_t index, nw_date date)
    {
        if (nwb_consent_index($self, index) == 0)
            nwb_check(nw_consent_withdraw($self, index, date));
    }

    /* Whether consent for a purpose (nothing: the general purpose, taking
     * part in the network) is valid on a date. */
    bool consent_valid(nw_date date, const char *purpose = NULL)
    {
        bool b = false;
        nwb_check(nw_actor_consent_valid(&b, $self, date, purpose));
        return b;
    }

    /* Erase the actor completely (Art. 17); returns the number of texts
     * elsewhere in the network in which a mention was replaced. */
    size_t erase()
    {
        size_t n = 0;
        nwb_check(nw_actor_erase(&n, $self));
        return n;
    }

    /* Everything the network holds about the actor, as JSON text (Art. 15). */
    void export(char **TEXT, size_t *LEN)
    {
        nwb_check(nw_actor_export(TEXT, LEN, $self));
    }
}

/* ---- Network: the pseudonymised copy ----------------------------------------- */

%newobject pseudonymise;
%feature("compactdefaultargs") pseudonymise;

%extend nwb_network {
    /* A pseudonymised copy (Art. 4(5)) made with a secret key of at least
     * PSEUDONYM_KEY_MIN bytes; keep is an OR of PSEUDONYM_KEEP_* or 0. */
    nwb_network *pseudonymise(const void *BUF, size_t LEN, int keep = 0)
    {
        nw_network *net = nwb_net($self);
        nw_network *copy = NULL;
        nw_pseudonym_options o = NW_PSEUDONYM_OPTIONS_INIT;
        if (!net)
            return NULL;
        o.keep = (unsigned)keep;
        if (nwb_check(nw_network_pseudonymise(&copy, net, (const unsigned char *)BUF, LEN, &o)) < 0)
            return NULL;
        return nwb_network_adopt(copy);
    }
}
