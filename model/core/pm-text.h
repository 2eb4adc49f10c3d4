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

/** Largest file pm_text_read_file reads (a FIFO or /dev/zero would otherwise never end). */
#define PM_TEXT_MAX_FILE ((size_t)256 << 20)

    /* Read a whole file into *out (caller frees; NUL-terminated after its *len bytes, which
     * may include NULs); errors name the path. len may be NULL. */
    int pm_text_read_file(const char* path, char** out, size_t* len, pm_error* err);

    /* Parse a whole field as a finite double (strtod syntax); 0 on success, -1 when it is not
     * a number, -2 when it is not finite (inf, nan, overflow such as 1e400). */
    int pm_text_parse_double(pm_text_field f, double* out);

    /* Skip a UTF-8 byte-order mark at the start of a text (editors on Windows write one). */
    const char* pm_text_skip_bom(const char* text);

    /** Flags of a pm_number_range. */
    enum pm_number_flags
    {
        PM_NUMBER_INTEGER = 1,  /* a whole number (decimal or exponent notation, <= 2^53) */
        PM_NUMBER_ABOVE_MIN = 2 /* min itself is excluded */
    };

    /** What a numeric option or field accepts: [min, max] (or (min, max]), finite. */
    typedef struct pm_number_range
    {
        double min;
        double max;
        unsigned flags;
    } pm_number_range;

    /** Largest count a pm_number_range with PM_NUMBER_INTEGER accepts exactly. */
#define PM_NUMBER_MAX_INTEGER 9007199254740992.0

    /* Parse a whole string as a finite number inside range (the one numeric-option parser of
     * every program); on failure err says what was expected, e.g. "expected an integer in
     * [2, 4096]" (callers prefix the option name and the text). */
    int pm_text_parse_number(const char* text, pm_number_range range, double* out, pm_error* err);

    /* Write "an integer in [a, b]" / "a number > a" (what range accepts) into buf. */
    void pm_number_range_describe(pm_number_range range, char* buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* PM_TEXT_H */
