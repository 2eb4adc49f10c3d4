/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-http-planner.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct pm_http_planner
{
    pm_http_planner_config cfg;
    pm_http_sampler* s[PM_HTTP_VAR_COUNT];
    pm_http_request* requests; /* the current connection's requests */
    size_t capacity;
    size_t* objects; /* objects per page of the current connection */
    size_t page_capacity;
    uint64_t next_id;
    size_t planned; /* requests of the last persistent plan (for the error message) */
};

/* Most requests one connection may carry; only replaced count variables can exceed it. */
#define PM_HTTP_MAX_REQUESTS ((size_t)1 << 24)

/* Whether the planner of this configuration samples variable v. */
static int
uses_variable(const pm_http_planner_config* cfg, int v)
{
    switch (v)
    {
    case PM_HTTP_FLOW_ARRIVAL:
    case PM_HTTP_REQ_SIZE:
    case PM_HTTP_RSP_SIZE:
        return 1;
    case PM_HTTP_SERVER_DELAY:
    case PM_HTTP_XMIT_CLIENT:
    case PM_HTTP_XMIT_SERVER:
        return 0;
    default:
        return cfg->http11;
    }
}

size_t
pm_http_planner_streams(const pm_http_planner_config* cfg)
{
    size_t n = 0;
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        n += (size_t)uses_variable(cfg, v);
    }
    return n;
}

pm_http_planner*
pm_http_planner_new(const pm_http_planner_config* cfg,
                    gsl_rng* const rngs[PM_HTTP_VAR_COUNT],
                    pm_error* err)
{
    pm_http_planner* p = calloc(1, sizeof(*p));
    if (!p)
    {
        pm_error_set(err, PM_ENOMEM, "planner: out of memory");
        return NULL;
    }
    p->cfg = *cfg;
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        if (!uses_variable(cfg, v) || cfg->sources[v].sample)
        {
            continue;
        }
        if (!rngs[v])
        {
            pm_error_set(err,
                         PM_EINVAL,
                         "planner: no generator for %s",
                         pm_http_var_name((pm_http_var)v));
            pm_http_planner_free(p);
            return NULL;
        }
        p->s[v] = pm_http_sampler_new((pm_http_var)v, &cfg->options, rngs[v], err);
        if (!p->s[v])
        {
            pm_http_planner_free(p);
            return NULL;
        }
    }
    return p;
}

void
pm_http_planner_free(pm_http_planner* p)
{
    if (p)
    {
        for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
        {
            pm_http_sampler_free(p->s[v]);
        }
        free(p->requests);
        free(p->objects);
        free(p);
    }
}

/* Next raw value of variable v: its replacement source if any, else the model sampler. */
static double
draw(pm_http_planner* p, pm_http_var v)
{
    const pm_http_source* src = &p->cfg.sources[v];
    return src->sample ? src->sample(src->ctx) : pm_http_sample(p->s[v]);
}

/* Draw a whole-byte size of variable v, with ns-2's 0 -> 1 byte rule (NaN -> 1 too). */
static uint64_t
draw_bytes(pm_http_planner* p, pm_http_var v)
{
    double size = draw(p, v);
    if (!(size >= 1))
    {
        return 1;
    }
    return size >= 0x1p63 ? (uint64_t)1 << 63 : (uint64_t)size;
}

/* Draw a count (pages, objects): rounded up as ns-2 does, at least 1. */
static size_t
draw_count(pm_http_planner* p, pm_http_var v)
{
    double n = ceil(draw(p, v));
    if (!(n >= 1))
    {
        return 1;
    }
    /* Larger plans fail in the caller; the cap keeps the sum of counts from overflowing. */
    return n > (double)PM_HTTP_MAX_REQUESTS ? PM_HTTP_MAX_REQUESTS + 1 : (size_t)n;
}

/* Draw a time in seconds; negative or NaN values become 0. */
static double
draw_time(pm_http_planner* p, pm_http_var v)
{
    double t = draw(p, v);
    return t > 0 ? t : 0.0;
}

/* Redraw the random effects of hierarchical variable v unless it is replaced. */
static void
new_effects(pm_http_planner* p, pm_http_var v)
{
    if (p->s[v])
    {
        pm_http_sampler_new_effects(p->s[v]);
    }
}

/* Grow *array (of `size`-byte elements, capacity *cap) to hold n; returns 0 or -1. */
static int
reserve(void** array, size_t* cap, size_t n, size_t size)
{
    if (n <= *cap)
    {
        return 0;
    }
    size_t c = *cap ? *cap : 8;
    while (c < n)
    {
        c *= 2;
    }
    void* grown = realloc(*array, c * size);
    if (!grown)
    {
        return -1;
    }
    *array = grown;
    *cap = c;
    return 0;
}

/* Plan a persistent connection (section 4.6): pages and objects, one request size and one
 * response size, think times, then the follow-up response sizes. Returns the request count,
 * or 0 when out of memory or over PM_HTTP_MAX_REQUESTS. */
static size_t
plan_persistent(pm_http_planner* p)
{
    size_t pages = draw_count(p, PM_HTTP_PAGES);
    p->planned = pages;
    if (pages > PM_HTTP_MAX_REQUESTS ||
        reserve((void**)&p->objects, &p->page_capacity, pages, sizeof(size_t)) != 0)
    {
        return 0;
    }
    size_t n = 0;
    for (size_t g = 0; g < pages; g++)
    {
        int single = pages >= 2 && draw(p, PM_HTTP_SINGLE_OBJ) != 0;
        p->objects[g] = single ? 1 : draw_count(p, PM_HTTP_OBJS_PER_PAGE);
        n += p->objects[g];
    }
    p->planned = n;
    if (n > PM_HTTP_MAX_REQUESTS ||
        reserve((void**)&p->requests, &p->capacity, n, sizeof(pm_http_request)) != 0)
    {
        return 0;
    }
    pm_http_request* r = p->requests;
    uint64_t req = draw_bytes(p, PM_HTTP_REQ_SIZE);
    uint64_t rsp = draw_bytes(p, PM_HTTP_RSP_SIZE);
    if (p->cfg.options.think_per_connection)
    {
        new_effects(p, PM_HTTP_TIME_BTWN_PAGES);
        new_effects(p, PM_HTTP_TIME_BTWN_OBJS);
    }
    size_t i = 0;
    for (size_t g = 0; g < pages; g++)
    {
        for (size_t o = 0; o < p->objects[g]; o++, i++)
        {
            r[i].page = (uint32_t)g;
            r[i].gap = i == 0   ? 0.0
                       : o == 0 ? draw_time(p, PM_HTTP_TIME_BTWN_PAGES)
                                : draw_time(p, PM_HTTP_TIME_BTWN_OBJS);
            r[i].req_bytes =
                (i > 0 && p->cfg.no_persist_req_size) ? draw_bytes(p, PM_HTTP_REQ_SIZE) : req;
            r[i].rsp_bytes =
                (i > 0 && p->cfg.no_persist_rsp_size) ? draw_bytes(p, PM_HTTP_RSP_SIZE) : rsp;
        }
    }
    /* Default rule: follow-up responses come from the persistent-response model when there
     * is more than one request and the first response is not a cache validation. */
    if (!p->cfg.no_persist_rsp_size && n > 1 && rsp > PM_HTTP_CACHE_CUTOFF)
    {
        new_effects(p, PM_HTTP_PERSIST_RSP_SIZE);
        for (size_t k = 1; k < n; k++)
        {
            r[k].rsp_bytes = draw_bytes(p, PM_HTTP_PERSIST_RSP_SIZE);
        }
    }
    return n;
}

int
pm_http_planner_next(pm_http_planner* p, pm_http_connection* out, pm_error* err)
{
    out->id = p->next_id++;
    /* ns-2 starts the first connection at once, then draws the gap to the next. */
    out->gap = out->id == 0 ? 0.0 : draw_time(p, PM_HTTP_FLOW_ARRIVAL);
    out->persistent = p->cfg.http11 && draw(p, PM_HTTP_PERSISTENT) != 0;
    if (out->persistent)
    {
        out->n_requests = plan_persistent(p);
    }
    else if (reserve((void**)&p->requests, &p->capacity, 1, sizeof(pm_http_request)) == 0)
    {
        p->requests[0].gap = 0.0;
        p->requests[0].page = 0;
        p->requests[0].req_bytes = draw_bytes(p, PM_HTTP_REQ_SIZE);
        p->requests[0].rsp_bytes = draw_bytes(p, PM_HTTP_RSP_SIZE);
        out->n_requests = 1;
    }
    else
    {
        out->n_requests = 0;
    }
    out->requests = p->requests;
    if (out->n_requests == 0 && out->persistent && p->planned > PM_HTTP_MAX_REQUESTS)
    {
        return pm_error_set(err,
                            PM_EINVAL,
                            "planner: connection %llu would carry %zu requests (at most %zu): "
                            "check the replaced pages / objs-per-page variables",
                            (unsigned long long)out->id,
                            p->planned,
                            PM_HTTP_MAX_REQUESTS);
    }
    if (out->n_requests == 0)
    {
        return pm_error_set(err,
                            PM_ENOMEM,
                            "planner: out of memory for connection %llu",
                            (unsigned long long)out->id);
    }
    return PM_OK;
}
