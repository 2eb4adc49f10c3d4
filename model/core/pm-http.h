/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The random variables of PackMime-HTTP (packmime-http-model.md section 4), each sampled
 * from its own generator, with every rate-dependent parameter from the base-2 logistic
 * fits logitinv2(a + b log2 rate).
 */
#ifndef PM_HTTP_H
#define PM_HTTP_H

#include "pm-error.h"
#include "pm-fsd.h"

#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** The model variables, in ns-2's stream order (then the two transmission delays). */
    typedef enum pm_http_var
    {
        PM_HTTP_FLOW_ARRIVAL = 0, /* connection inter-arrival time, s (FSD, Weibull marginal) */
        PM_HTTP_REQ_SIZE,         /* request size, bytes (FSD, two-piece table) */
        PM_HTTP_RSP_SIZE,         /* response size, bytes (cache/download runs) */
        PM_HTTP_SERVER_DELAY,     /* server delay, s */
        PM_HTTP_PERSIST_RSP_SIZE, /* responses 2..n of a persistent connection, bytes */
        PM_HTTP_PERSISTENT,       /* 1 if an HTTP/1.1 connection is persistent */
        PM_HTTP_PAGES,            /* pages of a persistent connection */
        PM_HTTP_SINGLE_OBJ,       /* 1 if a page (of a multi-page connection) has one object */
        PM_HTTP_OBJS_PER_PAGE,    /* objects of a page with more than one */
        PM_HTTP_TIME_BTWN_PAGES,  /* think time before the first request of a later page, s */
        PM_HTTP_TIME_BTWN_OBJS,   /* think time between requests within a page, s */
        PM_HTTP_XMIT_CLIENT,      /* client-side one-way delay, ms (FSD; DelayBox use) */
        PM_HTTP_XMIT_SERVER,      /* server-side one-way delay, ms (FSD; DelayBox use) */
        PM_HTTP_VAR_COUNT
    } pm_http_var;

/** Cache-validation responses larger than this make a persistent connection redraw. */
#define PM_HTTP_CACHE_CUTOFF 275

    /** Options shared by the samplers of one generator. */
    typedef struct pm_http_options
    {
        double rate;              /* new connections per second; the covariate of every fit */
        pm_fsd_method fsd;        /* FSD generator (default fast) */
        int think_per_connection; /* 1: think-time random effects per connection; 0 (default,
                                     as ns-2): drawn once per sampler, i.e. per simulation */
        uint64_t max_size;        /* cap on sampled sizes in bytes; 0 = none (sizes are 64-bit) */
        int force_theta;          /* 1: use `theta` as every FSD white-noise share (validation) */
        double theta;
    } pm_http_options;

    /** Rate-dependent parameters (the columns of packmime-tables/derived_rate_params.tsv). */
    typedef struct pm_http_rate_params
    {
        double rate;
        double log2_rate;
        double flow_theta, flow_sigma_noise, flow_sigma_eps;
        double flow_shape, flow_scale;
        double req_theta, req_sigma_noise, req_sigma_eps;
        double run_shape_cache, run_shape_download;
        double mean_run_cache, mean_run_download, download_share;
        double rtt_client_theta, rtt_client_sigma_eps;
        double rtt_server_theta, rtt_server_sigma_eps;
    } pm_http_rate_params;

    /** Rates (new connections/s) packmime accepts: the fits are logistic in log2(rate),
     * estimated on traces of about 1 to 1000s of connections/s; below 1/s they extrapolate to
     * degenerate inter-arrivals (Weibull shape 0.08 at 0.001/s). */
#define PM_HTTP_MIN_RATE 1.0
#define PM_HTTP_MAX_RATE 100000.0

    /* PM_OK when rate is in [PM_HTTP_MIN_RATE, PM_HTTP_MAX_RATE], else PM_EINVAL saying why. */
    int pm_http_check_rate(double rate, pm_error* err);

    /* Evaluate every rate-dependent parameter; PM_EINVAL outside the accepted rate range. */
    int pm_http_rate_params_eval(double rate, pm_http_rate_params* out, pm_error* err);

    /* Name of a variable as the tools spell it ("flow-arrival", "req-size", ...). */
    const char* pm_http_var_name(pm_http_var var);

    /* Parse a variable name; the error lists the valid names. */
    int pm_http_var_parse(const char* name, pm_http_var* var, pm_error* err);

    /* FSD parameters (d, N, theta) of an FSD variable at the options' rate; PM_EINVAL otherwise. */
    int pm_http_fsd_params(pm_http_var var,
                           const pm_http_options* opt,
                           pm_fsd_params* out,
                           pm_error* err);

    /** Response-size run state. */
    typedef enum pm_http_rsp_state
    {
        PM_HTTP_RSP_CACHE = 0,
        PM_HTTP_RSP_DOWNLOAD = 1
    } pm_http_rsp_state;

    /* Marginal quantile function of a variable mapped from a uniform/FSD probability p, before
     * integer truncation: flow-arrival, req-size, xmit-client, xmit-server, server-delay, and
     * rsp-size given `state`. NAN for the other variables. */
    double pm_http_quantile(pm_http_var var,
                            const pm_http_rate_params* rp,
                            double p,
                            pm_http_rsp_state state);

    /** One model variable with its own generator; create with pm_http_sampler_new. */
    typedef struct pm_http_sampler pm_http_sampler;

    /* Create the sampler of `var`, drawing from r (borrowed). */
    pm_http_sampler* pm_http_sampler_new(pm_http_var var,
                                         const pm_http_options* opt,
                                         gsl_rng* r,
                                         pm_error* err);

    /* Release a sampler (accepts NULL). */
    void pm_http_sampler_free(pm_http_sampler* s);

    /* Next value (sizes are whole bytes, flags 0/1, counts whole numbers, times in s, xmit in ms).
     */
    double pm_http_sample(pm_http_sampler* s);

    /* Redraw the random effects (loc, s2) of a hierarchical variable (think times, persistent
     * response size); no effect on other variables. */
    void pm_http_sampler_new_effects(pm_http_sampler* s);

    /* Current random effects of a hierarchical variable (for validation). */
    void pm_http_sampler_effects(const pm_http_sampler* s, double* loc, double* s2);

    /* Exact mean of a variable's marginal at the options' rate, NAN where there is no closed
     * form or reference integral (persist-rsp-size). Sizes include the integer truncation. */
    double pm_http_exact_mean(pm_http_var var, const pm_http_options* opt);

    /* Exact quantile of a variable's (stationary) marginal at level u in (0,1), as the sampler
     * produces it (sizes truncated to whole bytes); NAN for the hierarchical variables, whose
     * marginal depends on the random effects. */
    double pm_http_exact_quantile(pm_http_var var, const pm_http_options* opt, double u);

#ifdef __cplusplus
}
#endif

#endif /* PM_HTTP_H */
