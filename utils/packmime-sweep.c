/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-sweep: run a program over a grid of parameters and replications with GNU parallel
 * or as a Slurm job array; report progress; aggregate the jobs' summary.json files.
 */
#define _XOPEN_SOURCE 700 /* nftw */

#define PM_CLI_SHORTHANDS
#include "pm-cli.h"
#include "pm-error.h"
#include "pm-json.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <gsl/gsl_cdf.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum
{
    EXIT_RUNTIME = 1,
    EXIT_USAGE = PM_CLI_EXIT_USAGE
};

static const char tool[] = "packmime-sweep";

static const char usage_text[] =
    "usage: packmime-sweep --program PROG -o DIR [--param NAME=V1,V2,...]... [--runs R]\n"
    "                      [--first-run N] [-j N | --slurm] [-f FILE] [-- ARG...]\n"
    "       packmime-sweep status DIR\n"
    "       packmime-sweep collect DIR\n"
    "\n"
    "A campaign runs PROG (packmime-flows, packmime-http, or any program that takes --outdir\n"
    "and --RngRun and writes summary.json into --outdir) once per point of the parameter grid\n"
    "and replication: job = point x run, with --NAME=VALUE for every parameter,\n"
    "--RngRun=RUN (RUN = first-run .. first-run + R - 1, the same runs at every point) and\n"
    "--outdir=DIR/jobs/NNNN/out, after the fixed ARGs given after '--'.\n"
    "\n"
    "  --program PROG     a path, or a name looked up beside packmime-sweep, then on PATH\n"
    "  --param N=V1,V2    one axis of the grid (repeatable; the first varies slowest)\n"
    "  --runs R           replications per point (1 to 10000; default 1)\n"
    "  --first-run N      RngRun of the first replication (default 1)\n"
    "  -o, --outdir DIR   the campaign directory (created; an existing one must hold the same\n"
    "                     campaign: then finished jobs are kept and the others run again)\n"
    "  -j, --jobs N       jobs at a time on this machine, through GNU parallel (default: the\n"
    "                     number of online CPUs)\n"
    "  --slurm            write DIR/slurm.sbatch, a Slurm job array (task id = job number) of\n"
    "                     the unfinished jobs, and submit it with sbatch when sbatch exists\n"
    "  --slurm-max M      at most M array tasks at once (sbatch --array=...%M)\n"
    "  --sbatch LINE      an extra '#SBATCH LINE' (repeatable), e.g. --sbatch=--time=1:00:00\n"
    "  -f FILE            campaign options from FILE, one per line: 'program PROG',\n"
    "                     'param N=V1,V2', 'runs R', 'first-run N', 'arg ARG'; '#' comments\n"
    "  --dry-run          print the commands of the unfinished jobs and stop\n"
    "  -h, --help         show this help\n"
    "\n"
    "Every job has its directory DIR/jobs/NNNN: params (NAME=VALUE lines and RngRun), command,\n"
    "stdout, stderr, out/ (the program's --outdir), and 'done' once the program exited 0 and\n"
    "wrote out/summary.json ('failed' otherwise). A job without 'done' (failed, killed, never\n"
    "started) runs again when the same campaign is given again; a finished one never does.\n"
    "\n"
    "status DIR    counts of done, failed, unfinished and pending jobs; lists the failed ones.\n"
    "              Exit status 0 when every job is done, 1 otherwise.\n"
    "collect DIR   DIR/results.csv: one row per job (job, status, parameters, RngRun, then\n"
    "              every summary.json value; nested ones as buckets[<100KB].fct_p99_s);\n"
    "              DIR/summary-ci.csv: per point and numeric value, n, mean, standard\n"
    "              deviation and the 95 % Student-t confidence interval across the runs\n"
    "              (mean +- t(0.975, n-1) sd / sqrt(n); empty for n < 2).\n"
    "\n"
    "Exit status: 0 every job done, 1 a job failed or a runtime error, 2 usage error.\n";

/** Most jobs a campaign may have (a job directory each). */
#define MAX_JOBS 1000000UL

/** One axis of the grid. */
typedef struct sweep_param
{
    char* name;
    char** values;
    size_t count;
} sweep_param;

/** What defines a campaign: the program, the grid, the runs and the fixed arguments. */
typedef struct campaign
{
    char* program;
    sweep_param* params;
    size_t nparams;
    unsigned long runs;
    unsigned long first_run;
    char** args;
    size_t nargs;
} campaign;

/** How to run it (not part of the campaign's identity). */
typedef struct run_options
{
    const char* dir;
    long jobs;
    int slurm;
    unsigned long slurm_max;
    char** sbatch;
    size_t nsbatch;
    int dry_run;
} run_options;

/* strdup or die. */
static char*
xstrdup(const char* s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

/* Append a string to an array of strings. */
static void
push_string(char*** array, size_t* count, const char* s)
{
    if (*count >= SIZE_MAX / sizeof(char*) - 1)
    {
        fprintf(stderr, "%s: too many arguments\n", tool);
        exit(EXIT_RUNTIME);
    }
    *array = xrealloc(*array, (*count + 1) * sizeof(char*));
    (*array)[(*count)++] = xstrdup(s);
}

/* A parameter name: what a --NAME=VALUE option of an ns-3 program may be. */
static int
valid_name(const char* s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
    {
        return 0;
    }
    for (; *s; s++)
    {
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:.", *s))
        {
            return 0;
        }
    }
    return 1;
}

/* Add "--param NAME=V1,V2" to c; `where` names the option or file line for messages. */
static void
add_param(campaign* c, const char* spec, const char* where)
{
    const char* eq = strchr(spec, '=');
    if (!eq || eq == spec || eq[1] == '\0')
    {
        usage_error("%s '%s': expected NAME=VALUE[,VALUE...]", where, spec);
    }
    char* name = xstrdup(spec);
    name[eq - spec] = '\0';
    if (!valid_name(name) || strcmp(name, "RngRun") == 0 || strcmp(name, "outdir") == 0)
    {
        usage_error("%s '%s': '%s' is not a parameter name (letters, digits, _-:.; not RngRun "
                    "or outdir, which the sweep sets)",
                    where,
                    spec,
                    name);
    }
    for (size_t i = 0; i < c->nparams; i++)
    {
        if (strcmp(c->params[i].name, name) == 0)
        {
            usage_error("%s '%s': parameter '%s' given twice", where, spec, name);
        }
    }
    sweep_param p = {name, NULL, 0};
    char* list = xstrdup(eq + 1);
    for (char *v = list, *next; v; v = next)
    {
        next = strchr(v, ',');
        if (next)
        {
            *next++ = '\0';
        }
        if (*v == '\0' || strpbrk(v, "\t\n"))
        {
            usage_error("%s '%s': empty value or a value with a tab or newline", where, spec);
        }
        for (size_t k = 0; k < p.count; k++)
        {
            if (strcmp(p.values[k], v) == 0)
            {
                usage_error("%s '%s': value '%s' given twice", where, spec, v);
            }
        }
        push_string(&p.values, &p.count, v);
    }
    free(list);
    c->params = xrealloc(c->params, (c->nparams + 1) * sizeof(*c->params));
    c->params[c->nparams++] = p;
}

/* Number of jobs of the campaign (checked against MAX_JOBS when it was built). */
static size_t
job_count(const campaign* c)
{
    size_t n = c->runs;
    for (size_t i = 0; i < c->nparams; i++)
    {
        n *= c->params[i].count;
    }
    return n;
}

/* Check the grid size; the product is checked step by step so it cannot overflow. */
static void
check_job_count(const campaign* c)
{
    size_t n = c->runs;
    for (size_t i = 0; i < c->nparams; i++)
    {
        if (n > MAX_JOBS / c->params[i].count)
        {
            usage_error("the grid has more than %lu jobs", MAX_JOBS);
        }
        n *= c->params[i].count;
    }
    if (n > MAX_JOBS)
    {
        usage_error("the grid has more than %lu jobs", MAX_JOBS);
    }
}

/* Value index of parameter p in job j (the first parameter varies slowest, runs fastest). */
static size_t
value_index(const campaign* c, size_t job, size_t p)
{
    size_t stride = c->runs;
    for (size_t k = c->nparams; k-- > p + 1;)
    {
        stride *= c->params[k].count;
    }
    return (job / stride) % c->params[p].count;
}

/* RngRun of job j. */
static unsigned long
job_run(const campaign* c, size_t job)
{
    return c->first_run + job % c->runs;
}

/* Directory of job j: DIR/jobs/NNNN (at least four digits, as many as the largest needs). */
static char*
job_dir(const char* dir, const campaign* c, size_t job)
{
    int width = snprintf(NULL, 0, "%zu", job_count(c) - 1);
    return format("%s/jobs/%0*zu", dir, width < 4 ? 4 : width, job);
}

/* Path of a file in a job's directory. */
static char*
job_file(const char* dir, const campaign* c, size_t job, const char* name)
{
    char* d = job_dir(dir, c, job);
    char* f = format("%s/%s", d, name);
    free(d);
    return f;
}

/* Create a directory and its parents (mkdir -p). */
static void
make_dirs(const char* path)
{
    char* p = xstrdup(path);
    for (char* s = p + 1; *s; s++)
    {
        if (*s == '/')
        {
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
            {
                die("cannot create directory '%s': %s", p, strerror(errno));
            }
            *s = '/';
        }
    }
    if (mkdir(p, 0777) != 0 && errno != EEXIST)
    {
        die("cannot create directory '%s': %s", p, strerror(errno));
    }
    free(p);
}

/* Write text to path atomically (a temporary file renamed over it). */
static void
write_file(const char* path, const char* text)
{
    char* tmp = format("%s.tmp", path);
    FILE* f = fopen(tmp, "w");
    if (!f || fputs(text, f) == EOF || fclose(f) != 0 || rename(tmp, path) != 0)
    {
        die("cannot write '%s': %s", path, strerror(errno));
    }
    free(tmp);
}

/* The campaign file's text: what identifies a campaign. */
static char*
campaign_text(const campaign* c)
{
    char* t = format("# packmime-sweep campaign (written by packmime-sweep; do not edit)\n"
                     "program\t%s\nruns\t%lu\nfirst-run\t%lu\n",
                     c->program,
                     c->runs,
                     c->first_run);
    for (size_t i = 0; i < c->nparams; i++)
    {
        char* line = format("%sparam\t%s", t, c->params[i].name);
        free(t);
        t = line;
        for (size_t v = 0; v < c->params[i].count; v++)
        {
            line = format("%s\t%s", t, c->params[i].values[v]);
            free(t);
            t = line;
        }
        line = format("%s\n", t);
        free(t);
        t = line;
    }
    for (size_t i = 0; i < c->nargs; i++)
    {
        char* line = format("%sarg\t%s\n", t, c->args[i]);
        free(t);
        t = line;
    }
    return t;
}

/* Read DIR/campaign back; exits with a message naming the file and line if it is damaged. */
static void
load_campaign(const char* dir, campaign* c)
{
    char* path = format("%s/campaign", dir);
    char* text = NULL;
    pm_error err;
    if (pm_text_read_file(path, &text, NULL, &err) != PM_OK)
    {
        die("%s is not a campaign directory (%s)", dir, err.message);
    }
    *c = (campaign){0};
    size_t lineno = 0;
    for (char *line = text, *next; line && *line; line = next)
    {
        lineno++;
        next = strchr(line, '\n');
        if (next)
        {
            *next++ = '\0';
        }
        if (*line == '#' || *line == '\0')
        {
            continue;
        }
        char* tab = strchr(line, '\t');
        if (!tab)
        {
            die("%s:%zu: expected KEY<tab>VALUE", path, lineno);
        }
        *tab++ = '\0';
        if (strcmp(line, "program") == 0)
        {
            c->program = xstrdup(tab);
        }
        else if (strcmp(line, "runs") == 0 || strcmp(line, "first-run") == 0)
        {
            char* end = NULL;
            unsigned long v = strtoul(tab, &end, 10);
            if (*end != '\0' || end == tab)
            {
                die("%s:%zu: '%s' is not a whole number", path, lineno, tab);
            }
            *(line[0] == 'r' ? &c->runs : &c->first_run) = v;
        }
        else if (strcmp(line, "param") == 0)
        {
            sweep_param p = {NULL, NULL, 0};
            char* v = strchr(tab, '\t');
            if (!v)
            {
                die("%s:%zu: a parameter without values", path, lineno);
            }
            *v++ = '\0';
            p.name = xstrdup(tab);
            for (char* nv; v; v = nv)
            {
                nv = strchr(v, '\t');
                if (nv)
                {
                    *nv++ = '\0';
                }
                push_string(&p.values, &p.count, v);
            }
            c->params = xrealloc(c->params, (c->nparams + 1) * sizeof(*c->params));
            c->params[c->nparams++] = p;
        }
        else if (strcmp(line, "arg") == 0)
        {
            push_string(&c->args, &c->nargs, tab);
        }
        else
        {
            die("%s:%zu: unknown key '%s'", path, lineno, line);
        }
    }
    if (!c->program || c->runs == 0)
    {
        die("%s: no program or no runs", path);
    }
    free(text);
    free(path);
}

/* Release what a campaign owns. */
static void
free_campaign(campaign* c)
{
    free(c->program);
    for (size_t i = 0; i < c->nparams; i++)
    {
        free(c->params[i].name);
        for (size_t v = 0; v < c->params[i].count; v++)
        {
            free(c->params[i].values[v]);
        }
        free(c->params[i].values);
    }
    free(c->params);
    for (size_t i = 0; i < c->nargs; i++)
    {
        free(c->args[i]);
    }
    free(c->args);
    *c = (campaign){0};
}

/* Absolute path of this executable (for the commands GNU parallel and Slurm run). */
static char*
self_path(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0)
    {
        die("cannot find my own executable (/proc/self/exe): %s", strerror(errno));
    }
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Absolute path of --program: a path as given, else beside this tool, else on PATH. */
static char*
resolve_program(const char* name)
{
    char buf[PATH_MAX];
    if (strchr(name, '/'))
    {
        if (!realpath(name, buf) || access(buf, X_OK) != 0)
        {
            usage_error("--program '%s': not an executable file", name);
        }
        return xstrdup(buf);
    }
    char* self = self_path();
    *strrchr(self, '/') = '\0';
    char* dirs = format("%s:%s", self, getenv("PATH") ? getenv("PATH") : "");
    char* found = pm_cli_find_executable(tool, name, dirs);
    if (!found)
    {
        usage_error("--program '%s': not found beside packmime-sweep (%s) or on PATH", name, self);
    }
    free(dirs);
    free(self);
    return found;
}

/* The command line of job j (NULL-terminated; free with free_strings). */
static char**
job_argv(const char* dir, const campaign* c, size_t job, size_t* argc)
{
    char** argv = NULL;
    *argc = 0;
    push_string(&argv, argc, c->program);
    for (size_t i = 0; i < c->nargs; i++)
    {
        push_string(&argv, argc, c->args[i]);
    }
    for (size_t p = 0; p < c->nparams; p++)
    {
        char* opt =
            format("--%s=%s", c->params[p].name, c->params[p].values[value_index(c, job, p)]);
        push_string(&argv, argc, opt);
        free(opt);
    }
    char* opt = format("--RngRun=%lu", job_run(c, job));
    push_string(&argv, argc, opt);
    free(opt);
    char* out = job_file(dir, c, job, "out");
    opt = format("--outdir=%s", out);
    push_string(&argv, argc, opt);
    free(opt);
    free(out);
    argv = xrealloc(argv, (*argc + 1) * sizeof(char*));
    argv[*argc] = NULL;
    return argv;
}

/* Release an array of strings. */
static void
free_strings(char** s, size_t n)
{
    for (size_t i = 0; i < n; i++)
    {
        free(s[i]);
    }
    free(s);
}

/* A word quoted for the shell when it needs it. */
static char*
shell_quote(const char* s)
{
    if (*s &&
        strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=:,./@%") ==
            strlen(s))
    {
        return xstrdup(s);
    }
    size_t n = 2;
    for (const char* p = s; *p; p++)
    {
        n += *p == '\'' ? 4 : 1;
    }
    char* q = xrealloc(NULL, n + 1);
    char* o = q;
    *o++ = '\'';
    for (const char* p = s; *p; p++)
    {
        if (*p == '\'')
        {
            memcpy(o, "'\\''", 4);
            o += 4;
        }
        else
        {
            *o++ = *p;
        }
    }
    *o++ = '\'';
    *o = '\0';
    return q;
}

/* The command line of job j as one shell line (for DIR/jobs/NNNN/command and --dry-run). */
static char*
job_command_line(const char* dir, const campaign* c, size_t job)
{
    size_t argc;
    char** argv = job_argv(dir, c, job, &argc);
    char* line = xstrdup("");
    for (size_t i = 0; i < argc; i++)
    {
        char* q = shell_quote(argv[i]);
        char* l = format("%s%s%s", line, i ? " " : "", q);
        free(q);
        free(line);
        line = l;
    }
    free_strings(argv, argc);
    return line;
}

/* The state of a job, from the markers in its directory. */
typedef enum job_state
{
    JOB_PENDING,    /* never started */
    JOB_UNFINISHED, /* started, no result: running, or killed */
    JOB_FAILED,
    JOB_DONE
} job_state;

/* State of job j. */
static job_state
state_of(const char* dir, const campaign* c, size_t job)
{
    static const struct
    {
        const char* marker;
        job_state state;
    } markers[] = {{"done", JOB_DONE}, {"failed", JOB_FAILED}, {"started", JOB_UNFINISHED}};

    for (size_t m = 0; m < 3; m++)
    {
        char* f = job_file(dir, c, job, markers[m].marker);
        int e = pm_cli_exists(f);
        free(f);
        if (e)
        {
            return markers[m].state;
        }
    }
    return JOB_PENDING;
}

/* nftw callback: remove one entry (children first). */
static int
remove_entry(const char* path, const struct stat* st, int type, struct FTW* ftw)
{
    (void)st;
    (void)type;
    (void)ftw;
    return remove(path);
}

/* Remove a directory tree if it exists. */
static void
remove_tree(const char* path)
{
    if (pm_cli_exists(path) && nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
    {
        die("cannot remove '%s' (left by an unfinished run): %s", path, strerror(errno));
    }
}

/* Remove one file if it exists. */
static void
remove_file(const char* dir, const campaign* c, size_t job, const char* name)
{
    char* f = job_file(dir, c, job, name);
    if (unlink(f) != 0 && errno != ENOENT)
    {
        die("cannot remove '%s': %s", f, strerror(errno));
    }
    free(f);
}

/* Seconds on the monotonic clock. */
static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/** The signal that asked the job runner to stop (0: none). */
static volatile sig_atomic_t stop_signal = 0;

/* Remember a termination signal; the runner outlives its program to record the result. */
static void
note_stop_signal(int sig)
{
    stop_signal = sig;
}

/* `packmime-sweep job DIR J`: run job J (what GNU parallel and the Slurm tasks call). */
static int
run_job(const char* dir, const char* index_text)
{
    campaign c;
    load_campaign(dir, &c);
    size_t n = job_count(&c);
    pm_number_range range = {0, (double)n - 1, PM_NUMBER_INTEGER};
    size_t job = (size_t)pm_cli_number(tool, "job number", index_text, range);
    if (state_of(dir, &c, job) == JOB_DONE)
    {
        printf("job %zu: already done\n", job);
        free_campaign(&c);
        return 0;
    }
    char* jdir = job_dir(dir, &c, job);
    make_dirs(jdir);
    remove_file(dir, &c, job, "failed");
    char* out = job_file(dir, &c, job, "out");
    remove_tree(out);
    make_dirs(out);

    char* params = xstrdup("");
    for (size_t p = 0; p < c.nparams; p++)
    {
        char* t = format("%s%s=%s\n",
                         params,
                         c.params[p].name,
                         c.params[p].values[value_index(&c, job, p)]);
        free(params);
        params = t;
    }
    char* t = format("%sRngRun=%lu\n", params, job_run(&c, job));
    free(params);
    params = t;
    char* pfile = job_file(dir, &c, job, "params");
    write_file(pfile, params);
    char* cmd = job_command_line(dir, &c, job);
    char* cmdline = format("%s\n", cmd);
    char* cfile = job_file(dir, &c, job, "command");
    write_file(cfile, cmdline);
    char host[256] = "";
    gethostname(host, sizeof(host) - 1);
    char* started = format("host %s pid %ld\n", host, (long)getpid());
    char* sfile = job_file(dir, &c, job, "started");
    write_file(sfile, started);

    size_t argc;
    char** argv = job_argv(dir, &c, job, &argc);
    char* so = job_file(dir, &c, job, "stdout");
    char* se = job_file(dir, &c, job, "stderr");
    double t0 = now_s();
    pm_cli_io io = {jdir, so, se};
    /* Ctrl-C through GNU parallel and scancel signal the runner and its program together: the
     * program ends, and the runner records how (the program's own handlers are reset by exec). */
    struct sigaction stop = {0};
    stop.sa_handler = note_stop_signal;
    sigemptyset(&stop.sa_mask);
    static const int stop_signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (size_t k = 0; k < sizeof(stop_signals) / sizeof(stop_signals[0]); k++)
    {
        sigaction(stop_signals[k], &stop, NULL);
    }
    int rc = pm_cli_run(tool, argv, &io);
    double elapsed = now_s() - t0;
    char* summary = format("%s/summary.json", out);
    char* result = NULL;
    int ok = 0;
    if (rc == 0 && pm_cli_exists(summary))
    {
        ok = 1;
        result = format("exit 0, %.3f s\n", elapsed);
    }
    else if (rc == 0)
    {
        result = format("exit 0 but no out/summary.json, %.3f s\n", elapsed);
    }
    else if (rc > 128)
    {
        result = format("signal %d%s, %.3f s\n",
                        rc - 128,
                        stop_signal ? " (the job was stopped)" : "",
                        elapsed);
    }
    else
    {
        result = format("exit %d, %.3f s\n", rc, elapsed);
    }
    char* marker = job_file(dir, &c, job, ok ? "done" : "failed");
    write_file(marker, result);
    printf("job %zu (%s): %s", job, cmd, ok ? "done" : "FAILED, ");
    if (!ok)
    {
        printf("%s", result);
    }
    else
    {
        printf("\n");
    }

    free(marker);
    free(result);
    free(summary);
    free(so);
    free(se);
    free_strings(argv, argc);
    free(sfile);
    free(started);
    free(cfile);
    free(cmdline);
    free(cmd);
    free(pfile);
    free(params);
    free(out);
    free(jdir);
    free_campaign(&c);
    return ok ? 0 : EXIT_RUNTIME;
}

/* Counts of the job states. */
typedef struct state_counts
{
    size_t of[4];
} state_counts;

/* Count the states of all jobs; lists the failed ones on stdout when `list_failed`. */
static state_counts
count_states(const char* dir, const campaign* c, int list_failed)
{
    state_counts s = {{0}};
    size_t n = job_count(c);
    for (size_t j = 0; j < n; j++)
    {
        job_state st = state_of(dir, c, j);
        s.of[st]++;
        if (list_failed && st == JOB_FAILED)
        {
            char* f = job_file(dir, c, j, "failed");
            char* why = NULL;
            pm_error err;
            if (pm_text_read_file(f, &why, NULL, &err) == PM_OK)
            {
                why[strcspn(why, "\n")] = '\0';
            }
            char* jd = job_dir(dir, c, j);
            printf("  failed: %s (%s; see its stderr)\n", jd, why ? why : "?");
            free(jd);
            free(why);
            free(f);
        }
    }
    return s;
}

/* Print one status line. */
static void
print_counts(const char* dir, const campaign* c, state_counts s)
{
    printf("%s: %zu jobs: %zu done, %zu failed, %zu unfinished (running or killed), %zu pending\n",
           dir,
           job_count(c),
           s.of[JOB_DONE],
           s.of[JOB_FAILED],
           s.of[JOB_UNFINISHED],
           s.of[JOB_PENDING]);
}

/* `packmime-sweep status DIR`. */
static int
status_command(const char* dir)
{
    campaign c;
    load_campaign(dir, &c);
    state_counts s = count_states(dir, &c, 1);
    print_counts(dir, &c, s);
    int all = s.of[JOB_DONE] == job_count(&c);
    free_campaign(&c);
    return all ? 0 : EXIT_RUNTIME;
}

/* Parse one campaign option (from argv or a -f file); returns 1 if it was one. */
static int
campaign_option(campaign* c, const char* key, const char* value, const char* where)
{
    static const pm_number_range runs_range = {1, 10000, PM_NUMBER_INTEGER};
    static const pm_number_range first_range = {0, 4294967295.0, PM_NUMBER_INTEGER};
    if (strcmp(key, "program") == 0)
    {
        free(c->program);
        c->program = xstrdup(value);
    }
    else if (strcmp(key, "param") == 0)
    {
        add_param(c, value, where);
    }
    else if (strcmp(key, "runs") == 0)
    {
        c->runs = (unsigned long)pm_cli_number(tool, where, value, runs_range);
    }
    else if (strcmp(key, "first-run") == 0)
    {
        c->first_run = (unsigned long)pm_cli_number(tool, where, value, first_range);
    }
    else if (strcmp(key, "arg") == 0)
    {
        push_string(&c->args, &c->nargs, value);
    }
    else
    {
        return 0;
    }
    return 1;
}

/* Read a -f campaign file into c. */
static void
read_campaign_file(const char* path, campaign* c)
{
    char* text = NULL;
    pm_error err;
    if (pm_text_read_file(path, &text, NULL, &err) != PM_OK)
    {
        usage_error("-f: %s", err.message);
    }
    size_t lineno = 0;
    for (char *line = (char*)pm_text_skip_bom(text), *next; line && *line; line = next)
    {
        lineno++;
        next = strchr(line, '\n');
        if (next)
        {
            *next++ = '\0';
        }
        pm_text_field f = pm_text_trim(line, strlen(line));
        if (f.len == 0 || f.start[0] == '#')
        {
            continue;
        }
        char* l = xrealloc(NULL, f.len + 1);
        memcpy(l, f.start, f.len);
        l[f.len] = '\0';
        size_t k = strcspn(l, " \t");
        char* value = l + k;
        if (*value)
        {
            *value++ = '\0';
            value += strspn(value, " \t");
        }
        char* where = format("%s:%zu: %s", path, lineno, l);
        if (*value == '\0' || !campaign_option(c, l, value, where))
        {
            usage_error("%s:%zu: expected 'program PROG', 'param NAME=V1,V2', 'runs R', "
                        "'first-run N' or 'arg ARG'",
                        path,
                        lineno);
        }
        free(where);
        free(l);
    }
    free(text);
}

/* A fixed argument must not set what the sweep sets (the swept parameters, RngRun, outdir). */
static void
check_fixed_args(const campaign* c)
{
    for (size_t i = 0; i < c->nargs; i++)
    {
        const char* a = c->args[i];
        if (strncmp(a, "--", 2) != 0)
        {
            continue;
        }
        size_t n = strcspn(a + 2, "=");
        int clash = (n == 6 && strncmp(a + 2, "RngRun", 6) == 0) ||
                    (n == 6 && strncmp(a + 2, "outdir", 6) == 0);
        for (size_t p = 0; p < c->nparams && !clash; p++)
        {
            clash = strlen(c->params[p].name) == n && strncmp(a + 2, c->params[p].name, n) == 0;
        }
        if (clash)
        {
            usage_error("argument '%s' sets what the sweep sets (a swept parameter, RngRun or "
                        "outdir)",
                        a);
        }
    }
}

/* Create DIR with its campaign file, or check that the existing one is the same campaign. */
static void
create_or_resume(const char* dir, const campaign* c)
{
    char* text = campaign_text(c);
    char* path = format("%s/campaign", dir);
    if (pm_cli_exists(path))
    {
        char* old = NULL;
        pm_error err;
        if (pm_text_read_file(path, &old, NULL, &err) != PM_OK)
        {
            die("%s", err.message);
        }
        if (strcmp(old, text) != 0)
        {
            usage_error("%s holds a different campaign (see %s); give the same program, "
                        "parameters, runs and arguments to resume it, or another -o",
                        dir,
                        path);
        }
        free(old);
    }
    else
    {
        make_dirs(dir);
        char* jobs = format("%s/jobs", dir);
        make_dirs(jobs);
        free(jobs);
        write_file(path, text);
    }
    free(path);
    free(text);
}

/* Indices of the jobs that are not done. */
static size_t*
unfinished_jobs(const char* dir, const campaign* c, size_t* count)
{
    size_t n = job_count(c);
    size_t* list = xrealloc(NULL, n * sizeof(size_t));
    *count = 0;
    for (size_t j = 0; j < n; j++)
    {
        if (state_of(dir, c, j) != JOB_DONE)
        {
            list[(*count)++] = j;
        }
    }
    return list;
}

/* 1 if an executable of this name is on PATH. */
static int
on_path(const char* name)
{
    char* found = pm_cli_find_executable(tool, name, getenv("PATH"));
    int ok = found != NULL;
    free(found);
    return ok;
}

/* Run the unfinished jobs through GNU parallel. */
static void
run_parallel(const run_options* o, const size_t* list, size_t count)
{
    if (!on_path("parallel"))
    {
        die("GNU parallel is not installed (Debian package 'parallel'); install it, or "
            "use --slurm");
    }
    char* pending = format("%s/pending", o->dir);
    FILE* f = fopen(pending, "w");
    if (!f)
    {
        die("cannot write '%s': %s", pending, strerror(errno));
    }
    for (size_t i = 0; i < count; i++)
    {
        fprintf(f, "%zu\n", list[i]);
    }
    if (fclose(f) != 0)
    {
        die("cannot write '%s': %s", pending, strerror(errno));
    }
    char* self = self_path();
    char* jobs = format("%ld", o->jobs);
    char* joblog = format("+%s/parallel.joblog", o->dir);
    char* argv[] = {"parallel",
                    "--will-cite",
                    "--jobs",
                    jobs,
                    "--joblog",
                    joblog,
                    self,
                    "job",
                    (char*)o->dir,
                    "{}",
                    "::::",
                    pending,
                    NULL};
    pm_cli_run(tool, argv, NULL); /* its status counts failed jobs; the markers say which */
    free(joblog);
    free(jobs);
    free(self);
    free(pending);
}

/* Job numbers as Slurm's --array wants them: "0-3,7,9-12". */
static char*
array_ranges(const size_t* list, size_t count)
{
    char* s = xstrdup("");
    for (size_t i = 0; i < count;)
    {
        size_t k = i;
        while (k + 1 < count && list[k + 1] == list[k] + 1)
        {
            k++;
        }
        char* t = k > i ? format("%s%s%zu-%zu", s, *s ? "," : "", list[i], list[k])
                        : format("%s%s%zu", s, *s ? "," : "", list[i]);
        free(s);
        s = t;
        i = k + 1;
    }
    return s;
}

/* Write DIR/slurm.sbatch for the unfinished jobs and submit it when sbatch exists. */
static void
run_slurm(const run_options* o, const size_t* list, size_t count)
{
    char* self = self_path();
    char* ranges = array_ranges(list, count);
    char* throttle = o->slurm_max ? format("%%%lu", o->slurm_max) : xstrdup("");
    char* logs = format("%s/slurm", o->dir);
    make_dirs(logs);
    char* qself = shell_quote(self);
    char* qdir = shell_quote(o->dir);
    char* script =
        format("#!/bin/sh\n"
               "# packmime-sweep: one array task per job; the task id is the job number.\n"
               "#SBATCH --job-name=packmime-sweep\n"
               "#SBATCH --array=%s%s\n"
               "#SBATCH --ntasks=1\n"
               "#SBATCH --cpus-per-task=1\n"
               "#SBATCH --output=%s/%%A_%%a.out\n",
               ranges,
               throttle,
               logs);
    for (size_t i = 0; i < o->nsbatch; i++)
    {
        char* t = format("%s#SBATCH %s\n", script, o->sbatch[i]);
        free(script);
        script = t;
    }
    char* t = format("%sexec %s job %s \"$SLURM_ARRAY_TASK_ID\"\n", script, qself, qdir);
    free(script);
    script = t;
    char* path = format("%s/slurm.sbatch", o->dir);
    write_file(path, script);
    if (!on_path("sbatch"))
    {
        printf("%s: wrote %s (%zu array tasks); sbatch is not on PATH: submit it on the "
               "cluster with 'sbatch %s', then 'packmime-sweep status %s'\n",
               tool,
               path,
               count,
               path,
               o->dir);
    }
    else
    {
        char* argv[] = {"sbatch", path, NULL};
        printf("%s: submitting %s (%zu array tasks)\n", tool, path, count);
        if (pm_cli_run(tool, argv, NULL) != 0)
        {
            die("sbatch %s failed (see above)", path);
        }
        printf("%s: follow it with 'packmime-sweep status %s'; then 'packmime-sweep collect "
               "%s'\n",
               tool,
               o->dir,
               o->dir);
    }
    free(path);
    free(script);
    free(qdir);
    free(qself);
    free(logs);
    free(throttle);
    free(ranges);
    free(self);
}

/* The default `run` command: create or resume a campaign and run what is not done. */
static int
run_campaign(int argc, char** argv)
{
    enum
    {
        OPT_PROGRAM = 256,
        OPT_PARAM,
        OPT_RUNS,
        OPT_FIRST_RUN,
        OPT_SLURM,
        OPT_SLURM_MAX,
        OPT_SBATCH,
        OPT_DRY_RUN
    };
    static const struct option long_options[] = {
        {"program", required_argument, NULL, OPT_PROGRAM},
        {"param", required_argument, NULL, OPT_PARAM},
        {"runs", required_argument, NULL, OPT_RUNS},
        {"first-run", required_argument, NULL, OPT_FIRST_RUN},
        {"outdir", required_argument, NULL, 'o'},
        {"jobs", required_argument, NULL, 'j'},
        {"slurm", no_argument, NULL, OPT_SLURM},
        {"slurm-max", required_argument, NULL, OPT_SLURM_MAX},
        {"sbatch", required_argument, NULL, OPT_SBATCH},
        {"dry-run", no_argument, NULL, OPT_DRY_RUN},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    static const pm_number_range jobs_range = {1, 4096, PM_NUMBER_INTEGER};
    static const pm_number_range max_range = {1, 1e6, PM_NUMBER_INTEGER};
    campaign c = {0};
    c.runs = 1;
    c.first_run = 1;
    run_options o = {0};
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    o.jobs = cpus > 0 ? cpus : 1;
    const char* file = NULL;
    int jobs_given = 0;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, "+:o:j:f:h", long_options, NULL)) != -1)
    {
        switch (opt)
        {
        case OPT_PROGRAM:
            campaign_option(&c, "program", optarg, "--program");
            break;
        case OPT_PARAM:
            campaign_option(&c, "param", optarg, "--param");
            break;
        case OPT_RUNS:
            campaign_option(&c, "runs", optarg, "--runs");
            break;
        case OPT_FIRST_RUN:
            campaign_option(&c, "first-run", optarg, "--first-run");
            break;
        case 'o':
            o.dir = optarg;
            break;
        case 'j':
            o.jobs = (long)pm_cli_number(tool, "--jobs", optarg, jobs_range);
            jobs_given = 1;
            break;
        case 'f':
            file = optarg;
            break;
        case OPT_SLURM:
            o.slurm = 1;
            break;
        case OPT_SLURM_MAX:
            o.slurm_max = (unsigned long)pm_cli_number(tool, "--slurm-max", optarg, max_range);
            break;
        case OPT_SBATCH:
            if (strchr(optarg, '\n'))
            {
                usage_error("--sbatch: a line without newlines expected");
            }
            push_string(&o.sbatch, &o.nsbatch, optarg);
            break;
        case OPT_DRY_RUN:
            o.dry_run = 1;
            break;
        case 'h':
            fputs(usage_text, stdout);
            exit(0);
        case ':':
            usage_error("option %s requires a value", argv[optind - 1]);
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (file)
    {
        read_campaign_file(file, &c);
    }
    /* Options are not permuted ("+"): parsing stops at "--" or at the first other word. */
    if (optind < argc && strcmp(argv[optind - 1], "--") != 0)
    {
        usage_error("unexpected argument '%s' (the program's fixed arguments go after '--')",
                    argv[optind]);
    }
    for (int i = optind; i < argc; i++)
    {
        push_string(&c.args, &c.nargs, argv[i]);
    }
    if (!o.dir)
    {
        usage_error("-o DIR is required (the campaign directory)");
    }
    if (!c.program)
    {
        usage_error("--program is required (e.g. --program packmime-flows)");
    }
    if (o.slurm && jobs_given)
    {
        usage_error("-j and --slurm exclude each other (Slurm decides where jobs run)");
    }
    if (!o.slurm && (o.slurm_max || o.nsbatch))
    {
        usage_error("--slurm-max and --sbatch need --slurm");
    }
    char* program = resolve_program(c.program);
    free(c.program);
    c.program = program;
    check_job_count(&c);
    check_fixed_args(&c);
    /* Absolute, so that the commands work from any directory and on any Slurm node. A dry
     * run of a new campaign creates nothing. */
    char dir[PATH_MAX];
    if (o.dry_run && !pm_cli_exists(o.dir))
    {
        char cwd[PATH_MAX];
        if (o.dir[0] != '/' && !getcwd(cwd, sizeof(cwd)))
        {
            die("cannot get the current directory: %s", strerror(errno));
        }
        if (snprintf(dir,
                     sizeof(dir),
                     "%s%s%s",
                     o.dir[0] == '/' ? "" : cwd,
                     o.dir[0] == '/' ? "" : "/",
                     o.dir) >= (int)sizeof(dir))
        {
            usage_error("-o '%s': path too long", o.dir);
        }
        o.dir = dir;
    }
    else
    {
        make_dirs(o.dir);
        if (!realpath(o.dir, dir))
        {
            die("%s: %s", o.dir, strerror(errno));
        }
        o.dir = dir;
        create_or_resume(o.dir, &c);
    }

    size_t count;
    size_t* list = unfinished_jobs(o.dir, &c, &count);
    state_counts before = count_states(o.dir, &c, 0);
    printf("%s: %s: %zu jobs (%zu points x %lu runs): %zu done before, %s %zu "
           "(%zu failed, %zu unfinished before)\n",
           tool,
           o.dir,
           job_count(&c),
           job_count(&c) / c.runs,
           c.runs,
           before.of[JOB_DONE],
           o.dry_run ? "would run" : "running",
           count,
           before.of[JOB_FAILED],
           before.of[JOB_UNFINISHED]);
    if (o.dry_run)
    {
        for (size_t i = 0; i < count; i++)
        {
            char* line = job_command_line(o.dir, &c, list[i]);
            printf("%s\n", line);
            free(line);
        }
    }
    else if (count > 0 && o.slurm)
    {
        run_slurm(&o, list, count);
    }
    else if (count > 0)
    {
        run_parallel(&o, list, count);
    }
    int rc = 0;
    if (!o.dry_run && !o.slurm)
    {
        state_counts s = count_states(o.dir, &c, 1);
        print_counts(o.dir, &c, s);
        rc = s.of[JOB_DONE] == job_count(&c) ? 0 : EXIT_RUNTIME;
    }
    free(list);
    free_strings(o.sbatch, o.nsbatch);
    free_campaign(&c);
    return rc;
}

/* ---- collect ------------------------------------------------------------------------------ */

/** The union of the summary fields over all jobs, in order of first appearance. */
typedef struct field_set
{
    char** names;
    size_t count;
    int* numeric; /* 1 while every value seen is a number (or null) */
} field_set;

/* Index of a field name, adding it if new; tries *hint first (the jobs of one program write the
 * same fields in the same order, so collecting stays linear in jobs x fields). */
static size_t
field_index(field_set* f, const char* name, size_t* hint)
{
    if (*hint < f->count && strcmp(f->names[*hint], name) == 0)
    {
        return (*hint)++;
    }
    for (size_t i = 0; i < f->count; i++)
    {
        if (strcmp(f->names[i], name) == 0)
        {
            *hint = i + 1;
            return i;
        }
    }
    push_string(&f->names, &f->count, name);
    f->numeric = xrealloc(f->numeric, f->count * sizeof(int));
    f->numeric[f->count - 1] = 1;
    *hint = f->count;
    return f->count - 1;
}

/* The field at path in doc, trying position *hint first (as field_index). */
static const pm_json_field*
find_field(const pm_json_doc* doc, const char* path, size_t* hint)
{
    if (*hint < doc->count && strcmp(doc->fields[*hint].path, path) == 0)
    {
        return &doc->fields[(*hint)++];
    }
    const pm_json_field* f = pm_json_find(doc, path);
    if (f)
    {
        *hint = (size_t)(f - doc->fields) + 1;
    }
    return f;
}

/* Write a CSV field, quoted when it holds a comma, quote or newline. */
static void
csv_field(FILE* out, const char* s)
{
    if (!strpbrk(s, ",\"\n\r"))
    {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++)
    {
        if (*s == '"')
        {
            fputc('"', out);
        }
        fputc(*s, out);
    }
    fputc('"', out);
}

/* Write a JSON leaf as CSV text (numbers with 10 significant digits; null is empty). */
static void
csv_value(FILE* out, const pm_json_field* v)
{
    if (!v || v->kind == PM_JSON_NULL)
    {
        return;
    }
    if (v->kind == PM_JSON_STRING)
    {
        csv_field(out, v->text);
    }
    else
    {
        fprintf(out, "%.10g", v->number);
    }
}

/* Open a file for writing or die. */
static FILE*
open_out(const char* path)
{
    FILE* f = fopen(path, "w");
    if (!f)
    {
        die("cannot write '%s': %s", path, strerror(errno));
    }
    return f;
}

/* Close a written file or die (a full disk shows here). */
static void
close_out(FILE* f, const char* path)
{
    if (ferror(f) | (fclose(f) != 0))
    {
        die("error writing '%s'", path);
    }
}

/* `packmime-sweep collect DIR`. */
static int
collect_command(const char* dir)
{
    campaign c;
    load_campaign(dir, &c);
    size_t n = job_count(&c);
    pm_json_doc* docs = xrealloc(NULL, n * sizeof(pm_json_doc));
    job_state* states = xrealloc(NULL, n * sizeof(job_state));
    field_set fields = {0};
    size_t done = 0;
    for (size_t j = 0; j < n; j++)
    {
        docs[j] = (pm_json_doc){0};
        states[j] = state_of(dir, &c, j);
        if (states[j] != JOB_DONE)
        {
            continue;
        }
        char* path = job_file(dir, &c, j, "out/summary.json");
        pm_error err;
        if (pm_json_read_file(path, &docs[j], &err) != PM_OK)
        {
            die("%s", err.message);
        }
        free(path);
        done++;
        size_t hint = 0;
        for (size_t k = 0; k < docs[j].count; k++)
        {
            size_t i = field_index(&fields, docs[j].fields[k].path, &hint);
            if (docs[j].fields[k].kind == PM_JSON_STRING)
            {
                fields.numeric[i] = 0;
            }
        }
    }

    /* results.csv: one row per job. */
    char* results = format("%s/results.csv", dir);
    FILE* out = open_out(results);
    fputs("job,status", out);
    for (size_t p = 0; p < c.nparams; p++)
    {
        fputc(',', out);
        csv_field(out, c.params[p].name);
    }
    fputs(",RngRun", out);
    for (size_t i = 0; i < fields.count; i++)
    {
        fputc(',', out);
        csv_field(out, fields.names[i]);
    }
    fputc('\n', out);
    static const char* state_names[] = {"pending", "unfinished", "failed", "done"};
    for (size_t j = 0; j < n; j++)
    {
        fprintf(out, "%zu,%s", j, state_names[states[j]]);
        for (size_t p = 0; p < c.nparams; p++)
        {
            fputc(',', out);
            csv_field(out, c.params[p].values[value_index(&c, j, p)]);
        }
        fprintf(out, ",%lu", job_run(&c, j));
        size_t hint = 0;
        for (size_t i = 0; i < fields.count; i++)
        {
            fputc(',', out);
            csv_value(out, find_field(&docs[j], fields.names[i], &hint));
        }
        fputc('\n', out);
    }
    close_out(out, results);

    /* summary-ci.csv: per point and numeric field, mean and Student-t 95 % interval. */
    char* ci = format("%s/summary-ci.csv", dir);
    out = open_out(ci);
    for (size_t p = 0; p < c.nparams; p++)
    {
        csv_field(out, c.params[p].name);
        fputc(',', out);
    }
    fputs("field,n,mean,sd,ci95_half,ci95_low,ci95_high\n", out);
    size_t points = n / c.runs;
    size_t rows = 0;
    double* x = xrealloc(NULL, c.runs * sizeof(double));
    size_t* hints = xrealloc(NULL, c.runs * sizeof(size_t));
    for (size_t pt = 0; pt < points; pt++)
    {
        memset(hints, 0, c.runs * sizeof(size_t));
        for (size_t i = 0; i < fields.count; i++)
        {
            if (!fields.numeric[i])
            {
                continue;
            }
            size_t m = 0;
            for (size_t r = 0; r < c.runs; r++)
            {
                const pm_json_field* v =
                    find_field(&docs[pt * c.runs + r], fields.names[i], &hints[r]);
                if (v && v->kind != PM_JSON_NULL)
                {
                    x[m++] = v->number;
                }
            }
            if (m == 0)
            {
                continue;
            }
            double mean = 0;
            for (size_t k = 0; k < m; k++)
            {
                mean += x[k];
            }
            mean /= (double)m;
            for (size_t p = 0; p < c.nparams; p++)
            {
                csv_field(out, c.params[p].values[value_index(&c, pt * c.runs, p)]);
                fputc(',', out);
            }
            csv_field(out, fields.names[i]);
            fprintf(out, ",%zu,%.10g", m, mean);
            if (m >= 2)
            {
                double ss = 0;
                for (size_t k = 0; k < m; k++)
                {
                    ss += (x[k] - mean) * (x[k] - mean);
                }
                double sd = sqrt(ss / (double)(m - 1));
                double half = gsl_cdf_tdist_Pinv(0.975, (double)(m - 1)) * sd / sqrt((double)m);
                fprintf(out, ",%.10g,%.10g,%.10g,%.10g", sd, half, mean - half, mean + half);
            }
            else
            {
                fputs(",,,,", out);
            }
            fputc('\n', out);
            rows++;
        }
    }
    close_out(out, ci);
    printf("%s: %zu jobs (%zu done): %s (%zu rows, %zu fields), %s (%zu rows: %zu points)\n",
           tool,
           n,
           done,
           results,
           n,
           fields.count,
           ci,
           rows,
           points);
    if (done < n)
    {
        printf("%s: %zu jobs are not done; their rows have status and parameters only "
               "(packmime-sweep status %s)\n",
               tool,
               n - done,
               dir);
    }
    free(x);
    free(hints);
    free(ci);
    free(results);
    for (size_t j = 0; j < n; j++)
    {
        pm_json_free(&docs[j]);
    }
    free(docs);
    free(states);
    free_strings(fields.names, fields.count);
    free(fields.numeric);
    free_campaign(&c);
    return 0;
}

int
main(int argc, char** argv)
{
    const char* sub = argc > 1 ? argv[1] : "";
    if (strcmp(sub, "status") == 0 || strcmp(sub, "collect") == 0)
    {
        if (argc != 3)
        {
            usage_error("usage: packmime-sweep %s DIR", sub);
        }
        return sub[0] == 's' ? status_command(argv[2]) : collect_command(argv[2]);
    }
    if (strcmp(sub, "job") == 0)
    {
        if (argc != 4)
        {
            usage_error("usage: packmime-sweep job DIR NUMBER (run by GNU parallel and Slurm)");
        }
        return run_job(argv[2], argv[3]);
    }
    return run_campaign(argc, argv);
}
