/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-helper.h"

#include "packmime-delay-box-helper.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/packmime-address.h"
#include "ns3/packmime-fatal.h"
#include "ns3/packmime-http-random-variable.h"
#include "ns3/packmime-server.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <map>

namespace ns3
{

PackMimeHttpHelper::PackMimeHttpHelper()
{
    m_factory.SetTypeId(PackMimeHttpGenerator::GetTypeId());
    m_serverFactory.SetTypeId(PackMimeServer::GetTypeId());
    m_serverFactory.Set("Port", UintegerValue(80));
    m_serverFactory.Set("TimeWait", TimeValue(Seconds(1)));
}

void
PackMimeHttpHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
PackMimeHttpHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    PACKMIME_FATAL_IF(name == "ServerDelay",
                      "PackMimeHttpHelper::SetServerAttribute: ServerDelay is the generator's "
                      "(SetAttribute(\"ServerDelay\", ...)): its servers share one variable");
    m_serverFactory.Set(name, value);
}

ApplicationContainer
PackMimeHttpHelper::Install(NodeContainer clients, NodeContainer servers)
{
    PACKMIME_FATAL_IF(clients.GetN() == 0 || clients.GetN() != servers.GetN(),
                      "PackMimeHttpHelper::Install: " << clients.GetN() << " client nodes and "
                                                      << servers.GetN()
                                                      << " server nodes: expected equal, "
                                                         "non-empty sets (client i is paired "
                                                         "with server i)");
    m_generator = m_factory.Create<PackMimeHttpGenerator>();
    m_generator->Validate();
    m_clients = clients;
    m_servers = servers;
    m_boxes.clear();
    ApplicationContainer apps;
    std::map<uint32_t, Ptr<PackMimeHttpClient>> clientApps;
    std::map<uint32_t, Ptr<PackMimeServer>> serverApps;
    std::vector<Ptr<PackMimeHttpClient>> pairClients;
    std::vector<Address> pairServers;
    std::vector<uint32_t> pairServerNodes;
    for (uint32_t i = 0; i < clients.GetN(); i++)
    {
        Ptr<Node> c = clients.Get(i);
        Ptr<Node> s = servers.Get(i);
        // One application per node and role, even if the node is in several pairs.
        Ptr<PackMimeHttpClient>& client = clientApps[c->GetId()];
        if (!client)
        {
            client = CreateObject<PackMimeHttpClient>();
            c->AddApplication(client);
            apps.Add(client);
        }
        Ptr<PackMimeServer>& server = serverApps[s->GetId()];
        if (!server)
        {
            server = m_serverFactory.Create<PackMimeServer>();
            server->UseSharedServerDelay(m_generator->GetServerDelay());
            s->AddApplication(server);
            apps.Add(server);
        }
        pairClients.push_back(client);
        Address address = PackMimeServerAddress(s, server->GetPort());
        PACKMIME_FATAL_IF(address.IsInvalid(),
                          "PackMimeHttpHelper::Install: server node "
                              << s->GetId() << " has no IPv4 or global IPv6 address (install the "
                              << "Internet stack and assign addresses first)");
        pairServers.push_back(address);
        pairServerNodes.push_back(s->GetId());
    }
    m_generator->SetPairs(pairClients, pairServers, pairServerNodes);
    Time start = m_generator->GetStartTime();
    PACKMIME_FATAL_IF(start < Simulator::Now(),
                      "PackMimeHttpHelper: StartTime " << start.As(Time::S) << " is in the past");
    Simulator::Schedule(start - Simulator::Now(), &PackMimeHttpGenerator::Start, m_generator);
    Time stop = m_generator->GetStopTime();
    if (!stop.IsZero())
    {
        Simulator::Schedule(stop - Simulator::Now(), &PackMimeHttpGenerator::Stop, m_generator);
    }
    return apps;
}

Ptr<PackMimeHttpGenerator>
PackMimeHttpHelper::GetGenerator() const
{
    return m_generator;
}

Ptr<PackMimeDelayBox>
PackMimeHttpHelper::InstallDelayBox(Ptr<Node> router,
                                    DelayBoxSide side,
                                    Ptr<RandomVariableStream> delay,
                                    Ptr<RandomVariableStream> loss,
                                    Ptr<RandomVariableStream> bandwidth)
{
    PACKMIME_FATAL_IF(!m_generator, "PackMimeHttpHelper::InstallDelayBox: call Install first");
    if (!delay)
    {
        DoubleValue rate;
        m_generator->GetAttribute("Rate", rate);
        auto xmit = CreateObject<PackMimeHttpRandomVariable>();
        xmit->SetAttribute("Variable",
                           StringValue(side == CLIENT_SIDE ? "xmit-client" : "xmit-server"));
        xmit->SetAttribute("Rate", rate);
        delay = xmit;
    }
    PackMimeDelayBoxHelper boxes;
    boxes.AddRule(m_clients, m_servers, delay, loss, bandwidth);
    Ptr<PackMimeDelayBox> box = boxes.Install(router);
    m_generator->ObserveDelayBox(box, side);
    m_boxes.push_back(box);
    return box;
}

int64_t
PackMimeHttpHelper::AssignStreams(int64_t stream)
{
    PACKMIME_FATAL_IF(!m_generator, "PackMimeHttpHelper::AssignStreams: call Install first");
    int64_t used = m_generator->AssignStreams(stream);
    for (const auto& box : m_boxes)
    {
        used += box->AssignStreams(stream + used);
    }
    return used;
}

} // namespace ns3
