/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-workload.h"

#include "ns3/log.h"
#include "ns3/packmime-fatal.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <fstream>
#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeWorkload");

NS_OBJECT_ENSURE_REGISTERED(PackMimeWorkload);

TypeId
PackMimeWorkload::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeWorkload")
            .SetParent<Object>()
            .SetGroupName("PackMime")
            .AddAttribute("StartTime",
                          "Simulation time at which the arrivals begin.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&PackMimeWorkload::m_startTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("StopTime",
                          "No new arrivals after this simulation time (0: none); running flows "
                          "and connections go on.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&PackMimeWorkload::m_stopTime),
                          MakeTimeChecker(Time(0)))
            .AddAttribute("SummaryFile",
                          "Write the run's summary as JSON to this file at Finish (empty: no "
                          "file).",
                          StringValue(""),
                          MakeStringAccessor(&PackMimeWorkload::m_summaryPath),
                          MakeStringChecker());
    return tid;
}

PackMimeWorkload::PackMimeWorkload()
{
    NS_LOG_FUNCTION(this);
}

PackMimeWorkload::~PackMimeWorkload()
{
    NS_LOG_FUNCTION(this);
}

void
PackMimeWorkload::DoDispose()
{
    m_progressEvent.Cancel();
    if (m_started && !m_finished)
    {
        Finish();
    }
    Object::DoDispose();
}

void
PackMimeWorkload::Start()
{
    NS_LOG_FUNCTION(this);
    PACKMIME_FATAL_IF(m_started, TypeName() << "::Start called twice");
    m_started = true;
    m_startedAt = Simulator::Now();
    DoStart();
}

void
PackMimeWorkload::Stop()
{
    NS_LOG_FUNCTION(this);
    if (m_started && !m_stopped)
    {
        m_stopped = true;
        m_stoppedAt = Simulator::Now();
        DoStop();
    }
}

void
PackMimeWorkload::Finish()
{
    NS_LOG_FUNCTION(this);
    if (m_finished)
    {
        return;
    }
    Stop();
    m_finished = true;
    m_progressEvent.Cancel();
    DoFinish();
    if (!m_summaryPath.empty())
    {
        std::ofstream out(m_summaryPath);
        PACKMIME_FATAL_IF(!out,
                          TypeName()
                              << " attribute SummaryFile: cannot write '" << m_summaryPath << "'");
        GetSummaryValues().WriteJson(out);
    }
}

Time
PackMimeWorkload::GetStartTime() const
{
    return m_startTime;
}

Time
PackMimeWorkload::GetStopTime() const
{
    return m_stopTime;
}

void
PackMimeWorkload::SetSummaryValue(const std::string& name, double value)
{
    for (auto& [n, v] : m_extra)
    {
        if (n == name)
        {
            v = value;
            return;
        }
    }
    m_extra.emplace_back(name, value);
}

PackMimeSummary
PackMimeWorkload::GetSummaryValues() const
{
    PackMimeSummary summary;
    AddSummaryValues(summary);
    for (const auto& [name, value] : m_extra)
    {
        summary.SetNumber(name, value);
    }
    return summary;
}

void
PackMimeWorkload::PrintSummary(std::ostream& os) const
{
    DoPrintSummary(os);
    std::ios_base::fmtflags flags = os.flags();
    std::streamsize precision = os.precision();
    os << std::defaultfloat << std::setprecision(4);
    for (const auto& [name, value] : m_extra)
    {
        os << "  " << std::left << std::setw(15) << name << " " << value << "\n" << std::right;
    }
    os.flags(flags);
    os.precision(precision);
}

void
PackMimeWorkload::ShowProgress(std::ostream& os, const std::string& label, Time every)
{
    PACKMIME_FATAL_IF(!every.IsStrictlyPositive(),
                      TypeName() << "::ShowProgress: interval " << every.As(Time::S)
                                 << "; expected > 0");
    m_progressStream = &os;
    m_progressLabel = label;
    m_progressEvery = every;
    m_lastProgress = std::chrono::steady_clock::now();
    m_progressEvent.Cancel();
    m_progressEvent = Simulator::Schedule(every, &PackMimeWorkload::Progress, this);
}

void
PackMimeWorkload::Progress()
{
    auto now = std::chrono::steady_clock::now();
    if (now - m_lastProgress > std::chrono::seconds(3))
    {
        m_lastProgress = now;
        *m_progressStream << "[" << m_progressLabel << "] t=" << Simulator::Now().As(Time::S) << " "
                          << DoProgressText() << std::endl;
    }
    m_progressEvent = Simulator::Schedule(m_progressEvery, &PackMimeWorkload::Progress, this);
}

Ptr<OutputStreamWrapper>
PackMimeWorkload::OpenOutput(const std::string& path, const std::string& attribute) const
{
    // Probe first: OutputStreamWrapper's own failure message names neither file nor attribute.
    PACKMIME_FATAL_IF(!std::ofstream(path),
                      TypeName() << " attribute " << attribute << ": cannot write '" << path
                                 << "'");
    return Create<OutputStreamWrapper>(path, std::ios::out);
}

void
PackMimeWorkload::CheckTimes() const
{
    PACKMIME_FATAL_IF(m_stopTime.IsStrictlyPositive() && m_stopTime <= m_startTime,
                      TypeName() << " attribute StopTime=" << m_stopTime.As(Time::S)
                                 << ": expected 0 (none) or after StartTime="
                                 << m_startTime.As(Time::S));
}

std::string
PackMimeWorkload::TypeName() const
{
    std::string name = GetInstanceTypeId().GetName();
    return name.rfind("ns3::", 0) == 0 ? name.substr(5) : name;
}

bool
PackMimeWorkload::IsStarted() const
{
    return m_started;
}

bool
PackMimeWorkload::IsStopped() const
{
    return m_stopped;
}

Time
PackMimeWorkload::GetStartedAt() const
{
    return m_startedAt;
}

Time
PackMimeWorkload::GetStoppedAt() const
{
    return m_stoppedAt;
}

} // namespace ns3
