/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the packmime-flowgen configuration parser (and, for what it accepts, a short
 * schedule): servers, weights, dscp, rate, fanout, req_size_dist (built-in names; paths are
 * read from the file system like any file, up to the core's size limit).
 */
#include "fuzz-util.h"
#include "pm-flowgen.h"
#include "pm-rng.h"

#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    char* text = fuzz_text(data, size);
    pm_flowgen_config cfg;
    pm_error err;
    if (text && pm_flowgen_config_parse_string(text, "fuzz.conf", &cfg, &err) == PM_OK)
    {
        gsl_rng* r[6];
        for (unsigned long k = 0; k < 6; k++)
        {
            r[k] = pm_rng_new_seeded(1, k, NULL);
        }
        pm_flowgen_rngs rngs = {r[0], r[1], r[2], r[3], r[4], r[5]};
        pm_flowgen_params params = {&cfg, pm_ecdf_default_mode(cfg.sizes), 1e9, 1.0, 5, 0};
        pm_flowgen* g = pm_flowgen_new(&params, &rngs, &err);
        pm_flowgen_flow f;
        for (int i = 0; g && i < 100 && pm_flowgen_next(g, &f); i++)
        {
            if (f.server >= cfg.n_servers)
            {
                abort();
            }
        }
        pm_flowgen_free(g);
        for (int k = 0; k < 6; k++)
        {
            gsl_rng_free(r[k]);
        }
        pm_flowgen_config_clear(&cfg);
    }
    free(text);
    return 0;
}
