/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Empirical CDFs of flow sizes in the common text format
 *     # comment
 *     <size_bytes> <cumulative_probability>
 * sampled by inverse transform in one of two readings of the same points:
 *   linear: piecewise-linear CDF through an implicit (0,0) and the points
 *           (TrafficGenerator, HPCC, ns3-datacenter, pHost "smooth");
 *   step:   P(size = x_i) = F_i - F_(i-1) (Homa, NetBench).
 * A comment line "# packmime-mode: linear|step" sets the file's default reading.
 */
#ifndef PM_ECDF_H
#define PM_ECDF_H

#include "pm-error.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** How the points of an ECDF are read. */
    typedef enum pm_ecdf_mode
    {
        PM_ECDF_LINEAR = 0,
        PM_ECDF_STEP = 1
    } pm_ecdf_mode;

/** Largest size a CDF may list (2^53 bytes: sampled as doubles, exact up to there). */
#define PM_ECDF_MAX_SIZE       9007199254740992.0

/** Tolerance on the last cumulative probability (|F_last - 1|). */
#define PM_ECDF_LAST_TOLERANCE 1e-9

    /** An empirical CDF: n points (x_i, F_i), both non-decreasing, F_(n-1) = 1. Opaque: read it
     * through the functions below. */
    typedef struct pm_ecdf pm_ecdf;

    /* Parse a CDF file; errors name the path and line. Free the result with pm_ecdf_free. */
    pm_ecdf* pm_ecdf_parse_file(const char* path, pm_error* err);

    /* Parse CDF text held in memory; `name` is used in error messages in place of a path. */
    pm_ecdf* pm_ecdf_parse_string(const char* text, const char* name, pm_error* err);

    /* Build a CDF from n points (copied), applying the same checks as the parser. */
    pm_ecdf* pm_ecdf_from_arrays(const double* x, const double* F, size_t n, pm_error* err);

    /* Release a CDF (accepts NULL). */
    void pm_ecdf_free(pm_ecdf* e);

    /* Parse "linear" or "step" into *mode; returns PM_OK or PM_EINVAL with a message. */
    int pm_ecdf_mode_parse(const char* text, pm_ecdf_mode* mode, pm_error* err);

    /* Name of a mode ("linear" or "step"). */
    const char* pm_ecdf_mode_name(pm_ecdf_mode mode);

    /* Exact mean of the distribution in the given reading. */
    double pm_ecdf_mean(const pm_ecdf* e, pm_ecdf_mode mode);

    /* The reading a file names ("# packmime-mode: step"), else linear. */
    pm_ecdf_mode pm_ecdf_default_mode(const pm_ecdf* e);

    /* Number of points. */
    size_t pm_ecdf_points(const pm_ecdf* e);

    /* Size of point i (bytes), 0 <= i < pm_ecdf_points(e). */
    double pm_ecdf_point_size(const pm_ecdf* e, size_t i);

    /* Cumulative probability of point i, 0 <= i < pm_ecdf_points(e). */
    double pm_ecdf_point_prob(const pm_ecdf* e, size_t i);

    /* Exact variance of the distribution in the given reading. */
    double pm_ecdf_variance(const pm_ecdf* e, pm_ecdf_mode mode);

    /* Exact CDF P(S <= x) in the given reading. */
    double pm_ecdf_cdf(const pm_ecdf* e, pm_ecdf_mode mode, double x);

    /* Quantile function (inverse CDF) at u in [0,1): the size inverse-transform sampling returns.
     */
    double pm_ecdf_quantile(const pm_ecdf* e, pm_ecdf_mode mode, double u);

    /* Whole bytes for a sampled size: rounded to the nearest byte, at least 1 (no empty flows). */
    uint64_t pm_ecdf_to_bytes(double size);

    /* One size drawn by inverse transform with one uniform from r: O(1) expected, no allocation. */
    double pm_ecdf_sample(const pm_ecdf* e, pm_ecdf_mode mode, gsl_rng* r);

#ifdef __cplusplus
}
#endif

#endif /* PM_ECDF_H */
