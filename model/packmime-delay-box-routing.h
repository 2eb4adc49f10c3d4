/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_DELAY_BOX_ROUTING_H
#define PACKMIME_DELAY_BOX_ROUTING_H

#include "packmime-compat.h"
#include "packmime-delay-box.h"

#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv6-list-routing.h"
#include "ns3/ipv6-routing-protocol.h"

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Where a PackMimeDelayBox acts on IPv4: the first protocol of the node's
 * Ipv4ListRouting, or a wrapper around the node's routing protocol if that is not a list.
 *
 * For every packet the node forwards (local deliveries are settled by the list before),
 * it asks the box what to do. A packet of no flow is left to the next protocols; a lost one
 * is consumed; a delayed one is routed by the next protocols at once, and the forwarding
 * they order (the unicast-forward callback) runs after the flow's delay. Acting in routing
 * keeps the node's devices, queues and queue discs as they are, and the same code serves
 * every device type. In a list (InternetStackHelper's IPv4 default) the other protocols stay
 * reachable as before (Ipv4StaticRoutingHelper::GetStaticRouting finds them); a wrapped
 * protocol is only reachable through the hook, so set up its routes before installing.
 */
class PackMimeDelayBoxIpv4Routing : public Ipv4RoutingProtocol
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @brief Set the box that decides.
     * @param box the box
     */
    void SetDelayBox(Ptr<PackMimeDelayBox> box);

    /**
     * @brief Wrap the node's routing protocol when it is not a list (then every call is
     * passed on to it); in a list the hook is the first protocol and the others follow.
     * @param inner the protocol that routes
     */
    void SetInner(Ptr<Ipv4RoutingProtocol> inner);

    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(
        Ptr<const Packet> p,
        const Ipv4Header& header,
        Ptr<const NetDevice> idev,
        PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, UnicastForwardCallback> ucb,
        PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, MulticastForwardCallback> mcb,
        PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, LocalDeliverCallback> lcb,
        PackMimeRouteInputArg<Ipv4RoutingProtocol, Ipv4Header, ErrorCallback> ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PackMimeDelayBox> m_box;      //!< the box
    Ptr<Ipv4> m_ipv4;                 //!< the node's IPv4
    Ptr<Ipv4RoutingProtocol> m_inner; //!< the wrapped protocol (not in a list)
};

/**
 * @ingroup packmime
 * @brief Where a PackMimeDelayBox acts on IPv6: the first protocol of the node's
 * Ipv6ListRouting, or a wrapper around its routing protocol (InternetStackHelper's IPv6
 * default, Ipv6StaticRouting, is not a list), as PackMimeDelayBoxIpv4Routing.
 */
class PackMimeDelayBoxIpv6Routing : public Ipv6RoutingProtocol
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * @brief Set the box that decides.
     * @param box the box
     */
    void SetDelayBox(Ptr<PackMimeDelayBox> box);

    /**
     * @brief Wrap the node's routing protocol when it is not a list (then every call is
     * passed on to it); in a list the hook is the first protocol and the others follow.
     * @param inner the protocol that routes
     */
    void SetInner(Ptr<Ipv6RoutingProtocol> inner);

    Ptr<Ipv6Route> RouteOutput(Ptr<Packet> p,
                               const Ipv6Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(
        Ptr<const Packet> p,
        const Ipv6Header& header,
        Ptr<const NetDevice> idev,
        PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, UnicastForwardCallback> ucb,
        PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, MulticastForwardCallback> mcb,
        PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, LocalDeliverCallback> lcb,
        PackMimeRouteInputArg<Ipv6RoutingProtocol, Ipv6Header, ErrorCallback> ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv6InterfaceAddress address) override;
    void NotifyAddRoute(Ipv6Address dst,
                        Ipv6Prefix mask,
                        Ipv6Address nextHop,
                        uint32_t interface,
                        Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void NotifyRemoveRoute(Ipv6Address dst,
                           Ipv6Prefix mask,
                           Ipv6Address nextHop,
                           uint32_t interface,
                           Ipv6Address prefixToUse = Ipv6Address::GetZero()) override;
    void SetIpv6(Ptr<Ipv6> ipv6) override;
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PackMimeDelayBox> m_box;      //!< the box
    Ptr<Ipv6> m_ipv6;                 //!< the node's IPv6
    Ptr<Ipv6RoutingProtocol> m_inner; //!< the wrapped protocol (not in a list)
};

} // namespace ns3

#endif /* PACKMIME_DELAY_BOX_ROUTING_H */
