/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Whether c separates fields. */
static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

pm_text_field
pm_text_trim(const char* s, size_t len)
{
    while (len > 0 && is_space(*s))
    {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
    {
        len--;
    }
    pm_text_field f = {s, len};
    return f;
}

size_t
pm_text_split(const char* s, size_t len, pm_text_field* fields, size_t max)
{
    size_t n = 0;
    size_t i = 0;
    while (i < len && n < max)
    {
        while (i < len && is_space(s[i]))
        {
            i++;
        }
        if (i == len)
        {
            break;
        }
        size_t start = i;
        while (i < len && !is_space(s[i]))
        {
            i++;
        }
        fields[n].start = s + start;
        fields[n].len = i - start;
        n++;
    }
    return n;
}

int
pm_text_parse_double(pm_text_field f, double* out)
{
    char buf[64];
    if (f.len == 0 || f.len >= sizeof(buf))
    {
        return -1;
    }
    memcpy(buf, f.start, f.len);
    buf[f.len] = '\0';
    char* end = NULL;
    errno = 0;
    double v = strtod(buf, &end);
    if (end != buf + f.len || errno == ERANGE)
    {
        return -1;
    }
    *out = v;
    return 0;
}

int
pm_text_read_file(const char* path, char** out, size_t* out_len, pm_error* err)
{
    *out = NULL;
    FILE* f = fopen(path, "rb");
    if (!f)
    {
        return pm_error_set(err, PM_EIO, "%s: cannot open: %s", path, strerror(errno));
    }
    size_t cap = 4096;
    size_t len = 0;
    char* buf = malloc(cap);
    while (buf)
    {
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (len < cap - 1)
        {
            break;
        }
        char* grown = realloc(buf, cap * 2);
        if (!grown)
        {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int failed = ferror(f) ? errno : 0;
    fclose(f);
    if (!buf)
    {
        return pm_error_set(err, PM_ENOMEM, "%s: out of memory", path);
    }
    if (failed)
    {
        free(buf);
        return pm_error_set(err, PM_EIO, "%s: cannot read: %s", path, strerror(failed));
    }
    buf[len] = '\0';
    *out = buf;
    if (out_len)
    {
        *out_len = len;
    }
    return PM_OK;
}
