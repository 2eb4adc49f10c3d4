/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_CLIENT_H
#define PACKMIME_HTTP_CLIENT_H

#include "packmime-application.h"
#include "packmime-http-record.h"

#include "ns3/address.h"
#include "ns3/event-id.h"
#include "ns3/traced-callback.h"

#include <vector>

// The C core's planned request, opaque here: this header needs neither the core's nor GSL's
// headers.
struct pm_http_request;

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The client side of PackMime-HTTP: one per client node, any number of concurrent
 * connections.
 *
 * Each planned connection (given by PackMimeHttpGenerator) runs on its own TCP connection
 * to a PackMimeServer, as in ns-2 (packmime-http-model.md section 5): the first request is
 * handed to TCP at once (it rides behind the handshake); each request is a PackMimeHeader
 * followed by payload up to the request size (requests under 24 bytes are carried in the
 * 24-byte header), telling the server the response size and whether it is the last
 * request; after a response has fully arrived the next request follows its think time
 * (one outstanding request at a time, no pipelining); the server closes after the last
 * response and the client closes its side. Connection state lives in session objects taken
 * from a free list and returned when the connection ends, with its socket, so memory
 * follows the number of open connections.
 */
class PackMimeHttpClient : public PackMimeApplication
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeHttpClient();
    ~PackMimeHttpClient() override;

    /**
     * @brief Start a connection now.
     * @param record its record, with id, client, server, requests, persistent and byte totals
     *        set (start is set here)
     * @param requests the planned exchanges (copied)
     * @param server the server's socket address
     */
    void StartConnection(const PackMimeHttpConnectionRecord& record,
                         const pm_http_request* requests,
                         const Address& server);

    /// End every open connection, recording it as incomplete.
    void AbortRunning() override;

  protected:
  private:
    /// State of one connection.
    struct Session
    {
        PackMimeTcpConnection tcp;             ///< the TCP connection
        PackMimeHttpConnectionRecord record;   ///< its record so far
        std::vector<pm_http_request> requests; ///< the plan (capacity reused)
        uint32_t next{0};                      ///< request in flight, or the next one
        Time sent;                             ///< when the request in flight was sent
        EventId think;                         ///< pending next request
        bool inUse{false};                     ///< carrying a connection (else free)
    };

    void SendRequest(Session* session);
    void HandleResponse(Session* session);
    void HandleClosed(Session* session, bool error);
    void End(Session* session, PackMimeRecordStatus::Status code);
    PackMimeHttpExchangeRecord MakeExchange(const Session* session) const;

    PackMimeSessionPool<Session> m_sessions; //!< per-connection state, reused
    TracedCallback<const PackMimeHttpExchangeRecord&> m_requestSentTrace; //!< request sent
    TracedCallback<const PackMimeHttpExchangeRecord&>
        m_responseReceivedTrace;                                       //!< exchange complete
    TracedCallback<const PackMimeHttpConnectionRecord&> m_closedTrace; //!< connection ended
};

} // namespace ns3

#endif /* PACKMIME_HTTP_CLIENT_H */
