/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-delay-box.h"

#include "packmime-fatal.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeDelayBox");
NS_OBJECT_ENSURE_REGISTERED(PackMimeDelayBox);

namespace
{
constexpr uint8_t TCP_FIN = 0x01; ///< TCP flag bits
constexpr uint8_t TCP_SYN = 0x02;
constexpr uint8_t TCP_RST = 0x04;
constexpr uint8_t TCP_ACK = 0x10;

/// An address and port as an ns-3 socket address.
Address
SocketAddress(bool ipv6, const std::array<uint8_t, 16>& address, uint16_t port)
{
    if (ipv6)
    {
        return Inet6SocketAddress(Ipv6Address::Deserialize(address.data()), port);
    }
    return InetSocketAddress(Ipv4Address::Deserialize(address.data()), port);
}
} // namespace

const char*
PackMimeDelayBoxFlow::GetEndName() const
{
    static const char* const names[] = {"open", "closed", "reset", "idle"};
    return names[end];
}

bool
PackMimeDelayBox::FlowKey::operator==(const FlowKey& o) const
{
    return a == o.a && b == o.b && portA == o.portA && portB == o.portB && protocol == o.protocol &&
           ipv6 == o.ipv6;
}

size_t
PackMimeDelayBox::FlowKeyHash::operator()(const FlowKey& k) const
{
    // FNV-1a over the fields; the ports vary most between flows of one host pair.
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](const uint8_t* p, size_t n)
    {
        for (size_t i = 0; i < n; i++)
        {
            h = (h ^ p[i]) * 1099511628211ULL;
        }
    };
    size_t n = k.ipv6 ? 16 : 4;
    mix(k.a.data(), n);
    mix(k.b.data(), n);
    uint8_t tail[5] = {uint8_t(k.portA >> 8),
                       uint8_t(k.portA),
                       uint8_t(k.portB >> 8),
                       uint8_t(k.portB),
                       k.protocol};
    mix(tail, sizeof tail);
    return size_t(h);
}

TypeId
PackMimeDelayBox::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeDelayBox")
            .SetParent<Object>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeDelayBox>()
            .AddAttribute("IdleTimeout",
                          "A flow without packets for this long leaves the table (> 0); its "
                          "later packets pass undelayed, as those of any unknown flow.",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&PackMimeDelayBox::m_idleTimeout),
                          MakeTimeChecker())
            .AddAttribute("SameValuesBothWays",
                          "Draw one delay, loss and bandwidth per flow for both directions "
                          "(ns-2's documented symmetric DelayBox) instead of one per "
                          "direction (what ns-2.35 does for PackMime's Full-TCP connections).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PackMimeDelayBox::m_sameBothWays),
                          MakeBooleanChecker())
            .AddTraceSource("FlowStarted",
                            "A flow entered the table, with the values it drew.",
                            MakeTraceSourceAccessor(&PackMimeDelayBox::m_flowStartedTrace),
                            "ns3::PackMimeDelayBox::FlowTracedCallback")
            .AddTraceSource("FlowEnded",
                            "A flow left the table (closed, reset or idle), with its counters.",
                            MakeTraceSourceAccessor(&PackMimeDelayBox::m_flowEndedTrace),
                            "ns3::PackMimeDelayBox::FlowTracedCallback");
    return tid;
}

PackMimeDelayBox::PackMimeDelayBox()
    : m_idleTimeout(Seconds(300)),
      m_lossDraw(CreateObject<UniformRandomVariable>())
{
}

PackMimeDelayBox::~PackMimeDelayBox() = default;

void
PackMimeDelayBox::DoDispose()
{
    m_idleCheck.Cancel();
    m_flows.clear();
    m_idleOrder.clear();
    m_rules.clear();
    m_lossDraw = nullptr;
    Object::DoDispose();
}

uint32_t
PackMimeDelayBox::AddRule(const NodeContainer& sources,
                          const NodeContainer& destinations,
                          Ptr<RandomVariableStream> delay,
                          Ptr<RandomVariableStream> loss,
                          Ptr<RandomVariableStream> bandwidth)
{
    uint32_t index = m_rules.size();
    PACKMIME_FATAL_IF(sources.GetN() == 0 || destinations.GetN() == 0,
                      "PackMimeDelayBox::AddRule: rule "
                          << index << " has no " << (sources.GetN() ? "destination" : "source")
                          << " nodes; expected at least one");
    Rule rule;
    rule.sources = sources;
    rule.destinations = destinations;
    rule.delay = delay;
    rule.loss = loss;
    rule.bandwidth = bandwidth;
    auto mark = [](const NodeContainer& nodes, std::vector<bool>& set)
    {
        for (uint32_t i = 0; i < nodes.GetN(); i++)
        {
            uint32_t id = nodes.Get(i)->GetId();
            set.resize(std::max<size_t>(set.size(), id + 1), false);
            set[id] = true;
        }
    };
    mark(sources, rule.isSource);
    mark(destinations, rule.isDestination);
    m_rules.push_back(std::move(rule));
    m_addressesResolved = false;
    return index;
}

uint32_t
PackMimeDelayBox::GetNRules() const
{
    return m_rules.size();
}

uint32_t
PackMimeDelayBox::GetFlowCount() const
{
    return m_flows.size();
}

uint32_t
PackMimeDelayBox::GetPeakFlowCount() const
{
    return m_peakFlows;
}

int64_t
PackMimeDelayBox::AssignStreams(int64_t stream)
{
    int64_t used = 0;
    m_lossDraw->SetStream(stream + used++);
    std::set<RandomVariableStream*> seen;
    for (const Rule& rule : m_rules)
    {
        for (const Ptr<RandomVariableStream>& v : {rule.delay, rule.loss, rule.bandwidth})
        {
            if (v && seen.insert(PeekPointer(v)).second)
            {
                v->SetStream(stream + used++);
            }
        }
    }
    return used;
}

void
PackMimeDelayBox::ResolveAddresses()
{
    // Addresses are read at the first packet, not in AddRule: scripts usually add rules
    // before or after assigning addresses, and both must work.
    m_addressNode.clear();
    auto add = [this](Ptr<Node> node)
    {
        std::array<uint8_t, 16> bytes{};
        if (Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>())
        {
            for (uint32_t i = 0; i < ipv4->GetNInterfaces(); i++)
            {
                for (uint32_t j = 0; j < ipv4->GetNAddresses(i); j++)
                {
                    bytes.fill(0);
                    ipv4->GetAddress(i, j).GetLocal().Serialize(bytes.data());
                    m_addressNode[{false, bytes}] = node->GetId();
                }
            }
        }
        if (Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>())
        {
            for (uint32_t i = 0; i < ipv6->GetNInterfaces(); i++)
            {
                for (uint32_t j = 0; j < ipv6->GetNAddresses(i); j++)
                {
                    ipv6->GetAddress(i, j).GetAddress().Serialize(bytes.data());
                    m_addressNode[{true, bytes}] = node->GetId();
                }
            }
        }
    };
    for (const Rule& rule : m_rules)
    {
        for (const NodeContainer* set : {&rule.sources, &rule.destinations})
        {
            for (uint32_t i = 0; i < set->GetN(); i++)
            {
                add(set->Get(i));
            }
        }
    }
    m_addressesResolved = true;
}

bool
PackMimeDelayBox::FindNode(bool ipv6, const std::array<uint8_t, 16>& address, uint32_t* node) const
{
    auto it = m_addressNode.find({ipv6, address});
    if (it == m_addressNode.end())
    {
        return false;
    }
    *node = it->second;
    return true;
}

double
PackMimeDelayBox::Draw(uint32_t rule, Ptr<RandomVariableStream> variable, Variable which) const
{
    static const char* const names[] = {"delay", "loss", "bandwidth"};
    // Upper bounds keep the conversions exact: Time holds +-9.2e15 ms, DataRate 1.8e13 Mb/s.
    static const char* const expected[] = {"a delay in ms in [0, 1e12]",
                                           "a loss probability in [0, 1]",
                                           "a bandwidth in Mb/s in [1e-6, 1e12]"};
    double x = variable->GetValue();
    bool ok = which == Variable::DELAY  ? x >= 0 && x <= 1e12
              : which == Variable::LOSS ? x >= 0 && x <= 1
                                        : x >= 1e-6 && x <= 1e12;
    PACKMIME_FATAL_IF(!ok,
                      "PackMimeDelayBox rule "
                          << rule << ": its " << names[int(which)] << " variable ("
                          << variable->GetInstanceTypeId().GetName() << ") drew " << x
                          << "; expected " << expected[int(which)]);
    return x;
}

PackMimeDelayBox::Flow*
PackMimeDelayBox::StartFlow(const FlowKey& key, const PacketInfo& packet, bool srcIsA)
{
    if (!m_addressesResolved)
    {
        ResolveAddresses();
    }
    uint32_t src = 0;
    uint32_t dst = 0;
    if (!FindNode(packet.ipv6, packet.src, &src) || !FindNode(packet.ipv6, packet.dst, &dst))
    {
        return nullptr;
    }
    auto in = [](const std::vector<bool>& set, uint32_t id)
    {
        return id < set.size() && set[id];
    };
    for (uint32_t r = 0; r < m_rules.size(); r++)
    {
        const Rule& rule = m_rules[r];
        // ns-2's DelayBox is symmetric by default: a rule also matches the reverse direction.
        if (!((in(rule.isSource, src) && in(rule.isDestination, dst)) ||
              (in(rule.isSource, dst) && in(rule.isDestination, src))))
        {
            continue;
        }
        Flow flow;
        PackMimeDelayBoxFlow& f = flow.record;
        f.initiator = SocketAddress(packet.ipv6, packet.src, packet.srcPort);
        f.responder = SocketAddress(packet.ipv6, packet.dst, packet.dstPort);
        f.initiatorNode = src;
        f.responderNode = dst;
        f.protocol = packet.protocol;
        f.rule = r;
        f.started = Simulator::Now();
        for (int dir = 0; dir < 2; dir++)
        {
            if (dir == 1 && m_sameBothWays)
            {
                f.delay[1] = f.delay[0];
                f.loss[1] = f.loss[0];
                f.bandwidth[1] = f.bandwidth[0];
                break;
            }
            if (rule.delay)
            {
                f.delay[dir] = Time::FromDouble(Draw(r, rule.delay, Variable::DELAY), Time::MS);
            }
            if (rule.loss)
            {
                f.loss[dir] = Draw(r, rule.loss, Variable::LOSS);
            }
            if (rule.bandwidth)
            {
                double mbps = Draw(r, rule.bandwidth, Variable::BANDWIDTH);
                f.bandwidth[dir] = DataRate(uint64_t(std::llround(mbps * 1e6)));
            }
        }
        flow.initiatorIsA = srcIsA;
        flow.lastSeen = Simulator::Now();
        flow.idleEntry = m_idleOrder.insert(m_idleOrder.end(), key);
        Flow* stored = &m_flows.emplace(key, std::move(flow)).first->second;
        m_peakFlows = std::max<uint32_t>(m_peakFlows, m_flows.size());
        m_flowStartedTrace(stored->record);
        ScheduleIdleCheck();
        return stored;
    }
    return nullptr;
}

PackMimeDelayBox::Action
PackMimeDelayBox::Process(const PacketInfo& packet, Time* delay)
{
    if (packet.protocol != 6 && packet.protocol != 17)
    {
        return PASS;
    }
    FlowKey key;
    key.protocol = packet.protocol;
    key.ipv6 = packet.ipv6;
    bool srcFirst = std::tie(packet.src, packet.srcPort) < std::tie(packet.dst, packet.dstPort);
    key.a = srcFirst ? packet.src : packet.dst;
    key.portA = srcFirst ? packet.srcPort : packet.dstPort;
    key.b = srcFirst ? packet.dst : packet.src;
    key.portB = srcFirst ? packet.dstPort : packet.srcPort;

    Flow* flow = nullptr;
    auto it = m_flows.find(key);
    if (it != m_flows.end())
    {
        flow = &it->second;
    }
    else
    {
        // As in ns-2, only a SYN opens a TCP flow: a segment of a connection that the table
        // does not know (opened before, or forgotten after IdleTimeout) passes untouched.
        bool tcpOpen = (packet.tcpFlags & (TCP_SYN | TCP_ACK)) == TCP_SYN;
        if ((packet.protocol == 6 && !tcpOpen) || !(flow = StartFlow(key, packet, srcFirst)))
        {
            return PASS;
        }
    }
    PackMimeDelayBoxFlow& f = flow->record;
    Time now = Simulator::Now();
    flow->lastSeen = now;
    if (!flow->closing)
    {
        m_idleOrder.splice(m_idleOrder.end(), m_idleOrder, flow->idleEntry);
    }
    int dir = srcFirst == flow->initiatorIsA ? 0 : 1;
    if (f.loss[dir] > 0 && m_lossDraw->GetValue() < f.loss[dir])
    {
        f.drops[dir]++;
        return DROP;
    }
    Time departure = std::max(now + f.delay[dir], flow->nextFree[dir]);
    flow->nextFree[dir] = departure;
    if (f.bandwidth[dir].GetBitRate() > 0)
    {
        flow->nextFree[dir] += f.bandwidth[dir].CalculateBytesTxTime(packet.size);
    }
    f.packets[dir]++;
    *delay = departure - now;

    if (packet.protocol == 6 && !flow->closing)
    {
        flow->fin[dir] = flow->fin[dir] || (packet.tcpFlags & TCP_FIN);
        bool reset = packet.tcpFlags & TCP_RST;
        if (reset || (flow->fin[0] && flow->fin[1]))
        {
            // Removed once its last held packet has left, so that nothing sent after the
            // close (the last ACK, a retransmitted FIN) overtakes a held packet.
            flow->closing = true;
            m_idleOrder.erase(flow->idleEntry);
            Time last = std::max(flow->nextFree[0], flow->nextFree[1]);
            Simulator::Schedule(std::max(last - now, Time(0)),
                                &PackMimeDelayBox::Remove,
                                this,
                                key,
                                reset ? PackMimeDelayBoxFlow::RESET : PackMimeDelayBoxFlow::CLOSED);
        }
    }
    return DELAY;
}

void
PackMimeDelayBox::Remove(FlowKey key, PackMimeDelayBoxFlow::End end)
{
    auto it = m_flows.find(key);
    if (it == m_flows.end())
    {
        return;
    }
    PackMimeDelayBoxFlow record = it->second.record;
    if (!it->second.closing)
    {
        m_idleOrder.erase(it->second.idleEntry);
    }
    m_flows.erase(it);
    record.end = end;
    record.ended = Simulator::Now();
    m_flowEndedTrace(record);
}

void
PackMimeDelayBox::ScheduleIdleCheck()
{
    if (!m_idleCheck.IsExpired() || m_idleOrder.empty())
    {
        return;
    }
    PACKMIME_FATAL_IF(!m_idleTimeout.IsStrictlyPositive(),
                      "PackMimeDelayBox attribute IdleTimeout: " << m_idleTimeout.As(Time::S)
                                                                 << "; expected > 0");
    const Flow& oldest = m_flows.at(m_idleOrder.front());
    Time due = oldest.lastSeen + m_idleTimeout - Simulator::Now();
    m_idleCheck = Simulator::Schedule(std::max(due, Time(0)), &PackMimeDelayBox::ExpireIdle, this);
}

void
PackMimeDelayBox::ExpireIdle()
{
    Time now = Simulator::Now();
    while (!m_idleOrder.empty() && m_flows.at(m_idleOrder.front()).lastSeen + m_idleTimeout <= now)
    {
        Remove(m_idleOrder.front(), PackMimeDelayBoxFlow::IDLE);
    }
    ScheduleIdleCheck();
}

} // namespace ns3
