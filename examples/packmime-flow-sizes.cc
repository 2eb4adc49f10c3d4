/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Draw flow sizes from a built-in datacenter workload (or a CDF file) through an ns-3
 * random stream: the smallest use of the packmime C core inside ns-3. Changing --RngRun
 * changes the draws; the same RngRun and --stream always give the same ones.
 *
 *   packmime-flow-sizes --cdf=websearch --n=5 --RngRun=2
 */
#include "ns3/command-line.h"
#include "ns3/core-module.h"
#include "ns3/gsl-rng-stream.h"
#include "ns3/pm-ecdf.h"
#include "ns3/pm-workloads.h"

#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string cdf = "websearch";
    std::string mode;
    uint32_t n = 10;
    int64_t stream = 0;

    CommandLine cmd(__FILE__);
    cmd.AddValue("cdf", "built-in workload name or CDF file path", cdf);
    cmd.AddValue("mode", "CDF reading: linear or step (default: the workload's own)", mode);
    cmd.AddValue("n", "number of flow sizes to print", n);
    cmd.AddValue("stream", "ns-3 stream index of the size variable", stream);
    cmd.Parse(argc, argv);

    pm_error err;
    pm_ecdf* sizes = pm_workload_open(cdf.c_str(), &err);
    NS_ABORT_MSG_IF(sizes == nullptr, "--cdf: " << err.message);
    pm_ecdf_mode reading = sizes->default_mode;
    NS_ABORT_MSG_IF(!mode.empty() && pm_ecdf_mode_parse(mode.c_str(), &reading, &err) != PM_OK,
                    "--mode: " << err.message);

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
