/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-header.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(PackMimeHeader);

namespace
{
constexpr uint64_t LAST_FLAG = uint64_t(1) << 63; ///< bit of the length word marking "last"
} // namespace

TypeId
PackMimeHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PackMimeHeader")
                            .SetParent<Header>()
                            .SetGroupName("PackMime")
                            .AddConstructor<PackMimeHeader>();
    return tid;
}

TypeId
PackMimeHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

uint32_t
PackMimeHeader::GetSerializedSize() const
{
    return SIZE;
}

void
PackMimeHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteHtonU64(m_id);
    start.WriteHtonU64(m_requestLength | (m_last ? LAST_FLAG : 0));
    start.WriteHtonU64(m_responseLength);
}

uint32_t
PackMimeHeader::Deserialize(Buffer::Iterator start)
{
    m_id = start.ReadNtohU64();
    uint64_t word = start.ReadNtohU64();
    m_last = (word & LAST_FLAG) != 0;
    m_requestLength = word & ~LAST_FLAG;
    m_responseLength = start.ReadNtohU64();
    return SIZE;
}

void
PackMimeHeader::Print(std::ostream& os) const
{
    os << "id=" << m_id << " request=" << m_requestLength << " response=" << m_responseLength
       << (m_last ? " last" : "");
}

void
PackMimeHeader::SetId(uint64_t id)
{
    m_id = id;
}

uint64_t
PackMimeHeader::GetId() const
{
    return m_id;
}

void
PackMimeHeader::SetRequestLength(uint64_t bytes)
{
    m_requestLength = bytes & ~LAST_FLAG;
}

uint64_t
PackMimeHeader::GetRequestLength() const
{
    return m_requestLength;
}

void
PackMimeHeader::SetResponseLength(uint64_t bytes)
{
    m_responseLength = bytes;
}

uint64_t
PackMimeHeader::GetResponseLength() const
{
    return m_responseLength;
}

void
PackMimeHeader::SetLast(bool last)
{
    m_last = last;
}

bool
PackMimeHeader::IsLast() const
{
    return m_last;
}

} // namespace ns3
