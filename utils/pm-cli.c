/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "pm-cli.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Print "TOOL: message" and a newline on stderr. */
static void
report(const char* tool, const char* fmt, va_list ap)
{
    fprintf(stderr, "%s: ", tool);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void
pm_cli_usage_error(const char* tool, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(tool, fmt, ap);
    va_end(ap);
    fprintf(stderr, "Try '%s --help'.\n", tool);
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

void
pm_cli_fail(const char* tool, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(tool, fmt, ap);
    va_end(ap);
    exit(1);
}

void*
pm_cli_realloc(const char* tool, void* p, size_t n)
{
    void* q = realloc(p, n ? n : 1);
    if (!q)
    {
        pm_cli_fail(tool, "out of memory");
    }
    return q;
}

char*
pm_cli_format(const char* tool, const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
    {
        pm_cli_fail(tool, "cannot format '%s'", fmt);
    }
    char* s = pm_cli_realloc(tool, NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* In the child: set up io, then exec argv; never returns. */
static void
exec_child(const char* tool, char* const argv[], const pm_cli_io* io)
{
    if (io && io->out)
    {
        int in = open("/dev/null", O_RDONLY);
        int out = open(io->out, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0)
        {
            fprintf(stderr, "%s: cannot open '%s': %s\n", tool, io->out, strerror(errno));
            _exit(PM_CLI_NOT_RUN);
        }
    }
    if (io && io->err)
    {
        int err = open(io->err, O_WRONLY | O_CREAT | O_TRUNC, 0666);
        if (err < 0 || dup2(err, 2) < 0)
        {
            fprintf(stderr, "%s: cannot open '%s': %s\n", tool, io->err, strerror(errno));
            _exit(PM_CLI_NOT_RUN);
        }
    }
    if (io && io->dir && chdir(io->dir) != 0)
    {
        fprintf(stderr, "%s: cannot enter '%s': %s\n", tool, io->dir, strerror(errno));
        _exit(PM_CLI_NOT_RUN);
    }
    execvp(argv[0], argv);
    fprintf(stderr, "%s: cannot run '%s': %s\n", tool, argv[0], strerror(errno));
    _exit(PM_CLI_NOT_RUN);
}

int
pm_cli_run(const char* tool, char* const argv[], const pm_cli_io* io)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
    {
        pm_cli_fail(tool, "cannot start '%s': %s", argv[0], strerror(errno));
    }
    if (pid == 0)
    {
        exec_child(tool, argv, io);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
    {
        if (errno != EINTR)
        {
            pm_cli_fail(tool, "waiting for '%s': %s", argv[0], strerror(errno));
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int
pm_cli_exists(const char* path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

char*
pm_cli_find_executable(const char* tool, const char* name, const char* dirs)
{
    char* list = pm_cli_format(tool, "%s", dirs ? dirs : "");
    char* found = NULL;
    for (char *d = list, *next; d && !found; d = next)
    {
        next = strchr(d, ':');
        if (next)
        {
            *next++ = '\0';
        }
        char* candidate = pm_cli_format(tool, "%s/%s", *d ? d : ".", name);
        char buf[PATH_MAX];
        if (access(candidate, X_OK) == 0 && realpath(candidate, buf))
        {
            found = pm_cli_format(tool, "%s", buf);
        }
        free(candidate);
    }
    free(list);
    return found;
}
