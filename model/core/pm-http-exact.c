/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Exact means and quantiles of the PackMime-HTTP variables (the statistical tests' reference),
 * from the same tables and constants as the samplers of pm-http.c.
 */
#include "pm-http-internal.h"
#include "pm-http-tables.h"

#include <gsl/gsl_integration.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>

/* Integral over u in [u0, u1] of the piecewise-linear table t(u) (extended linearly). */
static double
integrate_linear_table(const pm_table* t, double u0, double u1)
{
    /* Breakpoints: u0, the table's interior points within (u0, u1), u1. */
    double total = 0;
    double a = u0;
    for (size_t i = 0; i <= t->n; i++)
    {
        double b = i < t->n ? t->x[i] : u1;
        if (b <= a)
        {
            continue;
        }
        b = fmin(b, u1);
        total += 0.5 * (pm_table_interp(t, a) + pm_table_interp(t, b)) * (b - a);
        a = b;
        if (a >= u1)
        {
            break;
        }
    }
    return total;
}

/* Integral over x in (-inf, 0] of 2^y(x) ln2 2^x dx, i.e. E[2^y(log2(1-U))] for U ~ U(0,1),
 * y the piecewise-linear table (first segment extended to -inf, last to 0). Exact per
 * segment, where y = c + m x: the integral of ln2 2^(c + (m+1) x) is
 * 2^c 2^((m+1) x) / (m+1); convergent because m + 1 > 0 on the first segment. */
static double
integrate_log2_table(const pm_table* t)
{
    double total = 0;
    for (size_t i = 1; i < t->n; i++)
    {
        double m = (t->y[i] - t->y[i - 1]) / (t->x[i] - t->x[i - 1]);
        double c = t->y[i - 1] - m * t->x[i - 1];
        double hi = i == t->n - 1 ? 0.0 : t->x[i];
        double lo_term = i == 1 ? 0.0 : pow(2.0, (m + 1.0) * t->x[i - 1]);
        total += pow(2.0, c) * (pow(2.0, (m + 1.0) * hi) - lo_term) / (m + 1.0);
    }
    return total;
}

/* E[value] of a transmission delay: integral over x = -log10(1-p) >= 0 of
 * y(x)^power / 2 * ln10 10^-x, by 20-point Gauss-Legendre on every table segment and on
 * unit steps of the extension up to x = 40 (beyond, 10^-x leaves < 1e-30 of the mass).
 * Each piece is smooth, so the rule is exact to rounding. */
static double
xmit_mean(const pm_table* t, double power)
{
    gsl_integration_glfixed_table* gl = gsl_integration_glfixed_table_alloc(20);
    if (!gl)
    {
        return NAN;
    }
    double total = 0;
    double a = 0;
    while (a < 40)
    {
        double b = a + 1.0;
        for (size_t i = 0; i < t->n; i++)
        {
            if (t->x[i] > a && t->x[i] < b)
            {
                b = t->x[i];
                break;
            }
        }
        for (size_t k = 0; k < 20; k++)
        {
            double x;
            double w;
            gsl_integration_glfixed_point(a, b, k, &x, &w, gl);
            total += w * pow(pm_table_interp(t, x), power) / 2.0 * log(10.0) * pow(10.0, -x);
        }
        a = b;
    }
    gsl_integration_glfixed_table_free(gl);
    return total;
}

/* E over the random effects of 2^(loc + sqrt(s2 V) Z): exp(ln2 m + (ln2)^2 v/2) (1 - t/a)^-a. */
static double
hier_mean(const pm_http_hier_params* h)
{
    double l2 = log(2.0);
    double t = l2 * l2 * h->v_err / 2.0;
    return exp(l2 * h->m_loc + l2 * l2 * h->v_loc / 2.0) * pow(1.0 - t / h->shape, -h->shape);
}

double
pm_http_exact_mean(pm_http_var var, const pm_http_options* opt)
{
    pm_http_rate_params rp;
    if (pm_http_rate_params_eval(opt->rate, &rp, NULL) != PM_OK)
    {
        return NAN;
    }
    /* Sizes are truncated to whole bytes; their fractional parts are uniform to well within
     * 0.01 B for these smooth marginals, so truncation lowers each mean by 1/2 byte. */
    switch (var)
    {
    case PM_HTTP_FLOW_ARRIVAL:
        return 1.0 / opt->rate;
    case PM_HTTP_REQ_SIZE:
        return 0.5 * integrate_linear_table(&pm_http_table_req_size_body, 0.0, 1.0) +
               0.5 * integrate_log2_table(&pm_http_table_req_size_tail) - 0.5;
    case PM_HTTP_RSP_SIZE:
    {
        double cache = integrate_linear_table(&pm_http_table_rsp_size_cache, 0.0, 1.0);
        double download = integrate_log2_table(&pm_http_table_rsp_size_download);
        return (1.0 - rp.download_share) * cache + rp.download_share * download - 0.5;
    }
    case PM_HTTP_SERVER_DELAY:
    {
        /* E[1/max(10,W)] = P(W < 10)/10 + E[1/W; W >= 10], and with W = lambda E^(1/k),
         * E ~ Exp(1): E[1/W; W >= 10] = Gamma(1 - 1/k, (10/lambda)^k) / lambda. */
        double k = 0.63;
        double lambda = 305.0;
        double x = pow(10.0 / lambda, k);
        return (1.0 - exp(-x)) / 10.0 + gsl_sf_gamma_inc(1.0 - 1.0 / k, x) / lambda;
    }
    case PM_HTTP_PERSIST_RSP_SIZE:
        return hier_mean(pm_http_hier_of(PM_HTTP_PERSIST_RSP_SIZE)) - 0.5;
    case PM_HTTP_PERSISTENT:
        return 0.09;
    case PM_HTTP_PAGES:
        return 0.82 + 0.18 * (1.0 + 1.0 / (1.0 - exp(-1.0 / 0.417)));
    case PM_HTTP_SINGLE_OBJ:
        return 0.69;
    case PM_HTTP_OBJS_PER_PAGE:
        return 1.0 + 1.0 / (1.0 - exp(-1.0 / 1.578));
    case PM_HTTP_TIME_BTWN_PAGES:
        return hier_mean(pm_http_hier_of(PM_HTTP_TIME_BTWN_PAGES));
    case PM_HTTP_TIME_BTWN_OBJS:
        return hier_mean(pm_http_hier_of(PM_HTTP_TIME_BTWN_OBJS));
    case PM_HTTP_XMIT_CLIENT:
        return xmit_mean(&pm_http_table_rtt_client, 5);
    case PM_HTTP_XMIT_SERVER:
        return xmit_mean(&pm_http_table_rtt_server, 3);
    default:
        return NAN;
    }
}

/* P(floor(q(U)) <= x) for the increasing quantile function of a state: the largest p with
 * q(p) < floor(x) + 1 (bisection to double precision). */
static double
truncated_cdf(pm_http_var var, const pm_http_rate_params* rp, pm_http_rsp_state state, double x)
{
    double target = floor(x) + 1;
    double lo = 0;
    double hi = 1;
    if (pm_http_quantile(var, rp, 0, state) >= target)
    {
        return 0;
    }
    for (int i = 0; i < 60; i++)
    {
        double mid = 0.5 * (lo + hi);
        if (pm_http_quantile(var, rp, mid, state) < target)
        {
            lo = mid;
        }
        else
        {
            hi = mid;
        }
    }
    return lo;
}

/* Smallest k >= k0 with P(1 + ceil(Exp(mean)) <= k) >= u, for the count variables. */
static double
count_quantile(double mean, double u)
{
    /* P(1 + ceil(E) <= k) = 1 - exp(-(k - 1)/mean) for integer k >= 2. */
    double k = ceil(1.0 - mean * log(1.0 - u));
    return k < 2 ? 2 : k;
}

double
pm_http_exact_quantile(pm_http_var var, const pm_http_options* opt, double u)
{
    pm_http_rate_params rp;
    if (pm_http_rate_params_eval(opt->rate, &rp, NULL) != PM_OK || !(u > 0 && u < 1))
    {
        return NAN;
    }
    switch (var)
    {
    case PM_HTTP_FLOW_ARRIVAL:
    case PM_HTTP_SERVER_DELAY:
    case PM_HTTP_XMIT_CLIENT:
    case PM_HTTP_XMIT_SERVER:
        return pm_http_quantile(var, &rp, u, PM_HTTP_RSP_CACHE);
    case PM_HTTP_REQ_SIZE:
        return floor(pm_http_quantile(var, &rp, u, PM_HTTP_RSP_CACHE));
    case PM_HTTP_RSP_SIZE:
    {
        /* Smallest whole size x with (1-w) F_cache(x) + w F_download(x) >= u. */
        double lo = 0;
        double hi = 1e15;
        while (lo < hi)
        {
            double mid = floor(0.5 * (lo + hi));
            double F = (1.0 - rp.download_share) * truncated_cdf(var, &rp, PM_HTTP_RSP_CACHE, mid) +
                       rp.download_share * truncated_cdf(var, &rp, PM_HTTP_RSP_DOWNLOAD, mid);
            if (F >= u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }
        return lo;
    }
    case PM_HTTP_PERSISTENT:
        return u <= 0.91 ? 0.0 : 1.0;
    case PM_HTTP_SINGLE_OBJ:
        return u <= 0.31 ? 0.0 : 1.0;
    case PM_HTTP_PAGES:
        return u <= 0.82 ? 1.0 : count_quantile(0.417, (u - 0.82) / 0.18);
    case PM_HTTP_OBJS_PER_PAGE:
        return count_quantile(1.578, u);
    default:
        return NAN;
    }
}
