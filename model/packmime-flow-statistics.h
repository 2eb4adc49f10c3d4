/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_STATISTICS_H
#define PACKMIME_FLOW_STATISTICS_H

#include "packmime-flow-record.h"
#include "packmime-log-histogram.h"

#include "ns3/nstime.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

struct PackMimeFlowSummary;

/**
 * @ingroup packmime
 * @brief What became of a flow workload's flows: counts of offered, completed, incomplete
 * and failed flows and bytes, the peak of flows running at once, and completion times and
 * slowdowns per size bucket (below 100 KiB, up to 10 MiB, above: the buckets of the classic
 * traffic generator's result script), in fixed memory whatever the number of flows.
 */
class PackMimeFlowStatistics
{
  public:
    /// Number of size buckets.
    static constexpr uint32_t BUCKETS = 3;

    PackMimeFlowStatistics();

    /**
     * @brief Count an offered flow (it runs until its record arrives).
     * @param size its bytes
     */
    void NoteOffered(uint64_t size);

    /**
     * @brief Count a flow's final record.
     * @param record the record
     * @param idealFct the flow's FCT alone in an empty network (for its slowdown)
     */
    void NoteRecord(const PackMimeFlowRecord& record, Time idealFct);

    /// @return flows offered
    uint64_t GetOffered() const;
    /// @return flows completed
    uint64_t GetCompleted() const;
    /// @return flows recorded as incomplete (running when the workload finished)
    uint64_t GetIncomplete() const;
    /// @return flows that broke (connect failure, reset)
    uint64_t GetFailed() const;
    /// @return bytes of every offered flow
    uint64_t GetBytesOffered() const;
    /// @return bytes of completed flows
    uint64_t GetBytesCompleted() const;
    /// @return the most flows running at once
    uint64_t GetPeakRunning() const;

    /**
     * @brief Size bucket of a flow.
     * @param size flow bytes
     * @return the bucket (0 to BUCKETS - 1)
     */
    static uint32_t GetBucket(uint64_t size);

    /**
     * @param bucket a size bucket
     * @return its name ("<100KB", "100KB-10MB", ">=10MB")
     */
    static const char* GetBucketName(uint32_t bucket);

    /**
     * @param bucket a size bucket
     * @return completed flows in it
     */
    uint64_t GetBucketFlows(uint32_t bucket) const;

    /**
     * @brief A quantile of the completion times of a bucket's completed flows.
     * @param bucket a size bucket
     * @param p level in [0, 1]
     * @return the FCT in seconds (NaN when the bucket is empty)
     */
    double GetFctQuantile(uint32_t bucket, double p) const;

    /**
     * @brief A quantile of the slowdowns (FCT / ideal FCT) of a bucket's completed flows.
     * @param bucket a size bucket
     * @param p level in [0, 1]
     * @return the slowdown (NaN when the bucket is empty)
     */
    double GetSlowdownQuantile(uint32_t bucket, double p) const;

    /**
     * @brief Fill a summary's counts, bytes, peak and per-bucket quantiles (p50, p99).
     * @param summary the summary
     */
    void FillSummary(PackMimeFlowSummary& summary) const;

  private:
    uint64_t m_offered{0};                        //!< flows offered
    uint64_t m_completed{0};                      //!< flows completed
    uint64_t m_incomplete{0};                     //!< flows recorded incomplete
    uint64_t m_failed{0};                         //!< flows failed
    uint64_t m_bytesOffered{0};                   //!< bytes offered
    uint64_t m_bytesCompleted{0};                 //!< bytes of completed flows
    uint64_t m_peakRunning{0};                    //!< most flows running at once
    std::vector<PackMimeLogHistogram> m_fct;      //!< FCT (s) per size bucket
    std::vector<PackMimeLogHistogram> m_slowdown; //!< slowdown per size bucket
};

} // namespace ns3

#endif /* PACKMIME_FLOW_STATISTICS_H */
