/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_WORKLOAD_H
#define PACKMIME_FLOW_WORKLOAD_H

#include "packmime-flow-client.h"
#include "packmime-flow-record.h"
#include "packmime-flow-statistics.h"
#include "packmime-flow-summary.h"
#include "packmime-server.h"
#include "packmime-workload.h"

#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/node-container.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdio>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

// The C core's types, opaque here: this header needs neither the core's nor GSL's headers.
struct pm_arrivals;
struct pm_arrivals_config;
struct pm_ecdf;

namespace ns3
{

class GslRngStream;
class PackMimeFlowCsvWriter;
class PackMimeIncast;
class PackMimeTrafficMatrixSchedule;

/**
 * @ingroup packmime
 * @brief A CDF-driven flow workload over a set of hosts: the open-loop arrival process.
 *
 * Flow sizes come from an empirical CDF (a built-in CDF or a file, read linearly or as
 * steps), arrivals are Poisson at a rate set by a load (per sending host, a fraction of
 * LinkRate) or an aggregate TargetRate, and each flow's (source, destination) pair comes from
 * the pattern: all-to-all, a fixed random permutation, explicit pairs or a weighted matrix
 * (SetPairs / SetMatrix). Optional incast: a separate Poisson stream of requests, each
 * fanning out to IncastFanout senders that answer at once, offered at IncastLoad of the
 * total host capacity. The workload drives one PackMimeFlowClient per host (installed by
 * PackMimeFlowHelper with a PackMimeServer on every host), collects every flow's record
 * (trace source FlowCompleted, optional CSV file) and summarises the run.
 *
 * Randomness: one ns-3 stream per model variable (gaps, sizes, pairs; incast gaps,
 * receivers, senders, sizes), pinned by AssignStreams.
 */
class PackMimeFlowWorkload : public PackMimeWorkload
{
  public:
    /// Source-destination patterns.
    enum Pattern
    {
        ALL_TO_ALL,    ///< uniform over ordered pairs s != d
        PERMUTATION,   ///< a fixed random derangement: host i sends only to perm(i)
        MATRIX,        ///< weights given with SetMatrix or SetPairs
        TRAFFIC_MATRIX ///< a traffic-matrix trace (TmTrace) over host groups
    };

    /// Unit of the values of a traffic-matrix trace.
    enum TmUnit
    {
        BITS_PER_EPOCH,  ///< volume offered during the epoch, in bits
        BYTES_PER_EPOCH, ///< volume offered during the epoch, in bytes
        BITS_PER_SECOND  ///< average rate during the epoch
    };

    /// Sampling mode of the CDF.
    enum Mode
    {
        MODE_DEFAULT, ///< the CDF's own "# packmime-mode" (else linear)
        MODE_LINEAR,  ///< piecewise-linear CDF
        MODE_STEP     ///< point masses
    };

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @brief Check a value of the Cdf attribute without a workload (for programs that
     * validate their options before building a simulation).
     * @param cdf a built-in CDF name or a CDF file
     * @return "" when it opens, else why not (file and line)
     */
    static std::string CheckCdf(const std::string& cdf);

    /**
     * @brief Check a value of the TmTrace attribute without a workload: read the whole trace
     * (a bad value in its last epoch must not stop a run halfway).
     * @param path the trace (prefix or directory)
     * @param n set to the trace's matrix size N when it is valid
     * @param epochs set to its number of epochs when it is valid
     * @return "" when it is valid, else why not (file and line)
     */
    static std::string CheckTrafficMatrix(const std::string& path, uint32_t* n, size_t* epochs);

    /**
     * @brief Check a value of the Load attribute (as Configure does) without a workload.
     * @param load offered load, fraction of the host link
     * @param allowOverload whether load >= 1 is accepted (the AllowOverload attribute)
     * @param overloadHint how the caller's user insists on an overload (an attribute or an
     *        option), said in the message
     * @return "" when it is accepted, else what was expected
     */
    static std::string CheckLoad(double load, bool allowOverload, const std::string& overloadHint);

    PackMimeFlowWorkload();
    ~PackMimeFlowWorkload() override;

    /**
     * @brief Set the hosts and their applications (done by the helper).
     * @param hosts the hosts, in index order
     * @param clients the client application of each host
     * @param servers the server application of each host (flows go to its Port)
     */
    void SetHosts(const NodeContainer& hosts,
                  const std::vector<Ptr<PackMimeFlowClient>>& clients,
                  const std::vector<Ptr<PackMimeServer>>& servers);

    /**
     * @brief Use a weighted pair matrix (row = source), n x n for n hosts.
     * @param weights row-major weights >= 0
     */
    void SetMatrix(const std::vector<double>& weights);

    /**
     * @brief Use explicit (source, destination) host pairs, equally likely.
     * @param pairs the pairs (host indexes)
     */
    void SetPairs(const std::vector<std::pair<uint32_t, uint32_t>>& pairs);

    /**
     * @brief Drive the flows from the traffic-matrix trace TmTrace: matrix index i is the
     * group of hosts groups[i] (e.g. the hosts under ToR i). During each epoch of TmEpoch,
     * every pair (i, j) offers Poisson flows whose bytes match the matrix entry (times
     * TmScale, in TmUnit), from a host drawn uniformly in group i to one in group j.
     * @param groups host indexes of every matrix index (as many groups as the trace's N)
     */
    void SetTrafficMatrixGroups(const std::vector<std::vector<uint32_t>>& groups);

    /**
     * @brief Assign fixed streams to every random variable of the workload.
     * @param stream first stream index to use
     * @return the number of streams used (8)
     */
    int64_t AssignStreams(int64_t stream);

    /// Summary of a run (PackMimeFlowSummary).
    using Summary = PackMimeFlowSummary;

    /// @return the summary so far
    Summary GetSummary() const;

    /**
     * @brief Ideal FCT of a flow alone in an empty network:
     * BaseRtt + (size + ceil(size / Mss) * HeaderBytes) * 8 / LinkRate.
     * @param size flow bytes
     * @return the ideal FCT
     */
    Time IdealFct(uint64_t size) const;

    /// @return the total background flow arrival rate (flows/s)
    double GetArrivalRate() const;

    /// @return the client application of every host (for counters)
    const std::vector<Ptr<PackMimeFlowClient>>& GetClients() const;

  protected:
    void DoDispose() override;
    void DoStart() override;
    void DoStop() override;
    void DoFinish() override;
    void AddSummaryValues(PackMimeSummary& summary) const override;
    std::string DoProgressText() const override;
    /// Print the summary block (like the classic traffic generator's).
    void DoPrintSummary(std::ostream& os) const override;

  private:
    void Configure();
    void CreateArrivals();
    /// Replace the arrival process by one built from cfg (the CDF, its reading and the
    /// overhead filled in here); fatal error naming `what` if the core rejects it.
    void NewArrivals(pm_arrivals_config cfg, const char* what);
    bool StartEpoch();
    void ScheduleNext();
    /// No more arrivals (process over or Stop): cancel the pending ones, fire ArrivalsEnded once.
    void EndArrivals();
    void Arrive(PackMimeFlowRecord record); //!< start a scheduled flow, schedule the next
    void ScheduleNextIncast();
    void ArriveIncast();
    void HandleRecord(const PackMimeFlowRecord& record);

    // attributes
    std::string m_cdf;       //!< built-in CDF name or CDF file
    Mode m_mode;             //!< CDF reading
    double m_load;           //!< offered load per sending host
    DataRate m_linkRate;     //!< host link capacity
    DataRate m_targetRate;   //!< aggregate offered rate (overrides Load when > 0)
    double m_overhead;       //!< wire-overhead factor h
    bool m_allowOverload;    //!< accept Load >= 1
    Pattern m_pattern;       //!< source-destination pattern
    uint64_t m_maxFlows;     //!< stop after this many flows (0: none)
    double m_incastLoad;     //!< incast share of total host capacity (0: no incast)
    uint32_t m_incastFanout; //!< senders per incast request
    uint64_t m_incastSize;   //!< bytes per sender (0: draw from the CDF)
    Time m_baseRtt;          //!< base RTT for the ideal FCT
    uint32_t m_mss;          //!< payload bytes per packet for the ideal FCT
    uint32_t m_headerBytes;  //!< header bytes per packet for the ideal FCT
    PackMimeFlowClient::Direction m_direction; //!< push or pull (background flows)
    std::string m_tmPath;                      //!< traffic-matrix trace (prefix or directory)
    Time m_tmEpoch;                            //!< duration of one matrix
    TmUnit m_tmUnit;                           //!< unit of the matrix values
    double m_tmScale;                          //!< factor applied to every matrix value
    int64_t m_tmFirstKey;  //!< time key to start from (the epoch at or before it)
    std::string m_csvPath; //!< CSV file of flow records ("" = none)

    NodeContainer m_hosts;                          //!< the hosts
    std::vector<Ptr<PackMimeFlowClient>> m_clients; //!< client app per host
    std::vector<Ptr<PackMimeServer>> m_serverApps;  //!< server app per host
    std::vector<Address> m_servers;                 //!< server socket address per host
    std::vector<double> m_matrix;                   //!< pair weights (MATRIX)
    pm_ecdf* m_sizes{nullptr};                      //!< flow sizes
    Mode m_reading{MODE_LINEAR};                    //!< reading in use (linear, step)
    pm_arrivals* m_arrivals{nullptr};               //!< the arrival process
    Ptr<GslRngStream> m_gapRng;                     //!< inter-arrival gaps
    Ptr<GslRngStream> m_sizeRng;                    //!< flow sizes
    Ptr<GslRngStream> m_pairRng;                    //!< pairs (and the permutation)
    // Created after the three streams above, in this order: without AssignStreams, ns-3
    // numbers streams in creation order.
    std::unique_ptr<PackMimeIncast> m_incast;              //!< incast requests
    std::unique_ptr<PackMimeTrafficMatrixSchedule> m_tm;   //!< epochs of TmTrace
    EventId m_next;                                        //!< next background arrival
    EventId m_nextIncast;                                  //!< next incast request
    Time m_lastArrival;                                    //!< last flow offered
    uint64_t m_nextId{0};                                  //!< next flow id
    uint64_t m_backgroundFlows{0};                         //!< background flows offered
    uint64_t m_nextIncastId{0};                            //!< next incast request id
    uint64_t m_incastFlows{0};                             //!< incast flows offered
    uint64_t m_incastBytes{0};                             //!< bytes of incast flows
    Ptr<PackMimeFlowCsvWriter> m_csv;                      //!< CsvFile's writer
    double m_targetBps{0};                                 //!< requested offered rate
    double m_targetLoad{0};                                //!< requested offered load
    PackMimeFlowStatistics m_stats;                        //!< what became of the flows
    TracedCallback<const PackMimeFlowRecord&> m_flowTrace; //!< every flow's record
    TracedCallback<> m_arrivalsEnded; //!< the last flow (MaxFlows, StopTime, trace end) arrived
    bool m_arrivalsOver{false};       //!< m_arrivalsEnded fired
};

} // namespace ns3

#endif /* PACKMIME_FLOW_WORKLOAD_H */
