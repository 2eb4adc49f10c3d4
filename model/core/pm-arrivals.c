/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-arrivals.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct pm_arrivals
{
    pm_arrivals_config cfg;
    double rate;               /* Lambda, flows/s */
    double matrix_total;       /* sum of matrix weights */
    double* matrix;            /* owned copy, or NULL for uniform */
    gsl_ran_discrete_t* pairs; /* Walker alias table over matrix cells, or NULL */
    size_t senders;
    double now;
    uint64_t generated;
    int done;
    gsl_rng* gap_rng;
    gsl_rng* size_rng;
    gsl_rng* pair_rng;
};

double
pm_arrivals_rate_from_load(double load,
                           double capacity_bps,
                           double mean_bytes,
                           double overhead,
                           pm_error* err)
{
    if (!(load > 0) || !isfinite(load))
    {
        pm_error_set(err, PM_EINVAL, "load %g: expected a finite value > 0", load);
        return 0;
    }
    if (!(capacity_bps > 0) || !isfinite(capacity_bps))
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "capacity %g bit/s: expected a finite value > 0",
                     capacity_bps);
        return 0;
    }
    if (!(mean_bytes > 0) || !isfinite(mean_bytes))
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "mean flow size %g B: expected a finite value > 0",
                     mean_bytes);
        return 0;
    }
    if (!(overhead >= 1) || !isfinite(overhead))
    {
        pm_error_set(err, PM_EINVAL, "overhead factor %g: expected a finite value >= 1", overhead);
        return 0;
    }
    return load * capacity_bps / (8.0 * mean_bytes * overhead);
}

double
pm_arrivals_gap(gsl_rng* rng, double rate)
{
    return gsl_ran_exponential(rng, 1.0 / rate);
}

/* Validate and copy the weight matrix; counts the senders and the total weight. */
static int
setup_matrix(pm_arrivals* a, pm_error* err)
{
    size_t n = a->cfg.n_hosts;
    a->matrix = malloc(n * n * sizeof(double));
    if (!a->matrix)
    {
        return pm_error_set(err, PM_ENOMEM, "arrivals: out of memory for the pair matrix");
    }
    memcpy(a->matrix, a->cfg.matrix, n * n * sizeof(double));
    a->cfg.matrix = a->matrix;
    for (size_t s = 0; s < n; s++)
    {
        double row = 0;
        for (size_t d = 0; d < n; d++)
        {
            double w = a->matrix[s * n + d];
            if (!(w >= 0) || !isfinite(w))
            {
                return pm_error_set(
                    err,
                    PM_EINVAL,
                    "pair matrix entry (%zu,%zu) = %g: expected a finite weight >= 0",
                    s,
                    d,
                    w);
            }
            row += w;
        }
        a->senders += row > 0;
        a->matrix_total += row;
    }
    if (!(a->matrix_total > 0))
    {
        return pm_error_set(err, PM_EINVAL, "pair matrix: all weights are 0 (no pair can send)");
    }
    a->pairs = gsl_ran_discrete_preproc(n * n, a->matrix);
    if (!a->pairs)
    {
        return pm_error_set(err, PM_ENOMEM, "arrivals: out of memory for the pair table");
    }
    return PM_OK;
}

pm_arrivals*
pm_arrivals_new(const pm_arrivals_config* cfg,
                gsl_rng* gap_rng,
                gsl_rng* size_rng,
                gsl_rng* pair_rng,
                pm_error* err)
{
    if (!cfg || !cfg->sizes || !gap_rng || !size_rng || !pair_rng)
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "arrivals: a size distribution and three generators are required");
        return NULL;
    }
    if (cfg->n_hosts < 2)
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "arrivals: %zu hosts: at least 2 are needed (the destination set excludes the "
                     "source)",
                     cfg->n_hosts);
        return NULL;
    }
    if (!(cfg->stop_time >= 0) || !(cfg->target_bps >= 0))
    {
        pm_error_set(err, PM_EINVAL, "arrivals: stop time and target bandwidth must be >= 0");
        return NULL;
    }
    pm_arrivals* a = calloc(1, sizeof(*a));
    if (!a)
    {
        pm_error_set(err, PM_ENOMEM, "arrivals: out of memory");
        return NULL;
    }
    a->cfg = *cfg;
    a->cfg.overhead = cfg->overhead == 0 ? 1.0 : cfg->overhead;
    a->gap_rng = gap_rng;
    a->size_rng = size_rng;
    a->pair_rng = pair_rng;
    a->senders = cfg->n_hosts;
    if (cfg->matrix)
    {
        a->senders = 0;
        if (setup_matrix(a, err) != PM_OK)
        {
            pm_arrivals_free(a);
            return NULL;
        }
    }
    double mean = pm_ecdf_mean(cfg->sizes, cfg->mode);
    if (cfg->target_bps > 0)
    {
        /* The same formula with load 1 at capacity target_bps gives the aggregate rate. */
        a->rate = pm_arrivals_rate_from_load(1.0, cfg->target_bps, mean, a->cfg.overhead, err);
    }
    else
    {
        a->rate =
            (double)a->senders *
            pm_arrivals_rate_from_load(cfg->load, cfg->capacity_bps, mean, a->cfg.overhead, err);
    }
    if (!(a->rate > 0))
    {
        pm_error_prefix(err, "arrivals");
        pm_arrivals_free(a);
        return NULL;
    }
    return a;
}

void
pm_arrivals_free(pm_arrivals* a)
{
    if (a)
    {
        if (a->pairs)
        {
            gsl_ran_discrete_free(a->pairs);
        }
        free(a->matrix);
        free(a);
    }
}

int
pm_arrivals_next(pm_arrivals* a, pm_flow* out)
{
    if (a->done || (a->cfg.max_flows > 0 && a->generated >= a->cfg.max_flows))
    {
        a->done = 1;
        return 0;
    }
    double gap = pm_arrivals_gap(a->gap_rng, a->rate);
    if (a->cfg.stop_time > 0 && a->now + gap > a->cfg.stop_time)
    {
        a->done = 1;
        return 0;
    }
    a->now += gap;
    size_t n = a->cfg.n_hosts;
    if (a->pairs)
    {
        size_t cell = gsl_ran_discrete(a->pair_rng, a->pairs);
        out->src = cell / n;
        out->dst = cell % n;
    }
    else
    {
        out->src = gsl_rng_uniform_int(a->pair_rng, n);
        out->dst = gsl_rng_uniform_int(a->pair_rng, n - 1);
        out->dst += out->dst >= out->src;
    }
    out->size = pm_ecdf_to_bytes(pm_ecdf_sample(a->cfg.sizes, a->cfg.mode, a->size_rng));
    out->id = a->generated++;
    out->gap = gap;
    out->time = a->now;
    return 1;
}

double
pm_arrivals_rate(const pm_arrivals* a)
{
    return a->rate;
}

size_t
pm_arrivals_senders(const pm_arrivals* a)
{
    return a->senders;
}

double
pm_arrivals_pair_probability(const pm_arrivals* a, size_t src, size_t dst)
{
    size_t n = a->cfg.n_hosts;
    if (src >= n || dst >= n)
    {
        return 0;
    }
    if (a->matrix)
    {
        return a->matrix[src * n + dst] / a->matrix_total;
    }
    return src == dst ? 0.0 : 1.0 / ((double)n * (double)(n - 1));
}
