/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_TCP_PRESETS_H
#define PACKMIME_TCP_PRESETS_H

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The TCP set-ups of the module's programs, as Config::SetDefault calls: call one
 * before parsing the command line, so that --ns3::TcpSocket::...=... options still override
 * it.
 *
 * Both keep the receive buffer more than twice the send buffer, so that the advertised window
 * never equals the unacknowledged data: on ns-3.37-3.40 that equality sends a zero-length
 * segment and crashes (TcpTxBuffer::NextSeg, ns-3 issue #991, fixed in 3.41).
 */
class PackMimeTcpPresets
{
  public:
    /**
     * @brief Datacenter-like TCP (ns-3's defaults are 536-byte segments, a 1 s minimum RTO, a
     * 3 s SYN timeout and delayed ACKs, which no datacenter study uses): MSS 1448 B, 2 MB send
     * and 4 MB + 1448 B receive buffers, DelAckCount 1, initial window 10, minimum RTO and SYN
     * timeout 10 ms, clock granularity 10 us. Used by packmime-flows.
     */
    static void Datacenter();

    /**
     * @brief ns-2 Full-TCP as in the PackMime reference scripts: MSS 1460 B, DelAckCount 1,
     * initial window 2, windows of 64 segments (ns-2's window_, a sender-side limit: the send
     * buffer bounds the data in flight), no SACK, no timestamps. Used by packmime-http.
     */
    static void Ns2FullTcp();
};

} // namespace ns3

#endif /* PACKMIME_TCP_PRESETS_H */
