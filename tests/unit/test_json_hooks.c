/*
 * The JSON loader and the host's own use of cJSON (lib/format_json.c).
 * cJSON keeps one global pair of allocation hooks; the library installs its
 * pair on its first load. A host's cJSON trees must stay out of the
 * library's allocator, and a host that sets hooks of its own afterwards
 * must not make the library leak. A process of its own: the second test
 * changes cJSON's hooks for good.
 */
#include "nwtest.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

/* Counts the calls of the library's allocator (nw_set_allocator). */
static long lib_mallocs, lib_frees;

static void *lib_malloc(size_t size, void *user)
{
    (void)user;
    lib_mallocs++;
    return malloc(size);
}

static void *lib_realloc(void *ptr, size_t size, void *user)
{
    (void)user;
    return realloc(ptr, size);
}

static void lib_free(void *ptr, void *user)
{
    (void)user;
    lib_frees++;
    free(ptr);
}

/* Counts the calls of the host's own cJSON hooks. */
static long host_mallocs, host_frees;

static void *host_malloc(size_t size)
{
    host_mallocs++;
    return malloc(size);
}

static void host_free(void *ptr)
{
    host_frees++;
    free(ptr);
}

/* Save a small network as native JSON and load it back: this installs the
 * library's hooks. Returns the loaded network's actor count. */
static size_t round_trip(void)
{
    nw_network *net = nwt_network("Netz");
    nw_actor *a = nwt_actor(net, "Kita Sonnenschein");
    nw_actor *b = nwt_actor(net, "Stadtteilbüro");
    nw_tie_free(nwt_tie(net, NW_FORM_KOOPERATION, a, b, NULL, "2026-01-15"));
    nw_actor_free(a);
    nw_actor_free(b);
    char *doc;
    size_t len, count = 0;
    NWT_OK(nw_network_save_buffer(&doc, &len, net, NULL));
    nw_network_free(net);
    nw_network *back;
    NWT_OK(nw_network_load_buffer(&back, doc, len, NULL));
    NWT_OK(nw_network_actor_count(&count, back));
    nw_network_free(back);
    nw_free(doc);
    return count;
}

static void test_host_trees_stay_out_of_the_library(void **state)
{
    (void)state;
    nw_allocator alloc = { NW_ALLOCATOR_VERSION, lib_malloc, lib_realloc, lib_free, NULL };
    NWT_OK(nw_set_allocator(&alloc));
    assert_int_equal(round_trip(), 2);
    assert_true(lib_mallocs > 0);
    assert_int_equal(lib_mallocs, lib_frees);

    /* The host parses and frees a tree of its own: not through the library. */
    long mallocs = lib_mallocs, frees = lib_frees;
    cJSON *mine = cJSON_Parse("{\"Kita\": [1, 2, 3], \"Büro\": \"offen\"}");
    assert_non_null(mine);
    assert_int_equal(lib_mallocs, mallocs);
    /* ... so the library holds nothing: its allocator can change meanwhile. */
    NWT_OK(nw_set_allocator(NULL));
    cJSON_Delete(mine);
    assert_int_equal(lib_frees, frees);
}

static void test_hooks_the_host_sets_later(void **state)
{
    (void)state;
    assert_int_equal(round_trip(), 2); /* the library's hooks are in place */
    cJSON_Hooks hooks = { host_malloc, host_free };
    cJSON_InitHooks(&hooks);
    /* The load's tree now comes from the host's hooks, and goes back there. */
    assert_int_equal(round_trip(), 2);
    assert_true(host_mallocs > 0);
    assert_int_equal(host_mallocs, host_frees);
    cJSON_InitHooks(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_trees_stay_out_of_the_library),
        cmocka_unit_test(test_hooks_the_host_sets_later),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
