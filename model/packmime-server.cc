/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-server.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/packmime-fatal.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeServer");

NS_OBJECT_ENSURE_REGISTERED(PackMimeServer);

TypeId
PackMimeServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeServer")
            .SetParent<PackMimeApplication>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeServer>()
            .AddAttribute("Port",
                          "TCP port to listen on.",
                          UintegerValue(5001),
                          MakeUintegerAccessor(&PackMimeServer::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("ServerDelay",
                          "Delay (s) between receiving a whole request and sending the response; "
                          "none when null.",
                          PointerValue(),
                          MakePointerAccessor(&PackMimeServer::SetServerDelay,
                                              &PackMimeServer::GetServerDelay),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("TimeWait",
                          "TIME_WAIT of the connections this server closes first (sets "
                          "MaxSegLifetime = TimeWait / 2 on its sockets); 0: TCP's own "
                          "(2 x TcpSocketBase::MaxSegLifetime).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PackMimeServer::m_timeWait),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Request",
                            "A whole request was received (with the delay drawn for it).",
                            MakeTraceSourceAccessor(&PackMimeServer::m_requestTrace),
                            "ns3::PackMimeServer::RequestTracedCallback");
    return tid;
}

PackMimeServer::PackMimeServer()
    : PackMimeApplication(m_sessions),
      m_port(5001),
      m_serverDelayShared(false)
{
    NS_LOG_FUNCTION(this);
}

PackMimeServer::~PackMimeServer()
{
    NS_LOG_FUNCTION(this);
}

int64_t
PackMimeServer::AssignStreams(int64_t stream)
{
    if (m_serverDelay && !m_serverDelayShared)
    {
        m_serverDelay->SetStream(stream);
        return 1;
    }
    return 0;
}

void
PackMimeServer::SetServerDelay(Ptr<RandomVariableStream> delay)
{
    m_serverDelay = delay;
    m_serverDelayShared = false;
}

uint16_t
PackMimeServer::GetPort() const
{
    return m_port;
}

Ptr<RandomVariableStream>
PackMimeServer::GetServerDelay() const
{
    return m_serverDelay;
}

void
PackMimeServer::UseSharedServerDelay(Ptr<RandomVariableStream> delay)
{
    m_serverDelay = delay;
    m_serverDelayShared = true;
}

void
PackMimeServer::DoDispose()
{
    m_serverDelay = nullptr;
    PackMimeApplication::DoDispose();
}

void
PackMimeServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_listener)
    {
        return;
    }
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    PACKMIME_FATAL_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                      "PackMimeServer on node " << GetNode()->GetId() << ": cannot bind port "
                                                << m_port << " (Port attribute)");
    SetTimeWait(m_listener);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeCallback(&PackMimeServer::HandleConnectionRequest, this),
                                  MakeCallback(&PackMimeServer::HandleAccept, this));
    m_listener6 = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    if (m_listener6->Bind(Inet6SocketAddress(Ipv6Address::GetAny(), m_port)) == 0)
    {
        SetTimeWait(m_listener6);
        m_listener6->Listen();
        m_listener6->SetAcceptCallback(MakeCallback(&PackMimeServer::HandleConnectionRequest, this),
                                       MakeCallback(&PackMimeServer::HandleAccept, this));
    }
    else
    {
        m_listener6 = nullptr; // no IPv6 on this node
    }
}

void
PackMimeServer::SetTimeWait(Ptr<Socket> listener) const
{
    // Accepted sockets are copies of the listener, so they inherit its MaxSegLifetime.
    if (m_timeWait.IsStrictlyPositive())
    {
        listener->SetAttribute("MaxSegLifetime", DoubleValue(m_timeWait.GetSeconds() / 2));
    }
}

void
PackMimeServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (Ptr<Socket> l : {m_listener, m_listener6})
    {
        if (l)
        {
            l->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                 MakeNullCallback<void, Ptr<Socket>, const Address&>());
            l->Close();
        }
    }
    m_listener = nullptr;
    m_listener6 = nullptr;
    PackMimeApplication::StopApplication();
}

void
PackMimeServer::AbortRunning()
{
    m_sessions.ForEachOpen(
        [this](Session* s)
        {
            s->tcp.Abort();
            Recycle(s);
        });
}

bool
PackMimeServer::HandleConnectionRequest(Ptr<Socket> socket, const Address& from)
{
    return true;
}

void
PackMimeServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    Session* session = m_sessions.Open();
    session->tcp.handlers = PackMimeTcpConnection::Handlers();
    session->tcp.handlers.request = [this, session](const PackMimeHeader& h)
    {
        HandleRequest(session, h);
    };
    TraceRx(session->tcp);
    session->tcp.handlers.closed = [this, session](bool error)
    {
        if (!error)
        {
            // The peer closed (or our own close completed): close our side too, then forget
            // the socket; TCP finishes the close on its own.
            session->tcp.CloseWhenSent();
        }
        session->tcp.Release();
        Recycle(session);
    };
    // Accepted sockets do not inherit the receive and send callbacks: set them here.
    session->tcp.Adopt(socket);
    session->tcp.ParseRequests();
}

void
PackMimeServer::HandleRequest(Session* session, const PackMimeHeader& header)
{
    Time delay = m_serverDelay ? Seconds(m_serverDelay->GetValue()) : Time(0);
    NS_LOG_INFO("request " << header << " delay " << delay.As(Time::MS));
    m_requestTrace(header, delay);
    if (header.GetResponseLength() == 0 && !header.IsLast())
    {
        return; // push flow: nothing to send back
    }
    if (delay.IsStrictlyPositive())
    {
        session->delayed = Simulator::Schedule(delay,
                                               &PackMimeServer::Respond,
                                               this,
                                               session,
                                               header.GetResponseLength(),
                                               header.IsLast());
    }
    else
    {
        Respond(session, header.GetResponseLength(), header.IsLast());
    }
}

void
PackMimeServer::Respond(Session* session, uint64_t bytes, bool last)
{
    if (bytes > 0)
    {
        session->tcp.SendBytes(bytes);
    }
    if (last)
    {
        session->tcp.CloseWhenSent();
    }
}

void
PackMimeServer::Recycle(Session* session)
{
    if (m_sessions.Close(session))
    {
        session->delayed.Cancel();
        session->tcp.handlers = PackMimeTcpConnection::Handlers();
    }
}

} // namespace ns3
