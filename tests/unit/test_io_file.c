/*
 * netzwerk/io.h, files: atomic saves (a write that fails half-way leaves
 * the old file intact and no temporary file behind), permissions, format by
 * extension, and reading errors.
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_save_load, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_write_fails_half_way, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_errors, make_dir, remove_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
