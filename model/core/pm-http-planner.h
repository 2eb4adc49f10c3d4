/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PackMime-HTTP connection planner: for one generator (rate, HTTP mode and switches), each
 * next connection with the gap before it and its request list (request bytes, response
 * bytes, think time before the request). The server delay is not planned: the server side
 * draws it when a request has been received (packmime-http-model.md section 5).
 */
#ifndef PM_HTTP_PLANNER_H
#define PM_HTTP_PLANNER_H

#include "pm-error.h"
#include "pm-http.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** An external source replacing a model variable (ns-2's set-req_size etc.): any
     * distribution, called once per value. */
    typedef struct pm_http_source
    {
        double (*sample)(void* ctx); /* NULL: the model's own sampler */
        void* ctx;                   /* borrowed; passed to sample */
    } pm_http_source;

    /** Generator settings: the shared options plus the HTTP mode and ns-2's two switches. */
    typedef struct pm_http_planner_config
    {
        pm_http_options options;
        int http11;              /* 0: HTTP/1.0 (one request per connection); 1: HTTP/1.1 */
        int no_persist_req_size; /* ns-2 no-pm-persistent-reqsz: a new size per request */
        int no_persist_rsp_size; /* ns-2 no-pm-persistent-rspsz: responses 2..n from rsp-size */
        /* Replaced variables, indexed by pm_http_var (all NULL: the model). Their values are
         * post-processed as ns-2 does and guarded: sizes truncated to whole bytes (below 1,
         * or NaN, become 1), pages and objects rounded up (at least 1), flags non-zero = 1,
         * times below 0 (or NaN) become 0. */
        pm_http_source sources[PM_HTTP_VAR_COUNT];
    } pm_http_planner_config;

    /** One request/response exchange of a connection. */
    typedef struct pm_http_request
    {
        uint64_t req_bytes; /* >= 1 */
        uint64_t rsp_bytes; /* >= 1 */
        double gap;         /* think time before sending it, s: 0 for the first request */
        uint32_t page;      /* page of the request within its connection, 0, 1, ... */
    } pm_http_request;

    /** One planned connection. */
    typedef struct pm_http_connection
    {
        uint64_t id; /* 0, 1, 2, ... */
        double gap;  /* s since the previous connection start (0 for the first) */
        int persistent;
        size_t n_requests;
        const pm_http_request* requests; /* owned by the planner; valid until the next call */
    } pm_http_connection;

    /** A planner; create with pm_http_planner_new. */
    typedef struct pm_http_planner pm_http_planner;

    /* Number of model variables a planner of this configuration draws (replaced ones included). */
    size_t pm_http_planner_streams(const pm_http_planner_config* cfg);

    /* Create a planner. rngs[v] is the generator of variable v (borrowed); the planner uses
     * flow-arrival, req-size and rsp-size, and in HTTP/1.1 also persistent, pages, single-obj,
     * objs-per-page, time-btwn-pages, time-btwn-objs and persist-rsp-size; the others, and
     * those of replaced variables (cfg->sources), may be NULL. */
    pm_http_planner* pm_http_planner_new(const pm_http_planner_config* cfg,
                                         gsl_rng* const rngs[PM_HTTP_VAR_COUNT],
                                         pm_error* err);

    /* Release a planner (accepts NULL). */
    void pm_http_planner_free(pm_http_planner* p);

    /* Plan the next connection into *out (the process is open-ended); PM_ENOMEM only if the
     * request list cannot grow. */
    int pm_http_planner_next(pm_http_planner* p, pm_http_connection* out, pm_error* err);

#ifdef __cplusplus
}
#endif

#endif /* PM_HTTP_PLANNER_H */
