/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Open-loop Poisson flow arrivals: i.i.d. exponential gaps, sizes from an ECDF, and a
 * (source, destination) pair per flow, either uniform over ordered pairs s != d of
 * n hosts or weighted by an n x n matrix.
 *
 * Rate (flow-workloads.md section 1.2), with E[S] the exact mean of the ECDF in the mode
 * used and h >= 1 the wire-overhead factor (bytes on the wire per payload byte):
 *     per sending host:  lambda_host = load * capacity_bps / (8 * E[S] * h)
 *     total:             Lambda = senders * lambda_host        (load given), or
 *                        Lambda = target_bps / (8 * E[S] * h)  (target bandwidth given)
 * "senders" is the number of hosts that may send: all n for the uniform pattern, the hosts
 * with a non-zero matrix row otherwise.
 */
#ifndef PM_ARRIVALS_H
#define PM_ARRIVALS_H

#include "pm-ecdf.h"
#include "pm-error.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** Parameters of a flow-arrival process. Fields left 0 take the documented defaults. */
    typedef struct pm_arrivals_config
    {
        const pm_ecdf* sizes; /* flow-size distribution (borrowed; must outlive the engine) */
        pm_ecdf_mode mode;    /* reading of `sizes`; the rate uses the mean of this reading */
        size_t n_hosts;       /* hosts are numbered 0 .. n_hosts-1 */
        const double* matrix; /* n_hosts*n_hosts weights, row = source (copied); NULL = uniform */
        double load;          /* offered load per sending host, fraction of capacity_bps */
        double capacity_bps;  /* host link capacity used with `load` */
        double target_bps;    /* > 0: aggregate offered payload bits/s instead of load */
        double overhead;      /* wire-overhead factor h >= 1; 0 means 1 (payload only) */
        uint64_t max_flows;   /* stop after this many flows; 0 = no limit */
        double stop_time;     /* no flow starts after this time (s); 0 = no limit */
    } pm_arrivals_config;

    /** One generated flow. */
    typedef struct pm_flow
    {
        uint64_t id;   /* 0, 1, 2, ... in start order */
        double gap;    /* seconds since the previous flow start (or since time 0) */
        double time;   /* start time in seconds */
        size_t src;    /* source host index */
        size_t dst;    /* destination host index */
        uint64_t size; /* bytes: pm_ecdf_to_bytes of the ECDF draw */
    } pm_flow;

    /** An arrival process; create with pm_arrivals_new. */
    typedef struct pm_arrivals pm_arrivals;

    /* Per-host rate load*capacity/(8*mean*h) in flows/s; PM_EINVAL (rate 0) on bad values. */
    double pm_arrivals_rate_from_load(double load,
                                      double capacity_bps,
                                      double mean_bytes,
                                      double overhead,
                                      pm_error* err);

    /* A Poisson process's next gap (s) at `rate` per second: exponential with mean 1/rate. */
    double pm_arrivals_gap(gsl_rng* rng, double rate);

    /* Create a process drawing gaps, sizes and pairs from three separate generators (borrowed). */
    pm_arrivals* pm_arrivals_new(const pm_arrivals_config* cfg,
                                 gsl_rng* gap_rng,
                                 gsl_rng* size_rng,
                                 gsl_rng* pair_rng,
                                 pm_error* err);

    /* Release a process (accepts NULL). */
    void pm_arrivals_free(pm_arrivals* a);

    /* Produce the next flow in *out; returns 1, or 0 once the flow count or stop time is reached.
     */
    int pm_arrivals_next(pm_arrivals* a, pm_flow* out);

    /* Total arrival rate Lambda (flows/s). */
    double pm_arrivals_rate(const pm_arrivals* a);

    /* Number of hosts that may send (uniform: n_hosts; matrix: non-zero rows). */
    size_t pm_arrivals_senders(const pm_arrivals* a);

    /* Probability that a flow goes from src to dst under the configured pattern. */
    double pm_arrivals_pair_probability(const pm_arrivals* a, size_t src, size_t dst);

#ifdef __cplusplus
}
#endif

#endif /* PM_ARRIVALS_H */
