/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic-matrix traces: what both forms share (opening by kind, epochs, reading, checks).
 * The Janus binary form is in pm-tm-binary.c, the text form in pm-tm-text.c.
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-tm-internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* "a" + "b" in a new string. */
char*
pm_tm_concat(const char* a, const char* b)
{
    size_t la = strlen(a);
    size_t lb = strlen(b);
    char* s = malloc(la + lb + 1);
    if (s)
    {
        memcpy(s, a, la);
        memcpy(s + la, b, lb + 1);
    }
    return s;
}

/* dir + "/" + name (no doubled slash). */
char*
pm_tm_join_path(const char* dir, const char* name)
{
    size_t ld = strlen(dir);
    char* s = malloc(ld + strlen(name) + 2);
    if (s)
    {
        sprintf(s, "%s%s%s", dir, (ld && dir[ld - 1] == '/') ? "" : "/", name);
    }
    return s;
}

/* qsort comparator of entries by time. */
static int
by_time(const void* a, const void* b)
{
    int64_t x = ((const tm_entry*)a)->time;
    int64_t y = ((const tm_entry*)b)->time;
    return (x > y) - (x < y);
}

/* Sort the entries by time and reject duplicate keys. */
int
pm_tm_sort_entries(pm_tm* tm, pm_error* err)
{
    qsort(tm->e, tm->count, sizeof(tm_entry), by_time);
    for (size_t i = 1; i < tm->count; i++)
    {
        if (tm->e[i].time == tm->e[i - 1].time)
        {
            if (tm->text)
            {
                return pm_error_set(err,
                                    PM_EPARSE,
                                    "%s and %s: duplicate time key %lld",
                                    tm->e[i - 1].path,
                                    tm->e[i].path,
                                    (long long)tm->e[i].time);
            }
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: duplicate time key %lld in the index",
                                tm->source,
                                (long long)tm->e[i].time);
        }
    }
    return PM_OK;
}

/* Allocate the N*N read buffer once N is known. */
int
pm_tm_alloc_buffer(pm_tm* tm, pm_error* err)
{
    tm->buffer = malloc(tm->n * tm->n * sizeof(float));
    return tm->buffer
               ? PM_OK
               : pm_error_set(err, PM_ENOMEM, "%s: out of memory for N = %zu", tm->source, tm->n);
}

void
pm_tm_free(pm_tm* tm)
{
    if (!tm)
    {
        return;
    }
    if (tm->data)
    {
        fclose(tm->data);
    }
    for (size_t i = 0; tm->e && i < tm->count; i++)
    {
        free(tm->e[i].path);
    }
    free(tm->e);
    free(tm->source);
    free(tm->buffer);
    free(tm);
}

pm_tm*
pm_tm_open(const char* prefix_or_dir, pm_error* err)
{
    struct stat st;
    if (stat(prefix_or_dir, &st) == 0 && S_ISDIR(st.st_mode))
    {
        return pm_tm_open_text(prefix_or_dir, err);
    }
    return pm_tm_open_binary(prefix_or_dir, err);
}

int
pm_tm_validate(pm_tm* tm, pm_error* err)
{
    float* m = malloc(tm->n * tm->n * sizeof(float));
    int rc = m ? PM_OK : pm_error_set(err, PM_ENOMEM, "%s: out of memory", tm->source);
    for (size_t e = 0; rc == PM_OK && e < tm->count; e++)
    {
        rc = pm_tm_read(tm, e, m, err);
    }
    free(m);
    return rc;
}

size_t
pm_tm_n(const pm_tm* tm)
{
    return tm->n;
}

size_t
pm_tm_epochs(const pm_tm* tm)
{
    return tm->count;
}

int64_t
pm_tm_time(const pm_tm* tm, size_t e)
{
    return tm->e[e].time;
}

long
pm_tm_find(const pm_tm* tm, int64_t t)
{
    size_t lo = 0;
    size_t hi = tm->count;
    while (lo < hi)
    {
        size_t mid = lo + (hi - lo) / 2;
        if (tm->e[mid].time <= t)
        {
            lo = mid + 1;
        }
        else
        {
            hi = mid;
        }
    }
    return (long)lo - 1;
}

/* Check one demand value; `where` names it. */
int
pm_tm_check_value(float v, const char* where, size_t s, size_t d, pm_error* err)
{
    if (!isfinite(v) || v < 0)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: value %g for (%zu,%zu) is not a finite demand >= 0",
                            where,
                            (double)v,
                            s,
                            d);
    }
    return PM_OK;
}

int
pm_tm_read(pm_tm* tm, size_t ep, float* m, pm_error* err)
{
    if (ep >= tm->count)
    {
        return pm_error_set(err, PM_EINVAL, "%s: epoch %zu of %zu", tm->source, ep, tm->count);
    }
    const tm_entry* e = &tm->e[ep];
    return tm->text ? pm_tm_read_text_matrix(tm, e, m, err)
                    : pm_tm_read_binary_record(tm, e, m, err);
}
