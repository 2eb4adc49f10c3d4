/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The Janus binary form of a traffic-matrix trace (PREFIX.index + PREFIX.data): reader,
 * layout checks and the canonical writer (janus-trace-format.md sections 3-4).
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-text.h"
#include "pm-tm-internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

/* Little-endian decoders of the binary form. */
static uint64_t
le64(const unsigned char* p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
    {
        v = (v << 8) | p[i];
    }
    return v;
}

static uint32_t
le32(const unsigned char* p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The float32 whose IEEE-754 bits are b. */
static float
bits_to_float(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof(f));
    return f;
}

/* Length of the open data file. */
static uint64_t
data_len_of(const pm_tm* tm)
{
    return fseeko(tm->data, 0, SEEK_END) == 0 ? (uint64_t)ftello(tm->data) : 0;
}

/* qsort comparator of entries by seek. */
static int
by_seek(const void* a, const void* b)
{
    uint64_t x = ((const tm_entry*)a)->seek;
    uint64_t y = ((const tm_entry*)b)->seek;
    return (x > y) - (x < y);
}

/* The compressor's layout: time keys >= 0 (atoi of a file name), records that tile the data
 * file exactly (no overlap, no gap, no trailing bytes). Reorders tm->e (sorted by time later). */
static int
check_layout(pm_tm* tm, uint64_t data_len, pm_error* err)
{
    qsort(tm->e, tm->count, sizeof(tm_entry), by_seek);
    uint64_t end = 0;
    for (size_t k = 0; k < tm->count; k++)
    {
        const tm_entry* r = &tm->e[k];
        if (r->time < 0)
        {
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: negative time key %lld (keys are file-name numbers >= 0)",
                                tm->source,
                                (long long)r->time);
        }
        if (r->seek != end)
        {
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: the record of time %lld starts at byte %llu, expected %llu "
                                "(records must tile the data file: %s)",
                                tm->source,
                                (long long)r->time,
                                (unsigned long long)r->seek,
                                (unsigned long long)end,
                                r->seek < end ? "it overlaps the previous one" : "a gap before it");
        }
        end = r->seek + r->size;
    }
    if (end != data_len)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: %llu bytes after the last record (file %llu bytes, records end "
                            "at %llu)",
                            tm->source,
                            (unsigned long long)(data_len - end),
                            (unsigned long long)data_len,
                            (unsigned long long)end);
    }
    return PM_OK;
}

/* Validate index record k (seek, size) against the data file and read its N. */
static int
check_record(pm_tm* tm, size_t k, uint64_t data_len, size_t* n_out, pm_error* err)
{
    const tm_entry* r = &tm->e[k];
    if (r->seek > data_len || r->size > data_len - r->seek || r->size < 16)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: index record %zu (time %lld): seek %llu + size %llu is outside "
                            "the data file (%llu bytes)",
                            tm->source,
                            k,
                            (long long)r->time,
                            (unsigned long long)r->seek,
                            (unsigned long long)r->size,
                            (unsigned long long)data_len);
    }
    unsigned char head[4];
    if (fseeko(tm->data, (off_t)r->seek, SEEK_SET) != 0 || fread(head, 1, 4, tm->data) != 4)
    {
        return pm_error_set(err, PM_EIO, "%s: cannot read record %zu", tm->source, k);
    }
    uint32_t pairs = le32(head);
    if (pairs == 0 || r->size != 16 + 4 * (uint64_t)pairs)
    {
        uint64_t body = r->size - 16;
        if (pairs && body % pairs == 0 && body / pairs != 4)
        {
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: record %zu (time %lld): %llu-byte matrix elements: an older "
                                "or forked Janus format (only 4-byte floats are supported)",
                                tm->source,
                                k,
                                (long long)r->time,
                                (unsigned long long)(body / pairs));
        }
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: record %zu (time %lld): size %llu, expected 16 + 4 * num_pairs "
                            "(num_pairs = %u)",
                            tm->source,
                            k,
                            (long long)r->time,
                            (unsigned long long)r->size,
                            pairs);
    }
    size_t n = (size_t)llround(sqrt((double)pairs));
    if (n * n != pairs)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: record %zu (time %lld): num_pairs %u is not a square N*N",
                            tm->source,
                            k,
                            (long long)r->time,
                            pairs);
    }
    *n_out = n;
    return PM_OK;
}

pm_tm*
pm_tm_open_binary(const char* prefix, pm_error* err)
{
    pm_tm* tm = calloc(1, sizeof(*tm));
    char* index_path = pm_tm_concat(prefix, ".index");
    if (!tm || !index_path || !(tm->source = pm_tm_concat(prefix, ".data")))
    {
        free(index_path);
        pm_tm_free(tm);
        pm_error_set(err, PM_ENOMEM, "%s: out of memory", prefix);
        return NULL;
    }
    char* raw = NULL;
    size_t len = 0;
    int rc = pm_text_read_file(index_path, &raw, &len, err);
    const unsigned char* idx = (const unsigned char*)raw;
    if (rc == PM_OK && len < 8)
    {
        rc = pm_error_set(err,
                          PM_EPARSE,
                          "%s: truncated index (%zu bytes, expected at least 8)",
                          index_path,
                          len);
    }
    uint64_t count = rc == PM_OK ? le64(idx) : 0;
    uint64_t data_len = 0; /* bytes of the data file, once it is open */
    if (rc == PM_OK && (count > (len - 8) / 24 || 8 + 24 * count != len))
    {
        rc = pm_error_set(
            err,
            PM_EPARSE,
            "%s: record count %llu disagrees with the file size (%zu bytes, expected 8 "
            "+ 24 * count)",
            index_path,
            (unsigned long long)count,
            len);
    }
    if (rc == PM_OK && count == 0)
    {
        rc = pm_error_set(err, PM_EPARSE, "%s: no matrices (record count 0)", index_path);
    }
    if (rc == PM_OK && !(tm->data = fopen(tm->source, "rb")))
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot open: %s", tm->source, strerror(errno));
    }
    if (rc == PM_OK && !(tm->e = calloc((size_t)count, sizeof(tm_entry))))
    {
        rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", index_path);
    }
    if (rc == PM_OK)
    {
        tm->count = (size_t)count;
        for (size_t k = 0; k < tm->count; k++)
        {
            const unsigned char* p = idx + 8 + 24 * k;
            tm->e[k].seek = le64(p);
            tm->e[k].time = (int64_t)le64(p + 8);
            tm->e[k].size = le64(p + 16);
        }
        data_len = data_len_of(tm);
        for (size_t k = 0; rc == PM_OK && k < tm->count; k++)
        {
            size_t n = 0;
            rc = check_record(tm, k, data_len, &n, err);
            if (rc == PM_OK && k > 0 && n != tm->n)
            {
                rc = pm_error_set(err,
                                  PM_EPARSE,
                                  "%s: record %zu (time %lld) has N = %zu, earlier records N = %zu",
                                  tm->source,
                                  k,
                                  (long long)tm->e[k].time,
                                  n,
                                  tm->n);
            }
            tm->n = n;
        }
    }
    if (rc == PM_OK)
    {
        rc = check_layout(tm, data_len, err);
    }
    if (rc == PM_OK && tm->n < 2)
    {
        rc = pm_error_set(err,
                          PM_EPARSE,
                          "%s: N = %zu: a trace needs at least 2 ToRs",
                          tm->source,
                          tm->n);
    }
    if (rc == PM_OK)
    {
        rc = pm_tm_sort_entries(tm, err);
    }
    if (rc == PM_OK)
    {
        rc = pm_tm_alloc_buffer(tm, err);
    }
    free(raw);
    free(index_path);
    if (rc != PM_OK)
    {
        pm_tm_free(tm);
        return NULL;
    }
    return tm;
}

/* Read the binary record of entry e into m[N*N] (diagonal zeroed, values checked). */
int
pm_tm_read_binary_record(pm_tm* tm, const tm_entry* e, float* m, pm_error* err)
{
    size_t n = tm->n;
    size_t bytes = 4 * n * n;
    unsigned char* raw = (unsigned char*)tm->buffer;
    if (fseeko(tm->data, (off_t)(e->seek + 16), SEEK_SET) != 0 ||
        fread(raw, 1, bytes, tm->data) != bytes)
    {
        return pm_error_set(err,
                            PM_EIO,
                            "%s: cannot read the record of time %lld",
                            tm->source,
                            (long long)e->time);
    }
    for (size_t i = 0; i < n * n; i++)
    {
        m[i] = bits_to_float(le32(raw + 4 * i));
    }
    for (size_t s = 0; s < n; s++)
    {
        m[s * n + s] = 0.0f; /* the diagonal is ignored */
        for (size_t d = 0; d < n; d++)
        {
            char where[320];
            snprintf(where,
                     sizeof(where),
                     "%s record of time %lld",
                     tm->source,
                     (long long)e->time);
            if (pm_tm_check_value(m[s * n + d], where, s, d, err) != PM_OK)
            {
                return PM_EPARSE;
            }
        }
    }
    return PM_OK;
}
