/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The classic traffic generator's configuration file (server, req_size_dist, dscp, rate,
 * fanout, client_path): parsing and release. The schedule built from it is pm-flowgen.c.
 */
#define _POSIX_C_SOURCE 200809L

#include "pm-builtin-cdfs.h"
#include "pm-flowgen.h"
#include "pm-text.h"

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
        return line_error(at, err, "expected 'req_size_dist <CDF file or built-in CDF name>'");
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
    cfg->sizes = pm_cdf_open(cfg->size_dist, err);
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
            "%s: no req_size_dist line (expected 'req_size_dist <CDF file or built-in CDF name>')",
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
