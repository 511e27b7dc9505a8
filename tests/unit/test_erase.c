/*
 * netzwerk/privacy.h: nw_actor_erase() (Art. 17 DSGVO). The central test
 * saves the network, erases Maria, saves again (native JSON, GraphML, CSV)
 * and searches every byte of the files for her data.
 */
#include "test_privacy.h"

#define MARK "[\xe2\x80\xa6]" /* the marker "[…]" */

static char *save_native(nw_network *net, size_t *len)
{
    char *out = NULL;
    NWT_OK(nw_network_save_buffer(&out, len, net, NULL));
    return out;
}

static const char *interaction_note(nw_tie *t, size_t i)
{
    nw_date d;
    nw_interaction_kind k;
    const char *note = NULL;
    NWT_OK(nw_tie_interaction(&d, &k, &note, t, i));
    return note;
}

static void test_erase_byte_search(void **state)
{
    (void)state;
    world w;
    world_make(&w);

    /* Before: the saved file holds her data (so the search below can fail). */
    size_t len = 0;
    char *before = save_native(w.net, &len);
    assert_true(has_bytes(before, len, "Maria Müller"));
    assert_true(has_bytes(before, len, "maria.mueller@example.org"));
    nw_free(before);

    size_t redacted = 99;
    NWT_OK(nw_actor_erase(&redacted, w.a[1]));
    /* By hand: the network's goal, the school's attribute, Ben's "other"
     * contact, the cooperation's first note and user item's label and note,
     * the group's first note. (Her own per-partner item goes with her.) */
    assert_int_equal(redacted, 7);

    char *after = save_native(w.net, &len);
    assert_none_of("native JSON", after, len, maria_data());
    nw_free(after);

    char *graphml = NULL;
    nw_save_options go = NW_SAVE_OPTIONS_INIT;
    go.format = NW_FORMAT_GRAPHML;
    NWT_OK(nw_network_save_buffer(&graphml, &len, w.net, &go));
    assert_true(has_bytes(graphml, len, "Grundschule am Park")); /* the search works */
    assert_none_of("GraphML", graphml, len, maria_data());
    nw_free(graphml);

    char *actors = NULL, *ties = NULL;
    size_t alen = 0, tlen = 0;
    NWT_OK(nw_network_save_csv_buffer(&actors, &alen, &ties, &tlen, w.net, NULL));
    assert_true(has_bytes(actors, alen, "Ben Okafor"));
    assert_none_of("actors.csv", actors, alen, maria_data());
    assert_none_of("ties.csv", ties, tlen, maria_data());
    nw_free(actors);
    nw_free(ties);
    world_free(&w);
}

static void test_erase_what_goes_and_stays(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    NWT_OK(nw_actor_erase(NULL, w.a[1]));

    /* her record and her name */
    size_t n = 0;
    NWT_OK(nw_network_actor_count(&n, w.net));
    assert_int_equal(n, 4);
    nw_actor *x = NULL;
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup(&x, w.net, 1));
    NWT_EXPECT(NW_ENOTFOUND, nw_actor_lookup_name(&x, w.net, "Maria Müller"));
    NWT_EXPECT(NW_ESTALE, nw_actor_kind_get(&(nw_actor_kind){ 0 }, w.a[1]));
    NWT_EXPECT(NW_ESTALE, nw_actor_erase(NULL, w.a[1]));

    /* the contact of two goes; the cooperation of three stays with two */
    NWT_OK(nw_network_tie_count(&n, w.net, NW_FORM_MASK_ALL));
    assert_int_equal(n, 3);
    NWT_EXPECT(NW_ESTALE, nw_tie_member_count(&n, w.t[2]));
    NWT_OK(nw_tie_member_count(&n, w.t[1]));
    assert_int_equal(n, 2);
    /* kept for the structure: dates, kinds and the order of interactions */
    NWT_OK(nw_tie_interaction_count(&n, w.t[1]));
    assert_int_equal(n, 2);
    nw_date d;
    nw_interaction_kind k;
    NWT_OK(nw_tie_interaction(&d, &k, NULL, w.t[1], 0));
    assert_int_equal(d, nwt_date("2025-03-01"));
    assert_int_equal(k, NW_INTERACTION_MEETING);
    assert_string_equal(interaction_note(w.t[1], 0), MARK " stellt den Plan vor; " MARK
                                                     " verschickt das Protokoll");
    assert_string_equal(interaction_note(w.t[1], 1), "Telefonat Schule und Jugendzentrum");
    assert_string_equal(interaction_note(w.t[3], 0), MARK "s Vorschlag angenommen");
    const char *label;
    NWT_OK(nw_tie_label(&label, w.t[1]));
    assert_string_equal(label, "Schulwegplan");

    /* mentions in others' data; their names and e-mail stay */
    const char *v;
    NWT_OK(nw_actor_attr_get(&v, w.a[2], "Ansprechperson"));
    assert_string_equal(v, MARK " (bis 2026)");
    nw_channel ch;
    NWT_OK(nw_actor_contact(&ch, &v, w.a[4], 1));
    assert_string_equal(v, "über " MARK " erreichbar");
    NWT_OK(nw_actor_contact(&ch, &v, w.a[4], 0));
    assert_string_equal(v, "ben@example.net");
    NWT_OK(nw_network_goal(&v, w.net, 0));
    assert_string_equal(v, "Schulwegplan mit " MARK " bis 2027");
    NWT_OK(nw_network_topic(&v, w.net, 0));
    assert_string_equal(v, "Sichere Schulwege");

    /* checklists: no longer responsible, her per-partner item gone */
    nw_checklist *cl = NULL;
    nw_id item, who;
    NWT_OK(nw_tie_checklist(&cl, w.t[1]));
    NWT_OK(nw_checklist_find(&item, cl, "coop.goal", NW_ID_NONE));
    NWT_OK(nw_checklist_item_responsible(&who, cl, item));
    assert_int_equal(who, NW_ID_NONE);
    nw_item_state st;
    NWT_OK(nw_checklist_item_state(&st, cl, item));
    assert_int_equal(st, NW_ITEM_AGREED); /* the item itself stays */
    NWT_EXPECT(NW_ENOTFOUND, nw_checklist_find(&item, cl, "coop.partner_benefit", 1));
    NWT_OK(nw_checklist_find(&item, cl, "coop.partner_benefit", 2));
    NWT_OK(nw_checklist_item_count(&n, cl));
    NWT_OK(nw_checklist_item_at(&item, cl, n - 1));
    NWT_OK(nw_checklist_item_label(&label, cl, item, NW_LANG_DE));
    assert_string_equal(label, "Elternbrief von " MARK " prüfen");
    NWT_OK(nw_checklist_item_note(&label, cl, item));
    assert_string_equal(label, "Frau " MARK " schickt den Entwurf");
    nw_checklist_free(cl);
    NWT_OK(nw_tie_checklist(&cl, w.t[3]));
    NWT_OK(nw_checklist_find(&item, cl, "group.relevance", NW_ID_NONE));
    NWT_OK(nw_checklist_item_responsible(&who, cl, item));
    assert_int_equal(who, NW_ID_NONE);
    nw_checklist_free(cl);

    /* her identity is never given again; a new actor may take her name */
    nw_actor *neu = NULL;
    NWT_OK(nw_actor_add(&neu, w.net, NW_ACTOR_PERSON, "Maria Müller"));
    assert_int_equal(nwt_actor_id(neu), 6);
    nw_actor_free(neu);
    world_free(&w);
}

/* The identity counter survives saving and loading after an erasure. */
static void test_erase_identity_not_reused_after_load(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    nw_actor *last = nwt_actor(w.net, "Zuletzt");
    NWT_OK(nw_actor_erase(NULL, last));
    size_t len;
    char *text = save_native(w.net, &len);
    nw_network *loaded = NULL;
    NWT_OK(nw_network_load_buffer(&loaded, text, len, NULL));
    nw_free(text);
    nw_actor *a = NULL;
    NWT_OK(nw_actor_add(&a, loaded, NW_ACTOR_PERSON, "Neu"));
    assert_int_equal(nwt_actor_id(a), 7);
    nw_actor_free(a);
    nw_actor_free(last);
    nw_network_free(loaded);
    world_free(&w);
}

/* Names of groups and organisations are looked for whole, not word by
 * word; every mention must stand as a word; ASCII case does not matter. */
static void test_erase_matching(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *kita = NULL, *ben = NULL, *bo = NULL, *z = nwt_actor(net, "Zoe Zander");
    NWT_OK(nw_actor_add(&kita, net, NW_ACTOR_ORGANISATION, "Kita Sonnenschein"));
    NWT_OK(nw_actor_add(&ben, net, NW_ACTOR_PERSON, "Ben Ott"));
    NWT_OK(nw_actor_add(&bo, net, NW_ACTOR_PERSON, "Bo"));
    NWT_OK(nw_actor_contact_add(ben, NW_CHANNEL_EMAIL, "Ben.Ott@Example.org"));
    NWT_OK(nw_actor_contact_add(ben, NW_CHANNEL_PHONE, "12"));
    NWT_OK(nw_actor_attr_set(z, "a", "Die Kita hat neue Öffnungszeiten"));
    NWT_OK(nw_actor_attr_set(z, "b", "Kita Sonnenschein lädt ein"));
    NWT_OK(nw_actor_attr_set(z, "c", "Wir haben Bens Idee und BEN selbst; Benutzer, Ottos"));
    NWT_OK(nw_actor_attr_set(z, "d", "Mail an ben.ott@example.ORG, Raum 12"));
    NWT_OK(nw_actor_attr_set(z, "e", "Bo und Bob"));
    size_t n = 0;
    NWT_OK(nw_actor_erase(&n, kita));
    assert_int_equal(n, 1);
    NWT_OK(nw_actor_erase(&n, ben));
    assert_int_equal(n, 2);
    NWT_OK(nw_actor_erase(&n, bo)); /* a name shorter than 3 bytes is still looked for */
    assert_int_equal(n, 1);
    const char *v;
    NWT_OK(nw_actor_attr_get(&v, z, "a"));
    assert_string_equal(v, "Die Kita hat neue Öffnungszeiten");
    NWT_OK(nw_actor_attr_get(&v, z, "b"));
    assert_string_equal(v, MARK " lädt ein");
    NWT_OK(nw_actor_attr_get(&v, z, "c"));
    assert_string_equal(v, "Wir haben " MARK "s Idee und " MARK " selbst; Benutzer, Ottos");
    NWT_OK(nw_actor_attr_get(&v, z, "d"));
    assert_string_equal(v, "Mail an " MARK ", Raum 12"); /* "12" is too short to look for */
    NWT_OK(nw_actor_attr_get(&v, z, "e"));
    assert_string_equal(v, MARK " und Bob");
    nw_actor_free(kita);
    nw_actor_free(ben);
    nw_actor_free(bo);
    nw_actor_free(z);
    nw_network_free(net);
}

/* Redaction may make two items of a set equal: the set keeps one. */
static void test_erase_sets_stay_sets(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Hanna Berg");
    nw_actor *b = nwt_actor(net, "Emil Roth");
    NWT_OK(nw_network_topic_add(net, "Garten von Hanna"));
    NWT_OK(nw_network_topic_add(net, "Garten von Hanna Berg"));
    NWT_OK(nw_network_topic_add(net, "Spielplatz"));
    NWT_OK(nw_actor_interest_add(b, "Berg"));
    NWT_OK(nw_actor_interest_add(b, "Hanna"));
    size_t n = 0;
    NWT_OK(nw_actor_erase(&n, a));
    assert_int_equal(n, 4);
    NWT_OK(nw_network_topic_count(&n, net));
    assert_int_equal(n, 2);
    const char *v;
    NWT_OK(nw_network_topic(&v, net, 0));
    assert_string_equal(v, "Garten von " MARK);
    NWT_OK(nw_network_topic(&v, net, 1));
    assert_string_equal(v, "Spielplatz");
    NWT_OK(nw_actor_interest_count(&n, b));
    assert_int_equal(n, 1);
    NWT_OK(nw_actor_interest(&v, b, 0));
    assert_string_equal(v, MARK);
    /* the sets still work as sets */
    NWT_EXPECT(NW_EEXISTS, nw_actor_interest_add(b, MARK));
    NWT_OK(nw_network_topic_add(net, "Hanna"));
    nw_actor_free(a);
    nw_actor_free(b);
    nw_network_free(net);
}

/* If a needle occurs in the usual marker, another marker is taken. */
static void test_erase_marker_never_mentions(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    nw_actor *a = NULL, *z = nwt_actor(net, "Zoe");
    NWT_OK(nw_actor_add(&a, net, NW_ACTOR_GROUP, "[\xe2\x80\xa6]"));
    NWT_OK(nw_actor_attr_set(z, "k", "vorher [\xe2\x80\xa6] nachher"));
    NWT_OK(nw_actor_erase(NULL, a));
    const char *v;
    NWT_OK(nw_actor_attr_get(&v, z, "k"));
    assert_string_equal(v, "vorher *** nachher");
    nw_actor_free(a);
    nw_actor_free(z);
    nw_network_free(net);
}

static void test_erase_errors(void **state)
{
    (void)state;
    NWT_EXPECT(NW_EINVAL, nw_actor_erase(NULL, NULL));
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Maria Müller");
    nw_actor *b = NULL;
    NWT_OK(nw_actor_dup(&b, a));
    NWT_OK(nw_actor_remove(a));
    NWT_EXPECT(NW_ESTALE, nw_actor_erase(NULL, b));
    assert_null(strstr(nw_errmsg(), "Maria"));
    nw_actor_free(a);
    nw_network_free(net);
    NWT_EXPECT(NW_ESTALE, nw_actor_erase(NULL, b)); /* a zombie network */
    nw_actor_free(b);
}

/* Every allocation of an erasure may fail: NW_ENOMEM, nothing changed,
 * nothing leaked, no personal data in the message; then it succeeds. */
static void test_erase_out_of_memory(void **state)
{
    (void)state;
    world w;
    world_make(&w);
    char *want = NULL;
    {
        world v;
        world_make(&v);
        NWT_OK(nw_actor_erase(NULL, v.a[1]));
        want = privacy_state(v.net);
        world_free(&v);
    }
    char *before = privacy_state(w.net);
    long k;
    for (k = 1;; k++) {
        nwt_failalloc_fail_at(k);
        int rc = nw_actor_erase(NULL, w.a[1]);
        if (nwt_failalloc_failures() == 0) {
            assert_int_equal(rc, NW_OK);
            break;
        }
        assert_int_equal(rc, NW_ENOMEM);
        assert_null(strstr(nw_errmsg(), "Maria"));
        char *now = privacy_state(w.net);
        assert_string_equal(now, before);
        free(now);
    }
    nwt_failalloc_fail_at(0);
    assert_true(k > 5);
    char *got = privacy_state(w.net);
    assert_string_equal(got, want);
    free(got);
    free(before);
    free(want);
    world_free(&w);
}

/* Erasure leaves no copy of the name in the library's memory: not in a
 * block the network keeps (a bulk load's arena holds records of several
 * actors), and not in one it gives back; for a renamed actor, neither name. */
static void test_erase_leaves_no_copy_in_memory(void **state)
{
    (void)state;
    nw_network *net = nwt_network("Netz");
    static const char *const names[] = {"Maria Müller", "Ben Okafor", "Cem Yilmaz"};
    NWT_OK(nw_actors_add(NULL, net, NW_ACTOR_PERSON, names, 3));
    static const nw_id pairs[] = {1, 2, 2, 3, 3, 1};
    NWT_OK(nw_ties_add(NULL, net, NW_FORM_KONTAKT, pairs, 3, nwt_date("2026-01-01")));
    nw_actor *dora = nwt_actor(net, "Dora Dorn");
    NWT_OK(nw_actor_set_name(dora, "Dora Neu"));
    nw_actor *maria = NULL;
    NWT_OK(nw_actor_lookup(&maria, net, 1));
    /* The search finds them before. */
    assert_true(nwt_failalloc_live_holds("Maria Müller"));
    assert_true(nwt_failalloc_live_holds("Dora Neu"));

    nwt_failalloc_watch("Maria Müller");
    NWT_OK(nw_actor_erase(NULL, maria));
    assert_false(nwt_failalloc_live_holds("Maria Müller"));
    assert_int_equal(nwt_failalloc_watched_freed(), 0);
    assert_true(nwt_failalloc_live_holds("Ben Okafor")); /* her arena neighbours stay */
    assert_true(nwt_failalloc_live_holds("Cem Yilmaz"));

    nwt_failalloc_watch("Dora "); /* either name */
    NWT_OK(nw_actor_erase(NULL, dora));
    assert_false(nwt_failalloc_live_holds("Dora "));
    assert_int_equal(nwt_failalloc_watched_freed(), 0);
    nwt_failalloc_watch(NULL);
    nw_actor_free(maria);
    nw_actor_free(dora);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        NWT_TEST(test_erase_byte_search),
        NWT_TEST(test_erase_what_goes_and_stays),
        NWT_TEST(test_erase_identity_not_reused_after_load),
        NWT_TEST(test_erase_matching),
        NWT_TEST(test_erase_sets_stay_sets),
        NWT_TEST(test_erase_marker_never_mentions),
        NWT_TEST(test_erase_errors),
        NWT_TEST(test_erase_out_of_memory),
        NWT_TEST(test_erase_leaves_no_copy_in_memory),
    };
    return NWT_RUN(tests);
}
