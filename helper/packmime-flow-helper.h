/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_FLOW_HELPER_H
#define PACKMIME_FLOW_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/packmime-flow-workload.h"

#include <string>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Installs a CDF-driven flow workload on a set of hosts.
 *
 * Every host gets one PackMimeServer and one PackMimeFlowClient (one application per node
 * and role, whatever the number of flows), and one PackMimeFlowWorkload drives them. The
 * traffic is set by attributes of ns3::PackMimeFlowWorkload (Cdf, Mode, Load, LinkRate,
 * TargetRate, Overhead, Pattern, Direction, StartTime, StopTime, MaxFlows, Incast*, CsvFile,
 * SummaryFile, ...); the applications keep their own settings (PackMimeServer: Port,
 * TimeWait; PackMimeFlowClient: IdleTimeout, MaxIdlePerDestination,
 * MaxConnectionsPerDestination, TimeWait), set with SetServerAttribute and
 * SetClientAttribute:
 *
 * @code
 *   PackMimeFlowHelper flows;
 *   flows.SetAttribute("Cdf", StringValue("websearch"));
 *   flows.SetAttribute("Load", DoubleValue(0.5));
 *   flows.SetAttribute("LinkRate", DataRateValue(DataRate("10Gbps")));
 *   flows.SetServerAttribute("Port", UintegerValue(9000));
 *   flows.Install(hosts);
 *   flows.AssignStreams(1);
 *   Simulator::Run();
 *   flows.GetWorkload()->Finish();
 *   flows.GetWorkload()->PrintSummary(std::cout);
 * @endcode
 */
class PackMimeFlowHelper
{
  public:
    PackMimeFlowHelper();

    /**
     * @brief Set an attribute of the workload to create.
     * @param name attribute name (of ns3::PackMimeFlowWorkload)
     * @param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Set an attribute of the client applications to create.
     * @param name attribute name (of ns3::PackMimeFlowClient)
     * @param value its value
     */
    void SetClientAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Set an attribute of the server applications to create.
     * @param name attribute name (of ns3::PackMimeServer)
     * @param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Install the workload on the hosts: a server and a client on each, and the
     * workload, which starts at its StartTime.
     * @param hosts the hosts (index i in records and matrices is hosts.Get(i))
     * @return the installed applications (servers and clients)
     */
    ApplicationContainer Install(NodeContainer hosts);

    /// @return the workload created by the last Install
    Ptr<PackMimeFlowWorkload> GetWorkload() const;

    /**
     * @brief Assign fixed streams to every random variable of the installed workload.
     * @param stream first stream index to use
     * @return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

  private:
    ObjectFactory m_factory;              //!< workload factory
    ObjectFactory m_clientFactory;        //!< client application factory
    ObjectFactory m_serverFactory;        //!< server application factory
    Ptr<PackMimeFlowWorkload> m_workload; //!< the last installed workload
    ApplicationContainer m_apps;          //!< the last installed applications
};

} // namespace ns3

#endif /* PACKMIME_FLOW_HELPER_H */
