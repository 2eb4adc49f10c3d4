/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-tcp-connection.h"

#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/tcp-socket-base.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/tcp-tx-buffer.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeTcpConnection");

PackMimeTcpConnection::~PackMimeTcpConnection()
{
    Release();
}

void
PackMimeTcpConnection::Attach(Ptr<Socket> socket)
{
    m_socket = socket;
    m_queue.clear();
    m_closeWhenSent = false;
    m_closed = false;
    m_watchAcked = false;
    m_parseRequests = false;
    m_headerInLength = 0;
    m_requestRemaining = 0;
    m_responseRemaining = 0;
    socket->SetRecvCallback(MakeCallback(&PackMimeTcpConnection::HandleRecv, this));
    socket->SetSendCallback(MakeCallback(&PackMimeTcpConnection::HandleSend, this));
    socket->SetCloseCallbacks(MakeCallback(&PackMimeTcpConnection::HandleNormalClose, this),
                              MakeCallback(&PackMimeTcpConnection::HandleErrorClose, this));
}

void
PackMimeTcpConnection::Open(Ptr<Node> node, const Address& remote)
{
    NS_LOG_FUNCTION(this << node->GetId() << remote);
    Ptr<Socket> socket = Socket::CreateSocket(node, TcpSocketFactory::GetTypeId());
    Attach(socket);
    socket->SetConnectCallback(MakeCallback(&PackMimeTcpConnection::HandleConnected, this),
                               MakeCallback(&PackMimeTcpConnection::HandleConnectFailed, this));
    int bound = Inet6SocketAddress::IsMatchingType(remote) ? socket->Bind6() : socket->Bind();
    if (bound != 0 || socket->Connect(remote) != 0)
    {
        NS_LOG_WARN("cannot open a connection to " << remote << ": " << socket->GetErrno());
        Release();
        if (handlers.connectFailed)
        {
            handlers.connectFailed();
        }
    }
}

void
PackMimeTcpConnection::Adopt(Ptr<Socket> socket)
{
    Attach(socket);
}

void
PackMimeTcpConnection::Release()
{
    if (!m_socket)
    {
        return;
    }
    NS_LOG_FUNCTION(this);
    // Late events must not reach a recycled connection: null every callback first.
    m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                 MakeNullCallback<void, Ptr<Socket>>());
    m_socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
    m_socket = nullptr;
    m_queue.clear();
}

void
PackMimeTcpConnection::CloseWhenSent()
{
    m_closeWhenSent = true;
    Flush();
}

void
PackMimeTcpConnection::Abort()
{
    if (m_socket)
    {
        Ptr<Socket> socket = m_socket;
        bool closed = m_closed;
        Release();
        if (!closed)
        {
            socket->Close();
        }
    }
}

bool
PackMimeTcpConnection::IsAttached() const
{
    return m_socket != nullptr;
}

Ptr<Socket>
PackMimeTcpConnection::GetSocket() const
{
    return m_socket;
}

uint16_t
PackMimeTcpConnection::GetLocalPort() const
{
    Address local;
    m_socket->GetSockName(local);
    return PortOf(local);
}

uint16_t
PackMimeTcpConnection::PortOf(const Address& address)
{
    return InetSocketAddress::IsMatchingType(address)
               ? InetSocketAddress::ConvertFrom(address).GetPort()
               : Inet6SocketAddress::ConvertFrom(address).GetPort();
}

void
PackMimeTcpConnection::SendRequest(const PackMimeHeader& header)
{
    Chunk c;
    Buffer buffer;
    buffer.AddAtStart(PackMimeHeader::SIZE);
    header.Serialize(buffer.Begin());
    buffer.CopyData(c.header, PackMimeHeader::SIZE);
    c.headerLength = PackMimeHeader::SIZE;
    c.headerSent = 0;
    c.payload = header.GetRequestLength() > PackMimeHeader::SIZE
                    ? header.GetRequestLength() - PackMimeHeader::SIZE
                    : 0;
    m_queue.push_back(c);
    Flush();
}

void
PackMimeTcpConnection::SendBytes(uint64_t bytes)
{
    Chunk c;
    c.headerLength = 0;
    c.headerSent = 0;
    c.payload = bytes;
    m_queue.push_back(c);
    Flush();
}

void
PackMimeTcpConnection::ExpectResponse(uint64_t bytes)
{
    m_responseRemaining = bytes;
}

void
PackMimeTcpConnection::ParseRequests()
{
    m_parseRequests = true;
}

void
PackMimeTcpConnection::NotifyWhenAcked()
{
    m_watchAcked = true;
    CheckAcked();
}

uint64_t
PackMimeTcpConnection::GetQueuedBytes() const
{
    uint64_t total = 0;
    for (const auto& c : m_queue)
    {
        total += c.headerLength - c.headerSent + c.payload;
    }
    return total;
}

void
PackMimeTcpConnection::Flush()
{
    while (m_socket && !m_queue.empty())
    {
        uint32_t available = m_socket->GetTxAvailable();
        if (available == 0)
        {
            return; // resumed by HandleSend when TCP frees buffer space
        }
        Chunk& c = m_queue.front();
        int sent;
        if (c.headerSent < c.headerLength)
        {
            uint32_t n = std::min(available, c.headerLength - c.headerSent);
            sent = m_socket->Send(Create<Packet>(c.header + c.headerSent, n));
            if (sent > 0)
            {
                c.headerSent += uint32_t(sent);
            }
        }
        else if (c.payload > 0)
        {
            auto n = uint32_t(std::min<uint64_t>(available, c.payload));
            sent = m_socket->Send(Create<Packet>(n));
            if (sent > 0)
            {
                c.payload -= uint64_t(sent);
            }
        }
        else
        {
            m_queue.pop_front();
            continue;
        }
        if (sent <= 0)
        {
            return;
        }
    }
    if (m_socket && m_queue.empty() && m_closeWhenSent)
    {
        m_closeWhenSent = false;
        if (!m_closed)
        {
            m_closed = true;
            m_socket->Close();
        }
    }
}

void
PackMimeTcpConnection::CheckAcked()
{
    if (!m_watchAcked || !m_socket || !m_queue.empty())
    {
        return;
    }
    Ptr<TcpSocketBase> tcp = DynamicCast<TcpSocketBase>(m_socket);
    if (tcp && tcp->GetTxBuffer()->Size() == 0)
    {
        m_watchAcked = false;
        if (handlers.acked)
        {
            handlers.acked();
        }
    }
}

void
PackMimeTcpConnection::Consume(Ptr<Packet> packet)
{
    uint32_t size = packet->GetSize();
    if (handlers.received)
    {
        handlers.received(size);
    }
    uint32_t offset = 0;
    while (offset < size && m_socket)
    {
        uint32_t left = size - offset;
        if (m_responseRemaining > 0)
        {
            auto take = uint32_t(std::min<uint64_t>(left, m_responseRemaining));
            m_responseRemaining -= take;
            offset += take;
            if (m_responseRemaining == 0 && handlers.responseDone)
            {
                handlers.responseDone();
            }
            continue;
        }
        if (!m_parseRequests)
        {
            NS_LOG_WARN("unexpected " << left << " bytes discarded");
            return;
        }
        if (m_headerInLength < PackMimeHeader::SIZE)
        {
            uint32_t take = std::min(left, PackMimeHeader::SIZE - m_headerInLength);
            packet->CreateFragment(offset, take)->CopyData(m_headerIn + m_headerInLength, take);
            m_headerInLength += take;
            offset += take;
            if (m_headerInLength < PackMimeHeader::SIZE)
            {
                continue;
            }
            Buffer buffer;
            buffer.AddAtStart(PackMimeHeader::SIZE);
            buffer.Begin().Write(m_headerIn, PackMimeHeader::SIZE);
            m_request.Deserialize(buffer.Begin());
            uint64_t length =
                std::max<uint64_t>(m_request.GetRequestLength(), PackMimeHeader::SIZE);
            m_requestRemaining = length - PackMimeHeader::SIZE;
        }
        else
        {
            auto take = uint32_t(std::min<uint64_t>(left, m_requestRemaining));
            m_requestRemaining -= take;
            offset += take;
        }
        if (m_requestRemaining == 0)
        {
            m_headerInLength = 0;
            if (handlers.request)
            {
                handlers.request(m_request);
            }
        }
    }
}

void
PackMimeTcpConnection::HandleConnected(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    if (handlers.connected)
    {
        handlers.connected();
    }
}

void
PackMimeTcpConnection::HandleConnectFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Release();
    if (handlers.connectFailed)
    {
        handlers.connectFailed();
    }
}

void
PackMimeTcpConnection::HandleRecv(Ptr<Socket> socket)
{
    // Read in bounded pieces: one Recv() of everything available makes ns-3's TcpRxBuffer
    // join all its segments into one packet, and joining segments whose payload is partly
    // real bytes (a header, a segment that spans two writes) turns the whole run into one
    // real buffer -- megabytes of zeros allocated, copied and freed per read, which
    // fragmented the heap and made peak memory grow with the length of a run.
    const uint32_t maxRead = 64 * 1024;
    Ptr<Packet> packet;
    while (m_socket && (packet = socket->Recv(maxRead, 0)) && packet->GetSize() > 0)
    {
        Consume(packet);
    }
}

void
PackMimeTcpConnection::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    Flush();
    CheckAcked();
}

void
PackMimeTcpConnection::HandleNormalClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    if (handlers.closed)
    {
        handlers.closed(false);
    }
}

void
PackMimeTcpConnection::HandleErrorClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this);
    Release();
    if (handlers.closed)
    {
        handlers.closed(true);
    }
}

} // namespace ns3
