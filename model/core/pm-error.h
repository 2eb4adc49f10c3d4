/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The one error type of the packmime C core: a code plus a message that names the
 * file, line (or attribute) and what was expected.
 */
#ifndef PM_ERROR_H
#define PM_ERROR_H

#ifdef __cplusplus
extern "C"
{
#endif

    /** Error codes returned by core functions (0 = success). */
    typedef enum pm_error_code
    {
        PM_OK = 0,
        PM_EINVAL = 1, /* invalid argument or parameter */
        PM_EPARSE = 2, /* malformed input file or string */
        PM_EIO = 3,    /* file could not be opened, read or written */
        PM_ENOMEM = 4  /* allocation failed */
    } pm_error_code;

    /** Error record filled by a failing core function; the caller owns it (usually on the stack).
     */
    typedef struct pm_error
    {
        pm_error_code code;
        char message[512];
    } pm_error;

    /* Reset err to "no error"; accepts NULL. */
    void pm_error_clear(pm_error* err);

    /* Record code and a printf-style message in err (if err is not NULL); returns code. */
    int pm_error_set(pm_error* err, pm_error_code code, const char* fmt, ...)
#if defined(__GNUC__)
        __attribute__((format(printf, 3, 4)))
#endif
        ;

    /* Prefix err's message with "prefix: " (to add context such as an attribute name). */
    void pm_error_prefix(pm_error* err, const char* prefix);

#ifdef __cplusplus
}
#endif

#endif /* PM_ERROR_H */
