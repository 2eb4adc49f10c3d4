/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the packmime command-line tools share.
 */
#ifndef PM_CLI_H
#define PM_CLI_H

/** Exit status of a usage or configuration error. */
#define PM_CLI_EXIT_USAGE 2

/* Print "TOOL: message" and "Try 'TOOL --help'." on stderr and exit with status 2. */
void pm_cli_usage_error(const char* tool, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3), noreturn))
#endif
    ;

#endif /* PM_CLI_H */
