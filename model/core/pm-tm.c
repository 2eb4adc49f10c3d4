/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-tm.h"

#include "pm-text.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/** One matrix of the trace. */
typedef struct tm_entry
{
    int64_t time;
    uint64_t seek; /* binary: record offset in the data file */
    uint64_t size; /* binary: record length */
    char* path;    /* text: the matrix file */
} tm_entry;

struct pm_tm
{
    int text;
    char* source;  /* PREFIX.data or DIR, for messages */
    FILE* data;    /* binary data file */
    size_t n;      /* ToRs */
    size_t count;  /* matrices */
    tm_entry* e;   /* sorted by time */
    float* buffer; /* N*N floats for reading records */
};

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

/* Little-endian encoders. */
static void
put_le64(unsigned char* p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
    {
        p[i] = (unsigned char)(v >> (8 * i));
    }
}

static void
put_le32(unsigned char* p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
    {
        p[i] = (unsigned char)(v >> (8 * i));
    }
}

/* float32 <-> its IEEE-754 bits. */
static float
bits_to_float(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof(f));
    return f;
}

static uint32_t
float_to_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof(b));
    return b;
}

/* "a" + "b" in a new string. */
static char*
concat(const char* a, const char* b)
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
static char*
join_path(const char* dir, const char* name)
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
static int
sort_entries(pm_tm* tm, pm_error* err)
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
static int
alloc_buffer(pm_tm* tm, pm_error* err)
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
    char* index_path = concat(prefix, ".index");
    if (!tm || !index_path || !(tm->source = concat(prefix, ".data")))
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
        rc = sort_entries(tm, err);
    }
    if (rc == PM_OK)
    {
        rc = alloc_buffer(tm, err);
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
    char* key = join_path(dir, "key.tsv");
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
        e->path = join_path(dir, ent->d_name);
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
        rc = sort_entries(tm, err);
    }
    if (rc == PM_OK)
    {
        rc = alloc_buffer(tm, err);
    }
    if (rc != PM_OK)
    {
        pm_tm_free(tm);
        return NULL;
    }
    return tm;
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
static int
check_value(float v, const char* where, size_t s, size_t d, pm_error* err)
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

/* Read a text matrix file: N*(N-1) values in row-major order without the diagonal. */
static int
read_text_matrix(const pm_tm* tm, const tm_entry* e, float* m, pm_error* err)
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
        rc = check_value(v, where, src, dst, err);
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

int
pm_tm_read(pm_tm* tm, size_t ep, float* m, pm_error* err)
{
    if (ep >= tm->count)
    {
        return pm_error_set(err, PM_EINVAL, "%s: epoch %zu of %zu", tm->source, ep, tm->count);
    }
    const tm_entry* e = &tm->e[ep];
    if (tm->text)
    {
        return read_text_matrix(tm, e, m, err);
    }
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
            if (check_value(m[s * n + d], where, s, d, err) != PM_OK)
            {
                return PM_EPARSE;
            }
        }
    }
    return PM_OK;
}

/* Write the canonical binary form to the files dpath and ipath. */
static int
write_binary_files(pm_tm* tm, const char* dpath, const char* ipath, pm_error* err)
{
    size_t n = tm->n;
    float* m = malloc(n * n * sizeof(float));
    unsigned char* rec = malloc(16 + 4 * n * n);
    unsigned char* index = malloc(8 + 24 * tm->count);
    FILE* df = NULL;
    FILE* xf = NULL;
    int rc = PM_OK;
    if (!m || !rec || !index)
    {
        rc = pm_error_set(err, PM_ENOMEM, "%s: out of memory", dpath);
    }
    if (rc == PM_OK && !(df = fopen(dpath, "wb")))
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot write: %s", dpath, strerror(errno));
    }
    uint64_t size = 16 + 4 * (uint64_t)n * n;
    if (rc == PM_OK)
    {
        put_le64(index, tm->count);
    }
    for (size_t k = 0; rc == PM_OK && k < tm->count; k++)
    {
        rc = pm_tm_read(tm, k, m, err);
        if (rc != PM_OK)
        {
            break;
        }
        memset(rec, 0, 16); /* bytes 4..15 (padding and a pointer in Janus) written as zero */
        put_le32(rec, (uint32_t)(n * n));
        for (size_t i = 0; i < n * n; i++)
        {
            put_le32(rec + 16 + 4 * i, float_to_bits(m[i]));
        }
        if (fwrite(rec, 1, size, df) != size)
        {
            rc = pm_error_set(err, PM_EIO, "%s: write error", dpath);
        }
        put_le64(index + 8 + 24 * k, k * size);
        put_le64(index + 16 + 24 * k, (uint64_t)tm->e[k].time);
        put_le64(index + 24 + 24 * k, size);
    }
    if (df && fclose(df) != 0 && rc == PM_OK)
    {
        rc = pm_error_set(err, PM_EIO, "%s: write error", dpath);
    }
    if (rc == PM_OK && !(xf = fopen(ipath, "wb")))
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot write: %s", ipath, strerror(errno));
    }
    if (xf)
    {
        size_t len = 8 + 24 * tm->count;
        if ((fwrite(index, 1, len, xf) != len || fclose(xf) != 0) && rc == PM_OK)
        {
            rc = pm_error_set(err, PM_EIO, "%s: write error", ipath);
        }
    }
    free(m);
    free(rec);
    free(index);
    return rc;
}

int
pm_tm_write_binary(pm_tm* tm, const char* prefix, pm_error* err)
{
    /* Written next to the target and renamed only on success: a failure (a bad value in a
     * text matrix, a full disk) leaves an existing trace at PREFIX untouched. */
    char* ipath = concat(prefix, ".index");
    char* dpath = concat(prefix, ".data");
    char* itmp = ipath ? concat(ipath, ".tmp") : NULL;
    char* dtmp = dpath ? concat(dpath, ".tmp") : NULL;
    int rc = (itmp && dtmp) ? write_binary_files(tm, dtmp, itmp, err)
                            : pm_error_set(err, PM_ENOMEM, "%s: out of memory", prefix);
    if (rc == PM_OK && rename(dtmp, dpath) != 0)
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot write: %s", dpath, strerror(errno));
    }
    if (rc == PM_OK && rename(itmp, ipath) != 0)
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot write: %s", ipath, strerror(errno));
    }
    if (rc != PM_OK && itmp && dtmp)
    {
        remove(itmp);
        remove(dtmp);
    }
    free(ipath);
    free(dpath);
    free(itmp);
    free(dtmp);
    return rc;
}

int
pm_tm_write_text(pm_tm* tm, const char* dir, pm_error* err)
{
    if (mkdir(dir, 0755) != 0 && errno != EEXIST)
    {
        return pm_error_set(err, PM_EIO, "%s: cannot create: %s", dir, strerror(errno));
    }
    /* Matrix files already there would join this trace when it is read back: refuse. */
    DIR* existing = opendir(dir);
    struct dirent* ent;
    while (existing && (ent = readdir(existing)) != NULL)
    {
        if (ent->d_name[0] == '0')
        {
            /* The message first: ent belongs to the directory stream closedir frees. */
            int rc =
                pm_error_set(err,
                             PM_EINVAL,
                             "%s: already holds matrix files (%s); write to an empty directory",
                             dir,
                             ent->d_name);
            closedir(existing);
            return rc;
        }
    }
    if (existing)
    {
        closedir(existing);
    }
    size_t n = tm->n;
    char* kpath = join_path(dir, "key.tsv");
    float* m = malloc(n * n * sizeof(float));
    int rc = (kpath && m) ? PM_OK : pm_error_set(err, PM_ENOMEM, "%s: out of memory", dir);
    FILE* f = rc == PM_OK ? fopen(kpath, "w") : NULL;
    if (rc == PM_OK && !f)
    {
        rc = pm_error_set(err, PM_EIO, "%s: cannot write: %s", kpath, strerror(errno));
    }
    for (size_t s = 0; f && s < n; s++)
    {
        for (size_t d = 0; d < n; d++)
        {
            if (d != s)
            {
                fprintf(f, "t%zu\tt%zu\tp1\tp1\t0\t0\n", s + 1, d + 1);
            }
        }
    }
    if (f && fclose(f) != 0 && rc == PM_OK)
    {
        rc = pm_error_set(err, PM_EIO, "%s: write error", kpath);
    }
    for (size_t k = 0; rc == PM_OK && k < tm->count; k++)
    {
        int64_t t = tm->e[k].time;
        if (t < 0)
        {
            rc = pm_error_set(err,
                              PM_EINVAL,
                              "%s: time key %lld cannot be written in text form (matrix file "
                              "names start with '0')",
                              dir,
                              (long long)t);
            break;
        }
        rc = pm_tm_read(tm, k, m, err);
        char name[32];
        snprintf(name, sizeof(name), t < 1000 ? "%04lld.tsv" : "0%lld.tsv", (long long)t);
        char* path = rc == PM_OK ? join_path(dir, name) : NULL;
        FILE* tf = path ? fopen(path, "w") : NULL;
        if (rc == PM_OK && !tf)
        {
            rc = pm_error_set(err, PM_EIO, "%s: cannot write", path ? path : dir);
        }
        for (size_t s = 0; tf && s < n; s++)
        {
            for (size_t d = 0; d < n; d++)
            {
                if (d != s)
                {
                    fprintf(tf, "%.9g\n", (double)m[s * n + d]); /* 9 digits: float round trip */
                }
            }
        }
        if (tf && fclose(tf) != 0 && rc == PM_OK)
        {
            rc = pm_error_set(err, PM_EIO, "%s: write error", path);
        }
        free(path);
    }
    free(kpath);
    free(m);
    return rc;
}
