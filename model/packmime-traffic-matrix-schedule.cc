/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-traffic-matrix-schedule.h"

#include "ns3/log.h"
#include "ns3/packmime-fatal.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeTrafficMatrixSchedule");

PackMimeTrafficMatrixSchedule::PackMimeTrafficMatrixSchedule()
    : m_groupRng(CreateObject<GslRngStream>())
{
}

PackMimeTrafficMatrixSchedule::~PackMimeTrafficMatrixSchedule()
{
    pm_tm_free(m_tm);
}

std::string
PackMimeTrafficMatrixSchedule::Check(const std::string& path, uint32_t* n, size_t* epochs)
{
    pm_error err;
    pm_tm* trace = pm_tm_open(path.c_str(), &err);
    if (!trace || pm_tm_validate(trace, &err) != PM_OK)
    {
        pm_tm_free(trace);
        return err.message;
    }
    *n = uint32_t(pm_tm_n(trace));
    *epochs = pm_tm_epochs(trace);
    pm_tm_free(trace);
    return "";
}

void
PackMimeTrafficMatrixSchedule::Open(const std::string& path,
                                    Time epoch,
                                    pm_tm_unit unit,
                                    double scale,
                                    int64_t firstKey)
{
    PACKMIME_FATAL_IF(path.empty(), "PackMimeFlowWorkload: Pattern=tm needs the TmTrace attribute");
    pm_error err;
    pm_tm_free(m_tm);
    m_tm = pm_tm_open(path.c_str(), &err);
    // Every matrix is checked before the run: a bad value late in the trace would otherwise
    // stop the simulation halfway, with its records cut off.
    PACKMIME_FATAL_IF(!m_tm || pm_tm_validate(m_tm, &err) != PM_OK,
                      "PackMimeFlowWorkload attribute TmTrace: " << err.message);
    m_path = path;
    m_epoch = epoch;
    m_unit = unit;
    m_scale = scale;
    m_matrix.resize(pm_tm_n(m_tm) * pm_tm_n(m_tm));
    long first = firstKey == INT64_MIN ? 0 : pm_tm_find(m_tm, firstKey);
    PACKMIME_FATAL_IF(first < 0,
                      "PackMimeFlowWorkload attribute TmFirstKey="
                          << firstKey << ": before the trace's first time key "
                          << pm_tm_time(m_tm, 0));
    m_index = first - 1; // NextEpoch() moves to `first`
}

bool
PackMimeTrafficMatrixSchedule::IsOpen() const
{
    return m_tm != nullptr;
}

uint32_t
PackMimeTrafficMatrixSchedule::GetN() const
{
    return m_tm ? uint32_t(pm_tm_n(m_tm)) : 0;
}

void
PackMimeTrafficMatrixSchedule::SetGroups(const std::vector<std::vector<uint32_t>>& groups,
                                         uint32_t hosts)
{
    PACKMIME_FATAL_IF(groups.size() != pm_tm_n(m_tm),
                      "PackMimeFlowWorkload::SetTrafficMatrixGroups: "
                          << groups.size() << " groups, but the trace " << m_path
                          << " has N = " << pm_tm_n(m_tm)
                          << " (one group per matrix index, in the trace's order)");
    for (size_t g = 0; g < groups.size(); g++)
    {
        PACKMIME_FATAL_IF(groups[g].empty(),
                          "PackMimeFlowWorkload::SetTrafficMatrixGroups: group " << g
                                                                                 << " is empty");
        for (uint32_t h : groups[g])
        {
            PACKMIME_FATAL_IF(h >= hosts,
                              "PackMimeFlowWorkload::SetTrafficMatrixGroups: host "
                                  << h << " of group " << g << " is not below " << hosts);
        }
    }
    m_groups = groups;
}

bool
PackMimeTrafficMatrixSchedule::HasGroups() const
{
    return !m_groups.empty();
}

int64_t
PackMimeTrafficMatrixSchedule::AssignStreams(int64_t stream)
{
    return m_groupRng->AssignStreams(stream);
}

void
PackMimeTrafficMatrixSchedule::Start(Time now)
{
    m_epochStart = now;
}

bool
PackMimeTrafficMatrixSchedule::NextEpoch(std::vector<double>* weights, double* bps)
{
    size_t n = pm_tm_n(m_tm);
    weights->resize(n * n);
    while (++m_index < long(pm_tm_epochs(m_tm)))
    {
        if (m_inEpoch)
        {
            m_epochStart += m_epoch; // the previous epoch, which had flows, is over
            m_inEpoch = false;
        }
        pm_error err;
        PACKMIME_FATAL_IF(pm_tm_read(m_tm, size_t(m_index), m_matrix.data(), &err) != PM_OK,
                          "PackMimeFlowWorkload attribute TmTrace: " << err.message);
        *bps = pm_tm_epoch_bps(m_matrix.data(),
                               n,
                               m_unit,
                               m_epoch.GetSeconds(),
                               m_scale,
                               weights->data());
        m_targetBits += *bps * m_epoch.GetSeconds();
        if (!(*bps > 0))
        {
            m_epochStart += m_epoch; // an epoch without demand: no flows
            continue;
        }
        m_inEpoch = true;
        NS_LOG_INFO("epoch " << m_index << " (key " << pm_tm_time(m_tm, size_t(m_index)) << ") at "
                             << m_epochStart.As(Time::S) << ": " << *bps << " bit/s");
        return true;
    }
    return false;
}

Time
PackMimeTrafficMatrixSchedule::GetEpochStart() const
{
    return m_epochStart;
}

Time
PackMimeTrafficMatrixSchedule::GetOfferedEnd() const
{
    // Epochs without demand have moved m_epochStart past themselves already.
    return m_inEpoch ? m_epochStart + m_epoch : m_epochStart;
}

double
PackMimeTrafficMatrixSchedule::GetTargetBits() const
{
    return m_targetBits;
}

uint32_t
PackMimeTrafficMatrixSchedule::PickHost(uint32_t group, uint32_t avoid)
{
    const auto& hosts = m_groups[group];
    uint32_t h;
    pm_error err;
    PACKMIME_FATAL_IF(
        pm_group_pick(m_groupRng->Get(), hosts.data(), hosts.size(), avoid, &h, &err) != PM_OK,
        "PackMimeFlowWorkload (traffic-matrix group " << group << "): " << err.message);
    return h;
}

} // namespace ns3
