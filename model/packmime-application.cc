/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-application.h"

#include "ns3/log.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeApplication");

NS_OBJECT_ENSURE_REGISTERED(PackMimeApplication);

TypeId
PackMimeApplication::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeApplication")
            .SetParent<Application>()
            .SetGroupName("PackMime")
            .AddTraceSource("Rx",
                            "Bytes read from the application's TCP connections (headers and "
                            "payload).",
                            MakeTraceSourceAccessor(&PackMimeApplication::m_rxTrace),
                            "ns3::PackMimeApplication::BytesTracedCallback");
    return tid;
}

PackMimeApplication::PackMimeApplication(PackMimeSessions& sessions)
    : m_sessions(sessions)
{
    NS_LOG_FUNCTION(this);
}

PackMimeApplication::~PackMimeApplication()
{
    NS_LOG_FUNCTION(this);
}

uint32_t
PackMimeApplication::GetOpenConnections() const
{
    return m_sessions.GetOpen();
}

uint64_t
PackMimeApplication::GetConnectionsOpened() const
{
    return m_sessions.GetOpened();
}

uint32_t
PackMimeApplication::GetSessionsAllocated() const
{
    return m_sessions.GetAllocated();
}

void
PackMimeApplication::DoDispose()
{
    NS_LOG_FUNCTION(this);
    // Released first, the connections send nothing when StopApplication aborts them.
    m_sessions.ReleaseSockets();
    StopApplication();
    m_sessions.Clear();
    Application::DoDispose();
}

void
PackMimeApplication::StartApplication()
{
    NS_LOG_FUNCTION(this);
}

void
PackMimeApplication::StopApplication()
{
    NS_LOG_FUNCTION(this);
    AbortRunning();
}

void
PackMimeApplication::TraceRx(PackMimeTcpConnection& tcp)
{
    tcp.handlers.received = [this](uint32_t bytes)
    {
        m_rxTrace(bytes);
    };
}

} // namespace ns3
