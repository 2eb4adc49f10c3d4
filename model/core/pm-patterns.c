/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-patterns.h"

#include "pm-arrivals.h"

#include <gsl/gsl_randist.h>
#include <stdlib.h>

int
pm_permutation_matrix(gsl_rng* rng, size_t n, double* matrix, pm_error* err)
{
    if (n < 2 || n > UINT32_MAX || n > SIZE_MAX / sizeof(double) / n)
    {
        return pm_error_set(err, PM_EINVAL, "permutation of %zu hosts: expected 2 or more", n);
    }
    uint32_t* perm = malloc(n * sizeof(uint32_t));
    if (!perm)
    {
        return pm_error_set(err, PM_ENOMEM, "permutation of %zu hosts: out of memory", n);
    }
    for (size_t i = 0; i < n; i++)
    {
        perm[i] = (uint32_t)i;
    }
    /* Sattolo: j < i (never j = i), so the result is one cycle through every host. */
    for (size_t i = n - 1; i > 0; i--)
    {
        size_t j = (size_t)gsl_rng_uniform_int(rng, (unsigned long)i);
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (size_t i = 0; i < n * n; i++)
    {
        matrix[i] = 0.0;
    }
    for (size_t i = 0; i < n; i++)
    {
        matrix[i * n + perm[i]] = 1.0;
    }
    free(perm);
    return PM_OK;
}

/* Checks that an incast among n hosts with the given fan-out is possible. */
static int
check_incast(uint32_t n, uint32_t fanout, pm_error* err)
{
    if (n < 2 || fanout == 0)
    {
        return pm_error_set(err,
                            PM_EINVAL,
                            "incast among %u hosts with fan-out %u: expected 2 or more hosts "
                            "and a fan-out of 1 or more",
                            n,
                            fanout);
    }
    return PM_OK;
}

double
pm_incast_rate(double load,
               uint32_t n,
               double capacity_bps,
               uint32_t fanout,
               double mean_bytes,
               double overhead,
               pm_error* err)
{
    if (check_incast(n, fanout, err) != PM_OK)
    {
        return 0;
    }
    return pm_arrivals_rate_from_load(load,
                                      (double)n * capacity_bps,
                                      (double)fanout * mean_bytes,
                                      overhead,
                                      err);
}

int
pm_incast_draw(gsl_rng* receiver_rng,
               gsl_rng* sender_rng,
               uint32_t n,
               uint32_t fanout,
               uint32_t* receiver,
               uint32_t* senders,
               pm_error* err)
{
    int rc = check_incast(n, fanout, err);
    if (rc != PM_OK)
    {
        return rc;
    }
    uint32_t r = (uint32_t)gsl_rng_uniform_int(receiver_rng, n);
    uint32_t* others = malloc((size_t)(n - 1) * sizeof(uint32_t));
    if (!others)
    {
        return pm_error_set(err, PM_ENOMEM, "incast among %u hosts: out of memory", n);
    }
    for (uint32_t i = 0, k = 0; i < n; i++)
    {
        if (i != r)
        {
            others[k++] = i;
        }
    }
    /* gsl_ran_choose keeps the hosts' order and never repeats one; with more senders than
     * hosts, gsl_ran_sample draws with replacement. */
    if (fanout <= n - 1)
    {
        gsl_ran_choose(sender_rng, senders, fanout, others, n - 1, sizeof(uint32_t));
    }
    else
    {
        gsl_ran_sample(sender_rng, senders, fanout, others, n - 1, sizeof(uint32_t));
    }
    free(others);
    *receiver = r;
    return PM_OK;
}

int
pm_group_pick(gsl_rng* rng,
              const uint32_t* hosts,
              size_t count,
              uint32_t avoid,
              uint32_t* host,
              pm_error* err)
{
    if (count == 0)
    {
        return pm_error_set(err, PM_EINVAL, "host group: empty");
    }
    size_t i = (size_t)gsl_rng_uniform_int(rng, (unsigned long)count);
    if (hosts[i] == avoid)
    {
        /* Overlapping groups: the next host of the group instead of the source itself. */
        if (count < 2)
        {
            return pm_error_set(err,
                                PM_EINVAL,
                                "host %u would send to itself (overlapping groups)",
                                avoid);
        }
        size_t first = 0; /* the group's first place of `avoid` */
        while (hosts[first] != avoid)
        {
            first++;
        }
        i = (first + 1) % count;
    }
    *host = hosts[i];
    return PM_OK;
}

double
pm_tm_epoch_bps(const float* matrix,
                size_t n,
                pm_tm_unit unit,
                double epoch_s,
                double scale,
                double* weights)
{
    double total = 0;
    for (size_t i = 0; i < n * n; i++)
    {
        weights[i] = matrix[i];
        total += matrix[i];
    }
    double per_unit = unit == PM_TM_BITS_PER_SECOND   ? 1.0
                      : unit == PM_TM_BYTES_PER_EPOCH ? 8.0 / epoch_s
                                                      : 1.0 / epoch_s;
    return total * per_unit * scale;
}
