/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-delay-box-routing.h"

#include "ns3/ipv4-route.h"
#include "ns3/ipv6-route.h"
#include "ns3/log.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PackMimeDelayBoxRouting");
NS_OBJECT_ENSURE_REGISTERED(PackMimeDelayBoxIpv4Routing);
NS_OBJECT_ENSURE_REGISTERED(PackMimeDelayBoxIpv6Routing);

namespace
{

/**
 * Describe a forwarded packet for the box: addresses, ports and TCP flags from the first
 * 14 bytes of the transport header. False when there is no transport header to read (a
 * non-first fragment, a truncated packet, another protocol).
 */
bool
DescribeTransport(Ptr<const Packet> p, uint8_t protocol, PackMimeDelayBox::PacketInfo* info)
{
    if (protocol != 6 && protocol != 17)
    {
        return false;
    }
    uint8_t l4[14];
    uint32_t n = p->CopyData(l4, sizeof l4);
    if (n < (protocol == 6 ? 14U : 4U))
    {
        return false;
    }
    info->protocol = protocol;
    info->srcPort = uint16_t(l4[0] << 8 | l4[1]);
    info->dstPort = uint16_t(l4[2] << 8 | l4[3]);
    info->tcpFlags = protocol == 6 ? l4[13] : 0;
    return true;
}

/// Forward a packet: call the unicast-forward callback.
template <typename Ucb, typename... Args>
void
Forward(Ucb ucb, Args... args)
{
    ucb(args...);
}

/// Forward a packet (call the unicast-forward callback) after `delay`.
template <typename Ucb, typename... Args>
void
ForwardLater(Time delay, Ucb ucb, Args... args)
{
    if (delay.IsZero())
    {
        ucb(args...);
        return;
    }
    // A function, not a lambda: ns-3.35's Simulator::Schedule takes no callables.
    Simulator::Schedule(delay, &Forward<Ucb, Args...>, ucb, args...);
}

/**
 * Route a packet the box has classified, for either family: a lost one is consumed; the
 * others go to the protocols after the hook (the wrapped one, or the list's other
 * protocols), a delayed one with a forwarding callback that runs after the delay. An
 * untouched packet in a list is left to the list, which asks the next protocols itself.
 */
template <typename List, typename Proto, typename Header, typename Ucb, typename... Cbs>
bool
RouteOn(const Proto* hook,
        Ptr<Proto> inner,
        Ptr<Proto> routing,
        PackMimeDelayBox::Action action,
        const Ucb& later,
        Ptr<const Packet> p,
        const Header& header,
        Ptr<const NetDevice> idev,
        const Ucb& ucb,
        const Cbs&... cbs)
{
    if (action == PackMimeDelayBox::DROP)
    {
        return true;
    }
    const Ucb& forward = action == PackMimeDelayBox::DELAY ? later : ucb;
    if (inner)
    {
        return inner->RouteInput(p, header, idev, forward, cbs...);
    }
    auto list = DynamicCast<List>(routing);
    for (uint32_t i = 0;
         action == PackMimeDelayBox::DELAY && list && i < list->GetNRoutingProtocols();
         i++)
    {
        int16_t priority;
        Ptr<Proto> next = list->GetRoutingProtocol(i, priority);
        if (next != hook && next->RouteInput(p, header, idev, forward, cbs...))
        {
            return true;
        }
    }
    return false;
}

} // namespace

// ---- IPv4 -------------------------------------------------------------------------------

TypeId
PackMimeDelayBoxIpv4Routing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PackMimeDelayBoxIpv4Routing")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("PackMime")
                            .AddConstructor<PackMimeDelayBoxIpv4Routing>();
    return tid;
}

void
PackMimeDelayBoxIpv4Routing::SetDelayBox(Ptr<PackMimeDelayBox> box)
{
    m_box = box;
}

void
PackMimeDelayBoxIpv4Routing::SetInner(Ptr<Ipv4RoutingProtocol> inner)
{
    m_inner = inner;
}

void
PackMimeDelayBoxIpv4Routing::DoDispose()
{
    m_box = nullptr;
    m_inner = nullptr;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

Ptr<Ipv4Route>
PackMimeDelayBoxIpv4Routing::RouteOutput(Ptr<Packet> p,
                                         const Ipv4Header& header,
                                         Ptr<NetDevice> oif,
                                         Socket::SocketErrno& sockerr)
{
    if (m_inner)
    {
        return m_inner->RouteOutput(p, header, oif, sockerr);
    }
    sockerr = Socket::ERROR_NOROUTETOHOST; // the node's own packets are not delayed
    return nullptr;
}

bool
PackMimeDelayBoxIpv4Routing::RouteInput(
    Ptr<const Packet> p,
    const Ipv4Header& header,
    Ptr<const NetDevice> idev,
    PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, UnicastForwardCallback> ucb,
    PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, MulticastForwardCallback> mcb,
    PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, LocalDeliverCallback> lcb,
    PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, ErrorCallback> ecb)
{
    Ipv4Address dst = header.GetDestination();
    PackMimeDelayBox::PacketInfo info;
    PackMimeDelayBox::Action action = PackMimeDelayBox::PASS;
    Time delay;
    if (m_box && !dst.IsMulticast() && !dst.IsBroadcast() && header.GetFragmentOffset() == 0 &&
        DescribeTransport(p, header.GetProtocol(), &info))
    {
        header.GetSource().Serialize(info.src.data());
        dst.Serialize(info.dst.data());
        info.size = p->GetSize() + header.GetSerializedSize();
        action = m_box->Process(info, &delay);
    }
    UnicastForwardCallback later;
    if (action == PackMimeDelayBox::DELAY)
    {
        later = MakeBoundCallback(&ForwardLater<UnicastForwardCallback,
                                                Ptr<Ipv4Route>,
                                                Ptr<const Packet>,
                                                const Ipv4Header&>,
                                  delay,
                                  UnicastForwardCallback(ucb));
    }
    return RouteOn<Ipv4ListRouting, Ipv4RoutingProtocol>(this,
                                                         m_inner,
                                                         m_ipv4->GetRoutingProtocol(),
                                                         action,
                                                         later,
                                                         p,
                                                         header,
                                                         idev,
                                                         ucb,
                                                         mcb,
                                                         lcb,
                                                         ecb);
}

void
PackMimeDelayBoxIpv4Routing::NotifyInterfaceUp(uint32_t interface)
{
    if (m_inner)
    {
        m_inner->NotifyInterfaceUp(interface);
    }
}

void
PackMimeDelayBoxIpv4Routing::NotifyInterfaceDown(uint32_t interface)
{
    if (m_inner)
    {
        m_inner->NotifyInterfaceDown(interface);
    }
}

void
PackMimeDelayBoxIpv4Routing::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    if (m_inner)
    {
        m_inner->NotifyAddAddress(interface, address);
    }
}

void
PackMimeDelayBoxIpv4Routing::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    if (m_inner)
    {
        m_inner->NotifyRemoveAddress(interface, address);
    }
}

void
PackMimeDelayBoxIpv4Routing::SetIpv4(Ptr<Ipv4> ipv4)
{
    m_ipv4 = ipv4;
}

void
PackMimeDelayBoxIpv4Routing::PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                                               Time::Unit unit) const
{
    if (m_inner)
    {
        m_inner->PrintRoutingTable(stream, unit);
    }
    *stream->GetStream() << "PackMimeDelayBox: " << (m_box ? m_box->GetFlowCount() : 0)
                         << " flows\n";
}

// ---- IPv6 -------------------------------------------------------------------------------

TypeId
PackMimeDelayBoxIpv6Routing::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PackMimeDelayBoxIpv6Routing")
                            .SetParent<Ipv6RoutingProtocol>()
                            .SetGroupName("PackMime")
                            .AddConstructor<PackMimeDelayBoxIpv6Routing>();
    return tid;
}

void
PackMimeDelayBoxIpv6Routing::SetDelayBox(Ptr<PackMimeDelayBox> box)
{
    m_box = box;
}

void
PackMimeDelayBoxIpv6Routing::SetInner(Ptr<Ipv6RoutingProtocol> inner)
{
    m_inner = inner;
}

void
PackMimeDelayBoxIpv6Routing::DoDispose()
{
    m_box = nullptr;
    m_inner = nullptr;
    m_ipv6 = nullptr;
    Ipv6RoutingProtocol::DoDispose();
}

Ptr<Ipv6Route>
PackMimeDelayBoxIpv6Routing::RouteOutput(Ptr<Packet> p,
                                         const Ipv6Header& header,
                                         Ptr<NetDevice> oif,
                                         Socket::SocketErrno& sockerr)
{
    if (m_inner)
    {
        return m_inner->RouteOutput(p, header, oif, sockerr);
    }
    sockerr = Socket::ERROR_NOROUTETOHOST;
    return nullptr;
}

bool
PackMimeDelayBoxIpv6Routing::RouteInput(
    Ptr<const Packet> p,
    const Ipv6Header& header,
    Ptr<const NetDevice> idev,
    PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, UnicastForwardCallback> ucb,
    PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, MulticastForwardCallback> mcb,
    PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, LocalDeliverCallback> lcb,
    PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, ErrorCallback> ecb)
{
    // Ipv6L3Protocol delivers local packets before asking the routing, so only forwarded
    // ones arrive here. The transport header follows the fixed header when nothing else does.
    Ipv6Address dst = header.GetDestination();
    PackMimeDelayBox::PacketInfo info;
    PackMimeDelayBox::Action action = PackMimeDelayBox::PASS;
    Time delay;
    if (m_box && !dst.IsMulticast() && DescribeTransport(p, header.GetNextHeader(), &info))
    {
        info.ipv6 = true;
        header.GetSource().Serialize(info.src.data());
        dst.Serialize(info.dst.data());
        info.size = p->GetSize() + header.GetSerializedSize();
        action = m_box->Process(info, &delay);
    }
    UnicastForwardCallback later;
    if (action == PackMimeDelayBox::DELAY)
    {
        later = MakeBoundCallback(&ForwardLater<UnicastForwardCallback,
                                                Ptr<const NetDevice>,
                                                Ptr<Ipv6Route>,
                                                Ptr<const Packet>,
                                                const Ipv6Header&>,
                                  delay,
                                  UnicastForwardCallback(ucb));
    }
    return RouteOn<Ipv6ListRouting, Ipv6RoutingProtocol>(this,
                                                         m_inner,
                                                         m_ipv6->GetRoutingProtocol(),
                                                         action,
                                                         later,
                                                         p,
                                                         header,
                                                         idev,
                                                         ucb,
                                                         mcb,
                                                         lcb,
                                                         ecb);
}

void
PackMimeDelayBoxIpv6Routing::NotifyInterfaceUp(uint32_t interface)
{
    if (m_inner)
    {
        m_inner->NotifyInterfaceUp(interface);
    }
}

void
PackMimeDelayBoxIpv6Routing::NotifyInterfaceDown(uint32_t interface)
{
    if (m_inner)
    {
        m_inner->NotifyInterfaceDown(interface);
    }
}

void
PackMimeDelayBoxIpv6Routing::NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    if (m_inner)
    {
        m_inner->NotifyAddAddress(interface, address);
    }
}

void
PackMimeDelayBoxIpv6Routing::NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address)
{
    if (m_inner)
    {
        m_inner->NotifyRemoveAddress(interface, address);
    }
}

void
PackMimeDelayBoxIpv6Routing::NotifyAddRoute(Ipv6Address dst,
                                            Ipv6Prefix mask,
                                            Ipv6Address nextHop,
                                            uint32_t interface,
                                            Ipv6Address prefixToUse)
{
    if (m_inner)
    {
        m_inner->NotifyAddRoute(dst, mask, nextHop, interface, prefixToUse);
    }
}

void
PackMimeDelayBoxIpv6Routing::NotifyRemoveRoute(Ipv6Address dst,
                                               Ipv6Prefix mask,
                                               Ipv6Address nextHop,
                                               uint32_t interface,
                                               Ipv6Address prefixToUse)
{
    if (m_inner)
    {
        m_inner->NotifyRemoveRoute(dst, mask, nextHop, interface, prefixToUse);
    }
}

void
PackMimeDelayBoxIpv6Routing::SetIpv6(Ptr<Ipv6> ipv6)
{
    m_ipv6 = ipv6;
}

void
PackMimeDelayBoxIpv6Routing::PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                                               Time::Unit unit) const
{
    if (m_inner)
    {
        m_inner->PrintRoutingTable(stream, unit);
    }
    *stream->GetStream() << "PackMimeDelayBox: " << (m_box ? m_box->GetFlowCount() : 0)
                         << " flows\n";
}

} // namespace ns3
