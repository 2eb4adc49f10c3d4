/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-summary.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace ns3
{

void
PackMimeHttpSummary::Print(std::ostream& os) const
{
    const PackMimeHttpSummary& s = *this;
    auto q = [](const double* v)
    {
        std::ostringstream o;
        o << std::fixed << std::setprecision(0) << v[0] << " / " << v[1] << " / " << v[2] << " / "
          << v[3];
        return o.str();
    };
    os << "PackMime-HTTP: rate " << s.rate << " conn/s, HTTP/" << s.version << "\n"
       << "  connections     " << s.connections << " started, " << s.succeeded << " done, "
       << s.failed << " failed, " << s.incomplete << " incomplete, " << s.active << " open\n"
       << "  requests        " << s.requests << " sent, " << s.pairs << " pairs done ("
       << s.pairsLogged << " after warm-up " << s.warmup << " s)\n"
       << "  request size    p10/p50/p90/p99 " << q(s.reqSize) << " B\n"
       << "  response size   p10/p50/p90/p99 " << q(s.rspSize) << " B\n"
       << std::fixed << std::setprecision(1) << "  response time   p50 " << s.responseTimeMs[0]
       << " ms, p99 " << s.responseTimeMs[1] << " ms\n"
       << std::setprecision(2) << "  offered load    " << s.offeredDownMbps << " Mb/s down, "
       << s.offeredUpMbps << " Mb/s up (" << s.windowConnections << " connections in " << s.window
       << " s)\n";
    os << std::defaultfloat << std::setprecision(6);
}

void
PackMimeHttpSummary::AddTo(PackMimeSummary& summary) const
{
    const PackMimeHttpSummary& s = *this;
    // Sizes are whole bytes: the sketch's 0.1 % bins are rounded back to integers.
    auto quantiles = [](const double* v, int n, bool bytes)
    {
        std::string o = "[";
        for (int i = 0; i < n; i++)
        {
            o += (i ? ", " : "") + PackMimeJsonNumber(bytes ? std::round(v[i]) : v[i]);
        }
        return o + "]";
    };
    summary.AddText("model", "packmime-http");
    summary.AddNumber("rate", s.rate);
    summary.AddText("http_version", s.version);
    summary.AddNumber("warmup_s", s.warmup);
    summary.AddCount("connections_started", s.connections);
    summary.AddCount("connections_succeeded", s.succeeded);
    summary.AddCount("connections_failed", s.failed);
    summary.AddCount("connections_incomplete", s.incomplete);
    summary.AddCount("connections_open", s.active);
    summary.AddCount("requests_sent", s.requests);
    summary.AddCount("pairs_completed", s.pairs);
    summary.AddCount("pairs_logged", s.pairsLogged);
    summary.AddCount("client_sessions_allocated", s.sessionsAllocated);
    summary.AddJson("quantile_levels", "[0.1, 0.5, 0.9, 0.99]");
    summary.AddJson("req_size_bytes", quantiles(s.reqSize, 4, true));
    summary.AddJson("rsp_size_bytes", quantiles(s.rspSize, 4, true));
    summary.AddJson("response_time_ms_p50_p99", quantiles(s.responseTimeMs, 2, false));
    summary.AddNumber("window_s", s.window);
    summary.AddCount("window_connections", s.windowConnections);
    summary.AddCount("offered_req_bytes", s.offeredReqBytes);
    summary.AddCount("offered_rsp_bytes", s.offeredRspBytes);
    summary.AddNumber("offered_up_mbps", s.offeredUpMbps);
    summary.AddNumber("offered_down_mbps", s.offeredDownMbps);
}

} // namespace ns3
