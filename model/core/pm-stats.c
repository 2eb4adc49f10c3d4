/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-stats.h"

#include <gsl/gsl_fit.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_wavelet.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qsort comparator for doubles. */
static int
compare_doubles(const void* a, const void* b)
{
    double x = *(const double*)a;
    double y = *(const double*)b;
    return (x > y) - (x < y);
}

void
pm_stats_sort(double* x, size_t n)
{
    qsort(x, n, sizeof(double), compare_doubles);
}

double
pm_stats_ks_one(const double* sorted, size_t n, double (*cdf)(double x, void* ctx), void* ctx)
{
    /* Over each run of equal values v (indices i..j-1): F_n(v) = j/n and F_n(v-) = i/n are
     * compared with F(v) and the left limit F(v-), so discrete laws are handled exactly;
     * for a continuous F this is the usual max(i/n - F, F - (i-1)/n). */
    double d = 0;
    size_t i = 0;
    while (i < n)
    {
        double v = sorted[i];
        size_t j = i;
        while (j < n && sorted[j] == v)
        {
            j++;
        }
        double above = (double)j / (double)n - cdf(v, ctx);
        double below = cdf(nextafter(v, -INFINITY), ctx) - (double)i / (double)n;
        d = fmax(d, fmax(above, below));
        i = j;
    }
    return d;
}

double
pm_stats_ks_two(const double* a, size_t na, const double* b, size_t nb)
{
    size_t i = 0;
    size_t j = 0;
    double d = 0;
    while (i < na && j < nb)
    {
        double t = fmin(a[i], b[j]);
        while (i < na && a[i] <= t)
        {
            i++;
        }
        while (j < nb && b[j] <= t)
        {
            j++;
        }
        d = fmax(d, fabs((double)i / (double)na - (double)j / (double)nb));
    }
    return d;
}

double
pm_stats_ks_pvalue(double d, double ne)
{
    double s = sqrt(ne);
    double l = (s + 0.12 + 0.11 / s) * d;
    if (l < 0.2)
    {
        return 1.0;
    }
    double q = 0;
    for (int k = 1; k < 1000; k++)
    {
        double term = exp(-2.0 * k * k * l * l);
        q += (k % 2 ? 2.0 : -2.0) * term;
        if (term < 1e-12)
        {
            break;
        }
    }
    return fmin(1.0, fmax(0.0, q));
}

double
pm_stats_quantile(const double* sorted, size_t n, double p)
{
    if (n == 0)
    {
        return NAN;
    }
    size_t k = p <= 0 ? 0 : (size_t)(p * (double)n);
    return sorted[k >= n ? n - 1 : k];
}

double
pm_stats_mean(const double* x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
    {
        s += x[i];
    }
    return n ? s / (double)n : 0.0;
}

double
pm_stats_total_variation(const double* p, const double* q, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
    {
        s += fabs(p[i] - q[i]);
    }
    return 0.5 * s;
}

double
pm_stats_idc(const double* times, size_t n, double w, double t_end, size_t* windows)
{
    size_t m = (size_t)(t_end / w);
    if (windows)
    {
        *windows = m;
    }
    if (m < 2)
    {
        return NAN;
    }
    double* counts = calloc(m, sizeof(double));
    if (!counts)
    {
        return NAN;
    }
    for (size_t i = 0; i < n; i++)
    {
        size_t k = (size_t)(times[i] / w);
        if (times[i] >= 0 && k < m)
        {
            counts[k] += 1;
        }
    }
    double mean = pm_stats_mean(counts, m);
    double var = 0;
    for (size_t k = 0; k < m; k++)
    {
        var += (counts[k] - mean) * (counts[k] - mean);
    }
    var /= (double)(m - 1);
    free(counts);
    return mean > 0 ? var / mean : NAN;
}

int
pm_stats_hurst_av(const double* x, size_t n, int o1, int o2, double* hurst, double* stderr_h)
{
    int levels = 0;
    while (((size_t)1 << levels) < n)
    {
        levels++;
    }
    if (n < 8 || ((size_t)1 << levels) != n || o1 < 1 || o2 <= o1 || o2 > levels)
    {
        return -1;
    }
    double* c = malloc(n * sizeof(double));
    size_t m = (size_t)(o2 - o1 + 1);
    double* ox = malloc(3 * m * sizeof(double));
    gsl_wavelet* w = gsl_wavelet_alloc(gsl_wavelet_daubechies, 4);
    gsl_wavelet_workspace* work = gsl_wavelet_workspace_alloc(n);
    int rc = -1;
    if (c && ox && w && work)
    {
        memcpy(c, x, n * sizeof(double));
        gsl_wavelet_transform_forward(w, c, 1, n, work);
        double* oy = ox + m;
        double* ow = oy + m;
        for (int o = o1; o <= o2; o++)
        {
            /* Octave o is detail level j = J - o, coefficients x[2^j .. 2^(j+1) - 1]. */
            size_t nj = (size_t)1 << (levels - o);
            double energy = 0;
            for (size_t k = nj; k < 2 * nj; k++)
            {
                energy += c[k] * c[k];
            }
            double g = gsl_sf_psi((double)nj / 2.0) / log(2.0) - log2((double)nj / 2.0);
            size_t i = (size_t)(o - o1);
            ox[i] = o;
            oy[i] = log2(energy / (double)nj) - g;
            ow[i] = (double)nj * log(2.0) * log(2.0) / 2.0;
        }
        double c0;
        double c1;
        double cov00;
        double cov01;
        double cov11;
        double chisq;
        gsl_fit_wlinear(ox, 1, ow, 1, oy, 1, m, &c0, &c1, &cov00, &cov01, &cov11, &chisq);
        *hurst = (c1 + 1.0) / 2.0;
        *stderr_h = sqrt(cov11) / 2.0;
        rc = 0;
    }
    gsl_wavelet_workspace_free(work);
    gsl_wavelet_free(w);
    free(ox);
    free(c);
    return rc;
}
