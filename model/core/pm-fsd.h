/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * FSD (fractional sum-difference) series of PackMime-HTTP: a stationary Gaussian series
 * with N(0,1) marginal,
 *     z_t = sigma_eps * (x_t + x_(t-1)) + sigma_n * w_t,
 * x a FARIMA(0,d,0) process and w white noise with variance share theta
 * (packmime-http-model.md section 3). Two generators:
 *   hosking: Hosking's Durbin-Levinson recursion frozen after N steps (an AR(N-1)), as
 *            ns-2 does: O(N) per value, N+1 warm-up values discarded;
 *   fast:    exact circulant embedding of the autocovariance of z itself, in blocks of
 *            `block` values: O(log block) per value; blocks are independent.
 */
#ifndef PM_FSD_H
#define PM_FSD_H

#include "pm-error.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** FSD generator choice. */
    typedef enum pm_fsd_method
    {
        PM_FSD_FAST = 0,
        PM_FSD_HOSKING = 1
    } pm_fsd_method;

/** Default block length of the fast generator (a power of 2). */
#define PM_FSD_DEFAULT_BLOCK 32768

    /** Parameters of one FSD series. */
    typedef struct pm_fsd_params
    {
        double d;     /* fractional difference, 0 < d < 0.5 */
        size_t n_ar;  /* AR truncation N of the hosking generator (>= 2) */
        double theta; /* white-noise share of the variance, 0 <= theta <= 1 */
        size_t block; /* block length of the fast generator; 0 = PM_FSD_DEFAULT_BLOCK */
    } pm_fsd_params;

    /** A running series; create with pm_fsd_new. */
    typedef struct pm_fsd pm_fsd;

    /* Create a series drawing its normals from r (borrowed); PM_EINVAL on bad parameters. */
    pm_fsd* pm_fsd_new(const pm_fsd_params* p, pm_fsd_method method, gsl_rng* r, pm_error* err);

    /* Release a series (accepts NULL). */
    void pm_fsd_free(pm_fsd* f);

    /* Next normal score z_t. */
    double pm_fsd_next(pm_fsd* f);

    /* Parse "fast" or "hosking". */
    int pm_fsd_method_parse(const char* text, pm_fsd_method* method, pm_error* err);

    /* Name of a generator ("fast" or "hosking"). */
    const char* pm_fsd_method_name(pm_fsd_method method);

    /* Autocorrelation rho_x(k) = Gamma(k+d)Gamma(1-d) / (Gamma(k-d+1)Gamma(d)) of FARIMA(0,d,0). */
    double pm_fsd_farima_acf(double d, size_t k);

    /* Theoretical autocorrelation of z at lag k:
     * (1-theta) [2 rho_x(k) + rho_x(k-1) + rho_x(k+1)] / [2 + 2 rho_x(1)] for k >= 1, 1 at k = 0.
     */
    double pm_fsd_acf(const pm_fsd_params* p, size_t k);

#ifdef __cplusplus
}
#endif

#endif /* PM_FSD_H */
