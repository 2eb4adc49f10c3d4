/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Poisson flow arrivals: the rate formula, exponential gaps, Poisson counts (IDC), pattern
 * shares, stopping rules and rejected parameters.
 */
#include "packmime-test-compat.h"

#include "ns3/abort.h"
#include "ns3/pm-arrivals.h"
#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-patterns.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// Three seeded generators and a built-in CDF, released together.
struct Fixture
{
    /**
     * @brief Constructor.
     * @param cdf built-in CDF name
     * @param seed generator seed
     */
    Fixture(const char* cdf, unsigned long seed)
        : sizes(pm_cdf_open(cdf, nullptr)),
          gap(pm_rng_new_seeded(seed, 0, nullptr)),
          size(pm_rng_new_seeded(seed, 1, nullptr)),
          pair(pm_rng_new_seeded(seed, 2, nullptr))
    {
    }

    ~Fixture()
    {
        pm_ecdf_free(sizes);
        gsl_rng_free(gap);
        gsl_rng_free(size);
        gsl_rng_free(pair);
    }

    /**
     * @brief Create an arrival process on these generators.
     * @param cfg configuration (its `sizes` is set here)
     * @param err error record
     * @return the process or nullptr
     */
    pm_arrivals* Make(pm_arrivals_config cfg, pm_error* err = nullptr)
    {
        cfg.sizes = sizes;
        return pm_arrivals_new(&cfg, gap, size, pair, err);
    }

    pm_ecdf* sizes; ///< flow sizes
    gsl_rng* gap;   ///< gap stream
    gsl_rng* size;  ///< size stream
    gsl_rng* pair;  ///< pair stream
};

/// Exponential CDF with rate in ctx, for pm_stats_ks_one.
double
ExponentialCdf(double x, void* ctx)
{
    return 1.0 - std::exp(-x * *static_cast<double*>(ctx));
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief The rate is load * capacity / (8 * mean * h) per host, with the mean of the reading.
 *
 * Means are the published values of data/cdf/README.md; the worked example of
 * flow-workloads.md (web search, 10 Gb/s, load 0.5: 365.2 flows/s per host) is checked too.
 */
class ArrivalsRateTestCase : public TestCase
{
  public:
    ArrivalsRateTestCase()
        : TestCase("rate formula for both readings, overhead and target bandwidth")
    {
    }

  private:
    void DoRun() override
    {
        Fixture f("websearch", 1);
        pm_arrivals_config cfg = {};
        cfg.n_hosts = 16;
        cfg.load = 0.5;
        cfg.capacity_bps = 10e9;
        const double meanLinear = 1711250.0;
        const double meanStep = 2434900.0;
        for (auto mode : {PM_ECDF_LINEAR, PM_ECDF_STEP})
        {
            cfg.mode = mode;
            double mean = mode == PM_ECDF_LINEAR ? meanLinear : meanStep;
            pm_arrivals* a = f.Make(cfg);
            NS_TEST_ASSERT_MSG_NE(a, nullptr, "create");
            NS_TEST_EXPECT_MSG_EQ_TOL(pm_arrivals_rate(a),
                                      16 * 0.5 * 10e9 / (8 * mean),
                                      1e-9 * pm_arrivals_rate(a),
                                      pm_ecdf_mode_name(mode));
            pm_arrivals_free(a);
        }
        cfg.mode = PM_ECDF_LINEAR;
        cfg.n_hosts = 2;
        pm_arrivals* a = f.Make(cfg);
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_arrivals_rate(a) / 2, 365.2, 0.05, "worked example");
        pm_arrivals_free(a);

        cfg.overhead = 1538.0 / 1448.0;
        a = f.Make(cfg);
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_arrivals_rate(a),
                                  2 * 0.5 * 10e9 / (8 * meanLinear * 1538.0 / 1448.0),
                                  1e-6,
                                  "overhead factor divides the rate");
        pm_arrivals_free(a);

        cfg.overhead = 0;
        cfg.target_bps = 1e9;
        a = f.Make(cfg);
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_arrivals_rate(a),
                                  1e9 / (8 * meanLinear),
                                  1e-9,
                                  "target bandwidth is the aggregate");
        pm_arrivals_free(a);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Gaps are Exp(Lambda) (KS, n = 10^5, alpha = 0.001) and counts are Poisson (IDC).
 *
 * IDC(T) = Var(N_T)/E(N_T) over m windows: for Poisson counts with mean mu the estimator
 * has standard error sqrt(2/(m-1) + 1/(m*mu)) around 1; asserted within 3 standard
 * errors at windows of 10, 100 and 1000 mean gaps (10^6 arrivals).
 */
class ArrivalsPoissonTestCase : public TestCase
{
  public:
    ArrivalsPoissonTestCase()
        : TestCase("exponential gaps (KS) and Poisson counts (IDC at three windows)")
    {
    }

  private:
    void DoRun() override
    {
        Fixture f("fb_hadoop", 3);
        pm_arrivals_config cfg = {};
        cfg.n_hosts = 8;
        cfg.load = 0.4;
        cfg.capacity_bps = 1e9;
        cfg.max_flows = 1000000;
        pm_arrivals* a = f.Make(cfg);
        NS_TEST_ASSERT_MSG_NE(a, nullptr, "create");
        double rate = pm_arrivals_rate(a);
        std::vector<double> times;
        std::vector<double> gaps;
        pm_flow flow;
        while (pm_arrivals_next(a, &flow))
        {
            times.push_back(flow.time);
            if (gaps.size() < 100000)
            {
                gaps.push_back(flow.gap);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(times.size(), 1000000u, "flow count");
        pm_stats_sort(gaps.data(), gaps.size());
        double d = pm_stats_ks_one(gaps.data(), gaps.size(), &ExponentialCdf, &rate);
        NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(gaps.size())), PM_KS_C_0_001, "KS of gaps");

        for (double meanGaps : {10.0, 100.0, 1000.0})
        {
            double w = meanGaps / rate;
            size_t m = 0;
            double idc = pm_stats_idc(times.data(), times.size(), w, times.back(), &m);
            double se = std::sqrt(2.0 / (m - 1) + 1.0 / (m * meanGaps));
            NS_TEST_EXPECT_MSG_EQ_TOL(idc, 1.0, 3 * se, "IDC at " << meanGaps << " gaps, m=" << m);
        }
        pm_arrivals_free(a);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Realized (source, destination) shares match the pattern: TV < 0.01.
 *
 * For K equally likely cells and n flows, E[TV] ~ 0.5*K*sqrt(2/pi)*sqrt(p/n); with K = 240
 * (16 hosts) and n = 10^6 that is 0.0062 (sd 0.0003), so 0.01 is a meaningful bound. The
 * weighted case also checks that zero-weight pairs and rows never send.
 */
class ArrivalsPatternTestCase : public TestCase
{
  public:
    ArrivalsPatternTestCase()
        : TestCase("uniform and weighted pair shares within TV 0.01; zero weights never drawn")
    {
    }

  private:
    /// TV between realized and configured pair shares over n flows; counts zero-weight hits.
    double RealizedTv(Fixture& f, pm_arrivals_config cfg, size_t n, size_t* zeroHits)
    {
        size_t hosts = cfg.n_hosts;
        cfg.max_flows = n;
        pm_arrivals* a = f.Make(cfg);
        NS_ABORT_MSG_IF(a == nullptr, "create");
        std::vector<double> counts(hosts * hosts, 0);
        pm_flow flow;
        while (pm_arrivals_next(a, &flow))
        {
            counts[flow.src * hosts + flow.dst] += 1;
        }
        std::vector<double> expected(hosts * hosts);
        *zeroHits = 0;
        for (size_t c = 0; c < counts.size(); c++)
        {
            expected[c] = pm_arrivals_pair_probability(a, c / hosts, c % hosts);
            *zeroHits += (expected[c] == 0 && counts[c] > 0);
            counts[c] /= double(n);
        }
        pm_arrivals_free(a);
        return pm_stats_total_variation(counts.data(), expected.data(), counts.size());
    }

    void DoRun() override
    {
        Fixture f("websearch", 5);
        pm_arrivals_config cfg = {};
        cfg.n_hosts = 16;
        cfg.load = 0.5;
        cfg.capacity_bps = 10e9;
        size_t zeroHits = 0;
        double tv = RealizedTv(f, cfg, 1000000, &zeroHits);
        NS_TEST_EXPECT_MSG_LT(tv, 0.01, "uniform all-to-all TV");
        NS_TEST_EXPECT_MSG_EQ(zeroHits, 0u, "a host sent to itself");

        // Weighted: 8 hosts, host 7 never sends, host 0 only to 1 and 2, skewed elsewhere.
        std::vector<double> w(64, 0.0);
        for (size_t s = 1; s < 7; s++)
        {
            for (size_t d = 0; d < 8; d++)
            {
                w[s * 8 + d] = (s == d) ? 0.0 : double((s + 2 * d) % 5);
            }
        }
        w[0 * 8 + 1] = 10;
        w[0 * 8 + 2] = 1;
        cfg.n_hosts = 8;
        cfg.matrix = w.data();
        tv = RealizedTv(f, cfg, 1000000, &zeroHits);
        NS_TEST_EXPECT_MSG_LT(tv, 0.01, "weighted matrix TV");
        NS_TEST_EXPECT_MSG_EQ(zeroHits, 0u, "a zero-weight pair was drawn");
        pm_arrivals* a = f.Make(cfg);
        NS_TEST_EXPECT_MSG_EQ(pm_arrivals_senders(a), 7u, "host 7 has an empty row");
        pm_arrivals_free(a);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Stopping after N flows or at time T, and integer sizes with the right mean.
 *
 * The count up to T is Poisson(Lambda*T): asserted within 4 sqrt(Lambda*T). The mean of
 * 10^5 step-mode sizes of fb_webserver is within 4 standard errors of the exact mean
 * (the standard error from the exact second moment of the step distribution).
 */
class ArrivalsStopTestCase : public TestCase
{
  public:
    ArrivalsStopTestCase()
        : TestCase("flow count and stop time end the process; sizes are whole bytes")
    {
    }

  private:
    void DoRun() override
    {
        Fixture f("fb_webserver", 9);
        pm_arrivals_config cfg = {};
        cfg.n_hosts = 4;
        cfg.mode = PM_ECDF_STEP;
        cfg.load = 0.3;
        cfg.capacity_bps = 1e9;
        cfg.max_flows = 100000;
        pm_arrivals* a = f.Make(cfg);
        pm_flow flow;
        uint64_t count = 0;
        double sum = 0;
        bool idsInOrder = true;
        while (pm_arrivals_next(a, &flow))
        {
            idsInOrder = idsInOrder && flow.id == count;
            count++;
            sum += double(flow.size);
        }
        NS_TEST_EXPECT_MSG_EQ(count, 100000u, "max_flows");
        NS_TEST_EXPECT_MSG_EQ(idsInOrder, true, "ids 0, 1, 2, ...");
        NS_TEST_EXPECT_MSG_EQ(pm_arrivals_next(a, &flow), 0, "stays finished");
        double mean = pm_ecdf_mean(f.sizes, PM_ECDF_STEP);
        double se = std::sqrt(pm_ecdf_variance(f.sizes, PM_ECDF_STEP) / count);
        NS_TEST_EXPECT_MSG_EQ_TOL(sum / count, mean, 4 * se, "mean size");
        pm_arrivals_free(a);

        cfg.max_flows = 0;
        cfg.stop_time = 2.0;
        a = f.Make(cfg);
        double expected = pm_arrivals_rate(a) * cfg.stop_time;
        count = 0;
        double last = 0;
        while (pm_arrivals_next(a, &flow))
        {
            count++;
            last = flow.time;
        }
        NS_TEST_EXPECT_MSG_LT_OR_EQ(last, 2.0, "no flow after the stop time");
        NS_TEST_EXPECT_MSG_EQ_TOL(double(count), expected, 4 * std::sqrt(expected), "count");
        pm_arrivals_free(a);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Invalid parameters are errors with a message, never a NaN rate.
 */
class ArrivalsErrorsTestCase : public TestCase
{
  public:
    ArrivalsErrorsTestCase()
        : TestCase("invalid parameters are rejected with a message")
    {
    }

  private:
    void DoRun() override
    {
        Fixture f("websearch", 1);
        pm_arrivals_config good = {};
        good.n_hosts = 4;
        good.load = 0.5;
        good.capacity_bps = 1e9;
        std::vector<double> zeros(16, 0.0);
        std::vector<double> negative(16, 1.0);
        negative[5] = -1;

        struct Case
        {
            std::string what;
            pm_arrivals_config cfg;
            const char* expected;
        };

        std::vector<Case> cases;
        auto add = [&](std::string what, auto change, const char* expected)
        {
            pm_arrivals_config c = good;
            change(c);
            cases.push_back({what, c, expected});
        };
        add(
            "load 0",
            [](auto& c)
            {
                c.load = 0;
            },
            "load 0: expected a finite value > 0");
        add(
            "load -1",
            [](auto& c)
            {
                c.load = -1;
            },
            "load -1: expected");
        add(
            "load NaN",
            [](auto& c)
            {
                c.load = NAN;
            },
            "load nan: expected");
        add(
            "capacity 0",
            [](auto& c)
            {
                c.capacity_bps = 0;
            },
            "capacity 0 bit/s");
        add(
            "one host",
            [](auto& c)
            {
                c.n_hosts = 1;
            },
            "1 hosts: at least 2");
        add(
            "overhead 0.5",
            [](auto& c)
            {
                c.overhead = 0.5;
            },
            "overhead factor 0.5");
        add(
            "all-zero matrix",
            [&](auto& c)
            {
                c.matrix = zeros.data();
            },
            "all weights are 0");
        add(
            "negative weight",
            [&](auto& c)
            {
                c.matrix = negative.data();
            },
            "entry (1,1) = -1: expected a finite weight >= 0");
        for (auto& c : cases)
        {
            pm_error err;
            pm_error_clear(&err);
            pm_arrivals* a = f.Make(c.cfg, &err);
            NS_TEST_EXPECT_MSG_EQ(a, nullptr, c.what << " accepted");
            pm_arrivals_free(a);
            NS_TEST_EXPECT_MSG_EQ(err.code, PM_EINVAL, c.what);
            NS_TEST_EXPECT_MSG_NE(std::string(err.message).find(c.expected),
                                  std::string::npos,
                                  c.what << ": '" << err.message << "'");
        }
        const double x[] = {0, 0};
        const double F[] = {0.5, 1};
        pm_ecdf* zero = pm_ecdf_from_arrays(x, F, 2, nullptr);
        pm_error err;
        double rate =
            pm_arrivals_rate_from_load(0.5, 1e9, pm_ecdf_mean(zero, PM_ECDF_LINEAR), 1, &err);
        NS_TEST_EXPECT_MSG_EQ(rate, 0.0, "zero mean gives no rate");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("mean flow size 0 B"),
                              std::string::npos,
                              err.message);
        pm_ecdf_free(zero);
    }
};

/**
 * @ingroup packmime-tests
 * @brief The pattern draws of the C core: permutations, incast requests, group picks.
 *
 * Permutations of n = 2, 3, 7, 16: one 1 per row and column, none on the diagonal, one
 * cycle through every host. Uniformity for n = 4: the 3! = 6 cyclic permutations over
 * 6,000 draws, Pearson chi-square with 5 degrees of freedom below 20.52 (alpha = 0.001).
 * Incast among 9 hosts with fan-out 8 and 3: senders distinct, never the receiver; receiver
 * counts over 9,000 draws within 4 sqrt(1000 (1 - 1/9)) of 1,000; fan-out 20 among 5
 * hosts draws with replacement (never the receiver). Group picks never return the host to
 * avoid. Errors: fewer than 2 hosts, fan-out 0, an empty group, a group that is only the
 * host to avoid.
 */
class PatternsTestCase : public TestCase
{
  public:
    PatternsTestCase()
        : TestCase("patterns: cyclic permutations (uniform), incast senders and rate, group picks, "
                   "traffic-matrix epoch rates")
    {
    }

  private:
    void DoRun() override
    {
        gsl_rng* rng = pm_rng_new_seeded(7, 0, nullptr);
        gsl_rng* rng2 = pm_rng_new_seeded(7, 1, nullptr);
        for (size_t n : {2, 3, 7, 16})
        {
            std::vector<double> m(n * n);
            for (int draw = 0; draw < 200; draw++)
            {
                NS_TEST_ASSERT_MSG_EQ(pm_permutation_matrix(rng, n, m.data(), nullptr),
                                      PM_OK,
                                      "n = " << n);
                std::vector<size_t> next(n, n);
                std::vector<int> column(n, 0);
                for (size_t i = 0; i < n; i++)
                {
                    int row = 0;
                    for (size_t j = 0; j < n; j++)
                    {
                        NS_TEST_ASSERT_MSG_EQ((m[i * n + j] == 0.0 || m[i * n + j] == 1.0),
                                              true,
                                              "0/1 entries");
                        if (m[i * n + j] == 1.0)
                        {
                            row++;
                            column[j]++;
                            next[i] = j;
                        }
                    }
                    NS_TEST_ASSERT_MSG_EQ(row, 1, "one destination per host");
                    NS_TEST_ASSERT_MSG_NE(next[i], i, "no host sends to itself");
                }
                size_t at = 0;
                size_t steps = 0;
                do
                {
                    NS_TEST_ASSERT_MSG_EQ(column[at], 1, "one source per host");
                    at = next[at];
                    steps++;
                } while (at != 0 && steps <= n);
                NS_TEST_ASSERT_MSG_EQ(steps, n, "one cycle through every host");
            }
        }
        // Uniform over the 6 cyclic permutations of 4 hosts (keyed by the successors).
        std::map<std::vector<size_t>, int> counts;
        std::vector<double> m(16);
        for (int draw = 0; draw < 6000; draw++)
        {
            pm_permutation_matrix(rng, 4, m.data(), nullptr);
            std::vector<size_t> key;
            for (size_t i = 0; i < 4; i++)
            {
                for (size_t j = 0; j < 4; j++)
                {
                    if (m[i * 4 + j] == 1.0)
                    {
                        key.push_back(j);
                    }
                }
            }
            counts[key]++;
        }
        NS_TEST_ASSERT_MSG_EQ(counts.size(), 6u, "every cyclic permutation of 4 hosts occurs");
        double chi2 = 0;
        for (const auto& [key, c] : counts)
        {
            chi2 += (c - 1000.0) * (c - 1000.0) / 1000.0;
        }
        NS_TEST_EXPECT_MSG_LT(chi2, 20.52, "chi-square, 5 degrees of freedom, alpha 0.001");

        for (uint32_t fanout : {8u, 3u, 20u})
        {
            uint32_t n = fanout == 20 ? 5 : 9;
            std::vector<int> received(n, 0);
            std::vector<uint32_t> senders(fanout);
            for (int draw = 0; draw < 9000; draw++)
            {
                uint32_t r = n;
                NS_TEST_ASSERT_MSG_EQ(
                    pm_incast_draw(rng, rng2, n, fanout, &r, senders.data(), nullptr),
                    PM_OK,
                    "incast draw");
                NS_TEST_ASSERT_MSG_LT(r, n, "receiver is a host");
                received[r]++;
                std::set<uint32_t> distinct(senders.begin(), senders.end());
                NS_TEST_ASSERT_MSG_EQ(distinct.count(r), 0u, "the receiver never sends");
                NS_TEST_ASSERT_MSG_LT(*distinct.rbegin(), n, "senders are hosts");
                if (fanout < n)
                {
                    NS_TEST_ASSERT_MSG_EQ(distinct.size(), fanout, "distinct senders");
                }
            }
            if (n == 9)
            {
                double tol = 4 * std::sqrt(1000.0 * (1 - 1.0 / 9));
                for (uint32_t h = 0; h < n; h++)
                {
                    NS_TEST_EXPECT_MSG_LT(std::abs(received[h] - 1000.0),
                                          tol,
                                          "receiver " << h << " drawn uniformly");
                }
            }
        }

        const uint32_t group[] = {4, 9, 2};
        for (int draw = 0; draw < 3000; draw++)
        {
            uint32_t h = 0;
            NS_TEST_ASSERT_MSG_EQ(pm_group_pick(rng, group, 3, 9, &h, nullptr), PM_OK, "pick");
            NS_TEST_ASSERT_MSG_EQ((h == 4 || h == 2), true, "never the host to avoid");
        }

        pm_error err;
        uint32_t r;
        uint32_t one[1];
        NS_TEST_EXPECT_MSG_EQ(pm_permutation_matrix(rng, 1, m.data(), &err), PM_EINVAL, "n 1");
        bool named = std::string(err.message).find("expected 2 or more") != std::string::npos;
        NS_TEST_EXPECT_MSG_EQ(named, true, err.message);
        NS_TEST_EXPECT_MSG_EQ(pm_incast_draw(rng, rng2, 1, 1, &r, one, &err), PM_EINVAL, "n 1");
        NS_TEST_EXPECT_MSG_EQ(pm_incast_draw(rng, rng2, 4, 0, &r, one, &err), PM_EINVAL, "0");
        NS_TEST_EXPECT_MSG_EQ(pm_group_pick(rng, group, 0, 9, &r, &err), PM_EINVAL, "empty");
        const uint32_t alone[] = {9};
        NS_TEST_EXPECT_MSG_EQ(pm_group_pick(rng, alone, 1, 9, &r, &err), PM_EINVAL, "alone");
        NS_TEST_EXPECT_MSG_EQ(std::string(err.message),
                              "host 9 would send to itself "
                              "(overlapping groups)",
                              "message");

        // Incast rate: 0.1 of 16 x 10 Gb/s in requests of 8 flows of 1000 B.
        double rate = pm_incast_rate(0.1, 16, 1e10, 8, 1000.0, 1.0, &err);
        NS_TEST_EXPECT_MSG_EQ_TOL(rate, 0.1 * 16 * 1e10 / (8.0 * 8 * 1000), 1e-6, "incast rate");
        NS_TEST_EXPECT_MSG_EQ(pm_incast_rate(0.1, 1, 1e10, 8, 1000.0, 1.0, &err), 0.0, "1 host");
        NS_TEST_EXPECT_MSG_EQ(pm_incast_rate(0.1, 16, 1e10, 0, 1000.0, 1.0, &err), 0.0, "fan 0");
        NS_TEST_EXPECT_MSG_EQ(pm_incast_rate(0.0, 16, 1e10, 8, 1000.0, 1.0, &err), 0.0, "load 0");
        named = std::string(err.message).find("load") != std::string::npos;
        NS_TEST_EXPECT_MSG_EQ(named, true, err.message);

        // Poisson gaps: the mean of N exponential gaps is within 5 standard errors
        // (sd / sqrt(N), sd = mean for the exponential) of 1 / rate.
        const int N = 20000;
        double sum = 0;
        for (int i = 0; i < N; i++)
        {
            sum += pm_arrivals_gap(rng, 250.0);
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(sum / N, 1 / 250.0, 5 * (1 / 250.0) / std::sqrt(N), "gap mean");

        // A traffic-matrix epoch's rate in each unit (entries sum to 6, epoch 0.5 s, scale 2).
        const float tm[4] = {0, 1, 2, 3};
        double weights[4] = {};
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_tm_epoch_bps(tm, 2, PM_TM_BITS_PER_EPOCH, 0.5, 2.0, weights),
                                  24.0,
                                  1e-12,
                                  "bits per epoch");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_tm_epoch_bps(tm, 2, PM_TM_BYTES_PER_EPOCH, 0.5, 2.0, weights),
                                  192.0,
                                  1e-12,
                                  "bytes per epoch");
        NS_TEST_EXPECT_MSG_EQ_TOL(pm_tm_epoch_bps(tm, 2, PM_TM_BITS_PER_SECOND, 0.5, 2.0, weights),
                                  12.0,
                                  1e-12,
                                  "bits per second");
        NS_TEST_EXPECT_MSG_EQ(weights[3], 3.0, "entries copied as weights");
        gsl_rng_free(rng);
        gsl_rng_free(rng2);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of flow-arrival tests.
 */
class ArrivalsTestSuite : public TestSuite
{
  public:
    ArrivalsTestSuite()
        : TestSuite("packmime-arrivals", packmime_test::UNIT)
    {
        AddTestCase(new ArrivalsRateTestCase(), packmime_test::QUICK);
        AddTestCase(new ArrivalsPoissonTestCase(), packmime_test::QUICK);
        AddTestCase(new ArrivalsPatternTestCase(), packmime_test::QUICK);
        AddTestCase(new ArrivalsStopTestCase(), packmime_test::QUICK);
        AddTestCase(new ArrivalsErrorsTestCase(), packmime_test::QUICK);
        AddTestCase(new PatternsTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static ArrivalsTestSuite g_packmimeArrivalsTestSuite;
