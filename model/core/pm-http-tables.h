/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Two-column tables of PackMime-HTTP and their piecewise-linear reading.
 */
#ifndef PM_HTTP_TABLES_H
#define PM_HTTP_TABLES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** A table of n points (x_i, y_i) with strictly increasing x. */
    typedef struct pm_table
    {
        const double* x;
        const double* y;
        size_t n;
    } pm_table;

    /* Piecewise-linear y(x); outside [x_0, x_(n-1)] the first or last segment is extended. */
    double pm_table_interp(const pm_table* t, double x);

    extern const pm_table pm_http_table_req_size_body;     /* x = p/0.5, y = bytes */
    extern const pm_table pm_http_table_req_size_tail;     /* x = log2(1-q), y = log2 bytes */
    extern const pm_table pm_http_table_rsp_size_cache;    /* x = U, y = bytes */
    extern const pm_table pm_http_table_rsp_size_download; /* x = log2(1-U), y = log2 bytes */
    extern const pm_table pm_http_table_rtt_client;        /* x = -log10(1-p), y = RTT_ms^(1/5) */
    extern const pm_table pm_http_table_rtt_server;        /* x = -log10(1-p), y = RTT_ms^(1/3) */

#ifdef __cplusplus
}
#endif

#endif /* PM_HTTP_TABLES_H */
