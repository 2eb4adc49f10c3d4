/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The same list of fixed-size flows, run either the stock ns-3 way (one BulkSendApplication
 * and one PacketSink installed per flow, on its own port, before the run) or through
 * packmime's pooled per-node applications. Star of --hosts hosts at 10 Gb/s; with 2 hosts
 * every flow goes from host 0 to host 1, otherwise all-to-all. Flows arrive as a Poisson
 * process at --load of one host link. Prints flows completed and simulated time; wall time
 * and peak RSS are measured from outside (bench/flows.sh).
 *
 * With --stats the last line also gives the most packets queued in all device queues at
 * once and the most flows running at once (packmime); it always gives the connections opened.
 *
 *   packmime-bench-flows --impl=stock|packmime --flows=N [--hosts=2] [--size=20480]
 *                        [--queue-disc=false] [--stats]
 */
#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/traffic-control-module.h"

#include <algorithm>
#include <functional>
#include <iostream>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string impl = "packmime";
    uint64_t flows = 2000;
    uint32_t hosts = 2;
    uint64_t size = 20480;
    double load = 0.5;
    bool queueDisc = true;
    bool stats = false;
    PackMimeTcpPresets::Datacenter(); // as packmime-flows
    CommandLine cmd(__FILE__);
    cmd.AddValue("impl", "stock (BulkSend + PacketSink per flow) or packmime (pooled apps)", impl);
    cmd.AddValue("flows", "number of flows", flows);
    cmd.AddValue("hosts", "hosts (2: one sender, one receiver; more: all-to-all)", hosts);
    cmd.AddValue("size", "bytes per flow", size);
    cmd.AddValue("load", "offered load of one host link", load);
    cmd.AddValue("queue-disc",
                 "keep ns-3's default queueing discipline (FqCoDel) on every device; false: "
                 "the devices' 1000-packet drop-tail queues only, as in the examples",
                 queueDisc);
    cmd.AddValue("stats",
                 "also count the most packets queued in all device queues at once and the most "
                 "flows running at once (traces every enqueue: slower; for bench/memory.sh)",
                 stats);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(impl != "stock" && impl != "packmime",
                    "--impl=" << impl << ": expected stock or packmime");

    NodeContainer nodes;
    nodes.Create(hosts);
    NodeContainer hub;
    hub.Create(1);
    InternetStackHelper stack;
    stack.InstallAll();
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1us"));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1000p"));
    Ipv4AddressHelper address("10.0.0.0", "255.255.255.252");
    TrafficControlHelper tc;
    std::vector<Ipv4Address> ip;
    for (uint32_t i = 0; i < hosts; i++)
    {
        NetDeviceContainer d = p2p.Install(nodes.Get(i), hub.Get(0));
        ip.push_back(address.Assign(d).GetAddress(0)); // installs ns-3's default FqCoDel
        if (!queueDisc)
        {
            tc.Uninstall(d); // the device's drop-tail queue only, as in the examples
        }
        address.NewNetwork();
    }
    Ipv4GlobalRoutingHelper::PopulateRoutingTables();

    // Packets waiting in all device queues at once, and the most at any moment: the network's
    // part of peak memory (each queued packet is a few hundred bytes of ns-3 state).
    uint64_t queued = 0;
    uint64_t peakQueued = 0;
    if (stats)
    {
        for (auto n = NodeList::Begin(); n != NodeList::End(); n++)
        {
            for (uint32_t i = 0; i < (*n)->GetNDevices(); i++)
            {
                auto dev = DynamicCast<PointToPointNetDevice>((*n)->GetDevice(i));
                if (dev)
                {
                    dev->GetQueue()->TraceConnectWithoutContext(
                        "PacketsInQueue",
                        MakeBoundCallback(
                            +[](uint64_t* q, uint64_t* peak, uint32_t before, uint32_t after)
                            {
                                *q = *q + after - before;
                                *peak = std::max(*peak, *q);
                            },
                            &queued,
                            &peakQueued));
                }
            }
        }
    }

    // The flow list: Poisson arrivals (all hosts together offer `load` of one link when there
    // are two hosts, of every sending host otherwise), uniform pairs.
    double rate = load * 10e9 / (8.0 * double(size)) * (hosts == 2 ? 1 : hosts);
    Ptr<ExponentialRandomVariable> gap = CreateObject<ExponentialRandomVariable>();
    gap->SetAttribute("Mean", DoubleValue(1.0 / rate));
    gap->SetStream(1);
    Ptr<UniformRandomVariable> pick = CreateObject<UniformRandomVariable>();
    pick->SetStream(2);
    uint64_t completed = 0;
    uint64_t peakRunning = 0; // flows running at once, at the worst moment
    Time t;
    std::vector<Ptr<PackMimeFlowClient>> clients;
    if (impl == "packmime")
    {
        for (uint32_t i = 0; i < hosts; i++)
        {
            nodes.Get(i)->AddApplication(CreateObject<PackMimeServer>());
            clients.push_back(CreateObject<PackMimeFlowClient>());
            nodes.Get(i)->AddApplication(clients.back());
            clients.back()->TraceConnectWithoutContext(
                "FlowCompleted",
                MakeBoundCallback(
                    +[](uint64_t* c, const PackMimeFlowRecord& r)
                    {
                        *c += r.completed;
                    },
                    &completed));
        }
    }

    // The i-th flow of the list: its start time (gap from the previous), source, destination.
    struct NextFlow
    {
        uint64_t id;
        Time start;
        uint32_t src;
        uint32_t dst;
    };

    auto draw = [&](uint64_t f, Time previous)
    {
        NextFlow n;
        n.id = f;
        n.start = previous + Seconds(gap->GetValue());
        n.src = hosts == 2 ? 0 : pick->GetInteger(0, hosts - 1);
        n.dst = hosts == 2 ? 1 : (n.src + pick->GetInteger(1, hosts - 1)) % hosts;
        return n;
    };
    // Live for the whole run (the scheduled events refer to them).
    std::function<void(NextFlow)> launch;
    std::function<void()> watch;
    if (impl == "packmime")
    {
        // Flows are handed over one at a time, as a workload does: memory stays independent
        // of the length of the list.
        launch = [&](NextFlow n)
        {
            PackMimeFlowRecord r;
            r.id = n.id;
            r.size = size;
            r.src = n.src;
            r.dst = n.dst;
            r.server = InetSocketAddress(ip[n.dst], 5001);
            clients[n.src]->StartFlow(r, PackMimeFlowClient::PUSH);
            if (stats)
            {
                uint64_t running = 0;
                for (const auto& c : clients)
                {
                    running += c->GetRunningFlows();
                }
                peakRunning = std::max(peakRunning, running);
            }
            if (n.id + 1 < flows)
            {
                NextFlow next = draw(n.id + 1, n.start);
                t = next.start;
                Simulator::Schedule(next.start - Simulator::Now(),
                                    [&launch, next]()
                                    {
                                        launch(next);
                                    });
            }
        };
        NextFlow first = draw(0, Time(0));
        t = first.start;
        Simulator::Schedule(first.start,
                            [&launch, first]()
                            {
                                launch(first);
                            });
        // The end time is known only once the list is drawn: stop 1 s after the last start.
        watch = [&]()
        {
            if (completed == flows)
            {
                Simulator::Stop(Seconds(1));
                return;
            }
            Simulator::Schedule(MilliSeconds(100),
                                [&watch]()
                                {
                                    watch();
                                });
        };
        Simulator::Schedule(MilliSeconds(100),
                            [&watch]()
                            {
                                watch();
                            });
        Simulator::Stop(Seconds(1e6));
    }
    else
    {
        for (uint64_t f = 0; f < flows; f++)
        {
            NextFlow n = draw(f, t);
            t = n.start;
            // What most scripts do: a sink and a sender per flow, each on its own port.
            auto port = uint16_t(1000 + f % 60000);
            PacketSinkHelper sink("ns3::TcpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), port));
            ApplicationContainer s = sink.Install(nodes.Get(n.dst));
            s.Start(Seconds(0));
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(ip[n.dst], port));
            bulk.SetAttribute("MaxBytes", UintegerValue(size));
            bulk.SetAttribute("SendSize", UintegerValue(1448));
            ApplicationContainer b = bulk.Install(nodes.Get(n.src));
            b.Start(n.start);
            Ptr<PacketSink> ps = DynamicCast<PacketSink>(s.Get(0));
            ps->TraceConnectWithoutContext("Rx",
                                           MakeBoundCallback(
                                               +[](uint64_t* c,
                                                   uint64_t* got,
                                                   uint64_t want,
                                                   Ptr<const Packet> p,
                                                   const Address&)
                                               {
                                                   *got += p->GetSize();
                                                   if (*got == want)
                                                   {
                                                       (*c)++;
                                                   }
                                               },
                                               &completed,
                                               new uint64_t(0),
                                               size));
        }
        Simulator::Stop(t + Seconds(1));
    }
    Simulator::Run();
    uint64_t connections = 0;
    for (const auto& c : clients)
    {
        connections += c->GetConnectionsOpened();
    }
    std::cout << impl << " flows " << flows << " completed " << completed << " simulated "
              << Simulator::Now().GetSeconds() << " s peak-queued-packets " << peakQueued
              << " peak-running-flows " << peakRunning << " connections " << connections
              << std::endl;
    Simulator::Destroy();
    return completed == flows ? 0 : 1;
}
