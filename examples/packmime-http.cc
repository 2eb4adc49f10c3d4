/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * PackMime-HTTP on ns-2's reference dumbbell.
 *
 *   packmime-http --rate=100 --duration=60 --http=1.1
 *
 *   client cloud --1 Gb/s, 1 ms-- R1 --100 Mb/s, 10 ms-- R2 --1 Gb/s, 1 ms-- server cloud
 *
 * Each cloud is one node, as in ns-2, or --clients and --servers nodes (equal numbers:
 * client i talks to server i, round-robin).
 * Connections start at --rate per second for --duration seconds; the run ends --drain
 * seconds later, when unfinished connections are recorded as incomplete. TCP is set up as
 * ns-2's Full-TCP in the PackMime reference scripts: 1460-byte segments, an ACK per
 * segment, initial window 2 segments, windows of 64 segments, drop-tail queues of 1000
 * packets; no SACK and no timestamps (ns-2's Reno Full-TCP has neither, and 12 bytes of
 * timestamps would push 1460-byte segments past the 1500-byte MTU). Writes pairs.csv,
 * connections.csv and summary.json under --outdir and prints the summary.
 */
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sys/stat.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PackMimeHttpExample");

namespace
{

/// Wall clock of the last progress line.
std::chrono::steady_clock::time_point g_lastProgress;

/// Print simulated time and connections on stderr every few wall-clock seconds.
void
Progress(Ptr<PackMimeHttpGenerator> generator, Time interval)
{
    auto now = std::chrono::steady_clock::now();
    if (now - g_lastProgress > std::chrono::seconds(3))
    {
        g_lastProgress = now;
        auto s = generator->GetSummary();
        std::cerr << "[packmime-http] t=" << Simulator::Now().As(Time::S) << " connections "
                  << s.connections << " (" << s.active << " open), pairs done " << s.pairs
                  << std::endl;
    }
    Simulator::Schedule(interval, &Progress, generator, interval);
}

/// Bytes sent by the bottleneck's downstream device (R2 -> R1) within the window.
struct LinkMeter
{
    Time from;         ///< window start
    Time to;           ///< window end
    uint64_t bytes{0}; ///< bytes sent in the window (IP packets plus PPP header)

    /// Count one transmitted packet.
    void Sent(Ptr<const Packet> packet)
    {
        Time now = Simulator::Now();
        if (now >= from && now < to)
        {
            bytes += packet->GetSize();
        }
    }
};

} // namespace

int
main(int argc, char* argv[])
{
    double rate = 100;
    double duration = 60;
    double drain = 30;
    double warmup = 0;
    std::string http = "1.0";
    std::string outdir = "results";
    std::string bottleneck = "100Mbps";
    uint32_t nClients = 1;
    uint32_t nServers = 1;
    uint32_t queue = 1000;

    // ns-2 Full-TCP as in the PackMime reference scripts; set before parsing so that
    // --ns3::TcpSocket::...=... on the command line still overrides them.
    const uint32_t segment = 1460;
    Config::SetDefault("ns3::TcpSocket::SegmentSize", UintegerValue(segment));
    Config::SetDefault("ns3::TcpSocket::DelAckCount", UintegerValue(1));
    Config::SetDefault("ns3::TcpSocket::InitialCwnd", UintegerValue(2));
    Config::SetDefault("ns3::TcpSocket::RcvBufSize", UintegerValue(64 * segment));
    Config::SetDefault("ns3::TcpSocketBase::Sack", BooleanValue(false));
    Config::SetDefault("ns3::TcpSocketBase::Timestamp", BooleanValue(false));

    CommandLine cmd(__FILE__);
    cmd.Usage("PackMime-HTTP web traffic on ns-2's reference dumbbell (packmime). Writes "
              "pairs.csv, connections.csv and summary.json under --outdir.");
    cmd.AddValue("rate", "new connections per second (> 0)", rate);
    cmd.AddValue("duration", "start connections for this many seconds (> 0)", duration);
    cmd.AddValue("drain", "seconds after --duration before the run ends (>= 0)", drain);
    cmd.AddValue("warmup",
                 "exchanges whose request was sent before this time (s) are not logged",
                 warmup);
    cmd.AddValue("http", "HTTP version: 1.0 or 1.1 (persistent connections)", http);
    cmd.AddValue("outdir", "directory for pairs.csv, connections.csv and summary.json", outdir);
    cmd.AddValue("bottleneck", "rate of the R1-R2 link", bottleneck);
    cmd.AddValue("clients", "client-cloud nodes (client i talks to server i)", nClients);
    cmd.AddValue("servers", "server-cloud nodes (as many as --clients)", nServers);
    cmd.AddValue("queue", "drop-tail queue of every link (packets)", queue);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(!(duration > 0), "--duration=" << duration << ": expected seconds > 0");
    NS_ABORT_MSG_IF(!(drain >= 0), "--drain=" << drain << ": expected seconds >= 0");
    NS_ABORT_MSG_IF(!(warmup >= 0 && warmup < duration),
                    "--warmup=" << warmup << ": expected 0 <= warmup < --duration");
    // --rate, --http, --clients and --servers are checked where they land: the generator's
    // Rate and HttpVersion attributes and PackMimeHttpHelper::Install.
    NS_ABORT_MSG_IF(queue < 1, "--queue=" << queue << ": expected at least 1 packet");
    DataRate bottleneckRate;
    NS_ABORT_MSG_IF(!DataRateValue().DeserializeFromString(bottleneck, MakeDataRateChecker()),
                    "--bottleneck=" << bottleneck << ": expected a rate such as 100Mbps");
    bottleneckRate = DataRate(bottleneck);

    NodeContainer clients;
    NodeContainer servers;
    NodeContainer routers;
    clients.Create(nClients);
    servers.Create(nServers);
    routers.Create(2);
    InternetStackHelper stack;
    stack.InstallAll();

    PointToPointHelper p2p;
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue(std::to_string(queue) + "p"));
    Ipv4AddressHelper address;
    address.SetBase("10.0.0.0", "255.255.255.252");
    TrafficControlHelper tc; // no queueing discipline: the device's drop-tail queue only
    auto connect = [&](Ptr<Node> a, Ptr<Node> b, const std::string& rate, const std::string& delay)
    {
        p2p.SetDeviceAttribute("DataRate", StringValue(rate));
        p2p.SetChannelAttribute("Delay", StringValue(delay));
        NetDeviceContainer d = p2p.Install(a, b);
        address.Assign(d); // installs ns-3's default queueing discipline...
        tc.Uninstall(d);   // ...which is removed again
        address.NewNetwork();
        return d;
    };
    for (uint32_t i = 0; i < nClients; i++)
    {
        connect(clients.Get(i), routers.Get(0), "1Gbps", "1ms");
    }
    for (uint32_t i = 0; i < nServers; i++)
    {
        connect(servers.Get(i), routers.Get(1), "1Gbps", "1ms");
    }
    NetDeviceContainer link = connect(routers.Get(0), routers.Get(1), bottleneck, "10ms");
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    mkdir(outdir.c_str(), 0755);
    PackMimeHttpHelper helper;
    helper.SetAttribute("Rate", DoubleValue(rate));
    helper.SetAttribute("HttpVersion", StringValue(http));
    helper.SetAttribute("Warmup", TimeValue(Seconds(warmup)));
    helper.SetAttribute("StopTime", TimeValue(Seconds(duration)));
    helper.SetAttribute("PairsFile", StringValue(outdir + "/pairs.csv"));
    helper.SetAttribute("ConnectionsFile", StringValue(outdir + "/connections.csv"));
    helper.SetAttribute("SummaryFile", StringValue(outdir + "/summary.json"));
    helper.Install(clients, servers);
    helper.AssignStreams(1);
    Ptr<PackMimeHttpGenerator> generator = helper.GetGenerator();

    LinkMeter meter{Seconds(warmup), Seconds(duration)};
    link.Get(1)->TraceConnectWithoutContext("PhyTxEnd", MakeCallback(&LinkMeter::Sent, &meter));

    g_lastProgress = std::chrono::steady_clock::now();
    Simulator::Schedule(Seconds(1), &Progress, generator, Seconds(1));
    Simulator::Stop(Seconds(duration + drain));
    auto wallStart = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    double bottleneckMbps = meter.bytes * 8.0 / (duration - warmup) / 1e6;
    generator->SetSummaryValue("bottleneck_down_mbps", bottleneckMbps);
    generator->SetSummaryValue("bottleneck_utilization",
                               bottleneckMbps * 1e6 / double(bottleneckRate.GetBitRate()));
    generator->Finish();
    generator->PrintSummary(std::cout);
    std::cout << "  outputs         " << outdir << "/pairs.csv, " << outdir << "/connections.csv, "
              << outdir << "/summary.json\n"
              << "  wall time       " << std::fixed << std::setprecision(1) << wall << " s\n";
    Simulator::Destroy();
    return 0;
}
