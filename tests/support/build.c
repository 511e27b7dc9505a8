/*
 * Small builders that keep the tests short. Each fails the test when the
 * library refuses, with the library's message.
 */
#include "nwtest.h"

nw_date nwt_date(const char *iso)
{
    nw_date d = NW_DATE_NONE;
    int rc = nw_date_parse(&d, iso);
    if (rc != NW_OK)
        NWT_FAIL("nwt_date(\"%s\"): %s: %s", iso, nwt_code_name(rc), nw_errmsg());
    return d;
}

nw_network *nwt_network(const char *name)
{
    nw_network *net = NULL;
    int rc = nw_network_new(&net, name);
    if (rc != NW_OK || net == NULL)
        NWT_FAIL("nw_network_new(\"%s\"): %s: %s", name, nwt_code_name(rc), nw_errmsg());
    return net;
}

nw_actor *nwt_actor(nw_network *net, const char *name)
{
    nw_actor *a = NULL;
    int rc = nw_actor_add(&a, net, NW_ACTOR_PERSON, name);
    if (rc != NW_OK || a == NULL)
        NWT_FAIL("nw_actor_add(\"%s\"): %s: %s", name, nwt_code_name(rc), nw_errmsg());
    return a;
}

nw_id nwt_actor_id(const nw_actor *actor)
{
    nw_id id = NW_ID_NONE;
    int rc = nw_actor_id(&id, actor);
    if (rc != NW_OK)
        NWT_FAIL("nw_actor_id: %s: %s", nwt_code_name(rc), nw_errmsg());
    return id;
}

nw_id nwt_tie_id(const nw_tie *tie)
{
    nw_id id = NW_ID_NONE;
    int rc = nw_tie_id(&id, tie);
    if (rc != NW_OK)
        NWT_FAIL("nw_tie_id: %s: %s", nwt_code_name(rc), nw_errmsg());
    return id;
}

nw_tie *nwt_tie(nw_network *net, nw_form form, nw_actor *a, nw_actor *b, nw_actor *c,
                const char *start)
{
    nw_actor *members[3] = { a, b, c };
    nw_tie *t = NULL;
    int rc = nw_tie_add(&t, net, form, members, c ? 3 : 2, nwt_date(start));
    if (rc != NW_OK || t == NULL)
        NWT_FAIL("nw_tie_add: %s: %s", nwt_code_name(rc), nw_errmsg());
    return t;
}
