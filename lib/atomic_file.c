/*
 * Atomic replacement of a file: write a temporary file in the same folder
 * (rename is atomic only within one file system), flush it to disk, rename
 * it over the target, then flush the folder so that the rename itself
 * survives a power cut. Whatever fails, the old file stays as it was and
 * the temporary file is removed.
 */
#define _POSIX_C_SOURCE 200809L

#include "io_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *errtext(int err, char *buf, size_t size)
{
    if (strerror_r(err, buf, size) != 0)
        snprintf(buf, size, "error %d", err);
    return buf;
}

static int io_fail(const char *what, const char *path, int err)
{
    char text[128];
    return nw_fail(NW_EIO, "%s '%s': %s", what, path, errtext(err, text, sizeof text));
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        /* Chunks of at most 1 GiB: some kernels cap single writes. */
        size_t chunk = len < ((size_t)1 << 30) ? len : ((size_t)1 << 30);
        ssize_t n = write(fd, data, chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (n == 0)
            return EIO;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* fsync the folder; file systems that cannot sync folders say EINVAL. */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int err = 0;
    if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS)
        err = errno;
    close(fd);
    return err;
}

int nw_atomic_write(const char *path, const void *data, size_t len, bool sync)
{
    size_t plen = strlen(path);
    if (plen == 0 || path[plen - 1] == '/')
        return nw_fail(NW_EINVAL, "path '%s' names no file", path);
    const char *slash = strrchr(path, '/');
    size_t dlen = slash == NULL ? 0 : (size_t)(slash - path);
    const char *base = slash == NULL ? path : slash + 1;

    /* "<dir>/.<base>.XXXXXX" and "<dir>" (or "." / "/"). */
    char *tmp = nw_mem_alloc(plen + 10);
    char *dir = nw_mem_alloc(dlen + 2);
    if (tmp == NULL || dir == NULL) {
        nw_mem_free(tmp);
        nw_mem_free(dir);
        return NW_ENOMEM;
    }
    if (slash == NULL)
        strcpy(dir, ".");
    else if (dlen == 0)
        strcpy(dir, "/");
    else {
        memcpy(dir, path, dlen);
        dir[dlen] = '\0';
    }
    snprintf(tmp, plen + 10, "%.*s%s.%s.XXXXXX", (int)dlen, path, slash ? "/" : "", base);

    int rc = NW_OK;
    int fd = mkstemp(tmp);
    if (fd < 0) {
        rc = io_fail("cannot create a temporary file beside", path, errno);
        goto done;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);

    /* A replaced file keeps its permissions; a new one stays 0600 (mkstemp). */
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
        fchmod(fd, st.st_mode & 07777);

    int err = write_all(fd, data, len);
    if (err == 0 && sync && fsync(fd) != 0)
        err = errno;
    if (close(fd) != 0 && err == 0)
        err = errno;
    if (err != 0) {
        rc = io_fail("cannot write", path, err);
        unlink(tmp);
        goto done;
    }
    if (rename(tmp, path) != 0) {
        rc = io_fail("cannot replace", path, errno);
        unlink(tmp);
        goto done;
    }
    if (sync && (err = sync_dir(dir)) != 0)
        rc = io_fail("saved, but cannot flush the folder of", path, err);
done:
    nw_mem_free(tmp);
    nw_mem_free(dir);
    return rc;
}
