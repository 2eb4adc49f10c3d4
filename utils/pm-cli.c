/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void
pm_cli_usage_error(const char* tool, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", tool);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", tool);
    exit(PM_CLI_EXIT_USAGE);
}
