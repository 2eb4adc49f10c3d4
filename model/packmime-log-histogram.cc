/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-log-histogram.h"

#include <cmath>
#include <limits>

namespace ns3
{

PackMimeLogHistogram::PackMimeLogHistogram(double min, double max)
    : m_min(min),
      m_logStep(std::log1p(1e-3))
{
    m_bins.assign(size_t(std::ceil(std::log(max / min) / m_logStep)) + 1, 0);
}

void
PackMimeLogHistogram::Add(double x)
{
    double k = x > m_min ? std::floor(std::log(x / m_min) / m_logStep) : 0;
    m_bins[std::min<size_t>(size_t(k), m_bins.size() - 1)]++;
    m_count++;
}

uint64_t
PackMimeLogHistogram::GetCount() const
{
    return m_count;
}

double
PackMimeLogHistogram::Quantile(double p) const
{
    if (m_count == 0)
    {
        return std::numeric_limits<double>::quiet_NaN();
    }
    auto rank = uint64_t(std::floor(p * double(m_count)));
    rank = std::min(rank, m_count - 1);
    uint64_t seen = 0;
    for (size_t k = 0; k < m_bins.size(); k++)
    {
        seen += m_bins[k];
        if (seen > rank)
        {
            // The bin's geometric centre: within 0.05 % of any value in it.
            return m_min * std::exp((double(k) + 0.5) * m_logStep);
        }
    }
    return m_min * std::exp(double(m_bins.size()) * m_logStep);
}

} // namespace ns3
