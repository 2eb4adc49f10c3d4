/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The validation statistics themselves, on cases with known answers.
 */
#include "packmime-test-compat.h"

#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <vector>

using namespace ns3;

/**
 * @ingroup packmime-tests
 * @brief KS statistics and p-values, quantiles, total variation and IDC on known cases.
 */
class StatsKnownValuesTestCase : public TestCase
{
  public:
    StatsKnownValuesTestCase()
        : TestCase("KS p-values at the tabulated critical values; D, quantile, TV, IDC by hand")
    {
    }

  private:
    static double Uniform(double x, void*)
    {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }

    void DoRun() override
    {
        // Large-sample p-values at the critical values c(alpha): Q(c) = alpha.
        const double ne = 1e12;
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_ks_pvalue(PM_KS_C_0_05 / std::sqrt(ne), ne),
                                  0.05,
                                  2e-4,
                                  "");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_ks_pvalue(PM_KS_C_0_01 / std::sqrt(ne), ne),
                                  0.01,
                                  2e-4,
                                  "");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_ks_pvalue(PM_KS_C_0_001 / std::sqrt(ne), ne),
                                  0.001,
                                  2e-5,
                                  "");

        // One-sample D by hand: sample {0.1, 0.2, 0.9} against U(0,1): max(1/3-0.1, 2/3-0.2,
        // 1-0.9, 0.9-2/3) = 0.4667.
        const double s[] = {0.1, 0.2, 0.9};
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_ks_one(s, 3, &Uniform, nullptr),
                                  2.0 / 3 - 0.2,
                                  1e-12,
                                  "");
        const double a[] = {1, 2, 3, 4};
        const double b[] = {3, 4, 5, 6};
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_ks_two(a, 4, b, 4), 0.5, 1e-12, "two-sample D");
        NS_TEST_EXPECT_MSG_EQ(pm_stats_ks_two(a, 4, a, 4), 0.0, "identical samples");

        const double q[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        NS_TEST_EXPECT_MSG_EQ(pm_stats_quantile(q, 10, 0.5), 6.0, "sorted[floor(0.5*10)]");
        NS_TEST_EXPECT_MSG_EQ(pm_stats_quantile(q, 10, 0.99), 10.0, "sorted[9]");
        NS_TEST_EXPECT_MSG_EQ(pm_stats_quantile(q, 10, 1.0), 10.0, "clamped");

        const double p1[] = {0.5, 0.5, 0};
        const double p2[] = {0.25, 0.25, 0.5};
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_total_variation(p1, p2, 3), 0.5, 1e-12, "TV");

        // Evenly spaced arrivals: every window holds the same count, so IDC = 0.
        std::vector<double> t;
        for (int i = 0; i < 1000; i++)
        {
            t.push_back(i + 0.5);
        }
        size_t m = 0;
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_idc(t.data(), t.size(), 10, 1000, &m), 0.0, 1e-12, "");
        NS_TEST_EXPECT_MSG_EQ(m, 100u, "windows");
    }
};

/**
 * @ingroup packmime-tests
 * @brief The KS p-value is calibrated: over 200 seeded U(0,1) samples of n = 1000, the
 * share of p < 0.05 is within 4 binomial standard errors of 0.05.
 */
class StatsKsCalibrationTestCase : public TestCase
{
  public:
    StatsKsCalibrationTestCase()
        : TestCase("KS p-values of true-null samples reject at the nominal rate")
    {
    }

  private:
    static double Uniform(double x, void*)
    {
        return x < 0 ? 0 : (x > 1 ? 1 : x);
    }

    void DoRun() override
    {
        const int runs = 200;
        const size_t n = 1000;
        int rejected = 0;
        gsl_rng* r = pm_rng_new_seeded(11, 0, nullptr);
        std::vector<double> x(n);
        for (int k = 0; k < runs; k++)
        {
            for (auto& v : x)
            {
                v = gsl_rng_uniform(r);
            }
            pm_stats_sort(x.data(), n);
            double d = pm_stats_ks_one(x.data(), n, &Uniform, nullptr);
            rejected += pm_stats_ks_pvalue(d, double(n)) < 0.05;
        }
        gsl_rng_free(r);
        double se = std::sqrt(0.05 * 0.95 / runs);
        NS_TEST_EXPECT_MSG_EQ_TOL(double(rejected) / runs, 0.05, 4 * se, "rejection rate");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of statistics tests.
 */
class StatsTestSuite : public TestSuite
{
  public:
    StatsTestSuite()
        : TestSuite("packmime-stats", packmime_test::UNIT)
    {
        AddTestCase(new StatsKnownValuesTestCase(), packmime_test::QUICK);
        AddTestCase(new StatsKsCalibrationTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static StatsTestSuite g_packmimeStatsTestSuite;
