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
 * timestamps would push 1460-byte segments past the 1500-byte MTU). With --delaybox, R1
 * and R2 are DelayBoxes, as in ns-2's PackMime + DelayBox: every connection gets its own
 * one-way delays, drawn from PackMime's xmit-client variable at R1 and xmit-server at R2.
 * Writes pairs.csv, connections.csv and summary.json under --outdir and prints the summary.
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

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PackMimeHttpExample");

namespace
{

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
    DataRate bottleneckRate("100Mbps");
    uint32_t nClients = 1;
    uint32_t nServers = 1;
    uint32_t queue = 1000;
    bool delayBox = false;

    // ns-2 Full-TCP as in the PackMime reference scripts; set before parsing so that
    // --ns3::TcpSocket::...=... on the command line still overrides it.
    PackMimeTcpPresets::Ns2FullTcp();

    PackMimeCommandLine cmd("packmime-http",
                            "PackMime-HTTP web traffic on ns-2's reference dumbbell (packmime). "
                            "Writes pairs.csv, connections.csv and summary.json under --outdir.");
    cmd.AddNumber("rate",
                  "new connections per second (1 to 100000, the range of the model's fits)",
                  rate,
                  1,
                  1e5);
    cmd.AddNumber("duration",
                  "start connections for this many seconds (> 0)",
                  duration,
                  0,
                  1e9,
                  true);
    cmd.AddNumber("drain", "seconds after --duration before the run ends (>= 0)", drain, 0, 1e9);
    cmd.AddNumber("warmup",
                  "exchanges whose request was sent before this time (s) are not logged",
                  warmup,
                  0,
                  1e9);
    cmd.AddChoice("http",
                  "HTTP version: 1.0 or 1.1 (persistent connections)",
                  http,
                  {"1.0", "1.1"});
    cmd.AddValue("outdir",
                 "directory for pairs.csv, connections.csv and summary.json (created)",
                 outdir);
    cmd.AddDataRate("bottleneck", "rate of the R1-R2 link", bottleneckRate);
    cmd.AddCount("clients", "client-cloud nodes (client i talks to server i)", nClients, 1, 1000);
    cmd.AddCount("servers", "server-cloud nodes (as many as --clients)", nServers, 1, 1000);
    cmd.AddCount("queue", "drop-tail queue of every link (packets)", queue, 1, 1000000);
    cmd.AddFlag("delaybox",
                "per-connection delays as ns-2's PackMime + DelayBox: R1 and R2 add the "
                "model's client-side and server-side one-way delays (connections.csv: the four "
                "*_delay_ms columns)",
                delayBox);
    cmd.Parse(argc, argv);

    if (Seconds(duration).IsZero())
    {
        cmd.Fail(cmd.Given("duration") + ": below the 1 ns time resolution");
    }
    if (warmup >= duration)
    {
        cmd.Fail("--warmup: expected 0 <= warmup < --duration");
    }
    if (nClients != nServers)
    {
        cmd.Fail(cmd.Given("clients") + " and " + cmd.Given("servers") +
                 ": expected as many servers as clients");
    }
    cmd.CreateDirectories("outdir", outdir);

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
    auto connect = [&](Ptr<Node> a, Ptr<Node> b, DataRate rate, Time delay)
    {
        p2p.SetDeviceAttribute("DataRate", DataRateValue(rate));
        p2p.SetChannelAttribute("Delay", TimeValue(delay));
        NetDeviceContainer d = p2p.Install(a, b);
        address.Assign(d); // installs ns-3's default queueing discipline...
        tc.Uninstall(d);   // ...which is removed again
        address.NewNetwork();
        return d;
    };
    for (uint32_t i = 0; i < nClients; i++)
    {
        connect(clients.Get(i), routers.Get(0), DataRate("1Gbps"), MilliSeconds(1));
    }
    for (uint32_t i = 0; i < nServers; i++)
    {
        connect(servers.Get(i), routers.Get(1), DataRate("1Gbps"), MilliSeconds(1));
    }
    NetDeviceContainer link =
        connect(routers.Get(0), routers.Get(1), bottleneckRate, MilliSeconds(10));
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    PackMimeHttpHelper helper;
    helper.SetAttribute("Rate", DoubleValue(rate));
    helper.SetAttribute("HttpVersion", StringValue(http));
    helper.SetAttribute("Warmup", TimeValue(Seconds(warmup)));
    helper.SetAttribute("StopTime", TimeValue(Seconds(duration)));
    helper.SetAttribute("PairsFile", StringValue(outdir + "/pairs.csv"));
    helper.SetAttribute("ConnectionsFile", StringValue(outdir + "/connections.csv"));
    helper.SetAttribute("SummaryFile", StringValue(outdir + "/summary.json"));
    helper.Install(clients, servers);
    std::vector<Ptr<PackMimeDelayBox>> boxes;
    if (delayBox)
    {
        boxes.push_back(helper.InstallDelayBox(routers.Get(0), PackMimeHttpHelper::CLIENT_SIDE));
        boxes.push_back(helper.InstallDelayBox(routers.Get(1), PackMimeHttpHelper::SERVER_SIDE));
    }
    helper.AssignStreams(1);
    Ptr<PackMimeHttpGenerator> generator = helper.GetGenerator();

    LinkMeter meter{Seconds(warmup), Seconds(duration)};
    link.Get(1)->TraceConnectWithoutContext("PhyTxEnd", MakeCallback(&LinkMeter::Sent, &meter));

    generator->ShowProgress(std::cerr, "packmime-http", Seconds(1));
    Simulator::Stop(Seconds(duration + drain));
    auto wallStart = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    double bottleneckMbps = meter.bytes * 8.0 / (duration - warmup) / 1e6;
    generator->SetSummaryValue("bottleneck_down_mbps", bottleneckMbps);
    generator->SetSummaryValue("bottleneck_utilization",
                               bottleneckMbps * 1e6 / double(bottleneckRate.GetBitRate()));
    for (size_t b = 0; b < boxes.size(); b++)
    {
        // The flow tables' high-water marks, against client_sessions_allocated.
        std::string side = b == 0 ? "client_side" : "server_side";
        generator->SetSummaryValue("delaybox_peak_flows_" + side, boxes[b]->GetPeakFlowCount());
    }
    generator->Finish();
    generator->PrintSummary(std::cout);
    std::cout << "  outputs         " << outdir << "/pairs.csv, " << outdir << "/connections.csv, "
              << outdir << "/summary.json\n"
              << "  wall time       " << std::fixed << std::setprecision(1) << wall << " s\n";
    Simulator::Destroy();
    return 0;
}
