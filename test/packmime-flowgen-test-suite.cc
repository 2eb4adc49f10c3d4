/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * packmime-flowgen's schedule: bandwidth, gaps, sizes, weighted choices, fanout splitting,
 * and the configuration parser's accepted forms. (Malformed configurations and flags are
 * tested end to end through the tool by test/packmime-cli-test.sh.)
 */
#include "packmime-test-compat.h"

#include "ns3/abort.h"
#include "ns3/pm-flowgen.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A parsed configuration, seeded generators and a schedule, released together.
struct Schedule
{
    /**
     * @brief Constructor.
     * @param text configuration text
     * @param params run parameters (config filled in here)
     * @param seed seed of the six generators
     */
    Schedule(const std::string& text, pm_flowgen_params params, unsigned long seed)
    {
        pm_error err;
        NS_ABORT_MSG_IF(pm_flowgen_config_parse_string(text.c_str(), "test.conf", &config, &err) !=
                            PM_OK,
                        err.message);
        for (unsigned long k = 0; k < 6; k++)
        {
            rng[k] = pm_rng_new_seeded(seed, k, nullptr);
        }
        pm_flowgen_rngs rngs = {rng[0], rng[1], rng[2], rng[3], rng[4], rng[5]};
        params.config = &config;
        gen = pm_flowgen_new(&params, &rngs, &err);
        NS_ABORT_MSG_IF(gen == nullptr, err.message);
    }

    ~Schedule()
    {
        pm_flowgen_free(gen);
        for (auto r : rng)
        {
            gsl_rng_free(r);
        }
        pm_flowgen_config_clear(&config);
    }

    pm_flowgen_config config; ///< configuration
    gsl_rng* rng[6];          ///< generators
    pm_flowgen* gen;          ///< schedule
};

/// Context of the CDF of whole-byte sizes: P(round(S) <= x) = F(floor(x) + 0.5).
struct RoundedCdf
{
    const pm_ecdf* ecdf; ///< size distribution
    pm_ecdf_mode mode;   ///< reading
};

/// CDF of the whole-byte sizes, for pm_stats_ks_one.
double
RoundedSizeCdf(double x, void* ctx)
{
    auto c = static_cast<RoundedCdf*>(ctx);
    return pm_ecdf_cdf(c->ecdf, c->mode, std::floor(x) + 0.5);
}

/// Exponential CDF with the rate in ctx.
double
ExponentialCdf(double x, void* ctx)
{
    return 1.0 - std::exp(-x * *static_cast<double*>(ctx));
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief Scheduled bandwidth within 1 % of -b; gaps Exp(Lambda); sizes from the CDF.
 *
 * The scheduled bandwidth 8*sum(S)/T_n has relative standard deviation
 * sqrt((CV^2 + 1)/n) (size mean and arrival time both estimated from n requests), so the
 * run uses n = max(10^5, 9*(CV^2 + 1)/0.01^2) requests: the 1 % bound is then >= 3
 * standard deviations. KS of 10^5 gaps against Exp(Lambda) and of 10^5 sizes against the
 * CDF of whole-byte sizes F(floor(x) + 0.5), both at alpha = 0.001 (for the discrete
 * step law the KS test is conservative).
 */
class FlowgenBandwidthTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param mode CDF reading
     */
    FlowgenBandwidthTestCase(pm_ecdf_mode mode)
        : TestCase(std::string("bandwidth within 1 %, gap and size KS: websearch, ") +
                   pm_ecdf_mode_name(mode)),
          m_mode(mode)
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = "server 10.0.0.1 5001\nreq_size_dist websearch\n";
        pm_flowgen_config probe;
        pm_flowgen_config_parse_string(text.c_str(), "probe", &probe, nullptr);
        double cv2 =
            pm_ecdf_variance(probe.sizes, m_mode) / std::pow(pm_ecdf_mean(probe.sizes, m_mode), 2);
        pm_flowgen_config_clear(&probe);
        auto n = uint64_t(std::max(1e5, std::ceil(9 * (cv2 + 1) / 1e-4)));

        pm_flowgen_params params = {nullptr, m_mode, 1e9, 1.0, n, 0.0};
        Schedule s(text, params, 21);
        double rate = pm_flowgen_rate(s.gen);
        std::vector<double> gaps;
        std::vector<double> sizes;
        double bytes = 0;
        double last = 0;
        pm_flowgen_flow f;
        uint64_t flows = 0;
        while (pm_flowgen_next(s.gen, &f))
        {
            if (gaps.size() < 100000)
            {
                gaps.push_back(f.start - last);
                sizes.push_back(double(f.size));
            }
            bytes += double(f.size);
            last = f.start;
            flows++;
        }
        NS_TEST_EXPECT_MSG_EQ(flows, n, "one flow per request without fanout");
        NS_TEST_EXPECT_MSG_EQ_TOL(bytes * 8 / last / 1e9, 1.0, 0.01, "bandwidth ratio, n=" << n);

        pm_stats_sort(gaps.data(), gaps.size());
        double d = pm_stats_ks_one(gaps.data(), gaps.size(), &ExponentialCdf, &rate);
        NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(gaps.size())), PM_KS_C_0_001, "gap KS");
        pm_stats_sort(sizes.data(), sizes.size());
        RoundedCdf ctx{s.config.sizes, m_mode};
        d = pm_stats_ks_one(sizes.data(), sizes.size(), &RoundedSizeCdf, &ctx);
        NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(sizes.size())), PM_KS_C_0_001, "size KS");
    }

    pm_ecdf_mode m_mode; //!< CDF reading
};

/**
 * @ingroup packmime-tests
 * @brief Server, dscp, rate and fanout shares follow their weights (TV < 0.01).
 *
 * With K categories and n draws the expected TV is about 0.5*sum sqrt(2 p (1-p)/(pi n));
 * for n = 10^5 and K <= 4 it is below 0.003, so 0.01 is a meaningful bound.
 */
class FlowgenWeightsTestCase : public TestCase
{
  public:
    FlowgenWeightsTestCase()
        : TestCase("server, dscp, rate and fanout shares follow their weights")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = "server 10.0.0.1 5001 1\n"
                                 "server 10.0.0.2 5002 2\n"
                                 "server 10.0.0.3 5003 5\n"
                                 "server ::1 5004 2\n"
                                 "req_size_dist fb_webserver\n"
                                 "dscp 0 1\n"
                                 "dscp 46 3\n"
                                 "rate 0Mbps 1\n"
                                 "rate 500Mbps 1\n";
        pm_flowgen_params params = {nullptr, PM_ECDF_STEP, 1e9, 1.0, 100000, 0.0};
        Schedule s(text, params, 5);
        std::vector<double> servers(4, 0);
        std::vector<double> dscp(2, 0);
        std::vector<double> rate(2, 0);
        pm_flowgen_flow f;
        double n = 0;
        while (pm_flowgen_next(s.gen, &f))
        {
            servers[f.server] += 1;
            dscp[f.dscp == 46] += 1;
            rate[f.rate_mbps == 500] += 1;
            n += 1;
        }
        for (auto* v : {&servers, &dscp, &rate})
        {
            for (auto& x : *v)
            {
                x /= n;
            }
        }
        const std::vector<double> wServers = {0.1, 0.2, 0.5, 0.2};
        const std::vector<double> wDscp = {0.25, 0.75};
        const std::vector<double> wRate = {0.5, 0.5};
        NS_TEST_EXPECT_MSG_LT(pm_stats_total_variation(servers.data(), wServers.data(), 4),
                              0.01,
                              "");
        NS_TEST_EXPECT_MSG_LT(pm_stats_total_variation(dscp.data(), wDscp.data(), 2), 0.01, "");
        NS_TEST_EXPECT_MSG_LT(pm_stats_total_variation(rate.data(), wRate.data(), 2), 0.01, "");
        NS_TEST_EXPECT_MSG_EQ(std::string(s.config.servers[3].endpoint), "[::1]:5004", "IPv6");
    }
};

/**
 * @ingroup packmime-tests
 * @brief A request with fanout k becomes k flows with one start time whose sizes add up
 * to the request; the -t form stops at the duration.
 */
class FlowgenFanoutTestCase : public TestCase
{
  public:
    FlowgenFanoutTestCase()
        : TestCase("fanout splits requests without losing bytes; duration stops the schedule")
    {
    }

  private:
    void DoRun() override
    {
        const std::string text = "server 10.0.0.1 5001\nserver 10.0.0.2 5001\n"
                                 "req_size_dist websearch\nfanout 1 1\nfanout 3 1\n";
        pm_flowgen_params params = {nullptr, PM_ECDF_LINEAR, 1e9, 1.0, 0, 5.0};
        Schedule s(text, params, 9);
        pm_flowgen_flow f;
        uint64_t request = UINT64_MAX;
        unsigned seen = 0;
        unsigned expected = 0;
        double start = 0;
        bool consistent = true;
        uint64_t requests3 = 0;
        uint64_t requests = 0;
        uint64_t nextId = 0;
        while (pm_flowgen_next(s.gen, &f))
        {
            consistent = consistent && f.id == nextId++ && f.start <= 5.0 && f.size >= 1;
            if (f.request != request)
            {
                consistent = consistent && seen == expected;
                request = f.request;
                seen = 0;
                expected = f.fanout;
                start = f.start;
                requests++;
                requests3 += f.fanout == 3;
            }
            consistent = consistent && f.start == start && f.fanout == expected;
            seen++;
        }
        NS_TEST_EXPECT_MSG_EQ(consistent && seen == expected, true, "fanout groups");
        double share = double(requests3) / requests;
        NS_TEST_EXPECT_MSG_EQ_TOL(share, 0.5, 4 * std::sqrt(0.25 / requests), "fanout weights");
        double expectedRequests = pm_flowgen_rate(s.gen) * 5.0;
        NS_TEST_EXPECT_MSG_EQ_TOL(double(requests),
                                  expectedRequests,
                                  4 * std::sqrt(expectedRequests),
                                  "Poisson count up to the duration");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Accepted configuration forms and the defaults of absent lines.
 */
class FlowgenConfigTestCase : public TestCase
{
  public:
    FlowgenConfigTestCase()
        : TestCase("configuration forms: comments, defaults, client_path, built-in or file CDF")
    {
    }

  private:
    void DoRun() override
    {
        pm_flowgen_config c;
        pm_error err;
        int rc = pm_flowgen_config_parse_string("# comment\n\n  server 10.1.2.3   80  # web\n"
                                                "req_size_dist datamining\n"
                                                "client_path python3  socket_client.py -x\n",
                                                "ok.conf",
                                                &c,
                                                &err);
        NS_TEST_ASSERT_MSG_EQ(rc, PM_OK, err.message);
        NS_TEST_EXPECT_MSG_EQ(c.n_servers, 1u, "servers");
        NS_TEST_EXPECT_MSG_EQ(std::string(c.servers[0].endpoint), "10.1.2.3:80", "endpoint");
        NS_TEST_EXPECT_MSG_EQ(c.n_dscp, 1u, "default dscp");
        NS_TEST_EXPECT_MSG_EQ(c.dscp[0].value, 0.0, "default dscp 0");
        NS_TEST_EXPECT_MSG_EQ(c.fanout[0].value, 1.0, "default fanout 1");
        NS_TEST_EXPECT_MSG_EQ(c.rate[0].value, 0.0, "default rate unlimited");
        NS_TEST_EXPECT_MSG_EQ(std::string(c.client_path),
                              "python3  socket_client.py -x",
                              "client_path keeps the rest of the line");
        pm_flowgen_config_clear(&c);

        pm_flowgen_params params = {nullptr, PM_ECDF_LINEAR, 1e9, 1.0, 10, 5.0};
        pm_flowgen_parse_string_check(params);
    }

    /// Both -n and -t (or neither) is an error of pm_flowgen_new.
    void pm_flowgen_parse_string_check(pm_flowgen_params params)
    {
        pm_flowgen_config c;
        pm_flowgen_config_parse_string("server 10.0.0.1 1\nreq_size_dist websearch\n",
                                       "x",
                                       &c,
                                       nullptr);
        params.config = &c;
        gsl_rng* r = pm_rng_new_seeded(1, 0, nullptr);
        pm_flowgen_rngs rngs = {r, r, r, r, r, r};
        pm_error err;
        pm_flowgen* g = pm_flowgen_new(&params, &rngs, &err);
        NS_TEST_EXPECT_MSG_EQ(g, nullptr, "both a count and a duration");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("exactly one of"),
                              std::string::npos,
                              err.message);
        params.requests = 0;
        params.duration = 0;
        g = pm_flowgen_new(&params, &rngs, &err);
        NS_TEST_EXPECT_MSG_EQ(g, nullptr, "neither a count nor a duration");
        gsl_rng_free(r);
        pm_flowgen_config_clear(&c);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of flow-schedule tests.
 */
class FlowgenTestSuite : public TestSuite
{
  public:
    FlowgenTestSuite()
        : TestSuite("packmime-flowgen", packmime_test::UNIT)
    {
        AddTestCase(new FlowgenBandwidthTestCase(PM_ECDF_LINEAR), packmime_test::QUICK);
        AddTestCase(new FlowgenBandwidthTestCase(PM_ECDF_STEP), packmime_test::QUICK);
        AddTestCase(new FlowgenWeightsTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowgenFanoutTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowgenConfigTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static FlowgenTestSuite g_packmimeFlowgenTestSuite;
