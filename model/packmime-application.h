/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_APPLICATION_H
#define PACKMIME_APPLICATION_H

#include "packmime-session-pool.h"
#include "packmime-tcp-connection.h"

#include "ns3/application.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The base of the module's applications (PackMimeFlowClient, PackMimeHttpClient,
 * PackMimeServer), as ns-3's SourceApplication and SinkApplication are of theirs.
 *
 * Each subclass keeps its connections in a PackMimeSessionPool and its own settings (Port,
 * IdleTimeout, TimeWait) as attributes; this base carries what they share:
 * - one stop behaviour: StopApplication ends everything running (AbortRunning), so that
 *   whatever carries a record is recorded once, as incomplete;
 * - one disposal order: release the sockets (sending nothing: the node's IP stack may be
 *   disposed already, as in ns-3.35), stop, free the sessions;
 * - the connection counts of the pool, and the Rx trace of every byte read.
 */
class PackMimeApplication : public Application
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    ~PackMimeApplication() override;

    /**
     * @brief End everything running now (the end of a run): every flow or connection that
     * carries a record is recorded as incomplete, so it still ends in exactly one record,
     * and its connection is aborted. Idle pooled connections stay open.
     */
    virtual void AbortRunning() = 0;

    /// @return TCP connections open now
    uint32_t GetOpenConnections() const;

    /// @return TCP connections opened so far
    uint64_t GetConnectionsOpened() const;

    /// @return sessions allocated so far (the high-water mark of open connections)
    uint32_t GetSessionsAllocated() const;

    /**
     * TracedCallback signature for bytes received.
     * @param [in] bytes how many (headers and payload)
     */
    typedef void (*BytesTracedCallback)(uint32_t bytes);

  protected:
    /**
     * @brief Constructor.
     * @param sessions the subclass's session pool (a member not constructed yet: only its
     *        address is kept)
     */
    explicit PackMimeApplication(PackMimeSessions& sessions);

    /// Release the sockets, StopApplication, free the sessions (in that order).
    void DoDispose() override;

    /// Nothing: work arrives from the workload (or, for a server, from the network).
    void StartApplication() override;

    /// AbortRunning; subclasses close what else they hold (listeners, idle connections).
    void StopApplication() override;

    /**
     * @brief Report what `tcp` reads to the Rx trace (set again after resetting its
     * handlers).
     * @param tcp the connection
     */
    void TraceRx(PackMimeTcpConnection& tcp);

  private:
    PackMimeSessions& m_sessions;       //!< the subclass's session pool
    TracedCallback<uint32_t> m_rxTrace; //!< bytes received
};

} // namespace ns3

#endif /* PACKMIME_APPLICATION_H */
