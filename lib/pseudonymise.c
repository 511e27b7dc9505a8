/*
 * The pseudonymised copy (Art. 4(5) DSGVO): every text replaced by a keyed
 * hash of it, everything else kept, so that analysis gives the same results.
 *
 * The keyed hash is HMAC-SHA-256 from GNU Nettle (Debian: nettle-dev), see
 * docs/data-protection.md for the choice. Nettle's HMAC allocates nothing
 * and keeps no global state, so it cannot fail and is safe in threads. The
 * pseudonym is the first 80 bits of HMAC(key, domain || 0 || text) in hex;
 * the domain separates classes (a name never gets the pseudonym of the same
 * text as a note), except that topics, goals and interests share one, so
 * that their overlap survives.
 */
#include "io_internal.h"

#include <nettle/hmac.h>

#define DIGITS 20 /* hex digits of a pseudonym: 80 bits */

typedef struct pseudonymiser {
    struct hmac_sha256_ctx hmac; /* keyed; reset to the keyed state by each digest */
    unsigned keep;
} pseudonymiser;

static int pseudonym(char **out, void *ctx, enum nw_text_class cls, const char *text)
{
    pseudonymiser *p = ctx;
    const char *domain, *prefix = "", *suffix = "";
    switch (cls) {
    case NW_TEXT_CLASS_NETWORK:
        if (p->keep & NW_PSEUDONYM_KEEP_NETWORK_NAME)
            return NW_OK;
        domain = prefix = "network-";
        break;
    case NW_TEXT_CLASS_NAME:
        domain = prefix = "actor-";
        break;
    case NW_TEXT_CLASS_EMAIL:
        domain = "email";
        suffix = "@pseudonym.invalid"; /* RFC 2606: never a real address */
        break;
    case NW_TEXT_CLASS_CONTACT:
        domain = prefix = "contact-";
        break;
    case NW_TEXT_CLASS_TOPIC:
        if (p->keep & NW_PSEUDONYM_KEEP_TOPICS)
            return NW_OK;
        domain = prefix = "topic-";
        break;
    case NW_TEXT_CLASS_PURPOSE:
        if (p->keep & NW_PSEUDONYM_KEEP_PURPOSES)
            return NW_OK;
        domain = prefix = "purpose-";
        break;
    default:
        domain = prefix = "text-";
        break;
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    hmac_sha256_update(&p->hmac, strlen(domain) + 1, (const uint8_t *)domain); /* with its NUL */
    hmac_sha256_update(&p->hmac, strlen(text), (const uint8_t *)text);
    hmac_sha256_digest(&p->hmac, sizeof digest, digest);

    size_t np = strlen(prefix), ns = strlen(suffix);
    char *s = nw_mem_alloc(np + DIGITS + ns + 1);
    if (s == NULL)
        return NW_ENOMEM;
    static const char hex[] = "0123456789abcdef";
    memcpy(s, prefix, np);
    for (size_t i = 0; i < DIGITS / 2; i++) {
        s[np + 2 * i] = hex[digest[i] >> 4];
        s[np + 2 * i + 1] = hex[digest[i] & 15];
    }
    memcpy(s + np + DIGITS, suffix, ns + 1);
    *out = s;
    return NW_OK;
}

int nw_network_pseudonymise(nw_network **out, const nw_network *net, const unsigned char *key,
                            size_t key_len, const nw_pseudonym_options *opts)
{
    static const nw_pseudonym_options defaults = NW_PSEUDONYM_OPTIONS_INIT;
    const unsigned known = NW_PSEUDONYM_KEEP_NETWORK_NAME | NW_PSEUDONYM_KEEP_TOPICS
                         | NW_PSEUDONYM_KEEP_PURPOSES;
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    if (rc != NW_OK)
        return rc;
    if (key == NULL)
        return nw_fail(NW_EINVAL, "key is NULL");
    if (key_len < NW_PSEUDONYM_KEY_MIN)
        return nw_fail(NW_EINVAL, "key is too short (%zu bytes; at least %d)", key_len,
                       NW_PSEUDONYM_KEY_MIN);
    if (opts == NULL)
        opts = &defaults;
    if (opts->version != NW_PSEUDONYM_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "options version %u is unknown (this library knows %d)",
                       opts->version, NW_PSEUDONYM_OPTIONS_VERSION);
    if (opts->keep & ~known)
        return nw_fail(NW_EINVAL, "keep has unknown flags (0x%x)", opts->keep & ~known);

    pseudonymiser p;
    p.keep = opts->keep;
    hmac_sha256_set_key(&p.hmac, key_len, key);
    rc = nw_network_copy_mapped(out, net, pseudonym, &p);
    nw_wipe(&p, sizeof p); /* the key-derived hash state */
    if (rc == NW_EEXISTS)
        return nw_fail(NW_EEXISTS, "two different texts got the same pseudonym; use another key");
    return rc;
}
