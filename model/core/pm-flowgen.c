/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-flowgen.h"

#include "pm-text.h"
#include "pm-workloads.h"

#include <arpa/inet.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FIELDS 8

static const char keyword_list[] = "server, req_size_dist, dscp, rate, fanout, client_path";

/** Where a line is, for messages. */
typedef struct line_ctx
{
    const char* name;
    size_t line;
} line_ctx;

/* Record a "file:line: message" error (printf-style message). */
static int line_error(const line_ctx* at, pm_error* err, const char* fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

static int
line_error(const line_ctx* at, pm_error* err, const char* fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return pm_error_set(err, PM_EPARSE, "%s:%zu: %s", at->name, at->line, msg);
}

/* Length of a field as a printf precision, capped so that messages stay short. */
static int
shown(pm_text_field f)
{
    return (int)(f.len > 60 ? 60 : f.len);
}

/* Parse a whole field as a finite number; returns 0 on success. */
static int
field_number(pm_text_field f, double* out)
{
    return pm_text_parse_double(f, out) == 0 ? 0 : -1;
}

/* Parse an optional weight field (default 1); must be a number > 0. */
static int
field_weight(const pm_text_field* fields,
             size_t nf,
             size_t index,
             const line_ctx* at,
             double* w,
             pm_error* err)
{
    *w = 1.0;
    if (nf <= index)
    {
        return PM_OK;
    }
    if (field_number(fields[index], w) != 0 || !(*w > 0))
    {
        return line_error(at,
                          err,
                          "weight '%.*s' must be a number > 0",
                          shown(fields[index]),
                          fields[index].start);
    }
    return PM_OK;
}

/* Append a weighted value to a choice array. */
static int
push_choice(pm_flowgen_choice** list, size_t* n, double value, double weight, pm_error* err)
{
    pm_flowgen_choice* grown = realloc(*list, (*n + 1) * sizeof(**list));
    if (!grown)
    {
        return pm_error_set(err, PM_ENOMEM, "out of memory reading the configuration");
    }
    grown[*n].value = value;
    grown[*n].weight = weight;
    *list = grown;
    (*n)++;
    return PM_OK;
}

/* Copy a view into a new NUL-terminated string. */
static char*
copy_field(const char* start, size_t len)
{
    char* s = malloc(len + 1);
    if (s)
    {
        memcpy(s, start, len);
        s[len] = '\0';
    }
    return s;
}

/* Handle "server <IP> <PORT> [WEIGHT]". */
static int
parse_server(const pm_text_field* f,
             size_t nf,
             const line_ctx* at,
             pm_flowgen_config* cfg,
             pm_error* err)
{
    if (nf < 3)
    {
        return line_error(at,
                          err,
                          "server needs an address and a port: 'server <IP> <PORT> [WEIGHT]'");
    }
    if (nf > 4)
    {
        return line_error(at, err, "too many fields: 'server <IP> <PORT> [WEIGHT]'");
    }
    pm_flowgen_server s;
    memset(&s, 0, sizeof(s));
    unsigned char addr[16];
    if (f[1].len >= sizeof(s.address))
    {
        return line_error(at,
                          err,
                          "'%.*s' is not an IPv4 or IPv6 address",
                          shown(f[1]),
                          f[1].start);
    }
    memcpy(s.address, f[1].start, f[1].len);
    int v4 = inet_pton(AF_INET, s.address, addr) == 1;
    int v6 = !v4 && inet_pton(AF_INET6, s.address, addr) == 1;
    if (!v4 && !v6)
    {
        return line_error(at,
                          err,
                          "'%.*s' is not an IPv4 or IPv6 address",
                          shown(f[1]),
                          f[1].start);
    }
    double port;
    if (field_number(f[2], &port) != 0 || port < 1 || port > 65535 || port != floor(port))
    {
        return line_error(at,
                          err,
                          "port '%.*s' is not an integer in 1..65535",
                          shown(f[2]),
                          f[2].start);
    }
    s.port = (unsigned)port;
    if (field_weight(f, nf, 3, at, &s.weight, err) != PM_OK)
    {
        return err ? err->code : PM_EPARSE;
    }
    snprintf(s.endpoint, sizeof(s.endpoint), v6 ? "[%s]:%u" : "%s:%u", s.address, s.port);
    pm_flowgen_server* grown = realloc(cfg->servers, (cfg->n_servers + 1) * sizeof(s));
    if (!grown)
    {
        return pm_error_set(err, PM_ENOMEM, "out of memory reading the configuration");
    }
    grown[cfg->n_servers++] = s;
    cfg->servers = grown;
    return PM_OK;
}

/* Handle "dscp V [W]", "rate <N>Mbps [W]" and "fanout N [W]". */
static int
parse_choice(const pm_text_field* f,
             size_t nf,
             const line_ctx* at,
             pm_flowgen_config* cfg,
             pm_error* err)
{
    int is_dscp = f[0].len == 4 && strncmp(f[0].start, "dscp", 4) == 0;
    int is_rate = f[0].len == 4 && strncmp(f[0].start, "rate", 4) == 0;
    const char* usage = is_dscp   ? "dscp <0..63> [WEIGHT]"
                        : is_rate ? "rate <N>Mbps [WEIGHT]"
                                  : "fanout <1..1000000> [WEIGHT]";
    if (nf < 2 || nf > 3)
    {
        return line_error(at, err, "expected '%s'", usage);
    }
    double value;
    pm_text_field v = f[1];
    if (is_rate)
    {
        if (v.len < 5 || strncasecmp(v.start + v.len - 4, "Mbps", 4) != 0)
        {
            return line_error(at,
                              err,
                              "rate '%.*s' is not '<N>Mbps' (0Mbps = unlimited)",
                              shown(v),
                              v.start);
        }
        v.len -= 4;
        if (field_number(v, &value) != 0 || value < 0)
        {
            return line_error(at,
                              err,
                              "rate '%.*s' is not '<N>Mbps' with N >= 0",
                              shown(f[1]),
                              f[1].start);
        }
    }
    else if (field_number(v, &value) != 0 || value != floor(value) ||
             (is_dscp ? (value < 0 || value > 63) : (value < 1 || value > PM_FLOWGEN_MAX_FANOUT)))
    {
        return line_error(at,
                          err,
                          "%s '%.*s' is not an integer %s",
                          is_dscp ? "dscp" : "fanout",
                          shown(v),
                          v.start,
                          is_dscp ? "in 0..63"
                                  : "in 1..1000000 (a request becomes that many flows)");
    }
    double weight;
    if (field_weight(f, nf, 2, at, &weight, err) != PM_OK)
    {
        return err ? err->code : PM_EPARSE;
    }
    if (is_dscp)
    {
        return push_choice(&cfg->dscp, &cfg->n_dscp, value, weight, err);
    }
    if (is_rate)
    {
        return push_choice(&cfg->rate, &cfg->n_rate, value, weight, err);
    }
    return push_choice(&cfg->fanout, &cfg->n_fanout, value, weight, err);
}

/* Handle "req_size_dist <path or name>"; the CDF's own errors keep their file and line. */
static int
parse_size_dist(const pm_text_field* f,
                size_t nf,
                const line_ctx* at,
                size_t* first_line,
                pm_flowgen_config* cfg,
                pm_error* err)
{
    if (nf != 2)
    {
        return line_error(at, err, "expected 'req_size_dist <CDF file or workload name>'");
    }
    if (cfg->size_dist)
    {
        return line_error(at, err, "second req_size_dist (the first is on line %zu)", *first_line);
    }
    cfg->size_dist = copy_field(f[1].start, f[1].len);
    if (!cfg->size_dist)
    {
        return pm_error_set(err, PM_ENOMEM, "out of memory reading the configuration");
    }
    *first_line = at->line;
    cfg->sizes = pm_workload_open(cfg->size_dist, err);
    if (!cfg->sizes)
    {
        char where[320];
        snprintf(where, sizeof(where), "%s:%zu: req_size_dist", at->name, at->line);
        pm_error_prefix(err, where);
        return err ? err->code : PM_EPARSE;
    }
    return PM_OK;
}

/* Parse one configuration line. */
static int
parse_line(const char* s,
           size_t len,
           const line_ctx* at,
           size_t* dist_line,
           pm_flowgen_config* cfg,
           pm_error* err)
{
    const char* hash = memchr(s, '#', len);
    if (hash)
    {
        len = (size_t)(hash - s);
    }
    pm_text_field f[MAX_FIELDS];
    size_t nf = pm_text_split(s, len, f, MAX_FIELDS);
    if (nf == 0)
    {
        return PM_OK;
    }
    if (f[0].len == 6 && strncmp(f[0].start, "server", 6) == 0)
    {
        return parse_server(f, nf, at, cfg, err);
    }
    if (f[0].len == 13 && strncmp(f[0].start, "req_size_dist", 13) == 0)
    {
        return parse_size_dist(f, nf, at, dist_line, cfg, err);
    }
    if ((f[0].len == 4 &&
         (strncmp(f[0].start, "dscp", 4) == 0 || strncmp(f[0].start, "rate", 4) == 0)) ||
        (f[0].len == 6 && strncmp(f[0].start, "fanout", 6) == 0))
    {
        return parse_choice(f, nf, at, cfg, err);
    }
    if (f[0].len == 11 && strncmp(f[0].start, "client_path", 11) == 0)
    {
        if (nf < 2)
        {
            return line_error(at, err, "expected 'client_path <command ...>'");
        }
        pm_text_field rest = pm_text_trim(f[1].start, len - (size_t)(f[1].start - s));
        free(cfg->client_path);
        cfg->client_path = copy_field(rest.start, rest.len);
        return cfg->client_path ? PM_OK : pm_error_set(err, PM_ENOMEM, "out of memory");
    }
    return line_error(at,
                      err,
                      "unknown keyword '%.*s' (expected one of: %s)",
                      shown(f[0]),
                      f[0].start,
                      keyword_list);
}

int
pm_flowgen_config_parse_string(const char* text,
                               const char* name,
                               pm_flowgen_config* cfg,
                               pm_error* err)
{
    memset(cfg, 0, sizeof(*cfg));
    line_ctx at = {name, 0};
    size_t dist_line = 0;
    const char* s = text ? pm_text_skip_bom(text) : "";
    while (*s)
    {
        const char* nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        at.line++;
        if (parse_line(s, len, &at, &dist_line, cfg, err) != PM_OK)
        {
            pm_flowgen_config_clear(cfg);
            return err ? err->code : PM_EPARSE;
        }
        s += len + (nl ? 1 : 0);
    }
    int rc = PM_OK;
    if (cfg->n_servers == 0)
    {
        rc = pm_error_set(err,
                          PM_EPARSE,
                          "%s: no server line (expected 'server <IP> <PORT> [WEIGHT]')",
                          name);
    }
    else if (!cfg->sizes)
    {
        rc = pm_error_set(
            err,
            PM_EPARSE,
            "%s: no req_size_dist line (expected 'req_size_dist <CDF file or workload name>')",
            name);
    }
    if (rc == PM_OK && cfg->n_dscp == 0)
    {
        rc = push_choice(&cfg->dscp, &cfg->n_dscp, 0, 1, err);
    }
    if (rc == PM_OK && cfg->n_rate == 0)
    {
        rc = push_choice(&cfg->rate, &cfg->n_rate, 0, 1, err);
    }
    if (rc == PM_OK && cfg->n_fanout == 0)
    {
        rc = push_choice(&cfg->fanout, &cfg->n_fanout, 1, 1, err);
    }
    if (rc != PM_OK)
    {
        pm_flowgen_config_clear(cfg);
    }
    return rc;
}

int
pm_flowgen_config_parse_file(const char* path, pm_flowgen_config* cfg, pm_error* err)
{
    memset(cfg, 0, sizeof(*cfg));
    char* text = NULL;
    int rc = pm_text_read_file(path, &text, NULL, err);
    if (rc == PM_OK)
    {
        rc = pm_flowgen_config_parse_string(text, path, cfg, err);
    }
    free(text);
    return rc;
}

void
pm_flowgen_config_clear(pm_flowgen_config* cfg)
{
    free(cfg->servers);
    pm_ecdf_free(cfg->sizes);
    free(cfg->size_dist);
    free(cfg->dscp);
    free(cfg->rate);
    free(cfg->fanout);
    free(cfg->client_path);
    memset(cfg, 0, sizeof(*cfg));
}

struct pm_flowgen
{
    pm_flowgen_params params;
    pm_flowgen_rngs rngs;
    pm_arrivals* arrivals;
    gsl_ran_discrete_t* servers; /* for the extra servers of a fanout request */
    gsl_ran_discrete_t* dscp;
    gsl_ran_discrete_t* rate;
    gsl_ran_discrete_t* fanout;
    pm_flowgen_flow pending; /* template of the remaining flows of a fanout request */
    unsigned remaining;      /* flows of the current request still to emit */
    uint64_t next_id;
    uint64_t next_request;
};

/* Divide finite positive weights by their maximum, so that their sum stays finite (weights
 * of 1e308 are legal and mean what they say). */
static void
scale_to_max(double* w, size_t n)
{
    double max = 0;
    for (size_t i = 0; i < n; i++)
    {
        max = w[i] > max ? w[i] : max;
    }
    for (size_t i = 0; max > 0 && i < n; i++)
    {
        w[i] /= max;
    }
}

/* Walker table over the weights of a choice list (or of the servers when list is NULL). */
static gsl_ran_discrete_t*
weights_table(const pm_flowgen_choice* list, const pm_flowgen_server* servers, size_t n)
{
    double* w = malloc(n * sizeof(double));
    if (!w)
    {
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
    {
        w[i] = list ? list[i].weight : servers[i].weight;
    }
    scale_to_max(w, n);
    gsl_ran_discrete_t* t = gsl_ran_discrete_preproc(n, w);
    free(w);
    return t;
}

pm_flowgen*
pm_flowgen_new(const pm_flowgen_params* params, const pm_flowgen_rngs* rngs, pm_error* err)
{
    const pm_flowgen_config* c = params->config;
    if (!c || !c->sizes || c->n_servers == 0)
    {
        pm_error_set(err, PM_EINVAL, "flowgen: a parsed configuration is required");
        return NULL;
    }
    if ((params->requests > 0) == (params->duration > 0))
    {
        pm_error_set(err, PM_EINVAL, "flowgen: give exactly one of a request count and a duration");
        return NULL;
    }
    if (!(params->duration >= 0) || !isfinite(params->duration))
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "flowgen: duration %g: expected a finite value > 0",
                     params->duration);
        return NULL;
    }
    pm_flowgen* g = calloc(1, sizeof(*g));
    size_t hosts = c->n_servers + 1;
    double* matrix = calloc(hosts * hosts, sizeof(double));
    if (!g || !matrix)
    {
        free(g);
        free(matrix);
        pm_error_set(err, PM_ENOMEM, "flowgen: out of memory");
        return NULL;
    }
    g->params = *params;
    g->rngs = *rngs;
    /* Host 0 is the client; host 1 + j is server j, chosen with the server's weight. */
    for (size_t j = 0; j < c->n_servers; j++)
    {
        matrix[1 + j] = c->servers[j].weight;
    }
    scale_to_max(matrix + 1, c->n_servers);
    pm_arrivals_config ac;
    memset(&ac, 0, sizeof(ac));
    ac.sizes = c->sizes;
    ac.mode = params->mode;
    ac.n_hosts = hosts;
    ac.matrix = matrix;
    ac.target_bps = params->target_bps;
    ac.overhead = params->overhead;
    ac.max_flows = params->requests;
    ac.stop_time = params->duration;
    if (params->requests > PM_FLOWGEN_MAX_REQUESTS)
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "flowgen: %" PRIu64 " requests: at most %.0f (a schedule of tens of GB)",
                     params->requests,
                     PM_FLOWGEN_MAX_REQUESTS);
    }
    else if (!(params->target_bps > 0) || !isfinite(params->target_bps))
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "flowgen: target bandwidth %g bit/s: expected a finite value > 0",
                     params->target_bps);
    }
    else
    {
        g->arrivals = pm_arrivals_new(&ac, rngs->gap, rngs->size, rngs->server, err);
    }
    free(matrix);
    double expected = g->arrivals ? pm_arrivals_rate(g->arrivals) * params->duration : 0;
    if (expected > PM_FLOWGEN_MAX_REQUESTS)
    {
        pm_error_set(err,
                     PM_EINVAL,
                     "flowgen: duration %g s at %g requests/s means about %.3g requests: at most "
                     "%.0f (a schedule of tens of GB); shorten the duration",
                     params->duration,
                     pm_arrivals_rate(g->arrivals),
                     expected,
                     PM_FLOWGEN_MAX_REQUESTS);
        pm_flowgen_free(g);
        return NULL;
    }
    if (g->arrivals)
    {
        g->servers = weights_table(NULL, c->servers, c->n_servers);
        g->dscp = weights_table(c->dscp, NULL, c->n_dscp);
        g->rate = weights_table(c->rate, NULL, c->n_rate);
        g->fanout = weights_table(c->fanout, NULL, c->n_fanout);
        if (!g->servers || !g->dscp || !g->rate || !g->fanout)
        {
            pm_error_set(err, PM_ENOMEM, "flowgen: out of memory");
            pm_flowgen_free(g);
            return NULL;
        }
        return g;
    }
    pm_flowgen_free(g);
    return NULL;
}

void
pm_flowgen_free(pm_flowgen* g)
{
    if (!g)
    {
        return;
    }
    pm_arrivals_free(g->arrivals);
    gsl_ran_discrete_t* tables[] = {g->servers, g->dscp, g->rate, g->fanout};
    for (size_t i = 0; i < 4; i++)
    {
        if (tables[i])
        {
            gsl_ran_discrete_free(tables[i]);
        }
    }
    free(g);
}

int
pm_flowgen_next(pm_flowgen* g, pm_flowgen_flow* out)
{
    const pm_flowgen_config* c = g->params.config;
    if (g->remaining > 0)
    {
        *out = g->pending;
        out->id = g->next_id++;
        out->server = gsl_ran_discrete(g->rngs.server, g->servers);
        g->remaining--;
        return 1;
    }
    pm_flow f;
    if (!pm_arrivals_next(g->arrivals, &f))
    {
        return 0;
    }
    unsigned fanout = (unsigned)c->fanout[gsl_ran_discrete(g->rngs.fanout, g->fanout)].value;
    out->id = g->next_id++;
    out->request = g->next_request++;
    out->start = f.time;
    out->server = f.dst - 1;
    out->dscp = (unsigned)c->dscp[gsl_ran_discrete(g->rngs.dscp, g->dscp)].value;
    out->rate_mbps = c->rate[gsl_ran_discrete(g->rngs.rate, g->rate)].value;
    out->fanout = fanout;
    /* Split the request over its fanout flows; every flow carries at least one byte. */
    uint64_t share = f.size / fanout;
    out->size = share + f.size % fanout;
    out->size = out->size ? out->size : 1;
    g->pending = *out;
    g->pending.size = share ? share : 1;
    g->remaining = fanout - 1;
    return 1;
}

double
pm_flowgen_rate(const pm_flowgen* g)
{
    return pm_arrivals_rate(g->arrivals);
}
