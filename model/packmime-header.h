/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HEADER_H
#define PACKMIME_HEADER_H

#include "ns3/header.h"

#include <cstdint>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The in-band header that starts every packmime request message.
 *
 * 24 bytes: an id (flow or connection id), the length of the whole request message
 * (header included; bit 63 marks the last request of a connection) and the number of bytes
 * the server must send back. Sizes thus travel in band, never through pointers between
 * nodes. Responses carry no header: the client knows how many bytes it asked for.
 */
class PackMimeHeader : public Header
{
  public:
    /// Serialized size in bytes.
    static constexpr uint32_t SIZE = 24;

    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;
    uint32_t GetSerializedSize() const override;
    void Serialize(Buffer::Iterator start) const override;
    uint32_t Deserialize(Buffer::Iterator start) override;
    void Print(std::ostream& os) const override;

    /**
     * @brief Set the id.
     * @param id flow or connection id
     */
    void SetId(uint64_t id);
    /// @return the id
    uint64_t GetId() const;
    /**
     * @brief Set the request message length (header included, >= SIZE).
     * @param bytes length in bytes (< 2^63)
     */
    void SetRequestLength(uint64_t bytes);
    /// @return the request message length
    uint64_t GetRequestLength() const;
    /**
     * @brief Set the number of response bytes the server must send.
     * @param bytes response length
     */
    void SetResponseLength(uint64_t bytes);
    /// @return the response length
    uint64_t GetResponseLength() const;
    /**
     * @brief Mark the request as the last one of its connection (the server closes after
     * the response).
     * @param last whether it is the last request
     */
    void SetLast(bool last);
    /// @return whether the request is the last of its connection
    bool IsLast() const;

  private:
    uint64_t m_id{0};             //!< flow or connection id
    uint64_t m_requestLength{0};  //!< request message length, header included
    uint64_t m_responseLength{0}; //!< bytes to send back
    bool m_last{false};           //!< last request of the connection
};

} // namespace ns3

#endif /* PACKMIME_HEADER_H */
