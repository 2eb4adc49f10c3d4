/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The RNG bridge: GSL draws taken from ns-3 streams are reproducible per (RngRun, stream),
 * change with either, and are uniform and mutually independent.
 */
#include "packmime-test-compat.h"

#include "ns3/double.h"
#include "ns3/gsl-rng-stream.h"
#include "ns3/packmime-http-random-variable.h"
#include "ns3/pm-http.h"
#include "ns3/pm-stats.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/string.h"
#include "ns3/test.h"

#include <cmath>
#include <gsl/gsl_randist.h>
#include <vector>

using namespace ns3;

namespace
{

/// First n values of a mix of GSL draws (uniform, integer, Weibull) from a bridge on `stream`.
std::vector<double>
Draws(int64_t stream, size_t n)
{
    auto bridge = CreateObject<GslRngStream>();
    bridge->AssignStreams(stream);
    std::vector<double> v;
    for (size_t i = 0; i < n; i++)
    {
        v.push_back(gsl_rng_uniform(bridge->Get()));
        v.push_back(double(gsl_rng_get(bridge->Get())));
        v.push_back(gsl_ran_weibull(bridge->Get(), 2.0, 0.7));
    }
    return v;
}

/// Uniform(0,1) CDF for pm_stats_ks_one.
double
UniformCdf(double x, void*)
{
    return x < 0 ? 0 : (x > 1 ? 1 : x);
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief Same (RngRun, stream) gives the same draws; another run or stream does not.
 */
class RngBridgeReproducibilityTestCase : public TestCase
{
  public:
    RngBridgeReproducibilityTestCase()
        : TestCase("same (RngRun, stream) -> same draws; other run or stream -> different")
    {
    }

  private:
    void DoRun() override
    {
        uint64_t savedRun = RngSeedManager::GetRun();
        RngSeedManager::SetRun(1);
        auto a = Draws(7, 1000);
        auto b = Draws(7, 1000);
        auto otherStream = Draws(8, 1000);
        RngSeedManager::SetRun(2);
        auto otherRun = Draws(7, 1000);
        RngSeedManager::SetRun(savedRun);

        NS_TEST_EXPECT_MSG_EQ((a == b), true, "same run and stream must repeat exactly");
        size_t sameStream = 0;
        size_t sameRun = 0;
        for (size_t i = 0; i < a.size(); i++)
        {
            sameStream += a[i] == otherStream[i];
            sameRun += a[i] == otherRun[i];
        }
        NS_TEST_EXPECT_MSG_EQ(sameStream, 0u, "another stream must give other draws");
        NS_TEST_EXPECT_MSG_EQ(sameRun, 0u, "another RngRun must give other draws");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Bridge draws are uniform and two streams are uncorrelated.
 *
 * KS of 10^5 gsl_rng_uniform draws against U(0,1) at alpha = 0.001; the integer draws lie in
 * [0, 2^32) with mean within 4 standard errors of (2^32 - 1)/2; the sample correlation of
 * two streams is within 4/sqrt(n) of 0 (its standard error under independence is 1/sqrt(n)).
 */
class RngBridgeUniformityTestCase : public TestCase
{
  public:
    RngBridgeUniformityTestCase()
        : TestCase("uniform draws (KS), integer range, independent streams")
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 100000;
        auto s1 = CreateObject<GslRngStream>();
        auto s2 = CreateObject<GslRngStream>();
        s1->AssignStreams(100);
        s2->AssignStreams(101);
        std::vector<double> u(n);
        std::vector<double> v(n);
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (size_t i = 0; i < n; i++)
        {
            u[i] = gsl_rng_uniform(s1->Get());
            v[i] = gsl_rng_uniform(s2->Get());
            sx += u[i];
            sy += v[i];
            sxy += u[i] * v[i];
            sxx += u[i] * u[i];
            syy += v[i] * v[i];
        }
        double cov = sxy / n - (sx / n) * (sy / n);
        double corr = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
        NS_TEST_EXPECT_MSG_LT(std::fabs(corr), 4.0 / std::sqrt(double(n)), "streams correlated");
        pm_stats_sort(u.data(), n);
        double d = pm_stats_ks_one(u.data(), n, &UniformCdf, nullptr);
        NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(n)), PM_KS_C_0_001, "uniform KS");
        NS_TEST_EXPECT_MSG_GT(u.front(), 0.0, "gsl_rng_uniform never returns 0 through ns-3");

        double sum = 0;
        double max = 0;
        for (size_t i = 0; i < n; i++)
        {
            double k = double(gsl_rng_get(s1->Get()));
            sum += k;
            max = std::max(max, k);
        }
        const double range = 4294967296.0;
        double se = range / std::sqrt(12.0 * n);
        NS_TEST_EXPECT_MSG_EQ_TOL(sum / n, (range - 1) / 2, 4 * se, "integer mean");
        NS_TEST_EXPECT_MSG_LT(max, range, "integers below 2^32");
        NS_TEST_EXPECT_MSG_EQ(gsl_rng_max(s1->Get()), 0xffffffffUL, "declared maximum");
    }
};

/**
 * @ingroup packmime-tests
 * @brief PackMimeHttpRandomVariable draws exactly the model variable: the same values as the
 * C core's sampler fed by a bridge on the same stream (bit for bit, 1,000 draws), for an FSD
 * variable and two others; another stream gives other values; AssignStreams counts 1.
 */
class PackMimeHttpRandomVariableTestCase : public TestCase
{
  public:
    PackMimeHttpRandomVariableTestCase()
        : TestCase("PackMimeHttpRandomVariable = the core sampler on the same ns-3 stream")
    {
    }

  private:
    void DoRun() override
    {
        for (auto [name, var] : {std::pair{"req-size", PM_HTTP_REQ_SIZE},
                                 std::pair{"server-delay", PM_HTTP_SERVER_DELAY},
                                 std::pair{"rsp-size", PM_HTTP_RSP_SIZE}})
        {
            auto rv = CreateObject<PackMimeHttpRandomVariable>();
            rv->SetAttribute("Variable", StringValue(name));
            rv->SetAttribute("Rate", DoubleValue(50));
            NS_TEST_EXPECT_MSG_EQ(rv->AssignStreams(40), 1, "one stream");
            auto bridge = CreateObject<GslRngStream>();
            bridge->AssignStreams(40);
            pm_http_options opt = {};
            opt.rate = 50;
            pm_http_sampler* s = pm_http_sampler_new(var, &opt, bridge->Get(), nullptr);
            auto other = CreateObject<PackMimeHttpRandomVariable>();
            other->SetAttribute("Variable", StringValue(name));
            other->SetAttribute("Rate", DoubleValue(50));
            other->AssignStreams(41);
            size_t same = 0;
            size_t sameAsOther = 0;
            for (int i = 0; i < 1000; i++)
            {
                double v = rv->GetValue();
                same += v == pm_http_sample(s);
                sameAsOther += v == other->GetValue();
            }
            NS_TEST_EXPECT_MSG_EQ(same, 1000u, name << ": the model variable, draw for draw");
            NS_TEST_EXPECT_MSG_LT(sameAsOther, 100u, name << ": another stream differs");
            pm_http_sampler_free(s);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of RNG-bridge tests.
 */
class RngBridgeTestSuite : public TestSuite
{
  public:
    RngBridgeTestSuite()
        : TestSuite("packmime-rng-bridge", packmime_test::UNIT)
    {
        AddTestCase(new RngBridgeReproducibilityTestCase(), packmime_test::QUICK);
        AddTestCase(new RngBridgeUniformityTestCase(), packmime_test::QUICK);
        AddTestCase(new PackMimeHttpRandomVariableTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static RngBridgeTestSuite g_packmimeRngBridgeTestSuite;
