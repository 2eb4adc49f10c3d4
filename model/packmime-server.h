/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_SERVER_H
#define PACKMIME_SERVER_H

#include "packmime-application.h"
#include "packmime-compat.h"
#include "packmime-header.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The server side of every packmime workload: one per node, any number of
 * connections.
 *
 * Listens on a TCP port, reads framed requests (PackMimeHeader), waits a server delay
 * (the ServerDelay random variable, none by default) and sends back the number of bytes the
 * request asks for; after the response to a request marked "last" it closes the
 * connection. Per-connection state lives in session objects taken from a free list and
 * returned when the connection closes, together with the socket (unlike PacketSink, which
 * keeps every socket until the application stops), so memory follows the number of open
 * connections.
 */
class PackMimeServer : public PackMimeApplication
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeServer();
    ~PackMimeServer() override;

    /**
     * @brief Assign a fixed stream to the server's own server-delay variable.
     *
     * A delay variable shared through UseSharedServerDelay belongs to the driver that
     * shares it, which assigns its stream; it is left alone here, so that calling both the
     * driver's AssignStreams and (ns-3 >= 3.42) ApplicationHelper::AssignStreamsToAllApps
     * assigns no stream twice.
     * @param stream first stream index to use
     * @return the number of streams assigned (1 with an own delay variable, else 0)
     */
    int64_t AssignStreams(int64_t stream) PACKMIME_APPLICATION_ASSIGN_STREAMS_OVERRIDE;

    /**
     * @brief Set the server's own delay variable (the ServerDelay attribute).
     * @param delay the variable (seconds), or null for no delay
     */
    void SetServerDelay(Ptr<RandomVariableStream> delay);

    /// @return the delay variable (own or shared), or null
    Ptr<RandomVariableStream> GetServerDelay() const;

    /// @return the TCP port it listens on (the Port attribute)
    uint16_t GetPort() const;

    /**
     * @brief Use a delay variable owned (and stream-assigned) by a driver, such as the
     * PackMime-HTTP generator's server-delay variable shared by all its servers.
     * @param delay the shared variable (seconds)
     */
    void UseSharedServerDelay(Ptr<RandomVariableStream> delay);

    /// Abort every open connection (a server's connections carry no records).
    void AbortRunning() override;

    /**
     * TracedCallback signature for a request received by the server.
     * @param [in] header the request header
     * @param [in] delay the server delay drawn for it
     */
    typedef void (*RequestTracedCallback)(const PackMimeHeader& header, Time delay);

  protected:
    void DoDispose() override;
    void StartApplication() override;
    /// Close the listeners, then abort the connections.
    void StopApplication() override;

  private:
    /// State of one accepted connection.
    struct Session
    {
        PackMimeTcpConnection tcp; ///< the connection
        EventId delayed;           ///< pending response after the server delay
        bool inUse{false};         ///< serving a connection (else on the free list)
    };

    bool HandleConnectionRequest(Ptr<Socket> socket, const Address& from);
    void HandleAccept(Ptr<Socket> socket, const Address& from);
    void HandleRequest(Session* session, const PackMimeHeader& header);
    void Respond(Session* session, uint64_t bytes, bool last);
    void Recycle(Session* session);
    void SetTimeWait(Ptr<Socket> listener) const;

    uint16_t m_port;                         //!< listening port
    Ptr<RandomVariableStream> m_serverDelay; //!< delay before each response (s), or null
    bool m_serverDelayShared;                //!< m_serverDelay's stream is a driver's
    Time m_timeWait;                         //!< TIME_WAIT of our sockets (0: TCP's own)
    Ptr<Socket> m_listener;                  //!< listening socket (IPv4 any)
    Ptr<Socket> m_listener6;                 //!< listening socket (IPv6 any)
    PackMimeSessionPool<Session> m_sessions; //!< per-connection state, reused
    TracedCallback<const PackMimeHeader&, Time> m_requestTrace; //!< request received
};

} // namespace ns3

#endif /* PACKMIME_SERVER_H */
