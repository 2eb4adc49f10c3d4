/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_HELPER_H
#define PACKMIME_HTTP_HELPER_H

#include "ns3/application-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/packmime-delay-box.h"
#include "ns3/packmime-http-generator.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Installs PackMime-HTTP traffic between a client cloud and a server cloud.
 *
 * Client node i is paired with server node i (equal, non-empty sets; a node may appear in
 * several pairs). Every client node gets one PackMimeHttpClient and every server node one
 * PackMimeServer (one application per node and role, whatever the number of connections),
 * and one PackMimeHttpGenerator drives them. The traffic is set by attributes of
 * ns3::PackMimeHttpGenerator (Rate, HttpVersion, PmPersistReqSize, PmPersistRspSize,
 * Warmup, StartTime, StopTime, PairsFile, ConnectionsFile, SummaryFile, and the variable
 * replacements FlowArrive, ReqSize, RspSize, ServerDelay, ...); the servers keep their own
 * settings (PackMimeServer: Port, TimeWait), set with SetServerAttribute. This helper's
 * servers listen on port 80 and keep closed connections in TIME_WAIT for 1 s unless told
 * otherwise: ns-2's Full-TCP has no TIME_WAIT, and ns-3's own (2 x 120 s) would keep about
 * Rate x 240 closed connections in a server's endpoint list and, once a client node's
 * ephemeral ports wrap, send new SYNs into TIME_WAIT sockets.
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
     * @brief Set an attribute of the server applications to create.
     * @param name attribute name (of ns3::PackMimeServer; its ServerDelay is the generator's)
     * @param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);

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

    /// Which side of the bottleneck a DelayBox is on.
    enum DelayBoxSide : uint32_t
    {
        CLIENT_SIDE = 0, ///< between the clients and the bottleneck (ns-2: xmit-client)
        SERVER_SIDE = 1  ///< between the bottleneck and the servers (ns-2: xmit-server)
    };

    /**
     * @brief Make a router a DelayBox for the installed generator's connections, as in
     * ns-2's PackMime + DelayBox: one rule between the client and the server nodes whose
     * delay is, by default, PackMime's transmission-delay variable of that side
     * (PackMimeHttpRandomVariable xmit-client or xmit-server, in ms, at the generator's
     * Rate). Each connection's drawn delays go to connections.csv (client_delay_ms,
     * server_delay_ms). Call after Install and before AssignStreams.
     * @param router the router (one with an Internet stack; see PackMimeDelayBoxHelper)
     * @param side its side of the bottleneck
     * @param delay replaces the side's model delay variable (ms), or null
     * @param loss per-connection loss probability, or null for none
     * @param bandwidth per-connection bandwidth (Mb/s), or null for none
     * @return the box
     */
    Ptr<PackMimeDelayBox> InstallDelayBox(Ptr<Node> router,
                                          DelayBoxSide side,
                                          Ptr<RandomVariableStream> delay = nullptr,
                                          Ptr<RandomVariableStream> loss = nullptr,
                                          Ptr<RandomVariableStream> bandwidth = nullptr);

    /**
     * @brief Assign fixed streams to every random variable of the installed generator
     * (its servers' delay variable included), then to the DelayBoxes installed by
     * InstallDelayBox, in installation order.
     * @param stream first stream index to use
     * @return the number of streams used (PackMimeHttpGenerator::STREAMS, plus each box's
     *         PackMimeDelayBox::AssignStreams count)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    ObjectFactory m_factory;                    //!< generator factory
    ObjectFactory m_serverFactory;              //!< server application factory
    Ptr<PackMimeHttpGenerator> m_generator;     //!< the last installed generator
    NodeContainer m_clients;                    //!< its client nodes
    NodeContainer m_servers;                    //!< its server nodes
    std::vector<Ptr<PackMimeDelayBox>> m_boxes; //!< boxes installed by InstallDelayBox
};

} // namespace ns3

#endif /* PACKMIME_HTTP_HELPER_H */
