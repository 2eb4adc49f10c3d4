/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The text form of a traffic-matrix trace (a directory: key.tsv and one file per matrix):
 * reader and writer (janus-trace-format.md section 2).
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-text.h"
#include "pm-tm-internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* qsort comparator of C strings. */
static int
by_name(const void* a, const void* b)
{
    return strcmp(*(char* const*)a, *(char* const*)b);
}

/* Reject key.tsv lines that pair a ToR with itself or repeat a pair (names[2i], names[2i+1]
 * are line i's source and destination). */
static int
check_key_pairs(char* const* names, size_t lines, const char* path, pm_error* err)
{
    char** pairs = calloc(lines, sizeof(char*));
    int rc = pairs ? PM_OK : pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
    for (size_t i = 0; rc == PM_OK && i < lines; i++)
    {
        const char* a = names[2 * i];
        const char* b = names[2 * i + 1];
        if (strcmp(a, b) == 0)
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s: pair %s -> %s: a ToR paired with itself",
                              path,
                              a,
                              b);
            break;
        }
        size_t len = strlen(a) + strlen(b) + 2;
        if (!(pairs[i] = malloc(len)))
        {
            rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
            break;
        }
        snprintf(pairs[i], len, "%s\t%s", a, b);
    }
    if (rc == PM_OK)
    {
        qsort(pairs, lines, sizeof(char*), by_name);
        for (size_t i = 1; rc == PM_OK && i < lines; i++)
        {
            if (strcmp(pairs[i], pairs[i - 1]) == 0)
            {
                rc = pm_error_set(err,
                                  PM_EPARSE,
                                  "%s: pair '%s' listed twice (every ordered pair exactly once)",
                                  path,
                                  pairs[i]);
            }
        }
    }
    for (size_t i = 0; pairs && i < lines; i++)
    {
        free(pairs[i]);
    }
    free(pairs);
    return rc;
}

/* N of a key.tsv: the distinct names of columns 1-2; checks N*(N-1) lines. */
static int
read_key(pm_tm* tm, const char* path, pm_error* err)
{
    char* text = NULL;
    int rc = pm_text_read_file(path, &text, NULL, err);
    if (rc != PM_OK)
    {
        return rc;
    }
    size_t lines = 0;
    size_t cap = 0;
    char** names = NULL;
    size_t count = 0;
    size_t line_no = 0;
    for (const char* s = text; *s && rc == PM_OK;)
    {
        const char* nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        line_no++;
        pm_text_field f[2];
        size_t nf = pm_text_split(s, len, f, 2);
        if (nf == 1)
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s:%zu: one field, expected 'src_tor dst_tor src_pod dst_pod 0 0'",
                              path,
                              line_no);
        }
        else if (nf == 2)
        {
            lines++;
            if (count + 2 > cap)
            {
                cap = cap ? 2 * cap : 64;
                char** grown = realloc(names, cap * sizeof(char*));
                if (!grown)
                {
                    rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
                    break;
                }
                names = grown;
            }
            for (int k = 0; k < 2; k++)
            {
                names[count] = malloc(f[k].len + 1);
                if (!names[count])
                {
                    rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
                    break;
                }
                memcpy(names[count], f[k].start, f[k].len);
                names[count++][f[k].len] = '\0';
            }
        }
        s += len + (nl ? 1 : 0);
    }
    size_t distinct = 0;
    char** sorted = rc == PM_OK && count > 0 ? malloc(count * sizeof(char*)) : NULL;
    if (rc == PM_OK && count > 0 && !sorted)
    {
        rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
    }
    if (rc == PM_OK)
    {
        if (count > 0)
        {
            memcpy(sorted, names, count * sizeof(char*));
            qsort(sorted, count, sizeof(char*), by_name);
        }
        for (size_t i = 0; i < count; i++)
        {
            distinct += i == 0 || strcmp(sorted[i], sorted[i - 1]) != 0;
        }
        if (distinct < 2)
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s: %zu ToR name(s), expected at least 2",
                              path,
                              distinct);
        }
        else if (lines != distinct * (distinct - 1))
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s: %zu pair lines, expected N*(N-1) = %zu for its N = %zu ToRs",
                              path,
                              lines,
                              distinct * (distinct - 1),
                              distinct);
        }
        else
        {
            rc = check_key_pairs(names, lines, path, err);
        }
    }
    free(sorted);
    for (size_t i = 0; i < count; i++)
    {
        free(names[i]);
    }
    free(names);
    free(text);
    tm->n = distinct;
    return rc;
}

pm_tm*
pm_tm_open_text(const char* dir, pm_error* err)
{
    pm_tm* tm = calloc(1, sizeof(*tm));
    char* key = pm_tm_join_path(dir, "key.tsv");
    if (!tm || !key || !(tm->source = strdup(dir)))
    {
        free(key);
        pm_tm_free(tm);
        pm_error_set(err, PM_ENOMEM, "%s: out of memory", dir);
        return NULL;
    }
    tm->text = 1;
    int rc = read_key(tm, key, err);
    free(key);
    DIR* d = rc == PM_OK ? opendir(dir) : NULL;
    if (rc == PM_OK && !d)
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot list: %s", dir, strerror(errno));
    }
    size_t cap = 0;
    struct dirent* ent;
    while (rc == PM_OK && (ent = readdir(d)) != NULL)
    {
        if (ent->d_name[0] != '0')
        {
            continue; /* as Janus: only names starting with '0' are matrices */
        }
        if (tm->count == cap)
        {
            cap = cap ? 2 * cap : 64;
            tm_entry* grown = realloc(tm->e, cap * sizeof(tm_entry));
            if (!grown)
            {
                rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", dir);
                break;
            }
            tm->e = grown;
        }
        tm_entry* e = &tm->e[tm->count];
        memset(e, 0, sizeof(*e));
        e->time = strtoll(ent->d_name, NULL, 10); /* atoi of the name up to the '.' */
        e->path = pm_tm_join_path(dir, ent->d_name);
        if (!e->path)
        {
            rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", dir);
            break;
        }
        tm->count++;
    }
    if (d)
    {
        closedir(d);
    }
    if (rc == PM_OK && tm->count == 0)
    {
        rc = pm_error_set(err, PM_EPARSE, "%s: no matrix files (names starting with '0')", dir);
    }
    if (rc == PM_OK)
    {
        rc = pm_tm_sort_entries(tm, err);
    }
    if (rc == PM_OK)
    {
        rc = pm_tm_alloc_buffer(tm, err);
    }
    if (rc != PM_OK)
    {
        pm_tm_free(tm);
        return NULL;
    }
    return tm;
}

/* Read a text matrix file: N*(N-1) values in row-major order without the diagonal. */
int
pm_tm_read_text_matrix(const pm_tm* tm, const tm_entry* e, float* m, pm_error* err)
{
    char* text = NULL;
    int rc = pm_text_read_file(e->path, &text, NULL, err);
    if (rc != PM_OK)
    {
        return rc;
    }
    size_t n = tm->n;
    size_t expected = n * (n - 1);
    size_t k = 0;
    size_t line = 1;
    memset(m, 0, n * n * sizeof(float));
    for (const char* s = text; *s && rc == PM_OK;)
    {
        if (*s == '\n')
        {
            line++;
        }
        if (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' || *s == '\f')
        {
            s++;
            continue;
        }
        const char* start = s;
        while (*s &&
               !(*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\v' || *s == '\f'))
        {
            s++;
        }
        char where[400];
        snprintf(where, sizeof(where), "%s:%zu", e->path, line);
        if (k >= expected)
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s: more than N*(N-1) = %zu values for N = %zu",
                              where,
                              expected,
                              n);
            break;
        }
        char token[64];
        size_t len = (size_t)(s - start);
        char* end = NULL;
        float v = 0;
        if (len < sizeof(token))
        {
            memcpy(token, start, len);
            token[len] = '\0';
            v = strtof(token, &end);
        }
        if (!end || end != token + len)
        {
            rc = pm_error_set(err,
                              PM_EPARSE,
                              "%s: '%.*s' is not a number",
                              where,
                              (int)(len > 40 ? 40 : len),
                              start);
            break;
        }
        size_t src = k / (n - 1);
        size_t j = k % (n - 1);
        size_t dst = j < src ? j : j + 1;
        rc = pm_tm_check_value(v, where, src, dst, err);
        m[src * n + dst] = v;
        k++;
    }
    if (rc == PM_OK && k < expected)
    {
        rc = pm_error_set(err,
                          PM_EPARSE,
                          "%s: %zu values, expected N*(N-1) = %zu for N = %zu",
                          e->path,
                          k,
                          expected,
                          n);
    }
    free(text);
    return rc;
}
