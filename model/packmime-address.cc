/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-address.h"

#include "ns3/inet-socket-address.h"
#include "ns3/inet6-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/ipv6.h"

#include <sstream>

namespace ns3
{

Address
PackMimeServerAddress(Ptr<Node> node, uint16_t port)
{
    if (Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>())
    {
        for (uint32_t i = 0; i < ipv4->GetNInterfaces(); i++)
        {
            for (uint32_t a = 0; a < ipv4->GetNAddresses(i); a++)
            {
                Ipv4Address local = ipv4->GetAddress(i, a).GetLocal();
                if (!local.IsLocalhost())
                {
                    return InetSocketAddress(local, port);
                }
            }
        }
    }
    if (Ptr<Ipv6> ipv6 = node->GetObject<Ipv6>())
    {
        for (uint32_t i = 0; i < ipv6->GetNInterfaces(); i++)
        {
            for (uint32_t a = 0; a < ipv6->GetNAddresses(i); a++)
            {
                Ipv6InterfaceAddress local = ipv6->GetAddress(i, a);
                if (local.GetScope() == Ipv6InterfaceAddress::GLOBAL)
                {
                    return Inet6SocketAddress(local.GetAddress(), port);
                }
            }
        }
    }
    return Address();
}

std::string
PackMimeAddressText(const Address& address)
{
    std::ostringstream text;
    if (InetSocketAddress::IsMatchingType(address))
    {
        InetSocketAddress a = InetSocketAddress::ConvertFrom(address);
        text << a.GetIpv4() << ":" << a.GetPort();
    }
    else if (Inet6SocketAddress::IsMatchingType(address))
    {
        Inet6SocketAddress a = Inet6SocketAddress::ConvertFrom(address);
        text << "[" << a.GetIpv6() << "]:" << a.GetPort();
    }
    return text.str();
}

} // namespace ns3
