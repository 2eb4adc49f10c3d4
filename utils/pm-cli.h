/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the packmime command-line tools share.
 */
#ifndef PM_CLI_H
#define PM_CLI_H

/** Exit status of a usage or configuration error. */
#define PM_CLI_EXIT_USAGE 2

#include "pm-text.h"

#include <stddef.h>

/* Print "TOOL: message" and "Try 'TOOL --help'." on stderr and exit with status 2. */
void pm_cli_usage_error(const char* tool, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3), noreturn))
#endif
    ;

/* Parse a flag's value with the core's number parser (range: what it accepts); on failure
 * a usage error "TOOL: FLAG 'TEXT': expected ..." (exit 2). */
double pm_cli_number(const char* tool, const char* flag, const char* text, pm_number_range range);

/* Print "TOOL: message" on stderr and exit with status 1 (a runtime error, not of usage). */
void pm_cli_fail(const char* tool, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3), noreturn))
#endif
    ;

/* realloc that exits with "TOOL: out of memory" (status 1) instead of returning NULL. */
void* pm_cli_realloc(const char* tool, void* p, size_t n);

/* printf into a new string (caller frees); exits as pm_cli_realloc when out of memory. */
char* pm_cli_format(const char* tool, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Where a child program runs: its directory and the files its stdout and stderr go to
 * (NULL: inherited); stdin is /dev/null when `out` is set. */
typedef struct pm_cli_io
{
    const char* dir;
    const char* out;
    const char* err;
} pm_cli_io;

/** Wait status pm_cli_run reports when the program could not be started. */
#define PM_CLI_NOT_RUN 127

/* Run argv (argv[0] looked up on PATH unless it holds a '/') and wait for it; io may be NULL.
 * Returns the exit status, 128 + the signal number if a signal ended it, or PM_CLI_NOT_RUN
 * (with a message on the child's stderr) if it could not be started. */
int pm_cli_run(const char* tool, char* const argv[], const pm_cli_io* io);

/* 1 if path exists (any type). */
int pm_cli_exists(const char* path);

/* The real path of the first executable NAME in the ':'-separated directory list DIRS (an
 * empty entry is "."), or NULL; the caller frees it. */
char* pm_cli_find_executable(const char* tool, const char* name, const char* dirs);

/* Shorthands for a tool that defines `static const char tool[]`; define PM_CLI_SHORTHANDS
 * before including this header. */
#ifdef PM_CLI_SHORTHANDS
#define usage_error(...) pm_cli_usage_error(tool, __VA_ARGS__)
#define die(...)         pm_cli_fail(tool, __VA_ARGS__)
#define format(...)      pm_cli_format(tool, __VA_ARGS__)
#define xrealloc(p, n)   pm_cli_realloc(tool, p, n)
#endif

/* Parse a seed: a whole unsigned decimal number that fits an unsigned long; else usage error. */
unsigned long pm_cli_seed(const char* tool, const char* flag, const char* text);

#endif /* PM_CLI_H */
