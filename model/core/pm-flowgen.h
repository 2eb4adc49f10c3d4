/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The classic traffic generator's configuration (HKUST-SING TrafficGenerator and the
 * Python "Traffic Generator" that mirrors it) and the flow schedule such a run produces:
 *
 *     server <IP> <PORT> [WEIGHT]      (one or more)
 *     req_size_dist <CDF file or built-in CDF name>   (exactly one)
 *     dscp <0..63> [WEIGHT]            rate <N>Mbps [WEIGHT]      fanout <N> [WEIGHT]
 *     client_path <command ...>        (accepted and kept; the schedule does not run it)
 *
 * Requests arrive as a Poisson process whose rate makes the receivers see the target
 * bandwidth: Lambda = target_bps / (8 * E[S] * h). A request of size S with fanout k
 * becomes k flows starting together, to k servers drawn with replacement, of S/k bytes
 * each (the remainder of the division goes to the first flow, so no byte is lost).
 */
#ifndef PM_FLOWGEN_H
#define PM_FLOWGEN_H

#include "pm-arrivals.h"
#include "pm-ecdf.h"
#include "pm-error.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

/** TrafficGenerator's goodput correction: 1538 wire bytes per 1448 payload bytes. */
#define PM_FLOWGEN_CLASSIC_OVERHEAD (1538.0 / 1448.0)

/** Most requests one schedule may hold (by count, or expected from rate x duration). */
#define PM_FLOWGEN_MAX_REQUESTS     1e9

/** Largest fanout of a request (a request becomes that many flows that start together). */
#define PM_FLOWGEN_MAX_FANOUT       1000000

    /** A `server` line. */
    typedef struct pm_flowgen_server
    {
        char address[64]; /* IPv4 or IPv6 literal */
        unsigned port;
        double weight;
        char endpoint[72]; /* "address:port" (IPv6 as "[address]:port") */
    } pm_flowgen_server;

    /** A weighted value of a `dscp`, `rate` or `fanout` line. */
    typedef struct pm_flowgen_choice
    {
        double value;
        double weight;
    } pm_flowgen_choice;

    /** A parsed configuration. Owns everything it points to; release with pm_flowgen_config_clear.
     */
    typedef struct pm_flowgen_config
    {
        pm_flowgen_server* servers;
        size_t n_servers;
        pm_ecdf* sizes;          /* from req_size_dist */
        char* size_dist;         /* req_size_dist argument as written */
        pm_flowgen_choice* dscp; /* default: {0, 1} */
        size_t n_dscp;
        pm_flowgen_choice* rate; /* Mbps; 0 = unlimited; default {0, 1} */
        size_t n_rate;
        pm_flowgen_choice* fanout; /* default {1, 1} */
        size_t n_fanout;
        char* client_path; /* NULL when absent */
    } pm_flowgen_config;

    /* Parse a configuration file; errors name the file and line and say what was expected. */
    int pm_flowgen_config_parse_file(const char* path, pm_flowgen_config* cfg, pm_error* err);

    /* Parse configuration text held in memory; `name` stands for the path in messages. */
    int pm_flowgen_config_parse_string(const char* text,
                                       const char* name,
                                       pm_flowgen_config* cfg,
                                       pm_error* err);

    /* Release what a configuration owns and zero it (accepts a zeroed configuration). */
    void pm_flowgen_config_clear(pm_flowgen_config* cfg);

    /** Run parameters of a schedule. */
    typedef struct pm_flowgen_params
    {
        const pm_flowgen_config* config; /* borrowed */
        pm_ecdf_mode mode;               /* CDF reading */
        double target_bps;               /* bandwidth the receivers see (payload), > 0 */
        double overhead;                 /* h >= 1 (1 = off) */
        uint64_t requests;               /* stop after this many requests (or 0) */
        double duration;                 /* or: no request starts after this time, s (or 0) */
    } pm_flowgen_params;

    /** One scheduled flow. */
    typedef struct pm_flowgen_flow
    {
        uint64_t id;      /* 0, 1, 2, ... */
        uint64_t request; /* request the flow belongs to */
        double start;     /* seconds */
        size_t server;    /* index into config->servers */
        uint64_t size;    /* bytes */
        unsigned dscp;
        double rate_mbps;
        unsigned fanout;
    } pm_flowgen_flow;

    /** Generators of a schedule, one per variable (all borrowed). */
    typedef struct pm_flowgen_rngs
    {
        gsl_rng* gap;
        gsl_rng* size;
        gsl_rng* server;
        gsl_rng* dscp;
        gsl_rng* rate;
        gsl_rng* fanout;
    } pm_flowgen_rngs;

    /** A schedule being generated; create with pm_flowgen_new. */
    typedef struct pm_flowgen pm_flowgen;

    /* Create a schedule generator; PM_EINVAL with a message on bad parameters. */
    pm_flowgen* pm_flowgen_new(const pm_flowgen_params* params,
                               const pm_flowgen_rngs* rngs,
                               pm_error* err);

    /* Release a schedule generator (accepts NULL). */
    void pm_flowgen_free(pm_flowgen* g);

    /* Next flow in start-time order into *out; returns 1, or 0 when the schedule is complete. */
    int pm_flowgen_next(pm_flowgen* g, pm_flowgen_flow* out);

    /* Request arrival rate Lambda (requests/s). */
    double pm_flowgen_rate(const pm_flowgen* g);

#ifdef __cplusplus
}
#endif

#endif /* PM_FLOWGEN_H */
