/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_DELAY_BOX_H
#define PACKMIME_DELAY_BOX_H

#include "ns3/address.h"
#include "ns3/data-rate.h"
#include "ns3/event-id.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <list>
#include <map>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief One flow through a PackMimeDelayBox: the values it drew and what became of its
 * packets (the argument of the FlowStarted and FlowEnded traces).
 *
 * Direction 0 is initiator -> responder (the direction of the TCP SYN, or of a UDP flow's
 * first packet), direction 1 the way back.
 */
struct PackMimeDelayBoxFlow
{
    /// How a flow left the table.
    enum End : uint8_t
    {
        OPEN = 0,   ///< still in the table
        CLOSED = 1, ///< FIN seen in both directions
        RESET = 2,  ///< RST seen
        IDLE = 3    ///< no packet for IdleTimeout
    };

    Address initiator;            ///< initiator's address and port (Inet[6]SocketAddress)
    Address responder;            ///< responder's address and port
    uint32_t initiatorNode{0};    ///< initiator's node id
    uint32_t responderNode{0};    ///< responder's node id
    uint8_t protocol{0};          ///< 6 (TCP) or 17 (UDP)
    uint32_t rule{0};             ///< index of the rule that matched (0, 1, ... in AddRule order)
    std::array<Time, 2> delay{};  ///< added to every packet, per direction
    std::array<double, 2> loss{}; ///< probability that a packet is dropped, per direction
    std::array<DataRate, 2> bandwidth{}; ///< rate the packets are serialised at (0: none)
    Time started;                        ///< first packet
    Time ended;                          ///< when it left the table (zero while OPEN)
    End end{OPEN};                       ///< how it left the table
    std::array<uint64_t, 2> packets{};   ///< packets forwarded, per direction
    std::array<uint64_t, 2> drops{};     ///< packets dropped by the loss rate, per direction

    /// @return "open", "closed", "reset" or "idle"
    const char* GetEndName() const;
};

/**
 * @ingroup packmime
 * @brief ns-2's DelayBox for ns-3: per-flow delay, loss and bandwidth on a router.
 *
 * Rules map (source node set, destination node set) to three optional random variables:
 * a delay in milliseconds, a loss probability and a bandwidth in Mb/s (ns-2's units). The
 * first packet of a new flow between the sets (for TCP only a SYN; a rule also matches the
 * reverse direction) draws the flow's values: by default one delay, loss and bandwidth for
 * each direction, as ns-2.35 does for PackMime's Full-TCP connections (there the SYN/ACK
 * opens a second flow with fresh draws from the reverse rule), or one set for both
 * directions with SameValuesBothWays (ns-2's documented symmetric mode). Every later
 * packet of the flow is dropped with its direction's loss probability, otherwise held for
 * its direction's delay and, with a bandwidth, serialised behind the previous packet of
 * that direction (ns-2: a packet leaves at max(arrival + delay, previous departure +
 * previous size / bandwidth)). A flow's packets never reorder. One box adds the sum of its
 * two directions' delays to the flow's round-trip time. A TCP flow leaves the table when FIN has
 * been seen in both directions (or an RST), once its last held packet has left; any flow leaves
 * after IdleTimeout without packets. Packets of no flow pass untouched.
 *
 * PackMimeDelayBoxHelper installs it on a node, where it acts before the node's own routing
 * (see there); PackMimeHttpHelper::InstallDelayBox sets up ns-2's PackMime + DelayBox.
 */
class PackMimeDelayBox : public Object
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeDelayBox();
    ~PackMimeDelayBox() override;

    /**
     * @brief Add a rule; rules are tried in the order added.
     * @param sources nodes the flow's first packet comes from (non-empty)
     * @param destinations nodes it goes to (non-empty)
     * @param delay per-flow delay in ms (draws in [0, 1e12]), or null for none
     * @param loss per-flow loss probability (draws in [0, 1]), or null for none
     * @param bandwidth per-flow bandwidth in Mb/s (draws in [1e-6, 1e12]), or null for none
     * @return the rule's index
     */
    uint32_t AddRule(const NodeContainer& sources,
                     const NodeContainer& destinations,
                     Ptr<RandomVariableStream> delay,
                     Ptr<RandomVariableStream> loss = nullptr,
                     Ptr<RandomVariableStream> bandwidth = nullptr);

    /// @return the number of rules
    uint32_t GetNRules() const;

    /// @return flows in the table now
    uint32_t GetFlowCount() const;

    /// @return the largest number of flows the table has held
    uint32_t GetPeakFlowCount() const;

    /**
     * @brief Assign fixed streams: the box's loss draws, then every rule's variables in
     * rule order (delay, loss, bandwidth; a variable used twice is counted once).
     * @param stream first stream index to use
     * @return the number of streams assigned
     */
    int64_t AssignStreams(int64_t stream);

    /// A packet as the IP hooks see it.
    struct PacketInfo
    {
        bool ipv6{false};              ///< address family
        std::array<uint8_t, 16> src{}; ///< source address (IPv4 in the first 4 bytes)
        std::array<uint8_t, 16> dst{}; ///< destination address
        uint16_t srcPort{0};           ///< transport source port
        uint16_t dstPort{0};           ///< transport destination port
        uint8_t protocol{0};           ///< 6 or 17
        uint8_t tcpFlags{0};           ///< TCP flags byte (TCP only)
        uint32_t size{0};              ///< IP packet size (bytes)
    };

    /// What to do with a packet.
    enum Action
    {
        PASS, ///< not a DelayBox flow: forward as usual
        DROP, ///< lost
        DELAY ///< forward after the returned delay
    };

    /**
     * @brief Classify a packet (called by the IP hooks for every packet the node forwards).
     * @param packet the packet
     * @param delay set to the time to hold the packet when DELAY is returned
     * @return the action
     */
    Action Process(const PacketInfo& packet, Time* delay);

    /// Trace signature of FlowStarted and FlowEnded.
    typedef void (*FlowTracedCallback)(const PackMimeDelayBoxFlow& flow);

  protected:
    void DoDispose() override;

  private:
    /// A rule: node sets and variables.
    struct Rule
    {
        NodeContainer sources;               ///< source nodes
        NodeContainer destinations;          ///< destination nodes
        std::vector<bool> isSource;          ///< by node id
        std::vector<bool> isDestination;     ///< by node id
        Ptr<RandomVariableStream> delay;     ///< ms
        Ptr<RandomVariableStream> loss;      ///< probability
        Ptr<RandomVariableStream> bandwidth; ///< Mb/s
    };

    /// Both directions of a flow map to one key: the smaller endpoint first.
    struct FlowKey
    {
        std::array<uint8_t, 16> a{}; ///< smaller endpoint's address
        std::array<uint8_t, 16> b{}; ///< larger endpoint's address
        uint16_t portA{0};           ///< smaller endpoint's port
        uint16_t portB{0};           ///< larger endpoint's port
        uint8_t protocol{0};         ///< 6 or 17
        bool ipv6{false};            ///< address family

        /// @return whether both keys are equal
        bool operator==(const FlowKey& o) const;
    };

    /// Hash of a FlowKey.
    struct FlowKeyHash
    {
        /// @return the hash
        size_t operator()(const FlowKey& k) const;
    };

    /// A flow in the table.
    struct Flow
    {
        PackMimeDelayBoxFlow record;            ///< values and counters
        bool initiatorIsA{true};                ///< whether the initiator is key.a
        std::array<Time, 2> nextFree{};         ///< per direction: earliest next departure
        std::array<bool, 2> fin{};              ///< per direction: FIN forwarded
        bool closing{false};                    ///< FIN both ways or RST: removal scheduled
        Time lastSeen;                          ///< last packet (idle timeout)
        std::list<FlowKey>::iterator idleEntry; ///< place in m_idleOrder (unless closing)
    };

    void ResolveAddresses();
    bool FindNode(bool ipv6, const std::array<uint8_t, 16>& address, uint32_t* node) const;
    Flow* StartFlow(const FlowKey& key, const PacketInfo& packet, bool srcIsA);
    /// A rule's variables.
    enum class Variable
    {
        DELAY,
        LOSS,
        BANDWIDTH
    };

    double Draw(uint32_t rule, Ptr<RandomVariableStream> variable, Variable which) const;
    void ScheduleIdleCheck();
    void ExpireIdle();
    void Remove(FlowKey key, PackMimeDelayBoxFlow::End end);

    std::vector<Rule> m_rules;                              //!< rules in AddRule order
    std::unordered_map<FlowKey, Flow, FlowKeyHash> m_flows; //!< the flow table
    std::list<FlowKey> m_idleOrder; //!< open flows, least recently used first
    std::map<std::pair<bool, std::array<uint8_t, 16>>, uint32_t> m_addressNode; //!< -> node id
    bool m_addressesResolved{false};       //!< m_addressNode built
    Time m_idleTimeout;                    //!< IdleTimeout attribute
    bool m_sameBothWays{false};            //!< SameValuesBothWays attribute
    EventId m_idleCheck;                   //!< pending idle expiry
    Ptr<UniformRandomVariable> m_lossDraw; //!< per-packet loss draws
    uint32_t m_peakFlows{0};               //!< high-water mark of m_flows
    TracedCallback<const PackMimeDelayBoxFlow&> m_flowStartedTrace; //!< flow created
    TracedCallback<const PackMimeDelayBoxFlow&> m_flowEndedTrace;   //!< flow removed
};

} // namespace ns3

#endif /* PACKMIME_DELAY_BOX_H */
