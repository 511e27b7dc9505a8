/*
 * netzwerk/io.h, files: atomic saves (a write that fails half-way leaves
 * the old file intact and no temporary file behind), permissions, format by
 * extension, reading errors, and running out of memory in each of the four
 * file functions. Every test runs under the test allocator (NWT_RUN: leak
 * check, failure injection), in a fresh folder of its own.
 */
#define _POSIX_C_SOURCE 200809L

#include "test_io_fixture.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static int make_dir(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/nw_io_file_XXXXXX");
    return mkdtemp(dir) == NULL ? -1 : 0;
}

static int remove_dir(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (remove(path) != 0)
            rmdir(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    return 0;
}

/* The fixtures of NWT_TEST (the leak check) around a fresh folder. */
static int setup(void **state)
{
    return make_dir(state) != 0 ? -1 : nwt_setup(state);
}

static int teardown(void **state)
{
    int rc = nwt_teardown(state);
    remove_dir(state);
    return rc;
}

#define IO_TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static const char *in_dir(char *buf, const char *name)
{
    snprintf(buf, 512, "%s/%s", dir, name);
    return buf;
}

/* The names in the folder, sorted, joined by ' '. */
static void listing(char *out, size_t size)
{
    char names[32][260];
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL && n < 32)
        if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
            snprintf(names[n++], 260, "%s", e->d_name);
    closedir(d);
    qsort(names, (size_t)n, 260, (int (*)(const void *, const void *))strcmp);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i > 0)
            strncat(out, " ", size - strlen(out) - 1);
        strncat(out, names[i], size - strlen(out) - 1);
    }
}

static void test_save_load(void **state)
{
    (void)state;
    char path[512], gpath[512], list[1024];
    nw_network *net = fx_every_field();
    NWT_OK(nw_network_save(net, in_dir(path, "netz.json"), NULL));
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    nw_network *copy = NULL;
    NWT_OK(nw_network_load(&copy, path, NULL));
    char *fp1 = nwt_fingerprint(net), *fp2 = nwt_fingerprint(copy);
    assert_string_equal(fp1, fp2);
    free(fp1);
    free(fp2);
    nw_network_free(copy);

    /* Replacing keeps the permissions the user gave the file. */
    assert_int_equal(chmod(path, 0640), 0);
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_NO_SYNC;
    NWT_OK(nw_network_save(net, path, &so));
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);

    /* The extension picks GraphML; loading detects it by the content too. */
    NWT_OK(nw_network_save(net, in_dir(gpath, "netz.graphml"), NULL));
    char *text = fx_read(gpath, NULL);
    assert_memory_equal(text, "<?xml", 5);
    free(text);
    NWT_OK(nw_network_load(&copy, gpath, NULL));
    nw_network_free(copy);
    char other[512];
    assert_int_equal(rename(gpath, in_dir(other, "netz.data")), 0);
    NWT_OK(nw_network_load(&copy, other, NULL));
    nw_network_free(copy);
    remove(other);

    /* CSV: two files. */
    char apath[512], tpath[512];
    NWT_OK(nw_network_save_csv(net, in_dir(apath, "actors.csv"), in_dir(tpath, "ties.csv"), NULL));
    NWT_OK(nw_network_load_csv(&copy, apath, tpath, NULL));
    size_t n = 0;
    NWT_OK(nw_network_tie_count(&n, copy, NW_FORM_MASK_ALL));
    assert_int_equal(n, 3);
    nw_network_free(copy);
    NWT_OK(nw_network_load_csv(&copy, apath, NULL, NULL));
    NWT_OK(nw_network_tie_count(&n, copy, NW_FORM_MASK_ALL));
    assert_int_equal(n, 0);
    nw_network_free(copy);

    listing(list, sizeof list);
    assert_string_equal(list, "actors.csv netz.json ties.csv");
    nw_network_free(net);
}

/* The disk fills up half-way: RLIMIT_FSIZE makes write() fail with EFBIG
 * once the file reaches 1 KiB (SIGXFSZ ignored, as a server would). */
static void test_write_fails_half_way(void **state)
{
    (void)state;
    char path[512], list[1024];
    in_dir(path, "netz.json");
    fx_write(path, "{\"old\": true}\n");
    nw_network *net = fx_every_field();
    char *text = NULL;
    size_t len = 0;
    NWT_OK(nw_network_save_buffer(&text, &len, net, NULL));
    assert_true(len > 1024);
    nw_free(text);

    struct rlimit old, small;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small = old;
    small.rlim_cur = 1024;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    int rc = nw_network_save(net, path, NULL);
    char msg[512];
    snprintf(msg, sizeof msg, "%s", nw_errmsg());
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, old_handler);

    assert_int_equal(rc, NW_EIO);
    if (strstr(msg, "cannot write") == NULL || strstr(msg, "netz.json") == NULL
        || strstr(msg, strerror(EFBIG)) == NULL)
        NWT_FAIL("unexpected message \"%s\"", msg);
    char *now = fx_read(path, NULL);
    assert_string_equal(now, "{\"old\": true}\n");
    free(now);
    listing(list, sizeof list);
    assert_string_equal(list, "netz.json");
    nw_network_free(net);
}

static void test_errors(void **state)
{
    (void)state;
    char path[512], list[1024];
    nw_network *net = nwt_network("N");
    nw_network *out = NULL;

    /* The target is a folder: the rename fails, nothing is left behind. */
    assert_int_equal(mkdir(in_dir(path, "folder.json"), 0700), 0);
    NWT_EXPECT(NW_EIO, nw_network_save(net, path, NULL));
    assert_non_null(strstr(nw_errmsg(), "cannot replace"));
    listing(list, sizeof list);
    assert_string_equal(list, "folder.json");
    rmdir(path);

    NWT_EXPECT(NW_EIO, nw_network_save(net, in_dir(path, "missing/netz.json"), NULL));
    assert_non_null(strstr(nw_errmsg(), strerror(ENOENT)));
    NWT_EXPECT(NW_EINVAL, nw_network_save(net, in_dir(path, ""), NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_save(net, NULL, NULL));
    NWT_EXPECT(NW_EINVAL, nw_network_save(NULL, path, NULL));

    NWT_EXPECT(NW_EIO, nw_network_load(&out, in_dir(path, "none.json"), NULL));
    assert_non_null(strstr(nw_errmsg(), "cannot open"));
    NWT_EXPECT(NW_EIO, nw_network_load_csv(&out, in_dir(path, "none.csv"), NULL, NULL));

    /* Larger than max_bytes: refused before reading. */
    NWT_OK(nw_network_save(net, in_dir(path, "n.json"), NULL));
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    lo.max_bytes = 10;
    NWT_EXPECT(NW_ELIMIT, nw_network_load(&out, path, &lo));
    assert_non_null(strstr(nw_errmsg(), "limit of 10"));
    /* A folder cannot be read as a file. */
    NWT_EXPECT(NW_EIO, nw_network_load(&out, dir, NULL));
    assert_null(out);
    remove(path);
    nw_network_free(net);
}

/* The first bytes of a saved file. */
static void expect_starts(const char *path, const char *start)
{
    char *text = fx_read(path, NULL);
    if (strncmp(text, start, strlen(start)) != 0)
        NWT_FAIL("%s starts with \"%.20s\", expected \"%s\"", path, text, start);
    free(text);
}

/* NW_FORMAT_AUTO, each branch of the rule in io.h (see nw_format). */
static void test_format_auto(void **state)
{
    (void)state;
    char path[512];
    nw_network *net = fx_every_field(), *copy = NULL;
    char *native = NULL, *graphml = NULL;
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_NO_SYNC;

    /* Saving: .graphml and .xml (any case) GraphML; .json and others native. */
    const char *const graphml_names[] = { "a.graphml", "b.xml", "c.XML", "d.GraphML" };
    const char *const native_names[] = { "e.json", "f.JSON", "g.data", "h", "i.graphml.bak" };
    for (size_t i = 0; i < 4; i++) {
        NWT_OK(nw_network_save(net, in_dir(path, graphml_names[i]), &so));
        expect_starts(path, "<?xml");
    }
    for (size_t i = 0; i < 5; i++) {
        NWT_OK(nw_network_save(net, in_dir(path, native_names[i]), &so));
        expect_starts(path, "{\n  \"format\": \"netzwerk\"");
    }
    /* A buffer is native; an explicit format beats the extension. */
    NWT_OK(nw_network_save_buffer(&native, NULL, net, NULL));
    assert_memory_equal(native, "{", 1);
    so.format = NW_FORMAT_NATIVE;
    NWT_OK(nw_network_save(net, in_dir(path, "j.graphml"), &so));
    expect_starts(path, "{");
    so.format = NW_FORMAT_GRAPHML;
    NWT_OK(nw_network_save_buffer(&graphml, NULL, net, &so));
    assert_memory_equal(graphml, "<?xml", 5);

    /* Loading: the extension decides, the content is not looked at. */
    fx_write(in_dir(path, "graphml-inside.json"), graphml);
    NWT_EXPECT(NW_EFORMAT, nw_network_load(&copy, path, NULL));
    assert_non_null(strstr(nw_errmsg(), "invalid JSON"));
    fx_write(in_dir(path, "native-inside.xml"), native);
    NWT_EXPECT(NW_EFORMAT, nw_network_load(&copy, path, NULL));
    assert_null(strstr(nw_errmsg(), "JSON"));
    fx_write(in_dir(path, "native-inside.GRAPHML"), native);
    NWT_EXPECT(NW_EFORMAT, nw_network_load(&copy, path, NULL));
    assert_null(copy);
    /* Without such an extension, the content decides: '<' after a BOM and
     * white space is GraphML, anything else native. */
    size_t n = 0;
    fx_write(in_dir(path, "g.data"), graphml);
    NWT_OK(nw_network_load(&copy, path, NULL));
    NWT_OK(nw_network_actor_count(&n, copy));
    assert_int_equal(n, 4);
    nw_network_free(copy);
    fx_write(in_dir(path, "n"), native);
    NWT_OK(nw_network_load(&copy, path, NULL));
    nw_network_free(copy);
    char *padded = malloc(strlen(graphml) + 8);
    assert_non_null(padded);
    strcpy(padded, "\xEF\xBB\xBF \t\r\n");
    strcat(padded, strchr(graphml, '\n') + 1); /* no XML declaration after white space */
    fx_write(in_dir(path, "bom.txt"), padded);
    NWT_OK(nw_network_load(&copy, path, NULL));
    nw_network_free(copy);
    /* Buffers: the content. */
    NWT_OK(nw_network_load_buffer(&copy, padded, strlen(padded), NULL));
    nw_network_free(copy);
    NWT_OK(nw_network_load_buffer(&copy, native, strlen(native), NULL));
    nw_network_free(copy);
    /* An explicit format beats both. */
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    lo.format = NW_FORMAT_NATIVE;
    NWT_EXPECT(NW_EFORMAT, nw_network_load_buffer(&copy, padded, strlen(padded), &lo));
    lo.format = NW_FORMAT_GRAPHML;
    NWT_OK(nw_network_load(&copy, in_dir(path, "a.graphml"), &lo));
    nw_network_free(copy);
    NWT_EXPECT(NW_EFORMAT, nw_network_load(&copy, in_dir(path, "e.json"), &lo));
    free(padded);
    nw_free(native);
    nw_free(graphml);
    nw_network_free(net);
}

static void test_options_init(void **state)
{
    (void)state;
    nw_load_options lo, lref = NW_LOAD_OPTIONS_INIT;
    memset(&lo, 0x5a, sizeof lo);
    NWT_OK(nw_load_options_init(&lo, NW_LOAD_OPTIONS_VERSION));
    assert_int_equal(lo.version, NW_LOAD_OPTIONS_VERSION);
    assert_int_equal(lo.format, NW_FORMAT_AUTO);
    assert_true(lo.max_bytes == 0 && lo.max_actors == 0 && lo.max_ties == 0
                && lo.max_items == 0 && lo.max_depth == 0);
    assert_int_equal(lo.default_start, NW_DATE_NONE);
    assert_int_equal(lo.default_form, NW_FORM_KONTAKT);
    assert_null(lo.name);
    assert_int_equal(lo.csv_separator, 0);
    assert_null(lo.error);
    assert_int_equal(lo.default_form, lref.default_form);
    NWT_EXPECT(NW_EINVAL, nw_load_options_init(NULL, NW_LOAD_OPTIONS_VERSION));
    NWT_EXPECT(NW_EINVAL, nw_load_options_init(&lo, NW_LOAD_OPTIONS_VERSION + 1));
    NWT_EXPECT(NW_EINVAL, nw_load_options_init(&lo, 0));
    assert_int_equal(lo.version, NW_LOAD_OPTIONS_VERSION); /* untouched on failure */

    nw_save_options so;
    memset(&so, 0x5a, sizeof so);
    NWT_OK(nw_save_options_init(&so, NW_SAVE_OPTIONS_VERSION));
    assert_int_equal(so.version, NW_SAVE_OPTIONS_VERSION);
    assert_int_equal(so.format, NW_FORMAT_AUTO);
    assert_int_equal(so.flags, 0);
    assert_int_equal(so.csv_separator, 0);
    assert_int_equal(so.consent_as_of, NW_DATE_NONE);
    assert_null(so.consent_purpose);
    NWT_EXPECT(NW_EINVAL, nw_save_options_init(NULL, NW_SAVE_OPTIONS_VERSION));
    NWT_EXPECT(NW_EINVAL, nw_save_options_init(&so, NW_SAVE_OPTIONS_VERSION + 1));

    /* Options made by the functions work. */
    nw_network *net = nwt_network("N"), *copy = NULL;
    char *text = NULL;
    NWT_OK(nw_network_save_buffer(&text, NULL, net, &so));
    NWT_OK(nw_network_load_buffer(&copy, text, strlen(text), &lo));
    nw_network_free(copy);
    nw_free(text);
    nw_network_free(net);
}

/* One failed load: the code it returns and the nw_load_error it fills
 * (pre-set to garbage, so that a field left stale shows). */
static void expect_position(int rc, const nw_load_error *e, int code, size_t line, size_t column,
                            const char *where)
{
    assert_int_equal(rc, code);
    if (e->code != code || e->line != line || e->column != column || strcmp(e->where, where) != 0)
        NWT_FAIL("got {%d, %zu, %zu, \"%.60s\"}, expected {%d, %zu, %zu, \"%s\"} (%s)",
                 e->code, e->line, e->column, e->where, code, line, column, where, nw_errmsg());
}

static void test_load_error_filled(void **state)
{
    (void)state;
    char path[512];
    nw_load_error e;
    nw_load_options lo = NW_LOAD_OPTIONS_INIT;
    lo.error = &e;
    nw_network *out = NULL;
#define LOAD(call) (memset(&e, 0x5a, sizeof e), (call))
    const char *syntax = "{\n  \"format\": ,\n}";
    const char *content = "{\"format\": \"netzwerk\", \"version\": 1, \"name\": \"N\", "
                          "\"actors\": [{\"id\": 1, \"kind\": \"robot\", \"name\": \"A\"}], "
                          "\"ties\": []}";
    const char *xml = "<graphml>\n<graph>\n<node id=\"n1\"/>\n<edge source=\"n1\" target=\"x\"/>\n"
                      "</graph>\n</graphml>\n";
    expect_position(LOAD(nw_network_load_buffer(&out, syntax, strlen(syntax), &lo)), &e,
                    NW_EFORMAT, 2, 13, "");
    expect_position(LOAD(nw_network_load_buffer(&out, content, strlen(content), &lo)), &e,
                    NW_EFORMAT, 0, 0, "$.actors[0].kind");
    expect_position(LOAD(nw_network_load_buffer(&out, xml, strlen(xml), &lo)), &e, NW_EFORMAT,
                    4, 0, "edge '(no id)'");
    expect_position(LOAD(nw_network_load_buffer(&out, "<a>", 3, &lo)), &e, NW_EFORMAT, 1, 1, "");
    expect_position(LOAD(nw_network_load_csv_buffer(&out, "name\nA\nA\n", 9, NULL, 0, &lo)), &e,
                    NW_EFORMAT, 3, 0, "actors.csv line 3, column name");
    /* No position: arguments, options, I/O, size. */
    expect_position(LOAD(nw_network_load_buffer(NULL, "{}", 2, &lo)), &e, NW_EINVAL, 0, 0, "");
    expect_position(LOAD(nw_network_load_csv_buffer(&out, NULL, 0, NULL, 0, &lo)), &e, NW_EINVAL,
                    0, 0, "");
    expect_position(LOAD(nw_network_load(&out, in_dir(path, "none.json"), &lo)), &e, NW_EIO, 0,
                    0, "");
    expect_position(LOAD(nw_network_load_csv(&out, path, NULL, &lo)), &e, NW_EIO, 0, 0, "");
    expect_position(LOAD(nw_network_load_csv(&out, NULL, NULL, &lo)), &e, NW_EINVAL, 0, 0, "");
    lo.csv_separator = 'x';
    expect_position(LOAD(nw_network_load(&out, path, &lo)), &e, NW_EINVAL, 0, 0, "");
    lo.csv_separator = 0;
    lo.max_bytes = 4;
    expect_position(LOAD(nw_network_load_buffer(&out, content, strlen(content), &lo)), &e,
                    NW_ELIMIT, 0, 0, "");
    assert_null(out);
    /* Success leaves it untouched. */
    lo.max_bytes = 0;
    memset(&e, 0x5a, sizeof e);
    NWT_OK(nw_network_load_csv_buffer(&out, "name\nA\n", 7, NULL, 0, &lo));
    assert_int_equal(e.line, (size_t)0x5a5a5a5a5a5a5a5aULL);
    nw_network_free(out);
#undef LOAD
}

/* The whole content of a file (text without NUL bytes). */
static void expect_file(const char *path, const char *want)
{
    char *got = fx_read(path, NULL);
    if (strcmp(got, want) != 0)
        NWT_FAIL("%s holds \"%.80s\", expected \"%.80s\"", path, got, want);
    free(got);
}

static void expect_listing(const char *want)
{
    char list[1024];
    listing(list, sizeof list);
    if (strcmp(list, want) != 0)
        NWT_FAIL("the folder holds \"%s\", expected \"%s\"", list, want);
}

/* nw_network_save_csv's failures, against io.h: NW_EINVAL for a NULL net
 * or actors_path or bad options, NW_ESTALE for a freed network, NW_EIO;
 * "each [file] atomically ... ties.csv is written only after actors.csv
 * succeeded". */
static void test_save_csv_errors(void **state)
{
    (void)state;
    char apath[512], tpath[512];
    in_dir(apath, "actors.csv");
    in_dir(tpath, "ties.csv");
    nw_network *net = fx_every_field();
    char *want_a = NULL, *want_t = NULL;
    nw_save_options nosync = NW_SAVE_OPTIONS_INIT;
    nosync.flags = NW_SAVE_NO_SYNC;
    NWT_OK(nw_network_save_csv_buffer(&want_a, NULL, &want_t, NULL, net, &nosync));
    assert_string_not_equal(want_a, "old actors\n");

    /* Refused before anything is written: both files stay as they were. */
    fx_write(apath, "old actors\n");
    fx_write(tpath, "old ties\n");
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(NULL, apath, tpath, &nosync));
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, NULL, tpath, &nosync));
    so.version = NW_SAVE_OPTIONS_VERSION + 1;
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, apath, tpath, &so));
    so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    so.format = (nw_format)7;
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, apath, tpath, &so));
    so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    so.csv_separator = '\t';
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, apath, tpath, &so));
    so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    so.flags = 0x80u; /* no such flag */
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, apath, tpath, &so));
    so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_CONSENTED_ONLY; /* consent_as_of must then be a valid date */
    NWT_EXPECT(NW_EINVAL, nw_network_save_csv(net, apath, tpath, &so));
    nw_network *gone = nwt_network("Weg");
    nw_actor *keep = nwt_actor(gone, "Bleibt"); /* keeps it alive as a zombie */
    nw_network_free(gone);
    NWT_EXPECT(NW_ESTALE, nw_network_save_csv(gone, apath, tpath, &nosync));
    nw_actor_free(keep);
    expect_file(apath, "old actors\n");
    expect_file(tpath, "old ties\n");
    expect_listing("actors.csv ties.csv");

    /* No ties_path: actors.csv only. */
    NWT_OK(nw_network_save_csv(net, apath, NULL, &nosync));
    expect_file(apath, want_a);
    expect_file(tpath, "old ties\n");

    /* A folder in the place of ties.csv: actors.csv is replaced, then
     * replacing ties.csv fails. actors.csv is the new one (it succeeded
     * first), the folder is as it was (empty), no temporary file is left. */
    fx_write(apath, "old actors\n");
    assert_int_equal(remove(tpath), 0);
    assert_int_equal(mkdir(tpath, 0700), 0);
    NWT_EXPECT(NW_EIO, nw_network_save_csv(net, apath, tpath, &nosync));
    if (strstr(nw_errmsg(), "ties.csv") == NULL)
        NWT_FAIL("the message \"%s\" does not name ties.csv", nw_errmsg());
    expect_file(apath, want_a);
    assert_int_equal(rmdir(tpath), 0); /* still empty */
    expect_listing("actors.csv");

    /* A folder in the place of actors.csv: nothing is written at all, as
     * ties.csv comes only after actors.csv succeeded. */
    fx_write(tpath, "old ties\n");
    assert_int_equal(remove(apath), 0);
    assert_int_equal(mkdir(apath, 0700), 0);
    NWT_EXPECT(NW_EIO, nw_network_save_csv(net, apath, tpath, &nosync));
    if (strstr(nw_errmsg(), "actors.csv") == NULL)
        NWT_FAIL("the message \"%s\" does not name actors.csv", nw_errmsg());
    expect_file(tpath, "old ties\n");
    assert_int_equal(rmdir(apath), 0);
    expect_listing("ties.csv");

    nw_free(want_a);
    nw_free(want_t);
    nw_network_free(net);
}

/* ---- out of memory -----------------------------------------------------------
 * Fail the 1st, 2nd, 3rd ... allocation of one file function call in turn,
 * until the call no longer reaches the failure. The call that meets it must
 * return NW_ENOMEM with a message and leave the network as it was
 * (nwt_step_all_or_nothing), leave its output pointer untouched (a load) or
 * the files on disk as they were (a save; no temporary file), and free
 * every block it allocated; retried, it must succeed and give the same
 * result as a call without failures. */

#define OLD_TEXT "old content\n"

/* A value no load has a reason to write on failure (NULL would not show a
 * write of NULL). */
static char untouched_mark;
#define UNTOUCHED ((nw_network *)(void *)&untouched_mark)

typedef struct file_ctx {
    nw_network *net;         /* what is saved; for loads, what the files came from */
    const char *path, *path2; /* the file, or actors.csv and ties.csv */
    const char *want, *want2; /* a save: the files' new content; a load: the fingerprint */
    const char *files;       /* the folder's listing, whatever happens */
    nw_save_options so;
    long partial;            /* save_csv failures met after actors.csv was replaced */
} file_ctx;

static int save_step(void *ctx, int i)
{
    (void)i;
    file_ctx *c = ctx;
    fx_write(c->path, OLD_TEXT);
    int rc = nw_network_save(c->net, c->path, &c->so);
    expect_file(c->path, rc == NW_OK ? c->want : OLD_TEXT);
    expect_listing(c->files);
    return rc;
}

static int save_csv_step(void *ctx, int i)
{
    (void)i;
    file_ctx *c = ctx;
    fx_write(c->path, OLD_TEXT);
    fx_write(c->path2, OLD_TEXT);
    int rc = nw_network_save_csv(c->net, c->path, c->path2, &c->so);
    if (rc == NW_OK) {
        expect_file(c->path, c->want);
        expect_file(c->path2, c->want2);
    } else {
        /* ties.csv is never replaced by a failed call; actors.csv is either
         * as it was or, if the failure came after it was replaced (io.h:
         * one after the other, each atomically), wholly the new one. */
        expect_file(c->path2, OLD_TEXT);
        char *a = fx_read(c->path, NULL);
        if (strcmp(a, OLD_TEXT) != 0) {
            if (strcmp(a, c->want) != 0)
                NWT_FAIL("a failed save left actors.csv half-written: \"%.80s\"", a);
            c->partial++;
        }
        free(a);
    }
    expect_listing(c->files);
    return rc;
}

static void check_loaded(const file_ctx *c, int rc, nw_network *out)
{
    if (rc != NW_OK) {
        if (out != UNTOUCHED)
            NWT_FAIL("a failed load wrote %p to its output", (void *)out);
    } else {
        char *got = nwt_fingerprint(out);
        assert_string_equal(got, c->want);
        free(got);
        nw_network_free(out);
    }
    expect_listing(c->files);
}

static int load_step(void *ctx, int i)
{
    (void)i;
    file_ctx *c = ctx;
    nw_network *out = UNTOUCHED;
    int rc = nw_network_load(&out, c->path, NULL);
    check_loaded(c, rc, out);
    return rc;
}

static int load_csv_step(void *ctx, int i)
{
    (void)i;
    file_ctx *c = ctx;
    nw_network *out = UNTOUCHED;
    int rc = nw_network_load_csv(&out, c->path, c->path2, NULL);
    check_loaded(c, rc, out);
    return rc;
}

static void fail_each_allocation(const char *what, file_ctx *c, int (*step)(void *, int))
{
    int met_by[1] = { 0 };
    long k;
    for (k = 1;; k++) {
        long live = nwt_failalloc_live();
        nwt_failalloc_fail_at(k);
        met_by[0] += nwt_step_all_or_nothing(c->net, k, 0, step, c);
        bool met = nwt_failalloc_failures() > 0;
        nwt_failalloc_fail_at(0);
        if (nwt_failalloc_live() != live)
            NWT_FAIL("%s, allocation %ld: %ld block(s) leaked", what, k,
                     nwt_failalloc_live() - live);
        if (!met)
            break; /* allocation k is past the call's last one: each was failed once */
        if (k > 100000)
            NWT_FAIL("%s: more than 100000 allocations", what);
    }
    print_message("    %s:\n", what);
    nwt_every_step_met(met_by, 1, k);
}

static void test_save_out_of_memory(void **state)
{
    (void)state;
    char path[512], gpath[512];
    nw_network *net = fx_every_field();
    file_ctx c = { .net = net };
    char *want = NULL;
    c.so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    c.so.flags = NW_SAVE_NO_SYNC;
    /* A buffer with the same options has the file's bytes (native for a
     * buffer and for .json alike, io.h's nw_format). */
    NWT_OK(nw_network_save_buffer(&want, NULL, net, &c.so));
    c.path = in_dir(path, "netz.json");
    c.want = want;
    c.files = "netz.json";
    fail_each_allocation("nw_network_save, native", &c, save_step);
    nw_free(want);

    /* With the consent filter the save works on a copy of the network. */
    c.so.flags = NW_SAVE_NO_SYNC | NW_SAVE_CONSENTED_ONLY;
    c.so.consent_as_of = nwt_date("2024-06-01");
    NWT_OK(nw_network_save_buffer(&want, NULL, net, &c.so));
    c.want = want;
    fail_each_allocation("nw_network_save, native, consented only", &c, save_step);
    nw_free(want);

    c.so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    c.so.flags = NW_SAVE_NO_SYNC;
    c.so.format = NW_FORMAT_GRAPHML;
    NWT_OK(nw_network_save_buffer(&want, NULL, net, &c.so));
    c.so.format = NW_FORMAT_AUTO; /* by the extension */
    c.path = in_dir(gpath, "netz.graphml");
    c.want = want;
    c.files = "netz.graphml netz.json";
    fail_each_allocation("nw_network_save, GraphML", &c, save_step);
    nw_free(want);
    nw_network_free(net);
}

static void test_save_csv_out_of_memory(void **state)
{
    (void)state;
    char apath[512], tpath[512];
    nw_network *net = fx_every_field();
    file_ctx c = { .net = net };
    char *want_a = NULL, *want_t = NULL;
    c.so = (nw_save_options)NW_SAVE_OPTIONS_INIT;
    c.so.flags = NW_SAVE_NO_SYNC;
    NWT_OK(nw_network_save_csv_buffer(&want_a, NULL, &want_t, NULL, net, &c.so));
    c.path = in_dir(apath, "actors.csv");
    c.path2 = in_dir(tpath, "ties.csv");
    c.want = want_a;
    c.want2 = want_t;
    c.files = "actors.csv ties.csv";
    fail_each_allocation("nw_network_save_csv", &c, save_csv_step);
    /* The loop reached the write of ties.csv (which allocates its
     * temporary file's name) after actors.csv had been replaced. */
    assert_true(c.partial > 0);
    nw_free(want_a);
    nw_free(want_t);
    nw_network_free(net);
}

/* The fingerprint of what a load without failures gives. */
static char *loaded_fingerprint(const char *path, const char *path2, bool csv)
{
    nw_network *ref = NULL;
    if (csv)
        NWT_OK(nw_network_load_csv(&ref, path, path2, NULL));
    else
        NWT_OK(nw_network_load(&ref, path, NULL));
    char *fp = nwt_fingerprint(ref);
    nw_network_free(ref);
    return fp;
}

static void test_load_out_of_memory(void **state)
{
    (void)state;
    char path[512], gpath[512];
    nw_network *net = fx_every_field();
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_NO_SYNC;
    NWT_OK(nw_network_save(net, in_dir(path, "netz.json"), &so));
    NWT_OK(nw_network_save(net, in_dir(gpath, "netz.graphml"), &so));
    file_ctx c = { .net = net, .files = "netz.graphml netz.json" };
    c.path = path;
    char *want = loaded_fingerprint(path, NULL, false);
    c.want = want;
    fail_each_allocation("nw_network_load, native", &c, load_step);
    free(want);
    c.path = gpath;
    want = loaded_fingerprint(gpath, NULL, false);
    c.want = want;
    fail_each_allocation("nw_network_load, GraphML", &c, load_step);
    free(want);
    nw_network_free(net);
}

static void test_load_csv_out_of_memory(void **state)
{
    (void)state;
    char apath[512], tpath[512];
    nw_network *net = fx_every_field();
    nw_save_options so = NW_SAVE_OPTIONS_INIT;
    so.flags = NW_SAVE_NO_SYNC;
    NWT_OK(nw_network_save_csv(net, in_dir(apath, "actors.csv"), in_dir(tpath, "ties.csv"), &so));
    file_ctx c = { .net = net, .path = apath, .path2 = tpath, .files = "actors.csv ties.csv" };
    char *want = loaded_fingerprint(apath, tpath, true);
    c.want = want;
    fail_each_allocation("nw_network_load_csv", &c, load_csv_step);
    free(want);
    nw_network_free(net);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        IO_TEST(test_save_load),
        IO_TEST(test_write_fails_half_way),
        IO_TEST(test_errors),
        IO_TEST(test_format_auto),
        IO_TEST(test_options_init),
        IO_TEST(test_load_error_filled),
        IO_TEST(test_save_csv_errors),
        IO_TEST(test_save_out_of_memory),
        IO_TEST(test_save_csv_out_of_memory),
        IO_TEST(test_load_out_of_memory),
        IO_TEST(test_load_csv_out_of_memory),
    };
    return NWT_RUN(tests);
}
