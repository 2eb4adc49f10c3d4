/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-circulant.h"

#include <gsl/gsl_fft_complex.h>
#include <gsl/gsl_randist.h>
#include <math.h>
#include <stdlib.h>

struct pm_circulant
{
    size_t m;
    double* scale; /* sqrt(lambda_k / (2m)), k = 0 .. 2m-1 */
    double* work;  /* 2m complex values, interleaved */
    size_t next;   /* index of the next value among the 2m of the current FFT */
    gsl_rng* r;
};

pm_circulant*
pm_circulant_new(const double* acov, size_t m, gsl_rng* r, pm_error* err)
{
    if (m < 2 || (m & (m - 1)) != 0 || !acov || !r)
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "circulant embedding: block length %zu is not a power of 2 >= 2",
                     m);
        return NULL;
    }
    pm_circulant* c = calloc(1, sizeof(*c));
    size_t n = 2 * m;
    if (c)
    {
        c->scale = malloc(n * sizeof(double));
        c->work = malloc(2 * n * sizeof(double));
    }
    if (!c || !c->scale || !c->work)
    {
        pm_circulant_free(c);
        pm_error_set(err, PM_ENOMEM, "circulant embedding: out of memory for %zu values", n);
        return NULL;
    }
    c->m = m;
    c->r = r;
    /* First row of the 2m x 2m circulant: acov[0..m], then acov[m-1..1]. */
    for (size_t j = 0; j < n; j++)
    {
        c->work[2 * j] = acov[j <= m ? j : n - j];
        c->work[2 * j + 1] = 0.0;
    }
    gsl_fft_complex_radix2_forward(c->work, 1, n);
    double max = 0;
    for (size_t k = 0; k < n; k++)
    {
        max = fmax(max, c->work[2 * k]);
    }
    for (size_t k = 0; k < n; k++)
    {
        double lambda = c->work[2 * k];
        if (lambda < -1e-9 * max)
        {
            pm_error_set(err,
                         PM_EINVAL,
                         "circulant embedding: eigenvalue %g < 0 (the autocovariance cannot be "
                         "embedded at block length %zu)",
                         lambda,
                         m);
            pm_circulant_free(c);
            return NULL;
        }
        c->scale[k] = sqrt(fmax(lambda, 0.0) / (double)n);
    }
    c->next = n; /* no values yet */
    return c;
}

void
pm_circulant_free(pm_circulant* c)
{
    if (c)
    {
        free(c->scale);
        free(c->work);
        free(c);
    }
}

/* One FFT gives two independent exact blocks: the real and imaginary parts of the first m
 * values of sum_k Z_k e^(-2 pi i jk/2m), Z_k = sqrt(lambda_k/2m) (U_k + i V_k). */
static void
refill(pm_circulant* c)
{
    size_t n = 2 * c->m;
    for (size_t k = 0; k < n; k++)
    {
        c->work[2 * k] = c->scale[k] * gsl_ran_gaussian_ziggurat(c->r, 1.0);
        c->work[2 * k + 1] = c->scale[k] * gsl_ran_gaussian_ziggurat(c->r, 1.0);
    }
    gsl_fft_complex_radix2_forward(c->work, 1, n);
    c->next = 0;
}

double
pm_circulant_next(pm_circulant* c)
{
    if (c->next >= 2 * c->m)
    {
        refill(c);
    }
    size_t i = c->next++;
    /* Values 0..m-1: real parts of y_0..y_(m-1); values m..2m-1: imaginary parts. */
    return i < c->m ? c->work[2 * i] : c->work[2 * (i - c->m) + 1];
}
