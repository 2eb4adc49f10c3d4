/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_ADDRESS_H
#define PACKMIME_ADDRESS_H

#include "ns3/address.h"
#include "ns3/node.h"
#include "ns3/ptr.h"

#include <string>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The socket address other nodes reach a server node at: its first IPv4 address on an
 * interface other than loopback, else its first global IPv6 address.
 * @param node the server node
 * @param port the server's TCP port
 * @return the address, invalid when the node has neither
 */
Address PackMimeServerAddress(Ptr<Node> node, uint16_t port);

/**
 * @ingroup packmime
 * @brief A socket address as records write it: "a.b.c.d:port", "[v6]:port" (RFC 3986's
 * form) or "" for any other address.
 * @param address the address
 * @return its text
 */
std::string PackMimeAddressText(const Address& address);

} // namespace ns3

#endif /* PACKMIME_ADDRESS_H */
