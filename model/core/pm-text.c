/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-text.h"

#include <errno.h>
#include <float.h>
#include <math.h>
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
    if (end != buf + f.len)
    {
        return -1;
    }
    /* ERANGE also flags underflow: a tiny finite value is still a number. */
    if (!isfinite(v) || (errno == ERANGE && fabs(v) == HUGE_VAL))
    {
        return -2;
    }
    *out = v;
    return 0;
}

const char*
pm_text_skip_bom(const char* text)
{
    return (text && strncmp(text, "\xEF\xBB\xBF", 3) == 0) ? text + 3 : text;
}

/* Print a bound exactly when it is a whole number (2^53 as 9007199254740992), else %g. */
static void
format_bound(double v, char* buf, size_t size)
{
    if (v == floor(v) && fabs(v) <= PM_NUMBER_MAX_INTEGER)
    {
        snprintf(buf, size, "%.0f", v);
    }
    else
    {
        snprintf(buf, size, "%.15g", v);
    }
}

void
pm_number_range_describe(pm_number_range range, char* buf, size_t size)
{
    const char* what = (range.flags & PM_NUMBER_INTEGER) ? "an integer" : "a number";
    int open = (range.flags & PM_NUMBER_ABOVE_MIN) != 0;
    int bounded_below = isfinite(range.min) && range.min > -DBL_MAX;
    int bounded_above = isfinite(range.max) && range.max < DBL_MAX;
    char lo[32];
    char hi[32];
    format_bound(range.min, lo, sizeof(lo));
    format_bound(range.max, hi, sizeof(hi));
    if (bounded_below && bounded_above)
    {
        snprintf(buf, size, "%s in %c%s, %s]", what, open ? '(' : '[', lo, hi);
    }
    else if (bounded_below)
    {
        snprintf(buf, size, "%s %s %s", what, open ? ">" : ">=", lo);
    }
    else if (bounded_above)
    {
        snprintf(buf, size, "%s <= %s", what, hi);
    }
    else
    {
        snprintf(buf, size, "a finite %s", what + ((range.flags & PM_NUMBER_INTEGER) ? 3 : 2));
    }
}

int
pm_text_parse_number(const char* text, pm_number_range range, double* out, pm_error* err)
{
    char expected[96];
    pm_number_range_describe(range, expected, sizeof(expected));
    char* end = NULL;
    errno = 0;
    double v = (text && *text && !is_space(*text)) ? strtod(text, &end) : NAN;
    if (!end || end == text || *end != '\0')
    {
        return pm_error_set(err, PM_EINVAL, "expected %s", expected);
    }
    /* strtod reports ERANGE for overflow (+-HUGE_VAL) and for underflow (a tiny finite value,
     * which is a number like any other: the range decides). */
    if (!isfinite(v) || (errno == ERANGE && fabs(v) == HUGE_VAL))
    {
        return pm_error_set(err, PM_EINVAL, "not finite: expected %s", expected);
    }
    int below = (range.flags & PM_NUMBER_ABOVE_MIN) ? !(v > range.min) : !(v >= range.min);
    if (below || !(v <= range.max))
    {
        return pm_error_set(err, PM_EINVAL, "out of range: expected %s", expected);
    }
    if ((range.flags & PM_NUMBER_INTEGER) && (v != floor(v) || fabs(v) > PM_NUMBER_MAX_INTEGER))
    {
        return pm_error_set(err, PM_EINVAL, "expected %s", expected);
    }
    *out = v;
    return PM_OK;
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
        if (cap >= PM_TEXT_MAX_FILE)
        {
            free(buf);
            fclose(f);
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: larger than %d MiB (not a text input of this module: CDFs, "
                                "configs and trace matrices are far smaller)",
                                path,
                                (int)(PM_TEXT_MAX_FILE >> 20));
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
