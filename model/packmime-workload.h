/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_WORKLOAD_H
#define PACKMIME_WORKLOAD_H

#include "packmime-summary.h"

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/output-stream-wrapper.h"

#include <chrono>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Base class of the module's workloads (the flow workload, the PackMime-HTTP
 * generator): what every workload does the same way.
 *
 * It owns the lifecycle — Start (once: a second call aborts), Stop (no new arrivals; running
 * work goes on), Finish (stop, record every running flow or connection as incomplete through
 * the subclass, close the outputs, write the summary; also done at disposal once started) —
 * the StartTime, StopTime and SummaryFile attributes, the run's summary as ordered key/value
 * pairs (the subclass's keys, then values added with SetSummaryValue) written as JSON, and
 * the opening of output files. A subclass implements only its traffic: DoStart, DoStop,
 * DoFinish, AddSummaryValues and DoPrintSummary.
 */
class PackMimeWorkload : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeWorkload();
    ~PackMimeWorkload() override;

    /// Start the arrivals (scheduled by the helpers at StartTime). Aborts when called twice.
    void Start();

    /// Stop the arrivals (at StopTime, or from a trace sink); running work goes on.
    void Stop();

    /**
     * @brief End the run: Stop, record every running flow or connection as incomplete, close
     * the output files and write the SummaryFile. Call after Simulator::Run(); also done at
     * disposal when the workload started and was not finished. Later calls do nothing.
     */
    void Finish();

    /// @return the StartTime attribute (when arrivals begin)
    Time GetStartTime() const;

    /// @return the StopTime attribute (no new arrivals after it; 0: none)
    Time GetStopTime() const;

    /**
     * @brief Add a value to the printed summary and the summary file (e.g. a link's measured
     * throughput); a later call with the same name replaces it.
     * @param name JSON key
     * @param value its value
     */
    void SetSummaryValue(const std::string& name, double value);

    /// @return the summary so far as ordered key/value pairs, as the SummaryFile writes it
    PackMimeSummary GetSummaryValues() const;

    /**
     * @brief Print the summary block, then the values added with SetSummaryValue.
     * @param os output stream
     */
    void PrintSummary(std::ostream& os) const;

    /**
     * @brief Print a progress line on `os` at most every 3 s of wall-clock time, checked every
     * `every` of simulated time, until Finish: "[label] t=<simulated time> <what the
     * workload did so far>". The check is an event: end the run with Simulator::Stop.
     * @param os where to print (e.g. std::cerr)
     * @param label the line's prefix (e.g. the program's name)
     * @param every simulated time between checks
     */
    void ShowProgress(std::ostream& os, const std::string& label, Time every);

  protected:
    void DoDispose() override;

    /// Begin the arrivals (Start, once).
    virtual void DoStart() = 0;

    /// Cancel the pending arrivals (Stop, once, after Start).
    virtual void DoStop() = 0;

    /// Record every running flow or connection as incomplete and close the output files.
    virtual void DoFinish() = 0;

    /**
     * @brief Add the workload's keys to the summary, in a fixed order.
     * @param summary the summary
     */
    virtual void AddSummaryValues(PackMimeSummary& summary) const = 0;

    /// @return what the workload did so far, for a progress line (e.g. "flows offered 5")
    virtual std::string DoProgressText() const = 0;

    /**
     * @brief Print the workload's summary block.
     * @param os output stream
     */
    virtual void DoPrintSummary(std::ostream& os) const = 0;

    /**
     * @brief Open an output file for writing, aborting with a message naming the attribute.
     * @param path the file
     * @param attribute the attribute that names it
     * @return the open stream
     */
    Ptr<OutputStreamWrapper> OpenOutput(const std::string& path,
                                        const std::string& attribute) const;

    /// Abort unless StopTime is 0 (none) or after StartTime, naming the attributes.
    void CheckTimes() const;

    /// @return whether Start was called
    bool IsStarted() const;

    /// @return whether the arrivals stopped (Stop or Finish)
    bool IsStopped() const;

    /// @return when Start was called
    Time GetStartedAt() const;

    /// @return when Stop was called (zero before)
    Time GetStoppedAt() const;

  private:
    /// @return the class name without "ns3::", as messages name it
    std::string TypeName() const;

    /// Print a progress line if 3 s of wall-clock time passed; check again later.
    void Progress();

    Time m_startTime;          //!< when the arrivals begin
    Time m_stopTime;           //!< no new arrivals after this time (0: none)
    std::string m_summaryPath; //!< summary.json ("" = none)
    bool m_started{false};     //!< Start() called
    bool m_stopped{false};     //!< Stop() called
    bool m_finished{false};    //!< Finish() called
    Time m_startedAt;          //!< when Start() was called
    Time m_stoppedAt;          //!< when Stop() was called
    std::vector<std::pair<std::string, double>> m_extra;  //!< SetSummaryValue values
    std::ostream* m_progressStream{nullptr};              //!< ShowProgress's stream
    std::string m_progressLabel;                          //!< ShowProgress's prefix
    Time m_progressEvery;                                 //!< simulated time between checks
    std::chrono::steady_clock::time_point m_lastProgress; //!< wall clock of the last line
    EventId m_progressEvent;                              //!< the next check
};

} // namespace ns3

#endif /* PACKMIME_WORKLOAD_H */
