/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Built-in flow-size workloads (the classic datacenter CDFs of data/cdf/, compiled into
 * the library so that neither users nor tests need data files at run time).
 */
#ifndef PM_WORKLOADS_H
#define PM_WORKLOADS_H

#include "pm-ecdf.h"
#include "pm-error.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** One built-in workload: its name, a one-line description with the paper, and the CDF text. */
    typedef struct pm_workload
    {
        const char* name;
        const char* description;
        const char* text;
    } pm_workload;

    /* Number of built-in workloads. */
    size_t pm_workload_count(void);

    /* Built-in workload number i (0 <= i < pm_workload_count()), sorted by name. */
    const pm_workload* pm_workload_at(size_t i);

    /* Built-in workload called `name`, or NULL. */
    const pm_workload* pm_workload_find(const char* name);

    /* Load a CDF given as a built-in name or a file path (a name wins; "./name" forces a file). */
    pm_ecdf* pm_workload_open(const char* name_or_path, pm_error* err);

#ifdef __cplusplus
}
#endif

#endif /* PM_WORKLOADS_H */
