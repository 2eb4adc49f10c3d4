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

namespace
{

/**
 * Put a box's hook in front of a node's routing for one family: as the first protocol of
 * its list routing, else around its routing protocol.
 */
template <typename Hook, typename List, typename Ip>
void
AddHook(Ptr<Node> node, Ptr<Ip> ip, Ptr<PackMimeDelayBox> box, const char* family)
{
    auto routing = ip->GetRoutingProtocol();
    PACKMIME_FATAL_IF(!routing,
                      "PackMimeDelayBoxHelper::Install: node " << node->GetId() << " has no "
                                                               << family << " routing");
    auto hook = CreateObject<Hook>();
    hook->SetDelayBox(box);
    if (auto list = DynamicCast<List>(routing))
    {
        // The highest priority: the box sees a packet before any protocol routes it.
        list->AddRoutingProtocol(hook, std::numeric_limits<int16_t>::max());
    }
    else
    {
        hook->SetInner(routing);
        ip->SetRoutingProtocol(hook);
    }
}

} // namespace

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
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>();
    PACKMIME_FATAL_IF(!ipv4 && !ipv6,
                      "PackMimeDelayBoxHelper::Install: node " << node->GetId()
                                                               << " has no Internet stack");
    if (ipv4)
    {
        AddHook<PackMimeDelayBoxIpv4Routing, Ipv4ListRouting>(node, ipv4, box, "IPv4");
    }
    if (ipv6)
    {
        AddHook<PackMimeDelayBoxIpv6Routing, Ipv6ListRouting>(node, ipv6, box, "IPv6");
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
