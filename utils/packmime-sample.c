/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-sample: print samples of a packmime model variable, one per line, or a summary.
 */
#include "pm-builtin-cdfs.h"
#include "pm-cli.h"
#include "pm-ecdf.h"
#include "pm-error.h"
#include "pm-http-planner.h"
#include "pm-http.h"
#include "pm-rng.h"
#include "pm-stats.h"

#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum
{
    EXIT_USAGE = PM_CLI_EXIT_USAGE
};

static const char usage_text[] =
    "usage: packmime-sample ecdf:NAME|ecdf:FILE [--mode linear|step] [-n N] [--seed S] "
    "[--summary]\n"
    "       packmime-sample VAR --rate R [--http 1.0|1.1] [--fsd fast|hosking] [-n N] [--seed S]\n"
    "                       [--summary]\n"
    "       packmime-sample --list\n"
    "\n"
    "Print N samples of a packmime model variable, one per line.\n"
    "\n"
    "Flow sizes (CDF-driven workloads):\n"
    "  ecdf:NAME        flow size (bytes) from the built-in CDF NAME (see --list)\n"
    "  ecdf:FILE        flow size (bytes) from a CDF file ('<size_bytes> <cum_prob>' lines)\n"
    "\n"
    "PackMime-HTTP variables (VAR; --rate R new connections per second is required):\n"
    "  flow-arrival     connection inter-arrival time (s)\n"
    "  req-size         HTTP request size (bytes)\n"
    "  rsp-size         HTTP response size (bytes)\n"
    "  server-delay     server delay (s)\n"
    "  persistent       1 if an HTTP/1.1 connection is persistent, else 0\n"
    "  pages            pages of a persistent connection\n"
    "  single-obj       1 if a page of a multi-page connection has one object\n"
    "  objs-per-page    objects of a page with more than one\n"
    "  time-btwn-pages  think time before a new page (s)\n"
    "  time-btwn-objs   think time between objects of a page (s)\n"
    "  persist-rsp-size responses 2..n of a persistent connection (bytes)\n"
    "  xmit-client      client-side one-way delay (ms; DelayBox use)\n"
    "  xmit-server      server-side one-way delay (ms; DelayBox use)\n"
    "  connections      planned connections, one per line: gap (s), number of requests,\n"
    "                   then 'request_bytes response_bytes' for each request\n"
    "\n"
    "Options:\n"
    "  --mode M         CDF reading: 'linear' (interpolate between points, implicit (0,0)\n"
    "                   origin) or 'step' (point masses). Default: the file's\n"
    "                   '# packmime-mode:' line, else linear.\n"
    "  --rate R         PackMime-HTTP rate, 1 to 100000 new connections per second\n"
    "  --http V         1.0 (default) or 1.1 (persistent connections; for 'connections')\n"
    "  --fsd G          long-range-dependent series generator: fast (default, exact\n"
    "                   circulant embedding) or hosking (ns-2's truncated recursion)\n"
    "  -n, --count N    number of samples (default 10; with --summary at most 2^28)\n"
    "  --seed S         generator seed, an unsigned integer (default 1); the same seed\n"
    "                   prints the same samples\n"
    "  --summary        print n, the sample mean and p10/p50/p90/p99 instead of the\n"
    "                   samples (nearest-rank: sorted[floor(p*n)]), each next to the exact\n"
    "                   value of the model where it has one\n"
    "  --list           list the built-in CDFs and exit\n"
    "  -h, --help       show this help and exit\n"
    "\n"
    "Flow sizes are printed in whole bytes (rounded, at least 1), as flows use them.\n"
    "Exit status: 0 success, 1 runtime error (e.g. unreadable CDF), 2 usage error.\n";

/** Parsed command line. */
typedef struct options
{
    const char* variable;
    const char* mode;
    unsigned long long count;
    unsigned long seed;
    int summary;
    double rate; /* 0 = not given */
    int http11;
    pm_fsd_method fsd;
} options;

/* Print a usage error naming the tool and exit with status 2. */
static const char tool[] = "packmime-sample";
#define usage_error(...)    pm_cli_usage_error(tool, __VA_ARGS__)

/** --summary keeps every sample (8 bytes each) to sort it: at most 2^28 samples (2 GiB). */
#define SUMMARY_MAX_SAMPLES 268435456.0

/* What -n and --rate accept. */
static const pm_number_range sample_count = {0, PM_NUMBER_MAX_INTEGER, PM_NUMBER_INTEGER};
static const pm_number_range http_rate = {PM_HTTP_MIN_RATE, PM_HTTP_MAX_RATE, 0};

/* Print the built-in CDFs with their default reading and means. */
static int
list_builtin_cdfs(void)
{
    printf("%-20s %-7s %14s %14s  %s\n", "name", "mode", "mean_linear", "mean_step", "workload");
    for (size_t i = 0; i < pm_builtin_cdf_count(); i++)
    {
        const pm_builtin_cdf* w = pm_builtin_cdf_at(i);
        pm_error err;
        pm_ecdf* e = pm_ecdf_parse_string(w->text, w->name, &err);
        if (!e)
        {
            fprintf(stderr, "packmime-sample: %s\n", err.message);
            return 1;
        }
        printf("%-20s %-7s %14.2f %14.2f  %s\n",
               w->name,
               pm_ecdf_mode_name(pm_ecdf_default_mode(e)),
               pm_ecdf_mean(e, PM_ECDF_LINEAR),
               pm_ecdf_mean(e, PM_ECDF_STEP),
               w->description);
        pm_ecdf_free(e);
    }
    return 0;
}

static const double summary_levels[] = {0.10, 0.50, 0.90, 0.99};

/* Print the summary block of a sample (sorted in place) next to the model's exact mean and
 * quantiles (exact_quantile may be NULL; NAN values print as n/a). */
static void
print_summary(const char* variable,
              const char* detail,
              double* x,
              size_t n,
              double exact_mean,
              double (*exact_quantile)(double u, const void* ctx),
              const void* ctx)
{
    pm_stats_sort(x, n);
    printf("variable    %s (%s)\n", variable, detail);
    printf("n           %zu\n", n);
    printf("%-11s %-16s %s\n", "", "sample", "model");
    if (isnan(exact_mean))
    {
        printf("%-11s %-16.6g %s\n", "mean", pm_stats_mean(x, n), "n/a");
    }
    else
    {
        printf("%-11s %-16.6g %.6g\n", "mean", pm_stats_mean(x, n), exact_mean);
    }
    for (size_t i = 0; i < sizeof(summary_levels) / sizeof(summary_levels[0]); i++)
    {
        char label[8];
        snprintf(label, sizeof(label), "p%.0f", summary_levels[i] * 100);
        double model = exact_quantile ? exact_quantile(summary_levels[i], ctx) : NAN;
        double sample = pm_stats_quantile(x, n, summary_levels[i]);
        if (isnan(model))
        {
            printf("%-11s %-16.6g %s\n", label, sample, "n/a");
        }
        else
        {
            printf("%-11s %-16.6g %.6g\n", label, sample, model);
        }
    }
}

/* Exact quantile of an ECDF reading, as sizes are delivered (whole bytes). */
static double
ecdf_quantile(double u, const void* ctx)
{
    const struct
    {
        const pm_ecdf* e;
        pm_ecdf_mode mode;
    }* c = ctx;

    return (double)pm_ecdf_to_bytes(pm_ecdf_quantile(c->e, c->mode, u));
}

/* Allocate the summary buffer (or NULL when printing samples); exits on failure. */
static double*
summary_buffer(const options* o)
{
    if (!o->summary)
    {
        return NULL;
    }
    double* x = malloc((o->count ? o->count : 1) * sizeof(double));
    if (!x)
    {
        fprintf(stderr, "packmime-sample: out of memory for %llu samples\n", o->count);
        exit(1);
    }
    return x;
}

/* Sample an ECDF variable ("ecdf:NAME|FILE"). */
static int
run_ecdf(const options* o, gsl_rng* r)
{
    pm_error err;
    pm_ecdf* e = pm_cdf_open(o->variable + strlen("ecdf:"), &err);
    if (!e)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        return 1;
    }
    pm_ecdf_mode mode = pm_ecdf_default_mode(e);
    if (o->mode && pm_ecdf_mode_parse(o->mode, &mode, &err) != PM_OK)
    {
        pm_ecdf_free(e);
        usage_error("--mode: %s", err.message);
    }
    double* x = summary_buffer(o);
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
        struct
        {
            const pm_ecdf* e;
            pm_ecdf_mode mode;
        } ctx = {e, mode};

        print_summary(o->variable,
                      pm_ecdf_mode_name(mode),
                      x,
                      o->count,
                      pm_ecdf_mean(e, mode),
                      &ecdf_quantile,
                      &ctx);
    }
    free(x);
    pm_ecdf_free(e);
    return 0;
}

/* Exact marginal quantile of a PackMime-HTTP variable (ctx: the variable and options). */
static double
http_quantile(double u, const void* ctx)
{
    const struct
    {
        pm_http_var var;
        const pm_http_options* opt;
    }* c = ctx;

    return pm_http_exact_quantile(c->var, c->opt, u);
}

/* Sample a PackMime-HTTP variable. */
static int
run_http_variable(const options* o, pm_http_var var, const pm_http_options* opt)
{
    pm_error err;
    gsl_rng* r = pm_rng_new_seeded(o->seed, (unsigned long)var, &err);
    pm_http_sampler* s = r ? pm_http_sampler_new(var, opt, r, &err) : NULL;
    if (!s)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        gsl_rng_free(r);
        return 1;
    }
    double* x = summary_buffer(o);
    for (unsigned long long i = 0; i < o->count; i++)
    {
        double v = pm_http_sample(s);
        if (x)
        {
            x[i] = v;
        }
        else
        {
            printf("%.10g\n", v);
        }
    }
    if (x)
    {
        char detail[96];
        snprintf(detail,
                 sizeof(detail),
                 "rate %g, fsd %s",
                 opt->rate,
                 pm_fsd_method_name(opt->fsd));

        struct
        {
            pm_http_var var;
            const pm_http_options* opt;
        } ctx = {var, opt};

        print_summary(o->variable,
                      detail,
                      x,
                      o->count,
                      pm_http_exact_mean(var, opt),
                      &http_quantile,
                      &ctx);
    }
    free(x);
    pm_http_sampler_free(s);
    gsl_rng_free(r);
    return 0;
}

/* Print planned connections ("connections"), or their summary. */
static int
run_connections(const options* o, const pm_http_options* opt)
{
    pm_error err;
    pm_http_planner_config cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.options = *opt;
    cfg.http11 = o->http11;
    gsl_rng* rngs[PM_HTTP_VAR_COUNT];
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        rngs[v] = pm_rng_new_seeded(o->seed, (unsigned long)v, NULL);
    }
    pm_http_planner* p = pm_http_planner_new(&cfg, rngs, &err);
    int rc = 0;
    if (!p)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        rc = 1;
    }
    double* x = p ? summary_buffer(o) : NULL;
    double persistent = 0;
    double requests = 0;
    for (unsigned long long i = 0; p && i < o->count; i++)
    {
        pm_http_connection c;
        if (pm_http_planner_next(p, &c, &err) != PM_OK)
        {
            fprintf(stderr, "packmime-sample: %s\n", err.message);
            rc = 1;
            break;
        }
        if (x)
        {
            x[i] = (double)c.n_requests;
            persistent += c.persistent;
            requests += (double)c.n_requests;
            continue;
        }
        printf("%.9f %zu", c.gap, c.n_requests);
        for (size_t k = 0; k < c.n_requests; k++)
        {
            printf(" %llu %llu",
                   (unsigned long long)c.requests[k].req_bytes,
                   (unsigned long long)c.requests[k].rsp_bytes);
        }
        printf("\n");
    }
    if (x && rc == 0)
    {
        char detail[96];
        snprintf(detail,
                 sizeof(detail),
                 "requests per connection; rate %g, HTTP/%s",
                 opt->rate,
                 o->http11 ? "1.1" : "1.0");
        print_summary("connections", detail, x, o->count, NAN, NULL, NULL);
        printf("persistent  %.6g (model %s)\n",
               persistent / (double)o->count,
               o->http11 ? "0.09" : "0");
    }
    free(x);
    pm_http_planner_free(p);
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        gsl_rng_free(rngs[v]);
    }
    return rc;
}

int
main(int argc, char** argv)
{
    gsl_set_error_handler_off();
    options o = {NULL, NULL, 10, 1, 0, 0.0, 0, PM_FSD_FAST};

    enum
    {
        OPT_MODE = 256,
        OPT_SEED,
        OPT_SUMMARY,
        OPT_LIST,
        OPT_RATE,
        OPT_HTTP,
        OPT_FSD
    };

    pm_error err;
    static const struct option long_options[] = {{"mode", required_argument, NULL, OPT_MODE},
                                                 {"rate", required_argument, NULL, OPT_RATE},
                                                 {"http", required_argument, NULL, OPT_HTTP},
                                                 {"fsd", required_argument, NULL, OPT_FSD},
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
            o.count = (unsigned long long)pm_cli_number(tool, "-n", optarg, sample_count);
            break;
        case OPT_SEED:
            o.seed = pm_cli_seed(tool, "--seed", optarg);
            break;
        case OPT_MODE:
            o.mode = optarg;
            break;
        case OPT_SUMMARY:
            o.summary = 1;
            break;
        case OPT_LIST:
            return list_builtin_cdfs();
        case OPT_RATE:
            o.rate = pm_cli_number(tool, "--rate", optarg, http_rate);
            break;
        case OPT_HTTP:
            if (strcmp(optarg, "1.0") != 0 && strcmp(optarg, "1.1") != 0)
            {
                usage_error("--http '%s': expected 1.0 or 1.1", optarg);
            }
            o.http11 = strcmp(optarg, "1.1") == 0;
            break;
        case OPT_FSD:
            if (pm_fsd_method_parse(optarg, &o.fsd, &err) != PM_OK)
            {
                usage_error("--fsd: %s", err.message);
            }
            break;
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
    if (o.summary && (double)o.count > SUMMARY_MAX_SAMPLES)
    {
        usage_error("-n %llu with --summary: at most %.0f samples (the summary keeps every sample, "
                    "8 bytes each, to sort it: 2 GiB)",
                    o.count,
                    SUMMARY_MAX_SAMPLES);
    }
    if (strncmp(o.variable, "ecdf:", 5) != 0)
    {
        pm_http_var var = PM_HTTP_VAR_COUNT;
        int is_connections = strcmp(o.variable, "connections") == 0;
        if (!is_connections && pm_http_var_parse(o.variable, &var, &err) != PM_OK)
        {
            usage_error("%s (or connections, ecdf:NAME, ecdf:FILE)", err.message);
        }
        if (o.rate == 0)
        {
            usage_error("%s needs --rate R (new connections per second)", o.variable);
        }
        pm_http_options opt;
        memset(&opt, 0, sizeof(opt));
        opt.rate = o.rate;
        opt.fsd = o.fsd;
        return is_connections ? run_connections(&o, &opt) : run_http_variable(&o, var, &opt);
    }
    gsl_rng* r = pm_rng_new_seeded(o.seed, 0, &err);
    if (!r)
    {
        fprintf(stderr, "packmime-sample: %s\n", err.message);
        return 1;
    }
    int rc = run_ecdf(&o, r);
    gsl_rng_free(r);
    return rc;
}
