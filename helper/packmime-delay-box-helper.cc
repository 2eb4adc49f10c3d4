/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-delay-box-helper.h"

#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6.h"
#include "ns3/node.h"
#include "ns3/packmime-delay-box-routing.h"
#include "ns3/packmime-fatal.h"

#include <limits>

namespace ns3
{

PackMimeDelayBoxHelper::PackMimeDelayBoxHelper()
{
    m_factory.SetTypeId(PackMimeDelayBox::GetTypeId());
}

void
PackMimeDelayBoxHelper::SetAttribute(const std::string& name, const AttributeValue& value)
{
    m_factory.Set(name, value);
}

void
PackMimeDelayBoxHelper::AddRule(const NodeContainer& sources,
                                const NodeContainer& destinations,
                                Ptr<RandomVariableStream> delay,
                                Ptr<RandomVariableStream> loss,
                                Ptr<RandomVariableStream> bandwidth)
{
    m_rules.push_back({sources, destinations, delay, loss, bandwidth});
}

Ptr<PackMimeDelayBox>
PackMimeDelayBoxHelper::Install(Ptr<Node> node) const
{
    PACKMIME_FATAL_IF(node->GetObject<PackMimeDelayBox>(),
                      "PackMimeDelayBoxHelper::Install: node " << node->GetId()
                                                               << " is a DelayBox already");
    Ptr<PackMimeDelayBox> box = m_factory.Create<PackMimeDelayBox>();
    for (const Rule& r : m_rules)
    {
        box->AddRule(r.sources, r.destinations, r.delay, r.loss, r.bandwidth);
    }
    // The highest priority: the box sees a packet before any protocol routes it.
    const int16_t first = std::numeric_limits<int16_t>::max();
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    PACKMIME_FATAL_IF(!ipv4 && !ipv6,
                      "PackMimeDelayBoxHelper::Install: node " << node->GetId()
                                                               << " has no Internet stack");
    if (ipv4)
    {
        auto hook = CreateObject<PackMimeDelayBoxIpv4Routing>();
        hook->SetDelayBox(box);
        Ptr<Ipv4RoutingProtocol> routing = ipv4->GetRoutingProtocol();
        PACKMIME_FATAL_IF(!routing,
                          "PackMimeDelayBoxHelper::Install: node " << node->GetId()
                                                                   << " has no IPv4 routing");
        if (auto list = DynamicCast<Ipv4ListRouting>(routing))
        {
            list->AddRoutingProtocol(hook, first);
        }
        else
        {
            hook->SetInner(routing);
            ipv4->SetRoutingProtocol(hook);
        }
    }
    if (ipv6)
    {
        auto hook = CreateObject<PackMimeDelayBoxIpv6Routing>();
        hook->SetDelayBox(box);
        Ptr<Ipv6RoutingProtocol> routing = ipv6->GetRoutingProtocol();
        PACKMIME_FATAL_IF(!routing,
                          "PackMimeDelayBoxHelper::Install: node " << node->GetId()
                                                                   << " has no IPv6 routing");
        if (auto list = DynamicCast<Ipv6ListRouting>(routing))
        {
            list->AddRoutingProtocol(hook, first);
        }
        else
        {
            hook->SetInner(routing);
            ipv6->SetRoutingProtocol(hook);
        }
    }
    node->AggregateObject(box);
    return box;
}

int64_t
PackMimeDelayBoxHelper::AssignStreams(Ptr<PackMimeDelayBox> box, int64_t stream)
{
    return box->AssignStreams(stream);
}

} // namespace ns3
