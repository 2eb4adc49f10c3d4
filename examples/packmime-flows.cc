/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * CDF-driven datacenter flows on a star (default) or leaf-spine fabric.
 *
 *   packmime-flows --cdf=fb_webserver --load=0.5 --link=10Gbps --hosts=16 --flows=20000
 *
 * Every host runs one PackMimeServer and one PackMimeFlowClient; a PackMimeFlowWorkload
 * offers Poisson flows with sizes from the CDF at the given load of each host's link.
 * Writes flows.csv (one row per flow) and summary.json under --outdir and prints the
 * summary. TCP is set up datacenter-like (see doc/packmime.rst, "packmime-flows"): MSS
 * 1448 B, 2 MB send and 4 MB receive buffers, no delayed ACKs, initial window 10, minimum RTO and
 * SYN timeout 10 ms, 100-packet drop-tail queues at every port.
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PackMimeFlowsExample");

namespace
{

/// Stop the simulation `drain` from now (when the last flow has arrived).
void
StopAfter(Time drain)
{
    Simulator::Stop(drain);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string cdf = "websearch";
    std::string mode = "default";
    double load = 0.5;
    DataRate link("10Gbps");
    Time delay = MicroSeconds(1);
    uint32_t hosts = 16;
    std::string pattern = "all-to-all";
    std::string direction = "pull";
    uint64_t flows = 0;
    double duration = 0;
    double drain = 0.5;
    std::string outdir = "results/flows";
    std::string topology = "star";
    uint32_t leaves = 4;
    uint32_t spines = 2;
    uint32_t queue = 100;
    double incastLoad = 0.02;
    uint32_t incastFanout = 8;
    uint64_t incastSize = 0;
    bool allowOverload = false;
    uint32_t maxIdle = 0;
    uint32_t maxConnections = 0;
    std::string tm;
    double epoch = 0.1;
    std::string tmUnit = "bits-per-epoch";
    double tmScale = 1.0;
    int64_t tmFirst = INT64_MIN;

    // Datacenter-like TCP. Set before parsing, so that --ns3::TcpSocket::...=... on the
    // command line still overrides it.
    PackMimeTcpPresets::Datacenter();
    Config::SetDefault("ns3::Ipv4GlobalRouting::RandomEcmpRouting", BooleanValue(true));

    // Limits that keep a typo from asking for days of set-up or of simulated time: global
    // routing on N hosts is O(N^2) routes per node, and 10^9 s is beyond any study.
    const uint32_t maxHosts = 2048;
    const double maxSeconds = 1e9;
    PackMimeCommandLine cmd("packmime-flows",
                            "CDF-driven datacenter flows (packmime). Writes flows.csv and "
                            "summary.json under --outdir.");
    cmd.AddValue("cdf",
                 "flow-size CDF: built-in name (websearch, datamining, fb_hadoop, "
                 "fb_webserver, fb_cachefollower, google_allrpc, ...) or file",
                 cdf);
    cmd.AddChoice("mode",
                  "CDF reading: default (the CDF's own), linear or step",
                  mode,
                  {"default", "linear", "step"});
    cmd.AddNumber("load",
                  "offered load per host, fraction of --link (0 < load < 1)",
                  load,
                  0,
                  100,
                  true);
    cmd.AddDataRate("link", "host link rate (and fabric links)", link);
    cmd.AddTime("delay", "propagation delay of every link", delay, Time(0), Seconds(10));
    cmd.AddCount("hosts", "number of hosts (2 to 2048)", hosts, 2, maxHosts);
    cmd.AddChoice("pattern",
                  "all-to-all, permutation, incast (all-to-all plus incast) or tm (a "
                  "traffic-matrix trace, --tm)",
                  pattern,
                  {"all-to-all", "permutation", "incast", "tm"});
    cmd.AddValue("tm",
                 "traffic-matrix trace for --pattern=tm: Janus binary prefix or text directory",
                 tm);
    cmd.AddNumber("epoch", "simulated seconds per matrix of the trace", epoch, 0, 1e6, true);
    cmd.AddChoice("tm-unit",
                  "unit of the trace values: bits-per-epoch, bytes-per-epoch, bits-per-second",
                  tmUnit,
                  {"bits-per-epoch", "bytes-per-epoch", "bits-per-second"});
    cmd.AddNumber("tm-scale", "factor applied to every trace value", tmScale, 0, 1e30, true);
    cmd.AddInteger("tm-first",
                   "time key to start the trace from (default: the first)",
                   tmFirst,
                   INT64_MIN,
                   INT64_MAX);
    cmd.AddChoice("direction",
                  "push (source sends) or pull (source requests, as the classic generator)",
                  direction,
                  {"push", "pull"});
    cmd.AddCount("flows", "stop after this many flows (0: use --duration)", flows, 0, 1000000000);
    cmd.AddNumber("duration",
                  "offer flows for this many seconds (0: use --flows)",
                  duration,
                  0,
                  maxSeconds);
    cmd.AddNumber("drain",
                  "seconds after the last arrival before the run ends",
                  drain,
                  0,
                  maxSeconds);
    cmd.AddValue("outdir", "directory for flows.csv and summary.json (created)", outdir);
    cmd.AddChoice("topology", "star or leaf-spine", topology, {"star", "leaf-spine"});
    cmd.AddCount("leaves", "leaf switches (leaf-spine)", leaves, 1, 1024);
    cmd.AddCount("spines", "spine switches (leaf-spine)", spines, 1, 1024);
    cmd.AddCount("queue", "drop-tail queue per port (packets)", queue, 1, 1000000);
    cmd.AddNumber("incast-load",
                  "incast share of total host capacity (pattern incast)",
                  incastLoad,
                  0,
                  1);
    cmd.AddCount("incast-fanout",
                 "senders per incast request (< --hosts)",
                 incastFanout,
                 1,
                 maxHosts);
    cmd.AddCount("incast-size",
                 "bytes per incast sender (0: from the CDF)",
                 incastSize,
                 0,
                 uint64_t(1) << 53);
    cmd.AddFlag("allow-overload", "accept --load >= 1", allowOverload);
    cmd.AddCount("max-idle",
                 "idle connections kept per host pair; more are closed (0: keep all)",
                 maxIdle,
                 0,
                 1000000);
    cmd.AddCount("max-connections",
                 "connections open at once per host pair; a flow that finds them all busy "
                 "waits, and its wait counts in its FCT (0: no limit)",
                 maxConnections,
                 0,
                 1000000);
    cmd.Parse(argc, argv);

    std::string cdfError = PackMimeFlowWorkload::CheckCdf(cdf);
    if (!cdfError.empty())
    {
        cmd.Fail("--cdf=" + cdf + ": " + cdfError);
    }
    std::string loadError =
        PackMimeFlowWorkload::CheckLoad(load, allowOverload, "add --allow-overload to insist");
    if (!loadError.empty())
    {
        cmd.Fail(cmd.Given("load") + ": " + loadError);
    }
    if (pattern == "tm" && tm.empty())
    {
        cmd.Fail("--pattern=tm needs --tm=PREFIX_OR_DIR");
    }
    if (pattern != "tm" && (flows == 0) == (duration <= 0))
    {
        cmd.Fail("give exactly one of --flows=N and --duration=SECONDS");
    }
    if (duration > 0 && Seconds(duration).IsZero())
    {
        cmd.Fail(cmd.Given("duration") + ": below the 1 ns time resolution");
    }
    if (pattern == "incast" && incastFanout >= hosts)
    {
        cmd.Fail(cmd.Given("incast-fanout") + ": expected fewer than " + cmd.Given("hosts") +
                 " senders");
    }
    // A traffic-matrix trace is read whole before anything is built: a bad value in its last
    // epoch must not stop the run halfway.
    uint32_t tmN = 0;
    size_t tmEpochs = 0;
    if (pattern == "tm")
    {
        std::string why = PackMimeFlowWorkload::CheckTrafficMatrix(tm, &tmN, &tmEpochs);
        if (!why.empty())
        {
            cmd.Fail("--tm=" + tm + ": " + why);
        }
        if (topology == "leaf-spine" && leaves != tmN)
        {
            cmd.Fail("--pattern=tm on leaf-spine: the trace has N = " + std::to_string(tmN) +
                     " ToRs, set --leaves=" + std::to_string(tmN));
        }
        if (hosts < tmN)
        {
            cmd.Fail("--pattern=tm: the trace has N = " + std::to_string(tmN) +
                     " ToRs, set --hosts >= " + std::to_string(tmN));
        }
    }
    cmd.CreateDirectories("outdir", outdir);

    NodeContainer hostNodes;
    hostNodes.Create(hosts);
    NodeContainer switches;
    InternetStackHelper stack;
    stack.Install(hostNodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(link));
    p2p.SetChannelAttribute("Delay", TimeValue(delay));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue(std::to_string(queue) + "p"));
    Ipv4AddressHelper address;
    address.SetBase("10.0.0.0", "255.255.255.252");
    TrafficControlHelper tc; // no queueing discipline: the device's drop-tail queue only
    auto connect = [&](Ptr<Node> a, Ptr<Node> b)
    {
        NetDeviceContainer d = p2p.Install(a, b);
        address.Assign(d); // installs ns-3's default queueing discipline...
        tc.Uninstall(d);   // ...which is removed again
        address.NewNetwork();
    };
    Time baseRtt;
    Time oneHop = delay;
    if (topology == "star")
    {
        switches.Create(1);
        stack.Install(switches);
        for (uint32_t i = 0; i < hosts; i++)
        {
            connect(hostNodes.Get(i), switches.Get(0));
        }
        baseRtt = 4 * oneHop;
    }
    else
    {
        switches.Create(leaves + spines);
        stack.Install(switches);
        for (uint32_t i = 0; i < hosts; i++)
        {
            connect(hostNodes.Get(i), switches.Get(i % leaves));
        }
        for (uint32_t l = 0; l < leaves; l++)
        {
            for (uint32_t s = 0; s < spines; s++)
            {
                connect(switches.Get(l), switches.Get(leaves + s));
            }
        }
        baseRtt = 8 * oneHop; // hosts on different leaves (same leaf: 4 hops)
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    // An attribute of the client applications, which the helper creates.
    Config::SetDefault("ns3::PackMimeFlowClient::MaxIdlePerDestination", UintegerValue(maxIdle));
    Config::SetDefault("ns3::PackMimeFlowClient::MaxConnectionsPerDestination",
                       UintegerValue(maxConnections));
    PackMimeFlowHelper helper;
    helper.SetAttribute("Cdf", StringValue(cdf));
    helper.SetAttribute("Mode", StringValue(mode));
    helper.SetAttribute("Load", DoubleValue(load));
    helper.SetAttribute("AllowOverload", BooleanValue(allowOverload));
    helper.SetAttribute("LinkRate", DataRateValue(link));
    helper.SetAttribute("Pattern", StringValue(pattern == "incast" ? "all-to-all" : pattern));
    if (pattern == "tm")
    {
        helper.SetAttribute("TmTrace", StringValue(tm));
        helper.SetAttribute("TmEpoch", TimeValue(Seconds(epoch)));
        helper.SetAttribute("TmUnit", StringValue(tmUnit));
        helper.SetAttribute("TmScale", DoubleValue(tmScale));
        helper.SetAttribute("TmFirstKey", IntegerValue(tmFirst));
    }
    helper.SetAttribute("Direction", StringValue(direction));
    helper.SetAttribute("MaxFlows", UintegerValue(flows));
    helper.SetAttribute("StopTime", TimeValue(duration > 0 ? Seconds(duration) : Time(0)));
    helper.SetAttribute("BaseRtt", TimeValue(baseRtt));
    helper.SetAttribute("IncastLoad", DoubleValue(pattern == "incast" ? incastLoad : 0.0));
    helper.SetAttribute("IncastFanout", UintegerValue(incastFanout));
    helper.SetAttribute("IncastSize", UintegerValue(incastSize));
    helper.SetAttribute("CsvFile", StringValue(outdir + "/flows.csv"));
    helper.SetAttribute("SummaryFile", StringValue(outdir + "/summary.json"));
    helper.Install(hostNodes);
    helper.AssignStreams(1);
    Ptr<PackMimeFlowWorkload> workload = helper.GetWorkload();
    if (pattern == "tm")
    {
        // Matrix index i = the hosts under leaf i (leaf-spine), or every host j with
        // j mod N = i (star).
        std::vector<std::vector<uint32_t>> groups(tmN);
        for (uint32_t h = 0; h < hosts; h++)
        {
            groups[h % tmN].push_back(h);
        }
        workload->SetTrafficMatrixGroups(groups);
        Simulator::Stop(Seconds(epoch * double(tmEpochs) + drain));
    }
    else if (duration > 0)
    {
        Simulator::Stop(Seconds(duration + drain));
    }
    else
    {
        // --flows=N: run until the N-th flow has arrived, then --drain seconds more.
        workload->TraceConnectWithoutContext("ArrivalsEnded",
                                             MakeBoundCallback(&StopAfter, Seconds(drain)));
    }
    workload->ShowProgress(std::cerr, "packmime-flows", MilliSeconds(10));
    Simulator::Run();
    workload->Finish();
    workload->PrintSummary(std::cout);
    std::cout << "outputs             " << outdir << "/flows.csv, " << outdir << "/summary.json\n";
    bool nothing = workload->GetSummary().generated == 0;
    Simulator::Destroy();
    if (nothing)
    {
        // A run that offered nothing is a mistake in its settings, not a result.
        std::cerr << "packmime-flows: no flow was offered: "
                  << (pattern == "tm" ? "the trace's demand (read as --tm-unit=" + tmUnit +
                                            ", times --tm-scale) is below one flow; check both"
                                      : "check --load, --flows and --duration")
                  << std::endl;
        return 1;
    }
    return 0;
}
