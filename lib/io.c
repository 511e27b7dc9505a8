/*
 * The public entry points of netzwerk/io.h: options, choosing the format,
 * reading files whole (bounded by max_bytes), handing the bytes to a format,
 * and the atomic write of the result. Also the error helpers that every
 * loader uses to say where the input is wrong.
 */
#define _POSIX_C_SOURCE 200809L

#include "io_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- errors with a position -------------------------------------------- */

int nw_io_fail(const nw_io_load *ld, int code, size_t line, size_t column, const char *where,
               const char *fmt, ...)
{
    char text[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    char pos[64] = "";
    if (line > 0 && column > 0)
        snprintf(pos, sizeof pos, "line %zu, column %zu: ", line, column);
    else if (line > 0)
        snprintf(pos, sizeof pos, "line %zu: ", line);
    nw_fail(code, "%s%s%s%s", pos, where ? where : "", where ? ": " : "", text);
    if (ld != NULL && ld->error != NULL) {
        ld->error->code = code;
        ld->error->line = line;
        ld->error->column = column;
        snprintf(ld->error->where, sizeof ld->error->where, "%s", where ? where : "");
    }
    return code;
}

int nw_io_fail_model(const nw_io_load *ld, int rc, const char *where)
{
    char text[400];
    snprintf(text, sizeof text, "%s", nw_errmsg());
    int code = rc == NW_ENOMEM || rc == NW_ELIMIT ? rc : NW_EFORMAT;
    return nw_io_fail(ld, code, 0, 0, where, "%s", text);
}

void nw_io_line_col(const char *data, size_t len, size_t offset, size_t *line, size_t *column)
{
    size_t l = 1, start = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *column = offset - start + 1;
}

/* ---- options ---------------------------------------------------------------- */

static const nw_load_options load_defaults = NW_LOAD_OPTIONS_INIT;
static const nw_save_options save_defaults = NW_SAVE_OPTIONS_INIT;

int nw_load_options_init(nw_load_options *opts, unsigned int version)
{
    if (opts == NULL)
        return nw_fail(NW_EINVAL, "opts is NULL");
    if (version != NW_LOAD_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "load options version %u is unknown (expected %u)", version,
                       (unsigned)NW_LOAD_OPTIONS_VERSION);
    *opts = load_defaults;
    return NW_OK;
}

int nw_save_options_init(nw_save_options *opts, unsigned int version)
{
    if (opts == NULL)
        return nw_fail(NW_EINVAL, "opts is NULL");
    if (version != NW_SAVE_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "save options version %u is unknown (expected %u)", version,
                       (unsigned)NW_SAVE_OPTIONS_VERSION);
    *opts = save_defaults;
    return NW_OK;
}

/* The loaders record a failure's position in `pos` (the caller's
 * nw_load_error gets it in finish_load, so that it is filled the same way
 * for every failure). */
static int resolve_load(nw_io_load *ld, const nw_load_options *opts, nw_load_error *pos)
{
    if (opts == NULL)
        opts = &load_defaults;
    if (opts->version != NW_LOAD_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "load options version %u is unknown (expected %u)",
                       opts->version, (unsigned)NW_LOAD_OPTIONS_VERSION);
    if (opts->format != NW_FORMAT_AUTO && opts->format != NW_FORMAT_NATIVE
        && opts->format != NW_FORMAT_GRAPHML)
        return nw_fail(NW_EINVAL, "load options: unknown format %d", (int)opts->format);
    if (opts->csv_separator != 0 && opts->csv_separator != ',' && opts->csv_separator != ';')
        return nw_fail(NW_EINVAL, "load options: the CSV separator must be ',' or ';' (or 0)");
    int rc = nw_check_date_or_none(opts->default_start, "load options: default_start");
    if (rc == NW_OK)
        rc = nw_check_form(opts->default_form);
    if (rc == NW_OK && opts->name != NULL)
        rc = nw_text_check(opts->name, NW_TEXT_LINE, "load options: name");
    if (rc != NW_OK)
        return rc;
    ld->format = opts->format;
    ld->max_bytes = opts->max_bytes ? opts->max_bytes : (size_t)1 << 30;
    ld->max_actors = opts->max_actors ? opts->max_actors : 10000000;
    ld->max_ties = opts->max_ties ? opts->max_ties : 100000000;
    if (ld->max_actors > NW_ID_MAX)
        ld->max_actors = NW_ID_MAX;
    if (ld->max_ties > NW_ID_MAX)
        ld->max_ties = NW_ID_MAX;
    ld->max_items = opts->max_items ? opts->max_items : 100000;
    ld->max_depth = opts->max_depth ? opts->max_depth : 32;
    ld->default_start = opts->default_start;
    ld->default_form = opts->default_form;
    ld->name = opts->name ? opts->name : "Netzwerk";
    ld->csv_separator = opts->csv_separator;
    ld->error = pos;
    return NW_OK;
}

/* Every failed load fills the caller's nw_load_error, if any: the code, and
 * the position the loader recorded, 0 and "" where there is none (bad
 * arguments or options, I/O, the input's size). */
static int finish_load(int rc, const nw_load_options *opts, const nw_load_error *pos)
{
    if (rc != NW_OK && opts != NULL && opts->version == NW_LOAD_OPTIONS_VERSION
        && opts->error != NULL) {
        *opts->error = *pos;
        opts->error->code = rc;
    }
    return rc;
}

static int resolve_save(nw_save_options *so, const nw_save_options *opts)
{
    if (opts == NULL)
        opts = &save_defaults;
    if (opts->version != NW_SAVE_OPTIONS_VERSION)
        return nw_fail(NW_EINVAL, "save options version %u is unknown (expected %u)",
                       opts->version, (unsigned)NW_SAVE_OPTIONS_VERSION);
    if (opts->format != NW_FORMAT_AUTO && opts->format != NW_FORMAT_NATIVE
        && opts->format != NW_FORMAT_GRAPHML)
        return nw_fail(NW_EINVAL, "save options: unknown format %d", (int)opts->format);
    if ((opts->flags & ~(NW_SAVE_NO_SYNC | NW_SAVE_CSV_BOM | NW_SAVE_CONSENTED_ONLY)) != 0)
        return nw_fail(NW_EINVAL, "save options: unknown flags 0x%x", opts->flags);
    if (opts->csv_separator != 0 && opts->csv_separator != ',' && opts->csv_separator != ';')
        return nw_fail(NW_EINVAL, "save options: the CSV separator must be ',' or ';' (or 0)");
    if (opts->flags & NW_SAVE_CONSENTED_ONLY) {
        int rc = nw_check_date(opts->consent_as_of, "save options: consent_as_of");
        if (rc == NW_OK && opts->consent_purpose != NULL)
            rc = nw_text_check(opts->consent_purpose, NW_TEXT_OPTIONAL,
                               "save options: consent_purpose");
        if (rc != NW_OK)
            return rc;
    }
    *so = *opts;
    if (so->csv_separator == 0)
        so->csv_separator = ',';
    return NW_OK;
}

/* ---- choosing the format ---------------------------------------------------- */

static bool has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    return n > e && strcasecmp(path + n - e, ext) == 0;
}

/* The one rule for NW_FORMAT_AUTO (documented at nw_format in io.h):
 * 1. the file name's extension: ".graphml" or ".xml" GraphML, ".json" native;
 * 2. else, when loading, the content: the first byte after a UTF-8
 *    byte-order mark and white space, '<' GraphML, anything else native;
 * 3. else (saving without such an extension, saving a buffer) native.
 * path is NULL for buffers, data NULL when saving. */
static nw_format choose_format(nw_format requested, const char *path, const char *data,
                               size_t len)
{
    if (requested != NW_FORMAT_AUTO)
        return requested;
    if (path != NULL) {
        if (has_extension(path, ".graphml") || has_extension(path, ".xml"))
            return NW_FORMAT_GRAPHML;
        if (has_extension(path, ".json"))
            return NW_FORMAT_NATIVE;
    }
    if (data == NULL)
        return NW_FORMAT_NATIVE;
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    return i < len && data[i] == '<' ? NW_FORMAT_GRAPHML : NW_FORMAT_NATIVE;
}

/* ---- reading files ------------------------------------------------------------ */

static int read_file(char **out, size_t *out_len, const char *path, const nw_io_load *ld)
{
    char text[128];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        if (strerror_r(err, text, sizeof text) != 0)
            snprintf(text, sizeof text, "error %d", err);
        return nw_fail(NW_EIO, "cannot open '%s': %s", path, text);
    }
    struct stat st;
    size_t cap = 65536;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        if ((uintmax_t)st.st_size > ld->max_bytes) {
            close(fd);
            return nw_io_fail(ld, NW_ELIMIT, 0, 0, NULL,
                              "'%s' has %jd bytes, more than the limit of %zu", path,
                              (intmax_t)st.st_size, ld->max_bytes);
        }
        cap = (size_t)st.st_size + 1;
    }
    char *data = nw_mem_alloc(cap);
    size_t len = 0;
    int rc = data == NULL ? NW_ENOMEM : NW_OK;
    while (rc == NW_OK) {
        if (len + 1 >= cap) {
            /* A file that grew, or a pipe: grow, within max_bytes. */
            if (len >= ld->max_bytes) {
                rc = nw_io_fail(ld, NW_ELIMIT, 0, 0, NULL,
                                "'%s' has more than the limit of %zu bytes", path, ld->max_bytes);
                break;
            }
            size_t ncap = cap * 2;
            char *p = nw_mem_realloc(data, ncap);
            if (p == NULL) {
                rc = NW_ENOMEM;
                break;
            }
            data = p;
            cap = ncap;
        }
        ssize_t n = read(fd, data + len, cap - 1 - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            if (strerror_r(err, text, sizeof text) != 0)
                snprintf(text, sizeof text, "error %d", err);
            rc = nw_fail(NW_EIO, "cannot read '%s': %s", path, text);
        } else if (n == 0) {
            break;
        } else {
            len += (size_t)n;
        }
    }
    close(fd);
    if (rc == NW_OK && len > ld->max_bytes)
        rc = nw_io_fail(ld, NW_ELIMIT, 0, 0, NULL, "'%s' has more than the limit of %zu bytes",
                        path, ld->max_bytes);
    if (rc != NW_OK) {
        nw_mem_free(data);
        return rc;
    }
    data[len] = '\0';
    *out = data;
    *out_len = len;
    return NW_OK;
}

/* ---- loading -------------------------------------------------------------------- */

static int load_data(nw_network **out, const char *data, size_t len, const nw_io_load *ld,
                     const char *path)
{
    if (len > ld->max_bytes)
        return nw_io_fail(ld, NW_ELIMIT, 0, 0, NULL, "%zu bytes, more than the limit of %zu",
                          len, ld->max_bytes);
    if (choose_format(ld->format, path, data, len) == NW_FORMAT_GRAPHML)
        return nw_graphml_load(out, data, len, ld);
    /* A UTF-8 byte-order mark (Windows editors write one) is not JSON. */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    return nw_json_load(out, data, len, ld);
}

static int load_buffer(nw_network **out, const void *data, size_t len,
                       const nw_load_options *opts, nw_load_error *pos)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (data == NULL)
        return nw_fail(NW_EINVAL, "data is NULL");
    nw_io_load ld;
    int rc = resolve_load(&ld, opts, pos);
    if (rc != NW_OK)
        return rc;
    return load_data(out, data, len, &ld, NULL);
}

int nw_network_load_buffer(nw_network **out, const void *data, size_t len,
                           const nw_load_options *opts)
{
    nw_load_error pos = { 0, 0, 0, "" };
    return finish_load(load_buffer(out, data, len, opts, &pos), opts, &pos);
}

static int load_file(nw_network **out, const char *path, const nw_load_options *opts,
                     nw_load_error *pos)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (path == NULL)
        return nw_fail(NW_EINVAL, "path is NULL");
    nw_io_load ld;
    int rc = resolve_load(&ld, opts, pos);
    if (rc != NW_OK)
        return rc;
    char *data;
    size_t len;
    rc = read_file(&data, &len, path, &ld);
    if (rc != NW_OK)
        return rc;
    rc = load_data(out, data, len, &ld, path);
    nw_mem_free(data);
    return rc;
}

int nw_network_load(nw_network **out, const char *path, const nw_load_options *opts)
{
    nw_load_error pos = { 0, 0, 0, "" };
    return finish_load(load_file(out, path, opts, &pos), opts, &pos);
}

static int load_csv_buffer(nw_network **out, const void *actors, size_t actors_len,
                           const void *ties, size_t ties_len, const nw_load_options *opts,
                           nw_load_error *pos)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (actors == NULL)
        return nw_fail(NW_EINVAL, "actors is NULL");
    nw_io_load ld;
    int rc = resolve_load(&ld, opts, pos);
    if (rc != NW_OK)
        return rc;
    if (actors_len > ld.max_bytes || (ties != NULL && ties_len > ld.max_bytes))
        return nw_io_fail(&ld, NW_ELIMIT, 0, 0, NULL, "input larger than the limit of %zu bytes",
                          ld.max_bytes);
    return nw_csv_load(out, actors, actors_len, ties, ties != NULL ? ties_len : 0, &ld);
}

int nw_network_load_csv_buffer(nw_network **out, const void *actors, size_t actors_len,
                               const void *ties, size_t ties_len, const nw_load_options *opts)
{
    nw_load_error pos = { 0, 0, 0, "" };
    return finish_load(load_csv_buffer(out, actors, actors_len, ties, ties_len, opts, &pos),
                       opts, &pos);
}

static int load_csv_files(nw_network **out, const char *actors_path, const char *ties_path,
                          const nw_load_options *opts, nw_load_error *pos)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    if (actors_path == NULL)
        return nw_fail(NW_EINVAL, "actors_path is NULL");
    nw_io_load ld;
    int rc = resolve_load(&ld, opts, pos);
    if (rc != NW_OK)
        return rc;
    char *actors = NULL, *ties = NULL;
    size_t alen = 0, tlen = 0;
    rc = read_file(&actors, &alen, actors_path, &ld);
    if (rc == NW_OK && ties_path != NULL)
        rc = read_file(&ties, &tlen, ties_path, &ld);
    if (rc == NW_OK)
        rc = nw_csv_load(out, actors, alen, ties, tlen, &ld);
    nw_mem_free(actors);
    nw_mem_free(ties);
    return rc;
}

int nw_network_load_csv(nw_network **out, const char *actors_path, const char *ties_path,
                        const nw_load_options *opts)
{
    nw_load_error pos = { 0, 0, 0, "" };
    return finish_load(load_csv_files(out, actors_path, ties_path, opts, &pos), opts, &pos);
}

/* ---- saving ------------------------------------------------------------------------ */

/* What to write: the network, or with the consent filter a copy of it
 * without the actors lacking consent (*copy, freed by the caller). */
static int subject(const nw_network **use, nw_network **copy, const nw_network *net,
                   const nw_save_options *so)
{
    *use = net;
    *copy = NULL;
    if (!(so->flags & NW_SAVE_CONSENTED_ONLY))
        return NW_OK;
    int rc = nw_network_copy_consenting(copy, net, so->consent_as_of, so->consent_purpose);
    if (rc == NW_OK)
        *use = *copy;
    return rc;
}

static int render(nw_buf *b, const nw_network *net, nw_format format, const nw_save_options *so)
{
    nw_network *copy;
    int rc = subject(&net, &copy, net, so);
    if (rc == NW_OK)
        rc = format == NW_FORMAT_GRAPHML ? nw_graphml_save(b, net) : nw_json_save(b, net);
    if (rc == NW_OK && b->failed)
        rc = nw_fail(NW_ENOMEM, "out of memory (writing the output)");
    nw_network_free(copy);
    return rc;
}

int nw_network_save_buffer(char **out, size_t *len, const nw_network *net,
                           const nw_save_options *opts)
{
    if (out == NULL)
        return nw_fail(NW_EINVAL, "out is NULL");
    int rc = nw_network_check(net, "net");
    nw_save_options so;
    if (rc == NW_OK)
        rc = resolve_save(&so, opts);
    if (rc != NW_OK)
        return rc;
    nw_buf b;
    nw_buf_init(&b);
    rc = render(&b, net, choose_format(so.format, NULL, NULL, 0), &so);
    if (rc != NW_OK) {
        nw_buf_free(&b);
        return rc;
    }
    return nw_buf_finish(&b, out, len);
}

int nw_network_save(const nw_network *net, const char *path, const nw_save_options *opts)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK && path == NULL)
        rc = nw_fail(NW_EINVAL, "path is NULL");
    nw_save_options so;
    if (rc == NW_OK)
        rc = resolve_save(&so, opts);
    if (rc != NW_OK)
        return rc;
    nw_format format = choose_format(so.format, path, NULL, 0);
    nw_buf b;
    nw_buf_init(&b);
    rc = render(&b, net, format, &so);
    if (rc == NW_OK)
        rc = nw_atomic_write(path, b.data, b.len, !(so.flags & NW_SAVE_NO_SYNC));
    nw_buf_free(&b);
    return rc;
}

static int render_csv(nw_buf *a, nw_buf *t, const nw_network *net, const nw_save_options *so)
{
    nw_network *copy;
    int rc = subject(&net, &copy, net, so);
    if (rc == NW_OK)
        rc = nw_csv_save(a, t, net, so->csv_separator, (so->flags & NW_SAVE_CSV_BOM) != 0);
    if (rc == NW_OK && (a->failed || t->failed))
        rc = nw_fail(NW_ENOMEM, "out of memory (writing the output)");
    nw_network_free(copy);
    return rc;
}

int nw_network_save_csv_buffer(char **actors, size_t *actors_len, char **ties,
                               size_t *ties_len, const nw_network *net,
                               const nw_save_options *opts)
{
    if (actors == NULL || ties == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", actors == NULL ? "actors" : "ties");
    int rc = nw_network_check(net, "net");
    nw_save_options so;
    if (rc == NW_OK)
        rc = resolve_save(&so, opts);
    if (rc != NW_OK)
        return rc;
    nw_buf a, t;
    nw_buf_init(&a);
    nw_buf_init(&t);
    rc = render_csv(&a, &t, net, &so);
    char *ap = NULL, *tp = NULL;
    size_t al = 0, tl = 0;
    if (rc == NW_OK)
        rc = nw_buf_finish(&a, &ap, &al);
    if (rc == NW_OK && (rc = nw_buf_finish(&t, &tp, &tl)) != NW_OK)
        nw_mem_free(ap);
    nw_buf_free(&a);
    nw_buf_free(&t);
    if (rc != NW_OK)
        return rc;
    *actors = ap;
    *ties = tp;
    if (actors_len != NULL)
        *actors_len = al;
    if (ties_len != NULL)
        *ties_len = tl;
    return NW_OK;
}

int nw_network_save_csv(const nw_network *net, const char *actors_path, const char *ties_path,
                        const nw_save_options *opts)
{
    int rc = nw_network_check(net, "net");
    if (rc == NW_OK && actors_path == NULL)
        rc = nw_fail(NW_EINVAL, "actors_path is NULL");
    nw_save_options so;
    if (rc == NW_OK)
        rc = resolve_save(&so, opts);
    if (rc != NW_OK)
        return rc;
    nw_buf a, t;
    nw_buf_init(&a);
    nw_buf_init(&t);
    bool sync = !(so.flags & NW_SAVE_NO_SYNC);
    rc = render_csv(&a, &t, net, &so);
    if (rc == NW_OK)
        rc = nw_atomic_write(actors_path, a.data, a.len, sync);
    if (rc == NW_OK && ties_path != NULL)
        rc = nw_atomic_write(ties_path, t.data, t.len, sync);
    nw_buf_free(&a);
    nw_buf_free(&t);
    return rc;
}
