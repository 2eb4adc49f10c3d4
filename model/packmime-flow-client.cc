/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-client.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeFlowClient");

NS_OBJECT_ENSURE_REGISTERED(PackMimeFlowClient);

TypeId
PackMimeFlowClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeFlowClient")
            .SetParent<PackMimeApplication>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeFlowClient>()
            .AddAttribute(
                "IdleTimeout",
                "Close a pooled connection after it has been idle this long (0: keep it).",
                TimeValue(Time(0)),
                MakeTimeAccessor(&PackMimeFlowClient::m_idleTimeout),
                MakeTimeChecker(Time(0)))
            .AddAttribute("MaxIdlePerDestination",
                          "Idle pooled connections kept per destination: a connection that "
                          "becomes idle when its destination has this many idle already is "
                          "closed (0: keep every connection, as the classic generator). Bounds "
                          "memory by the flows running now instead of the largest burst seen.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PackMimeFlowClient::m_maxIdle),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("MaxConnectionsPerDestination",
                          "Connections open at once to one destination (0: no limit). A flow "
                          "that finds them all busy waits for one, first come first served; "
                          "its start stays its arrival, so the wait counts in its completion "
                          "time. Bounds memory by the cap instead of the largest burst.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PackMimeFlowClient::m_maxConnections),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("TimeWait",
                          "TIME_WAIT of the connections this client closes (IdleTimeout, "
                          "MaxIdlePerDestination): sets MaxSegLifetime = TimeWait / 2 on their "
                          "sockets, as ns-3 otherwise keeps each closed socket for 240 s. 0: "
                          "TCP's own.",
                          TimeValue(MilliSeconds(10)),
                          MakeTimeAccessor(&PackMimeFlowClient::m_timeWait),
                          MakeTimeChecker(Time(0)))
            .AddTraceSource("FlowCompleted",
                            "A flow ended: completed, failed, or abandoned when the workload "
                            "finished (exactly one call per flow).",
                            MakeTraceSourceAccessor(&PackMimeFlowClient::m_flowTrace),
                            "ns3::PackMimeFlowRecord::TracedCallback");
    return tid;
}

PackMimeFlowClient::PackMimeFlowClient()
    : PackMimeApplication(m_connections)
{
    NS_LOG_FUNCTION(this);
}

PackMimeFlowClient::~PackMimeFlowClient()
{
    NS_LOG_FUNCTION(this);
}

uint32_t
PackMimeFlowClient::GetRunningFlows() const
{
    return m_running;
}

uint32_t
PackMimeFlowClient::GetWaitingFlows() const
{
    return m_waitingNow;
}

uint64_t
PackMimeFlowClient::GetFlowsWaited() const
{
    return m_waited;
}

uint32_t
PackMimeFlowClient::GetPeakConnectionsPerDestination() const
{
    return m_peakPerDestination;
}

void
PackMimeFlowClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    PackMimeApplication::StopApplication();
    m_connections.ForEachOpen(
        [this](Connection* c)
        {
            c->idleTimer.Cancel();
            c->tcp.Abort();
            Recycle(c);
        });
    m_idle.clear();
}

void
PackMimeFlowClient::StartFlow(PackMimeFlowRecord record, Direction direction)
{
    NS_LOG_FUNCTION(this << record.id << record.size << record.dst);
    Flow* flow = m_flows.Acquire();
    record.start = Simulator::Now();
    record.completed = false;
    flow->record = record;
    flow->direction = direction;
    m_running++;
    // A connection that cannot even be opened fails the flow (and records it) at once; a flow
    // whose destination is at MaxConnectionsPerDestination waits.
    if (TakeConnection(flow))
    {
        Send(flow);
    }
}

PackMimeFlowClient::Connection*
PackMimeFlowClient::TakeConnection(Flow* flow)
{
    uint32_t dst = flow->record.dst;
    auto& idle = m_idle[dst];
    Connection* c;
    if (!idle.empty())
    {
        c = idle.back();
        idle.pop_back();
        c->idleTimer.Cancel();
        c->flow = flow;
        flow->connection = c;
        return c;
    }
    if (m_maxConnections > 0 && m_perDestination[dst] >= m_maxConnections)
    {
        m_waiting[dst].push_back(flow);
        m_waitingNow++;
        m_waited++;
        return nullptr;
    }
    c = m_connections.Open();
    c->dst = dst;
    c->established = false;
    c->flow = flow;
    flow->connection = c;
    c->tcp.handlers = PackMimeTcpConnection::Handlers();
    c->tcp.handlers.connected = [c]
    {
        c->established = true;
    };
    c->tcp.handlers.responseDone = [this, c]
    {
        Finish(c);
    };
    c->tcp.handlers.acked = [this, c]
    {
        Finish(c);
    };
    c->tcp.handlers.connectFailed = [this, c]
    {
        Fail(c, PackMimeFlowRecord::CONNECT_FAILED, "connect-failed");
    };
    TraceRx(c->tcp);
    c->tcp.handlers.closed = [this, c](bool error)
    {
        Fail(c, PackMimeFlowRecord::RESET, error ? "connection-reset" : "connection-closed");
    };
    uint32_t open = ++m_perDestination[dst];
    m_peakPerDestination = std::max(m_peakPerDestination, open);
    c->tcp.Open(GetNode(), flow->record.server);
    // If Open failed at once, connectFailed has already recorded the flow and recycled c.
    return c->tcp.IsAttached() ? c : nullptr;
}

void
PackMimeFlowClient::Send(Flow* flow)
{
    Connection* c = flow->connection;
    PackMimeHeader header;
    header.SetId(flow->record.id);
    if (flow->direction == PUSH)
    {
        header.SetRequestLength(PackMimeHeader::SIZE + flow->record.size);
        header.SetResponseLength(0);
        c->tcp.SendRequest(header);
        c->tcp.NotifyWhenAcked();
    }
    else
    {
        header.SetRequestLength(PackMimeHeader::SIZE);
        header.SetResponseLength(flow->record.size);
        c->tcp.ExpectResponse(flow->record.size);
        c->tcp.SendRequest(header);
    }
}

void
PackMimeFlowClient::Finish(Connection* c)
{
    Flow* flow = c->flow;
    if (!flow)
    {
        return;
    }
    flow->record.end = Simulator::Now();
    flow->record.completed = true;
    flow->record.returncode = PackMimeFlowRecord::OK;
    flow->record.error = "";
    c->flow = nullptr;
    m_flowTrace(flow->record);
    RecycleFlow(flow);
    auto waiting = m_waiting.find(c->dst);
    if (waiting != m_waiting.end() && !waiting->second.empty())
    {
        // The connection passes straight to the longest-waiting flow: it never goes idle
        // while a flow waits for its destination.
        Flow* next = waiting->second.front();
        waiting->second.pop_front();
        m_waitingNow--;
        c->flow = next;
        next->connection = c;
        Send(next);
        return;
    }
    auto& idle = m_idle[c->dst];
    if (m_maxIdle > 0 && idle.size() >= m_maxIdle)
    {
        CloseIdle(c);
        return;
    }
    idle.push_back(c);
    if (m_idleTimeout.IsStrictlyPositive())
    {
        c->idleTimer = Simulator::Schedule(m_idleTimeout, &PackMimeFlowClient::CloseIdle, this, c);
    }
}

void
PackMimeFlowClient::Fail(Connection* c, PackMimeRecordStatus::Status error, const char* reason)
{
    Flow* flow = c->flow;
    c->flow = nullptr;
    if (flow)
    {
        NS_LOG_INFO("flow " << flow->record.id << ": " << reason);
        flow->record.completed = false;
        flow->record.returncode = error;
        flow->record.error = reason;
        m_flowTrace(flow->record);
        RecycleFlow(flow);
    }
    else
    {
        RemoveIdle(c);
    }
    c->idleTimer.Cancel();
    c->tcp.Release();
    uint32_t dst = c->dst;
    Recycle(c);
    ServeWaiting(dst); // the freed slot goes to a waiting flow, if any
}

void
PackMimeFlowClient::ServeWaiting(uint32_t dst)
{
    // A connection that fails at once calls Fail, and so this, again: the outer loop goes on.
    if (m_serving)
    {
        return;
    }
    m_serving = true;
    auto& waiting = m_waiting[dst];
    while (!waiting.empty() && (m_maxConnections == 0 || m_perDestination[dst] < m_maxConnections))
    {
        Flow* flow = waiting.front();
        waiting.pop_front();
        m_waitingNow--;
        if (TakeConnection(flow))
        {
            Send(flow);
        }
    }
    m_serving = false;
}

void
PackMimeFlowClient::CloseIdle(Connection* c)
{
    NS_LOG_FUNCTION(this << c->dst);
    RemoveIdle(c);
    c->tcp.handlers = PackMimeTcpConnection::Handlers();
    // The closing side holds TIME_WAIT: ns-3's 2 x 120 s would keep every closed socket for
    // the whole run.
    if (m_timeWait.IsStrictlyPositive() && c->tcp.GetSocket())
    {
        c->tcp.GetSocket()->SetAttribute("MaxSegLifetime",
                                         DoubleValue(m_timeWait.GetSeconds() / 2));
    }
    c->tcp.CloseWhenSent();
    c->tcp.Release();
    Recycle(c);
}

void
PackMimeFlowClient::RemoveIdle(Connection* c)
{
    auto& idle = m_idle[c->dst];
    for (auto it = idle.begin(); it != idle.end(); ++it)
    {
        if (*it == c)
        {
            idle.erase(it);
            return;
        }
    }
}

void
PackMimeFlowClient::Recycle(Connection* c)
{
    if (m_connections.Close(c))
    {
        m_perDestination[c->dst]--;
    }
}

void
PackMimeFlowClient::RecycleFlow(Flow* flow)
{
    flow->connection = nullptr;
    m_running--;
    m_flows.Release(flow);
}

void
PackMimeFlowClient::EndIncomplete(Flow* flow)
{
    flow->record.completed = false;
    flow->record.returncode = PackMimeFlowRecord::INCOMPLETE;
    flow->record.error = "incomplete";
    m_flowTrace(flow->record);
    RecycleFlow(flow);
}

void
PackMimeFlowClient::AbortRunning()
{
    m_connections.ForEachOpen(
        [this](Connection* c)
        {
            Flow* flow = c->flow;
            if (!flow)
            {
                return; // idle
            }
            c->flow = nullptr;
            EndIncomplete(flow);
            c->idleTimer.Cancel();
            c->tcp.Abort();
            Recycle(c);
        });
    for (auto& [dst, waiting] : m_waiting)
    {
        for (Flow* flow : waiting)
        {
            EndIncomplete(flow);
        }
        m_waitingNow -= uint32_t(waiting.size());
        waiting.clear();
    }
}

} // namespace ns3
