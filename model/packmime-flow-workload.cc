/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-workload.h"

#include "gsl-rng-stream.h"
#include "packmime-address.h"
#include "packmime-compat.h"
#include "packmime-csv-writer.h"
#include "packmime-incast.h"
#include "packmime-traffic-matrix-schedule.h"
#include "pm-arrivals.h"
#include "pm-builtin-cdfs.h"
#include "pm-ecdf.h"
#include "pm-patterns.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/packmime-fatal.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/trace-source-accessor.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeFlowWorkload");

NS_OBJECT_ENSURE_REGISTERED(PackMimeFlowWorkload);

static_assert(int(PackMimeFlowWorkload::BITS_PER_EPOCH) == PM_TM_BITS_PER_EPOCH &&
                  int(PackMimeFlowWorkload::BYTES_PER_EPOCH) == PM_TM_BYTES_PER_EPOCH &&
                  int(PackMimeFlowWorkload::BITS_PER_SECOND) == PM_TM_BITS_PER_SECOND,
              "TmUnit and pm_tm_unit share values");

namespace
{
/// The core's reading of a resolved Mode (MODE_LINEAR or MODE_STEP).
pm_ecdf_mode
CoreMode(PackMimeFlowWorkload::Mode mode)
{
    return mode == PackMimeFlowWorkload::MODE_STEP ? PM_ECDF_STEP : PM_ECDF_LINEAR;
}

} // namespace

TypeId
PackMimeFlowWorkload::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeFlowWorkload")
            .SetParent<PackMimeWorkload>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeFlowWorkload>()
            .AddAttribute("Cdf",
                          "Flow-size distribution: a built-in CDF name (websearch, "
                          "datamining, fb_hadoop, fb_webserver, ...) or a CDF file path.",
                          StringValue("websearch"),
                          MakeStringAccessor(&PackMimeFlowWorkload::m_cdf),
                          MakeStringChecker())
            .AddAttribute("Mode",
                          "CDF reading: default (the CDF's own), linear or step.",
                          EnumValue(PackMimeFlowWorkload::MODE_DEFAULT),
                          PackMimeMakeEnumAccessor<Mode>(&PackMimeFlowWorkload::m_mode),
                          MakeEnumChecker(PackMimeFlowWorkload::MODE_DEFAULT,
                                          "default",
                                          PackMimeFlowWorkload::MODE_LINEAR,
                                          "linear",
                                          PackMimeFlowWorkload::MODE_STEP,
                                          "step"))
            .AddAttribute("Load",
                          "Offered load per sending host, as a fraction of LinkRate (0 < Load "
                          "< 1 unless AllowOverload).",
                          DoubleValue(0.5),
                          MakeDoubleAccessor(&PackMimeFlowWorkload::m_load),
                          MakeDoubleChecker<double>())
            .AddAttribute("LinkRate",
                          "Host link capacity the load refers to.",
                          DataRateValue(DataRate("10Gbps")),
                          MakeDataRateAccessor(&PackMimeFlowWorkload::m_linkRate),
                          MakeDataRateChecker())
            .AddAttribute("TargetRate",
                          "Aggregate offered payload rate over all hosts; when > 0 it replaces "
                          "Load.",
                          DataRateValue(DataRate(0)),
                          MakeDataRateAccessor(&PackMimeFlowWorkload::m_targetRate),
                          MakeDataRateChecker())
            .AddAttribute("Overhead",
                          "Wire-overhead factor h >= 1 dividing the rate (bytes on the wire per "
                          "payload byte); 1 = payload load.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&PackMimeFlowWorkload::m_overhead),
                          MakeDoubleChecker<double>(1.0))
            .AddAttribute("AllowOverload",
                          "Accept Load >= 1 (the backlog then grows without bound).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PackMimeFlowWorkload::m_allowOverload),
                          MakeBooleanChecker())
            .AddAttribute("Pattern",
                          "Source-destination pattern: all-to-all, permutation (a fixed random "
                          "derangement) or matrix (SetMatrix/SetPairs).",
                          EnumValue(PackMimeFlowWorkload::ALL_TO_ALL),
                          PackMimeMakeEnumAccessor<Pattern>(&PackMimeFlowWorkload::m_pattern),
                          MakeEnumChecker(PackMimeFlowWorkload::ALL_TO_ALL,
                                          "all-to-all",
                                          PackMimeFlowWorkload::PERMUTATION,
                                          "permutation",
                                          PackMimeFlowWorkload::MATRIX,
                                          "matrix",
                                          PackMimeFlowWorkload::TRAFFIC_MATRIX,
                                          "tm"))
            .AddAttribute("MaxFlows",
                          "Stop after this many background flows (0: no limit).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PackMimeFlowWorkload::m_maxFlows),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("IncastLoad",
                          "Incast requests offered as this fraction of the total host capacity "
                          "(hosts x LinkRate); 0 disables incast.",
                          DoubleValue(0.0),
                          MakeDoubleAccessor(&PackMimeFlowWorkload::m_incastLoad),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("IncastFanout",
                          "Senders per incast request (distinct when possible).",
                          UintegerValue(8),
                          MakeUintegerAccessor(&PackMimeFlowWorkload::m_incastFanout),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("IncastSize",
                          "Bytes each incast sender answers (0: draw each from the CDF).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PackMimeFlowWorkload::m_incastSize),
                          MakeUintegerChecker<uint64_t>())
            .AddAttribute("BaseRtt",
                          "Round-trip propagation delay between hosts, for the ideal FCT.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&PackMimeFlowWorkload::m_baseRtt),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("Mss",
                          "Payload bytes per packet, for the ideal FCT.",
                          UintegerValue(1448),
                          MakeUintegerAccessor(&PackMimeFlowWorkload::m_mss),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("HeaderBytes",
                          "Header bytes per packet on the wire, for the ideal FCT (IP 20 + TCP "
                          "20 + timestamps 12 + PPP 2).",
                          UintegerValue(54),
                          MakeUintegerAccessor(&PackMimeFlowWorkload::m_headerBytes),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute(
                "Direction",
                "push: the source sends the flow; pull: the source requests it and the "
                "destination sends it back (the classic testbed generator). Incast "
                "flows are always pulls.",
                EnumValue(PackMimeFlowClient::PULL),
                PackMimeMakeEnumAccessor<PackMimeFlowClient::Direction>(
                    &PackMimeFlowWorkload::m_direction),
                MakeEnumChecker(PackMimeFlowClient::PUSH, "push", PackMimeFlowClient::PULL, "pull"))
            .AddAttribute("TmTrace",
                          "Traffic-matrix trace for Pattern=tm: a Janus binary prefix or a text "
                          "directory.",
                          StringValue(""),
                          MakeStringAccessor(&PackMimeFlowWorkload::m_tmPath),
                          MakeStringChecker())
            .AddAttribute("TmEpoch",
                          "Simulated duration of one matrix of the trace (the trace does not "
                          "store it).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PackMimeFlowWorkload::m_tmEpoch),
                          MakeTimeChecker(Time(1)))
            .AddAttribute("TmUnit",
                          "Unit of the matrix values: bits-per-epoch, bytes-per-epoch or "
                          "bits-per-second.",
                          EnumValue(PackMimeFlowWorkload::BITS_PER_EPOCH),
                          PackMimeMakeEnumAccessor<TmUnit>(&PackMimeFlowWorkload::m_tmUnit),
                          MakeEnumChecker(PackMimeFlowWorkload::BITS_PER_EPOCH,
                                          "bits-per-epoch",
                                          PackMimeFlowWorkload::BYTES_PER_EPOCH,
                                          "bytes-per-epoch",
                                          PackMimeFlowWorkload::BITS_PER_SECOND,
                                          "bits-per-second"))
            .AddAttribute("TmScale",
                          "Factor applied to every matrix value.",
                          DoubleValue(1.0),
                          MakeDoubleAccessor(&PackMimeFlowWorkload::m_tmScale),
                          MakeDoubleChecker<double>(0.0))
            .AddAttribute("TmFirstKey",
                          "Time key to start the trace from (the last epoch at or before it; the "
                          "default starts at the first).",
                          IntegerValue(INT64_MIN),
                          MakeIntegerAccessor(&PackMimeFlowWorkload::m_tmFirstKey),
                          MakeIntegerChecker<int64_t>())
            .AddAttribute("CsvFile",
                          "Write one CSV row per flow to this file (empty: no file).",
                          StringValue(""),
                          MakeStringAccessor(&PackMimeFlowWorkload::m_csvPath),
                          MakeStringChecker())
            .AddTraceSource("FlowCompleted",
                            "A flow ended (completed, failed or incomplete): exactly one call per "
                            "flow.",
                            MakeTraceSourceAccessor(&PackMimeFlowWorkload::m_flowTrace),
                            "ns3::PackMimeFlowRecord::TracedCallback")
            .AddTraceSource("ArrivalsEnded",
                            "The last flow arrived (MaxFlows reached, StopTime passed, the "
                            "traffic-matrix trace over or Stop called): what remains is "
                            "draining. Fired once.",
                            MakeTraceSourceAccessor(&PackMimeFlowWorkload::m_arrivalsEnded),
                            "ns3::TracedValueCallback::Void");
    return tid;
}

std::string
PackMimeFlowWorkload::CheckCdf(const std::string& cdf)
{
    pm_error err;
    pm_ecdf* e = pm_cdf_open(cdf.c_str(), &err);
    pm_ecdf_free(e);
    return e ? "" : err.message;
}

std::string
PackMimeFlowWorkload::CheckTrafficMatrix(const std::string& path, uint32_t* n, size_t* epochs)
{
    return PackMimeTrafficMatrixSchedule::Check(path, n, epochs);
}

std::string
PackMimeFlowWorkload::CheckLoad(double load, bool allowOverload, const std::string& overloadHint)
{
    if (!(load > 0))
    {
        return "expected a value > 0";
    }
    if (load >= 1 && !allowOverload)
    {
        return "expected < 1 (the offered load would exceed the link; " + overloadHint + ")";
    }
    return "";
}

PackMimeFlowWorkload::PackMimeFlowWorkload()
    : m_mode(MODE_DEFAULT),
      m_load(0.5),
      m_overhead(1.0),
      m_allowOverload(false),
      m_pattern(ALL_TO_ALL),
      m_maxFlows(0),
      m_incastLoad(0),
      m_incastFanout(8),
      m_incastSize(0),
      m_mss(1448),
      m_headerBytes(54),
      m_direction(PackMimeFlowClient::PULL),
      m_tmUnit(BITS_PER_EPOCH),
      m_tmScale(1.0),
      m_tmFirstKey(INT64_MIN),
      m_gapRng(CreateObject<GslRngStream>()),
      m_sizeRng(CreateObject<GslRngStream>()),
      m_pairRng(CreateObject<GslRngStream>()),
      m_incast(std::make_unique<PackMimeIncast>()),
      m_tm(std::make_unique<PackMimeTrafficMatrixSchedule>())
{
    NS_LOG_FUNCTION(this);
}

PackMimeFlowWorkload::~PackMimeFlowWorkload()
{
    pm_arrivals_free(m_arrivals);
    pm_ecdf_free(m_sizes);
}

void
PackMimeFlowWorkload::DoDispose()
{
    PackMimeWorkload::DoDispose(); // finishes the run first: it needs the clients
    m_clients.clear();
    m_serverApps.clear();
    m_hosts = NodeContainer();
}

void
PackMimeFlowWorkload::SetHosts(const NodeContainer& hosts,
                               const std::vector<Ptr<PackMimeFlowClient>>& clients,
                               const std::vector<Ptr<PackMimeServer>>& servers)
{
    PACKMIME_FATAL_IF(clients.size() != hosts.GetN() || servers.size() != hosts.GetN(),
                      "PackMimeFlowWorkload::SetHosts: " << hosts.GetN() << " hosts, "
                                                         << clients.size() << " clients, "
                                                         << servers.size()
                                                         << " servers: expected one of each per "
                                                            "host");
    m_hosts = hosts;
    m_clients = clients;
    m_serverApps = servers;
    Configure();
}

void
PackMimeFlowWorkload::SetMatrix(const std::vector<double>& weights)
{
    uint32_t n = m_hosts.GetN();
    PACKMIME_FATAL_IF(n == 0,
                      "PackMimeFlowWorkload::SetMatrix: install the workload on its hosts first");
    PACKMIME_FATAL_IF(weights.size() != size_t(n) * n,
                      "PackMimeFlowWorkload::SetMatrix: " << weights.size() << " weights, expected "
                                                          << n << " x " << n);
    m_matrix = weights;
    m_pattern = MATRIX;
    CreateArrivals(); // validates the weights now, before the run
}

void
PackMimeFlowWorkload::SetPairs(const std::vector<std::pair<uint32_t, uint32_t>>& pairs)
{
    uint32_t n = m_hosts.GetN();
    PACKMIME_FATAL_IF(n == 0,
                      "PackMimeFlowWorkload::SetPairs: install the workload on its hosts first");
    std::vector<double> weights(size_t(n) * n, 0.0);
    for (const auto& [s, d] : pairs)
    {
        PACKMIME_FATAL_IF(s >= n || d >= n || s == d,
                          "PackMimeFlowWorkload::SetPairs: pair (" << s << ", " << d
                                                                   << ") is not two distinct host "
                                                                      "indexes below "
                                                                   << n);
        weights[size_t(s) * n + d] = 1.0;
    }
    SetMatrix(weights);
}

int64_t
PackMimeFlowWorkload::AssignStreams(int64_t stream)
{
    int64_t current = stream;
    for (Ptr<GslRngStream> r : {m_gapRng, m_sizeRng, m_pairRng})
    {
        current += r->AssignStreams(current);
    }
    current += m_incast->AssignStreams(current);
    current += m_tm->AssignStreams(current);
    return current - stream;
}

void
PackMimeFlowWorkload::Configure()
{
    uint32_t n = m_hosts.GetN();
    PACKMIME_FATAL_IF(n < 2,
                      "PackMimeFlowWorkload: " << n
                                               << " host(s): at least 2 are needed (the "
                                                  "destination excludes the source)");
    pm_error err;
    m_sizes = pm_cdf_open(m_cdf.c_str(), &err);
    PACKMIME_FATAL_IF(m_sizes == nullptr, "PackMimeFlowWorkload attribute Cdf: " << err.message);
    m_reading = m_mode != MODE_DEFAULT                          ? m_mode
                : pm_ecdf_default_mode(m_sizes) == PM_ECDF_STEP ? MODE_STEP
                                                                : MODE_LINEAR;
    bool byTarget = m_targetRate.GetBitRate() > 0;
    std::string loadError =
        byTarget ? "" : CheckLoad(m_load, m_allowOverload, "set AllowOverload=true to insist");
    PACKMIME_FATAL_IF(!loadError.empty(),
                      "PackMimeFlowWorkload attribute Load=" << m_load << ": " << loadError);
    m_servers.clear();
    for (uint32_t i = 0; i < n; i++)
    {
        Address server = PackMimeServerAddress(m_hosts.Get(i), m_serverApps[i]->GetPort());
        PACKMIME_FATAL_IF(server.IsInvalid(),
                          "PackMimeFlowWorkload: host "
                              << i << " (node " << m_hosts.Get(i)->GetId()
                              << ") has neither an IPv4 address nor a global IPv6 address");
        m_servers.push_back(server);
    }
    CheckTimes();
    if (m_pattern == ALL_TO_ALL)
    {
        CreateArrivals(); // validates the rate now, before the run
    }
    if (m_pattern == TRAFFIC_MATRIX)
    {
        m_tm->Open(m_tmPath,
                   m_tmEpoch,
                   pm_tm_unit(m_tmUnit), // same values (static_assert at the top)
                   m_tmScale,
                   m_tmFirstKey);
    }
    if (m_incastLoad > 0)
    {
        m_incast->Configure(m_incastLoad,
                            m_incastFanout,
                            m_incastSize,
                            n,
                            double(m_linkRate.GetBitRate()),
                            m_overhead,
                            m_sizes,
                            CoreMode(m_reading));
    }
}

void
PackMimeFlowWorkload::CreateArrivals()
{
    uint32_t n = m_hosts.GetN();
    if (m_pattern == PERMUTATION)
    {
        m_matrix.resize(size_t(n) * n);
        pm_error err;
        PACKMIME_FATAL_IF(pm_permutation_matrix(m_pairRng->Get(), n, m_matrix.data(), &err) !=
                              PM_OK,
                          "PackMimeFlowWorkload (permutation): " << err.message);
    }
    pm_arrivals_config cfg = {};
    cfg.n_hosts = n;
    cfg.matrix = m_pattern == ALL_TO_ALL ? nullptr : m_matrix.data();
    cfg.load = m_load;
    cfg.capacity_bps = double(m_linkRate.GetBitRate());
    cfg.target_bps = double(m_targetRate.GetBitRate());
    cfg.max_flows = m_maxFlows;
    cfg.stop_time =
        GetStopTime().IsStrictlyPositive() ? (GetStopTime() - GetStartTime()).GetSeconds() : 0;
    NewArrivals(cfg, "attributes Load, LinkRate, TargetRate, Overhead, Pattern");
    bool byTarget = m_targetRate.GetBitRate() > 0;
    m_targetBps = byTarget ? double(m_targetRate.GetBitRate())
                           : m_load * double(m_linkRate.GetBitRate()) *
                                 double(pm_arrivals_senders(m_arrivals));
    m_targetLoad = byTarget ? m_targetBps / (double(m_linkRate.GetBitRate()) *
                                             double(pm_arrivals_senders(m_arrivals)))
                            : m_load;
}

void
PackMimeFlowWorkload::DoStart()
{
    NS_LOG_FUNCTION(this);
    PACKMIME_FATAL_IF(m_pattern == MATRIX && !m_arrivals,
                      "PackMimeFlowWorkload: Pattern=matrix needs SetMatrix or SetPairs");
    PACKMIME_FATAL_IF(m_pattern == TRAFFIC_MATRIX && !m_tm->HasGroups(),
                      "PackMimeFlowWorkload: Pattern=tm needs SetTrafficMatrixGroups");
    if (m_pattern == PERMUTATION)
    {
        CreateArrivals(); // draws the permutation from the pair stream, once streams are set
    }
    for (uint32_t i = 0; i < m_clients.size(); i++)
    {
        m_clients[i]->TraceConnectWithoutContext(
            "FlowCompleted",
            MakeCallback(&PackMimeFlowWorkload::HandleRecord, this));
    }
    if (!m_csvPath.empty())
    {
        m_csv = Create<PackMimeFlowCsvWriter>(OpenOutput(m_csvPath, "CsvFile"),
                                              MakeCallback(&PackMimeFlowWorkload::IdealFct, this));
        TraceConnectWithoutContext("FlowCompleted",
                                   MakeCallback(&PackMimeFlowCsvWriter::Write, m_csv));
    }
    m_lastArrival = GetStartedAt();
    m_tm->Start(GetStartedAt());
    if (m_pattern == TRAFFIC_MATRIX && !StartEpoch())
    {
        EndArrivals(); // no epoch with demand
        return;
    }
    ScheduleNext();
    if (m_incast->IsEnabled())
    {
        ScheduleNextIncast();
    }
}

void
PackMimeFlowWorkload::ScheduleNext()
{
    pm_flow flow;
    bool more = m_maxFlows == 0 || m_backgroundFlows < m_maxFlows;
    while (more && !pm_arrivals_next(m_arrivals, &flow))
    {
        // The epoch (or the whole process) is over; a trace moves to its next epoch.
        more = m_pattern == TRAFFIC_MATRIX && StartEpoch();
    }
    if (!more)
    {
        EndArrivals();
        return;
    }
    m_backgroundFlows++;
    Time base = m_pattern == TRAFFIC_MATRIX ? m_tm->GetEpochStart() : GetStartedAt();
    PackMimeFlowRecord record;
    record.id = m_nextId++;
    record.size = flow.size;
    record.src = uint32_t(flow.src);
    record.dst = uint32_t(flow.dst);
    if (m_pattern == TRAFFIC_MATRIX)
    {
        record.src = m_tm->PickHost(record.src, UINT32_MAX);
        record.dst = m_tm->PickHost(record.dst, record.src);
    }
    record.server = m_servers[record.dst];
    // A member function, not a lambda: ns-3.35's Simulator::Schedule takes no callables.
    m_next = Simulator::Schedule(base + Seconds(flow.time) - Simulator::Now(),
                                 &PackMimeFlowWorkload::Arrive,
                                 this,
                                 record);
}

bool
PackMimeFlowWorkload::StartEpoch()
{
    std::vector<double> weights;
    double bps;
    pm_arrivals_free(m_arrivals);
    m_arrivals = nullptr;
    if (!m_tm->NextEpoch(&weights, &bps))
    {
        return false;
    }
    pm_arrivals_config cfg = {};
    cfg.n_hosts = m_tm->GetN();
    cfg.matrix = weights.data();
    cfg.target_bps = bps;
    cfg.stop_time = m_tmEpoch.GetSeconds();
    NewArrivals(cfg, "traffic matrix");
    return true;
}

void
PackMimeFlowWorkload::NewArrivals(pm_arrivals_config cfg, const char* what)
{
    cfg.sizes = m_sizes;
    cfg.mode = CoreMode(m_reading);
    cfg.overhead = m_overhead;
    pm_error err;
    pm_arrivals_free(m_arrivals);
    m_arrivals = pm_arrivals_new(&cfg, m_gapRng->Get(), m_sizeRng->Get(), m_pairRng->Get(), &err);
    PACKMIME_FATAL_IF(!m_arrivals, "PackMimeFlowWorkload (" << what << "): " << err.message);
}

void
PackMimeFlowWorkload::SetTrafficMatrixGroups(const std::vector<std::vector<uint32_t>>& groups)
{
    PACKMIME_FATAL_IF(
        m_pattern != TRAFFIC_MATRIX || !m_tm->IsOpen(),
        "PackMimeFlowWorkload::SetTrafficMatrixGroups: set Pattern=tm and TmTrace, and "
        "install the workload first");
    m_tm->SetGroups(groups, m_hosts.GetN());
}

void
PackMimeFlowWorkload::Arrive(PackMimeFlowRecord record)
{
    m_stats.NoteOffered(record.size);
    m_lastArrival = Simulator::Now();
    m_clients[record.src]->StartFlow(record, m_direction);
    ScheduleNext();
}

void
PackMimeFlowWorkload::ScheduleNextIncast()
{
    m_nextIncast =
        Simulator::Schedule(m_incast->DrawGap(), &PackMimeFlowWorkload::ArriveIncast, this);
}

void
PackMimeFlowWorkload::ArriveIncast()
{
    PackMimeIncast::Request request;
    m_incast->DrawRequest(&request);
    uint64_t id = m_nextIncastId++;
    for (size_t i = 0; i < request.senders.size(); i++)
    {
        PackMimeFlowRecord record;
        record.id = m_nextId++;
        record.size = request.sizes[i];
        record.src = request.receiver;
        record.dst = request.senders[i];
        record.server = m_servers[record.dst];
        record.incast = id;
        m_stats.NoteOffered(record.size);
        m_incastFlows++;
        m_incastBytes += record.size;
        // The receiver pulls from every sender at once: their answers converge on it.
        m_clients[request.receiver]->StartFlow(record, PackMimeFlowClient::PULL);
    }
    ScheduleNextIncast();
}

Time
PackMimeFlowWorkload::IdealFct(uint64_t size) const
{
    uint64_t packets = (size + m_mss - 1) / m_mss;
    double wire = double(size) + double(packets) * m_headerBytes;
    return m_baseRtt + Seconds(wire * 8.0 / double(m_linkRate.GetBitRate()));
}

double
PackMimeFlowWorkload::GetArrivalRate() const
{
    return m_arrivals ? pm_arrivals_rate(m_arrivals) : 0.0;
}

const std::vector<Ptr<PackMimeFlowClient>>&
PackMimeFlowWorkload::GetClients() const
{
    return m_clients;
}

void
PackMimeFlowWorkload::HandleRecord(const PackMimeFlowRecord& record)
{
    m_flowTrace(record);
    m_stats.NoteRecord(record, record.completed ? IdealFct(record.size) : Time());
}

PackMimeFlowWorkload::Summary
PackMimeFlowWorkload::GetSummary() const
{
    Summary s;
    s.workload = m_cdf;
    s.mode = pm_ecdf_mode_name(CoreMode(m_reading));
    s.meanSize = m_sizes ? pm_ecdf_mean(m_sizes, CoreMode(m_reading)) : 0.0;
    m_stats.FillSummary(s);
    s.incastRequests = m_nextIncastId;
    s.incastFlows = m_incastFlows;
    s.incastBytes = m_incastBytes;
    s.targetBps = m_targetBps;
    s.targetLoad = m_targetLoad;
    Time end =
        GetStopTime().IsStrictlyPositive() && m_maxFlows == 0 ? GetStopTime() : m_lastArrival;
    if (m_pattern == TRAFFIC_MATRIX && m_maxFlows == 0 && m_tm->IsOpen())
    {
        end = m_tm->GetOfferedEnd();
    }
    s.duration = (end - GetStartedAt()).GetSeconds();
    if (m_pattern == TRAFFIC_MATRIX && s.duration > 0)
    {
        s.targetBps = m_tm->GetTargetBits() / s.duration;
        s.targetLoad = s.targetBps / (double(m_hosts.GetN()) * double(m_linkRate.GetBitRate()));
    }
    double senders = m_arrivals ? double(pm_arrivals_senders(m_arrivals)) : 0.0;
    if (s.duration > 0)
    {
        // The load target is about the background flows: incast comes on top of it.
        s.achievedBps = double(s.bytesOffered - s.incastBytes) * 8.0 * m_overhead / s.duration;
        double capacity = m_pattern == TRAFFIC_MATRIX ? double(m_hosts.GetN()) : senders;
        s.achievedLoad = s.achievedBps / (capacity * double(m_linkRate.GetBitRate()));
        s.deliveredBps = double(s.bytesCompleted) * 8.0 / s.duration;
    }
    for (const auto& c : m_clients)
    {
        s.connectionsOpened += c->GetConnectionsOpened();
        s.flowsWaited += c->GetFlowsWaited();
    }
    return s;
}

void
PackMimeFlowWorkload::DoPrintSummary(std::ostream& os) const
{
    GetSummary().Print(os);
}

std::string
PackMimeFlowWorkload::DoProgressText() const
{
    Summary s = GetSummary();
    return "flows offered " + std::to_string(s.generated) + ", completed " +
           std::to_string(s.completed);
}

void
PackMimeFlowWorkload::AddSummaryValues(PackMimeSummary& summary) const
{
    GetSummary().AddTo(summary);
}

void
PackMimeFlowWorkload::EndArrivals()
{
    m_next.Cancel();
    m_nextIncast.Cancel(); // incast lasts as long as the background process
    if (!m_arrivalsOver)
    {
        m_arrivalsOver = true;
        m_arrivalsEnded();
    }
}

void
PackMimeFlowWorkload::DoStop()
{
    NS_LOG_FUNCTION(this);
    EndArrivals();
}

void
PackMimeFlowWorkload::DoFinish()
{
    NS_LOG_FUNCTION(this);
    for (auto& c : m_clients)
    {
        c->AbortRunning();
    }
    if (m_csv)
    {
        m_csv->Close();
        m_csv = nullptr;
    }
}

} // namespace ns3
