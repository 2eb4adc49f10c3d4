/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-client.h"

#include "pm-http-planner.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/trace-source-accessor.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeHttpClient");

NS_OBJECT_ENSURE_REGISTERED(PackMimeHttpClient);

TypeId
PackMimeHttpClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeHttpClient")
            .SetParent<PackMimeApplication>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeHttpClient>()
            .AddTraceSource("RequestSent",
                            "A request was handed to TCP (the record is not complete yet).",
                            MakeTraceSourceAccessor(&PackMimeHttpClient::m_requestSentTrace),
                            "ns3::PackMimeHttpExchangeRecord::TracedCallback")
            .AddTraceSource("ResponseReceived",
                            "The last byte of a response arrived: a complete exchange.",
                            MakeTraceSourceAccessor(&PackMimeHttpClient::m_responseReceivedTrace),
                            "ns3::PackMimeHttpExchangeRecord::TracedCallback")
            .AddTraceSource("ConnectionClosed",
                            "A connection ended (closed, failed or aborted at the end): its "
                            "final record.",
                            MakeTraceSourceAccessor(&PackMimeHttpClient::m_closedTrace),
                            "ns3::PackMimeHttpConnectionRecord::TracedCallback");
    return tid;
}

PackMimeHttpClient::PackMimeHttpClient()
    : PackMimeApplication(m_sessions)
{
    NS_LOG_FUNCTION(this);
}

PackMimeHttpClient::~PackMimeHttpClient()
{
    NS_LOG_FUNCTION(this);
}

void
PackMimeHttpClient::StartConnection(const PackMimeHttpConnectionRecord& record,
                                    const pm_http_request* requests,
                                    const Address& server)
{
    NS_LOG_FUNCTION(this << record.id << server);
    Session* session = m_sessions.Open();
    session->record = record;
    session->record.start = Simulator::Now();
    session->requests.assign(requests, requests + record.requests);
    session->next = 0;
    PackMimeTcpConnection& tcp = session->tcp;
    tcp.handlers = PackMimeTcpConnection::Handlers();
    tcp.handlers.connectFailed = [this, session]()
    {
        End(session, PackMimeHttpConnectionRecord::CONNECT_FAILED);
    };
    tcp.handlers.responseDone = [this, session]()
    {
        HandleResponse(session);
    };
    tcp.handlers.closed = [this, session](bool error)
    {
        HandleClosed(session, error);
    };
    TraceRx(tcp);
    tcp.Open(GetNode(), server);
    if (session->inUse && tcp.IsAttached())
    {
        // The port names the connection for observers of the network (DelayBox flows).
        session->record.clientPort = tcp.GetLocalPort();
        // ns-2: the first request is due at once; TCP sends it after the handshake.
        SendRequest(session);
    }
}

void
PackMimeHttpClient::SendRequest(Session* session)
{
    const pm_http_request& r = session->requests[session->next];
    PackMimeHeader header;
    header.SetId(session->record.id);
    // Requests shorter than the header still travel as the 24-byte header.
    header.SetRequestLength(std::max<uint64_t>(r.req_bytes, PackMimeHeader::SIZE));
    header.SetResponseLength(r.rsp_bytes);
    header.SetLast(session->next + 1 == session->record.requests);
    session->sent = Simulator::Now();
    session->tcp.ExpectResponse(r.rsp_bytes);
    session->tcp.SendRequest(header);
    NS_LOG_INFO("connection " << session->record.id << " request " << session->next << ": "
                              << r.req_bytes << " B, response " << r.rsp_bytes << " B");
    m_requestSentTrace(MakeExchange(session));
}

PackMimeHttpExchangeRecord
PackMimeHttpClient::MakeExchange(const Session* session) const
{
    const pm_http_request& r = session->requests[session->next];
    PackMimeHttpExchangeRecord exchange;
    exchange.connection = session->record.id;
    exchange.request = session->next;
    exchange.reqBytes = r.req_bytes;
    exchange.rspBytes = r.rsp_bytes;
    exchange.client = session->record.client;
    exchange.server = session->record.server;
    exchange.sent = session->sent;
    return exchange;
}

void
PackMimeHttpClient::HandleResponse(Session* session)
{
    PackMimeHttpExchangeRecord exchange = MakeExchange(session);
    exchange.complete = true;
    exchange.completed = Simulator::Now();
    session->record.pairs++;
    session->next++;
    if (session->next < session->record.requests)
    {
        session->think = Simulator::Schedule(Seconds(session->requests[session->next].gap),
                                             &PackMimeHttpClient::SendRequest,
                                             this,
                                             session);
    }
    // Traced last: a sink may end the run (Simulator::Stop) but never touches the session.
    m_responseReceivedTrace(exchange);
}

void
PackMimeHttpClient::HandleClosed(Session* session, bool error)
{
    NS_LOG_FUNCTION(this << session->record.id << error);
    if (error)
    {
        End(session, PackMimeHttpConnectionRecord::RESET);
        return;
    }
    // The server closed: close our side too, then forget the socket (TCP finishes alone).
    session->tcp.CloseWhenSent();
    session->tcp.Release();
    bool done = session->record.pairs == session->record.requests;
    End(session,
        done ? PackMimeHttpConnectionRecord::OK : PackMimeHttpConnectionRecord::CLOSED_EARLY);
}

void
PackMimeHttpClient::End(Session* session, PackMimeRecordStatus::Status code)
{
    if (!session->inUse)
    {
        return;
    }
    session->think.Cancel();
    session->tcp.Abort(); // no-op once released; a released connection raises no events
    session->record.success = code == PackMimeHttpConnectionRecord::OK;
    session->record.code = code;
    session->record.error = PackMimeRecordStatus::Name(code);
    if (code != PackMimeHttpConnectionRecord::INCOMPLETE)
    {
        session->record.closed = Simulator::Now();
    }
    PackMimeHttpConnectionRecord record = session->record;
    m_sessions.Close(session);
    m_closedTrace(record);
}

void
PackMimeHttpClient::AbortRunning()
{
    m_sessions.ForEachOpen(
        [this](Session* s)
        {
            End(s, PackMimeHttpConnectionRecord::INCOMPLETE);
        });
}

} // namespace ns3
