/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_SUMMARY_H
#define PACKMIME_HTTP_SUMMARY_H

#include "packmime-summary.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Summary of a PackMime-HTTP run (PackMimeHttpGenerator::GetSummary): connections and
 * exchanges, sizes and response times over the exchanges after the warm-up, offered load;
 * printed as a block and written as summary.json.
 */
struct PackMimeHttpSummary
{
    double rate{0};                ///< the model's rate (new connections per second)
    std::string version;           ///< HTTP version ("1.0" or "1.1")
    double warmup{0};              ///< warm-up (s): exchanges sent before it are not logged
    uint64_t connections{0};       ///< connections started
    uint64_t active{0};            ///< connections open now
    uint64_t succeeded{0};         ///< connections that completed every exchange
    uint64_t failed{0};            ///< connections that broke (connect failure, reset)
    uint64_t incomplete{0};        ///< connections open when the generator (or client) stopped
    uint64_t requests{0};          ///< requests sent
    uint64_t pairs{0};             ///< exchanges completed (ns-2's get-pairs)
    uint64_t pairsLogged{0};       ///< exchanges completed whose request was sent >= Warmup
    uint64_t sessionsAllocated{0}; ///< client sessions allocated (peak open connections)
    double window{0};              ///< span of the measured arrivals, [Warmup, stop] (s)
    uint64_t windowConnections{0}; ///< connections started in the window
    uint64_t offeredReqBytes{0};   ///< planned request bytes of those connections
    uint64_t offeredRspBytes{0};   ///< planned response bytes of those connections
    double offeredUpMbps{0};       ///< offeredReqBytes * 8 / window / 1e6
    double offeredDownMbps{0};     ///< offeredRspBytes * 8 / window / 1e6
    double reqSize[4];             ///< request size p10, p50, p90, p99 (B)
    double rspSize[4];             ///< response size p10, p50, p90, p99 (B)
    double responseTimeMs[2];      ///< response time p50, p99 (ms)

    /**
     * @brief Print the summary block.
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

#endif /* PACKMIME_HTTP_SUMMARY_H */
