/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-summary.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

void
PackMimeFlowSummary::Print(std::ostream& os) const
{
    const PackMimeFlowSummary& s = *this;
    std::ostringstream out;
    out << std::fixed;
    out << "===== packmime flows: summary =====\n";
    out << "workload            " << s.workload << " (" << s.mode << ", mean "
        << std::setprecision(0) << s.meanSize << " B)\n";
    out << "flows generated     " << s.generated << " (completed " << s.completed << ", incomplete "
        << s.incomplete << ", failed " << s.failed << ")\n";
    out << "bytes offered       " << s.bytesOffered << " (completed " << s.bytesCompleted << ")\n";
    out << std::setprecision(4);
    out << "target load         " << s.targetLoad << " (" << s.targetBps / 1e9
        << " Gb/s offered)\n";
    out << "achieved load       " << s.achievedLoad << " (" << s.achievedBps / 1e9
        << " Gb/s offered over " << s.duration << " s; ratio " << s.achievedLoad / s.targetLoad
        << ")\n";
    out << "delivered           " << s.deliveredBps / 1e9 << " Gb/s\n";
    if (s.incastRequests > 0)
    {
        out << "incast              " << s.incastRequests << " requests, " << s.incastFlows
            << " flows, " << s.incastBytes << " bytes\n";
    }
    out << "connections opened  " << s.connectionsOpened << " (peak running flows " << s.peakRunning
        << ")\n";
    if (s.flowsWaited > 0)
    {
        out << "flows that waited   " << s.flowsWaited
            << " (for a connection: MaxConnectionsPerDestination)\n";
    }
    out << "size bucket       flows    FCT p50 (ms)   FCT p99 (ms)   slowdown p50   slowdown p99\n";
    for (uint32_t b = 0; b < PackMimeFlowStatistics::BUCKETS; b++)
    {
        out << std::left << std::setw(12) << PackMimeFlowStatistics::GetBucketName(b) << std::right
            << std::setw(11) << s.bucketFlows[b] << std::setprecision(3);
        if (s.bucketFlows[b] == 0)
        {
            // No flow completed in this bucket: no quantile to show (null in the JSON).
            out << std::setw(15) << "-" << std::setw(15) << "-" << std::setw(15) << "-"
                << std::setw(15) << "-"
                << "\n";
            continue;
        }
        out << std::setw(15) << s.fctP50[b] * 1e3 << std::setw(15) << s.fctP99[b] * 1e3
            << std::setw(15) << s.slowdownP50[b] << std::setw(15) << s.slowdownP99[b] << "\n";
    }
    os << out.str();
}

void
PackMimeFlowSummary::AddTo(PackMimeSummary& summary) const
{
    const PackMimeFlowSummary& s = *this;
    summary.AddText("workload", s.workload);
    summary.AddText("mode", s.mode);
    summary.AddCount("flows_generated", s.generated);
    summary.AddCount("flows_completed", s.completed);
    summary.AddCount("flows_incomplete", s.incomplete);
    summary.AddCount("flows_failed", s.failed);
    summary.AddCount("bytes_offered", s.bytesOffered);
    summary.AddCount("bytes_completed", s.bytesCompleted);
    summary.AddCount("incast_requests", s.incastRequests);
    summary.AddCount("incast_flows", s.incastFlows);
    summary.AddCount("incast_bytes", s.incastBytes);
    summary.AddCount("connections_opened", s.connectionsOpened);
    summary.AddCount("peak_running_flows", s.peakRunning);
    summary.AddCount("flows_waited", s.flowsWaited);
    summary.AddNumber("duration_s", s.duration);
    summary.AddNumber("target_load", s.targetLoad);
    summary.AddNumber("achieved_load", s.achievedLoad);
    summary.AddNumber("load_ratio", s.achievedLoad / s.targetLoad);
    summary.AddNumber("target_bps", s.targetBps);
    summary.AddNumber("achieved_bps", s.achievedBps);
    summary.AddNumber("delivered_bps", s.deliveredBps);
    auto num = &PackMimeJsonNumber;
    std::ostringstream buckets;
    buckets << "[\n";
    for (uint32_t b = 0; b < PackMimeFlowStatistics::BUCKETS; b++)
    {
        buckets << "    {\"bucket\": \"" << PackMimeFlowStatistics::GetBucketName(b)
                << "\", \"flows\": " << s.bucketFlows[b] << ", \"fct_p50_s\": " << num(s.fctP50[b])
                << ", \"fct_p99_s\": " << num(s.fctP99[b])
                << ", \"slowdown_p50\": " << num(s.slowdownP50[b])
                << ", \"slowdown_p99\": " << num(s.slowdownP99[b]) << "}"
                << (b + 1 < PackMimeFlowStatistics::BUCKETS ? "," : "") << "\n";
    }
    buckets << "  ]";
    summary.AddJson("buckets", buckets.str());
}

} // namespace ns3
