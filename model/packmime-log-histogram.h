/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_LOG_HISTOGRAM_H
#define PACKMIME_LOG_HISTOGRAM_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief A fixed-memory quantile sketch: counts in logarithmic bins of relative width 0.1 %
 * over [1 ns, 10^6 s] (or any positive range), so p50/p99 summaries cost O(1) memory
 * whatever the number of flows. Quantiles are exact to 0.1 % (relative).
 */
class PackMimeLogHistogram
{
  public:
    /**
     * @brief Constructor.
     * @param min smallest value resolved (smaller values fall in the first bin)
     * @param max largest value resolved (larger values fall in the last bin)
     */
    PackMimeLogHistogram(double min = 1e-9, double max = 1e6);
    /**
     * @brief Count a value.
     * @param x the value (> 0)
     */
    void Add(double x);
    /// @return number of values counted
    uint64_t GetCount() const;
    /**
     * @brief Nearest-rank quantile: the value of rank floor(p * n) (0-based).
     * @param p level in [0, 1]
     * @return the quantile, NaN if empty
     */
    double Quantile(double p) const;

  private:
    double m_min;                 //!< lower edge
    double m_logStep;             //!< log of the bin ratio
    std::vector<uint64_t> m_bins; //!< counts
    uint64_t m_count{0};          //!< values counted
};

} // namespace ns3

#endif /* PACKMIME_LOG_HISTOGRAM_H */
