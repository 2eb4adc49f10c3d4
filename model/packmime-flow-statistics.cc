/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-statistics.h"

#include "packmime-flow-summary.h"

#include <algorithm>

namespace ns3
{

namespace
{
/// Upper edges of the size buckets (TrafficGenerator's result script: 100 KiB, 10 MiB).
constexpr uint64_t BUCKET_EDGES[2] = {100 * 1024, 10 * 1024 * 1024};
/// Names of the size buckets.
const char* const BUCKET_NAMES[PackMimeFlowStatistics::BUCKETS] = {"<100KB",
                                                                   "100KB-10MB",
                                                                   ">=10MB"};
} // namespace

PackMimeFlowStatistics::PackMimeFlowStatistics()
    : m_fct(BUCKETS),
      // Slowdowns sit at 1 and above; the range starts lower as the ideal FCT is a model.
      m_slowdown(BUCKETS, PackMimeLogHistogram(1e-3, 1e9))
{
}

void
PackMimeFlowStatistics::NoteOffered(uint64_t size)
{
    m_offered++;
    m_bytesOffered += size;
    m_peakRunning = std::max(m_peakRunning, m_offered - m_completed - m_failed - m_incomplete);
}

void
PackMimeFlowStatistics::NoteRecord(const PackMimeFlowRecord& record, Time idealFct)
{
    if (record.completed)
    {
        m_completed++;
        m_bytesCompleted += record.size;
        uint32_t b = GetBucket(record.size);
        double fct = record.GetFct().GetSeconds();
        m_fct[b].Add(fct);
        m_slowdown[b].Add(fct / idealFct.GetSeconds());
    }
    else if (record.returncode == PackMimeFlowRecord::INCOMPLETE)
    {
        m_incomplete++;
    }
    else
    {
        m_failed++;
    }
}

uint64_t
PackMimeFlowStatistics::GetOffered() const
{
    return m_offered;
}

uint64_t
PackMimeFlowStatistics::GetCompleted() const
{
    return m_completed;
}

uint64_t
PackMimeFlowStatistics::GetIncomplete() const
{
    return m_incomplete;
}

uint64_t
PackMimeFlowStatistics::GetFailed() const
{
    return m_failed;
}

uint64_t
PackMimeFlowStatistics::GetBytesOffered() const
{
    return m_bytesOffered;
}

uint64_t
PackMimeFlowStatistics::GetBytesCompleted() const
{
    return m_bytesCompleted;
}

uint64_t
PackMimeFlowStatistics::GetPeakRunning() const
{
    return m_peakRunning;
}

uint32_t
PackMimeFlowStatistics::GetBucket(uint64_t size)
{
    return size < BUCKET_EDGES[0] ? 0 : (size < BUCKET_EDGES[1] ? 1 : 2);
}

const char*
PackMimeFlowStatistics::GetBucketName(uint32_t bucket)
{
    return BUCKET_NAMES[bucket];
}

uint64_t
PackMimeFlowStatistics::GetBucketFlows(uint32_t bucket) const
{
    return m_fct[bucket].GetCount();
}

double
PackMimeFlowStatistics::GetFctQuantile(uint32_t bucket, double p) const
{
    return m_fct[bucket].Quantile(p);
}

double
PackMimeFlowStatistics::GetSlowdownQuantile(uint32_t bucket, double p) const
{
    return m_slowdown[bucket].Quantile(p);
}

void
PackMimeFlowStatistics::FillSummary(PackMimeFlowSummary& summary) const
{
    summary.generated = GetOffered();
    summary.completed = GetCompleted();
    summary.incomplete = GetIncomplete();
    summary.failed = GetFailed();
    summary.bytesOffered = GetBytesOffered();
    summary.bytesCompleted = GetBytesCompleted();
    summary.peakRunning = GetPeakRunning();
    for (uint32_t b = 0; b < BUCKETS; b++)
    {
        summary.bucketFlows[b] = GetBucketFlows(b);
        summary.fctP50[b] = GetFctQuantile(b, 0.5);
        summary.fctP99[b] = GetFctQuantile(b, 0.99);
        summary.slowdownP50[b] = GetSlowdownQuantile(b, 0.5);
        summary.slowdownP99[b] = GetSlowdownQuantile(b, 0.99);
    }
}

} // namespace ns3
