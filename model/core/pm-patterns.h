/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Who talks to whom beyond the arrival process's own pair draw (flow-workloads.md): a random
 * permutation (every host sends to exactly one other host and none to itself), incast
 * requests (one receiver, a fan-out of senders answering it), and a host drawn from a group
 * (a traffic-matrix index mapped onto several hosts).
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

#ifdef __cplusplus
}
#endif

#endif /* PM_PATTERNS_H */
