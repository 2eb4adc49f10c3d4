/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The floor of the PackMime-HTTP benchmark: the connections of a packmime-http run (its
 * connections.csv, HTTP/1.0), replayed on the same dumbbell and TCP settings by the leanest
 * logic that still does the same TCP work: at each start time a raw TCP socket connects and
 * sends the request's bytes; the server, which learns the sizes through a table keyed by
 * the client's port (a simulator-side shortcut, no header), waits a server delay from the
 * same model variable on the same stream, sends the response's bytes and closes; the client
 * closes when the server does. No records, no files, no session pools. Wall time and peak
 * RSS are measured from outside (bench/http.sh); (packmime-http - floor) is what the module
 * costs.
 *
 *   packmime-bench-http-floor --connections=results/connections.csv [--rate=200]
 *                             [--end=330] [--bottleneck=100Mbps]
 */
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <unordered_map>

using namespace ns3;

namespace
{

/// One replayed connection.
struct Replay
{
    uint64_t request{0};  ///< request bytes
    uint64_t response{0}; ///< response bytes
    uint64_t got{0};      ///< request bytes received by the server
};

std::unordered_map<uint16_t, Replay> g_byPort; //!< sizes by client port
Ptr<RandomVariableStream> g_delay;             //!< server delay (s)
uint64_t g_done = 0;                           //!< responses received in full

/// Bytes still to hand to TCP, by socket, and whether to close after them (server).
std::unordered_map<Socket*, std::pair<uint64_t, bool>> g_sending;

/// Hand as many pending bytes to TCP as it takes (it may not take them all at once).
void
Push(Ptr<Socket> s, uint32_t)
{
    auto it = g_sending.find(PeekPointer(s));
    if (it == g_sending.end())
    {
        return;
    }
    uint64_t& left = it->second.first;
    while (left > 0)
    {
        uint32_t n = uint32_t(std::min<uint64_t>(left, s->GetTxAvailable()));
        if (n == 0 || s->Send(Create<Packet>(n)) < 0)
        {
            return;
        }
        left -= n;
    }
    if (it->second.second)
    {
        s->Close();
    }
    g_sending.erase(it);
}

/// Queue bytes on a socket.
void
Send(Ptr<Socket> s, uint64_t bytes, bool close)
{
    g_sending[PeekPointer(s)] = {bytes, close};
    Push(s, 0);
}

/// The server delay is over: send the response, then close.
void
ServerRespond(Ptr<Socket> s, uint64_t bytes)
{
    Send(s, bytes, true);
}

/// Count request bytes; the whole request starts the server delay.
void
ServerRecv(Ptr<Socket> s)
{
    Address from;
    Ptr<Packet> p;
    while ((p = s->RecvFrom(from)) && p->GetSize() > 0)
    {
        Replay& r = g_byPort[InetSocketAddress::ConvertFrom(from).GetPort()];
        r.got += p->GetSize();
        if (r.got == r.request)
        {
            Simulator::Schedule(Seconds(g_delay->GetValue()), &ServerRespond, s, r.response);
        }
    }
}

/// A new connection at the server.
void
ServerAccept(Ptr<Socket> s, const Address&)
{
    s->SetRecvCallback(MakeCallback(&ServerRecv));
    s->SetSendCallback(MakeCallback(&Push));
}

/// Count response bytes.
void
ClientRecv(Ptr<Socket> s)
{
    Address local;
    s->GetSockName(local);
    Replay& r = g_byPort[InetSocketAddress::ConvertFrom(local).GetPort()];
    Ptr<Packet> p;
    while ((p = s->Recv()) && p->GetSize() > 0)
    {
        r.response -= std::min<uint64_t>(r.response, p->GetSize());
        if (r.response == 0)
        {
            g_done++;
        }
    }
}

/// The server closed (or the connection broke): close and forget the connection.
void
ClientClosed(Ptr<Socket> s)
{
    Address local;
    s->GetSockName(local);
    g_byPort.erase(InetSocketAddress::ConvertFrom(local).GetPort());
    g_sending.erase(PeekPointer(s));
    s->Close();
}

/// Open a connection and send its request.
void
Start(Ptr<Node> client, Address server, uint64_t request, uint64_t response)
{
    Ptr<Socket> s = Socket::CreateSocket(client, TcpSocketFactory::GetTypeId());
    s->Bind();
    s->Connect(server);
    Address local;
    s->GetSockName(local);
    g_byPort[InetSocketAddress::ConvertFrom(local).GetPort()] = Replay{request, response};
    s->SetRecvCallback(MakeCallback(&ClientRecv));
    s->SetCloseCallbacks(MakeCallback(&ClientClosed), MakeCallback(&ClientClosed));
    s->SetSendCallback(MakeCallback(&Push));
    Send(s, request, false);
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string connections;
    double rate = 200;
    double end = 330;
    std::string bottleneck = "100Mbps";
    // The example's TCP settings, and its servers' TIME_WAIT of 1 s.
    PackMimeTcpPresets::Ns2FullTcp();
    Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(0.5));
    CommandLine cmd(__FILE__);
    cmd.AddValue("connections", "connections.csv of an HTTP/1.0 packmime-http run", connections);
    cmd.AddValue("rate", "the run's rate (for the server-delay variable)", rate);
    cmd.AddValue("end", "simulated end time (s): the run's duration + drain", end);
    cmd.AddValue("bottleneck", "rate of the R1-R2 link", bottleneck);
    cmd.Parse(argc, argv);

    NodeContainer nodes;
    nodes.Create(4); // client, R1, R2, server
    InternetStackHelper stack;
    stack.InstallAll();
    PointToPointHelper p2p;
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1000p"));
    Ipv4AddressHelper address;
    address.SetBase("10.0.0.0", "255.255.255.252");
    TrafficControlHelper tc;
    Ipv4InterfaceContainer last;
    const char* rates[] = {"1Gbps", bottleneck.c_str(), "1Gbps"};
    const char* delays[] = {"1ms", "10ms", "1ms"};
    for (int i = 0; i < 3; i++)
    {
        p2p.SetDeviceAttribute("DataRate", StringValue(rates[i]));
        p2p.SetChannelAttribute("Delay", StringValue(delays[i]));
        NetDeviceContainer d = p2p.Install(nodes.Get(i), nodes.Get(i + 1));
        last = address.Assign(d);
        tc.Uninstall(d);
        address.NewNetwork();
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    Address server = InetSocketAddress(last.GetAddress(1), 80);

    g_delay = CreateObjectWithAttributes<PackMimeHttpRandomVariable>("Variable",
                                                                     StringValue("server-delay"),
                                                                     "Rate",
                                                                     DoubleValue(rate));
    g_delay->SetStream(1 + 3); // the generator's server-delay stream after AssignStreams(1)
    Ptr<Socket> listener = Socket::CreateSocket(nodes.Get(3), TcpSocketFactory::GetTypeId());
    listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), 80));
    listener->Listen();
    listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                MakeCallback(&ServerAccept));

    std::ifstream in(connections);
    NS_ABORT_MSG_IF(!in, "--connections=" << connections << ": cannot open");
    std::string line;
    std::getline(in, line);
    uint64_t n = 0;
    while (std::getline(in, line))
    {
        std::istringstream row(line);
        std::string f[8];
        for (auto& x : f)
        {
            std::getline(row, x, ',');
        }
        NS_ABORT_MSG_IF(f[4] != "1",
                        connections << ": connection " << f[0] << " has " << f[4]
                                    << " requests; the floor replays HTTP/1.0 runs only");
        Simulator::Schedule(Seconds(std::stod(f[1])),
                            &Start,
                            nodes.Get(0),
                            server,
                            std::stoull(f[6]),
                            std::stoull(f[7]));
        n++;
    }
    Simulator::Stop(Seconds(end));
    Simulator::Run();
    std::cout << n << " connections replayed, " << g_done << " responses complete" << std::endl;
    Simulator::Destroy();
    return 0;
}
