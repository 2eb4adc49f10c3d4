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

/* Print "TOOL: message" and "Try 'TOOL --help'." on stderr and exit with status 2. */
void pm_cli_usage_error(const char* tool, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3), noreturn))
#endif
    ;

/* Parse a flag's value with the core's number parser (range: what it accepts); on failure
 * a usage error "TOOL: FLAG 'TEXT': expected ..." (exit 2). */
double pm_cli_number(const char* tool, const char* flag, const char* text, pm_number_range range);

/* Parse a seed: a whole unsigned decimal number that fits an unsigned long; else usage error. */
unsigned long pm_cli_seed(const char* tool, const char* flag, const char* text);

#endif /* PM_CLI_H */
