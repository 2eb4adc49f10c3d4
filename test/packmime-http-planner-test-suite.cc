/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PackMime-HTTP connection planner: HTTP/1.0 and 1.1 structure, ns-2's switches and rules.
 */
#include "packmime-test-compat.h"
#include "packmime-test-util.h"

#include "ns3/abort.h"
#include "ns3/pm-http-planner.h"
#include "ns3/pm-rng.h"
#include "ns3/pm-stats.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <vector>

using namespace ns3;

namespace
{

/// A planner with one seeded generator per variable, released together.
struct Planner
{
    /**
     * @brief Constructor.
     * @param cfg planner configuration
     * @param seed seed of every variable's generator (stream = variable index)
     */
    Planner(const pm_http_planner_config& cfg, unsigned long seed)
    {
        for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
        {
            rng[v] = pm_rng_new_seeded(seed, v, nullptr);
        }
        pm_error err;
        planner = pm_http_planner_new(&cfg, rng, &err);
        NS_ABORT_MSG_IF(planner == nullptr, err.message);
    }

    ~Planner()
    {
        pm_http_planner_free(planner);
        for (auto r : rng)
        {
            gsl_rng_free(r);
        }
    }

    /// The next connection.
    pm_http_connection Next()
    {
        pm_http_connection c;
        NS_ABORT_MSG_IF(pm_http_planner_next(planner, &c, nullptr) != PM_OK, "planner");
        return c;
    }

    gsl_rng* rng[PM_HTTP_VAR_COUNT]; ///< one generator per variable
    pm_http_planner* planner;        ///< the planner
};

/// A configuration at `rate` in HTTP/1.0 or 1.1.
pm_http_planner_config
Config(double rate, bool http11)
{
    pm_http_planner_config cfg = {};
    cfg.options.rate = rate;
    cfg.http11 = http11;
    return cfg;
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief HTTP/1.1 structure over 10^5 connections: persistent share 0.09 within 4 binomial
 * standard errors; requests per persistent connection (exact 3.195 from the pages and
 * objects laws) and per connection within 4 standard errors (sample standard deviation).
 * HTTP/1.0: one request per connection. The first connection starts at once, the first
 * request of every connection has no think time, and the same seeds give the same connection
 * start times in both modes (the modes share the arrival stream).
 */
class PlannerStructureTestCase : public TestCase
{
  public:
    PlannerStructureTestCase()
        : TestCase("HTTP 1.0 and 1.1 structure: persistent share, requests per connection")
    {
    }

  private:
    void DoRun() override
    {
        const size_t n = 100000;
        Planner p10(Config(50, false), 1);
        Planner p11(Config(50, true), 1);
        double persistent = 0;
        std::vector<double> perPersistent;
        std::vector<double> perConnection;
        bool structure = true;
        bool sameStarts = true;
        for (size_t i = 0; i < n; i++)
        {
            auto a = p10.Next();
            auto b = p11.Next();
            sameStarts = sameStarts && a.gap == b.gap;
            structure = structure && a.n_requests == 1 && !a.persistent && a.requests[0].gap == 0;
            structure = structure && b.requests[0].gap == 0 && (i > 0 || b.gap == 0);
            for (size_t k = 0; k < b.n_requests; k++)
            {
                structure =
                    structure && b.requests[k].req_bytes >= 1 && b.requests[k].rsp_bytes >= 1;
                structure = structure && (k == 0 || b.requests[k].gap > 0);
            }
            persistent += b.persistent;
            perConnection.push_back(double(b.n_requests));
            if (b.persistent)
            {
                perPersistent.push_back(double(b.n_requests));
            }
        }
        NS_TEST_EXPECT_MSG_EQ(structure, true, "request structure");
        NS_TEST_EXPECT_MSG_EQ(sameStarts, true, "HTTP/1.0 and 1.1 share connection start times");
        NS_TEST_EXPECT_MSG_EQ_TOL(persistent / n,
                                  0.09,
                                  4 * std::sqrt(0.09 * 0.91 / n),
                                  "persistent share");

        pm_http_options opt = {};
        opt.rate = 50;
        double objects = pm_http_exact_mean(PM_HTTP_OBJS_PER_PAGE, &opt);
        double multiPages = (pm_http_exact_mean(PM_HTTP_PAGES, &opt) - 0.82) / 0.18;
        double expected = 0.82 * objects + 0.18 * multiPages * (0.69 + 0.31 * objects);
        for (auto [v, exact, what] :
             {std::tuple{&perPersistent, expected, "per persistent connection"},
              std::tuple{&perConnection, 0.91 + 0.09 * expected, "per connection"}})
        {
            double m = pm_stats_mean(v->data(), v->size());
            double ss = 0;
            for (double x : *v)
            {
                ss += (x - m) * (x - m);
            }
            double se = std::sqrt(ss / (v->size() - 1) / v->size());
            NS_TEST_EXPECT_MSG_EQ_TOL(m, exact, 4 * se, "requests " << what);
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief ns-2's size rules and switches on persistent connections.
 *
 * Default: one request size for the whole connection; follow-up responses equal the first
 * when it is <= 275 B (a cache validation); otherwise they come from the persistent-response
 * model: the second response of each such connection is i.i.d. across connections with the
 * integrated hierarchical law (KS at alpha = 0.001), and at most 0.2 % of them equal the
 * first by coincidence (the model's point probabilities above 275 B are < 1e-3).
 * no-pm-persistent-reqsz: request sizes differ. no-pm-persistent-rspsz: follow-ups come from
 * the ordinary response model, whose cache-validation share is 1 - download_share; the
 * two-state run sequence inflates the binomial variance by at most 4 (mean runs < 4), so the
 * share is asserted within 5 * 2 sqrt(p(1-p)/n).
 */
class PlannerRulesTestCase : public TestCase
{
  public:
    PlannerRulesTestCase()
        : TestCase("persistent size rules and the two ns-2 switches")
    {
    }

  private:
    void DoRun() override
    {
        for (int variant = 0; variant < 3; variant++)
        {
            auto cfg = Config(20, true);
            cfg.no_persist_req_size = variant == 1;
            cfg.no_persist_rsp_size = variant == 2;
            Planner p(cfg, 7 + variant);
            size_t multi = 0;
            size_t reqVaries = 0;
            size_t smallFirstKept = 0;
            size_t smallFirst = 0;
            size_t bigFirstRedrawn = 0;
            size_t bigFirst = 0;
            size_t cacheFollowUps = 0;
            size_t followUps = 0;
            std::vector<double> second;
            for (int i = 0; i < 200000; i++)
            {
                auto c = p.Next();
                if (c.n_requests < 2)
                {
                    continue;
                }
                multi++;
                bool reqSame = true;
                bool rspSame = true;
                for (size_t k = 1; k < c.n_requests; k++)
                {
                    reqSame = reqSame && c.requests[k].req_bytes == c.requests[0].req_bytes;
                    rspSame = rspSame && c.requests[k].rsp_bytes == c.requests[0].rsp_bytes;
                    cacheFollowUps += c.requests[k].rsp_bytes <= 272;
                    followUps++;
                }
                reqVaries += !reqSame;
                bool small = c.requests[0].rsp_bytes <= PM_HTTP_CACHE_CUTOFF;
                smallFirst += small;
                smallFirstKept += small && rspSame;
                bigFirst += !small;
                bigFirstRedrawn += !small && !rspSame;
                if (!small)
                {
                    second.push_back(double(c.requests[1].rsp_bytes));
                }
            }
            NS_TEST_ASSERT_MSG_GT(multi, 1000u, "enough multi-request connections");
            if (variant == 0)
            {
                NS_TEST_EXPECT_MSG_EQ(reqVaries, 0u, "one request size per connection");
                NS_TEST_EXPECT_MSG_EQ(smallFirstKept, smallFirst, "small first response repeated");
                NS_TEST_EXPECT_MSG_GT(double(bigFirstRedrawn),
                                      0.998 * bigFirst,
                                      "large first: redrawn");
                pm_stats_sort(second.data(), second.size());
                auto cdf = [](double x, void*)
                {
                    return packmime_test::PERSIST_RSP(std::log2(std::floor(x) + 1));
                };
                double d = pm_stats_ks_one(second.data(), second.size(), cdf, nullptr);
                NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(second.size())),
                                      PM_KS_C_0_001,
                                      "persistent model");
            }
            if (variant == 1)
            {
                NS_TEST_EXPECT_MSG_GT(double(reqVaries), 0.95 * multi, "request sizes redrawn");
            }
            if (variant == 2)
            {
                pm_http_rate_params rp;
                pm_http_rate_params_eval(20, &rp, nullptr);
                double pc = 1 - rp.download_share;
                double share = double(cacheFollowUps) / followUps;
                NS_TEST_EXPECT_MSG_EQ_TOL(share,
                                          pc,
                                          10 * std::sqrt(pc * (1 - pc) / followUps),
                                          "ordinary model");
            }
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Think times: pages and their gaps, random effects per simulation (ns-2) or per
 * connection (option).
 *
 * Per simulation: a sampler seeded like the planner's reproduces its random effects
 * (loc, s2), and log2 of every within-page gap (and of every between-page gap) must follow
 * N(loc, s2 V) (KS at alpha = 0.001). Per connection: one within-page gap per connection is
 * i.i.d. with log2 mean -4.15 and variance v_loc + E[s2] V = 3.12 + 1.57 = 4.69 (law of total
 * variance); asserted within 4 standard errors, the variance's from the fourth moment
 * 3 v_loc^2 + 6 v_loc V E[s2] + 3 V^2 E[s2^2], E[s2^2] = 1 + 1/2.35.
 */
class PlannerThinkTimeTestCase : public TestCase
{
  public:
    PlannerThinkTimeTestCase()
        : TestCase("think times: page structure, per-simulation and per-connection effects")
    {
    }

  private:
    /// Log2 of within-page (page unchanged) or between-page gaps of persistent connections.
    static void Collect(Planner& p,
                        size_t n,
                        bool firstOnly,
                        std::vector<double>* within,
                        std::vector<double>* between)
    {
        while (within->size() < n)
        {
            auto c = p.Next();
            bool taken = false;
            for (size_t k = 1; k < c.n_requests; k++)
            {
                bool samePage = c.requests[k].page == c.requests[k - 1].page;
                NS_ABORT_MSG_IF(c.requests[k].page < c.requests[k - 1].page ||
                                    c.requests[k].page > c.requests[k - 1].page + 1,
                                "pages in order");
                if (samePage && !(firstOnly && taken))
                {
                    within->push_back(std::log2(c.requests[k].gap));
                    taken = true;
                }
                else if (!samePage && between)
                {
                    between->push_back(std::log2(c.requests[k].gap));
                }
            }
        }
    }

    void DoRun() override
    {
        const unsigned long seed = 3;
        auto cfg = Config(20, true);
        Planner p(cfg, seed);
        std::vector<double> within;
        std::vector<double> between;
        Collect(p, 20000, false, &within, &between);
        NS_TEST_ASSERT_MSG_GT(between.size(), 1000u, "multi-page connections");
        for (auto [var, sample, v] : {std::tuple{PM_HTTP_TIME_BTWN_OBJS, &within, 1.57},
                                      std::tuple{PM_HTTP_TIME_BTWN_PAGES, &between, 1.21}})
        {
            gsl_rng* r = pm_rng_new_seeded(seed, var, nullptr);
            pm_http_sampler* s = pm_http_sampler_new(var, &cfg.options, r, nullptr);
            double loc;
            double s2;
            pm_http_sampler_effects(s, &loc, &s2);
            pm_http_sampler_free(s);
            gsl_rng_free(r);

            struct Normal
            {
                double m;
                double sd;
            } normal{loc, std::sqrt(s2 * v)};

            pm_stats_sort(sample->data(), sample->size());
            double d = pm_stats_ks_one(
                sample->data(),
                sample->size(),
                [](double x, void* c)
                {
                    auto n = static_cast<Normal*>(c);
                    return 0.5 * std::erfc(-(x - n->m) / (n->sd * std::sqrt(2.0)));
                },
                &normal);
            NS_TEST_EXPECT_MSG_LT(d * std::sqrt(double(sample->size())),
                                  PM_KS_C_0_001,
                                  pm_http_var_name(var));
        }

        cfg.options.think_per_connection = 1;
        Planner q(cfg, seed);
        std::vector<double> first;
        Collect(q, 20000, true, &first, nullptr);
        double n = double(first.size());
        double m = pm_stats_mean(first.data(), first.size());
        double ss = 0;
        for (double x : first)
        {
            ss += (x - m) * (x - m);
        }
        double var = ss / (n - 1);
        const double vLoc = 3.12;
        const double vErr = 1.57;
        double sigma2 = vLoc + vErr;
        double mu4 = 3 * vLoc * vLoc + 6 * vLoc * vErr + 3 * vErr * vErr * (1 + 1 / 2.35);
        NS_TEST_EXPECT_MSG_EQ_TOL(m, -4.15, 4 * std::sqrt(sigma2 / n), "per-connection mean");
        NS_TEST_EXPECT_MSG_EQ_TOL(var,
                                  sigma2,
                                  4 * std::sqrt((mu4 - sigma2 * sigma2) / n),
                                  "per-connection variance");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Optional size cap, stream counts, and determinism of the planner.
 */
class PlannerMiscTestCase : public TestCase
{
  public:
    PlannerMiscTestCase()
        : TestCase("size cap, streams used, same seeds give the same plan")
    {
    }

  private:
    void DoRun() override
    {
        auto cfg = Config(100, true);
        cfg.options.max_size = 10000;
        Planner capped(cfg, 4);
        uint64_t largest = 0;
        for (int i = 0; i < 20000; i++)
        {
            auto c = capped.Next();
            for (size_t k = 0; k < c.n_requests; k++)
            {
                largest =
                    std::max<uint64_t>({largest, c.requests[k].req_bytes, c.requests[k].rsp_bytes});
            }
        }
        NS_TEST_EXPECT_MSG_EQ(largest, 10000u, "sizes capped at max_size (and the cap is reached)");

        auto c10 = Config(10, false);
        auto c11 = Config(10, true);
        NS_TEST_EXPECT_MSG_EQ(pm_http_planner_streams(&c10), 3u, "HTTP/1.0 streams");
        NS_TEST_EXPECT_MSG_EQ(pm_http_planner_streams(&c11), 10u, "HTTP/1.1 streams");

        Planner a(c11, 9);
        Planner b(c11, 9);
        bool same = true;
        for (int i = 0; i < 10000; i++)
        {
            auto x = a.Next();
            auto y = b.Next();
            same = same && x.gap == y.gap && x.n_requests == y.n_requests;
            for (size_t k = 0; same && k < x.n_requests; k++)
            {
                same = x.requests[k].req_bytes == y.requests[k].req_bytes &&
                       x.requests[k].rsp_bytes == y.requests[k].rsp_bytes &&
                       x.requests[k].gap == y.requests[k].gap;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(same, true, "deterministic");
    }
};

/// A replacement source returning a fixed value (the context points to it).
static double
ConstantSource(void* ctx)
{
    return *static_cast<double*>(ctx);
}

/// Replace each variable of `values` by a constant source returning its mapped value.
static void
SetConstantSources(pm_http_planner_config& cfg, std::map<int, double>& values)
{
    for (auto& [v, value] : values)
    {
        cfg.sources[v].sample = &ConstantSource;
        cfg.sources[v].ctx = &value;
    }
}

/**
 * @ingroup packmime-tests
 * @brief Replaced variables (ns-2's set-req_size etc.): values post-processed as ns-2 does
 * (sizes truncated, counts rounded up, flags non-zero) with guards against values the
 * model cannot carry (sizes < 1 or NaN, negative times, absurd request counts); replaced
 * variables need no generator and the others still draw from theirs.
 */
class PlannerSourcesTestCase : public TestCase
{
  public:
    PlannerSourcesTestCase()
        : TestCase("replaced variables: ns-2 post-processing and guards")
    {
    }

  private:
    /// Plan `n` connections with the given replacements (variable -> constant value).
    std::vector<pm_http_connection> Plan(pm_http_planner_config cfg,
                                         std::map<int, double>& values,
                                         int n,
                                         std::vector<std::vector<pm_http_request>>& requests)
    {
        gsl_rng* rng[PM_HTTP_VAR_COUNT];
        for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
        {
            // Replaced variables get no generator: the planner must not need one.
            rng[v] = values.count(v) ? nullptr : pm_rng_new_seeded(3, v, nullptr);
        }
        SetConstantSources(cfg, values);
        pm_error err;
        pm_http_planner* p = pm_http_planner_new(&cfg, rng, &err);
        NS_ABORT_MSG_IF(p == nullptr, err.message);
        std::vector<pm_http_connection> out;
        requests.clear();
        for (int i = 0; i < n; i++)
        {
            pm_http_connection c;
            NS_ABORT_MSG_IF(pm_http_planner_next(p, &c, &err) != PM_OK, err.message);
            out.push_back(c);
            requests.emplace_back(c.requests, c.requests + c.n_requests);
        }
        pm_http_planner_free(p);
        for (auto r : rng)
        {
            if (r)
            {
                gsl_rng_free(r);
            }
        }
        return out;
    }

    void DoRun() override
    {
        std::vector<std::vector<pm_http_request>> reqs;

        // HTTP/1.0: constant sizes truncated; sizes below 1 (and NaN) become 1 byte.
        std::map<int, double> v10 = {{PM_HTTP_FLOW_ARRIVAL, 0.25},
                                     {PM_HTTP_REQ_SIZE, 1000.7},
                                     {PM_HTTP_RSP_SIZE, -5.0}};
        auto c = Plan(Config(10, false), v10, 50, reqs);
        for (size_t i = 0; i < c.size(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(c[i].gap, (i == 0 ? 0.0 : 0.25), "replaced inter-arrival");
            NS_TEST_EXPECT_MSG_EQ(reqs[i][0].req_bytes, 1000u, "request truncated");
            NS_TEST_EXPECT_MSG_EQ(reqs[i][0].rsp_bytes, 1u, "negative response -> 1 byte");
        }
        v10[PM_HTTP_RSP_SIZE] = std::nan("");
        v10[PM_HTTP_FLOW_ARRIVAL] = -3.0;
        c = Plan(Config(10, false), v10, 5, reqs);
        NS_TEST_EXPECT_MSG_EQ(reqs[4][0].rsp_bytes, 1u, "NaN response -> 1 byte");
        NS_TEST_EXPECT_MSG_EQ(c[4].gap, 0.0, "negative gap -> 0");

        // HTTP/1.1, everything structural replaced: always persistent; 2.2 pages -> 3; no
        // single-object pages; 1.5 objects -> 2; so 6 requests; page gaps 2 s, object gaps
        // -1 -> 0; the response 100 B is a cache validation, so every response stays 100 B.
        std::map<int, double> v11 = {{PM_HTTP_PERSISTENT, 0.5},
                                     {PM_HTTP_PAGES, 2.2},
                                     {PM_HTTP_SINGLE_OBJ, 0.0},
                                     {PM_HTTP_OBJS_PER_PAGE, 1.5},
                                     {PM_HTTP_TIME_BTWN_PAGES, 2.0},
                                     {PM_HTTP_TIME_BTWN_OBJS, -1.0},
                                     {PM_HTTP_RSP_SIZE, 100.0}};
        c = Plan(Config(10, true), v11, 20, reqs);
        bool shape = true;
        for (size_t i = 0; i < c.size(); i++)
        {
            shape = shape && c[i].persistent && c[i].n_requests == 6;
            for (size_t k = 0; shape && k < 6; k++)
            {
                double gap = k == 0 ? 0.0 : (k % 2 == 0 ? 2.0 : 0.0);
                shape = reqs[i][k].page == k / 2 && reqs[i][k].gap == gap &&
                        reqs[i][k].rsp_bytes == 100 && reqs[i][k].req_bytes >= 1 &&
                        reqs[i][k].req_bytes == reqs[i][0].req_bytes;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(shape, true, "persistent structure from the replaced variables");
        // The request size is still the model's (not replaced): not all equal across
        // connections.
        bool varied = false;
        for (size_t i = 1; i < c.size(); i++)
        {
            varied = varied || reqs[i][0].req_bytes != reqs[0][0].req_bytes;
        }
        NS_TEST_EXPECT_MSG_EQ(varied, true, "unreplaced variables still drawn from the model");

        // An absurd page count is an error naming the variables, not an allocation attempt.
        std::map<int, double> huge = {{PM_HTTP_PERSISTENT, 1.0}, {PM_HTTP_PAGES, 1e8}};
        pm_http_planner_config cfg = Config(10, true);
        SetConstantSources(cfg, huge);
        Planner p(cfg, 5);
        pm_error err;
        pm_http_connection conn;
        NS_TEST_EXPECT_MSG_EQ(pm_http_planner_next(p.planner, &conn, &err),
                              int(PM_EINVAL),
                              "rejected");
        NS_TEST_EXPECT_MSG_NE(std::string(err.message).find("pages"),
                              std::string::npos,
                              "message names the variable: " << err.message);
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of planner tests.
 */
class PlannerTestSuite : public TestSuite
{
  public:
    PlannerTestSuite()
        : TestSuite("packmime-http-planner", packmime_test::UNIT)
    {
        AddTestCase(new PlannerStructureTestCase(), packmime_test::QUICK);
        AddTestCase(new PlannerRulesTestCase(), packmime_test::QUICK);
        AddTestCase(new PlannerThinkTimeTestCase(), packmime_test::QUICK);
        AddTestCase(new PlannerMiscTestCase(), packmime_test::QUICK);
        AddTestCase(new PlannerSourcesTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static PlannerTestSuite g_packmimeHttpPlannerTestSuite;
