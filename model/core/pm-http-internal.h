/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Internal to pm-http.c and pm-http-exact.c (not installed): the hierarchical log-normal
 * variables' constants.
 */
#ifndef PM_HTTP_INTERNAL_H
#define PM_HTTP_INTERNAL_H

#include "pm-http.h"

/** Constants of a hierarchical base-2 log-normal: loc ~ N(m_loc, v_loc),
 * s2 ~ Gamma(shape, scale 1/shape), value = 2^(loc + sqrt(s2 v_err) Z). */
typedef struct pm_http_hier_params
{
    double m_loc;
    double v_loc;
    double shape;
    double v_err;
} pm_http_hier_params;

/* The constants of a hierarchical variable (think times, persistent responses), else NULL. */
const pm_http_hier_params* pm_http_hier_of(pm_http_var var);

#endif /* PM_HTTP_INTERNAL_H */
