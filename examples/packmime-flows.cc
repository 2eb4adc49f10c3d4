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
 * 1448 B, 2 MB socket buffers, no delayed ACKs, initial window 10, minimum RTO and SYN
 * timeout 10 ms, 100-packet drop-tail queues at every port.
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

#include <chrono>
#include <iostream>
#include <sys/stat.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PackMimeFlowsExample");

namespace
{

/// Wall clock of the last progress line.
std::chrono::steady_clock::time_point g_lastProgress;

/// Print simulated time and flows done on stderr every few wall-clock seconds.
void
Progress(Ptr<PackMimeFlowWorkload> workload, Time interval)
{
    auto now = std::chrono::steady_clock::now();
    if (now - g_lastProgress > std::chrono::seconds(3))
    {
        g_lastProgress = now;
        auto s = workload->GetSummary();
        std::cerr << "[packmime-flows] t=" << Simulator::Now().As(Time::S) << " flows offered "
                  << s.generated << ", completed " << s.completed << std::endl;
    }
    Simulator::Schedule(interval, &Progress, workload, interval);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string cdf = "websearch";
    std::string mode = "default";
    double load = 0.5;
    std::string link = "10Gbps";
    std::string delay = "1us";
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
    std::string tm;
    double epoch = 0.1;
    std::string tmUnit = "bits-per-epoch";
    double tmScale = 1.0;
    int64_t tmFirst = INT64_MIN;

    // Datacenter-like TCP (ns-3's defaults are 536-byte segments, a 1 s minimum RTO, a 3 s SYN
    // timeout and delayed ACKs, which no datacenter study uses). Set before parsing, so that
    // --ns3::TcpSocket::...=... on the command line still overrides them.
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(1448));
    Config::SetDefault("ns3::TcpSocket::SndBufSize", UintegerValue(2 << 20));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(2 << 20));
    Config::SetDefault("ns3::TcpSocket::DelAckCount", UintegerValue(1));
    Config::SetDefault("ns3::TcpSocket::InitialCwnd", UintegerValue(10));
    Config::SetDefault("ns3::TcpSocketBase::MinRto", TimeValue(MilliSeconds(10)));
    Config::SetDefault("ns3::TcpSocket::ConnTimeout", TimeValue(MilliSeconds(10)));
    Config::SetDefault("ns3::TcpSocketBase::ClockGranularity", TimeValue(MicroSeconds(10)));
    Config::SetDefault("ns3::Ipv4GlobalRouting::RandomEcmpRouting", BooleanValue(true));

    CommandLine cmd(__FILE__);
    cmd.Usage("CDF-driven datacenter flows (packmime). Writes flows.csv and summary.json "
              "under --outdir.");
    cmd.AddValue("cdf",
                 "flow-size CDF: built-in name (websearch, datamining, fb_hadoop, "
                 "fb_webserver, fb_cachefollower, google_allrpc, ...) or file",
                 cdf);
    cmd.AddValue("mode", "CDF reading: default (the CDF's own), linear or step", mode);
    cmd.AddValue("load", "offered load per host, fraction of --link (0 < load < 1)", load);
    cmd.AddValue("link", "host link rate (and fabric links)", link);
    cmd.AddValue("delay", "propagation delay of every link", delay);
    cmd.AddValue("hosts", "number of hosts (>= 2)", hosts);
    cmd.AddValue("pattern",
                 "all-to-all, permutation, incast (all-to-all plus incast) or tm (a "
                 "traffic-matrix trace, --tm)",
                 pattern);
    cmd.AddValue("tm",
                 "traffic-matrix trace for --pattern=tm: Janus binary prefix or text directory",
                 tm);
    cmd.AddValue("epoch", "simulated seconds per matrix of the trace", epoch);
    cmd.AddValue("tm-unit",
                 "unit of the trace values: bits-per-epoch, bytes-per-epoch, bits-per-second",
                 tmUnit);
    cmd.AddValue("tm-scale", "factor applied to every trace value", tmScale);
    cmd.AddValue("tm-first", "time key to start the trace from (default: the first)", tmFirst);
    cmd.AddValue("direction",
                 "push (source sends) or pull (source requests, as the classic "
                 "generator)",
                 direction);
    cmd.AddValue("flows", "stop after this many flows (0: use --duration)", flows);
    cmd.AddValue("duration", "offer flows for this many seconds (0: use --flows)", duration);
    cmd.AddValue("drain", "seconds after the last arrival before the run ends", drain);
    cmd.AddValue("outdir", "directory for flows.csv and summary.json", outdir);
    cmd.AddValue("topology", "star or leaf-spine", topology);
    cmd.AddValue("leaves", "leaf switches (leaf-spine)", leaves);
    cmd.AddValue("spines", "spine switches (leaf-spine)", spines);
    cmd.AddValue("queue", "drop-tail queue per port (packets)", queue);
    cmd.AddValue("incast-load", "incast share of total host capacity (pattern incast)", incastLoad);
    cmd.AddValue("incast-fanout", "senders per incast request", incastFanout);
    cmd.AddValue("incast-size", "bytes per incast sender (0: from the CDF)", incastSize);
    cmd.AddValue("allow-overload", "accept --load >= 1", allowOverload);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(hosts < 2, "--hosts=" << hosts << ": expected at least 2 hosts");
    NS_ABORT_MSG_IF(pattern != "all-to-all" && pattern != "permutation" && pattern != "incast" &&
                        pattern != "tm",
                    "--pattern=" << pattern << ": expected all-to-all, permutation, incast or tm");
    NS_ABORT_MSG_IF(pattern == "tm" && tm.empty(), "--pattern=tm needs --tm=PREFIX_OR_DIR");
    NS_ABORT_MSG_IF(!(epoch > 0), "--epoch=" << epoch << ": expected a duration > 0 s");
    NS_ABORT_MSG_IF(direction != "push" && direction != "pull",
                    "--direction=" << direction << ": expected push or pull");
    NS_ABORT_MSG_IF(topology != "star" && topology != "leaf-spine",
                    "--topology=" << topology << ": expected star or leaf-spine");
    NS_ABORT_MSG_IF(pattern != "tm" && (flows == 0) == (duration <= 0),
                    "give exactly one of --flows=N and --duration=SECONDS");
    NS_ABORT_MSG_IF(leaves < 1 || spines < 1, "--leaves and --spines: expected at least 1");

    NodeContainer hostNodes;
    hostNodes.Create(hosts);
    NodeContainer switches;
    InternetStackHelper stack;
    stack.Install(hostNodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(link));
    p2p.SetChannelAttribute("Delay", StringValue(delay));
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
    Time oneHop = Time(delay);
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

    mkdir(outdir.c_str(), 0755);
    PackMimeFlowHelper helper;
    helper.SetAttribute("Cdf", StringValue(cdf));
    helper.SetAttribute("Mode", StringValue(mode));
    helper.SetAttribute("Load", DoubleValue(load));
    helper.SetAttribute("AllowOverload", BooleanValue(allowOverload));
    helper.SetAttribute("LinkRate", DataRateValue(DataRate(link)));
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
    Time end;
    if (pattern == "tm")
    {
        // Matrix index i = the hosts under leaf i (leaf-spine), or every host j with
        // j mod N = i (star).
        pm_tm* trace = pm_tm_open(tm.c_str(), nullptr);
        uint32_t n = uint32_t(pm_tm_n(trace));
        size_t epochs = pm_tm_epochs(trace);
        pm_tm_free(trace);
        NS_ABORT_MSG_IF(
            topology == "leaf-spine" && leaves != n,
            "--pattern=tm on leaf-spine: the trace has N = " << n << " ToRs, set --leaves=" << n);
        NS_ABORT_MSG_IF(hosts < n,
                        "--pattern=tm: the trace has N = " << n << " ToRs, set --hosts >= " << n);
        std::vector<std::vector<uint32_t>> groups(n);
        for (uint32_t h = 0; h < hosts; h++)
        {
            groups[h % n].push_back(h);
        }
        workload->SetTrafficMatrixGroups(groups);
        end = Seconds(epoch * double(epochs) + drain);
    }

    // Run until the arrivals end, plus --drain seconds.
    if (pattern != "tm")
    {
        end = duration > 0 ? Seconds(duration + drain)
                           : Seconds(double(flows) / workload->GetArrivalRate() * 1.2 + drain);
    }
    g_lastProgress = std::chrono::steady_clock::now();
    Simulator::Schedule(MilliSeconds(10), &Progress, workload, MilliSeconds(10));
    Simulator::Stop(end);
    Simulator::Run();
    workload->Finish();
    workload->PrintSummary(std::cout);
    std::cout << "outputs             " << outdir << "/flows.csv, " << outdir << "/summary.json\n";
    Simulator::Destroy();
    return 0;
}
