/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_TRAFFIC_MATRIX_SCHEDULE_H
#define PACKMIME_TRAFFIC_MATRIX_SCHEDULE_H

// Internal to the flow workload (not installed): it may include the C core's headers.

#include "gsl-rng-stream.h"
#include "pm-patterns.h"
#include "pm-tm.h"

#include "ns3/nstime.h"
#include "ns3/ptr.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The epochs of a traffic-matrix trace as the flow workload offers them: each epoch
 * with demand becomes one Poisson arrival process (the workload builds it from the weights
 * and rate given here), epochs without demand pass with no flow, and a matrix index's flows
 * run between hosts drawn uniformly in its group.
 */
class PackMimeTrafficMatrixSchedule
{
  public:
    PackMimeTrafficMatrixSchedule();
    ~PackMimeTrafficMatrixSchedule();
    PackMimeTrafficMatrixSchedule(const PackMimeTrafficMatrixSchedule&) = delete;
    PackMimeTrafficMatrixSchedule& operator=(const PackMimeTrafficMatrixSchedule&) = delete;

    /**
     * @brief Check a trace: read every matrix (a bad value in its last epoch must not stop a
     * run halfway).
     * @param path the trace (prefix or directory)
     * @param n set to the trace's matrix size N when it is valid
     * @param epochs set to its number of epochs when it is valid
     * @return "" when it is valid, else why not (file and line)
     */
    static std::string Check(const std::string& path, uint32_t* n, size_t* epochs);

    /**
     * @brief Open and validate the trace (fatal error naming the attribute otherwise).
     * @param path the trace (TmTrace)
     * @param epoch duration of one matrix (TmEpoch)
     * @param unit unit of the matrix values (TmUnit)
     * @param scale factor applied to every value (TmScale)
     * @param firstKey time key to start from, INT64_MIN for the first epoch (TmFirstKey)
     */
    void Open(const std::string& path, Time epoch, pm_tm_unit unit, double scale, int64_t firstKey);

    /// @return whether a trace is open
    bool IsOpen() const;

    /// @return the trace's matrix size N
    uint32_t GetN() const;

    /**
     * @brief Set the hosts of every matrix index of the open trace (fatal error naming the
     * method otherwise).
     * @param groups host indexes of every matrix index (as many groups as N)
     * @param hosts number of hosts of the workload
     */
    void SetGroups(const std::vector<std::vector<uint32_t>>& groups, uint32_t hosts);

    /// @return whether the groups are set
    bool HasGroups() const;

    /**
     * @brief Pin the stream of the host draws within groups.
     * @param stream the stream index to use
     * @return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief Start offering epochs.
     * @param now when the first epoch begins
     */
    void Start(Time now);

    /**
     * @brief Move to the next epoch with demand.
     * @param weights set to its n x n pair weights
     * @param bps set to the rate it offers (bit/s)
     * @return false when the trace has no more such epoch
     */
    bool NextEpoch(std::vector<double>* weights, double* bps);

    /// @return when the current epoch began
    Time GetEpochStart() const;

    /// @return when the epochs offered so far end
    Time GetOfferedEnd() const;

    /// @return bits the epochs offered so far asked for
    double GetTargetBits() const;

    /**
     * @brief Draw a host of a matrix index's group.
     * @param group the matrix index
     * @param avoid a host not to draw (UINT32_MAX: none)
     * @return the host index
     */
    uint32_t PickHost(uint32_t group, uint32_t avoid);

  private:
    pm_tm* m_tm{nullptr};                        //!< the open trace
    std::string m_path;                          //!< its path (for messages)
    Time m_epoch;                                //!< duration of one matrix
    pm_tm_unit m_unit{PM_TM_BITS_PER_EPOCH};     //!< unit of the values
    double m_scale{1.0};                         //!< factor applied to every value
    long m_index{-1};                            //!< current epoch of the trace
    bool m_inEpoch{false};                       //!< an epoch with demand is being offered
    Time m_epochStart;                           //!< when the current epoch began
    std::vector<float> m_matrix;                 //!< the current matrix
    double m_targetBits{0};                      //!< bits the epochs so far asked for
    std::vector<std::vector<uint32_t>> m_groups; //!< hosts of each matrix index
    Ptr<GslRngStream> m_groupRng;                //!< hosts within groups
};

} // namespace ns3

#endif /* PACKMIME_TRAFFIC_MATRIX_SCHEDULE_H */
