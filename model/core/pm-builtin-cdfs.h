/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Built-in flow-size CDFs (the classic datacenter workloads of data/cdf/, compiled into
 * the library so that neither users nor tests need data files at run time).
 */
#ifndef PM_BUILTIN_CDFS_H
#define PM_BUILTIN_CDFS_H

#include "pm-ecdf.h"
#include "pm-error.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** One built-in CDF: its name, a one-line description with the paper, and the CDF text. */
    typedef struct pm_builtin_cdf
    {
        const char* name;
        const char* description;
        const char* text;
    } pm_builtin_cdf;

    /* Number of built-in CDFs. */
    size_t pm_builtin_cdf_count(void);

    /* Built-in CDF number i (0 <= i < pm_builtin_cdf_count()), sorted by name. */
    const pm_builtin_cdf* pm_builtin_cdf_at(size_t i);

    /* Built-in CDF called `name`, or NULL. */
    const pm_builtin_cdf* pm_builtin_cdf_find(const char* name);

    /* Load a CDF given as a built-in name or a file path (a name wins; "./name" forces a file). */
    pm_ecdf* pm_cdf_open(const char* name_or_path, pm_error* err);

#ifdef __cplusplus
}
#endif

#endif /* PM_BUILTIN_CDFS_H */
