/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Draw flow sizes from a built-in datacenter workload (or a CDF file) through an ns-3
 * random stream: the smallest use of the packmime C core inside ns-3. Changing --RngRun
 * changes the draws; the same RngRun and --stream always give the same ones.
 *
 *   packmime-flow-sizes --cdf=websearch --n=5 --RngRun=2
 */
#include "ns3/core-module.h"
#include "ns3/gsl-rng-stream.h"
#include "ns3/packmime-command-line.h"
#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-ecdf.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string cdf = "websearch";
    std::string mode = "default";
    uint32_t n = 10;
    int64_t stream = 0;

    PackMimeCommandLine cmd("packmime-flow-sizes",
                            "Draw flow sizes from a CDF through an ns-3 random stream.");
    cmd.AddValue("cdf", "built-in CDF name or CDF file path", cdf);
    cmd.AddChoice("mode",
                  "CDF reading: default (the workload's own), linear or step",
                  mode,
                  {"default", "linear", "step"});
    cmd.AddCount("n", "number of flow sizes to print", n, 0, 100000000);
    cmd.AddInteger("stream", "ns-3 stream index of the size variable", stream, 0, INT64_MAX);
    cmd.Parse(argc, argv);

    pm_error err;
    pm_ecdf* sizes = pm_cdf_open(cdf.c_str(), &err);
    if (!sizes)
    {
        cmd.Fail("--cdf=" + cdf + ": " + err.message);
    }
    pm_ecdf_mode reading = pm_ecdf_default_mode(sizes);
    if (mode != "default")
    {
        pm_ecdf_mode_parse(mode.c_str(), &reading, &err);
    }

    auto rng = CreateObject<GslRngStream>();
    rng->AssignStreams(stream);
    std::cout << "# " << cdf << " (" << pm_ecdf_mode_name(reading) << "), mean "
              << pm_ecdf_mean(sizes, reading) << " B, RngRun " << RngSeedManager::GetRun()
              << ", stream " << stream << "\n";
    for (uint32_t i = 0; i < n; i++)
    {
        std::cout << pm_ecdf_to_bytes(pm_ecdf_sample(sizes, reading, rng->Get())) << "\n";
    }
    pm_ecdf_free(sizes);
    return 0;
}
