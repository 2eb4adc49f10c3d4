/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-tm: convert and inspect traffic-matrix traces in the Janus format.
 */
#include "pm-cli.h"
#include "pm-error.h"
#include "pm-tm-write.h"

#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum
{
    EXIT_RUNTIME = 1,
    EXIT_USAGE = PM_CLI_EXIT_USAGE
};

static const char usage_text[] =
    "usage: packmime-tm compress DIR PREFIX      text trace DIR -> PREFIX.index + PREFIX.data\n"
    "       packmime-tm dump TRACE [--text DIR]  print 'time src dst value' lines, or write\n"
    "                                            the trace back in text form to DIR\n"
    "       packmime-tm info TRACE               N, epochs, time range, total and max demand\n"
    "\n"
    "Traffic-matrix traces in the Janus format: a binary PREFIX (PREFIX.index and PREFIX.data,\n"
    "little-endian, as Janus's traffic_compressor writes) or a text directory (key.tsv plus one\n"
    "file per matrix whose name starts with '0', e.g. 0001.tsv for time key 1). TRACE may be\n"
    "either. compress writes the canonical binary form (index sorted by time, data in time\n"
    "order, padding bytes zero), which Janus reads. dump lists every off-diagonal entry, zeros\n"
    "included, in time and row-major order. Values are float32 and round-trip exactly.\n"
    "\n"
    "Exit status: 0 success, 1 malformed or unreadable trace (the message names the file and\n"
    "line or record), 2 usage error.\n";

/* Print a usage error naming the tool and exit with status 2. */
#define usage_error(what) pm_cli_usage_error("packmime-tm", "%s", what)

/* Open a trace or print why not. */
static pm_tm*
open_trace(const char* path)
{
    pm_error err;
    pm_tm* tm = pm_tm_open(path, &err);
    if (!tm)
    {
        fprintf(stderr, "packmime-tm: %s\n", err.message);
    }
    return tm;
}

/* "dump": every off-diagonal entry as 'time src dst value'. */
static int
dump(pm_tm* tm)
{
    size_t n = pm_tm_n(tm);
    float* m = malloc(n * n * sizeof(float));
    pm_error err;
    for (size_t e = 0; m && e < pm_tm_epochs(tm); e++)
    {
        if (pm_tm_read(tm, e, m, &err) != PM_OK)
        {
            fprintf(stderr, "packmime-tm: %s\n", err.message);
            free(m);
            return EXIT_RUNTIME;
        }
        for (size_t s = 0; s < n; s++)
        {
            for (size_t d = 0; d < n; d++)
            {
                if (s != d)
                {
                    printf("%lld %zu %zu %.9g\n",
                           (long long)pm_tm_time(tm, e),
                           s,
                           d,
                           (double)m[s * n + d]);
                }
            }
        }
    }
    free(m);
    return m ? 0 : EXIT_RUNTIME;
}

/* "info": N, epochs, time range, total and max demand. */
static int
info(pm_tm* tm, const char* path)
{
    size_t n = pm_tm_n(tm);
    size_t epochs = pm_tm_epochs(tm);
    float* m = malloc(n * n * sizeof(float));
    double total = 0;
    double max = 0;
    size_t zero = 0;
    pm_error err;
    for (size_t e = 0; m && e < epochs; e++)
    {
        if (pm_tm_read(tm, e, m, &err) != PM_OK)
        {
            fprintf(stderr, "packmime-tm: %s\n", err.message);
            free(m);
            return EXIT_RUNTIME;
        }
        for (size_t i = 0; i < n * n; i++)
        {
            total += m[i];
            max = m[i] > max ? m[i] : max;
            zero += (i / n != i % n) && m[i] == 0;
        }
    }
    free(m);
    printf("trace          %s\n", path);
    printf("N              %zu ToRs\n", n);
    printf("epochs         %zu\n", epochs);
    printf("time keys      %lld .. %lld\n",
           (long long)pm_tm_time(tm, 0),
           (long long)pm_tm_time(tm, epochs - 1));
    printf("total demand   %.9g\n", total);
    printf("max demand     %.9g\n", max);
    printf("zero entries   %zu of %zu off-diagonal\n", zero, epochs * n * (n - 1));
    return 0;
}

int
main(int argc, char** argv)
{
    if (argc >= 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
    {
        fputs(usage_text, stdout);
        return 0;
    }
    if (argc < 3)
    {
        usage_error("expected a command (compress, dump, info) and its arguments");
    }
    const char* cmd = argv[1];
    int rc;
    pm_error err;
    if (strcmp(cmd, "compress") == 0)
    {
        if (argc != 4)
        {
            usage_error("compress expects DIR PREFIX");
        }
        pm_tm* tm = pm_tm_open_text(argv[2], &err);
        rc = tm ? pm_tm_write_binary(tm, argv[3], &err) : (int)err.code;
        if (rc != PM_OK)
        {
            fprintf(stderr, "packmime-tm: %s\n", err.message);
        }
        pm_tm_free(tm);
        return rc == PM_OK ? 0 : EXIT_RUNTIME;
    }
    if (strcmp(cmd, "dump") == 0)
    {
        if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--text") == 0))
        {
            usage_error("dump expects TRACE [--text DIR]");
        }
        pm_tm* tm = open_trace(argv[2]);
        if (!tm)
        {
            return EXIT_RUNTIME;
        }
        if (argc == 5)
        {
            rc = pm_tm_write_text(tm, argv[4], &err) == PM_OK ? 0 : EXIT_RUNTIME;
            if (rc)
            {
                fprintf(stderr, "packmime-tm: %s\n", err.message);
            }
        }
        else
        {
            rc = dump(tm);
        }
        pm_tm_free(tm);
        return rc;
    }
    if (strcmp(cmd, "info") == 0)
    {
        if (argc != 3)
        {
            usage_error("info expects TRACE");
        }
        pm_tm* tm = open_trace(argv[2]);
        rc = tm ? info(tm, argv[2]) : EXIT_RUNTIME;
        pm_tm_free(tm);
        return rc;
    }
    char msg[128];
    snprintf(msg, sizeof(msg), "unknown command '%.60s' (expected compress, dump or info)", cmd);
    usage_error(msg);
}
