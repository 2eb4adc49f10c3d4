/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_DELAY_BOX_HELPER_H
#define PACKMIME_DELAY_BOX_HELPER_H

#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/packmime-delay-box.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Installs PackMimeDelayBoxes (ns-2's DelayBox) on routers.
 *
 * The rules added here are given to every box installed afterwards. A box is aggregated to
 * its node (node->GetObject<PackMimeDelayBox>()) and acts as the first routing protocol of
 * the node's Ipv4ListRouting and Ipv6ListRouting (InternetStackHelper's default), so it
 * sees every packet the node forwards, before it is queued on the way out.
 *
 * @code
 *   PackMimeDelayBoxHelper db;
 *   auto delay = CreateObject<UniformRandomVariable>(); // ms
 *   delay->SetAttribute("Min", DoubleValue(5));
 *   delay->SetAttribute("Max", DoubleValue(50));
 *   db.AddRule(clients, servers, delay);
 *   Ptr<PackMimeDelayBox> box = db.Install(router);
 *   db.AssignStreams(box, 100);
 * @endcode
 */
class PackMimeDelayBoxHelper
{
  public:
    PackMimeDelayBoxHelper();

    /**
     * @brief Set an attribute of the boxes to create (ns3::PackMimeDelayBox).
     * @param name attribute name
     * @param value its value
     */
    void SetAttribute(const std::string& name, const AttributeValue& value);

    /**
     * @brief Add a rule for the boxes installed from now on (PackMimeDelayBox::AddRule).
     * @param sources nodes a flow's first packet comes from
     * @param destinations nodes it goes to
     * @param delay per-flow delay (ms), or null
     * @param loss per-flow loss probability, or null
     * @param bandwidth per-flow bandwidth (Mb/s), or null
     */
    void AddRule(const NodeContainer& sources,
                 const NodeContainer& destinations,
                 Ptr<RandomVariableStream> delay,
                 Ptr<RandomVariableStream> loss = nullptr,
                 Ptr<RandomVariableStream> bandwidth = nullptr);

    /**
     * @brief Make a router a DelayBox.
     * @param node a node with an Internet stack whose routing is a list routing (IPv4,
     *        IPv6 or both), and no DelayBox yet
     * @return the box
     */
    Ptr<PackMimeDelayBox> Install(Ptr<Node> node) const;

    /**
     * @brief Assign fixed streams to a box (PackMimeDelayBox::AssignStreams).
     * @param box the box
     * @param stream first stream index to use
     * @return the number of streams assigned
     */
    static int64_t AssignStreams(Ptr<PackMimeDelayBox> box, int64_t stream);

  private:
    /// A rule to give to every box.
    struct Rule
    {
        NodeContainer sources;               ///< source nodes
        NodeContainer destinations;          ///< destination nodes
        Ptr<RandomVariableStream> delay;     ///< ms
        Ptr<RandomVariableStream> loss;      ///< probability
        Ptr<RandomVariableStream> bandwidth; ///< Mb/s
    };

    ObjectFactory m_factory;   //!< box factory
    std::vector<Rule> m_rules; //!< rules in order
};

} // namespace ns3

#endif /* PACKMIME_DELAY_BOX_HELPER_H */
