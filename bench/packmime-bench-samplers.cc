/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Cost per sample of the packmime samplers (issue: PackMime-HTTP C core benchmark).
 *
 *   packmime-bench-samplers [--case=NAME] [--n=N]
 *
 * Without --case, times every case (median of 5 repetitions, wall clock) and prints
 * ns/sample. With --case, runs only that case N times (for valgrind --tool=callgrind, which
 * counts instructions: see bench/samplers.sh). Cases: every PackMime-HTTP variable (its own
 * seeded GSL generator), req-size-hosking, ecdf-packmime, ecdf-ns3, uniform-ns3.
 */
#include "ns3/command-line.h"
#include "ns3/gsl-rng-stream.h"
#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-http.h"
#include "ns3/pm-rng.h"
#include "ns3/random-variable-stream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/// A benchmark case: a name and a function drawing one sample.
struct Case
{
    std::string name;             ///< case name
    std::function<double()> draw; ///< one sample
};

volatile double g_sink; ///< keeps the compiler from discarding draws

/// Median wall time per call of draw over n calls, 5 repetitions.
double
NanosecondsPerSample(const std::function<double()>& draw, size_t n)
{
    std::vector<double> t;
    for (int rep = 0; rep < 5; rep++)
    {
        auto start = std::chrono::steady_clock::now();
        double acc = 0;
        for (size_t i = 0; i < n; i++)
        {
            acc += draw();
        }
        g_sink = acc;
        t.push_back(
            std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start)
                .count() /
            n);
    }
    std::sort(t.begin(), t.end());
    return t[2];
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string only;
    uint64_t n = 0;
    CommandLine cmd(__FILE__);
    cmd.AddValue("case", "run only this case (for callgrind)", only);
    cmd.AddValue("n", "samples per repetition (default: 10^6, 10^5 for Hosking)", n);
    cmd.Parse(argc, argv);

    std::vector<Case> cases;
    std::vector<gsl_rng*> rngs;
    std::vector<pm_http_sampler*> samplers;
    pm_http_options opt = {};
    opt.rate = 100;
    for (int v = 0; v < PM_HTTP_VAR_COUNT; v++)
    {
        if (!only.empty() && only != pm_http_var_name(pm_http_var(v)))
        {
            continue;
        }
        rngs.push_back(pm_rng_new_seeded(1, v, nullptr));
        samplers.push_back(pm_http_sampler_new(pm_http_var(v), &opt, rngs.back(), nullptr));
        pm_http_sampler* s = samplers.back();
        cases.push_back({pm_http_var_name(pm_http_var(v)),
                         [s]
                         {
                             return pm_http_sample(s);
                         }});
    }
    if (only.empty() || only == "req-size-hosking")
    {
        pm_http_options h = opt;
        h.fsd = PM_FSD_HOSKING;
        rngs.push_back(pm_rng_new_seeded(1, 99, nullptr));
        samplers.push_back(pm_http_sampler_new(PM_HTTP_REQ_SIZE, &h, rngs.back(), nullptr));
        pm_http_sampler* s = samplers.back();
        cases.push_back({"req-size-hosking",
                         [s]
                         {
                             return pm_http_sample(s);
                         }});
    }

    // ECDF sampling inside ns-3: packmime's sampler on the RNG bridge against ns-3's own
    // EmpiricalRandomVariable (linear reading, the same points) and one uniform draw.
    pm_ecdf* ecdf = pm_cdf_open("fb_webserver", nullptr);
    auto bridge = CreateObject<GslRngStream>();
    bridge->AssignStreams(1);
    auto empirical = CreateObject<EmpiricalRandomVariable>();
    empirical->SetStream(2);
    empirical->SetInterpolate(true);
    for (size_t i = 0; i < pm_ecdf_points(ecdf); i++)
    {
        empirical->CDF(pm_ecdf_point_size(ecdf, i), pm_ecdf_point_prob(ecdf, i));
    }
    auto uniform = CreateObject<UniformRandomVariable>();
    uniform->SetStream(3);
    cases.push_back({"ecdf-packmime",
                     [&]
                     {
                         return pm_ecdf_sample(ecdf, PM_ECDF_LINEAR, bridge->Get());
                     }});
    cases.push_back({"ecdf-ns3",
                     [&]
                     {
                         return empirical->GetValue();
                     }});
    cases.push_back({"uniform-ns3",
                     [&]
                     {
                         return uniform->GetValue();
                     }});

    for (const auto& c : cases)
    {
        if (!only.empty())
        {
            if (c.name == only)
            {
                double acc = 0;
                for (uint64_t i = 0; i < (n ? n : 100000); i++)
                {
                    acc += c.draw();
                }
                g_sink = acc;
            }
            continue;
        }
        size_t count = n ? n : (c.name == "req-size-hosking" ? 100000 : 1000000);
        std::printf("%-20s %10.1f ns/sample\n",
                    c.name.c_str(),
                    NanosecondsPerSample(c.draw, count));
    }
    for (auto s : samplers)
    {
        pm_http_sampler_free(s);
    }
    for (auto r : rngs)
    {
        gsl_rng_free(r);
    }
    pm_ecdf_free(ecdf);
    return 0;
}
