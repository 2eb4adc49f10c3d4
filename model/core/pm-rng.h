/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Random-number sources for the core. Every sampler takes a gsl_rng*; the generator is
 * either a plain seeded GSL generator (tools) or a "source" generator whose draws come
 * from a caller-supplied function pair -- the ns-3 side backs it with a
 * RandomVariableStream (model/gsl-rng-stream.h), so draws honour RngSeed/RngRun and
 * AssignStreams.
 */
#ifndef PM_RNG_H
#define PM_RNG_H

#include "pm-error.h"

#include <gsl/gsl_rng.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** Draw functions of an external generator; ctx is passed back unchanged. */
    typedef struct pm_rng_source
    {
        unsigned long (*get)(void* ctx); /* uniform integer in [0, 2^32 - 1] */
        double (*get_double)(void* ctx); /* uniform double in [0, 1) */
        void* ctx;
    } pm_rng_source;

    /* Allocate a gsl_rng whose draws come from src (copied); free with gsl_rng_free. */
    gsl_rng* pm_rng_new_source(const pm_rng_source* src, pm_error* err);

    /* Allocate a seeded MT19937 gsl_rng for stream number `stream` of seed `seed`. */
    gsl_rng* pm_rng_new_seeded(unsigned long seed, unsigned long stream, pm_error* err);

    /* Free a generator of either kind (NULL is ignored). */
    void pm_rng_free(gsl_rng* r);

#ifdef __cplusplus
}
#endif

#endif /* PM_RNG_H */
