/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "gsl-rng-stream.h"

#include "ns3/log.h"
#include "ns3/rng-stream.h"

#include <cstdint>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GslRngStream");

NS_OBJECT_ENSURE_REGISTERED(GslRngStream);

TypeId
GslRngStream::GetTypeId()
{
    static TypeId tid = TypeId("ns3::GslRngStream")
                            .SetParent<RandomVariableStream>()
                            .SetGroupName("PackMime")
                            .AddConstructor<GslRngStream>();
    return tid;
}

GslRngStream::GslRngStream()
    : m_rng(PackMimeNewGslBridge(this, "GslRngStream"))
{
}

GslRngStream::~GslRngStream()
{
    pm_rng_free(m_rng);
}

gsl_rng*
GslRngStream::Get() const
{
    return m_rng;
}

int64_t
GslRngStream::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    SetStream(stream);
    return 1;
}

double
GslRngStream::DrawUniform()
{
    double u = Peek()->RandU01();
    return IsAntithetic() ? 1.0 - u : u;
}

double
GslRngStream::GetValue()
{
    return DrawUniform();
}

uint32_t
GslRngStream::GetInteger()
{
    return static_cast<uint32_t>(DrawUniform() * 4294967296.0);
}

} // namespace ns3
