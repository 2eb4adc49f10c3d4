/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-ecdf.h"

#include "pm-text.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/** An empirical CDF: n points (x_i, F_i), both non-decreasing, F_(n-1) = 1. */
struct pm_ecdf
{
    size_t n;
    double* x;     /* sizes (bytes), owned */
    double* F;     /* cumulative probabilities, owned */
    size_t* guide; /* guide[k] = first i with F_i > k/n_guide, owned */
    size_t n_guide;
    double mean[2];            /* exact mean per mode (index = pm_ecdf_mode) */
    double moment2[2];         /* exact E[S^2] per mode */
    pm_ecdf_mode default_mode; /* from "# packmime-mode:", else linear */
};

/** Growing list of points while a CDF is being read. */
typedef struct point_list
{
    double* x;
    double* F;
    size_t n;
    size_t cap;
    size_t last_line; /* line of the previous point, for messages */
} point_list;

/* Release the arrays of a point list. */
static void
points_clear(point_list* p)
{
    free(p->x);
    free(p->F);
    memset(p, 0, sizeof(*p));
}

/* Check one point against the format rules and the previous point; `where` is "file:line". */
static int
check_point(const point_list* p, double x, double F, const char* where, pm_error* err)
{
    if (!isfinite(x) || !isfinite(F))
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: size and probability must be finite numbers",
                            where);
    }
    if (x < 0)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: negative size %g (sizes are bytes >= 0)",
                            where,
                            x);
    }
    if (x > PM_ECDF_MAX_SIZE)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: size %g bytes exceeds 2^53 = 9007199254740992 (the largest size "
                            "a flow can have: sizes are sampled as doubles and sent as bytes)",
                            where,
                            x);
    }
    if (F < 0 || F > 1)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: cumulative probability %.12g outside [0,1]",
                            where,
                            F);
    }
    if (p->n > 0 && x < p->x[p->n - 1])
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: size %g is smaller than the previous size %g (sizes must be "
                            "non-decreasing)",
                            where,
                            x,
                            p->x[p->n - 1]);
    }
    if (p->n > 0 && F < p->F[p->n - 1])
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: cumulative probability %g is smaller than the previous %g "
                            "(probabilities must be non-decreasing)",
                            where,
                            F,
                            p->F[p->n - 1]);
    }
    return PM_OK;
}

/* Append a checked point, growing the arrays by doubling. */
static int
points_push(point_list* p, double x, double F, pm_error* err)
{
    if (p->n == p->cap)
    {
        size_t cap = p->cap ? 2 * p->cap : 32;
        double* nx = realloc(p->x, cap * sizeof(double));
        if (nx)
        {
            p->x = nx;
        }
        double* nF = nx ? realloc(p->F, cap * sizeof(double)) : NULL;
        if (!nx || !nF)
        {
            return pm_error_set(err, PM_ENOMEM, "out of memory reading a CDF");
        }
        p->F = nF;
        p->cap = cap;
    }
    p->x[p->n] = x;
    p->F[p->n] = F;
    p->n++;
    return PM_OK;
}

/* Index of the first point with F_i > u (u in [0,1)), found through the guide table. */
static size_t
first_above(const pm_ecdf* e, double u)
{
    size_t k = (size_t)(u * (double)e->n_guide);
    if (k >= e->n_guide)
    {
        k = e->n_guide - 1;
    }
    size_t i = e->guide[k];
    while (e->F[i] <= u)
    {
        i++;
    }
    return i;
}

/* Turn a checked point list into a CDF (takes ownership of the arrays on success). */
static pm_ecdf*
finish(point_list* p, pm_ecdf_mode mode, const char* name, size_t last_line, pm_error* err)
{
    if (p->n == 0)
    {
        pm_error_set(err,
                     PM_EPARSE,
                     "%s: no data points (expected lines '<size_bytes> <cumulative_probability>')",
                     name);
        return NULL;
    }
    double last = p->F[p->n - 1];
    if (fabs(last - 1.0) > PM_ECDF_LAST_TOLERANCE)
    {
        if (last_line > 0)
        {
            pm_error_set(err,
                         PM_EPARSE,
                         "%s:%zu: last cumulative probability is %.12g, expected 1",
                         name,
                         last_line,
                         last);
        }
        else
        {
            pm_error_set(err,
                         PM_EPARSE,
                         "%s: last cumulative probability is %.12g, expected 1",
                         name,
                         last);
        }
        return NULL;
    }
    p->F[p->n - 1] = 1.0;

    pm_ecdf* e = calloc(1, sizeof(*e));
    size_t* guide = malloc(p->n * sizeof(size_t));
    if (!e || !guide)
    {
        free(e);
        free(guide);
        pm_error_set(err, PM_ENOMEM, "%s: out of memory", name);
        return NULL;
    }
    e->n = p->n;
    e->x = p->x;
    e->F = p->F;
    e->guide = guide;
    e->n_guide = p->n;
    e->default_mode = mode;
    memset(p, 0, sizeof(*p));

    double prev_x = 0;
    double prev_F = 0;
    for (size_t i = 0; i < e->n; i++)
    {
        double mass = e->F[i] - prev_F;
        double a = prev_x;
        double b = e->x[i];
        /* Linear: uniform on [a, b] with this mass; step: a point mass at b. */
        e->mean[PM_ECDF_LINEAR] += 0.5 * (a + b) * mass;
        e->moment2[PM_ECDF_LINEAR] += (a * a + a * b + b * b) / 3.0 * mass;
        e->mean[PM_ECDF_STEP] += b * mass;
        e->moment2[PM_ECDF_STEP] += b * b * mass;
        prev_x = e->x[i];
        prev_F = e->F[i];
    }
    size_t i = 0;
    for (size_t k = 0; k < e->n_guide; k++)
    {
        double threshold = (double)k / (double)e->n_guide;
        while (e->F[i] <= threshold)
        {
            i++;
        }
        e->guide[k] = i;
    }
    return e;
}

/* Handle a "# packmime-mode: <mode>" directive inside a comment. */
static int
parse_directive(const char* comment,
                size_t len,
                const char* where,
                pm_ecdf_mode* mode,
                pm_error* err)
{
    static const char key[] = "packmime-mode:";
    pm_text_field f = pm_text_trim(comment, len);
    if (f.len < sizeof(key) - 1 || strncmp(f.start, key, sizeof(key) - 1) != 0)
    {
        return PM_OK;
    }
    /* The value is the first word; anything after it is commentary. */
    pm_text_field v = {"", 0};
    pm_text_split(f.start + sizeof(key) - 1, f.len - (sizeof(key) - 1), &v, 1);
    if (v.len == 6 && strncmp(v.start, "linear", 6) == 0)
    {
        *mode = PM_ECDF_LINEAR;
        return PM_OK;
    }
    if (v.len == 4 && strncmp(v.start, "step", 4) == 0)
    {
        *mode = PM_ECDF_STEP;
        return PM_OK;
    }
    return pm_error_set(err,
                        PM_EPARSE,
                        "%s: packmime-mode '%.*s' is not 'linear' or 'step'",
                        where,
                        (int)v.len,
                        v.start);
}

/* Parse one line of a CDF; appends at most one point. */
static int
parse_line(const char* line,
           size_t len,
           const char* where,
           point_list* p,
           pm_ecdf_mode* mode,
           pm_error* err)
{
    const char* hash = memchr(line, '#', len);
    if (hash)
    {
        int rc = parse_directive(hash + 1, len - (size_t)(hash + 1 - line), where, mode, err);
        if (rc != PM_OK)
        {
            return rc;
        }
        len = (size_t)(hash - line);
    }
    pm_text_field fields[3];
    size_t nf = pm_text_split(line, len, fields, 3);
    if (nf == 0)
    {
        return PM_OK;
    }
    if (nf != 2)
    {
        return pm_error_set(err,
                            PM_EPARSE,
                            "%s: %s fields, expected 2 (<size_bytes> <cumulative_probability>)",
                            where,
                            nf == 1 ? "1" : "3 or more");
    }
    double v[2];
    for (int k = 0; k < 2; k++)
    {
        int bad = pm_text_parse_double(fields[k], &v[k]);
        if (bad != 0)
        {
            return pm_error_set(err,
                                PM_EPARSE,
                                "%s: %s '%.*s' is %s",
                                where,
                                k == 0 ? "size" : "cumulative probability",
                                (int)(fields[k].len > 40 ? 40 : fields[k].len),
                                fields[k].start,
                                bad == -2 ? "not a finite number" : "not a number");
        }
    }
    int rc = check_point(p, v[0], v[1], where, err);
    return rc != PM_OK ? rc : points_push(p, v[0], v[1], err);
}

pm_ecdf*
pm_ecdf_parse_string(const char* text, const char* name, pm_error* err)
{
    point_list p = {0};
    pm_ecdf_mode mode = PM_ECDF_LINEAR;
    size_t line_no = 0;
    size_t last_point_line = 0;
    const char* s = text ? pm_text_skip_bom(text) : "";
    while (*s)
    {
        const char* nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        line_no++;
        char where[300];
        snprintf(where, sizeof(where), "%s:%zu", name, line_no);
        size_t before = p.n;
        if (parse_line(s, len, where, &p, &mode, err) != PM_OK)
        {
            points_clear(&p);
            return NULL;
        }
        if (p.n > before)
        {
            last_point_line = line_no;
        }
        s += len + (nl ? 1 : 0);
    }
    pm_ecdf* e = finish(&p, mode, name, last_point_line, err);
    points_clear(&p);
    return e;
}

pm_ecdf*
pm_ecdf_parse_file(const char* path, pm_error* err)
{
    char* text = NULL;
    if (pm_text_read_file(path, &text, NULL, err) != PM_OK)
    {
        return NULL;
    }
    pm_ecdf* e = pm_ecdf_parse_string(text, path, err);
    free(text);
    return e;
}

pm_ecdf*
pm_ecdf_from_arrays(const double* x, const double* F, size_t n, pm_error* err)
{
    point_list p = {0};
    for (size_t i = 0; i < n; i++)
    {
        char where[64];
        snprintf(where, sizeof(where), "cdf point %zu", i);
        if (check_point(&p, x[i], F[i], where, err) != PM_OK ||
            points_push(&p, x[i], F[i], err) != PM_OK)
        {
            points_clear(&p);
            return NULL;
        }
    }
    pm_ecdf* e = finish(&p, PM_ECDF_LINEAR, "cdf arrays", 0, err);
    points_clear(&p);
    return e;
}

void
pm_ecdf_free(pm_ecdf* e)
{
    if (e)
    {
        free(e->x);
        free(e->F);
        free(e->guide);
        free(e);
    }
}

int
pm_ecdf_mode_parse(const char* text, pm_ecdf_mode* mode, pm_error* err)
{
    if (text && strcmp(text, "linear") == 0)
    {
        *mode = PM_ECDF_LINEAR;
        return PM_OK;
    }
    if (text && strcmp(text, "step") == 0)
    {
        *mode = PM_ECDF_STEP;
        return PM_OK;
    }
    return pm_error_set(err,
                        PM_EINVAL,
                        "sampling mode '%s' is not 'linear' or 'step'",
                        text ? text : "(null)");
}

const char*
pm_ecdf_mode_name(pm_ecdf_mode mode)
{
    return mode == PM_ECDF_STEP ? "step" : "linear";
}

double
pm_ecdf_mean(const pm_ecdf* e, pm_ecdf_mode mode)
{
    return e->mean[mode == PM_ECDF_STEP ? PM_ECDF_STEP : PM_ECDF_LINEAR];
}

double
pm_ecdf_variance(const pm_ecdf* e, pm_ecdf_mode mode)
{
    int m = mode == PM_ECDF_STEP ? PM_ECDF_STEP : PM_ECDF_LINEAR;
    double v = e->moment2[m] - e->mean[m] * e->mean[m];
    return v > 0 ? v : 0.0;
}

double
pm_ecdf_cdf(const pm_ecdf* e, pm_ecdf_mode mode, double x)
{
    if (x < 0)
    {
        return 0.0;
    }
    /* j = number of points with x_i <= x (binary search for the upper bound). */
    size_t lo = 0;
    size_t hi = e->n;
    while (lo < hi)
    {
        size_t mid = lo + (hi - lo) / 2;
        if (e->x[mid] <= x)
        {
            lo = mid + 1;
        }
        else
        {
            hi = mid;
        }
    }
    size_t j = lo;
    if (j == e->n)
    {
        return 1.0;
    }
    if (mode == PM_ECDF_STEP)
    {
        return j == 0 ? 0.0 : e->F[j - 1];
    }
    double x0 = j == 0 ? 0.0 : e->x[j - 1];
    double F0 = j == 0 ? 0.0 : e->F[j - 1];
    return F0 + (e->F[j] - F0) * (x - x0) / (e->x[j] - x0);
}

double
pm_ecdf_quantile(const pm_ecdf* e, pm_ecdf_mode mode, double u)
{
    if (!(u >= 0.0))
    {
        u = 0.0;
    }
    if (u >= 1.0)
    {
        return e->x[e->n - 1];
    }
    size_t i = first_above(e, u);
    if (mode == PM_ECDF_STEP)
    {
        return e->x[i];
    }
    double x0 = i == 0 ? 0.0 : e->x[i - 1];
    double F0 = i == 0 ? 0.0 : e->F[i - 1];
    return x0 + (u - F0) * (e->x[i] - x0) / (e->F[i] - F0);
}

double
pm_ecdf_sample(const pm_ecdf* e, pm_ecdf_mode mode, gsl_rng* r)
{
    return pm_ecdf_quantile(e, mode, gsl_rng_uniform(r));
}

uint64_t
pm_ecdf_to_bytes(double size)
{
    return size < 1.5 ? 1 : (uint64_t)llround(size);
}

pm_ecdf_mode
pm_ecdf_default_mode(const pm_ecdf* e)
{
    return e->default_mode;
}

size_t
pm_ecdf_points(const pm_ecdf* e)
{
    return e->n;
}

double
pm_ecdf_point_size(const pm_ecdf* e, size_t i)
{
    return e->x[i];
}

double
pm_ecdf_point_prob(const pm_ecdf* e, size_t i)
{
    return e->F[i];
}
