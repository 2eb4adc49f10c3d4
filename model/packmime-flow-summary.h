/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_SUMMARY_H
#define PACKMIME_FLOW_SUMMARY_H

#include "packmime-flow-statistics.h"
#include "packmime-summary.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Summary of a flow workload's run (PackMimeFlowWorkload::GetSummary): what it offered
 * and what became of it, printed as the classic traffic generator's summary block and written
 * as summary.json.
 */
struct PackMimeFlowSummary
{
    std::string workload;          ///< the size CDF: a built-in CDF's name or a file
    std::string mode;              ///< its reading ("linear" or "step")
    double meanSize{0};            ///< its mean (bytes)
    uint64_t generated{0};         ///< flows offered
    uint64_t completed{0};         ///< flows completed
    uint64_t incomplete{0};        ///< flows running when the workload finished
    uint64_t failed{0};            ///< flows that broke (connect failure, reset)
    uint64_t bytesOffered{0};      ///< bytes of every offered flow (incast included)
    uint64_t bytesCompleted{0};    ///< bytes of completed flows
    uint64_t connectionsOpened{0}; ///< TCP connections opened
    uint64_t peakRunning{0};       ///< most flows running at once
    uint64_t flowsWaited{0};       ///< flows that waited for a connection (pool cap)
    uint64_t incastRequests{0};    ///< incast requests offered
    uint64_t incastFlows{0};       ///< incast flows offered (also counted in generated)
    uint64_t incastBytes{0};       ///< bytes of incast flows
    double duration{0};            ///< span of the arrival process (s)
    double targetLoad{0};          ///< requested offered load (fraction of capacity)
    /// background offered bytes * 8 * h / (duration * senders * LinkRate)
    double achievedLoad{0};
    double targetBps{0};    ///< requested offered rate (bit/s)
    double achievedBps{0};  ///< offered bytes * 8 * h / duration
    double deliveredBps{0}; ///< completed bytes * 8 / duration
    /// completed flows per size bucket
    uint64_t bucketFlows[PackMimeFlowStatistics::BUCKETS]{0, 0, 0};
    double fctP50[PackMimeFlowStatistics::BUCKETS];      ///< FCT p50 per bucket (s)
    double fctP99[PackMimeFlowStatistics::BUCKETS];      ///< FCT p99 per bucket (s)
    double slowdownP50[PackMimeFlowStatistics::BUCKETS]; ///< slowdown p50 per bucket
    double slowdownP99[PackMimeFlowStatistics::BUCKETS]; ///< slowdown p99 per bucket

    /**
     * @brief Print the summary block (like the classic traffic generator's).
     * @param os the stream
     */
    void Print(std::ostream& os) const;

    /**
     * @brief Add every value, under its summary.json key.
     * @param summary the summary to add to
     */
    void AddTo(PackMimeSummary& summary) const;
};

} // namespace ns3

#endif /* PACKMIME_FLOW_SUMMARY_H */
