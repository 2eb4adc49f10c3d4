/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PackMime-HTTP marginals (validation.md tier A): every i.i.d. marginal against its exact
 * law with fixed seeds; FSD marginals with the white-noise share forced to 1.
 */
#include "packmime-test-compat.h"
#include "packmime-test-util.h"

#include "ns3/abort.h"
#include "ns3/pm-http.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <cmath>
#include <functional>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_randist.h>
#include <vector>

using namespace ns3;

namespace
{

const size_t N = 100000; ///< sample size of every KS test (validation.md tier A)

/// Draw n values of a variable with the given options and seed.
std::vector<double>
Draw(pm_http_var var, const pm_http_options& opt, size_t n, unsigned long seed, size_t thin = 1)
{
    gsl_rng* r = pm_rng_new_seeded(seed, var, nullptr);
    pm_error err;
    pm_http_sampler* s = pm_http_sampler_new(var, &opt, r, &err);
    NS_ABORT_MSG_IF(s == nullptr, err.message);
    std::vector<double> x(n);
    for (auto& v : x)
    {
        for (size_t k = 1; k < thin; k++)
        {
            pm_http_sample(s);
        }
        v = pm_http_sample(s);
    }
    pm_http_sampler_free(s);
    gsl_rng_free(r);
    return x;
}

/// A CDF given as a std::function, for pm_stats_ks_one.
double
FunctionCdf(double x, void* ctx)
{
    return (*static_cast<std::function<double(double)>*>(ctx))(x);
}

/// sqrt(n) * D of a sample against a CDF (the sample is sorted in place).
double
ScaledKs(std::vector<double>& x, std::function<double(double)> cdf)
{
    pm_stats_sort(x.data(), x.size());
    return std::sqrt(double(x.size())) * pm_stats_ks_one(x.data(), x.size(), &FunctionCdf, &cdf);
}

/// P(floor(q(U)) <= x) for an increasing quantile function q: the largest p with
/// q(p) < floor(x) + 1, found by bisection (60 halvings: exact to double precision).
double
TruncatedCdf(const std::function<double(double)>& quantile, double x)
{
    double target = std::floor(x) + 1;
    double lo = 0;
    double hi = 1;
    if (quantile(0) >= target)
    {
        return 0;
    }
    for (int i = 0; i < 60; i++)
    {
        double mid = 0.5 * (lo + hi);
        (quantile(mid) < target ? lo : hi) = mid;
    }
    return lo;
}

/// Chi-square statistic of counts of 1, 2, 3, ... against a pmf, merging the tail cells so
/// each expects >= 5; returns (statistic, bound at alpha = 0.001).
std::pair<double, double>
ChiSquare(const std::vector<double>& x, const std::function<double(int)>& pmf)
{
    std::vector<double> counts;
    for (double v : x)
    {
        size_t k = size_t(v);
        if (counts.size() <= k)
        {
            counts.resize(k + 1, 0);
        }
        counts[k]++;
    }
    double chi2 = 0;
    size_t cells = 0;
    double obs = 0;
    double expct = 0;
    double covered = 0;
    for (size_t k = 0; k < counts.size() || covered < 1 - 1e-12; k++)
    {
        double p = pmf(int(k));
        covered += p;
        obs += k < counts.size() ? counts[k] : 0;
        expct += p * x.size();
        if (expct >= 5)
        {
            chi2 += (obs - expct) * (obs - expct) / expct;
            cells++;
            obs = expct = 0;
        }
        if (k > 100000)
        {
            break;
        }
    }
    if (expct > 0)
    {
        chi2 += (obs - expct) * (obs - expct) / std::max(expct, 1e-9);
        cells++;
    }
    return {chi2, gsl_cdf_chisq_Qinv(0.001, double(cells - 1))};
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief FSD marginals with theta forced to 1 (so the series is i.i.d.): KS (n = 10^5,
 * alpha = 0.001) of inter-arrivals, request sizes and both transmission delays against the
 * exact CDFs, for both FSD generators.
 */
class HttpFsdMarginalsTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param method FSD generator
     */
    HttpFsdMarginalsTestCase(pm_fsd_method method)
        : TestCase(std::string("FSD marginals with theta = 1 (KS): ") + pm_fsd_method_name(method)),
          m_method(method)
    {
    }

  private:
    void DoRun() override
    {
        for (double rate : {10.0, 200.0})
        {
            pm_http_options opt = {};
            opt.rate = rate;
            opt.fsd = m_method;
            opt.force_theta = 1;
            opt.theta = 1.0;
            pm_http_rate_params rp;
            pm_http_rate_params_eval(rate, &rp, nullptr);

            auto gaps = Draw(PM_HTTP_FLOW_ARRIVAL, opt, N, 3);
            double ks = ScaledKs(
                gaps,
                [&](double x)
                {
                    return x <= 0 ? 0 : 1 - std::exp(-std::pow(x / rp.flow_scale, rp.flow_shape));
                });
            NS_TEST_EXPECT_MSG_LT(ks, PM_KS_C_0_001, "inter-arrival, rate " << rate);

            for (auto var : {PM_HTTP_REQ_SIZE, PM_HTTP_XMIT_CLIENT, PM_HTTP_XMIT_SERVER})
            {
                auto x = Draw(var, opt, N, 4);
                auto q = [&](double p)
                {
                    return pm_http_quantile(var, &rp, p, PM_HTTP_RSP_CACHE);
                };
                double d;
                if (var == PM_HTTP_REQ_SIZE)
                {
                    d = ScaledKs(x,
                                 [&](double v)
                                 {
                                     return TruncatedCdf(q, v);
                                 });
                }
                else
                {
                    d = ScaledKs(x,
                                 [&](double v)
                                 {
                                     double lo = 0;
                                     double hi = 1;
                                     for (int i = 0; i < 60; i++)
                                     {
                                         double mid = 0.5 * (lo + hi);
                                         (q(mid) <= v ? lo : hi) = mid;
                                     }
                                     return lo;
                                 });
                }
                NS_TEST_EXPECT_MSG_LT(d, PM_KS_C_0_001, pm_http_var_name(var) << ", rate " << rate);
            }
        }
    }

    pm_fsd_method m_method; //!< FSD generator
};

/**
 * @ingroup packmime-tests
 * @brief Response sizes: each run state's sizes against its table (KS), run lengths
 * against ceil(Weibull) (chi-square), the long-run download share, and the heavy-tailed
 * marginal's quantiles 0.1 .. 0.999 within order-statistic bands.
 *
 * Cache sizes are <= 272 B and download sizes >= 274 B, so the state of every draw is known
 * from its value. The quantile check thins the sequence by 50 (runs last about 4 draws, so
 * thinned draws are practically independent) and asserts that F(sample quantile at u) lies
 * within u +- 3.29 sqrt(u(1-u)/n) (binomial band of the order statistic, alpha = 0.001).
 */
class HttpResponseSizeTestCase : public TestCase
{
  public:
    HttpResponseSizeTestCase()
        : TestCase("response sizes: per-state KS, run lengths, download share, tail quantiles")
    {
    }

  private:
    void DoRun() override
    {
        const double rate = 50;
        pm_http_options opt = {};
        opt.rate = rate;
        pm_http_rate_params rp;
        pm_http_rate_params_eval(rate, &rp, nullptr);
        auto x = Draw(PM_HTTP_RSP_SIZE, opt, 4 * N, 5);
        std::vector<double> cache;
        std::vector<double> download;
        std::vector<double> runs[2];
        int state = -1;
        double run = 0;
        bool firstIsDownload = x[0] >= 274;
        for (double v : x)
        {
            int s = v >= 274 ? 1 : 0;
            NS_TEST_ASSERT_MSG_EQ((v > 272 && v < 274), false, "gap between the two tables");
            (s ? download : cache).push_back(v);
            if (s != state && state >= 0)
            {
                runs[state].push_back(run);
                run = 0;
            }
            state = s;
            run++;
        }
        NS_TEST_EXPECT_MSG_EQ(firstIsDownload, true, "the first run is a download run");
        for (int s = 0; s < 2; s++)
        {
            auto state_ = pm_http_rsp_state(s);
            auto q = [&](double p)
            {
                return pm_http_quantile(PM_HTTP_RSP_SIZE, &rp, p, state_);
            };
            auto& sample = s ? download : cache;
            double d = ScaledKs(sample,
                                [&](double v)
                                {
                                    return TruncatedCdf(q, v);
                                });
            NS_TEST_EXPECT_MSG_LT(d, PM_KS_C_0_001, (s ? "download" : "cache") << " sizes");
            double shape = s ? rp.run_shape_download : rp.run_shape_cache;
            double scale = s ? 3.11 : 0.775;
            auto chi = ChiSquare(runs[s],
                                 [&](int k)
                                 {
                                     return k < 1 ? 0.0
                                                  : std::exp(-std::pow((k - 1) / scale, shape)) -
                                                        std::exp(-std::pow(k / scale, shape));
                                 });
            NS_TEST_EXPECT_MSG_LT(chi.first,
                                  chi.second,
                                  (s ? "download" : "cache") << " run lengths");
        }
        // Long-run share: runs alternate, so the share is a ratio of run-length sums; its
        // standard error follows from the delta method over r alternating run pairs.
        double share = double(download.size()) / x.size();
        double r = double(std::min(runs[0].size(), runs[1].size()));
        double se = std::sqrt(rp.download_share * (1 - rp.download_share) / x.size() * 2 *
                              (rp.mean_run_cache + rp.mean_run_download));
        NS_TEST_EXPECT_MSG_EQ_TOL(share,
                                  rp.download_share,
                                  4 * se,
                                  "download share over " << r << " run pairs");

        // Heavy tail: quantiles of the (thinned) marginal.
        auto thinned = Draw(PM_HTTP_RSP_SIZE, opt, N, 6, 50);
        pm_stats_sort(thinned.data(), thinned.size());
        auto mixture = [&](double v)
        {
            double fc = TruncatedCdf(
                [&](double p)
                {
                    return pm_http_quantile(PM_HTTP_RSP_SIZE, &rp, p, PM_HTTP_RSP_CACHE);
                },
                v);
            double fd = TruncatedCdf(
                [&](double p)
                {
                    return pm_http_quantile(PM_HTTP_RSP_SIZE, &rp, p, PM_HTTP_RSP_DOWNLOAD);
                },
                v);
            return (1 - rp.download_share) * fc + rp.download_share * fd;
        };
        for (double u : {0.1, 0.5, 0.9, 0.99, 0.999})
        {
            double q = pm_stats_quantile(thinned.data(), thinned.size(), u);
            double band = 3.29 * std::sqrt(u * (1 - u) / thinned.size());
            double below = mixture(q - 1);
            double at = mixture(q);
            // The order statistic's level lies between F(q-) and F(q).
            NS_TEST_EXPECT_MSG_EQ((at >= u - band && below <= u + band),
                                  true,
                                  "quantile " << u << " = " << q << ": F in [" << below << ", "
                                              << at << "]");
        }
        // The exact quantiles at rate 50: 128 / 894 / 14,852 / 71,639 B (packmime-http-model.md).
        const double ref[] = {128, 894, 14852, 71639};
        const double lv[] = {0.1, 0.5, 0.9, 0.99};
        for (int i = 0; i < 4; i++)
        {
            double lo = 0;
            double hi = 1e9;
            for (int k = 0; k < 100; k++)
            {
                double mid = 0.5 * (lo + hi);
                (mixture(mid) < lv[i] ? lo : hi) = mid;
            }
            NS_TEST_EXPECT_MSG_EQ_TOL(std::floor(hi),
                                      ref[i],
                                      std::max(2.0, 0.002 * ref[i]),
                                      "exact quantile " << lv[i]);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Server delay, flags and counts: exact laws (KS with the point mass at 0.1 s;
 * binomial bands of 4 standard errors; chi-square at alpha = 0.001), and sample means of the
 * light-tailed ones within 4 standard errors of the exact means.
 */
class HttpDiscreteTestCase : public TestCase
{
  public:
    HttpDiscreteTestCase()
        : TestCase("server delay, persistent flag, pages, single object, objects per page")
    {
    }

  private:
    void DoRun() override
    {
        pm_http_options opt = {};
        opt.rate = 10;
        auto delay = Draw(PM_HTTP_SERVER_DELAY, opt, N, 7);
        double mean = pm_stats_mean(delay.data(), N);
        double d = ScaledKs(
            delay,
            [](double t)
            {
                return t >= 0.1 ? 1.0 : (t <= 0 ? 0.0 : std::exp(-std::pow(1 / t / 305.0, 0.63)));
            });
        NS_TEST_EXPECT_MSG_LT(d, PM_KS_C_0_001, "server delay");
        double sd = 0;
        for (double v : delay)
        {
            sd += (v - mean) * (v - mean);
        }
        sd = std::sqrt(sd / (N - 1));
        NS_TEST_EXPECT_MSG_EQ_TOL(mean,
                                  pm_http_exact_mean(PM_HTTP_SERVER_DELAY, &opt),
                                  4 * sd / std::sqrt(N),
                                  "mean delay");
        size_t atMass = 0;
        for (double v : delay)
        {
            atMass += v == 0.1;
        }
        double p = 1 - std::exp(-std::pow(10 / 305.0, 0.63));
        NS_TEST_EXPECT_MSG_EQ_TOL(double(atMass) / N,
                                  p,
                                  4 * std::sqrt(p * (1 - p) / N),
                                  "mass at 0.1 s");

        for (auto [var, prob] :
             {std::pair{PM_HTTP_PERSISTENT, 0.09}, std::pair{PM_HTTP_SINGLE_OBJ, 0.69}})
        {
            auto f = Draw(var, opt, N, 8);
            double share = pm_stats_mean(f.data(), N);
            NS_TEST_EXPECT_MSG_EQ_TOL(share,
                                      prob,
                                      4 * std::sqrt(prob * (1 - prob) / N),
                                      pm_http_var_name(var));
        }
        auto pages = Draw(PM_HTTP_PAGES, opt, N, 9);
        auto chi = ChiSquare(pages,
                             [](int k)
                             {
                                 // 1 page with 0.82; else 1 + ceil(Exp(mean 0.417)).
                                 if (k == 1)
                                 {
                                     return 0.82;
                                 }
                                 return k < 2 ? 0.0
                                              : 0.18 * (std::exp(-(k - 2) / 0.417) -
                                                        std::exp(-(k - 1) / 0.417));
                             });
        NS_TEST_EXPECT_MSG_LT(chi.first, chi.second, "pages");
        auto objects = Draw(PM_HTTP_OBJS_PER_PAGE, opt, N, 10);
        chi = ChiSquare(objects,
                        [](int k)
                        {
                            return k < 2 ? 0.0
                                         : std::exp(-(k - 2) / 1.578) - std::exp(-(k - 1) / 1.578);
                        });
        NS_TEST_EXPECT_MSG_LT(chi.first, chi.second, "objects per page");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Hierarchical log-normals: think times and persistent response sizes.
 *
 * Given the sampler's random effects (loc, s2), draws are i.i.d.: KS (n = 10^5) against
 * Phi((log2 x - loc)/sqrt(s2 V)). Integrated over the random effects, one draw from each of
 * 2,000 independent samplers matches the marginal (KS at alpha = 0.001, n = 2000), whose
 * quantiles equal the model description's (pages: 2.8 / 9.3 / 30.9 s; objects: 8.3 / 56 /
 * 380 ms, to 2 %).
 */
class HttpHierarchicalTestCase : public TestCase
{
  public:
    HttpHierarchicalTestCase()
        : TestCase("think times and persistent response sizes: conditional and marginal laws")
    {
    }

  private:
    void DoRun() override
    {
        pm_http_options opt = {};
        opt.rate = 10;

        struct Case
        {
            pm_http_var var;
            packmime_test::HierMarginal h;
            double q[3]; // p10, p50, p90 of the marginal (0 = not tabulated)
        };

        const Case cases[] = {
            {PM_HTTP_TIME_BTWN_PAGES, {3.22, 0.73, 1.85, 1.21}, {2.8, 9.3, 30.9}},
            {PM_HTTP_TIME_BTWN_OBJS, {-4.15, 3.12, 2.35, 1.57}, {0.0083, 0.056, 0.38}},
            {PM_HTTP_PERSIST_RSP_SIZE, {10.62, 0.94, 3.22, 2.43}, {0, 0, 0}}};
        for (const auto& c : cases)
        {
            bool isSize = c.var == PM_HTTP_PERSIST_RSP_SIZE;
            gsl_rng* r = pm_rng_new_seeded(12, c.var, nullptr);
            pm_http_sampler* s = pm_http_sampler_new(c.var, &opt, r, nullptr);
            double loc;
            double s2;
            pm_http_sampler_effects(s, &loc, &s2);
            std::vector<double> x(N);
            for (auto& v : x)
            {
                v = pm_http_sample(s);
            }
            double sdev = std::sqrt(s2 * c.h.ve);
            double d =
                ScaledKs(x,
                         [&](double v)
                         {
                             double y = isSize ? std::log2(std::floor(v) + 1) : std::log2(v);
                             return v <= 0 && !isSize ? 0.0 : gsl_cdf_ugaussian_P((y - loc) / sdev);
                         });
            NS_TEST_EXPECT_MSG_LT(d,
                                  PM_KS_C_0_001,
                                  pm_http_var_name(c.var) << " given its effects");

            // One draw from each of 2,000 independently seeded samplers.
            std::vector<double> m(2000);
            for (size_t i = 0; i < m.size(); i++)
            {
                pm_http_sampler_new_effects(s);
                m[i] = pm_http_sample(s);
            }
            pm_stats_sort(m.data(), m.size());
            std::function<double(double)> marginal = [&](double v)
            {
                return isSize ? c.h(std::log2(std::floor(v) + 1))
                              : (v <= 0 ? 0.0 : c.h(std::log2(v)));
            };
            double dm =
                std::sqrt(2000.0) * pm_stats_ks_one(m.data(), m.size(), &FunctionCdf, &marginal);
            NS_TEST_EXPECT_MSG_LT(dm, PM_KS_C_0_001, pm_http_var_name(c.var) << " marginal");
            for (int k = 0; k < 3 && c.q[0] > 0; k++)
            {
                const double level[] = {0.1, 0.5, 0.9};
                NS_TEST_EXPECT_MSG_EQ_TOL(c.h(std::log2(c.q[k])),
                                          level[k],
                                          0.01,
                                          pm_http_var_name(c.var) << " quantile");
            }
            pm_http_sampler_free(s);
            gsl_rng_free(r);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of PackMime-HTTP marginal tests.
 */
class HttpMarginalsTestSuite : public TestSuite
{
  public:
    HttpMarginalsTestSuite()
        : TestSuite("packmime-http-marginals", packmime_test::UNIT)
    {
        AddTestCase(new HttpFsdMarginalsTestCase(PM_FSD_FAST), packmime_test::QUICK);
        AddTestCase(new HttpFsdMarginalsTestCase(PM_FSD_HOSKING), packmime_test::QUICK);
        AddTestCase(new HttpResponseSizeTestCase(), packmime_test::QUICK);
        AddTestCase(new HttpDiscreteTestCase(), packmime_test::QUICK);
        AddTestCase(new HttpHierarchicalTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static HttpMarginalsTestSuite g_packmimeHttpMarginalsTestSuite;
