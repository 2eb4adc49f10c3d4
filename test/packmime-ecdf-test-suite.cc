/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * ECDF sampler exactness (validation.md tier A): samples against the exact law of each
 * reading, exact means, and the quantile function against the CDF.
 */
#include "packmime-test-compat.h"

#include "ns3/abort.h"
#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-ecdf.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <gsl/gsl_cdf.h>
#include <string>
#include <vector>

using namespace ns3;

/**
 * @defgroup packmime-tests Tests for packmime
 * @ingroup packmime
 * @ingroup tests
 */

namespace
{

/// Load a built-in CDF or fail the test.
pm_ecdf*
LoadCdf(const std::string& name)
{
    pm_error err;
    pm_ecdf* e = pm_cdf_open(name.c_str(), &err);
    NS_ABORT_MSG_IF(e == nullptr, err.message);
    return e;
}

/// CDF callback context for pm_stats_ks_one.
struct CdfContext
{
    const pm_ecdf* ecdf; ///< distribution
    pm_ecdf_mode mode;   ///< reading
};

/// Exact CDF of a CdfContext, as a pm_stats callback.
double
ExactCdf(double x, void* ctx)
{
    auto c = static_cast<CdfContext*>(ctx);
    return pm_ecdf_cdf(c->ecdf, c->mode, x);
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief One-sample KS of linear-mode samples against the exact piecewise-linear CDF.
 *
 * n = 10^5 draws, fixed seed; reject when sqrt(n)*D > c(0.001) = 1.949 (Kolmogorov
 * critical value, validation.md section 1).
 */
class EcdfLinearKsTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param cdf built-in CDF name
     */
    EcdfLinearKsTestCase(const std::string& cdf)
        : TestCase("linear-mode KS against the exact CDF: " + cdf),
          m_cdf(cdf)
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 100000;
        pm_ecdf* e = LoadCdf(m_cdf);
        gsl_rng* r = pm_rng_new_seeded(42, 1, nullptr);
        std::vector<double> x(n);
        for (auto& v : x)
        {
            v = pm_ecdf_sample(e, PM_ECDF_LINEAR, r);
        }
        pm_stats_sort(x.data(), n);
        CdfContext ctx{e, PM_ECDF_LINEAR};
        double d = pm_stats_ks_one(x.data(), n, &ExactCdf, &ctx);
        NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(n)),
                              PM_KS_C_0_001,
                              m_cdf << ": KS D = " << d << " exceeds the alpha=0.001 bound");
        gsl_rng_free(r);
        pm_ecdf_free(e);
    }

    std::string m_cdf; //!< built-in CDF name
};

/**
 * @ingroup packmime-tests
 * @brief Step-mode draws hit the CDF points with their exact masses (chi-square test).
 *
 * n = 10^5 draws; cells are the CDF points with positive mass, adjacent cells merged until
 * each expects >= 5 draws; reject when the statistic exceeds the chi-square quantile at
 * alpha = 0.001 with (cells - 1) degrees of freedom. Every draw must be one of the points.
 */
class EcdfStepChiSquareTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param cdf built-in CDF name
     */
    EcdfStepChiSquareTestCase(const std::string& cdf)
        : TestCase("step-mode point masses (chi-square): " + cdf),
          m_cdf(cdf)
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 100000;
        pm_ecdf* e = LoadCdf(m_cdf);
        gsl_rng* r = pm_rng_new_seeded(7, 2, nullptr);
        std::vector<double> counts(pm_ecdf_points(e), 0.0);
        size_t offPoint = 0;
        for (size_t k = 0; k < n; k++)
        {
            double u = gsl_rng_uniform(r);
            double s = pm_ecdf_quantile(e, PM_ECDF_STEP, u);
            // The index of the drawn point: the first i with F_i > u.
            size_t i = 0;
            while (pm_ecdf_point_prob(e, i) <= u)
            {
                i++;
            }
            counts[i] += 1;
            offPoint += (s != pm_ecdf_point_size(e, i));
        }
        NS_TEST_EXPECT_MSG_EQ(offPoint, 0u, "step draws must be CDF points");
        double chi2 = 0;
        size_t cells = 0;
        double obs = 0;
        double expct = 0;
        double prevF = 0;
        for (size_t i = 0; i < pm_ecdf_points(e); i++)
        {
            double mass = pm_ecdf_point_prob(e, i) - prevF;
            prevF = pm_ecdf_point_prob(e, i);
            NS_TEST_EXPECT_MSG_EQ((mass == 0 && counts[i] > 0), false, "zero-mass point drawn");
            obs += counts[i];
            expct += mass * n;
            if (expct >= 5 || i + 1 == pm_ecdf_points(e))
            {
                chi2 += (obs - expct) * (obs - expct) / expct;
                cells++;
                obs = 0;
                expct = 0;
            }
        }
        double bound = gsl_cdf_chisq_Qinv(0.001, double(cells - 1));
        NS_TEST_EXPECT_MSG_LT(chi2,
                              bound,
                              m_cdf << ": chi-square " << chi2 << " over " << cells << " cells");
        gsl_rng_free(r);
        pm_ecdf_free(e);
    }

    std::string m_cdf; //!< built-in CDF name
};

/**
 * @ingroup packmime-tests
 * @brief Exact means equal the closed-form sums and the integral of the survival function.
 *
 * The closed-form values are those listed with the data (data/cdf/README.md, printed to
 * 0.01 B). The integral of 1 - F(x) uses pm_ecdf_cdf only, at segment midpoints: exact for
 * both readings because 1 - F is linear (linear) or constant (step) on every segment.
 */
class EcdfMeanTestCase : public TestCase
{
  public:
    EcdfMeanTestCase()
        : TestCase("exact means: closed-form sums and integral of the survival function")
    {
    }

  private:
    /// Integral of 1 - F over [0, x_max] by the midpoint rule on the CDF's segments.
    static double SurvivalIntegral(const pm_ecdf* e, pm_ecdf_mode mode)
    {
        double total = 0;
        double prev = 0;
        for (size_t i = 0; i < pm_ecdf_points(e); i++)
        {
            double width = pm_ecdf_point_size(e, i) - prev;
            if (width > 0)
            {
                total += width * (1.0 - pm_ecdf_cdf(e, mode, prev + 0.5 * width));
            }
            prev = pm_ecdf_point_size(e, i);
        }
        return total;
    }

    void DoRun() override
    {
        struct Expected
        {
            const char* name;
            double linear;
            double step;
        };

        const Expected table[] = {
            {"websearch", 1711250.00, 2434900.00},
            {"datamining", 12658198.60, 23199798.60},
            {"fb_hadoop", 120420.75, 183897.00},
            {"fb_webserver", 62228.78, 62874.27},
            {"fb_cachefollower", 686866.12, 692975.55},
            {"google_searchrpc", 423.33, 440.79},
            {"alistorage2019", 40869.80, 67050.00},
        };
        for (const auto& t : table)
        {
            pm_ecdf* e = LoadCdf(t.name);
            NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_LINEAR), t.linear, 0.006, t.name);
            NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_STEP), t.step, 0.006, t.name);
            for (auto mode : {PM_ECDF_LINEAR, PM_ECDF_STEP})
            {
                double mean = pm_ecdf_mean(e, mode);
                NS_TEST_EXPECT_MSG_EQ_TOL(SurvivalIntegral(e, mode),
                                          mean,
                                          1e-9 * mean,
                                          t.name << " " << pm_ecdf_mode_name(mode));
            }
            pm_ecdf_free(e);
        }
        // A hand-computed case: points (10, 0.5), (30, 1).
        const double x[] = {10, 30};
        const double F[] = {0.5, 1};
        pm_ecdf* e = pm_ecdf_from_arrays(x, F, 2, nullptr);
        NS_TEST_ASSERT_MSG_NE(e, nullptr, "from_arrays");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_LINEAR), 12.5, 1e-12, "0.5*5 + 0.5*20");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_mean(e, PM_ECDF_STEP), 20.0, 1e-12, "0.5*10 + 0.5*30");
        // E[S^2]: linear 0.5*(0+0+100)/3 + 0.5*(100+300+900)/3 = 233.33; step 0.5*100 + 0.5*900.
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_variance(e, PM_ECDF_LINEAR),
                                  700.0 / 3 - 12.5 * 12.5,
                                  1e-9,
                                  "linear variance");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_variance(e, PM_ECDF_STEP), 100.0, 1e-9, "step variance");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_quantile(e, PM_ECDF_LINEAR, 0.25), 5.0, 1e-12, "Q(.25)");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_ecdf_quantile(e, PM_ECDF_LINEAR, 0.75), 20.0, 1e-12, "Q(.75)");
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_quantile(e, PM_ECDF_STEP, 0.25), 10.0, "step Q(.25)");
        NS_TEST_EXPECT_MSG_EQ(pm_ecdf_quantile(e, PM_ECDF_STEP, 0.5), 30.0, "step Q(.5)");
        pm_ecdf_free(e);
    }
};

/**
 * @ingroup packmime-tests
 * @brief The quantile function inverts the CDF in both readings.
 *
 * Linear: F(Q(u)) = u wherever F is continuous and increasing (1e-9), and F(Q(u)) >= u at
 * point masses. Step: F(Q(u)) > u >= F(Q(u)-), i.e. Q(u) is the first point above u.
 * Checked on a 10^4-point grid of u for every built-in CDF.
 */
class EcdfQuantileTestCase : public TestCase
{
  public:
    EcdfQuantileTestCase()
        : TestCase("quantile function inverts the CDF (both readings, every built-in CDF)")
    {
    }

  private:
    void DoRun() override
    {
        for (size_t w = 0; w < pm_builtin_cdf_count(); w++)
        {
            pm_ecdf* e = LoadCdf(pm_builtin_cdf_at(w)->name);
            size_t failures = 0;
            for (int k = 0; k < 10000; k++)
            {
                double u = (k + 0.5) / 10000.0;
                double q = pm_ecdf_quantile(e, PM_ECDF_LINEAR, u);
                double F = pm_ecdf_cdf(e, PM_ECDF_LINEAR, q);
                failures += (F < u - 1e-9);
                double below = pm_ecdf_cdf(e, PM_ECDF_LINEAR, q * (1 - 1e-12) - 1e-12);
                failures += (below > u + 1e-9);

                double s = pm_ecdf_quantile(e, PM_ECDF_STEP, u);
                failures += !(pm_ecdf_cdf(e, PM_ECDF_STEP, s) > u);
                failures += !(pm_ecdf_cdf(e, PM_ECDF_STEP, std::nextafter(s, -1.0)) <= u);
            }
            NS_TEST_EXPECT_MSG_EQ(failures, 0u, pm_builtin_cdf_at(w)->name);
            pm_ecdf_free(e);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of ECDF sampler tests.
 */
class EcdfTestSuite : public TestSuite
{
  public:
    EcdfTestSuite()
        : TestSuite("packmime-ecdf", packmime_test::UNIT)
    {
        for (const char* w : {"websearch", "datamining", "fb_hadoop", "fb_webserver"})
        {
            AddTestCase(new EcdfLinearKsTestCase(w), packmime_test::QUICK);
        }
        for (const char* w : {"fb_webserver", "fb_hadoop-homa", "google_searchrpc", "websearch"})
        {
            AddTestCase(new EcdfStepChiSquareTestCase(w), packmime_test::QUICK);
        }
        AddTestCase(new EcdfMeanTestCase(), packmime_test::QUICK);
        AddTestCase(new EcdfQuantileTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static EcdfTestSuite g_packmimeEcdfTestSuite;
