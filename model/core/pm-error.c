/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
pm_error_clear(pm_error* err)
{
    if (err)
    {
        err->code = PM_OK;
        err->message[0] = '\0';
    }
}

int
pm_error_set(pm_error* err, pm_error_code code, const char* fmt, ...)
{
    if (err)
    {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof(err->message), fmt, ap);
        va_end(ap);
        err->code = code;
    }
    return (int)code;
}

void
pm_error_prefix(pm_error* err, const char* prefix)
{
    if (!err || !prefix)
    {
        return;
    }
    /* Build into a larger buffer, then truncate to the message size. */
    char joined[2 * sizeof(err->message) + 8];
    snprintf(joined, sizeof(joined), "%.*s: %s", (int)sizeof(err->message), prefix, err->message);
    memcpy(err->message, joined, sizeof(err->message) - 1);
    err->message[sizeof(err->message) - 1] = '\0';
}
