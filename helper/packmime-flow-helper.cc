/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-helper.h"

#include "ns3/abort.h"
#include "ns3/nstime.h"
#include "ns3/packmime-fatal.h"
#include "ns3/packmime-server.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

PackMimeFlowHelper::PackMimeFlowHelper()
{
    m_factory.SetTypeId(PackMimeFlowWorkload::GetTypeId());
    m_clientFactory.SetTypeId(PackMimeFlowClient::GetTypeId());
    m_serverFactory.SetTypeId(PackMimeServer::GetTypeId());
}

void
PackMimeFlowHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
PackMimeFlowHelper::SetClientAttribute(const std::string& name, const AttributeValue& value)
{
    m_clientFactory.Set(name, value);
}

void
PackMimeFlowHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_serverFactory.Set(name, value);
}

ApplicationContainer
PackMimeFlowHelper::Install(NodeContainer hosts)
{
    m_workload = m_factory.Create<PackMimeFlowWorkload>();
    std::vector<Ptr<PackMimeFlowClient>> clients;
    std::vector<Ptr<PackMimeServer>> servers;
    m_apps = ApplicationContainer();
    for (uint32_t i = 0; i < hosts.GetN(); i++)
    {
        Ptr<PackMimeServer> server = m_serverFactory.Create<PackMimeServer>();
        hosts.Get(i)->AddApplication(server);
        Ptr<PackMimeFlowClient> client = m_clientFactory.Create<PackMimeFlowClient>();
        hosts.Get(i)->AddApplication(client);
        clients.push_back(client);
        servers.push_back(server);
        m_apps.Add(server);
        m_apps.Add(client);
    }
    m_workload->SetHosts(hosts, clients, servers);
    Time start = m_workload->GetStartTime();
    PACKMIME_FATAL_IF(start < Simulator::Now(),
                      "PackMimeFlowHelper: StartTime " << start.As(Time::S) << " is in the past");
    Simulator::Schedule(start - Simulator::Now(), &PackMimeFlowWorkload::Start, m_workload);
    return m_apps;
}

Ptr<PackMimeFlowWorkload>
PackMimeFlowHelper::GetWorkload() const
{
    return m_workload;
}

int64_t
PackMimeFlowHelper::AssignStreams(int64_t stream)
{
    PACKMIME_FATAL_IF(!m_workload, "PackMimeFlowHelper::AssignStreams: call Install first");
    int64_t current = stream;
    current += m_workload->AssignStreams(current);
    for (uint32_t i = 0; i < m_apps.GetN(); i++)
    {
        Ptr<PackMimeServer> server = DynamicCast<PackMimeServer>(m_apps.Get(i));
        if (server)
        {
            current += server->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
