/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_HELPER_H
#define PACKMIME_HTTP_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/packmime-http-generator.h"

#include <string>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Installs PackMime-HTTP traffic between a client cloud and a server cloud.
 *
 * Client node i is paired with server node i (equal, non-empty sets; a node may appear in
 * several pairs). Every client node gets one PackMimeHttpClient and every server node one
 * PackMimeServer (one application per node and role, whatever the number of connections),
 * and one PackMimeHttpGenerator drives them. All settings are attributes of
 * ns3::PackMimeHttpGenerator (Rate, HttpVersion, PmPersistReqSize, PmPersistRspSize,
 * Warmup, StartTime, StopTime, Port, TimeWait, PairsFile, ConnectionsFile, SummaryFile,
 * and the variable replacements FlowArrive, ReqSize, RspSize, ServerDelay, ...):
 *
 * @code
 *   PackMimeHttpHelper http;
 *   http.SetAttribute("Rate", DoubleValue(100));
 *   http.SetAttribute("HttpVersion", StringValue("1.1"));
 *   http.SetAttribute("StopTime", TimeValue(Seconds(60)));
 *   http.SetAttribute("ReqSize", StringValue("ns3::ConstantRandomVariable[Constant=500]"));
 *   http.Install(clients, servers);
 *   http.AssignStreams(1);
 *   Simulator::Stop(Seconds(90));
 *   Simulator::Run();
 *   http.GetGenerator()->Finish();
 *   http.GetGenerator()->PrintSummary(std::cout);
 * @endcode
 */
class PackMimeHttpHelper
{
  public:
    PackMimeHttpHelper();

    /**
     * @brief Set an attribute of the generator to create.
     * @param name attribute name (of ns3::PackMimeHttpGenerator)
     * @param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Install a generator between client node i and server node i.
     * @param clients the client-cloud nodes
     * @param servers the server-cloud nodes (as many as clients); each needs an IPv4 or
     *        global IPv6 address
     * @return the installed applications (clients and servers)
     */
    ApplicationContainer Install(NodeContainer clients, NodeContainer servers);

    /// @return the generator created by the last Install
    Ptr<PackMimeHttpGenerator> GetGenerator() const;

    /**
     * @brief Assign fixed streams to every random variable of the installed generator
     * (its servers' delay variable included).
     * @param stream first stream index to use
     * @return the number of streams used (PackMimeHttpGenerator::STREAMS)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    ObjectFactory m_factory;                //!< generator factory
    Ptr<PackMimeHttpGenerator> m_generator; //!< the last installed generator
};

} // namespace ns3

#endif /* PACKMIME_HTTP_HELPER_H */
