/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic-matrix trace writers (the tools' and tests' library, not the ns-3 module's): the
 * canonical binary form and the text form (janus-trace-format.md).
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-tm-write.h"

#include "pm-tm-internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* The IEEE-754 bits of a float32. */
static uint32_t
float_to_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof(b));
    return b;
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
    char* ipath = pm_tm_concat(prefix, ".index");
    char* dpath = pm_tm_concat(prefix, ".data");
    char* itmp = ipath ? pm_tm_concat(ipath, ".tmp") : NULL;
    char* dtmp = dpath ? pm_tm_concat(dpath, ".tmp") : NULL;
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
    char* kpath = pm_tm_join_path(dir, "key.tsv");
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
        char* path = rc == PM_OK ? pm_tm_join_path(dir, name) : NULL;
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
