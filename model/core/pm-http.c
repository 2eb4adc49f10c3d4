/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-http.h"

#include "pm-http-internal.h"
#include "pm-http-tables.h"

#include <float.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ns-2's truncated ln 2: log2(x) = ln(x) / PM_LOG2 in every rate fit. */
#define PM_LOG2 0.6931471806

static const pm_http_hier_params think_pages = {3.22, 0.73, 1.85, 1.21};
static const pm_http_hier_params think_objs = {-4.15, 3.12, 2.35, 1.57};
static const pm_http_hier_params persist_rsp = {10.62, 0.94, 3.22, 2.43};

/** Parameters of the four FSD series: d, N, white-noise-share fit (a, b). */
typedef struct fsd_constants
{
    double d;
    size_t n_ar;
    double a;
    double b;
} fsd_constants;

static const fsd_constants fsd_flow = {0.33, 1000, 0.333, 0.414};
static const fsd_constants fsd_req = {0.31, 5000, 0.123, 0.494};
static const fsd_constants fsd_rtt_client = {0.31, 1000, -0.445, 0.554};
static const fsd_constants fsd_rtt_server = {0.32, 1000, -0.053, 0.396};

static const char* const var_names[PM_HTTP_VAR_COUNT] = {"flow-arrival",
                                                         "req-size",
                                                         "rsp-size",
                                                         "server-delay",
                                                         "persist-rsp-size",
                                                         "persistent",
                                                         "pages",
                                                         "single-obj",
                                                         "objs-per-page",
                                                         "time-btwn-pages",
                                                         "time-btwn-objs",
                                                         "xmit-client",
                                                         "xmit-server"};

/* logitinv2(x) = 2^x / (1 + 2^x). */
static double
logitinv2(double x)
{
    return 1.0 / (1.0 + pow(2.0, -x));
}

/* sigma_eps of an FSD series: sqrt((1 - theta) / (v0 (2 + 2d/(1-d)))). */
static double
fsd_sigma_eps(double d, double theta)
{
    double v0 = exp(gsl_sf_lngamma(1.0 - 2.0 * d) - 2.0 * gsl_sf_lngamma(1.0 - d));
    return sqrt((1.0 - theta) / (v0 * (2.0 + 2.0 * d / (1.0 - d))));
}

/* E[ceil(W)] for W ~ Weibull(shape k, scale lambda): sum_(j>=0) exp(-(j/lambda)^k). */
static double
mean_run_length(double k, double lambda)
{
    double sum = 0;
    for (int j = 0; j < 100000; j++)
    {
        double term = exp(-pow(j / lambda, k));
        sum += term;
        if (term < 1e-17)
        {
            break;
        }
    }
    return sum;
}

int
pm_http_check_rate(double rate, pm_error* err)
{
    if (!(rate >= PM_HTTP_MIN_RATE && rate <= PM_HTTP_MAX_RATE))
    {
        return pm_error_set(err,
                            PM_EINVAL,
                            "rate %g: expected %g to %g new connections per second (every fit is "
                            "logistic in log2(rate) from traces of 1 to 1000s of connections/s; "
                            "below 1/s the inter-arrival Weibull shape falls towards 0: 0.08 at "
                            "0.001/s, where most gaps are nanoseconds)",
                            rate,
                            PM_HTTP_MIN_RATE,
                            PM_HTTP_MAX_RATE);
    }
    return PM_OK;
}

int
pm_http_rate_params_eval(double rate, pm_http_rate_params* rp, pm_error* err)
{
    if (pm_http_check_rate(rate, err) != PM_OK)
    {
        return PM_EINVAL;
    }
    memset(rp, 0, sizeof(*rp));
    double l = log(rate) / PM_LOG2;
    rp->rate = rate;
    rp->log2_rate = l;
    rp->flow_theta = logitinv2(fsd_flow.a + fsd_flow.b * l);
    rp->flow_sigma_noise = sqrt(rp->flow_theta);
    rp->flow_sigma_eps = fsd_sigma_eps(fsd_flow.d, rp->flow_theta);
    rp->flow_shape = logitinv2(0.352 + 0.388 * l);
    rp->flow_scale = 1.0 / (rate * exp(gsl_sf_lngamma(1.0 + 1.0 / rp->flow_shape)));
    rp->req_theta = logitinv2(fsd_req.a + fsd_req.b * l);
    rp->req_sigma_noise = sqrt(rp->req_theta);
    rp->req_sigma_eps = fsd_sigma_eps(fsd_req.d, rp->req_theta);
    rp->run_shape_cache = logitinv2(0.718 + 0.357 * l);
    rp->run_shape_download = logitinv2(1.293 + 0.316 * l);
    rp->mean_run_cache = mean_run_length(rp->run_shape_cache, 0.775);
    rp->mean_run_download = mean_run_length(rp->run_shape_download, 3.11);
    rp->download_share = rp->mean_run_download / (rp->mean_run_download + rp->mean_run_cache);
    rp->rtt_client_theta = logitinv2(fsd_rtt_client.a + fsd_rtt_client.b * l);
    rp->rtt_client_sigma_eps = fsd_sigma_eps(fsd_rtt_client.d, rp->rtt_client_theta);
    rp->rtt_server_theta = logitinv2(fsd_rtt_server.a + fsd_rtt_server.b * l);
    rp->rtt_server_sigma_eps = fsd_sigma_eps(fsd_rtt_server.d, rp->rtt_server_theta);
    return PM_OK;
}

const char*
pm_http_var_name(pm_http_var var)
{
    return var < PM_HTTP_VAR_COUNT ? var_names[var] : "(unknown)";
}

int
pm_http_var_parse(const char* name, pm_http_var* var, pm_error* err)
{
    for (int v = 0; name && v < PM_HTTP_VAR_COUNT; v++)
    {
        if (strcmp(name, var_names[v]) == 0)
        {
            *var = (pm_http_var)v;
            return PM_OK;
        }
    }
    char list[400] = "";
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        strcat(list, v ? " " : "");
        strcat(list, var_names[v]);
    }
    return pm_error_set(err,
                        PM_EINVAL,
                        "unknown variable '%s' (expected one of: %s)",
                        name ? name : "",
                        list);
}

/* Constants of the FSD series behind a variable, or NULL if it is not an FSD variable. */
static const fsd_constants*
fsd_constants_of(pm_http_var var)
{
    return var == PM_HTTP_FLOW_ARRIVAL  ? &fsd_flow
           : var == PM_HTTP_REQ_SIZE    ? &fsd_req
           : var == PM_HTTP_XMIT_CLIENT ? &fsd_rtt_client
           : var == PM_HTTP_XMIT_SERVER ? &fsd_rtt_server
                                        : NULL;
}

/* Check the options every variable shares: a finite rate > 0, a forced share in [0, 1]. */
static int
check_options(const pm_http_options* opt, pm_error* err)
{
    if (pm_http_check_rate(opt->rate, err) != PM_OK)
    {
        return PM_EINVAL;
    }
    if (opt->force_theta && !(opt->theta >= 0 && opt->theta <= 1))
    {
        return pm_error_set(err,
                            PM_EINVAL,
                            "forced white-noise share %g: expected 0 <= theta <= 1",
                            opt->theta);
    }
    return PM_OK;
}

int
pm_http_fsd_params(pm_http_var var, const pm_http_options* opt, pm_fsd_params* out, pm_error* err)
{
    const fsd_constants* c = fsd_constants_of(var);
    if (!c)
    {
        return pm_error_set(err, PM_EINVAL, "%s is not an FSD variable", pm_http_var_name(var));
    }
    int rc = check_options(opt, err);
    if (rc != PM_OK)
    {
        return rc;
    }
    out->d = c->d;
    out->n_ar = c->n_ar;
    out->theta = opt->force_theta ? opt->theta : logitinv2(c->a + c->b * log(opt->rate) / PM_LOG2);
    out->block = 0;
    return PM_OK;
}

/* Quantile of an FSD/uniform variable given p and its complement s = 1 - p (passed
 * separately so that far tails keep their precision). */
static double
quantile_ps(pm_http_var var,
            const pm_http_rate_params* rp,
            double p,
            double s,
            pm_http_rsp_state state)
{
    s = fmax(s, DBL_MIN);
    switch (var)
    {
    case PM_HTTP_FLOW_ARRIVAL:
        return rp->flow_scale * pow(-log(s), 1.0 / rp->flow_shape);
    case PM_HTTP_REQ_SIZE:
        if (p <= 0.5)
        {
            return pm_table_interp(&pm_http_table_req_size_body, p / 0.5);
        }
        /* q = (p - 0.5)/0.5, so 1 - q = 2s. */
        return pow(2.0, pm_table_interp(&pm_http_table_req_size_tail, log2(2.0 * s)));
    case PM_HTTP_RSP_SIZE:
        if (state == PM_HTTP_RSP_CACHE)
        {
            return pm_table_interp(&pm_http_table_rsp_size_cache, p);
        }
        return pow(2.0, pm_table_interp(&pm_http_table_rsp_size_download, log2(s)));
    case PM_HTTP_XMIT_CLIENT:
        return pow(pm_table_interp(&pm_http_table_rtt_client, -log10(s)), 5) / 2.0;
    case PM_HTTP_XMIT_SERVER:
        return pow(pm_table_interp(&pm_http_table_rtt_server, -log10(s)), 3) / 2.0;
    case PM_HTTP_SERVER_DELAY:
    {
        /* delay = 1/max(10, W) is decreasing in W: P(delay <= t) = P(W >= 1/t). */
        double mass_above = exp(-pow(10.0 / 305.0, 0.63)); /* P(W >= 10) */
        if (p >= mass_above)
        {
            return 0.1;
        }
        return 1.0 / (305.0 * pow(-log(p), 1.0 / 0.63));
    }
    default:
        return NAN;
    }
}

double
pm_http_quantile(pm_http_var var, const pm_http_rate_params* rp, double p, pm_http_rsp_state state)
{
    return quantile_ps(var, rp, p, 1.0 - p, state);
}

const pm_http_hier_params*
pm_http_hier_of(pm_http_var var)
{
    return var == PM_HTTP_TIME_BTWN_PAGES    ? &think_pages
           : var == PM_HTTP_TIME_BTWN_OBJS   ? &think_objs
           : var == PM_HTTP_PERSIST_RSP_SIZE ? &persist_rsp
                                             : NULL;
}

struct pm_http_sampler
{
    pm_http_var var;
    pm_http_options opt;
    pm_http_rate_params rp;
    gsl_rng* r;
    pm_fsd* fsd;
    const pm_http_hier_params* hier;
    double loc;
    double s2;
    pm_http_rsp_state state;
    uint64_t run_left;
};

void
pm_http_sampler_new_effects(pm_http_sampler* s)
{
    if (s->hier)
    {
        s->loc = s->hier->m_loc + sqrt(s->hier->v_loc) * gsl_ran_gaussian_ziggurat(s->r, 1.0);
        s->s2 = gsl_ran_gamma(s->r, s->hier->shape, 1.0 / s->hier->shape);
    }
}

void
pm_http_sampler_effects(const pm_http_sampler* s, double* loc, double* s2)
{
    *loc = s->loc;
    *s2 = s->s2;
}

pm_http_sampler*
pm_http_sampler_new(pm_http_var var, const pm_http_options* opt, gsl_rng* r, pm_error* err)
{
    if (var >= PM_HTTP_VAR_COUNT || !opt || !r)
    {
        pm_error_set(err, PM_EINVAL, "sampler: a variable, options and a generator are required");
        return NULL;
    }
    pm_http_sampler* s = calloc(1, sizeof(*s));
    if (!s)
    {
        pm_error_set(err, PM_ENOMEM, "sampler: out of memory");
        return NULL;
    }
    s->var = var;
    s->opt = *opt;
    s->r = r;
    s->state = PM_HTTP_RSP_CACHE; /* with an empty run: the first run is a download run */
    if (check_options(opt, err) != PM_OK)
    {
        pm_http_sampler_free(s);
        return NULL;
    }
    pm_http_rate_params_eval(opt->rate, &s->rp, NULL); /* cannot fail: the rate is checked */
    pm_fsd_params fp;
    if (fsd_constants_of(var))
    {
        pm_http_fsd_params(var, opt, &fp, NULL);
        s->fsd = pm_fsd_new(&fp, opt->fsd, r, err);
        if (!s->fsd)
        {
            pm_error_prefix(err, pm_http_var_name(var));
            pm_http_sampler_free(s);
            return NULL;
        }
    }
    s->hier = pm_http_hier_of(var);
    /* Random effects drawn at construction: once per simulation unless redrawn. */
    pm_http_sampler_new_effects(s);
    return s;
}

void
pm_http_sampler_free(pm_http_sampler* s)
{
    if (s)
    {
        pm_fsd_free(s->fsd);
        free(s);
    }
}

/* Whole bytes of a size, truncated toward zero, with the optional cap. */
static double
whole_bytes(const pm_http_sampler* s, double size)
{
    double v = floor(size);
    if (s->opt.max_size > 0 && v > (double)s->opt.max_size)
    {
        v = (double)s->opt.max_size;
    }
    return v;
}

/* 1 + ceil(Weibull(shape 1, scale)), at least 2 (ns-2's guard for W = 0). */
static double
one_plus_ceil_weibull(gsl_rng* r, double scale)
{
    double n = ceil(1.0 + gsl_ran_weibull(r, scale, 1.0));
    return n < 2 ? 2 : n;
}

double
pm_http_sample(pm_http_sampler* s)
{
    switch (s->var)
    {
    case PM_HTTP_FLOW_ARRIVAL:
    case PM_HTTP_XMIT_CLIENT:
    case PM_HTTP_XMIT_SERVER:
    {
        double z = pm_fsd_next(s->fsd);
        return quantile_ps(s->var, &s->rp, gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z), 0);
    }
    case PM_HTTP_REQ_SIZE:
    {
        double z = pm_fsd_next(s->fsd);
        return whole_bytes(
            s,
            quantile_ps(s->var, &s->rp, gsl_cdf_ugaussian_P(z), gsl_cdf_ugaussian_Q(z), 0));
    }
    case PM_HTTP_RSP_SIZE:
    {
        if (s->run_left == 0)
        {
            /* Flip state and draw the new run length ceil(Weibull). */
            s->state = s->state == PM_HTTP_RSP_CACHE ? PM_HTTP_RSP_DOWNLOAD : PM_HTTP_RSP_CACHE;
            double shape =
                s->state == PM_HTTP_RSP_CACHE ? s->rp.run_shape_cache : s->rp.run_shape_download;
            double scale = s->state == PM_HTTP_RSP_CACHE ? 0.775 : 3.11;
            double len = ceil(gsl_ran_weibull(s->r, scale, shape));
            s->run_left = len < 1 ? 1 : (uint64_t)len;
        }
        s->run_left--;
        double u = gsl_rng_uniform(s->r);
        return whole_bytes(s, quantile_ps(s->var, &s->rp, u, 1.0 - u, s->state));
    }
    case PM_HTTP_SERVER_DELAY:
    {
        double w = gsl_ran_weibull(s->r, 305.0, 0.63);
        return 1.0 / (w < 10.0 ? 10.0 : w);
    }
    case PM_HTTP_PERSISTENT:
        return gsl_rng_uniform(s->r) <= 0.09 ? 1.0 : 0.0;
    case PM_HTTP_PAGES:
        if (gsl_rng_uniform(s->r) <= 0.82)
        {
            return 1.0;
        }
        return one_plus_ceil_weibull(s->r, 0.417);
    case PM_HTTP_SINGLE_OBJ:
        return gsl_rng_uniform(s->r) <= 0.69 ? 1.0 : 0.0;
    case PM_HTTP_OBJS_PER_PAGE:
        return one_plus_ceil_weibull(s->r, 1.578);
    case PM_HTTP_TIME_BTWN_PAGES:
    case PM_HTTP_TIME_BTWN_OBJS:
    case PM_HTTP_PERSIST_RSP_SIZE:
    {
        double e = s->loc + sqrt(s->s2 * s->hier->v_err) * gsl_ran_gaussian_ziggurat(s->r, 1.0);
        double v = pow(2.0, e);
        return s->var == PM_HTTP_PERSIST_RSP_SIZE ? whole_bytes(s, v) : v;
    }
    default:
        return NAN;
    }
}
