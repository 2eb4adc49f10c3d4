/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-cli.h"

#include <errno.h>
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

double
pm_cli_number(const char* tool, const char* flag, const char* text, pm_number_range range)
{
    double v = 0;
    pm_error err;
    if (pm_text_parse_number(text, range, &v, &err) != PM_OK)
    {
        pm_cli_usage_error(tool, "%s '%s': %s", flag, text ? text : "", err.message);
    }
    return v;
}

unsigned long
pm_cli_seed(const char* tool, const char* flag, const char* text)
{
    char* end = NULL;
    errno = 0;
    unsigned long v = (text && *text >= '0' && *text <= '9') ? strtoul(text, &end, 10) : 0;
    if (!end || *end != '\0' || errno == ERANGE)
    {
        pm_cli_usage_error(tool,
                           "%s '%s': expected an unsigned integer <= %lu",
                           flag,
                           text ? text : "",
                           (unsigned long)-1);
    }
    return v;
}
