/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_RECORD_H
#define PACKMIME_FLOW_RECORD_H

#include "packmime-log-histogram.h"
#include "packmime-record-status.h"

#include "ns3/address.h"
#include "ns3/nstime.h"

#include <cstdint>

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
struct PackMimeFlowRecord : public PackMimeRecordStatus
{
    uint64_t id{0};              ///< flow id, unique within a workload
    uint64_t size{0};            ///< bytes of the flow
    uint32_t src{0};             ///< index of the client host in the workload
    uint32_t dst{0};             ///< index of the server host in the workload
    Address server;              ///< the server's socket address (address and port)
    Time start;                  ///< when the flow was offered
    Time end;                    ///< when it completed (only if completed)
    bool completed{false};       ///< whether the flow finished
    Status returncode{OK};       ///< OK on success, else why not (PackMimeRecordStatus)
    const char* error{""};       ///< "" on success, else a short reason ("incomplete", ...)
    uint64_t incast{UINT64_MAX}; ///< incast request the flow belongs to, or UINT64_MAX

    /// @return the flow completion time (zero unless completed)
    Time GetFct() const;

    /**
     * TracedCallback signature of every flow-record trace (the client's and the workload's
     * FlowCompleted).
     * @param [in] record the record
     */
    typedef void (*TracedCallback)(const PackMimeFlowRecord& record);
};

} // namespace ns3

#endif /* PACKMIME_FLOW_RECORD_H */
