/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Long-range dependence (validation.md tier B): autocorrelation of the normal scores of the
 * inter-arrival series against theory, the Hurst estimator on exact fractional Gaussian
 * noise, and the ns-2 (Hosking) generator against an exact simulation of the same process.
 */
#include "packmime-test-compat.h"

#include "ns3/pm-circulant.h"
#include "ns3/pm-fsd.h"
#include "ns3/pm-http.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <gsl/gsl_cdf.h>
#include <vector>

using namespace ns3;

namespace
{

/// Mean and standard error (across runs) of a list of per-run values.
std::pair<double, double>
MeanAndSe(const std::vector<double>& v)
{
    double m = pm_stats_mean(v.data(), v.size());
    double ss = 0;
    for (double x : v)
    {
        ss += (x - m) * (x - m);
    }
    return {m, std::sqrt(ss / (v.size() - 1) / v.size())};
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief ACF of the normal scores of generated inter-arrivals at lags 1, 2, 5, 10.
 *
 * Each gap is mapped back to its normal score z = Qinv(exp(-(gap/scale)^shape)) (so the
 * whole variable is tested, marginal mapping included). z has known mean 0 and variance 1,
 * so r(k) = mean(z_t z_(t+k)) is unbiased (the usual mean-corrected ACF is biased low under
 * LRD). 20 independent runs of n = 2^14: the mean r(k) must lie within 3 standard errors
 * (across runs) of the theoretical rho_z(k), and the mean of z^2 within 3 standard errors
 * of 1. Rates 1, 10, 100; both generators.
 */
class FsdAcfTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param method FSD generator
     */
    FsdAcfTestCase(pm_fsd_method method)
        : TestCase(std::string("inter-arrival normal-score ACF at lags 1, 2, 5, 10: ") +
                   pm_fsd_method_name(method)),
          m_method(method)
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 1 << 14;
        const int runs = 20;
        const size_t lags[] = {1, 2, 5, 10};
        for (double rate : {1.0, 10.0, 100.0})
        {
            pm_http_options opt = {};
            opt.rate = rate;
            opt.fsd = m_method;
            pm_http_rate_params rp;
            pm_http_rate_params_eval(rate, &rp, nullptr);
            pm_fsd_params fp;
            pm_http_fsd_params(PM_HTTP_FLOW_ARRIVAL, &opt, &fp, nullptr);
            std::vector<std::vector<double>> r(4);
            std::vector<double> var;
            for (int run = 0; run < runs; run++)
            {
                gsl_rng* g = pm_rng_new_seeded(100 + run, 0, nullptr);
                pm_http_sampler* s = pm_http_sampler_new(PM_HTTP_FLOW_ARRIVAL, &opt, g, nullptr);
                std::vector<double> z(n);
                for (auto& v : z)
                {
                    double gap = pm_http_sample(s);
                    v = gsl_cdf_ugaussian_Qinv(
                        std::exp(-std::pow(gap / rp.flow_scale, rp.flow_shape)));
                }
                double sq = 0;
                for (double v : z)
                {
                    sq += v * v;
                }
                var.push_back(sq / n);
                for (int k = 0; k < 4; k++)
                {
                    double sum = 0;
                    for (size_t t = 0; t + lags[k] < n; t++)
                    {
                        sum += z[t] * z[t + lags[k]];
                    }
                    r[k].push_back(sum / (n - lags[k]));
                }
                pm_http_sampler_free(s);
                gsl_rng_free(g);
            }
            for (int k = 0; k < 4; k++)
            {
                auto [m, se] = MeanAndSe(r[k]);
                NS_TEST_EXPECT_MSG_EQ_TOL(m,
                                          pm_fsd_acf(&fp, lags[k]),
                                          3 * se,
                                          "rate " << rate << ", lag " << lags[k]);
            }
            auto [m, se] = MeanAndSe(var);
            NS_TEST_EXPECT_MSG_EQ_TOL(m, 1.0, 3 * se, "variance of z, rate " << rate);
        }
    }

    pm_fsd_method m_method; //!< FSD generator
};

/**
 * @ingroup packmime-tests
 * @brief The Abry-Veitch estimator recovers H of exact fractional Gaussian noise.
 *
 * fGn with H = 0.5, 0.7, 0.9 by circulant embedding of
 * gamma(k) = (|k+1|^2H - 2|k|^2H + |k-1|^2H)/2, n = 2^15, octaves 3..13; the mean over 10
 * runs must be within 0.02 of H.
 */
class HurstEstimatorTestCase : public TestCase
{
  public:
    HurstEstimatorTestCase()
        : TestCase("Abry-Veitch recovers H of exact fGn (0.5, 0.7, 0.9) within 0.02")
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 1 << 15;
        for (double h : {0.5, 0.7, 0.9})
        {
            std::vector<double> acov(n + 1);
            for (size_t k = 0; k <= n; k++)
            {
                double kk = double(k);
                acov[k] = 0.5 * (std::pow(kk + 1, 2 * h) - 2 * std::pow(kk, 2 * h) +
                                 std::pow(std::fabs(kk - 1), 2 * h));
            }
            gsl_rng* g = pm_rng_new_seeded(77, 0, nullptr);
            pm_circulant* c = pm_circulant_new(acov.data(), n, g, nullptr);
            NS_TEST_ASSERT_MSG_NE(c, nullptr, "embedding");
            std::vector<double> est;
            std::vector<double> x(n);
            for (int run = 0; run < 10; run++)
            {
                for (auto& v : x)
                {
                    v = pm_circulant_next(c);
                }
                double hh;
                double se;
                NS_TEST_ASSERT_MSG_EQ(pm_stats_hurst_av(x.data(), n, 3, 13, &hh, &se),
                                      0,
                                      "estimator");
                est.push_back(hh);
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(pm_stats_mean(est.data(), est.size()), h, 0.02, "H = " << h);
            pm_circulant_free(c);
            gsl_rng_free(g);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief The ns-2 (Hosking, truncated) generator agrees with an exact simulation of the same
 * FSD process: Abry-Veitch H of z (octaves 6..13, where the long-range part dominates the
 * white noise) over 10 runs of n = 2^15 each; the two means must agree within 3 combined
 * standard errors (across runs). Inter-arrival series at rate 1 (theta = 0.557, d = 0.33).
 */
class FsdHurstAgreementTestCase : public TestCase
{
  public:
    FsdHurstAgreementTestCase()
        : TestCase("Hosking generator's Hurst exponent agrees with the exact (fast) generator")
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 1 << 15;
        pm_http_options opt = {};
        opt.rate = 1;
        pm_fsd_params fp;
        pm_http_fsd_params(PM_HTTP_FLOW_ARRIVAL, &opt, &fp, nullptr);
        fp.block = n;
        std::vector<double> est[2];
        std::vector<double> x(n);
        for (auto method : {PM_FSD_HOSKING, PM_FSD_FAST})
        {
            for (int run = 0; run < 10; run++)
            {
                gsl_rng* g = pm_rng_new_seeded(500 + run, method, nullptr);
                pm_fsd* f = pm_fsd_new(&fp, method, g, nullptr);
                for (auto& v : x)
                {
                    v = pm_fsd_next(f);
                }
                double h;
                double se;
                pm_stats_hurst_av(x.data(), n, 6, 13, &h, &se);
                est[method].push_back(h);
                pm_fsd_free(f);
                gsl_rng_free(g);
            }
        }
        auto [mh, seh] = MeanAndSe(est[PM_FSD_HOSKING]);
        auto [mf, sef] = MeanAndSe(est[PM_FSD_FAST]);
        NS_TEST_EXPECT_MSG_EQ_TOL(mh,
                                  mf,
                                  3 * std::sqrt(seh * seh + sef * sef),
                                  "hosking H " << mh << " vs exact " << mf);
        NS_TEST_EXPECT_MSG_GT(mf, 0.7, "the series is long-range dependent (H > 0.7)");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of FSD (long-range dependence) tests.
 */
class FsdTestSuite : public TestSuite
{
  public:
    FsdTestSuite()
        : TestSuite("packmime-fsd", packmime_test::UNIT)
    {
        AddTestCase(new FsdAcfTestCase(PM_FSD_FAST), packmime_test::QUICK);
        AddTestCase(new FsdAcfTestCase(PM_FSD_HOSKING), packmime_test::QUICK);
        AddTestCase(new HurstEstimatorTestCase(), packmime_test::QUICK);
        AddTestCase(new FsdHurstAgreementTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static FsdTestSuite g_packmimeFsdTestSuite;
