/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_RECORD_H
#define PACKMIME_FLOW_RECORD_H

#include "ns3/address.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The record of one generated flow: every flow ends in exactly one.
 *
 * A flow is offered at `start` by host `src` (the client) to host `dst` (the server at
 * `server`). In push mode the client sends `size` bytes and the flow ends when TCP has had
 * the last byte acknowledged; in pull mode the client requests `size` bytes and the flow
 * ends when the last one has been received. A flow that did not finish has
 * `completed == false`, an error string and no end time (never a made-up one).
 */
struct PackMimeFlowRecord
{
    uint64_t id{0};              ///< flow id, unique within a workload
    uint64_t size{0};            ///< bytes of the flow
    uint32_t src{0};             ///< index of the client host in the workload
    uint32_t dst{0};             ///< index of the server host in the workload
    Address server;              ///< the server's socket address (address and port)
    Time start;                  ///< when the flow was offered
    Time end;                    ///< when it completed (only if completed)
    bool completed{false};       ///< whether the flow finished
    int32_t returncode{0};       ///< 0 on success, else a PackMimeFlowRecord::Error value
    const char* error{""};       ///< "" on success, else a short reason ("incomplete", ...)
    uint64_t incast{UINT64_MAX}; ///< incast request the flow belongs to, or UINT64_MAX

    /// Reasons a flow did not complete (the record's returncode).
    enum Error : int32_t
    {
        OK = 0,
        INCOMPLETE = 1,      ///< still running when the workload finished
        CONNECT_FAILED = 2,  ///< the connection could not be opened
        CONNECTION_RESET = 3 ///< the connection broke (reset or retransmission timeout)
    };

    /// @return the flow completion time (zero unless completed)
    Time GetFct() const;
};

/**
 * @ingroup packmime
 * @brief A fixed-memory quantile sketch: counts in logarithmic bins of relative width 0.1 %
 * over [1 ns, 10^6 s] (or any positive range), so p50/p99 summaries cost O(1) memory
 * whatever the number of flows. Quantiles are exact to 0.1 % (relative).
 */
class PackMimeLogHistogram
{
  public:
    /**
     * @brief Constructor.
     * @param min smallest value resolved (smaller values fall in the first bin)
     * @param max largest value resolved (larger values fall in the last bin)
     */
    PackMimeLogHistogram(double min = 1e-9, double max = 1e6);
    /**
     * @brief Count a value.
     * @param x the value (> 0)
     */
    void Add(double x);
    /// @return number of values counted
    uint64_t GetCount() const;
    /**
     * @brief Nearest-rank quantile: the value of rank floor(p * n) (0-based).
     * @param p level in [0, 1]
     * @return the quantile, NaN if empty
     */
    double Quantile(double p) const;

  private:
    double m_min;                 //!< lower edge
    double m_logStep;             //!< log of the bin ratio
    std::vector<uint64_t> m_bins; //!< counts
    uint64_t m_count{0};          //!< values counted
};

} // namespace ns3

#endif /* PACKMIME_FLOW_RECORD_H */
