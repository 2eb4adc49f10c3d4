/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Statistics used to validate and summarise generated traffic (validation.md section 1).
 */
#ifndef PM_STATS_H
#define PM_STATS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

/** Critical values c(alpha) of the Kolmogorov distribution: reject when sqrt(Ne)*D > c. */
#define PM_KS_C_0_05  1.358
#define PM_KS_C_0_01  1.628
#define PM_KS_C_0_001 1.949

    /* Sort n doubles ascending in place. */
    void pm_stats_sort(double* x, size_t n);

    /* One-sample KS statistic D of an ascending sample against cdf(x, ctx) (ties allowed). */
    double pm_stats_ks_one(const double* sorted,
                           size_t n,
                           double (*cdf)(double x, void* ctx),
                           void* ctx);

    /* Two-sample KS statistic D of two ascending samples. */
    double pm_stats_ks_two(const double* a, size_t na, const double* b, size_t nb);

    /* Asymptotic p-value Q((sqrt(Ne) + 0.12 + 0.11/sqrt(Ne)) * D) of a KS statistic. */
    double pm_stats_ks_pvalue(double d, double ne);

    /* Nearest-rank quantile sorted[floor(p*n)] (TrafficGenerator/HPCC rule), clamped to the sample.
     */
    double pm_stats_quantile(const double* sorted, size_t n, double p);

    /* Arithmetic mean of n values (0 for n = 0). */
    double pm_stats_mean(const double* x, size_t n);

    /* Total-variation distance 0.5 * sum |p_i - q_i| of two probability vectors. */
    double pm_stats_total_variation(const double* p, const double* q, size_t n);

    /* Index of dispersion Var(N)/E(N) of arrival counts in windows of length w over [0, t_end). */
    double pm_stats_idc(const double* times, size_t n, double w, double t_end, size_t* windows);

    /* Abry-Veitch wavelet estimate of the Hurst exponent of x (n a power of 2, x unchanged):
     * Daubechies-4 transform, bias-corrected log2 energies of octaves o1..o2 (o = 1 finest),
     * weighted least squares slope alpha, H = (alpha + 1)/2. Returns 0, or -1 on bad input. */
    int pm_stats_hurst_av(const double* x,
                          size_t n,
                          int o1,
                          int o2,
                          double* hurst,
                          double* stderr_h);

#ifdef __cplusplus
}
#endif

#endif /* PM_STATS_H */
