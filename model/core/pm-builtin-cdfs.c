/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-builtin-cdfs.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Defined in the file that cmake/embed-cdfs.cmake generates from data/cdf. */
extern const pm_builtin_cdf pm_builtin_cdfs[];
extern const size_t pm_builtin_cdfs_count;

size_t
pm_builtin_cdf_count(void)
{
    return pm_builtin_cdfs_count;
}

const pm_builtin_cdf*
pm_builtin_cdf_at(size_t i)
{
    return i < pm_builtin_cdfs_count ? &pm_builtin_cdfs[i] : NULL;
}

const pm_builtin_cdf*
pm_builtin_cdf_find(const char* name)
{
    for (size_t i = 0; name && i < pm_builtin_cdfs_count; i++)
    {
        if (strcmp(pm_builtin_cdfs[i].name, name) == 0)
        {
            return &pm_builtin_cdfs[i];
        }
    }
    return NULL;
}

pm_ecdf*
pm_cdf_open(const char* name_or_path, pm_error* err)
{
    if (!name_or_path || !*name_or_path)
    {
        pm_error_set(err, PM_EINVAL, "empty CDF name (expected a built-in name or a file path)");
        return NULL;
    }
    const pm_builtin_cdf* w = pm_builtin_cdf_find(name_or_path);
    if (w)
    {
        return pm_ecdf_parse_string(w->text, w->name, err);
    }
    if (access(name_or_path, F_OK) == 0)
    {
        return pm_ecdf_parse_file(name_or_path, err);
    }
    char names[400] = "";
    for (size_t i = 0; i < pm_builtin_cdfs_count; i++)
    {
        size_t used = strlen(names);
        snprintf(names + used,
                 sizeof(names) - used,
                 "%s%s",
                 i ? ", " : "",
                 pm_builtin_cdfs[i].name);
    }
    pm_error_set(err,
                 PM_EINVAL,
                 "'%s' is neither a built-in CDF nor an existing file (built-ins: %s)",
                 name_or_path,
                 names);
    return NULL;
}
