/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_RECORD_H
#define PACKMIME_HTTP_RECORD_H

#include "packmime-record-status.h"

#include "ns3/nstime.h"

#include <array>
#include <cstdint>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief One request/response exchange of a PackMime-HTTP connection (ns-2's "pair").
 *
 * The request (`reqBytes`, the model's size) is handed to TCP at `sent`; the exchange is
 * complete when the last of the `rspBytes` response bytes has been received, at
 * `completed`. The response time is `completed - sent` (for a connection's first request
 * it includes the TCP handshake, as in ns-2).
 */
struct PackMimeHttpExchangeRecord
{
    uint64_t connection{0}; ///< connection id (0, 1, 2, ... per generator)
    uint32_t request{0};    ///< index of the request within its connection
    uint64_t reqBytes{0};   ///< request size (model bytes, >= 1)
    uint64_t rspBytes{0};   ///< response size (bytes, >= 1)
    uint32_t client{0};     ///< client node id
    uint32_t server{0};     ///< server node id
    Time sent;              ///< when the request was handed to TCP
    Time completed;         ///< when the last response byte arrived (if complete)
    bool complete{false};   ///< whether the response has fully arrived
    uint64_t active{0};     ///< connections active (started, not closed) at completion

    /// @return the response time (zero unless complete)
    Time GetResponseTime() const
    {
        return complete ? completed - sent : Time(0);
    }

    /**
     * TracedCallback signature of the exchange traces (RequestSent: complete == false;
     * ResponseReceived), on the client and on the generator.
     * @param [in] exchange the exchange
     */
    typedef void (*TracedCallback)(const PackMimeHttpExchangeRecord& exchange);
};

/**
 * @ingroup packmime
 * @brief The record of one PackMime-HTTP connection: every started connection ends in
 * exactly one.
 *
 * The request count and byte totals are those of the connection's plan (what the model
 * offered); `pairs` says how many exchanges completed. A connection succeeds when every
 * response arrived and the server closed; otherwise `success` is false, `code` and `error`
 * give the reason and `closed` is zero if the connection never closed.
 */
struct PackMimeHttpConnectionRecord : public PackMimeRecordStatus
{
    uint64_t id{0};         ///< connection id
    Time start;             ///< when the connection was started
    Time closed;            ///< when it ended (server FIN or error); zero if incomplete
    uint32_t client{0};     ///< client node id
    uint32_t server{0};     ///< server node id
    uint32_t requests{0};   ///< requests planned
    uint32_t pairs{0};      ///< request/response exchanges completed
    bool persistent{false}; ///< HTTP/1.1 persistent connection
    uint64_t reqBytes{0};   ///< planned request bytes (sum over requests)
    uint64_t rspBytes{0};   ///< planned response bytes (sum over requests)
    uint16_t clientPort{0}; ///< the connection's TCP port on the client (0: never opened)
    /// One-way delays (ms) drawn for this connection by the DelayBoxes of
    /// PackMimeHttpHelper::InstallDelayBox: [side][direction], side 0 = client side,
    /// 1 = server side, direction 0 = client to server, 1 = back; -1 where it met none.
    std::array<std::array<double, 2>, 2> pathDelayMs{{{-1, -1}, {-1, -1}}};

    bool success{false};   ///< every response arrived and the connection closed
    Status code{OK};       ///< how it ended
    const char* error{""}; ///< Name(code): "", "incomplete", "connect-failed", "reset"
                           ///< or "closed-early"

    /**
     * TracedCallback signature of the ConnectionClosed traces (client and generator).
     * @param [in] record the connection's final record
     */
    typedef void (*TracedCallback)(const PackMimeHttpConnectionRecord& record);
};

} // namespace ns3

#endif /* PACKMIME_HTTP_RECORD_H */
