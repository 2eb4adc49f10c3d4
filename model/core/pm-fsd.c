/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-fsd.h"

#include "pm-circulant.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct pm_fsd
{
    pm_fsd_method method;
    gsl_rng* r;
    double sigma_eps;
    double sigma_noise;
    /* hosking */
    size_t n;         /* N */
    size_t t;         /* values of x generated so far */
    double* phi;      /* phi[j], j = 1 .. N-1, of the current step; phi[0] holds d */
    double* scratch;  /* N values for the coefficient update */
    double* coef_rev; /* frozen phi_(N-1, N-1-i) at i = 0 .. N-2 (dot-product order) */
    double* hist;     /* 2N values: x history, each written twice (contiguous window) */
    size_t pos;       /* index of the latest x in hist[0..N-1] */
    double v;         /* innovation variance of the current step */
    double x_prev;    /* x_(t-1) (0 before the first value) */
    /* fast */
    pm_circulant* circ;
};

double
pm_fsd_farima_acf(double d, size_t k)
{
    /* rho(0) = 1, rho(k) = rho(k-1) (k - 1 + d) / (k - d). */
    double rho = 1.0;
    for (size_t j = 1; j <= k; j++)
    {
        rho *= ((double)j - 1.0 + d) / ((double)j - d);
    }
    return rho;
}

double
pm_fsd_acf(const pm_fsd_params* p, size_t k)
{
    if (k == 0)
    {
        return 1.0;
    }
    double rho_prev = pm_fsd_farima_acf(p->d, k - 1);
    double rho = pm_fsd_farima_acf(p->d, k);
    double rho_next = rho * ((double)k + p->d) / ((double)k + 1.0 - p->d);
    double rho1 = p->d / (1.0 - p->d);
    return (1.0 - p->theta) * (2.0 * rho + rho_prev + rho_next) / (2.0 + 2.0 * rho1);
}

/* Var(x_t) of FARIMA(0,d,0) with unit innovations: Gamma(1-2d) / Gamma(1-d)^2. */
static double
farima_variance(double d)
{
    return exp(gsl_sf_lngamma(1.0 - 2.0 * d) - 2.0 * gsl_sf_lngamma(1.0 - d));
}

/* Store x_t in the ring (twice, so the last N values are always contiguous). */
static void
hosking_store(pm_fsd* f, double x)
{
    f->pos = f->t % f->n;
    f->hist[f->pos] = x;
    f->hist[f->pos + f->n] = x;
    f->t++;
}

/* Next x_t: x_0 = sqrt(v_0) e; for t < N one Durbin-Levinson step; then the AR(N-1)
 * with the coefficients and innovation variance of step N-1. */
static double
hosking_next_x(pm_fsd* f)
{
    size_t n = f->n;
    size_t t = f->t;
    double e = gsl_ran_gaussian_ziggurat(f->r, 1.0);
    double sum = 0;
    if (t >= n)
    {
        const double* window = f->hist + f->pos + 2; /* x_(t-N+1) .. x_(t-1), oldest first */
        for (size_t i = 0; i + 1 < n; i++)
        {
            sum += f->coef_rev[i] * window[i];
        }
    }
    else if (t > 0)
    {
        /* Partial autocorrelation phi_tt = d / (t - d) (phi[0] holds d). */
        double phi_tt = f->phi[0] / ((double)t - f->phi[0]);
        for (size_t j = 1; j < t; j++)
        {
            f->scratch[j] = f->phi[j] - phi_tt * f->phi[t - j];
        }
        for (size_t j = 1; j < t; j++)
        {
            f->phi[j] = f->scratch[j];
        }
        f->phi[t] = phi_tt;
        f->v *= 1.0 - phi_tt * phi_tt;
        for (size_t j = 1; j <= t; j++)
        {
            sum += f->phi[j] * f->hist[t - j];
        }
        if (t == n - 1)
        {
            for (size_t i = 0; i + 1 < n; i++)
            {
                f->coef_rev[i] = f->phi[n - 1 - i];
            }
        }
    }
    double x = sum + sqrt(f->v) * e;
    hosking_store(f, x);
    return x;
}

pm_fsd*
pm_fsd_new(const pm_fsd_params* p, pm_fsd_method method, gsl_rng* r, pm_error* err)
{
    if (!p || !r)
    {
        pm_error_set(err, PM_EINVAL, "FSD: parameters and a generator are required");
        return NULL;
    }
    if (!(p->d > 0 && p->d < 0.5))
    {
        pm_error_set(err, PM_EINVAL, "FSD: d = %g: expected 0 < d < 0.5", p->d);
        return NULL;
    }
    if (!(p->theta >= 0 && p->theta <= 1))
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "FSD: white-noise share %g: expected 0 <= theta <= 1",
                     p->theta);
        return NULL;
    }
    if (method == PM_FSD_HOSKING && p->n_ar < 2)
    {
        pm_error_set(err, PM_EINVAL, "FSD: AR truncation N = %zu: expected N >= 2", p->n_ar);
        return NULL;
    }
    pm_fsd* f = calloc(1, sizeof(*f));
    if (!f)
    {
        pm_error_set(err, PM_ENOMEM, "FSD: out of memory");
        return NULL;
    }
    f->method = method;
    f->r = r;
    double v0 = farima_variance(p->d);
    double rho1 = p->d / (1.0 - p->d);
    f->sigma_eps = sqrt((1.0 - p->theta) / (v0 * (2.0 + 2.0 * rho1)));
    f->sigma_noise = sqrt(p->theta);
    if (method == PM_FSD_HOSKING)
    {
        size_t n = p->n_ar;
        f->n = n;
        f->v = v0;
        f->phi = calloc(n + 1, sizeof(double));
        f->scratch = calloc(n + 1, sizeof(double));
        f->coef_rev = calloc(n, sizeof(double));
        f->hist = calloc(2 * n, sizeof(double));
        if (!f->phi || !f->scratch || !f->coef_rev || !f->hist)
        {
            pm_fsd_free(f);
            pm_error_set(err, PM_ENOMEM, "FSD: out of memory for N = %zu", n);
            return NULL;
        }
        f->phi[0] = p->d;
        /* ns-2 discards the first N+1 values (t = 0 .. N). */
        for (size_t i = 0; i <= n; i++)
        {
            pm_fsd_next(f);
        }
        return f;
    }
    size_t m = p->block ? p->block : PM_FSD_DEFAULT_BLOCK;
    double* acov = malloc((m + 2) * sizeof(double));
    if (!acov)
    {
        pm_fsd_free(f);
        pm_error_set(err, PM_ENOMEM, "FSD: out of memory for block %zu", m);
        return NULL;
    }
    /* Autocovariance of z: sigma_eps^2 v0 (2 rho(k) + rho(|k-1|) + rho(k+1)) + theta [k = 0]. */
    double rho_prev = rho1; /* rho(|0 - 1|) */
    double rho = 1.0;
    for (size_t k = 0; k <= m; k++)
    {
        double rho_next = rho * ((double)k + p->d) / ((double)k + 1.0 - p->d);
        acov[k] = f->sigma_eps * f->sigma_eps * v0 * (2.0 * rho + rho_prev + rho_next);
        rho_prev = rho;
        rho = rho_next;
    }
    acov[0] += p->theta;
    f->circ = pm_circulant_new(acov, m, r, err);
    free(acov);
    if (!f->circ)
    {
        pm_error_prefix(err, "FSD");
        pm_fsd_free(f);
        return NULL;
    }
    return f;
}

void
pm_fsd_free(pm_fsd* f)
{
    if (f)
    {
        free(f->phi);
        free(f->scratch);
        free(f->coef_rev);
        free(f->hist);
        pm_circulant_free(f->circ);
        free(f);
    }
}

double
pm_fsd_next(pm_fsd* f)
{
    if (f->method == PM_FSD_FAST)
    {
        return pm_circulant_next(f->circ);
    }
    double x_prev = f->x_prev;
    double x = hosking_next_x(f);
    f->x_prev = x;
    double w = gsl_ran_gaussian_ziggurat(f->r, 1.0);
    return f->sigma_eps * (x + x_prev) + f->sigma_noise * w;
}

int
pm_fsd_method_parse(const char* text, pm_fsd_method* method, pm_error* err)
{
    if (text && strcmp(text, "fast") == 0)
    {
        *method = PM_FSD_FAST;
        return PM_OK;
    }
    if (text && strcmp(text, "hosking") == 0)
    {
        *method = PM_FSD_HOSKING;
        return PM_OK;
    }
    return pm_error_set(err,
                        PM_EINVAL,
                        "FSD generator '%s' is not 'fast' or 'hosking'",
                        text ? text : "(null)");
}

const char*
pm_fsd_method_name(pm_fsd_method method)
{
    return method == PM_FSD_HOSKING ? "hosking" : "fast";
}
