/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-generator.h"

#include "gsl-rng-stream.h"
#include "packmime-compat.h"
#include "packmime-csv-writer.h"
#include "packmime-http-random-variable.h"
#include "pm-http-planner.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/packmime-fatal.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeHttpGenerator");

NS_OBJECT_ENSURE_REGISTERED(PackMimeHttpGenerator);

static_assert(PackMimeHttpGenerator::STREAMS == PM_HTTP_XMIT_CLIENT,
              "one stream per model variable before the transmission delays");
static_assert(int(PackMimeHttpGenerator::FSD_FAST) == PM_FSD_FAST &&
                  int(PackMimeHttpGenerator::FSD_HOSKING) == PM_FSD_HOSKING,
              "FsdMethod and pm_fsd_method share values");

// Every replaceable model variable, in pm_http_var order: attribute, what it is (with
// ns-2's command), and the member holding the replacement.
const PackMimeHttpGenerator::Variable PackMimeHttpGenerator::VARIABLES[STREAMS] = {
    {"FlowArrive",
     "connection inter-arrival time (s); ns-2 set-flow_arrive",
     &PackMimeHttpGenerator::m_flowArrive},
    {"ReqSize",
     "request size (bytes, truncated; < 1 becomes 1); ns-2 set-req_size",
     &PackMimeHttpGenerator::m_reqSize},
    {"RspSize",
     "response size (bytes, truncated; < 1 becomes 1); ns-2 set-rsp_size",
     &PackMimeHttpGenerator::m_rspSize},
    {"ServerDelay",
     "server delay (s); ns-2 set-server_delay",
     &PackMimeHttpGenerator::m_serverDelayRv},
    {"PersistRspSize",
     "responses 2..n of a persistent connection (bytes; the PmPersistRspSize rule)",
     &PackMimeHttpGenerator::m_persistRspSize},
    {"ProbPersistent",
     "persistent flag (non-zero: persistent); ns-2 set-prob_persistent",
     &PackMimeHttpGenerator::m_probPersistent},
    {"NumPages",
     "pages of a persistent connection (rounded up); ns-2 set-num_pages",
     &PackMimeHttpGenerator::m_numPages},
    {"ProbSingleObj",
     "single-object page flag (non-zero: one object); ns-2 set-prob_single_obj",
     &PackMimeHttpGenerator::m_probSingleObj},
    {"ObjsPerPage",
     "objects of a multi-object page (rounded up); ns-2 set-objs_per_page",
     &PackMimeHttpGenerator::m_objsPerPage},
    {"TimeBtwnPages",
     "think time before a new page (s); ns-2 set-time_btwn_pages",
     &PackMimeHttpGenerator::m_timeBtwnPages},
    {"TimeBtwnObjs",
     "think time between objects of a page (s); ns-2 set-time_btwn_objs",
     &PackMimeHttpGenerator::m_timeBtwnObjs},
};

TypeId
PackMimeHttpGenerator::GetTypeId()
{
    static TypeId tid = []()
    {
        TypeId t =
            TypeId("ns3::PackMimeHttpGenerator")
                .SetParent<PackMimeWorkload>()
                .SetGroupName("PackMime")
                .AddConstructor<PackMimeHttpGenerator>()
                .AddAttribute("Rate",
                              "New connections per second over all node pairs (> 0); also the "
                              "covariate of every rate-dependent model parameter.",
                              DoubleValue(10.0),
                              MakeDoubleAccessor(&PackMimeHttpGenerator::m_rate),
                              MakeDoubleChecker<double>())
                .AddAttribute("HttpVersion",
                              "1.0 (one request per connection) or 1.1 (persistent connections).",
                              StringValue("1.0"),
                              MakeStringAccessor(&PackMimeHttpGenerator::m_version),
                              MakeStringChecker())
                .AddAttribute("PmPersistReqSize",
                              "HTTP/1.1: one request size per persistent connection (ns-2's "
                              "default); false = a new size per request (no-pm-persistent-reqsz).",
                              BooleanValue(true),
                              MakeBooleanAccessor(&PackMimeHttpGenerator::m_pmPersistReqSize),
                              MakeBooleanChecker())
                .AddAttribute("PmPersistRspSize",
                              "HTTP/1.1: responses 2..n from the persistent-response model (ns-2's "
                              "default); false = from the ordinary response model "
                              "(no-pm-persistent-rspsz).",
                              BooleanValue(true),
                              MakeBooleanAccessor(&PackMimeHttpGenerator::m_pmPersistRspSize),
                              MakeBooleanChecker())
                .AddAttribute("ThinkPerConnection",
                              "Draw the think-time random effects per connection (false: once per "
                              "run, as ns-2 does).",
                              BooleanValue(false),
                              MakeBooleanAccessor(&PackMimeHttpGenerator::m_thinkPerConnection),
                              MakeBooleanChecker())
                .AddAttribute("MaxSize",
                              "Cap on model sizes in bytes (0: none; sizes are 64-bit).",
                              UintegerValue(0),
                              MakeUintegerAccessor(&PackMimeHttpGenerator::m_maxSize),
                              MakeUintegerChecker<uint64_t>())
                .AddAttribute("Fsd",
                              "Generator of the long-range-dependent series: fast or hosking.",
                              EnumValue(FSD_FAST),
                              PackMimeMakeEnumAccessor<FsdMethod>(&PackMimeHttpGenerator::m_fsd),
                              MakeEnumChecker(FSD_FAST, "fast", FSD_HOSKING, "hosking"))
                .AddAttribute("FsdTheta",
                              "Force the white-noise share theta of every long-range-dependent "
                              "series (inter-arrivals, request sizes) to this value in [0, 1], "
                              "for validation (1: independent values, no long-range dependence); "
                              "negative: the model's rate-dependent theta.",
                              DoubleValue(-1),
                              MakeDoubleAccessor(&PackMimeHttpGenerator::m_fsdTheta),
                              MakeDoubleChecker<double>(-1, 1))
                .AddAttribute("Warmup",
                              "Exchanges whose request was sent before this time are not logged "
                              "(pairs file, size and response-time summary) nor counted in the "
                              "offered load; ns-2 set-warmup.",
                              TimeValue(Seconds(0)),
                              MakeTimeAccessor(&PackMimeHttpGenerator::m_warmup),
                              MakeTimeChecker(Seconds(0)))
                .AddAttribute("PairsFile",
                              "CSV file of completed exchanges after Warmup (\"\": none): "
                              "t_complete,conn_id,req_idx,req_bytes,rsp_bytes,resp_time_ms,server,"
                              "active_conns.",
                              StringValue(""),
                              MakeStringAccessor(&PackMimeHttpGenerator::m_pairsPath),
                              MakeStringChecker())
                .AddAttribute("ConnectionsFile",
                              "CSV file with one row per connection (\"\": none): conn_id,t_start,"
                              "client,server,n_reqs,persistent,req_bytes_total,rsp_bytes_total,"
                              "t_closed,success,error.",
                              StringValue(""),
                              MakeStringAccessor(&PackMimeHttpGenerator::m_connectionsPath),
                              MakeStringChecker())
                .AddTraceSource("RequestSent",
                                "A request was handed to TCP (the record is not complete yet).",
                                MakeTraceSourceAccessor(&PackMimeHttpGenerator::m_requestSentTrace),
                                "ns3::PackMimeHttpExchangeRecord::TracedCallback")
                .AddTraceSource(
                    "ResponseReceived",
                    "An exchange completed (any time, Warmup or not), with the number "
                    "of active connections.",
                    MakeTraceSourceAccessor(&PackMimeHttpGenerator::m_responseReceivedTrace),
                    "ns3::PackMimeHttpExchangeRecord::TracedCallback")
                .AddTraceSource(
                    "ConnectionClosed",
                    "A connection ended: its final record (exactly one per connection).",
                    MakeTraceSourceAccessor(&PackMimeHttpGenerator::m_closedTrace),
                    "ns3::PackMimeHttpConnectionRecord::TracedCallback");
        for (int v = 0; v < STREAMS; v++)
        {
            t.AddAttribute(VARIABLES[v].attribute,
                           std::string("Replacement for the model's ") + VARIABLES[v].help +
                               " (null: the model).",
                           PointerValue(),
                           MakePointerAccessor(VARIABLES[v].replacement),
                           MakePointerChecker<RandomVariableStream>());
        }
        return t;
    }();
    return tid;
}

PackMimeHttpGenerator::PackMimeHttpGenerator()
    : m_rate(10.0),
      m_pmPersistReqSize(true),
      m_pmPersistRspSize(true),
      m_thinkPerConnection(false),
      m_maxSize(0),
      m_fsd(FSD_FAST),
      m_fsdTheta(-1),
      m_pending(std::make_unique<pm_http_connection>())
{
    NS_LOG_FUNCTION(this);
    for (auto& r : m_rng)
    {
        r = CreateObject<GslRngStream>();
    }
}

PackMimeHttpGenerator::~PackMimeHttpGenerator()
{
    NS_LOG_FUNCTION(this);
    pm_http_planner_free(m_planner);
}

Ptr<RandomVariableStream>
PackMimeHttpGenerator::Replacement(int v) const
{
    return this->*VARIABLES[v].replacement;
}

void
PackMimeHttpGenerator::Validate() const
{
    PACKMIME_FATAL_IF(!(m_rate > 0) || !std::isfinite(m_rate),
                      "PackMimeHttpGenerator attribute Rate = "
                          << m_rate << ": expected new connections per second > 0");
    PACKMIME_FATAL_IF(m_version != "1.0" && m_version != "1.1",
                      "PackMimeHttpGenerator attribute HttpVersion = '"
                          << m_version << "': expected 1.0 or 1.1");
    CheckTimes();
}

void
PackMimeHttpGenerator::SetPairs(const std::vector<Ptr<PackMimeHttpClient>>& clients,
                                const std::vector<Address>& servers,
                                const std::vector<uint32_t>& serverNodes)
{
    PACKMIME_FATAL_IF(
        clients.empty() || clients.size() != servers.size() || servers.size() != serverNodes.size(),
        "PackMimeHttpGenerator: " << clients.size() << " clients but " << servers.size()
                                  << " servers: expected equal, non-empty sets");
    m_clients = clients;
    m_servers = servers;
    m_serverNodes = serverNodes;
    m_serverPorts.clear();
    for (const auto& server : servers)
    {
        m_serverPorts.insert(PackMimeTcpConnection::PortOf(server));
    }
    for (auto& c : m_clients)
    {
        c->TraceConnectWithoutContext(
            "RequestSent",
            MakeCallback(&PackMimeHttpGenerator::HandleRequestSent, this));
        c->TraceConnectWithoutContext("ResponseReceived",
                                      MakeCallback(&PackMimeHttpGenerator::HandleResponse, this));
        c->TraceConnectWithoutContext("ConnectionClosed",
                                      MakeCallback(&PackMimeHttpGenerator::HandleClosed, this));
    }
}

Ptr<RandomVariableStream>
PackMimeHttpGenerator::GetServerDelay()
{
    if (!m_serverDelay)
    {
        m_serverDelay = m_serverDelayRv;
    }
    if (!m_serverDelay)
    {
        Validate(); // the model's variable needs a valid Rate
        // PackMimeHttpRandomVariable's enum attributes are int-valued on every ns-3.
        m_serverDelay = CreateObjectWithAttributes<PackMimeHttpRandomVariable>(
            "Variable",
            EnumValue(static_cast<int>(PM_HTTP_SERVER_DELAY)),
            "Rate",
            DoubleValue(m_rate),
            "Fsd",
            EnumValue(static_cast<int>(m_fsd)));
    }
    return m_serverDelay;
}

int64_t
PackMimeHttpGenerator::AssignStreams(int64_t stream)
{
    for (int v = 0; v < STREAMS; v++)
    {
        if (v == PM_HTTP_SERVER_DELAY)
        {
            GetServerDelay()->SetStream(stream + v);
        }
        else if (Ptr<RandomVariableStream> r = Replacement(v))
        {
            r->SetStream(stream + v);
        }
        else
        {
            m_rng[v]->SetStream(stream + v);
        }
    }
    return STREAMS;
}

double
PackMimeHttpGenerator::DrawReplacement(void* rv)
{
    return static_cast<RandomVariableStream*>(rv)->GetValue();
}

void
PackMimeHttpGenerator::DoStart()
{
    NS_LOG_FUNCTION(this);
    Validate();
    PACKMIME_FATAL_IF(m_clients.empty(),
                      "PackMimeHttpGenerator: no node pairs (install it with PackMimeHttpHelper)");
    pm_http_planner_config cfg = {};
    cfg.options.rate = m_rate;
    cfg.options.fsd = pm_fsd_method(m_fsd);
    cfg.options.think_per_connection = m_thinkPerConnection;
    cfg.options.max_size = m_maxSize;
    cfg.options.force_theta = m_fsdTheta >= 0;
    cfg.options.theta = m_fsdTheta;
    cfg.http11 = m_version == "1.1";
    cfg.no_persist_req_size = !m_pmPersistReqSize;
    cfg.no_persist_rsp_size = !m_pmPersistRspSize;
    gsl_rng* rngs[PM_HTTP_VAR_COUNT] = {};
    for (int v = 0; v < STREAMS; v++)
    {
        rngs[v] = m_rng[v]->Get();
        if (Ptr<RandomVariableStream> r = Replacement(v); r && v != PM_HTTP_SERVER_DELAY)
        {
            cfg.sources[v].sample = &PackMimeHttpGenerator::DrawReplacement;
            cfg.sources[v].ctx = PeekPointer(r);
        }
    }
    pm_error err;
    m_planner = pm_http_planner_new(&cfg, rngs, &err);
    PACKMIME_FATAL_IF(!m_planner,
                      "PackMimeHttpGenerator (Rate, HttpVersion, Fsd): " << err.message);
    if (!m_pairsPath.empty())
    {
        m_pairsCsv =
            Create<PackMimeHttpExchangeCsvWriter>(OpenOutput(m_pairsPath, "PairsFile"), m_warmup);
        TraceConnectWithoutContext("ResponseReceived",
                                   MakeCallback(&PackMimeHttpExchangeCsvWriter::Write, m_pairsCsv));
    }
    if (!m_connectionsPath.empty())
    {
        m_connectionsCsv = Create<PackMimeHttpConnectionCsvWriter>(
            OpenOutput(m_connectionsPath, "ConnectionsFile"));
        TraceConnectWithoutContext(
            "ConnectionClosed",
            MakeCallback(&PackMimeHttpConnectionCsvWriter::Write, m_connectionsCsv));
    }
    PlanNext(); // the first connection has no gap: it starts now
}

void
PackMimeHttpGenerator::PlanNext()
{
    pm_http_connection c;
    pm_error err;
    PACKMIME_FATAL_IF(pm_http_planner_next(m_planner, &c, &err) != PM_OK,
                      "PackMimeHttpGenerator: " << err.message);
    // Keep a copy: the planner reuses its request buffer at the next call.
    m_pendingRequests.assign(c.requests, c.requests + c.n_requests);
    *m_pending = c;
    m_pending->requests = m_pendingRequests.data();
    m_next = Simulator::Schedule(Seconds(c.gap), &PackMimeHttpGenerator::Arrive, this);
}

void
PackMimeHttpGenerator::Arrive()
{
    if (IsStopped() || (!GetStopTime().IsZero() && Simulator::Now() >= GetStopTime()))
    {
        Stop();
        return;
    }
    const pm_http_connection& c = *m_pending;
    m_pair = (m_pair + 1) % m_clients.size(); // advanced before use, as in ns-2
    PackMimeHttpConnectionRecord record;
    record.id = c.id;
    record.client = m_clients[m_pair]->GetNode()->GetId();
    record.server = m_serverNodes[m_pair];
    record.requests = uint32_t(c.n_requests);
    record.persistent = c.persistent;
    for (size_t k = 0; k < c.n_requests; k++)
    {
        record.reqBytes += c.requests[k].req_bytes;
        record.rspBytes += c.requests[k].rsp_bytes;
    }
    m_summary.connections++;
    m_summary.active++;
    if (Simulator::Now() >= m_warmup)
    {
        m_summary.windowConnections++;
        m_summary.offeredReqBytes += record.reqBytes;
        m_summary.offeredRspBytes += record.rspBytes;
    }
    m_clients[m_pair]->StartConnection(record, c.requests, m_servers[m_pair]);
    if (!IsStopped()) // a trace sink may have stopped the generator
    {
        PlanNext();
    }
}

void
PackMimeHttpGenerator::DoStop()
{
    NS_LOG_FUNCTION(this);
    m_next.Cancel();
}

void
PackMimeHttpGenerator::HandleRequestSent(const PackMimeHttpExchangeRecord& exchange)
{
    m_summary.requests++;
    m_requestSentTrace(exchange);
}

void
PackMimeHttpGenerator::HandleResponse(const PackMimeHttpExchangeRecord& exchange)
{
    PackMimeHttpExchangeRecord p = exchange;
    p.active = m_summary.active;
    m_summary.pairs++;
    if (p.sent >= m_warmup)
    {
        m_summary.pairsLogged++;
        m_reqSizes.Add(double(p.reqBytes));
        m_rspSizes.Add(double(p.rspBytes));
        m_responseTimes.Add(p.GetResponseTime().GetSeconds());
    }
    m_responseReceivedTrace(p);
}

void
PackMimeHttpGenerator::ObserveDelayBox(Ptr<PackMimeDelayBox> box, uint32_t side)
{
    PACKMIME_FATAL_IF(side > 1,
                      "PackMimeHttpGenerator::ObserveDelayBox: side " << side
                                                                      << "; expected 0 or 1");
    box->TraceConnectWithoutContext(
        "FlowStarted",
        MakeBoundCallback(&PackMimeHttpGenerator::HandleDelayBoxFlowOf, this, side));
}

void
PackMimeHttpGenerator::HandleDelayBoxFlowOf(PackMimeHttpGenerator* generator,
                                            uint32_t side,
                                            const PackMimeDelayBoxFlow& flow)
{
    generator->HandleDelayBoxFlow(side, flow);
}

void
PackMimeHttpGenerator::HandleDelayBoxFlow(uint32_t side, const PackMimeDelayBoxFlow& flow)
{
    // A flow of this generator goes from one of its clients to its servers' port.
    bool ours = flow.protocol == 6 &&
                m_serverPorts.count(PackMimeTcpConnection::PortOf(flow.responder)) &&
                std::any_of(m_clients.begin(),
                            m_clients.end(),
                            [&flow](const auto& c)
                            {
                                return c->GetNode()->GetId() == flow.initiatorNode;
                            });
    if (ours)
    {
        auto key =
            std::make_pair(flow.initiatorNode, PackMimeTcpConnection::PortOf(flow.initiator));
        auto& delays =
            m_pathDelays.emplace(key, PackMimeHttpConnectionRecord().pathDelayMs).first->second;
        for (int dir = 0; dir < 2; dir++)
        {
            delays[side][dir] = flow.delay[dir].GetSeconds() * 1e3;
        }
    }
}

void
PackMimeHttpGenerator::HandleClosed(const PackMimeHttpConnectionRecord& closed)
{
    PackMimeHttpConnectionRecord record = closed;
    auto delays = m_pathDelays.find({record.client, record.clientPort});
    if (delays != m_pathDelays.end())
    {
        record.pathDelayMs = delays->second;
        m_pathDelays.erase(delays);
    }
    m_summary.active--;
    if (record.success)
    {
        m_summary.succeeded++;
    }
    else if (record.code == PackMimeHttpConnectionRecord::INCOMPLETE)
    {
        m_summary.incomplete++;
    }
    else
    {
        m_summary.failed++;
    }
    m_closedTrace(record);
}

PackMimeHttpGenerator::Summary
PackMimeHttpGenerator::GetSummary() const
{
    Summary s = m_summary;
    s.rate = m_rate;
    s.version = m_version;
    s.warmup = m_warmup.GetSeconds();
    uint64_t sessions = 0;
    for (const auto& c : m_clients)
    {
        sessions += c->GetSessionsAllocated();
    }
    s.sessionsAllocated = sessions;
    Time from = std::max(GetStartedAt(), m_warmup);
    Time to = IsStopped() ? GetStoppedAt() : Simulator::Now();
    s.window = IsStarted() && to > from ? (to - from).GetSeconds() : 0.0;
    s.offeredUpMbps = s.window > 0 ? s.offeredReqBytes * 8.0 / s.window / 1e6 : 0.0;
    s.offeredDownMbps = s.window > 0 ? s.offeredRspBytes * 8.0 / s.window / 1e6 : 0.0;
    const double levels[4] = {0.1, 0.5, 0.9, 0.99};
    for (int i = 0; i < 4; i++)
    {
        s.reqSize[i] = m_reqSizes.Quantile(levels[i]);
        s.rspSize[i] = m_rspSizes.Quantile(levels[i]);
    }
    s.responseTimeMs[0] = m_responseTimes.Quantile(0.5) * 1e3;
    s.responseTimeMs[1] = m_responseTimes.Quantile(0.99) * 1e3;
    return s;
}

void
PackMimeHttpGenerator::DoPrintSummary(std::ostream& os) const
{
    GetSummary().Print(os);
}

std::string
PackMimeHttpGenerator::DoProgressText() const
{
    Summary s = GetSummary();
    return "connections " + std::to_string(s.connections) + " (" + std::to_string(s.active) +
           " open), pairs done " + std::to_string(s.pairs);
}

void
PackMimeHttpGenerator::AddSummaryValues(PackMimeSummary& summary) const
{
    GetSummary().AddTo(summary);
}

void
PackMimeHttpGenerator::DoFinish()
{
    NS_LOG_FUNCTION(this);
    for (auto& c : m_clients)
    {
        c->AbortRunning();
    }
    for (Ptr<PackMimeCsvWriter> csv :
         {Ptr<PackMimeCsvWriter>(m_pairsCsv), Ptr<PackMimeCsvWriter>(m_connectionsCsv)})
    {
        if (csv)
        {
            csv->Close();
        }
    }
    m_pairsCsv = nullptr;
    m_connectionsCsv = nullptr;
}

void
PackMimeHttpGenerator::DoDispose()
{
    PackMimeWorkload::DoDispose(); // finishes the run first: it needs the clients
    m_clients.clear();
    m_serverDelay = nullptr;
    for (int v = 0; v < STREAMS; v++)
    {
        this->*VARIABLES[v].replacement = nullptr;
    }
}

} // namespace ns3
