/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_GENERATOR_H
#define PACKMIME_HTTP_GENERATOR_H

#include "packmime-delay-box.h"
#include "packmime-http-client.h"
#include "packmime-http-record.h"
#include "packmime-http-summary.h"
#include "packmime-log-histogram.h"
#include "packmime-workload.h"

#include "ns3/event-id.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

// The C core's types, opaque here: this header needs neither the core's nor GSL's headers.
struct pm_http_connection;
struct pm_http_planner;

namespace ns3
{

class GslRngStream;
class PackMimeHttpExchangeCsvWriter;
class PackMimeHttpConnectionCsvWriter;

/**
 * @ingroup packmime
 * @brief A PackMime-HTTP traffic generator (ns-2's PackMimeHTTP object).
 *
 * Starts new connections at the rate Rate (connections per second over all its node
 * pairs) with the model's long-range-dependent inter-arrival times, open loop (a new
 * connection never waits for earlier ones), pairing client and server nodes round-robin
 * (the pair index is advanced before use, as in ns-2, so with k pairs the first connection
 * uses pair 1 mod k). Each connection is planned by the C core (HTTP/1.0, or HTTP/1.1 with
 * persistent connections, pages, objects and think times) and run by the client node's
 * PackMimeHttpClient against the server node's PackMimeServer, whose ServerDelay is the
 * model's server-delay variable (one, shared by all servers, as in ns-2).
 *
 * Any model variable can be replaced by an ns-3 RandomVariableStream (attributes FlowArrive,
 * ReqSize, RspSize, ServerDelay, ProbPersistent, NumPages, ProbSingleObj, ObjsPerPage,
 * TimeBtwnPages, TimeBtwnObjs, PersistRspSize; ns-2's set-req_size etc.). Every connection
 * ends in exactly one ConnectionClosed record and every completed exchange in one
 * ResponseReceived record; the optional CSV files are ns-2's outfile plus ids (pairs.csv)
 * and one row per connection (connections.csv). Usually installed by PackMimeHttpHelper.
 */
class PackMimeHttpGenerator : public PackMimeWorkload
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeHttpGenerator();
    ~PackMimeHttpGenerator() override;

    /// Number of ns-3 streams AssignStreams uses: one per model variable (not the DelayBox
    /// transmission delays), whether or not the HTTP version draws it.
    static constexpr int64_t STREAMS = 11;

    /// Generator of the arrival process's FSD series (attribute Fsd; the core's pm_fsd_method).
    enum FsdMethod
    {
        FSD_FAST = 0,   ///< "fast": exact circulant embedding, in blocks
        FSD_HOSKING = 1 ///< "hosking": ns-2's Durbin-Levinson recursion frozen after N steps
    };

    /**
     * @brief Check the attributes (Rate, HttpVersion); aborts with a message naming the
     * attribute. Done by the helper at installation and again at Start.
     */
    void Validate() const;

    /**
     * @brief Set the node pairs (done by the helper): client i with server i.
     * @param clients client application of every pair
     * @param servers server socket address of every pair
     * @param serverNodes server node id of every pair
     */
    void SetPairs(const std::vector<Ptr<PackMimeHttpClient>>& clients,
                  const std::vector<Address>& servers,
                  const std::vector<uint32_t>& serverNodes);

    /// @return the server-delay variable the servers must use (the replacement if set, else
    ///         the model's)
    Ptr<RandomVariableStream> GetServerDelay();

    /**
     * @brief Assign fixed streams to every model variable (model or replacement), stream +
     * v for variable v in ns-2's order, so HTTP/1.0 and 1.1 runs share arrival and size
     * streams.
     * @param stream first stream index to use
     * @return the number of streams used (STREAMS = 11)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief Record the delays a DelayBox draws for this generator's connections in their
     * records (connections.csv: client_delay_ms and client_delay_back_ms, or the server_
     * columns).
     * @param box the box
     * @param side 0 for the client side of the path, 1 for the server side
     */
    void ObserveDelayBox(Ptr<PackMimeDelayBox> box, uint32_t side);

    /// Summary of a run (PackMimeHttpSummary).
    using Summary = PackMimeHttpSummary;

    /// @return the summary so far
    Summary GetSummary() const;

  protected:
    void DoDispose() override;
    void DoStart() override;
    void DoStop() override;
    void DoFinish() override;
    void AddSummaryValues(PackMimeSummary& summary) const override;
    std::string DoProgressText() const override;
    void DoPrintSummary(std::ostream& os) const override;

  private:
    void PlanNext();
    void Arrive();
    void HandleRequestSent(const PackMimeHttpExchangeRecord& exchange);
    void HandleResponse(const PackMimeHttpExchangeRecord& exchange);
    void HandleClosed(const PackMimeHttpConnectionRecord& record);
    void HandleDelayBoxFlow(uint32_t side, const PackMimeDelayBoxFlow& flow);
    /// HandleDelayBoxFlow as a free function, for MakeBoundCallback (ns-3.35's MakeCallback
    /// binds no arguments to member functions).
    static void HandleDelayBoxFlowOf(PackMimeHttpGenerator* generator,
                                     uint32_t side,
                                     const PackMimeDelayBoxFlow& flow);
    static double DrawReplacement(void* rv);
    /// @return the replacement of variable v, or null
    Ptr<RandomVariableStream> Replacement(int v) const;

    // attributes
    double m_rate;                 //!< new connections per second
    std::string m_version;         //!< "1.0" or "1.1"
    bool m_pmPersistReqSize;       //!< ns-2 use_pm_persist_reqsz_
    bool m_pmPersistRspSize;       //!< ns-2 use_pm_persist_rspsz_
    bool m_thinkPerConnection;     //!< think-time effects per connection
    uint64_t m_maxSize;            //!< size cap (0: none)
    FsdMethod m_fsd;               //!< FSD generator
    double m_fsdTheta;             //!< forced FSD theta (< 0: model)
    Time m_warmup;                 //!< pairs sent before are not logged
    std::string m_pairsPath;       //!< pairs.csv ("" = none)
    std::string m_connectionsPath; //!< connections.csv ("" = none)
    // replaced variables (null: the model's), in pm_http_var order
    Ptr<RandomVariableStream> m_flowArrive;     //!< FlowArrive
    Ptr<RandomVariableStream> m_reqSize;        //!< ReqSize
    Ptr<RandomVariableStream> m_rspSize;        //!< RspSize
    Ptr<RandomVariableStream> m_serverDelayRv;  //!< ServerDelay
    Ptr<RandomVariableStream> m_persistRspSize; //!< PersistRspSize
    Ptr<RandomVariableStream> m_probPersistent; //!< ProbPersistent
    Ptr<RandomVariableStream> m_numPages;       //!< NumPages
    Ptr<RandomVariableStream> m_probSingleObj;  //!< ProbSingleObj
    Ptr<RandomVariableStream> m_objsPerPage;    //!< ObjsPerPage
    Ptr<RandomVariableStream> m_timeBtwnPages;  //!< TimeBtwnPages
    Ptr<RandomVariableStream> m_timeBtwnObjs;   //!< TimeBtwnObjs

    /// A replaceable model variable.
    struct Variable
    {
        const char* attribute; ///< attribute name
        const char* help;      ///< what the variable is, with ns-2's command
        Ptr<RandomVariableStream> PackMimeHttpGenerator::*replacement; ///< its member
    };

    /// Every replaceable model variable, indexed by pm_http_var.
    static const Variable VARIABLES[STREAMS];

    std::vector<Ptr<PackMimeHttpClient>> m_clients; //!< client app of every pair
    std::vector<Address> m_servers;                 //!< server address of every pair
    std::vector<uint32_t> m_serverNodes;            //!< server node id of every pair
    std::set<uint16_t> m_serverPorts;               //!< the servers' TCP ports
    Ptr<GslRngStream> m_rng[STREAMS];               //!< model streams, per variable
    Ptr<RandomVariableStream> m_serverDelay;        //!< the servers' delay variable
    pm_http_planner* m_planner{nullptr};            //!< the model (owned)
    EventId m_next;                                 //!< next connection start
    std::unique_ptr<pm_http_connection> m_pending;  //!< the next connection's plan
    std::vector<pm_http_request> m_pendingRequests; //!< its requests (m_pending->requests)
    size_t m_pair{0};                               //!< last pair used
    /// Delays drawn by DelayBoxes for open connections, by (client node, client port).
    std::map<std::pair<uint32_t, uint16_t>, decltype(PackMimeHttpConnectionRecord::pathDelayMs)>
        m_pathDelays;
    Ptr<PackMimeHttpExchangeCsvWriter> m_pairsCsv;         //!< PairsFile's writer
    Ptr<PackMimeHttpConnectionCsvWriter> m_connectionsCsv; //!< ConnectionsFile's writer
    Summary m_summary;                                     //!< counters
    PackMimeLogHistogram m_reqSizes{1, 1e13};              //!< logged request sizes (B)
    PackMimeLogHistogram m_rspSizes{1, 1e13};              //!< logged response sizes (B)
    PackMimeLogHistogram m_responseTimes{1e-6, 1e6};       //!< logged response times (s)
    TracedCallback<const PackMimeHttpExchangeRecord&> m_requestSentTrace; //!< request sent
    TracedCallback<const PackMimeHttpExchangeRecord&>
        m_responseReceivedTrace;                                       //!< exchange complete
    TracedCallback<const PackMimeHttpConnectionRecord&> m_closedTrace; //!< connection ended
};

} // namespace ns3

#endif /* PACKMIME_HTTP_GENERATOR_H */
