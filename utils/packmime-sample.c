/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-sample: print samples of a packmime model variable, one per line, or a summary.
 */
#include "pm-ecdf.h"
#include "pm-error.h"
#include "pm-rng.h"
#include "pm-stats.h"
#include "pm-workloads.h"

#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum
{
    EXIT_USAGE = 2
};

static const char usage_text[] =
    "usage: packmime-sample VARIABLE [--mode linear|step] [-n N] [--seed S] [--summary]\n"
    "       packmime-sample --list\n"
    "\n"
    "Print N samples of a packmime model variable, one per line.\n"
    "\n"
    "VARIABLE:\n"
    "  ecdf:NAME        flow size (bytes) from the built-in workload NAME (see --list)\n"
    "  ecdf:FILE        flow size (bytes) from a CDF file ('<size_bytes> <cum_prob>' lines)\n"
    "\n"
    "Options:\n"
    "  --mode M         CDF reading: 'linear' (interpolate between points, implicit (0,0)\n"
    "                   origin) or 'step' (point masses). Default: the file's\n"
    "                   '# packmime-mode:' line, else linear.\n"
    "  -n, --count N    number of samples (default 10)\n"
    "  --seed S         generator seed, an unsigned integer (default 1); the same seed\n"
    "                   prints the same samples\n"
    "  --summary        print n, sample mean, exact mean and p10/p50/p90/p99 instead of\n"
    "                   the samples (quantiles are nearest-rank: sorted[floor(p*n)])\n"
    "  --list           list the built-in workloads and exit\n"
    "  -h, --help       show this help and exit\n"
    "\n"
    "Sizes are printed in whole bytes (rounded, at least 1), as flows use them.\n"
    "Exit status: 0 success, 1 runtime error (e.g. unreadable CDF), 2 usage error.\n";

/** Parsed command line. */
typedef struct options
{
    const char* variable;
    const char* mode;
    unsigned long long count;
    unsigned long seed;
    int summary;
} options;

/* Print a usage error (printf-style) and exit with status 2. */
static void usage_error(const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2), noreturn))
#endif
    ;

static void
usage_error(const char* fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "packmime-sample: ");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'packmime-sample --help'.\n");
    exit(EXIT_USAGE);
}

/* Parse an unsigned integer option value or fail naming the flag. */
static unsigned long long
parse_count(const char* flag, const char* text)
{
    char* end = NULL;
    if (!text || !*text || *text == '-')
    {
        usage_error("%s expects a non-negative integer", flag);
    }
    unsigned long long v = strtoull(text, &end, 10);
    if (*end != '\0')
    {
        usage_error("%s expects a non-negative integer", flag);
    }
    return v;
}

/* Print the built-in workloads with their default reading and means. */
static int
list_workloads(void)
{
    printf("%-20s %-7s %14s %14s  %s\n", "name", "mode", "mean_linear", "mean_step", "workload");
    for (size_t i = 0; i < pm_workload_count(); i++)
    {
        const pm_workload* w = pm_workload_at(i);
        pm_error err;
        pm_ecdf* e = pm_ecdf_parse_string(w->text, w->name, &err);
        if (!e)
        {
            fprintf(stderr, "packmime-sample: %s\n", err.message);
            return 1;
        }
        printf("%-20s %-7s %14.2f %14.2f  %s\n",
               w->name,
               pm_ecdf_mode_name(e->default_mode),
               pm_ecdf_mean(e, PM_ECDF_LINEAR),
               pm_ecdf_mean(e, PM_ECDF_STEP),
               w->description);
        pm_ecdf_free(e);
    }
    return 0;
}

/* Print the summary block of a sample (sorted in place). */
static void
print_summary(const char* variable, const char* mode, double* x, size_t n, double exact_mean)
{
    pm_stats_sort(x, n);
    printf("variable    %s (%s)\n", variable, mode);
    printf("n           %zu\n", n);
    printf("mean        %.2f\n", pm_stats_mean(x, n));
    printf("exact_mean  %.2f\n", exact_mean);
    static const double levels[] = {0.10, 0.50, 0.90, 0.99};
    for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
    {
        printf("p%-2.0f         %.0f\n", levels[i] * 100, pm_stats_quantile(x, n, levels[i]));
    }
}

/* Sample an ECDF variable ("ecdf:NAME|FILE"). */
static int
run_ecdf(const options* o, gsl_rng* r)
{
    pm_error err;
    pm_ecdf* e = pm_workload_open(o->variable + strlen("ecdf:"), &err);
    if (!e)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        return 1;
    }
    pm_ecdf_mode mode = e->default_mode;
    if (o->mode && pm_ecdf_mode_parse(o->mode, &mode, &err) != PM_OK)
    {
        pm_ecdf_free(e);
        usage_error("--mode: %s", err.message);
    }
    double* x = o->summary ? malloc((o->count ? o->count : 1) * sizeof(double)) : NULL;
    if (o->summary && !x)
    {
        fprintf(stderr, "packmime-sample: out of memory for %llu samples\n", o->count);
        pm_ecdf_free(e);
        return 1;
    }
    for (unsigned long long i = 0; i < o->count; i++)
    {
        uint64_t size = pm_ecdf_to_bytes(pm_ecdf_sample(e, mode, r));
        if (x)
        {
            x[i] = (double)size;
        }
        else
        {
            printf("%" PRIu64 "\n", size);
        }
    }
    if (x)
    {
        print_summary(o->variable, pm_ecdf_mode_name(mode), x, o->count, pm_ecdf_mean(e, mode));
    }
    free(x);
    pm_ecdf_free(e);
    return 0;
}

int
main(int argc, char** argv)
{
    gsl_set_error_handler_off();
    options o = {NULL, NULL, 10, 1, 0};

    enum
    {
        OPT_MODE = 256,
        OPT_SEED,
        OPT_SUMMARY,
        OPT_LIST
    };
    static const struct option long_options[] = {{"mode", required_argument, NULL, OPT_MODE},
                                                 {"count", required_argument, NULL, 'n'},
                                                 {"seed", required_argument, NULL, OPT_SEED},
                                                 {"summary", no_argument, NULL, OPT_SUMMARY},
                                                 {"list", no_argument, NULL, OPT_LIST},
                                                 {"help", no_argument, NULL, 'h'},
                                                 {NULL, 0, NULL, 0}};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n:h", long_options, NULL)) != -1)
    {
        switch (c)
        {
        case 'n':
            o.count = parse_count("-n", optarg);
            break;
        case OPT_SEED:
            o.seed = (unsigned long)parse_count("--seed", optarg);
            break;
        case OPT_MODE:
            o.mode = optarg;
            break;
        case OPT_SUMMARY:
            o.summary = 1;
            break;
        case OPT_LIST:
            return list_workloads();
        case 'h':
            fputs(usage_text, stdout);
            return 0;
        case ':':
            usage_error("option %s requires a value", argv[optind - 1]);
            break;
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
    {
        usage_error("%s", optind >= argc ? "missing VARIABLE" : "exactly one VARIABLE expected");
    }
    o.variable = argv[optind];
    pm_error err;
    gsl_rng* r = pm_rng_new_seeded(o.seed, 0, &err);
    if (!r)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        return 1;
    }
    int rc;
    if (strncmp(o.variable, "ecdf:", 5) == 0)
    {
        rc = run_ecdf(&o, r);
    }
    else
    {
        gsl_rng_free(r);
        usage_error("unknown variable '%s' (expected ecdf:NAME or ecdf:FILE)", o.variable);
        return EXIT_USAGE;
    }
    gsl_rng_free(r);
    return rc;
}
