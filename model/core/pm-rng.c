/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-rng.h"

#include <string.h>

/* gsl_rng "set" hook: the state is filled by pm_rng_new_source, not from a seed. */
static void
source_set(void* state, unsigned long seed)
{
    (void)state;
    (void)seed;
}

/* gsl_rng "get" hook: forward to the external generator. */
static unsigned long
source_get(void* state)
{
    const pm_rng_source* src = (const pm_rng_source*)state;
    return src->get(src->ctx);
}

/* gsl_rng "get_double" hook: forward to the external generator. */
static double
source_get_double(void* state)
{
    const pm_rng_source* src = (const pm_rng_source*)state;
    return src->get_double(src->ctx);
}

static const gsl_rng_type pm_rng_source_type = {"packmime-source",
                                                0xffffffffUL,
                                                0UL,
                                                sizeof(pm_rng_source),
                                                &source_set,
                                                &source_get,
                                                &source_get_double};

gsl_rng*
pm_rng_new_source(const pm_rng_source* src, pm_error* err)
{
    if (!src || !src->get || !src->get_double)
    {
        pm_error_set(err, PM_EINVAL, "rng source: get and get_double functions are required");
        return NULL;
    }
    gsl_rng* r = gsl_rng_alloc(&pm_rng_source_type);
    if (!r)
    {
        pm_error_set(err, PM_ENOMEM, "rng source: out of memory");
        return NULL;
    }
    memcpy(r->state, src, sizeof(*src));
    return r;
}

gsl_rng*
pm_rng_new_seeded(unsigned long seed, unsigned long stream, pm_error* err)
{
    gsl_rng* r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r)
    {
        pm_error_set(err, PM_ENOMEM, "rng: out of memory");
        return NULL;
    }
    /* Mix seed and stream so that (seed, stream) pairs give unrelated MT states. A
     * zero seed is remapped by GSL to its default seed, which is still deterministic. */
    unsigned long long z = (unsigned long long)seed * 0x9E3779B97F4A7C15ULL + stream;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    gsl_rng_set(r, (unsigned long)(z & 0xffffffffUL));
    return r;
}

void
pm_rng_free(gsl_rng* r)
{
    gsl_rng_free(r); /* GSL ignores NULL */
}
