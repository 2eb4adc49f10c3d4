/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Exact simulation of a stationary Gaussian series from its autocovariance by circulant
 * embedding (Davies and Harte 1987; Wood and Chan 1994), in blocks.
 */
#ifndef PM_CIRCULANT_H
#define PM_CIRCULANT_H

#include "pm-error.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** A block generator; create with pm_circulant_new. */
    typedef struct pm_circulant pm_circulant;

    /* Generator of blocks of m (a power of 2) values with autocovariance acov[0..m]; draws its
     * normals from r (borrowed). Each block is an exact sample; blocks are independent. Fails
     * (PM_EINVAL) if the embedding is not non-negative definite. */
    pm_circulant* pm_circulant_new(const double* acov, size_t m, gsl_rng* r, pm_error* err);

    /* Release a generator (accepts NULL). */
    void pm_circulant_free(pm_circulant* c);

    /* Next value of the series (a new block is generated every m values). */
    double pm_circulant_next(pm_circulant* c);

#ifdef __cplusplus
}
#endif

#endif /* PM_CIRCULANT_H */
