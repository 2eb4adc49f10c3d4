/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * CDF-driven flows end to end in ns-3 (validation.md tier C): offered load, pattern shares,
 * one record per flow with every byte delivered, connection pooling, determinism, incast.
 */
#include "packmime-test-compat.h"

#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packmime-module.h"
#include "ns3/pm-builtin-cdfs.h"
#include "ns3/pm-stats.h"
#include "ns3/point-to-point-module.h"
#include "ns3/test.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <vector>

using namespace ns3;

namespace
{

/// What a run produced.
struct FlowRun
{
    std::vector<PackMimeFlowRecord> records; ///< every flow record, in arrival order of records
    uint64_t clientRx{0};                    ///< bytes received by all clients
    uint64_t serverRx{0};                    ///< bytes received by all servers
    PackMimeFlowWorkload::Summary summary;   ///< the workload's summary
    uint64_t connections{0};                 ///< TCP connections opened
    uint64_t openAtEnd{0};                   ///< TCP connections still open at `end`
    uint32_t peakPerDestination{0};          ///< most connections open at once to one host
};

/**
 * Run a flow workload on a star of `hosts` hosts (1 Gb/s, 2 us links, large queues),
 * configured by `setup`, until `end`; with `ipv6`, the hosts have IPv6 addresses only.
 */
FlowRun
RunStar(uint32_t hosts,
        std::function<void(PackMimeFlowHelper&)> setup,
        Time end,
        std::function<void(Ptr<PackMimeFlowWorkload>)> afterInstall = nullptr,
        bool ipv6 = false)
{
    PackMimeTcpPresets::Datacenter(); // as packmime-flows
    NodeContainer nodes;
    nodes.Create(hosts);
    NodeContainer hub;
    hub.Create(1);
    InternetStackHelper stack;
    stack.SetIpv4StackInstall(!ipv6);
    stack.SetIpv6StackInstall(ipv6);
    stack.Install(nodes);
    stack.Install(hub);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("1Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2us"));
    p2p.SetQueue("ns3::DropTailQueue", "MaxSize", StringValue("1000p"));
    Ipv4AddressHelper address("10.1.0.0", "255.255.255.252");
    Ipv6AddressHelper address6(Ipv6Address("fd00:1::"), Ipv6Prefix(64));
    for (uint32_t i = 0; i < hosts; i++)
    {
        NetDeviceContainer d = p2p.Install(nodes.Get(i), hub.Get(0));
        if (ipv6)
        {
            Ipv6InterfaceContainer ifs = address6.Assign(d);
            ifs.SetForwarding(1, true);
            ifs.SetDefaultRouteInAllNodes(1);
            address6.NewNetwork();
        }
        else
        {
            address.Assign(d);
            address.NewNetwork();
        }
    }
    if (!ipv6)
    {
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
    }

    PackMimeFlowHelper helper;
    helper.SetAttribute("LinkRate", DataRateValue(DataRate("1Gbps")));
    helper.SetAttribute("BaseRtt", TimeValue(MicroSeconds(8)));
    setup(helper);
    ApplicationContainer apps = helper.Install(nodes);
    // 8 streams: gaps, sizes, pairs, 4 incast variables, hosts within TM groups (the servers
    // have no delay variable here).
    NS_ABORT_MSG_IF(helper.AssignStreams(10) != 8, "AssignStreams must count the 8 streams");
    Ptr<PackMimeFlowWorkload> w = helper.GetWorkload();
    if (afterInstall)
    {
        afterInstall(w);
    }
    FlowRun run;
    w->TraceConnectWithoutContext(
        "FlowCompleted",
        MakeBoundCallback(
            +[](std::vector<PackMimeFlowRecord>* v, const PackMimeFlowRecord& r)
            {
                v->push_back(r);
            },
            &run.records));
    for (uint32_t i = 0; i < apps.GetN(); i++)
    {
        bool isClient = DynamicCast<PackMimeFlowClient>(apps.Get(i)) != nullptr;
        uint64_t* counter = isClient ? &run.clientRx : &run.serverRx;
        apps.Get(i)->TraceConnectWithoutContext("Rx",
                                                MakeBoundCallback(
                                                    +[](uint64_t* c, uint32_t bytes)
                                                    {
                                                        *c += bytes;
                                                    },
                                                    counter));
    }
    Simulator::Stop(end);
    Simulator::Run();
    for (uint32_t i = 0; i < apps.GetN(); i++)
    {
        if (auto client = DynamicCast<PackMimeFlowClient>(apps.Get(i)))
        {
            run.openAtEnd += client->GetOpenConnections();
            run.peakPerDestination =
                std::max(run.peakPerDestination, client->GetPeakConnectionsPerDestination());
        }
    }
    w->Finish();
    run.summary = w->GetSummary();
    run.connections = run.summary.connectionsOpened;
    Simulator::Destroy();
    return run;
}

/**
 * RunStar with RngRun `rngRun`, a CDF at a load for `flows` flows, and one PackMimeFlowClient
 * pool attribute (MaxIdlePerDestination, MaxConnectionsPerDestination) set for this run only.
 */
FlowRun
RunWithPoolLimit(const std::string& attribute,
                 uint32_t value,
                 uint32_t hosts,
                 uint64_t rngRun,
                 const std::string& cdf,
                 double load,
                 uint32_t flows,
                 Time end)
{
    std::string name = "ns3::PackMimeFlowClient::" + attribute;
    Config::SetDefault(name, UintegerValue(value));
    RngSeedManager::SetRun(rngRun);
    FlowRun r = RunStar(
        hosts,
        [&](PackMimeFlowHelper& h)
        {
            h.SetAttribute("Cdf", StringValue(cdf));
            h.SetAttribute("Load", DoubleValue(load));
            h.SetAttribute("MaxFlows", UintegerValue(flows));
        },
        end);
    Config::SetDefault(name, UintegerValue(0));
    return r;
}

/// CV^2 + 1 = E[S^2]/E[S]^2 of a CDF reading.
double
SecondMomentRatio(const std::string& cdf, pm_ecdf_mode mode)
{
    pm_ecdf* e = pm_cdf_open(cdf.c_str(), nullptr);
    double m = pm_ecdf_mean(e, mode);
    double r = (pm_ecdf_variance(e, mode) + m * m) / (m * m);
    pm_ecdf_free(e);
    return r;
}

/// Print a workload's summary into `out`.
void
PrintSummaryInto(Ptr<PackMimeFlowWorkload> w, std::string* out)
{
    std::ostringstream os;
    w->PrintSummary(os);
    *out = os.str();
}

} // namespace

/**
 * @ingroup packmime-tests
 * @brief Achieved offered load within 2 % of the target, every flow recorded once, every
 * byte delivered.
 *
 * The offered load over n flows has relative standard deviation sqrt((CV^2 + 1)/n) (sizes
 * and Poisson arrival times), so each run uses n = 9 (CV^2 + 1)/0.02^2 flows: 2 % is then 3
 * standard deviations. Workloads: fb_keyvalue (built in, CV 2.5, n ~ 165,000) and a
 * three-point test CDF (CV 0.5), each in both readings; 4 hosts all-to-all at load 0.3 of
 * 1 Gb/s. Also: one record per flow id 0..n-1, all completed, and the bytes received by
 * the receiving side equal the completed flows' bytes plus the 24-byte request headers.
 */
class FlowsOfferedLoadTestCase : public TestCase
{
  public:
    /**
     * @brief Constructor.
     * @param cdf workload or file
     * @param mode reading
     * @param direction push or pull
     */
    FlowsOfferedLoadTestCase(std::string cdf, pm_ecdf_mode mode, std::string direction)
        : TestCase("offered load within 2 %, one record per flow, bytes delivered: " + cdf + " " +
                   pm_ecdf_mode_name(mode) + " " + direction),
          m_cdf(cdf),
          m_mode(mode),
          m_direction(direction)
    {
    }

  private:
    void DoRun() override
    {
        std::string cdf = m_cdf;
        if (cdf == "test")
        {
            cdf = CreateTempDirFilename("three-point.cdf");
            std::ofstream(cdf) << "500 0.3\n1000 0.7\n2000 1\n";
        }
        auto n = uint64_t(std::ceil(9 * SecondMomentRatio(cdf, m_mode) / (0.02 * 0.02)));
        FlowRun run = RunStar(
            4,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue(cdf));
                h.SetAttribute("Mode", StringValue(pm_ecdf_mode_name(m_mode)));
                h.SetAttribute("Load", DoubleValue(0.3));
                h.SetAttribute("MaxFlows", UintegerValue(n));
                h.SetAttribute("Direction", StringValue(m_direction));
            },
            Seconds(10));
        const auto& s = run.summary;
        NS_TEST_EXPECT_MSG_EQ(s.generated, n, "flows generated");
        NS_TEST_EXPECT_MSG_EQ_TOL(s.achievedLoad / s.targetLoad,
                                  1.0,
                                  0.02,
                                  "achieved / target load, n=" << n);
        NS_TEST_EXPECT_MSG_EQ(run.records.size(), n, "one record per flow");
        std::vector<bool> seen(n, false);
        uint64_t completedBytes = 0;
        uint64_t completed = 0;
        for (const auto& r : run.records)
        {
            NS_TEST_ASSERT_MSG_LT(r.id, n, "flow id");
            NS_TEST_EXPECT_MSG_EQ(seen[r.id], false, "flow " << r.id << " recorded twice");
            seen[r.id] = true;
            completed += r.completed;
            completedBytes += r.completed ? r.size : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(completed, n, "all flows completed");
        if (m_direction == "pull")
        {
            NS_TEST_EXPECT_MSG_EQ(run.clientRx, completedBytes, "bytes received = bytes requested");
            NS_TEST_EXPECT_MSG_EQ(run.serverRx, n * PackMimeHeader::SIZE, "request headers");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(run.serverRx,
                                  completedBytes + n * PackMimeHeader::SIZE,
                                  "bytes pushed");
            NS_TEST_EXPECT_MSG_EQ(run.clientRx, 0u, "nothing comes back in push mode");
        }
    }

    std::string m_cdf;       //!< workload
    pm_ecdf_mode m_mode;     //!< reading
    std::string m_direction; //!< push or pull
};

/**
 * @ingroup packmime-tests
 * @brief Realized destination shares match the pattern (TV < 0.01) and connections are
 * pooled.
 *
 * All-to-all on 6 hosts (30 equally likely pairs; E[TV] ~ 0.5 * 30 * sqrt(2/pi) *
 * sqrt(p/n) = 0.0027 for n = 50,000), explicit pairs (SetPairs: exact support), and a
 * permutation (every host sends to exactly one other host, no host to itself, each host
 * receives from exactly one). Pooling: connections opened never exceed the sum over pairs
 * of the peak number of concurrent flows of the pair, and stay far below the flow count.
 */
class FlowsPatternTestCase : public TestCase
{
  public:
    FlowsPatternTestCase()
        : TestCase("pattern shares within TV 0.01; pooled connections <= peak concurrency")
    {
    }

  private:
    /// Sum over pairs of the peak number of flows of the pair running at once.
    static uint64_t PeakConcurrencySum(const std::vector<PackMimeFlowRecord>& records)
    {
        std::map<std::pair<uint32_t, uint32_t>, std::vector<std::pair<Time, int>>> events;
        for (const auto& r : records)
        {
            auto& e = events[{r.src, r.dst}];
            e.push_back({r.start, +1});
            e.push_back({r.completed ? r.end : Time::Max(), -1});
        }
        uint64_t sum = 0;
        for (auto& [pair, e] : events)
        {
            // Ends sort before starts at the same time: a finished flow frees its connection.
            std::sort(e.begin(), e.end());
            int now = 0;
            int peak = 0;
            for (const auto& [t, d] : e)
            {
                now += d;
                peak = std::max(peak, now);
            }
            sum += uint64_t(peak);
        }
        return sum;
    }

    void DoRun() override
    {
        const uint32_t hosts = 6;
        const uint64_t n = 50000;
        auto common = [&](PackMimeFlowHelper& h)
        {
            h.SetAttribute("Cdf", StringValue("fb_keyvalue"));
            h.SetAttribute("Load", DoubleValue(0.3));
            h.SetAttribute("MaxFlows", UintegerValue(n));
        };
        FlowRun all = RunStar(hosts, common, Seconds(10));
        std::vector<double> share(hosts * hosts, 0.0);
        for (const auto& r : all.records)
        {
            share[r.src * hosts + r.dst] += 1.0 / n;
        }
        std::vector<double> expected(hosts * hosts, 0.0);
        for (uint32_t s = 0; s < hosts; s++)
        {
            for (uint32_t d = 0; d < hosts; d++)
            {
                expected[s * hosts + d] = s == d ? 0.0 : 1.0 / (hosts * (hosts - 1));
            }
        }
        double tv = pm_stats_total_variation(share.data(), expected.data(), share.size());
        NS_TEST_EXPECT_MSG_LT(tv, 0.01, "all-to-all total variation");
        uint64_t peak = PeakConcurrencySum(all.records);
        NS_TEST_EXPECT_MSG_LT_OR_EQ(all.connections,
                                    peak,
                                    "connections <= peak concurrency per pair");
        NS_TEST_EXPECT_MSG_LT(all.connections * 20, n, "connections are reused (<< flows)");

        std::vector<std::pair<uint32_t, uint32_t>> pairs = {{0, 1}, {1, 0}, {2, 5}, {3, 4}};
        FlowRun listed = RunStar(hosts,
                                 common,
                                 Seconds(10),
                                 [&](Ptr<PackMimeFlowWorkload> w)
                                 {
                                     w->SetPairs(pairs);
                                 });
        std::vector<double> pairShare(hosts * hosts, 0.0);
        for (const auto& r : listed.records)
        {
            pairShare[r.src * hosts + r.dst] += 1.0 / n;
        }
        std::vector<double> pairExpected(hosts * hosts, 0.0);
        for (const auto& [s, d] : pairs)
        {
            pairExpected[s * hosts + d] = 1.0 / pairs.size();
        }
        NS_TEST_EXPECT_MSG_LT(
            pm_stats_total_variation(pairShare.data(), pairExpected.data(), pairShare.size()),
            0.01,
            "explicit pairs");

        FlowRun perm = RunStar(
            hosts,
            [&](PackMimeFlowHelper& h)
            {
                common(h);
                h.SetAttribute("Pattern", StringValue("permutation"));
            },
            Seconds(10));
        std::vector<std::set<uint32_t>> to(hosts);
        std::vector<std::set<uint32_t>> from(hosts);
        for (const auto& r : perm.records)
        {
            to[r.src].insert(r.dst);
            from[r.dst].insert(r.src);
        }
        for (uint32_t i = 0; i < hosts; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(to[i].size(), 1u, "host " << i << " sends to one host");
            NS_TEST_EXPECT_MSG_EQ(from[i].size(), 1u, "host " << i << " receives from one host");
            NS_TEST_EXPECT_MSG_EQ(to[i].count(i), 0u, "no host sends to itself");
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief MaxIdlePerDestination bounds the pool: with a cap of 1, once every flow has ended
 * at most one connection per host pair is open (12 on 4 hosts), where the unbounded pool
 * keeps every connection a burst needed; every flow still completes with all its bytes, and
 * the bounded pool opens more connections (bursts pay handshakes again).
 */
class FlowsIdlePoolBoundTestCase : public TestCase
{
  public:
    FlowsIdlePoolBoundTestCase()
        : TestCase("MaxIdlePerDestination bounds open connections; every flow completes")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t hosts = 4;
        const uint32_t flows = 5000;
        uint64_t savedRun = RngSeedManager::GetRun();
        auto run = [&](uint32_t maxIdle)
        {
            return RunWithPoolLimit("MaxIdlePerDestination",
                                    maxIdle,
                                    hosts,
                                    3,
                                    "fb_keyvalue",
                                    0.3,
                                    flows,
                                    Seconds(5));
        };
        FlowRun all = run(0);
        FlowRun capped = run(1);
        RngSeedManager::SetRun(savedRun);
        for (const FlowRun* r : {&all, &capped})
        {
            NS_TEST_ASSERT_MSG_EQ(r->records.size(), flows, "one record per flow");
            NS_TEST_EXPECT_MSG_EQ(r->summary.completed, flows, "every flow completes");
        }
        NS_TEST_EXPECT_MSG_EQ(capped.summary.bytesCompleted,
                              all.summary.bytesCompleted,
                              "the same flows deliver the same bytes");
        const uint64_t pairs = hosts * (hosts - 1);
        NS_TEST_EXPECT_MSG_GT(all.openAtEnd, pairs, "the unbounded pool keeps burst connections");
        NS_TEST_EXPECT_MSG_EQ(all.openAtEnd, all.connections, "and never closes one");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(capped.openAtEnd, pairs, "at most one idle per pair");
        NS_TEST_EXPECT_MSG_GT(capped.connections, all.connections, "bursts reopen connections");
    }
};

/**
 * @ingroup packmime-tests
 * @brief MaxConnectionsPerDestination bounds the connections open to one host; a flow that
 * finds them busy waits first come, first served, and its wait counts in its FCT. With a
 * cap of 1 each host pair has one connection, so the flows of a pair are served one after
 * another in arrival order: each ends after the one that arrived before it, and a flow waited
 * exactly when it arrived before that one ended (the count must equal the summary's). A run
 * stopped while flows wait records them as incomplete, one record each.
 */
class FlowsConnectionCapTestCase : public TestCase
{
  public:
    FlowsConnectionCapTestCase()
        : TestCase("MaxConnectionsPerDestination: FIFO waits counted in FCT; none lost")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t hosts = 4;
        const uint32_t flows = 1000;
        uint64_t savedRun = RngSeedManager::GetRun();
        auto run = [&](uint32_t cap, Time end)
        {
            return RunWithPoolLimit("MaxConnectionsPerDestination",
                                    cap,
                                    hosts,
                                    5,
                                    "fb_webserver",
                                    0.5,
                                    flows,
                                    end);
        };
        FlowRun free = run(0, Seconds(10));
        FlowRun one = run(1, Seconds(10));
        FlowRun two = run(2, Seconds(10));

        for (const FlowRun* r : {&free, &one, &two})
        {
            NS_TEST_ASSERT_MSG_EQ(r->records.size(), flows, "one record per flow");
            NS_TEST_EXPECT_MSG_EQ(r->summary.completed, flows, "every flow completes");
            NS_TEST_EXPECT_MSG_EQ(r->summary.bytesCompleted,
                                  free.summary.bytesCompleted,
                                  "the same flows deliver the same bytes");
        }
        NS_TEST_EXPECT_MSG_GT(free.peakPerDestination, 2u, "uncapped, bursts open more");
        NS_TEST_EXPECT_MSG_EQ(free.summary.flowsWaited, 0u, "and nobody waits");
        NS_TEST_EXPECT_MSG_EQ(one.peakPerDestination, 1u, "cap 1");
        NS_TEST_EXPECT_MSG_EQ(two.peakPerDestination, 2u, "cap 2");
        NS_TEST_EXPECT_MSG_GT(one.summary.flowsWaited, two.summary.flowsWaited, "cap 1 waits more");
        NS_TEST_EXPECT_MSG_GT(two.summary.flowsWaited, 0u, "cap 2 waits too");

        // Cap 1: per pair, FIFO service on one connection.
        std::map<std::pair<uint32_t, uint32_t>, std::vector<const PackMimeFlowRecord*>> pairs;
        for (const auto& r : one.records)
        {
            pairs[{r.src, r.dst}].push_back(&r);
        }
        uint64_t waited = 0;
        bool fifo = true;
        const PackMimeFlowRecord* longest = nullptr; // the flow that waited longest
        Time longestWait;
        for (auto& [pair, v] : pairs)
        {
            std::sort(v.begin(),
                      v.end(),
                      [](auto a, auto b)
                      {
                          return a->start < b->start;
                      });
            for (size_t i = 1; i < v.size(); i++)
            {
                fifo = fifo && v[i]->end > v[i - 1]->end;
                Time wait = v[i - 1]->end - v[i]->start;
                waited += wait.IsStrictlyPositive() ? 1 : 0;
                if (wait > longestWait)
                {
                    longestWait = wait;
                    longest = v[i];
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(fifo, true, "each flow of a pair ends after the one before it");
        NS_TEST_EXPECT_MSG_EQ(waited, one.summary.flowsWaited, "waits = arrivals while busy");
        NS_TEST_ASSERT_MSG_NE(longest, nullptr, "some flow waited");

        // The same run stopped while that flow waits (same RngRun, same events until then):
        // it and every other flow still in the system are recorded once, as incomplete.
        uint64_t waitingId = longest->id;
        FlowRun cut = run(1, longest->start + longestWait / 2);
        RngSeedManager::SetRun(savedRun);
        const auto& s = cut.summary;
        NS_TEST_EXPECT_MSG_EQ(cut.records.size(), s.generated, "one record per generated flow");
        NS_TEST_EXPECT_MSG_EQ(s.completed + s.failed + s.incomplete, s.generated, "all counted");
        uint64_t incomplete = 0;
        bool waitingRecorded = false;
        for (const auto& r : cut.records)
        {
            bool unfinished = r.returncode == PackMimeFlowRecord::INCOMPLETE && r.GetFct().IsZero();
            incomplete += unfinished ? 1 : 0;
            waitingRecorded = waitingRecorded || (r.id == waitingId && unfinished);
        }
        NS_TEST_EXPECT_MSG_EQ(incomplete, s.incomplete, "incomplete: no end time");
        NS_TEST_EXPECT_MSG_EQ(waitingRecorded, true, "the waiting flow is recorded incomplete");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Same RngRun gives a byte-identical CSV; another RngRun a different one.
 */
class FlowsDeterminismTestCase : public TestCase
{
  public:
    FlowsDeterminismTestCase()
        : TestCase("same RngRun -> byte-identical flows.csv; other RngRun -> different")
    {
    }

  private:
    /// The CSV of a short fb_webserver run with the given RngRun.
    std::string Csv(uint64_t run, const std::string& name)
    {
        RngSeedManager::SetRun(run);
        std::string path = CreateTempDirFilename(name);
        RunStar(
            4,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue("fb_webserver"));
                h.SetAttribute("Load", DoubleValue(0.4));
                h.SetAttribute("MaxFlows", UintegerValue(500));
                h.SetAttribute("CsvFile", StringValue(path));
            },
            Seconds(5));
        std::ifstream in(path);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }

    void DoRun() override
    {
        uint64_t saved = RngSeedManager::GetRun();
        std::string a = Csv(3, "a.csv");
        std::string b = Csv(3, "b.csv");
        std::string c = Csv(4, "c.csv");
        RngSeedManager::SetRun(saved);
        NS_TEST_EXPECT_MSG_GT(a.size(), 500u * 60, "CSV written (500 rows)");
        NS_TEST_EXPECT_MSG_EQ((a == b), true, "same RngRun, same bytes");
        NS_TEST_EXPECT_MSG_EQ((a == c), false, "different RngRun, different flows");
        NS_TEST_EXPECT_MSG_EQ(
            a.substr(0, a.find('\n')),
            "flow_id,size_bytes,size_kb,server,start_time,end_time,completion_time,"
            "throughput_mbps,success,returncode,error,src,dst,ideal_fct,slowdown,incast",
            "CSV columns");
    }
};

/// Append the simulation time to `times` (an ArrivalsEnded sink).
void
RecordNow(std::vector<Time>* times)
{
    times->push_back(Simulator::Now());
}

/**
 * @ingroup packmime-tests
 * @brief The workload base: Stop ends the arrivals (no flow offered after it, every offered
 * flow recorded once, ArrivalsEnded fired once at Stop; once too when MaxFlows ends them and
 * Finish stops the workload afterwards), SetSummaryValue adds a key to the summary file and the
 * printed block, and the summary writes JSON (escaped strings, null for a non-finite number, a key
 * set twice written once).
 */
class FlowsWorkloadBaseTestCase : public TestCase
{
  public:
    FlowsWorkloadBaseTestCase()
        : TestCase("workload base: Stop, SetSummaryValue, summary JSON")
    {
    }

  private:
    void DoRun() override
    {
        PackMimeSummary json;
        json.AddCount("n", 3);
        json.AddText("path", "a\"b\\c\n");
        json.AddNumber("nan", std::nan(""));
        json.AddJson("list", "[1, 2]");
        json.SetNumber("n", 4.5);
        json.SetNumber("extra", 0.25);
        std::ostringstream text;
        json.WriteJson(text);
        NS_TEST_EXPECT_MSG_EQ(text.str(),
                              "{\n  \"n\": 4.5,\n  \"path\": \"a\\\"b\\\\c\\u000a\",\n"
                              "  \"nan\": null,\n  \"list\": [1, 2],\n  \"extra\": 0.25\n}\n",
                              "summary JSON");

        std::string path = CreateTempDirFilename("summary.json");
        Time stop = MilliSeconds(50); // about 145 flows at this load
        std::string printed;
        std::vector<Time> ended;
        FlowRun run = RunStar(
            4,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue("fb_webserver"));
                h.SetAttribute("Load", DoubleValue(0.3));
                h.SetAttribute("SummaryFile", StringValue(path));
            },
            Seconds(1),
            [&](Ptr<PackMimeFlowWorkload> w)
            {
                w->SetSummaryValue("link_mbps", 123.5);
                w->TraceConnectWithoutContext("ArrivalsEnded",
                                              MakeBoundCallback(&RecordNow, &ended));
                Simulator::Schedule(stop, &PackMimeWorkload::Stop, w);
                // A function, not a lambda: ns-3.35's Simulator::Schedule takes no callables.
                Simulator::Schedule(stop + MilliSeconds(1), &PrintSummaryInto, w, &printed);
            });
        NS_TEST_ASSERT_MSG_GT(run.records.size(), 50u, "flows before Stop");
        NS_TEST_EXPECT_MSG_EQ(run.records.size(), run.summary.generated, "one record per flow");
        Time last;
        for (const auto& r : run.records)
        {
            last = std::max(last, r.start);
        }
        NS_TEST_EXPECT_MSG_LT(last, stop, "no flow offered after Stop");
        NS_TEST_ASSERT_MSG_EQ(ended.size(), 1u, "ArrivalsEnded once");
        NS_TEST_EXPECT_MSG_EQ(ended[0], stop, "ArrivalsEnded at Stop");
        std::vector<Time> endedByMax;
        FlowRun bounded = RunStar(
            4,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue("fb_webserver"));
                h.SetAttribute("Load", DoubleValue(0.3));
                h.SetAttribute("MaxFlows", UintegerValue(20));
            },
            Seconds(1),
            [&](Ptr<PackMimeFlowWorkload> w)
            {
                w->TraceConnectWithoutContext("ArrivalsEnded",
                                              MakeBoundCallback(&RecordNow, &endedByMax));
            });
        NS_TEST_ASSERT_MSG_EQ(endedByMax.size(), 1u, "ArrivalsEnded once (MaxFlows, Finish)");
        Time lastOfMax;
        for (const auto& r : bounded.records)
        {
            lastOfMax = std::max(lastOfMax, r.start);
        }
        NS_TEST_EXPECT_MSG_EQ(endedByMax[0], lastOfMax, "ArrivalsEnded at the 20th arrival");
        NS_TEST_EXPECT_MSG_EQ(run.summary.completed, run.summary.generated, "all drained");
        NS_TEST_EXPECT_MSG_NE(printed.find("link_mbps       123.5"),
                              std::string::npos,
                              "printed summary has the added value: " << printed);
        std::ifstream in(path);
        std::stringstream file;
        file << in.rdbuf();
        std::string body = file.str();
        NS_TEST_EXPECT_MSG_NE(body.find("  \"link_mbps\": 123.5\n}\n"),
                              std::string::npos,
                              "summary file ends with the added value: " << body);
        NS_TEST_EXPECT_MSG_NE(
            body.find("\"flows_generated\": " + std::to_string(run.summary.generated) + ","),
            std::string::npos,
            "summary file counts the flows");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Hosts with IPv6 addresses only: every flow completes in both directions, and the
 * CSV's server column holds the destination's global IPv6 address as [address]:port, one
 * distinct address per destination host.
 */
class FlowsIpv6TestCase : public TestCase
{
  public:
    FlowsIpv6TestCase()
        : TestCase("IPv6-only hosts: flows complete, server column is [address]:port")
    {
    }

  private:
    void DoRun() override
    {
        for (std::string direction : {"push", "pull"})
        {
            std::string path = CreateTempDirFilename("flows6-" + direction + ".csv");
            const uint32_t flows = 300;
            FlowRun run = RunStar(
                4,
                [&](PackMimeFlowHelper& h)
                {
                    h.SetAttribute("Cdf", StringValue("fb_webserver"));
                    h.SetAttribute("Load", DoubleValue(0.3));
                    h.SetAttribute("MaxFlows", UintegerValue(flows));
                    h.SetAttribute("Direction", StringValue(direction));
                    h.SetAttribute("CsvFile", StringValue(path));
                },
                Seconds(5),
                nullptr,
                true);
            NS_TEST_ASSERT_MSG_EQ(run.records.size(), flows, direction << ": one record per flow");
            uint64_t completed = 0;
            for (const auto& r : run.records)
            {
                completed += r.completed;
            }
            NS_TEST_EXPECT_MSG_EQ(completed, flows, direction << ": every flow completed");

            // Column 4 is the server, column 13 the destination host.
            std::ifstream in(path);
            std::string line;
            std::getline(in, line); // header
            std::map<std::string, std::set<std::string>> serversOf;
            uint32_t rows = 0;
            while (std::getline(in, line))
            {
                std::vector<std::string> field;
                std::stringstream ss(line);
                for (std::string f; std::getline(ss, f, ',');)
                {
                    field.push_back(f);
                }
                NS_TEST_ASSERT_MSG_GT(field.size(), 12u, "CSV row has the 16 columns: " << line);
                const std::string& server = field[3];
                NS_TEST_EXPECT_MSG_EQ((server.rfind("[fd00:1:", 0) == 0 && server.size() > 6 &&
                                       server.substr(server.size() - 6) == "]:5001"),
                                      true,
                                      "server column '" << server << "' is [fd00:1:...]:5001");
                serversOf[field[12]].insert(server);
                rows++;
            }
            NS_TEST_EXPECT_MSG_EQ(rows, flows, direction << ": one CSV row per flow");
            std::set<std::string> all;
            for (const auto& [dst, servers] : serversOf)
            {
                NS_TEST_EXPECT_MSG_EQ(servers.size(), 1u, "one address for host " << dst);
                all.insert(servers.begin(), servers.end());
            }
            NS_TEST_EXPECT_MSG_EQ(all.size(),
                                  serversOf.size(),
                                  "distinct hosts, distinct addresses");
            NS_TEST_EXPECT_MSG_EQ(serversOf.size(), 4u, "every host was a destination");
        }
    }
};

/**
 * @ingroup packmime-tests
 * @brief Incast: each request fans out to IncastFanout distinct senders, all started at the
 * same instant by the same receiver, each answering IncastSize bytes; flows unfinished when
 * the workload finishes are recorded as incomplete with no end time.
 */
class FlowsIncastTestCase : public TestCase
{
  public:
    FlowsIncastTestCase()
        : TestCase(
              "incast fan-out and synchronized starts; unfinished flows recorded as incomplete")
    {
    }

  private:
    void DoRun() override
    {
        const uint32_t fanout = 5;
        FlowRun run = RunStar(
            8,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue("fb_webserver"));
                h.SetAttribute("Load", DoubleValue(0.2));
                h.SetAttribute("StopTime", TimeValue(MilliSeconds(200)));
                h.SetAttribute("IncastLoad", DoubleValue(0.05));
                h.SetAttribute("IncastFanout", UintegerValue(fanout));
                h.SetAttribute("IncastSize", UintegerValue(50000));
            },
            MilliSeconds(150)); // ends before the arrivals stop: some flows are unfinished
        std::map<uint64_t, std::vector<PackMimeFlowRecord>> requests;
        uint64_t incomplete = 0;
        bool honest = true;
        for (const auto& r : run.records)
        {
            if (r.incast != UINT64_MAX)
            {
                requests[r.incast].push_back(r);
            }
            if (!r.completed)
            {
                incomplete++;
                honest = honest && r.returncode == PackMimeFlowRecord::INCOMPLETE &&
                         std::string(r.error) == "incomplete" && r.GetFct().IsZero();
            }
        }
        NS_TEST_EXPECT_MSG_GT(requests.size(), 10u, "incast requests");
        for (const auto& [id, flows] : requests)
        {
            NS_TEST_EXPECT_MSG_EQ(flows.size(), fanout, "flows of request " << id);
            std::set<uint32_t> senders;
            for (const auto& f : flows)
            {
                NS_TEST_EXPECT_MSG_EQ(f.start, flows[0].start, "synchronized start");
                NS_TEST_EXPECT_MSG_EQ(f.src, flows[0].src, "one receiver");
                NS_TEST_EXPECT_MSG_EQ(f.size, 50000u, "IncastSize");
                senders.insert(f.dst);
            }
            NS_TEST_EXPECT_MSG_EQ(senders.size(), fanout, "distinct senders");
            NS_TEST_EXPECT_MSG_EQ(senders.count(flows[0].src), 0u, "the receiver is not a sender");
        }
        NS_TEST_EXPECT_MSG_GT(incomplete, 0u, "the run ends with flows in progress");
        NS_TEST_EXPECT_MSG_EQ(honest, true, "unfinished flows: incomplete, no end time");
        NS_TEST_EXPECT_MSG_EQ(run.summary.incomplete, incomplete, "summary counts them");
        NS_TEST_EXPECT_MSG_EQ(run.summary.generated, run.records.size(), "every flow has a record");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Traffic-matrix driven flows: offered flows per pair and epoch match the matrix.
 *
 * The shipped 4-ToR sample (entries 10, 1, 0.1 and zeros) from time key 3 on (epochs 3 and
 * 4), 0.1 s epochs, bits per epoch scaled so that an entry of 10 offers 400 flows of exactly
 * 1,000 B (step reading of a one-point CDF). The flows of a pair in an epoch are Poisson with
 * mean mu = 40 x entry: asserted within 4 sqrt(mu) (offered bytes are 1,000 x flows); zero
 * entries get no flows; no flow starts outside the two epochs; and the source host is
 * uniform within its group (8 hosts, group i = hosts i and i + 4; binomial, 4 standard
 * errors).
 */
class FlowsTrafficMatrixTestCase : public TestCase
{
  public:
    FlowsTrafficMatrixTestCase()
        : TestCase("traffic-matrix driven flows: offered flows per pair and epoch, zero entries")
    {
    }

  private:
    void DoRun() override
    {
        std::string cdf = CreateTempDirFilename("fixed.cdf");
        std::ofstream(cdf) << "1000 1\n";
        const double epoch = 0.1;
        FlowRun run = RunStar(
            8,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue(cdf));
                h.SetAttribute("Mode", StringValue("step"));
                h.SetAttribute("Pattern", StringValue("tm"));
                h.SetAttribute(
                    "TmTrace",
                    StringValue(std::string(NS_TEST_SOURCEDIR) + "/../data/janus/sample_trace"));
                h.SetAttribute("TmEpoch", TimeValue(Seconds(epoch)));
                h.SetAttribute("TmScale", DoubleValue(320000.0));
                h.SetAttribute("TmFirstKey", IntegerValue(3));
            },
            Seconds(1),
            [](Ptr<PackMimeFlowWorkload> w)
            {
                w->SetTrafficMatrixGroups({{0, 4}, {1, 5}, {2, 6}, {3, 7}});
            });
        const float matrix[16] = {0, 10, 1, 0, 0, 0, 0, 0.1f, 1, 1, 0, 10, 0, 0, 10, 0};
        double counts[2][16] = {};
        uint64_t outside = 0;
        double fromFirstHost = 0;
        double fromGroup0 = 0;
        for (const auto& r : run.records)
        {
            auto e = size_t(std::floor(r.start.GetSeconds() / epoch));
            if (e > 1)
            {
                outside++;
                continue;
            }
            counts[e][(r.src % 4) * 4 + (r.dst % 4)]++;
            if (r.src % 4 == 0)
            {
                fromGroup0++;
                fromFirstHost += r.src == 0;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(outside, 0u, "flows only during the two epochs");
        for (int e = 0; e < 2; e++)
        {
            for (int c = 0; c < 16; c++)
            {
                double mu = 40.0 * double(matrix[c]);
                if (mu == 0)
                {
                    NS_TEST_EXPECT_MSG_EQ(counts[e][c],
                                          0.0,
                                          "zero entry " << c / 4 << "->" << c % 4);
                }
                else
                {
                    NS_TEST_EXPECT_MSG_EQ_TOL(counts[e][c],
                                              mu,
                                              4 * std::sqrt(mu),
                                              "epoch " << e << " pair " << c / 4 << "->" << c % 4);
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ_TOL(fromFirstHost / fromGroup0,
                                  0.5,
                                  4 * std::sqrt(0.25 / fromGroup0),
                                  "uniform host within the group");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Traffic-matrix epochs without demand: no flow starts in them, and the run's duration
 * counts every epoch of the trace once.
 *
 * A 2-ToR text trace of three 0.1 s epochs: empty, 8e5 bits from ToR 0 to ToR 1 (100 flows of
 * exactly 1,000 B), empty. Every flow starts in [0.1 s, 0.2 s); the duration is the trace's
 * 0.3 s (exact up to the nanosecond of Time) and the target rate its 8e5 bits over 0.3 s.
 */
class FlowsTrafficMatrixEmptyEpochsTestCase : public TestCase
{
  public:
    FlowsTrafficMatrixEmptyEpochsTestCase()
        : TestCase("traffic-matrix epochs without demand: no flows, counted once in the duration")
    {
    }

  private:
    void DoRun() override
    {
        std::string cdf = CreateTempDirFilename("fixed.cdf");
        std::ofstream(cdf) << "1000 1\n";
        std::string trace = CreateTempDirFilename("tm");
        SystemPath::MakeDirectories(trace);
        std::ofstream(trace + "/key.tsv") << "t1 t2 p1 p1 0 0\nt2 t1 p1 p1 0 0\n";
        std::ofstream(trace + "/0001.tsv") << "0\n0\n";
        std::ofstream(trace + "/0002.tsv") << "800000\n0\n";
        std::ofstream(trace + "/0003.tsv") << "0\n0\n";
        const double epoch = 0.1;
        FlowRun run = RunStar(
            2,
            [&](PackMimeFlowHelper& h)
            {
                h.SetAttribute("Cdf", StringValue(cdf));
                h.SetAttribute("Mode", StringValue("step"));
                h.SetAttribute("Pattern", StringValue("tm"));
                h.SetAttribute("TmTrace", StringValue(trace));
                h.SetAttribute("TmEpoch", TimeValue(Seconds(epoch)));
            },
            Seconds(1),
            [](Ptr<PackMimeFlowWorkload> w)
            {
                w->SetTrafficMatrixGroups({{0}, {1}});
            });
        NS_TEST_ASSERT_MSG_GT(run.records.size(), 0u, "the epoch with demand offers flows");
        bool inside = true;
        for (const auto& r : run.records)
        {
            inside = inside && r.start >= Seconds(epoch) && r.start < Seconds(2 * epoch) &&
                     r.src == 0 && r.dst == 1;
        }
        NS_TEST_EXPECT_MSG_EQ(inside, true, "flows only in the epoch with demand, 0 -> 1");
        NS_TEST_EXPECT_MSG_EQ_TOL(run.summary.duration, 3 * epoch, 1e-9, "three epochs");
        NS_TEST_EXPECT_MSG_EQ_TOL(run.summary.targetBps,
                                  8e5 / (3 * epoch),
                                  1e-6,
                                  "the trace's bits over its duration");
    }
};

/**
 * @ingroup packmime-tests
 * @brief The applications keep their own settings, set through the helper: the servers'
 * Port (every record's server address carries it) and the clients' IdleTimeout (with 1 ms,
 * every connection is closed once idle, none is open at the end; without it, every one is).
 */
class FlowsApplicationSettingsTestCase : public TestCase
{
  public:
    FlowsApplicationSettingsTestCase()
        : TestCase("applications' own settings through the helper: server Port, client "
                   "IdleTimeout")
    {
    }

  private:
    void DoRun() override
    {
        std::string cdf = CreateTempDirFilename("three-point.cdf");
        std::ofstream(cdf) << "500 0.3\n1000 0.7\n2000 1\n";
        auto common = [&](PackMimeFlowHelper& h)
        {
            h.SetAttribute("Cdf", StringValue(cdf));
            h.SetAttribute("Load", DoubleValue(0.1));
            h.SetAttribute("MaxFlows", UintegerValue(300));
            h.SetServerAttribute("Port", UintegerValue(9000));
        };
        FlowRun kept = RunStar(4, common, Seconds(10));
        FlowRun closed = RunStar(
            4,
            [&](PackMimeFlowHelper& h)
            {
                common(h);
                h.SetClientAttribute("IdleTimeout", TimeValue(MilliSeconds(1)));
            },
            Seconds(10));
        NS_TEST_ASSERT_MSG_EQ(kept.records.size(), 300u, "one record per flow");
        bool port = true;
        for (const auto& r : kept.records)
        {
            port = port && InetSocketAddress::ConvertFrom(r.server).GetPort() == 9000;
        }
        NS_TEST_EXPECT_MSG_EQ(port, true, "every flow went to the servers' Port");
        NS_TEST_EXPECT_MSG_EQ(kept.summary.completed, 300u, "all complete on port 9000");
        NS_TEST_EXPECT_MSG_EQ(kept.openAtEnd, kept.connections, "no IdleTimeout: all kept");
        NS_TEST_EXPECT_MSG_EQ(closed.summary.completed, 300u, "all complete with IdleTimeout");
        NS_TEST_EXPECT_MSG_EQ(closed.openAtEnd, 0u, "IdleTimeout 1 ms: every idle one closed");
    }
};

/**
 * @ingroup packmime-tests
 * @brief PackMimeFlowStatistics by hand: counts per outcome, bytes, the peak of flows running
 * at once, size buckets at their edges (100 KiB and 10 MiB go to the upper bucket) and the
 * quantiles of one-value buckets (exact to the histogram's 0.1 %).
 */
class FlowStatisticsTestCase : public TestCase
{
  public:
    FlowStatisticsTestCase()
        : TestCase("flow statistics: outcomes, bytes, peak running, buckets at their edges")
    {
    }

  private:
    void DoRun() override
    {
        PackMimeFlowStatistics stats;
        NS_TEST_EXPECT_MSG_EQ(PackMimeFlowStatistics::GetBucket(102399), 0u, "below 100 KiB");
        NS_TEST_EXPECT_MSG_EQ(PackMimeFlowStatistics::GetBucket(102400), 1u, "100 KiB");
        NS_TEST_EXPECT_MSG_EQ(PackMimeFlowStatistics::GetBucket(10485759), 1u, "below 10 MiB");
        NS_TEST_EXPECT_MSG_EQ(PackMimeFlowStatistics::GetBucket(10485760), 2u, "10 MiB");
        PackMimeFlowRecord done;
        done.size = 1000;
        done.start = Seconds(1);
        done.end = Seconds(1.002);
        done.completed = true;
        PackMimeFlowRecord big = done;
        big.size = 20000000;
        big.end = Seconds(1.5);
        PackMimeFlowRecord broken = done;
        broken.completed = false;
        broken.returncode = PackMimeFlowRecord::RESET;
        PackMimeFlowRecord cut = broken;
        cut.returncode = PackMimeFlowRecord::INCOMPLETE;
        // Three flows offered, one ends, two more offered: at most four run at once.
        stats.NoteOffered(done.size);
        stats.NoteOffered(big.size);
        stats.NoteOffered(broken.size);
        stats.NoteRecord(done, MilliSeconds(1));
        stats.NoteOffered(cut.size);
        stats.NoteOffered(done.size);
        stats.NoteRecord(big, MilliSeconds(250));
        stats.NoteRecord(broken, Time());
        stats.NoteRecord(cut, Time());
        NS_TEST_EXPECT_MSG_EQ(stats.GetOffered(), 5u, "offered");
        NS_TEST_EXPECT_MSG_EQ(stats.GetCompleted(), 2u, "completed");
        NS_TEST_EXPECT_MSG_EQ(stats.GetFailed(), 1u, "failed (reset)");
        NS_TEST_EXPECT_MSG_EQ(stats.GetIncomplete(), 1u, "incomplete");
        NS_TEST_EXPECT_MSG_EQ(stats.GetBytesOffered(), 20004000u, "bytes offered");
        NS_TEST_EXPECT_MSG_EQ(stats.GetBytesCompleted(), 20001000u, "bytes completed");
        NS_TEST_EXPECT_MSG_EQ(stats.GetPeakRunning(), 4u, "peak running");
        NS_TEST_EXPECT_MSG_EQ(stats.GetBucketFlows(0), 1u, "small bucket");
        NS_TEST_EXPECT_MSG_EQ(stats.GetBucketFlows(1), 0u, "middle bucket");
        NS_TEST_EXPECT_MSG_EQ(stats.GetBucketFlows(2), 1u, "large bucket");
        NS_TEST_EXPECT_MSG_EQ_TOL(stats.GetFctQuantile(0, 0.5), 0.002, 0.002e-3, "FCT");
        NS_TEST_EXPECT_MSG_EQ_TOL(stats.GetSlowdownQuantile(0, 0.99), 2.0, 2e-3, "slowdown");
        NS_TEST_EXPECT_MSG_EQ_TOL(stats.GetSlowdownQuantile(2, 0.5), 2.0, 2e-3, "slowdown");
        NS_TEST_EXPECT_MSG_EQ(std::isnan(stats.GetFctQuantile(1, 0.5)), true, "empty: NaN");
        PackMimeFlowSummary summary;
        stats.FillSummary(summary);
        NS_TEST_EXPECT_MSG_EQ(summary.generated, 5u, "summary: offered");
        NS_TEST_EXPECT_MSG_EQ(summary.bytesCompleted, 20001000u, "summary: bytes completed");
        NS_TEST_EXPECT_MSG_EQ(summary.bucketFlows[2], 1u, "summary: large bucket");
        NS_TEST_EXPECT_MSG_EQ_TOL(summary.slowdownP99[0], 2.0, 2e-3, "summary: slowdown p99");
    }
};

/**
 * @ingroup packmime-tests
 * @brief Suite of ns-3 flow-workload tests.
 */
class FlowsTestSuite : public TestSuite
{
  public:
    FlowsTestSuite()
        : TestSuite("packmime-flows", packmime_test::SYSTEM)
    {
        // The 165,000-flow cases (and the pattern case, 3 x 50,000 flows) are EXTENSIVE: make
        // test runs them (fullness EXTENSIVE); the sanitizer run covers the QUICK ones, which
        // exercise the same code paths with fewer flows.
        AddTestCase(new FlowsOfferedLoadTestCase("fb_keyvalue", PM_ECDF_LINEAR, "pull"),
                    packmime_test::EXTENSIVE);
        AddTestCase(new FlowsOfferedLoadTestCase("fb_keyvalue", PM_ECDF_STEP, "push"),
                    packmime_test::EXTENSIVE);
        AddTestCase(new FlowsOfferedLoadTestCase("test", PM_ECDF_LINEAR, "push"),
                    packmime_test::QUICK);
        AddTestCase(new FlowsOfferedLoadTestCase("test", PM_ECDF_STEP, "pull"),
                    packmime_test::QUICK);
        AddTestCase(new FlowsPatternTestCase(), packmime_test::EXTENSIVE);
        AddTestCase(new FlowsDeterminismTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsIdlePoolBoundTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsConnectionCapTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsIpv6TestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsWorkloadBaseTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsIncastTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsTrafficMatrixTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsTrafficMatrixEmptyEpochsTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowsApplicationSettingsTestCase(), packmime_test::QUICK);
        AddTestCase(new FlowStatisticsTestCase(), packmime_test::QUICK);
    }
};

/// Static instance registering the suite.
static FlowsTestSuite g_packmimeFlowsTestSuite;
