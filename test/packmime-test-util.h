/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Exact laws shared by several packmime test suites.
 */
#ifndef PACKMIME_TEST_UTIL_H
#define PACKMIME_TEST_UTIL_H

#include <cmath>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_randist.h>

namespace packmime_test
{

/// Marginal CDF of 2^(loc + sqrt(s2 V) Z) with loc ~ N(m, v), s2 ~ Gamma(a, 1/a) integrated:
/// P(log2 X <= y) = E_s2[ Phi((y - m) / sqrt(v + s2 V)) ].
struct HierMarginal
{
    double m;  ///< location mean
    double v;  ///< location variance
    double a;  ///< gamma shape (scale 1/a)
    double ve; ///< error variance

    /**
     * @brief The CDF at a log2 value.
     * @param y log2 of the value
     * @return P(log2 X <= y)
     */
    double operator()(double y) const
    {
        struct Ctx
        {
            const HierMarginal* h;
            double y;
        } ctx{this, y};

        gsl_function f;
        f.function = [](double s2, void* p)
        {
            auto c = static_cast<Ctx*>(p);
            return gsl_ran_gamma_pdf(s2, c->h->a, 1 / c->h->a) *
                   gsl_cdf_ugaussian_P((c->y - c->h->m) / std::sqrt(c->h->v + s2 * c->h->ve));
        };
        f.params = &ctx;
        gsl_integration_workspace* w = gsl_integration_workspace_alloc(200);
        double result;
        double abserr;
        gsl_integration_qagiu(&f, 0, 1e-10, 1e-8, 200, w, &result, &abserr);
        gsl_integration_workspace_free(w);
        return result;
    }
};

/// The persistent-response-size law (packmime-http-model.md section 4.6).
constexpr HierMarginal PERSIST_RSP{10.62, 0.94, 3.22, 2.43};

} // namespace packmime_test

#endif /* PACKMIME_TEST_UTIL_H */
