/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The classic traffic generator's flow schedule: arrivals, sizes, servers, DSCP, rate and
 * fanout drawn from a parsed configuration (pm-flowgen-config.c).
 */
#include "pm-flowgen.h"

#include <gsl/gsl_randist.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
