/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_INCAST_H
#define PACKMIME_INCAST_H

// Internal to the flow workload (not installed): it may include the C core's headers.

#include "gsl-rng-stream.h"
#include "pm-ecdf.h"

#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The incast requests of a flow workload: a Poisson stream of requests offered at a
 * share of the total host capacity; each picks a receiver uniformly and IncastFanout other
 * hosts as senders (distinct while there are enough hosts), which all answer at once.
 */
class PackMimeIncast
{
  public:
    /// One incast request.
    struct Request
    {
        uint32_t receiver{0};          ///< the host that pulls the answers
        std::vector<uint32_t> senders; ///< the hosts that answer
        std::vector<uint64_t> sizes;   ///< bytes of each sender's answer
    };

    PackMimeIncast();

    /**
     * @brief Set the request rate (fatal error naming the attributes otherwise).
     * @param load share of the total host capacity (IncastLoad)
     * @param fanout senders per request (IncastFanout)
     * @param size bytes per sender, 0 to draw them from the CDF (IncastSize)
     * @param hosts number of hosts
     * @param capacityBps capacity of one host link (bit/s)
     * @param overhead wire-overhead factor h
     * @param sizes the workload's flow sizes (kept; it must outlive this object's use)
     * @param mode their reading
     */
    void Configure(double load,
                   uint32_t fanout,
                   uint64_t size,
                   uint32_t hosts,
                   double capacityBps,
                   double overhead,
                   const pm_ecdf* sizes,
                   pm_ecdf_mode mode);

    /// @return whether incast is on (a request rate > 0)
    bool IsEnabled() const;

    /**
     * @brief Pin the streams (gaps, receivers, senders, sizes).
     * @param stream first stream index to use
     * @return the number of streams used (4)
     */
    int64_t AssignStreams(int64_t stream);

    /// @return an exponential gap to the next request
    Time DrawGap();

    /**
     * @brief Draw a request.
     * @param request set to the receiver, the senders and their sizes
     */
    void DrawRequest(Request* request);

  private:
    double m_rate{0};                    //!< requests per second
    uint32_t m_fanout{0};                //!< senders per request
    uint32_t m_hosts{0};                 //!< number of hosts
    uint64_t m_size{0};                  //!< bytes per sender (0: from the CDF)
    const pm_ecdf* m_sizes{nullptr};     //!< the workload's flow sizes
    pm_ecdf_mode m_mode{PM_ECDF_LINEAR}; //!< their reading
    Ptr<GslRngStream> m_gapRng;          //!< inter-arrival gaps
    Ptr<GslRngStream> m_receiverRng;     //!< receivers
    Ptr<GslRngStream> m_senderRng;       //!< senders
    Ptr<GslRngStream> m_sizeRng;         //!< sizes (from the CDF)
};

} // namespace ns3

#endif /* PACKMIME_INCAST_H */
