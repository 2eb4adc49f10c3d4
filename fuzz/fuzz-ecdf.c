/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the CDF text parser (the files of data/cdf, --cdf FILE, req_size_dist FILE), then
 * every query on what it accepts (means, CDF, quantiles): nothing may crash, and an accepted
 * CDF must give finite, ordered quantiles within its size range.
 */
#include "fuzz-util.h"
#include "pm-ecdf.h"

#include <math.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    char* text = fuzz_text(data, size);
    pm_error err;
    pm_ecdf* e = text ? pm_ecdf_parse_string(text, "fuzz.cdf", &err) : NULL;
    for (int m = 0; e && m < 2; m++)
    {
        pm_ecdf_mode mode = (pm_ecdf_mode)m;
        double lo = pm_ecdf_point_size(e, 0);
        double hi = pm_ecdf_point_size(e, pm_ecdf_points(e) - 1);
        double prev = -1;
        for (double u = 0; u < 1; u += 0.0625)
        {
            double q = pm_ecdf_quantile(e, mode, u);
            if (!isfinite(q) || q < prev || q > hi || (mode == PM_ECDF_STEP && q < lo))
            {
                abort(); /* a quantile outside the CDF's support, or not monotone */
            }
            prev = q;
            (void)pm_ecdf_to_bytes(q);
            (void)pm_ecdf_cdf(e, mode, q);
        }
        if (!isfinite(pm_ecdf_mean(e, mode)) || !isfinite(pm_ecdf_variance(e, mode)))
        {
            abort();
        }
    }
    pm_ecdf_free(e);
    free(text);
    return 0;
}
