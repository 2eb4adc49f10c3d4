/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-flowgen: the classic traffic generator's command line and config, as an
 * offline flow-schedule generator (see --help and doc/packmime.rst).
 */
#include "pm-cli.h"
#include "pm-ecdf.h"
#include "pm-error.h"
#include "pm-flowgen.h"
#include "pm-rng.h"

#include <errno.h>
#include <float.h>
#include <getopt.h>
#include <gsl/gsl_errno.h>
#include <inttypes.h>
#include <math.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char** environ;

enum
{
    EXIT_RUNTIME = 1,
    EXIT_USAGE = PM_CLI_EXIT_USAGE
};

static const char usage_text[] =
    "usage: packmime-flowgen -c CONFIG -b MBPS (-n COUNT | -t SECONDS) [-l LOG] [-s SEED]\n"
    "                        [-r PROGRAM] [-v] [--mode linear|step] [--overhead[=H]]\n"
    "                        [--format csv|hpcc] [-h]\n"
    "\n"
    "Write the flow schedule that the classic traffic generator (TrafficGenerator's client)\n"
    "would produce with this config and these flags: requests arrive as a Poisson process\n"
    "sized so that the receivers see MBPS of payload, sizes come from the config's CDF,\n"
    "servers, dscp, rate and fanout from their weights.\n"
    "\n"
    "  -c CONFIG       config file: 'server IP PORT [WEIGHT]' (one or more),\n"
    "                  'req_size_dist PATH|WORKLOAD' (exactly one; a CDF file or a built-in\n"
    "                  name such as websearch), 'dscp V [WEIGHT]', 'rate <N>Mbps [WEIGHT]',\n"
    "                  'fanout N [WEIGHT]', 'client_path CMD' (kept, not run); '#' comments\n"
    "  -b MBPS         target bandwidth in Mbit/s seen by the receivers (> 0)\n"
    "  -n COUNT        number of requests (exactly one of -n and -t)\n"
    "  -t SECONDS      schedule length: no request starts after this time\n"
    "  -l LOG          schedule file (default flows.txt)\n"
    "  -s SEED         seed, an unsigned integer (default: from the clock; always printed)\n"
    "  -r PROGRAM      run PROGRAM LOG afterwards (PROGRAM may carry arguments, e.g.\n"
    "                  'python3 result.py'); its exit status becomes ours\n"
    "  -v              verbose: print the configuration, rates and per-server counts\n"
    "  --mode M        CDF reading: linear (default, as the classic tool) or step\n"
    "  --overhead[=H]  divide the rate by the wire-overhead factor H (default off = 1;\n"
    "                  --overhead alone uses the classic tool's 1538/1448 = 1.0622)\n"
    "  --format F      csv (default): flow_id,start_time,server,size_bytes,dscp,rate_mbps,fanout\n"
    "                  hpcc: a count line, then 'src dst pg dport size start' per flow\n"
    "                  (src 0 = this client, dst = 1 + server index, pg = dscp)\n"
    "  -h, --help      show this help\n"
    "\n"
    "A request with fanout k becomes k flows that start together, to k servers drawn with\n"
    "replacement, of size/k bytes each (the remainder goes to the first flow).\n"
    "A summary (flows, bytes, target vs scheduled bandwidth, mean size, reading, seed) goes\n"
    "to stderr. Exit status: 0 success, 1 runtime error, 2 usage or config error, or the\n"
    "exit status of the -r program.\n";

/** Parsed command line. */
typedef struct options
{
    const char* config;
    double mbps;
    uint64_t count;
    double seconds;
    const char* log;
    unsigned long seed;
    int seed_given;
    const char* program;
    int verbose;
    const char* mode;
    double overhead;
    int hpcc;
} options;

/* Print a usage error naming the tool and exit with status 2. */
static const char tool[] = "packmime-flowgen";
#define usage_error(...) pm_cli_usage_error(tool, __VA_ARGS__)

/* What the numeric flags accept. */
static const pm_number_range positive_number = {0, DBL_MAX, PM_NUMBER_ABOVE_MIN};
static const pm_number_range request_count = {1, PM_FLOWGEN_MAX_REQUESTS, PM_NUMBER_INTEGER};
static const pm_number_range overhead_factor = {1, 100, 0};

/* Parse argv into o; exits on usage errors. */
static void
parse_options(int argc, char** argv, options* o)
{
    enum
    {
        OPT_MODE = 256,
        OPT_OVERHEAD,
        OPT_FORMAT
    };
    static const struct option long_options[] = {
        {"mode", required_argument, NULL, OPT_MODE},
        {"overhead", optional_argument, NULL, OPT_OVERHEAD},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int n_given = 0;
    int t_given = 0;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:b:n:t:l:s:r:vh", long_options, NULL)) != -1)
    {
        switch (c)
        {
        case 'c':
            o->config = optarg;
            break;
        case 'b':
            o->mbps = pm_cli_number(tool, "-b", optarg, positive_number);
            break;
        case 'n':
            o->count = (uint64_t)pm_cli_number(tool, "-n", optarg, request_count);
            n_given = 1;
            break;
        case 't':
            o->seconds = pm_cli_number(tool, "-t", optarg, positive_number);
            t_given = 1;
            break;
        case 'l':
            o->log = optarg;
            break;
        case 's':
            o->seed = pm_cli_seed(tool, "-s", optarg);
            o->seed_given = 1;
            break;
        case 'r':
            o->program = optarg;
            break;
        case 'v':
            o->verbose = 1;
            break;
        case OPT_MODE:
            o->mode = optarg;
            break;
        case OPT_OVERHEAD:
            o->overhead = optarg ? pm_cli_number(tool, "--overhead", optarg, overhead_factor)
                                 : PM_FLOWGEN_CLASSIC_OVERHEAD;
            break;
        case OPT_FORMAT:
            if (strcmp(optarg, "csv") != 0 && strcmp(optarg, "hpcc") != 0)
            {
                usage_error("--format '%s': expected csv or hpcc", optarg);
            }
            o->hpcc = strcmp(optarg, "hpcc") == 0;
            break;
        case 'h':
            fputs(usage_text, stdout);
            exit(0);
        case ':':
            usage_error("option %s requires a value", argv[optind - 1]);
            break;
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
    {
        usage_error("unexpected argument '%s'", argv[optind]);
    }
    if (!o->config)
    {
        usage_error("missing -c CONFIG");
    }
    if (!(o->mbps > 0))
    {
        usage_error("missing -b MBPS (target bandwidth in Mbit/s)");
    }
    if (n_given == t_given)
    {
        usage_error("give exactly one of -n COUNT and -t SECONDS");
    }
}

/* Run "PROGRAM [ARGS] LOG"; returns its exit status, or 1 if it could not run. */
static int
run_program(const char* program, const char* log)
{
    char* copy = strdup(program);
    char* args[64];
    size_t n = 0;
    for (char* tok = strtok(copy, " \t"); tok && n < 62; tok = strtok(NULL, " \t"))
    {
        args[n++] = tok;
    }
    if (n == 0)
    {
        free(copy);
        fprintf(stderr, "packmime-flowgen: -r: empty program\n");
        return EXIT_RUNTIME;
    }
    args[n++] = (char*)log;
    args[n] = NULL;
    pid_t pid;
    int rc = posix_spawnp(&pid, args[0], NULL, NULL, args, environ);
    free(copy);
    if (rc != 0)
    {
        fprintf(stderr, "packmime-flowgen: -r '%s': cannot run: %s\n", program, strerror(rc));
        return EXIT_RUNTIME;
    }
    int status;
    if (waitpid(pid, &status, 0) < 0)
    {
        return EXIT_RUNTIME;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Print the configuration and the derived rates (-v). */
static void
print_config(const pm_flowgen_config* cfg, const pm_flowgen* g, pm_ecdf_mode mode, double mean)
{
    fprintf(stderr, "packmime-flowgen: %zu server(s):\n", cfg->n_servers);
    for (size_t i = 0; i < cfg->n_servers; i++)
    {
        fprintf(stderr, "  %-24s weight %g\n", cfg->servers[i].endpoint, cfg->servers[i].weight);
    }
    fprintf(stderr,
            "  req_size_dist %s (%s reading, mean %.2f B)\n",
            cfg->size_dist,
            pm_ecdf_mode_name(mode),
            mean);
    if (cfg->client_path)
    {
        fprintf(stderr,
                "  client_path %s (not run: this tool writes the schedule only)\n",
                cfg->client_path);
    }
    fprintf(stderr,
            "  request rate %.3f /s, mean gap %.3f us\n",
            pm_flowgen_rate(g),
            1e6 / pm_flowgen_rate(g));
}

/* Generate the schedule into `out`; fills the totals. Returns 0, or 1 on a write error. */
static int
write_schedule(pm_flowgen* g,
               const pm_flowgen_config* cfg,
               const options* o,
               FILE* out,
               uint64_t* flows,
               uint64_t* requests,
               uint64_t* bytes,
               double* last_start,
               uint64_t* per_server)
{
    long count_pos = 0;
    if (o->hpcc)
    {
        count_pos = ftell(out);
        fprintf(out, "%-20s\n", "0"); /* rewritten with the count at the end */
    }
    else
    {
        fputs("flow_id,start_time,server,size_bytes,dscp,rate_mbps,fanout\n", out);
    }
    pm_flowgen_flow f;
    while (pm_flowgen_next(g, &f))
    {
        const pm_flowgen_server* s = &cfg->servers[f.server];
        if (o->hpcc)
        {
            fprintf(out,
                    "0 %zu %u %u %" PRIu64 " %.9f\n",
                    f.server + 1,
                    f.dscp,
                    s->port,
                    f.size,
                    f.start);
        }
        else
        {
            fprintf(out,
                    "%" PRIu64 ",%.9f,%s,%" PRIu64 ",%u,%g,%u\n",
                    f.id,
                    f.start,
                    s->endpoint,
                    f.size,
                    f.dscp,
                    f.rate_mbps,
                    f.fanout);
        }
        (*flows)++;
        *requests = f.request + 1;
        *bytes += f.size;
        *last_start = f.start;
        per_server[f.server]++;
    }
    if (o->hpcc &&
        (fseek(out, count_pos, SEEK_SET) != 0 || fprintf(out, "%-20" PRIu64, *flows) < 0))
    {
        return 1;
    }
    return ferror(out) ? 1 : 0;
}

int
main(int argc, char** argv)
{
    gsl_set_error_handler_off();
    options o;
    memset(&o, 0, sizeof(o));
    o.log = "flows.txt";
    o.overhead = 1.0;
    parse_options(argc, argv, &o);
    if (!o.seed_given)
    {
        o.seed = (unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16);
    }

    pm_error err;
    pm_flowgen_config cfg;
    if (pm_flowgen_config_parse_file(o.config, &cfg, &err) != PM_OK)
    {
        fprintf(stderr, "packmime-flowgen: %s\n", err.message);
        return EXIT_USAGE;
    }
    pm_ecdf_mode mode = PM_ECDF_LINEAR;
    if (o.mode && pm_ecdf_mode_parse(o.mode, &mode, &err) != PM_OK)
    {
        pm_flowgen_config_clear(&cfg);
        usage_error("--mode: %s", err.message);
    }
    gsl_rng* r[6];
    for (unsigned long k = 0; k < 6; k++)
    {
        r[k] = pm_rng_new_seeded(o.seed, k, NULL);
    }
    pm_flowgen_rngs rngs = {r[0], r[1], r[2], r[3], r[4], r[5]};
    pm_flowgen_params params = {&cfg, mode, o.mbps * 1e6, o.overhead, o.count, o.seconds};
    int rc = EXIT_RUNTIME;
    pm_flowgen* g = pm_flowgen_new(&params, &rngs, &err);
    uint64_t* per_server = calloc(cfg.n_servers, sizeof(uint64_t));
    FILE* out = g ? fopen(o.log, "w") : NULL;
    double mean = pm_ecdf_mean(cfg.sizes, mode);
    if (!g)
    {
        fprintf(stderr, "packmime-flowgen: %s\n", err.message);
        rc = err.code == PM_EINVAL ? PM_CLI_EXIT_USAGE : EXIT_RUNTIME;
    }
    else if (!out)
    {
        fprintf(stderr, "packmime-flowgen: -l %s: cannot write: %s\n", o.log, strerror(errno));
    }
    else if (o.hpcc && fseek(out, 0, SEEK_CUR) != 0)
    {
        fprintf(stderr,
                "packmime-flowgen: -l %s: --format hpcc writes the flow count first and fills it "
                "in at the end, so the schedule must go to a regular (seekable) file\n",
                o.log);
        rc = PM_CLI_EXIT_USAGE;
    }
    else
    {
        if (o.verbose)
        {
            print_config(&cfg, g, mode, mean);
        }
        uint64_t flows = 0;
        uint64_t requests = 0;
        uint64_t bytes = 0;
        double last = 0;
        int werr = write_schedule(g, &cfg, &o, out, &flows, &requests, &bytes, &last, per_server);
        werr |= fclose(out) != 0;
        out = NULL;
        double span = o.seconds > 0 ? o.seconds : last;
        double scheduled = span > 0 ? (double)bytes * 8.0 * o.overhead / span / 1e6 : 0.0;
        fprintf(stderr,
                "packmime-flowgen: %" PRIu64 " flows (%" PRIu64 " requests), %" PRIu64
                " bytes, written to %s (%s)\n"
                "  target bandwidth     %.3f Mbps\n"
                "  scheduled bandwidth  %.3f Mbps over %.6f s (ratio %.4f)\n"
                "  mean size used       %.2f B (%s reading of %s)\n"
                "  overhead factor      %.6g%s\n"
                "  seed                 %lu\n",
                flows,
                requests,
                bytes,
                o.log,
                o.hpcc ? "hpcc" : "csv",
                o.mbps,
                scheduled,
                span,
                scheduled / o.mbps,
                mean,
                pm_ecdf_mode_name(mode),
                cfg.size_dist,
                o.overhead,
                o.overhead == 1.0 ? " (off)" : "",
                o.seed);
        if (o.verbose)
        {
            for (size_t i = 0; i < cfg.n_servers; i++)
            {
                fprintf(stderr,
                        "  %-24s %" PRIu64 " flows\n",
                        cfg.servers[i].endpoint,
                        per_server[i]);
            }
        }
        if (werr)
        {
            fprintf(stderr, "packmime-flowgen: -l %s: write error\n", o.log);
        }
        else
        {
            rc = o.program ? run_program(o.program, o.log) : 0;
        }
    }
    free(per_server);
    pm_flowgen_free(g);
    for (int k = 0; k < 6; k++)
    {
        gsl_rng_free(r[k]);
    }
    pm_flowgen_config_clear(&cfg);
    return rc;
}
