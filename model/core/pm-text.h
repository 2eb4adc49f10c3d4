/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Small text helpers shared by the core's parsers (CDF files, configs, traces).
 */
#ifndef PM_TEXT_H
#define PM_TEXT_H

#include "pm-error.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** A view of `len` characters starting at `start` (not NUL-terminated). */
    typedef struct pm_text_field
    {
        const char* start;
        size_t len;
    } pm_text_field;

    /* Strip leading and trailing whitespace (including '\r') from a view. */
    pm_text_field pm_text_trim(const char* s, size_t len);

    /* Split a line into whitespace-separated fields; stores at most max, returns min(count, max).
     */
    size_t pm_text_split(const char* s, size_t len, pm_text_field* fields, size_t max);

    /* Read a whole file into *out (caller frees; NUL-terminated after its *len bytes, which
     * may include NULs); errors name the path. len may be NULL. */
    int pm_text_read_file(const char* path, char** out, size_t* len, pm_error* err);

    /* Parse a whole field as a double (strtod syntax, no overflow); returns 0 on success. */
    int pm_text_parse_double(pm_text_field f, double* out);

#ifdef __cplusplus
}
#endif

#endif /* PM_TEXT_H */
