/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Who talks to whom beyond the arrival process's own pair draw (flow-workloads.md): a random
 * permutation (every host sends to exactly one other host and none to itself), incast
 * requests (one receiver, a fan-out of senders answering it), a host drawn from a group
 * (a traffic-matrix index mapped onto several hosts) and a traffic-matrix epoch's rate.
 */
#ifndef PM_PATTERNS_H
#define PM_PATTERNS_H

#include "pm-error.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /* Fill the n x n matrix (row = source) with a uniformly random cyclic permutation
     * (Sattolo's algorithm, hence no fixed point): 1 at (i, p(i)), 0 elsewhere. */
    int pm_permutation_matrix(gsl_rng* rng, size_t n, double* matrix, pm_error* err);

    /* Incast requests per second offering `load` of n hosts' capacity, each request
     * `fanout` flows of mean_bytes: pm_arrivals_rate_from_load(load, n * capacity_bps,
     * fanout * mean_bytes, overhead); 0 and PM_EINVAL on bad values. */
    double pm_incast_rate(double load,
                          uint32_t n,
                          double capacity_bps,
                          uint32_t fanout,
                          double mean_bytes,
                          double overhead,
                          pm_error* err);

    /* Draw an incast request among n hosts: a uniform receiver, then `fanout` senders among
     * the other n - 1 hosts, distinct when fanout <= n - 1, with replacement otherwise. */
    int pm_incast_draw(gsl_rng* receiver_rng,
                       gsl_rng* sender_rng,
                       uint32_t n,
                       uint32_t fanout,
                       uint32_t* receiver,
                       uint32_t* senders,
                       pm_error* err);

    /* Draw a host uniformly from hosts[0..count-1]; when it is `avoid`, take the next one of
     * the group instead (PM_EINVAL when the group is `avoid` alone). */
    int pm_group_pick(gsl_rng* rng,
                      const uint32_t* hosts,
                      size_t count,
                      uint32_t avoid,
                      uint32_t* host,
                      pm_error* err);

    /** Unit of a traffic matrix's values. */
    typedef enum pm_tm_unit
    {
        PM_TM_BITS_PER_EPOCH = 0,  /* volume offered during the epoch, in bits */
        PM_TM_BYTES_PER_EPOCH = 1, /* volume offered during the epoch, in bytes */
        PM_TM_BITS_PER_SECOND = 2  /* average rate during the epoch */
    } pm_tm_unit;

    /* The rate (bit/s) an n x n matrix offers over an epoch of epoch_s seconds: the sum of its
     * entries in `unit`, times scale; copies the entries into weights (n * n) for the arrival
     * process, which spreads the rate over the pairs in proportion to them. */
    double pm_tm_epoch_bps(const float* matrix,
                           size_t n,
                           pm_tm_unit unit,
                           double epoch_s,
                           double scale,
                           double* weights);

#ifdef __cplusplus
}
#endif

#endif /* PM_PATTERNS_H */
