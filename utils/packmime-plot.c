/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-plot: the figures of a paper from a run's CSVs or a sweep's summary-ci.csv, as
 * gnuplot data + script pairs rendered to PNG and PDF.
 */
#define PM_CLI_SHORTHANDS
#include "pm-cli.h"
#include "pm-error.h"
#include "pm-http.h"
#include "pm-json.h"
#include "pm-stats.h"
#include "pm-text.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

enum
{
    EXIT_RUNTIME = 1,
    EXIT_USAGE = PM_CLI_EXIT_USAGE
};

static const char tool[] = "packmime-plot";

static const char usage_text[] =
    "usage: packmime-plot DIR [-o OUTDIR] [--format png,pdf] [--no-render]\n"
    "                     [--x PARAM] [--by PARAM] [--where PARAM=VALUE]... [--y FIELD]...\n"
    "\n"
    "Draws the standard figures of what DIR holds, each as NAME.dat (the plotted data,\n"
    "columns named in its header), NAME.gp (the gnuplot script: restyle it and run\n"
    "'gnuplot NAME.gp' in OUTDIR), NAME.png and NAME.pdf (gnuplot's cairo terminals):\n"
    "\n"
    "  packmime-flows output (flows.csv, summary.json):\n"
    "    fct-slowdown       FCT slowdown p50 and p99 against flow size, in 10 size bins of\n"
    "                       equal flow counts (completed flows; log-log)\n"
    "    fct-cdf            CDF of flow completion times (ms, log x; at most 1000 points)\n"
    "    load-over-time     offered and delivered load per 1/50 of the run (bytes of the\n"
    "                       flows started / completed; fraction of the host links, from\n"
    "                       summary.json's target), with the target\n"
    "  packmime-http output (pairs.csv, connections.csv, summary.json):\n"
    "    response-time-cdf  CDF of response times (ms, log x; at most 1000 points)\n"
    "    request-size-ccdf, response-size-ccdf\n"
    "                       P(size > x) of the run against the model's exact law at the run's\n"
    "                       rate (log-log; the law is the HTTP/1.0 marginal)\n"
    "    activity-over-time active connections and offered Mb/s (requests + responses of the\n"
    "                       connections started) per 1/50 of the run\n"
    "  a packmime-sweep campaign after 'packmime-sweep collect' (summary-ci.csv):\n"
    "    sweep-FIELD        mean of FIELD against --x, one line per value of --by, with the\n"
    "                       95 % confidence interval as error bars\n"
    "\n"
    "  -o, --outdir D     where the figures go (default: DIR, beside the CSVs)\n"
    "  --format LIST      png, pdf or png,pdf (default)\n"
    "  --no-render        write the data and scripts only (no gnuplot needed)\n"
    "  --x PARAM          sweep: the x axis (default: the first parameter)\n"
    "  --by PARAM         sweep: one line per value (default: the second parameter, if any)\n"
    "  --where P=V        sweep: keep the points with P = V (for the other parameters)\n"
    "  --y FIELD          sweep: a summary field to plot (repeatable; default: p99 slowdown\n"
    "                     per size bucket and achieved load for packmime-flows, p99 response\n"
    "                     time and bottleneck utilization for packmime-http)\n"
    "  -h, --help         show this help\n"
    "\n"
    "Exit status: 0 success, 1 runtime error (also: gnuplot missing, after writing the data\n"
    "and scripts), 2 usage error.\n";

/** Most points drawn for a CDF (quantiles of the sample when it is larger). */
#define CDF_POINTS   1000
/** Size bins of the slowdown figure, and time bins of the over-time figures. */
#define SIZE_BINS    10
#define TIME_BINS    50
/** Points of a model curve. */
#define MODEL_POINTS 200

/** Options. */
typedef struct options
{
    const char* dir;
    const char* outdir;
    int png;
    int pdf;
    int render;
    const char* x;
    const char* by;
    char** where;
    size_t nwhere;
    char** y;
    size_t ny;
} options;

/* ---- CSV ---------------------------------------------------------------------------------- */

/** A CSV file read whole: header names and rows of fields (pointers into `text`). */
typedef struct csv_table
{
    char* path;
    char* text;
    char** header;
    size_t ncols;
    char** cells;  /* nrows * ncols */
    size_t* lines; /* line number of each row */
    size_t nrows;
} csv_table;

/* Split one CSV line in place (quotes removed, "" unescaped) into at most max fields. */
static size_t
split_csv(char* line, char** fields, size_t max)
{
    size_t n = 0;
    char* p = line;
    for (;;)
    {
        char* out = p;
        char* start = p;
        if (*p == '"')
        {
            p++;
            while (*p && !(*p == '"' && p[1] != '"'))
            {
                if (*p == '"')
                {
                    p++;
                }
                *out++ = *p++;
            }
            if (*p == '"')
            {
                p++;
            }
        }
        else
        {
            while (*p && *p != ',')
            {
                *out++ = *p++;
            }
        }
        char sep = *p;
        *out = '\0';
        if (n < max)
        {
            fields[n] = start;
        }
        n++;
        if (sep != ',')
        {
            return n;
        }
        p++;
    }
}

/* Read a CSV file with a header line; every row must have the header's number of fields. */
static void
read_csv(const char* path, csv_table* t)
{
    pm_error err;
    *t = (csv_table){0};
    t->path = format("%s", path);
    if (pm_text_read_file(path, &t->text, NULL, &err) != PM_OK)
    {
        die("%s", err.message);
    }
    size_t cap = 0;
    size_t lineno = 0;
    for (char *line = (char*)pm_text_skip_bom(t->text), *next; line && *line; line = next)
    {
        lineno++;
        next = strchr(line, '\n');
        if (next)
        {
            *next++ = '\0';
        }
        line[strcspn(line, "\r")] = '\0';
        if (*line == '\0')
        {
            continue;
        }
        if (!t->header)
        {
            char* copy = format("%s", line);
            t->ncols = split_csv(copy, NULL, 0);
            free(copy);
            t->header = xrealloc(NULL, t->ncols * sizeof(char*));
            split_csv(line, t->header, t->ncols);
            continue;
        }
        if (t->nrows == cap)
        {
            cap = cap ? cap * 2 : 1024;
            if (cap > SIZE_MAX / (t->ncols * sizeof(char*)))
            {
                die("%s: too many rows", path);
            }
            t->cells = xrealloc(t->cells, cap * t->ncols * sizeof(char*));
            t->lines = xrealloc(t->lines, cap * sizeof(size_t));
        }
        size_t n = split_csv(line, t->cells + t->nrows * t->ncols, t->ncols);
        if (n != t->ncols)
        {
            die("%s:%zu: %zu fields, expected %zu as in the header", path, lineno, n, t->ncols);
        }
        t->lines[t->nrows++] = lineno;
    }
    if (!t->header)
    {
        die("%s: empty file (expected a CSV header line)", path);
    }
}

/* Column index of a name; dies naming the file when it is missing. */
static size_t
csv_column(const csv_table* t, const char* name)
{
    for (size_t i = 0; i < t->ncols; i++)
    {
        if (strcmp(t->header[i], name) == 0)
        {
            return i;
        }
    }
    die("%s: no column '%s'", t->path, name);
}

/* Cell of row r, column c. */
static const char*
csv_cell(const csv_table* t, size_t r, size_t c)
{
    return t->cells[r * t->ncols + c];
}

/* Cell as a number; NAN when empty; dies naming file, line and column when not a number. */
static double
csv_number(const csv_table* t, size_t r, size_t c)
{
    const char* s = csv_cell(t, r, c);
    if (*s == '\0')
    {
        return NAN;
    }
    double v;
    if (pm_text_parse_double((pm_text_field){s, strlen(s)}, &v) != 0)
    {
        die("%s:%zu: column %s: '%s' is not a number", t->path, t->lines[r], t->header[c], s);
    }
    return v;
}

/* Release a table. */
static void
free_csv(csv_table* t)
{
    free(t->path);
    free(t->text);
    free(t->header);
    free(t->cells);
    free(t->lines);
    *t = (csv_table){0};
}

/* ---- figures ------------------------------------------------------------------------------ */

/** One figure being written: its data file and script. */
typedef struct figure
{
    char* name;
    char* dat_path;
    char* gp_path;
    FILE* dat;
    size_t points;
} figure;

/** The figures written so far (rendered at the end). */
typedef struct figure_list
{
    char** names;
    size_t count;
} figure_list;

/* Start a figure: open OUTDIR/NAME.dat and write its header comment. */
static figure
figure_open(const options* o, const char* name, const char* columns)
{
    figure f = {0};
    f.name = format("%s", name);
    f.dat_path = format("%s/%s.dat", o->outdir, name);
    f.gp_path = format("%s/%s.gp", o->outdir, name);
    f.dat = fopen(f.dat_path, "w");
    if (!f.dat)
    {
        die("cannot write '%s': %s", f.dat_path, strerror(errno));
    }
    fprintf(f.dat, "# packmime-plot %s (from %s)\n# %s\n", name, o->dir, columns);
    return f;
}

/* Finish a figure: close the data, write the script around `plot` (gnuplot commands that draw
 * it), and add it to the list to render. */
static void
figure_close(const options* o, figure* f, const char* setup, const char* plot, figure_list* list)
{
    if (ferror(f->dat) | (fclose(f->dat) != 0))
    {
        die("error writing '%s'", f->dat_path);
    }
    FILE* gp = fopen(f->gp_path, "w");
    if (!gp)
    {
        die("cannot write '%s': %s", f->gp_path, strerror(errno));
    }
    fprintf(gp,
            "# packmime-plot: %s from %s.dat (%zu points). Restyle and run: gnuplot %s.gp\n"
            "set datafile separator whitespace\n"
            "set key top left box opaque\n"
            "set grid\n"
            "%s",
            f->name,
            f->name,
            f->points,
            f->name,
            setup);
    const char* sep = "";
    if (o->png)
    {
        fprintf(gp,
                "set terminal pngcairo noenhanced size 900,600 font 'DejaVu Sans,13'\n"
                "set output '%s.png'\n%s\n",
                f->name,
                plot);
        sep = "replot\n";
    }
    if (o->pdf)
    {
        fprintf(gp,
                "set terminal pdfcairo noenhanced size 6in,4in font 'DejaVu Sans,10'\n"
                "set output '%s.pdf'\n%s",
                f->name,
                o->png ? "" : plot);
        fputs(o->png ? sep : "\n", gp);
    }
    fputs("set output\n", gp);
    if (ferror(gp) | (fclose(gp) != 0))
    {
        die("error writing '%s'", f->gp_path);
    }
    list->names = xrealloc(list->names, (list->count + 1) * sizeof(char*));
    list->names[list->count++] = f->name;
    free(f->dat_path);
    free(f->gp_path);
}

/* Sort a copy of the finite values of x. */
static double*
sorted_finite(const double* x, size_t n, size_t* m)
{
    double* s = xrealloc(NULL, n * sizeof(double));
    *m = 0;
    for (size_t i = 0; i < n; i++)
    {
        if (isfinite(x[i]))
        {
            s[(*m)++] = x[i];
        }
    }
    pm_stats_sort(s, *m);
    return s;
}

/* Value of rank ceil(q n) (1-based) of a sorted sample: the empirical quantile at q. */
static double
rank_quantile(const double* sorted, size_t n, double q)
{
    size_t k = (size_t)ceil(q * (double)n - 1e-9);
    return sorted[k == 0 ? 0 : k - 1];
}

/* Write an empirical CDF of x (at most CDF_POINTS points: x, F(x)) as one data block. */
static void
write_cdf(figure* f, const double* sorted, size_t n)
{
    size_t points = n < CDF_POINTS ? n : CDF_POINTS;
    for (size_t k = 1; k <= points; k++)
    {
        double q = (double)k / (double)points;
        fprintf(f->dat, "%.10g %.10g\n", rank_quantile(sorted, n, q), q);
    }
    f->points += points;
}

/* Write an empirical CCDF: points (x_r, (n - r)/n) for every rank r when n <= CDF_POINTS,
 * else for ranks whose levels (n - r)/n are log-spaced from 1 down to 1/n, so that the tail
 * (the largest values) is drawn as finely as the body. */
static void
write_ccdf(figure* f, const double* sorted, size_t n)
{
    size_t last = SIZE_MAX;
    for (size_t k = 0; k < (n < CDF_POINTS ? n : CDF_POINTS); k++)
    {
        size_t r = k;
        if (n > CDF_POINTS)
        {
            double above = pow((double)n, 1.0 - (double)k / (CDF_POINTS - 1)); /* n .. 1 */
            r = n - (size_t)llround(above);
        }
        if (r == last)
        {
            continue;
        }
        last = r;
        fprintf(f->dat, "%.10g %.10g\n", sorted[r], (double)(n - r) / (double)n);
        f->points++;
    }
}

/* Number at a path of summary.json, or NAN (also when the file is absent). */
static double
summary_number(const pm_json_doc* s, const char* path)
{
    const pm_json_field* v = pm_json_find(s, path);
    return v && v->kind == PM_JSON_NUMBER ? v->number : NAN;
}

/* Read DIR/summary.json if it exists (an empty document otherwise). */
static void
read_summary(const char* dir, pm_json_doc* doc)
{
    char* path = format("%s/summary.json", dir);
    pm_error err;
    *doc = (pm_json_doc){0};
    if (pm_cli_exists(path) && pm_json_read_file(path, doc, &err) != PM_OK)
    {
        die("%s", err.message);
    }
    free(path);
}

/* Bin width and count of a time axis [0, end]. */
static double
time_bin_width(double end)
{
    return end > 0 ? end / TIME_BINS : 1.0;
}

/** A completed flow's size and slowdown. */
typedef struct sized_slowdown
{
    double size;
    double slowdown;
} sized_slowdown;

/* qsort order of sized_slowdown by size. */
static int
by_size(const void* a, const void* b)
{
    double x = ((const sized_slowdown*)a)->size;
    double y = ((const sized_slowdown*)b)->size;
    return (x > y) - (x < y);
}

/* Figures of a packmime-flows run. */
static void
plot_flows(const options* o, figure_list* list)
{
    char* path = format("%s/flows.csv", o->dir);
    csv_table t;
    read_csv(path, &t);
    free(path);
    pm_json_doc summary;
    read_summary(o->dir, &summary);
    size_t c_size = csv_column(&t, "size_bytes");
    size_t c_start = csv_column(&t, "start_time");
    size_t c_fct = csv_column(&t, "completion_time");
    size_t c_ok = csv_column(&t, "success");
    size_t c_slow = csv_column(&t, "slowdown");
    size_t n = t.nrows;
    double* size = xrealloc(NULL, n * sizeof(double));
    double* start = xrealloc(NULL, n * sizeof(double));
    double* fct_ms = xrealloc(NULL, n * sizeof(double));
    double* slow = xrealloc(NULL, n * sizeof(double));
    size_t done = 0;
    double end = 0;
    for (size_t r = 0; r < n; r++)
    {
        start[r] = csv_number(&t, r, c_start);
        size[r] = csv_number(&t, r, c_size); /* r >= done: overwrites nothing still needed */
        end = fmax(end, start[r]);
        if (csv_number(&t, r, c_ok) == 1)
        {
            /* Completed flows first: size[0..done) are theirs. */
            fct_ms[done] = csv_number(&t, r, c_fct) * 1e3;
            slow[done] = csv_number(&t, r, c_slow);
            size[done++] = size[r];
        }
    }
    if (done == 0)
    {
        die("%s/flows.csv: no completed flow to plot", o->dir);
    }

    /* Slowdown by size: completed flows sorted by size, SIZE_BINS bins of equal counts. */
    sized_slowdown* flows = xrealloc(NULL, done * sizeof(*flows));
    for (size_t i = 0; i < done; i++)
    {
        flows[i] = (sized_slowdown){size[i], slow[i]};
    }
    qsort(flows, done, sizeof(*flows), by_size);
    figure f = figure_open(o,
                           "fct-slowdown",
                           "columns: size_lo_bytes size_hi_bytes size_median_bytes flows "
                           "slowdown_p50 slowdown_p99");
    size_t bins = done < SIZE_BINS ? done : SIZE_BINS;
    double* s = xrealloc(NULL, done * sizeof(double));
    for (size_t b = 0; b < bins; b++)
    {
        size_t lo = b * done / bins;
        size_t hi = (b + 1) * done / bins;
        size_t m = 0;
        for (size_t i = lo; i < hi; i++)
        {
            if (isfinite(flows[i].slowdown))
            {
                s[m++] = flows[i].slowdown;
            }
        }
        pm_stats_sort(s, m);
        fprintf(f.dat,
                "%.10g %.10g %.10g %zu %.10g %.10g\n",
                flows[lo].size,
                flows[hi - 1].size,
                flows[lo + (hi - lo) / 2].size,
                hi - lo,
                m ? rank_quantile(s, m, 0.5) : NAN,
                m ? rank_quantile(s, m, 0.99) : NAN);
        f.points++;
    }
    figure_close(o,
                 &f,
                 "set title 'FCT slowdown by flow size (completed flows, 10 bins of equal "
                 "counts)'\n"
                 "set xlabel 'flow size (bytes; median of the bin)'\n"
                 "set ylabel 'slowdown (FCT / ideal FCT)'\n"
                 "set logscale xy\n",
                 "plot 'fct-slowdown.dat' using 3:6 with linespoints lw 2 pt 7 title 'p99', \\\n"
                 "     '' using 3:5 with linespoints lw 2 pt 5 title 'p50'",
                 list);

    size_t m;
    double* sorted = sorted_finite(fct_ms, done, &m);
    f = figure_open(o, "fct-cdf", "columns: fct_ms cumulative_fraction");
    write_cdf(&f, sorted, m);
    figure_close(o,
                 &f,
                 "set title 'Flow completion time (completed flows)'\n"
                 "set xlabel 'FCT (ms)'\nset ylabel 'fraction of flows'\n"
                 "set logscale x\nset yrange [0:1]\nset key bottom right\n",
                 "plot 'fct-cdf.dat' using 1:2 with steps lw 2 title 'CDF'",
                 list);
    free(sorted);

    /* Load over time: bytes of the flows started (offered) and completed (delivered) in each
     * bin, over the whole run (the last arrival, then the drain). */
    size_t c_end = csv_column(&t, "end_time");
    double run_end = end;
    for (size_t r = 0; r < n; r++)
    {
        run_end = fmax(run_end, csv_number(&t, r, c_end)); /* fmax ignores NAN (unfinished) */
    }
    double target_load = summary_number(&summary, "target_load");
    double target_bps = summary_number(&summary, "target_bps");
    double capacity = target_load > 0 && target_bps > 0 ? target_bps / target_load : NAN;
    double w = time_bin_width(run_end);
    double offered[TIME_BINS] = {0};
    double delivered[TIME_BINS] = {0};
    for (size_t r = 0; r < n; r++)
    {
        double bytes = csv_number(&t, r, c_size);
        size_t b = (size_t)(start[r] / w);
        offered[b < TIME_BINS ? b : TIME_BINS - 1] += bytes;
        if (csv_number(&t, r, c_ok) == 1)
        {
            b = (size_t)(csv_number(&t, r, c_end) / w);
            delivered[b < TIME_BINS ? b : TIME_BINS - 1] += bytes;
        }
    }
    f = figure_open(o,
                    "load-over-time",
                    "columns: time_s offered_gbps delivered_gbps offered_load delivered_load "
                    "target_load");
    for (size_t b = 0; b < TIME_BINS; b++)
    {
        double in = offered[b] * 8 / w;
        double out = delivered[b] * 8 / w;
        fprintf(f.dat,
                "%.10g %.10g %.10g %.10g %.10g %.10g\n",
                (b + 0.5) * w,
                in / 1e9,
                out / 1e9,
                in / capacity,
                out / capacity,
                target_load);
        f.points++;
    }
    figure_close(
        o,
        &f,
        isfinite(capacity)
            ? "set title 'Load over time (bytes of the flows started / completed per bin)'\n"
              "set xlabel 'time (s)'\nset ylabel 'load (fraction of host link capacity)'\n"
              "set yrange [0:*]\nset key top right\n"
            : "set title 'Traffic over time (bytes of the flows started / completed per bin)'\n"
              "set xlabel 'time (s)'\nset ylabel 'Gb/s'\nset yrange [0:*]\nset key top right\n",
        isfinite(capacity)
            ? "plot 'load-over-time.dat' using 1:4 with histeps lw 2 title 'offered', \\\n"
              "     '' using 1:5 with histeps lw 2 title 'delivered', \\\n"
              "     '' using 1:6 with lines dt 2 lw 2 title 'target'"
            : "plot 'load-over-time.dat' using 1:2 with histeps lw 2 title 'offered', \\\n"
              "     '' using 1:3 with histeps lw 2 title 'delivered'",
        list);

    free(s);
    free(flows);
    free(size);
    free(start);
    free(fct_ms);
    free(slow);
    pm_json_free(&summary);
    free_csv(&t);
}

/* A size CCDF of a packmime-http run against the model's law at the run's rate. */
static void
plot_size_ccdf(const options* o,
               const char* name,
               const char* what,
               const double* sorted,
               size_t n,
               pm_http_var var,
               double rate,
               figure_list* list)
{
    figure f = figure_open(o,
                           name,
                           "block 0 (run): size_bytes ccdf (every rank up to 1000 values, "
                           "else log-spaced levels); block 1 (model): size_bytes ccdf");
    write_ccdf(&f, sorted, n);
    int model = 0;
    pm_error err;
    if (isfinite(rate) && pm_http_check_rate(rate, &err) == PM_OK)
    {
        pm_http_options opt = {0};
        opt.rate = rate;
        fprintf(f.dat, "\n\n");
        /* P(X > x) from 0.999 down to 1e-5, log-spaced. */
        for (int k = 0; k < MODEL_POINTS; k++)
        {
            double ccdf = pow(10, log10(0.999) + (-5 - log10(0.999)) * k / (MODEL_POINTS - 1));
            fprintf(f.dat, "%.10g %.10g\n", pm_http_exact_quantile(var, &opt, 1 - ccdf), ccdf);
        }
        f.points += MODEL_POINTS;
        model = 1;
    }
    char* setup = format("set title '%s size: P(size > x), run vs model at %g conn/s'\n"
                         "set xlabel '%s size (bytes)'\nset ylabel 'P(size > x)'\n"
                         "set logscale xy\nset format y '%%g'\nset key bottom left\n",
                         what,
                         rate,
                         what);
    char* plot = format("plot '%s.dat' index 0 using 1:2 with points pt 7 ps 0.5 title 'run'%s",
                        name,
                        model ? ", \\\n     '' index 1 using 1:2 with lines lw 2 title "
                                "'model (HTTP/1.0 marginal)'"
                              : "");
    figure_close(o, &f, setup, plot, list);
    free(setup);
    free(plot);
}

/* Figures of a packmime-http run. */
static void
plot_http(const options* o, figure_list* list)
{
    pm_json_doc summary;
    read_summary(o->dir, &summary);
    double rate = summary_number(&summary, "rate");

    char* path = format("%s/pairs.csv", o->dir);
    csv_table t;
    read_csv(path, &t);
    free(path);
    size_t n = t.nrows;
    double* x = xrealloc(NULL, (n ? n : 1) * sizeof(double));
    size_t columns[3] = {csv_column(&t, "resp_time_ms"),
                         csv_column(&t, "req_bytes"),
                         csv_column(&t, "rsp_bytes")};
    if (n == 0)
    {
        die("%s/pairs.csv: no request-response pair to plot", o->dir);
    }
    for (int v = 0; v < 3; v++)
    {
        for (size_t r = 0; r < n; r++)
        {
            x[r] = csv_number(&t, r, columns[v]);
        }
        size_t m;
        double* sorted = sorted_finite(x, n, &m);
        if (v == 0)
        {
            figure f = figure_open(o, "response-time-cdf", "columns: response_time_ms fraction");
            write_cdf(&f, sorted, m);
            figure_close(o,
                         &f,
                         "set title 'Response time (request sent to response received)'\n"
                         "set xlabel 'response time (ms)'\nset ylabel 'fraction of responses'\n"
                         "set logscale x\nset yrange [0:1]\nset key bottom right\n",
                         "plot 'response-time-cdf.dat' using 1:2 with steps lw 2 title 'CDF'",
                         list);
        }
        else
        {
            plot_size_ccdf(o,
                           v == 1 ? "request-size-ccdf" : "response-size-ccdf",
                           v == 1 ? "Request" : "Response",
                           sorted,
                           m,
                           v == 1 ? PM_HTTP_REQ_SIZE : PM_HTTP_RSP_SIZE,
                           rate,
                           list);
        }
        free(sorted);
    }
    free(x);
    free_csv(&t);

    path = format("%s/connections.csv", o->dir);
    read_csv(path, &t);
    free(path);
    size_t c_start = csv_column(&t, "t_start");
    size_t c_closed = csv_column(&t, "t_closed");
    size_t c_req = csv_column(&t, "req_bytes_total");
    size_t c_rsp = csv_column(&t, "rsp_bytes_total");
    double end = 0;
    for (size_t r = 0; r < t.nrows; r++)
    {
        end = fmax(end, csv_number(&t, r, c_start));
    }
    double w = time_bin_width(end);
    double bytes[TIME_BINS] = {0};
    double active[TIME_BINS] = {0};
    for (size_t r = 0; r < t.nrows; r++)
    {
        double t0 = csv_number(&t, r, c_start);
        double t1 = csv_number(&t, r, c_closed); /* NAN: still open at the end */
        size_t b = (size_t)(t0 / w);
        bytes[b < TIME_BINS ? b : TIME_BINS - 1] +=
            csv_number(&t, r, c_req) + csv_number(&t, r, c_rsp);
        /* Active at the end of bin k when t0 <= (k + 1) w < t1. */
        for (size_t k = 0; k < TIME_BINS; k++)
        {
            double at = (k + 1) * w;
            active[k] += t0 <= at && !(t1 <= at);
        }
    }
    figure f = figure_open(o,
                           "activity-over-time",
                           "columns: time_s active_connections offered_mbps bin_width_s");
    for (size_t k = 0; k < TIME_BINS; k++)
    {
        fprintf(f.dat,
                "%.10g %.10g %.10g %.10g\n",
                (k + 1) * w,
                active[k],
                bytes[k] * 8 / w / 1e6,
                w);
        f.points++;
    }
    figure_close(o,
                 &f,
                 "set title 'Activity over time'\nset xlabel 'time (s)'\n"
                 "set ylabel 'active connections'\nset y2label 'offered (Mb/s)'\n"
                 "set ytics nomirror\nset y2tics\nset yrange [0:*]\nset y2range [0:*]\n"
                 "set key below\nset bmargin 7\n",
                 "plot 'activity-over-time.dat' using 1:2 with linespoints lw 2 pt 7 ps 0.6 "
                 "title 'active connections (at the end of each bin)', \\\n"
                 "     '' using ($1 - $4 / 2):3 axes x1y2 with histeps lw 2 title 'offered Mb/s "
                 "(connections started in the bin)'",
                 list);
    free_csv(&t);
    pm_json_free(&summary);
}

/* Unit of a summary field from its name's suffix, for axis labels. */
static const char*
field_unit(const char* field)
{
    static const struct
    {
        const char* suffix;
        const char* unit;
    } units[] = {{"_ms", " (ms)"},
                 {"_s", " (s)"},
                 {"_bps", " (b/s)"},
                 {"_mbps", " (Mb/s)"},
                 {"_bytes", " (bytes)"},
                 {"_load", " (fraction of link capacity)"},
                 {"utilization", " (fraction)"}};

    const char* base = strrchr(field, '.');
    base = base ? base + 1 : field;
    size_t n = strlen(base);
    for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
    {
        size_t k = strlen(units[i].suffix);
        if (n >= k && strcmp(base + n - k, units[i].suffix) == 0)
        {
            return units[i].unit;
        }
    }
    /* Arrays of numbers: response_time_ms_p50_p99[1] */
    return strstr(field, "_ms") ? " (ms)" : "";
}

/* A file name for a field: buckets[>=10MB].slowdown_p99 -> sweep-buckets-ge10MB.slowdown_p99
 * (comparisons spelled out, brackets dropped, other odd characters '_'). */
static char*
file_safe(const char* s)
{
    char* f = xrealloc(NULL, 6 + 2 * strlen(s) + 1);
    char* o = f + sprintf(f, "sweep-");
    for (; *s; s++)
    {
        if (*s == '<' || *s == '>')
        {
            int eq = s[1] == '=';
            o += sprintf(o, "%c%c", *s == '<' ? 'l' : 'g', eq ? 'e' : 't');
            s += eq;
        }
        else if (*s == '[')
        {
            *o++ = '-';
        }
        else if (*s != ']')
        {
            *o++ = strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", *s)
                       ? *s
                       : '_';
        }
    }
    *o = '\0';
    return f;
}

/* Index of a string in a list, or the list's size. */
static size_t
find_string(char** list, size_t n, const char* s)
{
    for (size_t i = 0; i < n; i++)
    {
        if (strcmp(list[i], s) == 0)
        {
            return i;
        }
    }
    return n;
}

/* Figures of a sweep: one per --y field. */
static void
plot_sweep(const options* o, figure_list* list)
{
    char* path = format("%s/summary-ci.csv", o->dir);
    if (!pm_cli_exists(path))
    {
        die("%s holds a campaign but no summary-ci.csv: run 'packmime-sweep collect %s' first",
            o->dir,
            o->dir);
    }
    csv_table t;
    read_csv(path, &t);
    size_t c_field = csv_column(&t, "field");
    size_t c_mean = csv_column(&t, "mean");
    size_t c_half = csv_column(&t, "ci95_half");
    size_t nparams = c_field;
    if (nparams == 0)
    {
        die("%s: the campaign has no --param to plot against", path);
    }
    const char* x = o->x ? o->x : t.header[0];
    const char* by = o->by ? o->by : (nparams > 1 ? t.header[1] : NULL);
    size_t cx = find_string(t.header, nparams, x);
    size_t cby = by ? find_string(t.header, nparams, by) : nparams;
    if (cx == nparams)
    {
        usage_error("--x '%s': not a parameter of the sweep", x);
    }
    if (by && (cby == nparams || cby == cx))
    {
        usage_error("--by '%s': not a parameter of the sweep other than --x", by);
    }
    /* Every other parameter must be fixed by --where. */
    size_t* where_col = xrealloc(NULL, (o->nwhere + 1) * sizeof(size_t));
    const char** where_val = xrealloc(NULL, (o->nwhere + 1) * sizeof(char*));
    for (size_t w = 0; w < o->nwhere; w++)
    {
        char* eq = strchr(o->where[w], '=');
        if (!eq)
        {
            usage_error("--where '%s': expected PARAM=VALUE", o->where[w]);
        }
        *eq = '\0';
        where_col[w] = find_string(t.header, nparams, o->where[w]);
        where_val[w] = eq + 1;
        if (where_col[w] == nparams || where_col[w] == cx || where_col[w] == cby)
        {
            usage_error("--where '%s': not a parameter of the sweep other than --x and --by",
                        o->where[w]);
        }
    }
    for (size_t p = 0; p < nparams; p++)
    {
        if (p != cx && p != cby)
        {
            size_t w = 0;
            while (w < o->nwhere && where_col[w] != p)
            {
                w++;
            }
            if (w == o->nwhere)
            {
                usage_error("the sweep's parameter '%s' is neither --x nor --by: fix it with "
                            "--where %s=VALUE",
                            t.header[p],
                            t.header[p]);
            }
        }
    }

    /* Fields to plot: --y, or the defaults of the program that is present. */
    static const char* defaults[] = {"buckets[<100KB].slowdown_p99",
                                     "buckets[100KB-10MB].slowdown_p99",
                                     "buckets[>=10MB].slowdown_p99",
                                     "achieved_load",
                                     "response_time_ms_p50_p99[1]",
                                     "bottleneck_utilization"};
    char** fields = NULL;
    size_t nfields = 0;
    int has_any = 0;
    for (size_t i = 0; i < (o->ny ? o->ny : sizeof(defaults) / sizeof(defaults[0])); i++)
    {
        const char* want = o->ny ? o->y[i] : defaults[i];
        int present = 0;
        for (size_t r = 0; r < t.nrows && !present; r++)
        {
            present = strcmp(csv_cell(&t, r, c_field), want) == 0;
        }
        if (!present && o->ny)
        {
            usage_error("--y '%s': not a numeric field of %s", want, path);
        }
        if (present)
        {
            fields = xrealloc(fields, (nfields + 1) * sizeof(char*));
            fields[nfields++] = (char*)want;
            has_any = 1;
        }
    }
    if (!has_any)
    {
        usage_error("none of the default fields is in %s: choose with --y FIELD (see its "
                    "'field' column)",
                    path);
    }

    for (size_t i = 0; i < nfields; i++)
    {
        /* Lines (values of --by) and x values in order of appearance. */
        char** lines = NULL;
        size_t nlines = 0;
        char** xs = NULL;
        size_t nxs = 0;
        int numeric_x = 1;
        double xmin = 0;
        double xmax = 0;
        for (size_t r = 0; r < t.nrows; r++)
        {
            const char* line = by ? csv_cell(&t, r, cby) : "";
            if (find_string(lines, nlines, line) == nlines)
            {
                lines = xrealloc(lines, (nlines + 1) * sizeof(char*));
                lines[nlines++] = (char*)line;
            }
            const char* xv = csv_cell(&t, r, cx);
            if (find_string(xs, nxs, xv) == nxs)
            {
                xs = xrealloc(xs, (nxs + 1) * sizeof(char*));
                xs[nxs++] = (char*)xv;
                double d;
                numeric_x &= pm_text_parse_double((pm_text_field){xv, strlen(xv)}, &d) == 0;
                xmin = nxs == 1 ? d : fmin(xmin, d);
                xmax = nxs == 1 ? d : fmax(xmax, d);
            }
        }
        /* Lines side by side: each shifted by 1 % of the x range (0.06 of a category), so that
         * error bars at the same x do not hide each other; the data file keeps the true x. */
        double shift = numeric_x ? 0.01 * (xmax - xmin) : 0.06;
        char* name = file_safe(fields[i]);
        figure f = figure_open(o,
                               name,
                               "one block per --by value; columns: x x_position mean ci95_half n");
        for (size_t l = 0; l < nlines; l++)
        {
            if (by)
            {
                fprintf(f.dat, "%s# %s = %s\n", l ? "\n\n" : "", by, lines[l]);
            }
            for (size_t r = 0; r < t.nrows; r++)
            {
                int keep = strcmp(csv_cell(&t, r, c_field), fields[i]) == 0 &&
                           (!by || strcmp(csv_cell(&t, r, cby), lines[l]) == 0);
                for (size_t w = 0; w < o->nwhere && keep; w++)
                {
                    keep = strcmp(csv_cell(&t, r, where_col[w]), where_val[w]) == 0;
                }
                if (!keep)
                {
                    continue;
                }
                double half = csv_number(&t, r, c_half);
                fprintf(f.dat,
                        "%s %zu %.10g %.10g %s\n",
                        csv_cell(&t, r, cx),
                        find_string(xs, nxs, csv_cell(&t, r, cx)),
                        csv_number(&t, r, c_mean),
                        isfinite(half) ? half : 0.0,
                        csv_cell(&t, r, csv_column(&t, "n")));
                f.points++;
            }
        }
        if (f.points == 0)
        {
            die("--where keeps no point of %s", path);
        }
        char* setup = format("set title '%s (mean, 95%% CI)'\nset xlabel '%s'\n"
                             "set ylabel '%s%s'\nset offsets graph 0.05, graph 0.05, 0, 0\n"
                             "%s",
                             fields[i],
                             x,
                             fields[i],
                             field_unit(fields[i]),
                             strstr(fields[i], "slowdown") ? "set logscale y\n" : "");
        char* plot = xrealloc(NULL, 1);
        plot[0] = '\0';
        for (size_t l = 0; l < nlines; l++)
        {
            char* title = by ? format("%s = %s", by, lines[l]) : format("%s", fields[i]);
            for (char* p = title; *p; p++)
            {
                *p = *p == '\'' ? '"' : *p;
            }
            double dx = shift * ((double)l - (double)(nlines - 1) / 2);
            char* add =
                format("%s%s '%s%s' index %zu using ($%d + %.6g):3:4%s with yerrorlines lw 2 "
                       "title '%s'",
                       plot,
                       l ? ", \\\n    " : "plot",
                       l ? "" : name,
                       l ? "" : ".dat",
                       l,
                       numeric_x ? 1 : 2,
                       dx,
                       numeric_x ? "" : ":xtic(1)",
                       title);
            free(title);
            free(plot);
            plot = add;
        }
        figure_close(o, &f, setup, plot, list);
        free(name);
        free(setup);
        free(plot);
        free(lines);
        free(xs);
    }
    free(fields);
    free(where_col);
    free(where_val);
    free_csv(&t);
    free(path);
}

/* Run gnuplot on every figure's script inside the output directory. */
static int
render(const options* o, const figure_list* list)
{
    int failed = 0;
    for (size_t i = 0; i < list->count; i++)
    {
        char* script = format("%s.gp", list->names[i]);
        char* argv[] = {"gnuplot", script, NULL};
        pm_cli_io io = {o->outdir, NULL, NULL};
        int rc = pm_cli_run(tool, argv, &io);
        if (rc == PM_CLI_NOT_RUN)
        {
            fprintf(stderr,
                    "%s: gnuplot is not installed (Debian package gnuplot-nox); the data and "
                    "scripts are in %s: run 'gnuplot NAME.gp' there once it is\n",
                    tool,
                    o->outdir);
            free(script);
            return EXIT_RUNTIME;
        }
        if (rc != 0)
        {
            fprintf(stderr, "%s: gnuplot failed on %s/%s\n", tool, o->outdir, script);
            failed = 1;
        }
        free(script);
    }
    return failed ? EXIT_RUNTIME : 0;
}

/* Parse argv into o; exits on usage errors. */
static void
parse_options(int argc, char** argv, options* o)
{
    enum
    {
        OPT_FORMAT = 256,
        OPT_NO_RENDER,
        OPT_X,
        OPT_BY,
        OPT_WHERE,
        OPT_Y
    };
    static const struct option long_options[] = {{"outdir", required_argument, NULL, 'o'},
                                                 {"format", required_argument, NULL, OPT_FORMAT},
                                                 {"no-render", no_argument, NULL, OPT_NO_RENDER},
                                                 {"x", required_argument, NULL, OPT_X},
                                                 {"by", required_argument, NULL, OPT_BY},
                                                 {"where", required_argument, NULL, OPT_WHERE},
                                                 {"y", required_argument, NULL, OPT_Y},
                                                 {"help", no_argument, NULL, 'h'},
                                                 {NULL, 0, NULL, 0}};
    o->png = o->pdf = o->render = 1;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:h", long_options, NULL)) != -1)
    {
        switch (c)
        {
        case 'o':
            o->outdir = optarg;
            break;
        case OPT_FORMAT:
            o->png = strcmp(optarg, "png") == 0 || strcmp(optarg, "png,pdf") == 0 ||
                     strcmp(optarg, "pdf,png") == 0;
            o->pdf = strcmp(optarg, "pdf") == 0 || strcmp(optarg, "png,pdf") == 0 ||
                     strcmp(optarg, "pdf,png") == 0;
            if (!o->png && !o->pdf)
            {
                usage_error("--format '%s': expected png, pdf or png,pdf", optarg);
            }
            break;
        case OPT_NO_RENDER:
            o->render = 0;
            break;
        case OPT_X:
            o->x = optarg;
            break;
        case OPT_BY:
            o->by = optarg;
            break;
        case OPT_WHERE:
            o->where = xrealloc(o->where, (o->nwhere + 1) * sizeof(char*));
            o->where[o->nwhere++] = optarg;
            break;
        case OPT_Y:
            o->y = xrealloc(o->y, (o->ny + 1) * sizeof(char*));
            o->y[o->ny++] = optarg;
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
    if (optind != argc - 1)
    {
        usage_error(optind >= argc ? "DIR is required (a run's --outdir or a sweep directory)"
                                   : "one DIR expected, got '%s' too",
                    optind < argc ? argv[argc - 1] : "");
    }
    o->dir = argv[optind];
    o->outdir = o->outdir ? o->outdir : o->dir;
}

int
main(int argc, char** argv)
{
    options o = {0};
    parse_options(argc, argv, &o);
    struct stat st;
    if (stat(o.dir, &st) != 0 || !S_ISDIR(st.st_mode))
    {
        usage_error("'%s': not a directory", o.dir);
    }
    char* flows = format("%s/flows.csv", o.dir);
    char* pairs = format("%s/pairs.csv", o.dir);
    char* campaign = format("%s/campaign", o.dir);
    if (mkdir(o.outdir, 0777) != 0 && errno != EEXIST)
    {
        die("cannot create '%s': %s", o.outdir, strerror(errno));
    }
    figure_list list = {0};
    int sweep_options = o.x || o.by || o.nwhere || o.ny;
    if (pm_cli_exists(campaign))
    {
        plot_sweep(&o, &list);
    }
    else if (sweep_options)
    {
        usage_error("--x, --by, --where and --y apply to a sweep directory; '%s' is not one",
                    o.dir);
    }
    else if (pm_cli_exists(flows))
    {
        plot_flows(&o, &list);
    }
    else if (pm_cli_exists(pairs))
    {
        plot_http(&o, &list);
    }
    else
    {
        usage_error("'%s' holds neither flows.csv (packmime-flows), pairs.csv (packmime-http) "
                    "nor a packmime-sweep campaign",
                    o.dir);
    }
    int rc = o.render ? render(&o, &list) : 0;
    if (rc == 0)
    {
        printf("%s: %zu figures in %s:", tool, list.count, o.outdir);
        for (size_t i = 0; i < list.count; i++)
        {
            printf(" %s", list.names[i]);
        }
        printf(o.render ? " (.dat, .gp, %s)\n" : " (.dat, .gp)\n",
               o.png && o.pdf ? ".png, .pdf"
               : o.png        ? ".png"
                              : ".pdf");
    }
    for (size_t i = 0; i < list.count; i++)
    {
        free(list.names[i]);
    }
    free(list.names);
    free(o.where);
    free(o.y);
    free(flows);
    free(pairs);
    free(campaign);
    return rc;
}
