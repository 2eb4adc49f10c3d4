/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_RECORD_STATUS_H
#define PACKMIME_RECORD_STATUS_H

#include <cstdint>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief How a flow or a connection ended: one set of codes for every record of the module
 * (the base of PackMimeFlowRecord and PackMimeHttpConnectionRecord; flows.csv's returncode).
 */
struct PackMimeRecordStatus
{
    /// The codes.
    enum Status : int32_t
    {
        OK = 0,             ///< completed
        INCOMPLETE = 1,     ///< still running when the workload finished
        CONNECT_FAILED = 2, ///< the connection could not be opened
        RESET = 3,          ///< the connection broke (reset or retransmission timeout)
        CLOSED_EARLY = 4    ///< the peer closed before the last byte
    };

    /**
     * @brief The name of a code, as the CSV files write it.
     * @param status the code
     * @return "" for OK, else "incomplete", "connect-failed", "reset" or "closed-early"
     */
    static const char* Name(Status status)
    {
        static const char* const names[] = {"",
                                            "incomplete",
                                            "connect-failed",
                                            "reset",
                                            "closed-early"};
        return names[status];
    }
};

} // namespace ns3

#endif /* PACKMIME_RECORD_STATUS_H */
