/*
 * json_compare: the JSON library choice of docs/design.md, reproducible.
 *
 *   json_compare FILE
 *
 * 1. Speed and memory: parses FILE with jansson, cJSON and json-c (each in
 *    its own child process, best of 3, CPU seconds) and prints the time to
 *    parse and to free the tree, MB/s and the peak RSS.
 * 2. Out of memory: parses a small document with escapes while failing the
 *    1st, 2nd, 3rd ... allocation (through each library's allocation hooks;
 *    json-c has none) and counts parses that succeeded with a wrong result.
 *    A library that aborts ends its child process: reported as a crash.
 *
 * Built only when jansson and json-c are installed (tests/io/CMakeLists.txt).
 */
#define _POSIX_C_SOURCE 200809L

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int jsonc_parse(const char *buf, size_t len); /* json_compare_jsonc.c: parse + free */

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void speed(const char *buf, size_t n)
{
    static const char *const names[] = { "jansson", "cJSON", "json-c" };
    for (int w = 0; w < 3; w++) {
        fflush(stdout);
        pid_t p = fork();
        if (p != 0) {
            int st;
            waitpid(p, &st, 0);
            continue;
        }
        double parse = 1e9, release = 0;
        for (int r = 0; r < 3; r++) {
            double t0 = now(), t1, t2;
            if (w == 0) {
                json_error_t e;
                json_t *j = json_loadb(buf, n, JSON_REJECT_DUPLICATES, &e);
                t1 = now();
                if (j == NULL)
                    exit(1);
                json_decref(j);
            } else if (w == 1) {
                cJSON *j = cJSON_ParseWithLength(buf, n);
                t1 = now();
                if (j == NULL)
                    exit(1);
                cJSON_Delete(j);
            } else {
                if (!jsonc_parse(buf, n))
                    exit(1);
                t1 = now();
            }
            t2 = now();
            if (t1 - t0 < parse) {
                parse = t1 - t0;
                release = t2 - t1;
            }
        }
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        printf("| %s | %.2f | %.0f | %s%.2f | %ld |\n", names[w], parse, (double)n / 1e6 / parse,
               w == 2 ? "(in parse) " : "", release, ru.ru_maxrss / 1024);
        exit(0);
    }
}

static long fail_at, count;
static void *failing_malloc(size_t n)
{
    return ++count == fail_at ? NULL : malloc(n);
}

static void oom(const char *doc)
{
    static const char *const names[] = { "jansson", "cJSON" };
    for (int w = 0; w < 2; w++) {
        fflush(stdout);
        pid_t p = fork();
        if (p != 0) {
            int st;
            waitpid(p, &st, 0);
            if (!WIFEXITED(st))
                printf("| %s | crashed (signal %d) |\n", names[w], WTERMSIG(st));
            continue;
        }
        char *ref;
        if (w == 0) {
            json_t *r = json_loads(doc, 0, NULL);
            ref = json_dumps(r, JSON_SORT_KEYS);
            json_decref(r);
            json_set_alloc_funcs(failing_malloc, free);
        } else {
            cJSON *r = cJSON_Parse(doc);
            ref = cJSON_PrintUnformatted(r);
            cJSON_Delete(r);
            cJSON_Hooks h = { failing_malloc, free };
            cJSON_InitHooks(&h);
        }
        long n, wrong = 0, ignored = 0;
        for (n = 1;; n++) {
            char *out = NULL;
            fail_at = n;
            count = 0;
            int ok;
            if (w == 0) {
                json_t *r = json_loads(doc, 0, NULL);
                ok = r != NULL;
                fail_at = 0;
                if (r)
                    out = json_dumps(r, JSON_SORT_KEYS);
                json_decref(r);
            } else {
                cJSON *r = cJSON_Parse(doc);
                ok = r != NULL;
                fail_at = 0;
                if (r)
                    out = cJSON_PrintUnformatted(r);
                cJSON_Delete(r);
            }
            bool injected = count >= n;
            if (!injected) {
                free(out);
                break;
            }
            if (ok && strcmp(out, ref) != 0)
                wrong++;
            else if (ok)
                ignored++;
            free(out);
        }
        printf("| %s | %ld | %ld | %ld |\n", names[w], n - 1, wrong, ignored);
        exit(0);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: json_compare FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL)
        return 1;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
        return 1;
    buf[n] = '\0';
    fclose(f);
    printf("%s: %.1f MB\n\n| library | parse (s) | MB/s | free (s) | peak RSS (MB) |\n"
           "|---|---:|---:|---:|---:|\n", argv[1], (double)n / 1e6);
    speed(buf, (size_t)n);
    printf("\nfailing each allocation of one parse in turn:\n\n"
           "| library | allocations | wrong results | failures ignored |\n|---|---:|---:|---:|\n");
    oom("{\"name\": \"Sichere Schulwege \\\"Nord\\\"\", \"note\": \"Zeile 1\\nZeile 2 \\u00fc\","
        " \"actors\": [{\"id\": 1, \"name\": \"Maria M\\u00fcller\", \"tags\": [\"a\", \"b\\\\c\"]},"
        " {\"id\": 2, \"name\": \"Kita \\\"Sonnenschein\\\"\", \"x\": 1.5e3}]}");
    free(buf);
    return 0;
}
