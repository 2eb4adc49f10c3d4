/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_TCP_CONNECTION_H
#define PACKMIME_TCP_CONNECTION_H

#include "packmime-header.h"

#include "ns3/address.h"
#include "ns3/node.h"
#include "ns3/ptr.h"
#include "ns3/socket.h"

#include <cstdint>
#include <deque>
#include <functional>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief One TCP connection's byte stream, as the packmime applications use it.
 *
 * Sends framed requests (a PackMimeHeader followed by payload up to the request length)
 * and raw response bytes, queued and handed to TCP as buffer space frees up (a full send
 * buffer never loses bytes); on the receiving side either parses framed requests (server)
 * or counts an expected number of response bytes (client). Payload bytes are virtual
 * (zero-filled packets): only the headers are real bytes.
 *
 * Events go to the owner through the handlers. A handler may Release() the connection (for
 * example to return its session to a free list); it then stops touching the
 * socket at once. These are plain objects owned by pooled session objects, so a
 * connection costs one socket plus a few hundred bytes.
 */
class PackMimeTcpConnection
{
  public:
    /// Events delivered to the owner; unset handlers are ignored.
    struct Handlers
    {
        std::function<void()> connected;                    ///< connection established
        std::function<void()> connectFailed;                ///< connect (or bind) failed
        std::function<void(const PackMimeHeader&)> request; ///< a whole request arrived
        std::function<void()> responseDone;                 ///< the expected response arrived
        std::function<void()> acked;                        ///< queue empty, all bytes acked
        std::function<void(bool error)> closed;       ///< peer closed, or error (reset, timeout)
        std::function<void(uint32_t bytes)> received; ///< bytes read from the socket
    };

    PackMimeTcpConnection() = default;
    ~PackMimeTcpConnection();
    PackMimeTcpConnection(const PackMimeTcpConnection&) = delete;
    PackMimeTcpConnection& operator=(const PackMimeTcpConnection&) = delete;

    /**
     * @brief Open a TCP connection from node to remote (an Inet or Inet6 socket address).
     * @param node local node
     * @param remote server address and port
     */
    void Open(Ptr<Node> node, const Address& remote);

    /**
     * @brief Take over a socket accepted by a listener (server side).
     * @param socket the accepted socket
     */
    void Adopt(Ptr<Socket> socket);

    /// Detach from the socket: null its callbacks and drop it (no FIN is sent).
    void Release();

    /// Send FIN once every queued byte has been handed to TCP (it stays attached).
    void CloseWhenSent();

    /// Close the connection at once and release it (a FIN: ns-3 sockets have no
    /// abortive close); queued bytes are dropped.
    void Abort();

    /// @return whether it is attached to a socket
    bool IsAttached() const;

    /// @return the socket (null when released)
    Ptr<Socket> GetSocket() const;

    /// @return the socket's local port (the connection's port on this node)
    uint16_t GetLocalPort() const;

    /**
     * @brief The port of a socket address.
     * @param address an InetSocketAddress or Inet6SocketAddress
     * @return its port
     */
    static uint16_t PortOf(const Address& address);

    /**
     * @brief Queue a request: the header, then payload up to its request length.
     * @param header the request header (request length >= PackMimeHeader::SIZE)
     */
    void SendRequest(const PackMimeHeader& header);

    /**
     * @brief Queue raw payload bytes (a response).
     * @param bytes number of bytes
     */
    void SendBytes(uint64_t bytes);

    /**
     * @brief Count the next `bytes` received bytes as a response; responseDone fires at the
     * last one.
     * @param bytes expected response length (> 0)
     */
    void ExpectResponse(uint64_t bytes);

    /// Parse received bytes as framed requests (server side).
    void ParseRequests();

    /// Fire `acked` once the queue is empty and TCP has had every byte acknowledged.
    void NotifyWhenAcked();

    /// @return bytes queued but not yet accepted by TCP
    uint64_t GetQueuedBytes() const;

    Handlers handlers; ///< the owner's event handlers

  private:
    /// A queued message: optional real header bytes, then virtual payload bytes.
    struct Chunk
    {
        uint8_t header[PackMimeHeader::SIZE]; ///< serialized header
        uint32_t headerLength;                ///< header bytes (0 or SIZE)
        uint32_t headerSent;                  ///< header bytes already handed to TCP
        uint64_t payload;                     ///< payload bytes still to hand to TCP
    };

    void Attach(Ptr<Socket> socket);
    void Flush();
    void CheckAcked();
    void Consume(Ptr<Packet> packet);
    void HandleConnected(Ptr<Socket> socket);
    void HandleConnectFailed(Ptr<Socket> socket);
    void HandleRecv(Ptr<Socket> socket);
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    void HandleNormalClose(Ptr<Socket> socket);
    void HandleErrorClose(Ptr<Socket> socket);

    Ptr<Socket> m_socket;                     //!< the connection (null when released)
    std::deque<Chunk> m_queue;                //!< bytes not yet handed to TCP
    bool m_closeWhenSent{false};              //!< FIN once the queue drains
    bool m_closed{false};                     //!< Close() already called on the socket
    bool m_watchAcked{false};                 //!< fire `acked` when everything is acknowledged
    bool m_parseRequests{false};              //!< server mode
    uint8_t m_headerIn[PackMimeHeader::SIZE]; //!< partial request header received
    uint32_t m_headerInLength{0};             //!< bytes of it received so far
    PackMimeHeader m_request;                 //!< the request being received
    uint64_t m_requestRemaining{0};           //!< its payload bytes still to come
    uint64_t m_responseRemaining{0};          //!< response bytes still to come (client)
};

} // namespace ns3

#endif /* PACKMIME_TCP_CONNECTION_H */
