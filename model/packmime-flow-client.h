/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_CLIENT_H
#define PACKMIME_FLOW_CLIENT_H

#include "packmime-application.h"
#include "packmime-flow-record.h"
#include "packmime-free-list.h"

#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The client side of CDF-driven flows: one per host, any number of flows.
 *
 * A PackMimeFlowWorkload tells it to start each flow (StartFlow), with its server address
 * and direction. A flow takes an idle
 * established connection to its destination from a per-destination pool, or opens a new
 * one; when the flow completes the connection goes back to the pool (and is closed after
 * IdleTimeout, if set, or at once when its destination already has MaxIdlePerDestination idle
 * connections). Flows and connections are session objects from free lists, so memory follows
 * the number of concurrent flows, not the number of flows; with MaxIdlePerDestination it
 * follows the flows running now rather than the largest burst seen so far.
 *
 * With MaxConnectionsPerDestination, a flow whose destination has that many connections, all
 * busy, waits (first come, first served) for one of them, as in an RPC client's bounded
 * connection pool; its start time stays its arrival, so the wait counts in its completion
 * time. This bounds what ns-3 holds (sockets and the segments in flight) by the cap instead of
 * the largest burst of an open-loop workload, which keeps growing with the length of a run
 * on heavy-tailed sizes.
 *
 * Directions: push (the client sends a header plus `size` bytes; the flow completes when TCP
 * has had the last byte acknowledged) and pull (the client sends a 24-byte request; the
 * server answers with `size` bytes; the flow completes at the last byte received), the
 * classic testbed generator's semantics.
 */
class PackMimeFlowClient : public PackMimeApplication
{
  public:
    /// Which side sends the flow's bytes.
    enum Direction
    {
        PUSH, ///< client to server
        PULL  ///< server to client, on request
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeFlowClient();
    ~PackMimeFlowClient() override;

    /**
     * @brief Start a flow now.
     * @param record the flow (id, size, src, dst, server, incast set; start is set here)
     * @param direction push or pull
     */
    void StartFlow(PackMimeFlowRecord record, Direction direction);

    /// Record every running or waiting flow as incomplete and abort its connection.
    void AbortRunning() override;

    /// @return flows started and not ended (running, or waiting for a connection)
    uint32_t GetRunningFlows() const;

    /// @return flows waiting for a connection now (MaxConnectionsPerDestination)
    uint32_t GetWaitingFlows() const;

    /// @return flows that had to wait for a connection so far
    uint64_t GetFlowsWaited() const;

    /// @return the largest number of connections open at once to any one destination
    uint32_t GetPeakConnectionsPerDestination() const;

  protected:
    /// Abort the running flows, then close the idle connections too.
    void StopApplication() override;

  private:
    struct Connection;

    /// A running flow.
    struct Flow
    {
        PackMimeFlowRecord record;       ///< its record
        Direction direction{PUSH};       ///< which side sends its bytes
        Connection* connection{nullptr}; ///< the connection carrying it (null while waiting)
    };

    /// A pooled connection to one destination.
    struct Connection
    {
        PackMimeTcpConnection tcp; ///< the TCP connection
        uint32_t dst{0};           ///< destination host index
        Flow* flow{nullptr};       ///< the flow it carries, or null when idle
        bool inUse{false};         ///< allocated (idle or busy)
        bool established{false};   ///< handshake done
        EventId idleTimer;         ///< closes the connection after IdleTimeout
    };

    Connection* TakeConnection(Flow* flow);
    void Send(Flow* flow);
    void ServeWaiting(uint32_t dst);
    void Finish(Connection* connection);
    void Fail(Connection* connection, PackMimeRecordStatus::Status error, const char* reason);
    void CloseIdle(Connection* connection);
    void RemoveIdle(Connection* connection);
    void Recycle(Connection* connection);
    void RecycleFlow(Flow* flow);
    /// Record a flow that did not finish as incomplete and release it.
    void EndIncomplete(Flow* flow);

    Time m_idleTimeout;        //!< close idle connections after this (0: never)
    uint32_t m_maxIdle;        //!< idle connections kept per destination (0: all)
    uint32_t m_maxConnections; //!< open connections per destination (0: any)
    Time m_timeWait;           //!< TIME_WAIT of the connections it closes
    PackMimeSessionPool<Connection> m_connections; //!< pooled connections (idle, busy or free)
    std::unordered_map<uint32_t, std::vector<Connection*>> m_idle; //!< idle, per destination
    std::unordered_map<uint32_t, uint32_t> m_perDestination;       //!< open, per destination
    std::unordered_map<uint32_t, std::deque<Flow*>> m_waiting;     //!< waiting, per destination
    PackMimeFreeList<Flow> m_flows;                                //!< flow sessions, reused
    uint32_t m_running{0};                                         //!< flows running
    uint32_t m_waitingNow{0};                                      //!< flows waiting now
    uint64_t m_waited{0};                                          //!< flows that waited
    bool m_serving{false};                                         //!< in ServeWaiting
    uint32_t m_peakPerDestination{0};                              //!< max open to one destination
    TracedCallback<const PackMimeFlowRecord&> m_flowTrace;         //!< flow finished or abandoned
};

} // namespace ns3

#endif /* PACKMIME_FLOW_CLIENT_H */
