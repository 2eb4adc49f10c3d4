/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-incast.h"

#include "pm-arrivals.h"
#include "pm-patterns.h"

#include "ns3/packmime-fatal.h"

namespace ns3
{

PackMimeIncast::PackMimeIncast()
    : m_gapRng(CreateObject<GslRngStream>()),
      m_receiverRng(CreateObject<GslRngStream>()),
      m_senderRng(CreateObject<GslRngStream>()),
      m_sizeRng(CreateObject<GslRngStream>())
{
}

void
PackMimeIncast::Configure(double load,
                          uint32_t fanout,
                          uint64_t size,
                          uint32_t hosts,
                          double capacityBps,
                          double overhead,
                          const pm_ecdf* sizes,
                          pm_ecdf_mode mode)
{
    m_fanout = fanout;
    m_hosts = hosts;
    m_size = size;
    m_sizes = sizes;
    m_mode = mode;
    double mean = size ? double(size) : pm_ecdf_mean(sizes, mode);
    pm_error err;
    m_rate = pm_incast_rate(load, hosts, capacityBps, fanout, mean, overhead, &err);
    PACKMIME_FATAL_IF(
        !(m_rate > 0),
        "PackMimeFlowWorkload (IncastLoad, IncastFanout, IncastSize): " << err.message);
}

bool
PackMimeIncast::IsEnabled() const
{
    return m_rate > 0;
}

int64_t
PackMimeIncast::AssignStreams(int64_t stream)
{
    int64_t current = stream;
    for (Ptr<GslRngStream> r : {m_gapRng, m_receiverRng, m_senderRng, m_sizeRng})
    {
        current += r->AssignStreams(current);
    }
    return current - stream;
}

Time
PackMimeIncast::DrawGap()
{
    return Seconds(pm_arrivals_gap(m_gapRng->Get(), m_rate));
}

void
PackMimeIncast::DrawRequest(Request* request)
{
    request->senders.resize(m_fanout);
    pm_error err;
    PACKMIME_FATAL_IF(pm_incast_draw(m_receiverRng->Get(),
                                     m_senderRng->Get(),
                                     m_hosts,
                                     m_fanout,
                                     &request->receiver,
                                     request->senders.data(),
                                     &err) != PM_OK,
                      "PackMimeFlowWorkload (incast): " << err.message);
    request->sizes.resize(m_fanout);
    for (uint64_t& size : request->sizes)
    {
        size =
            m_size ? m_size : pm_ecdf_to_bytes(pm_ecdf_sample(m_sizes, m_mode, m_sizeRng->Get()));
    }
}

} // namespace ns3
