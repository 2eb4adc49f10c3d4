/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "gsl-rng-stream.h"

#include "pm-rng.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/packmime-fatal.h"
#include "ns3/rng-stream.h"

#include <cstdint>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GslRngStream");

NS_OBJECT_ENSURE_REGISTERED(GslRngStream);

namespace
{

/// gsl_rng "get" hook: a uniform 32-bit integer from the GslRngStream behind ctx.
unsigned long
BridgeGetInteger(void* ctx)
{
    return static_cast<unsigned long>(static_cast<GslRngStream*>(ctx)->DrawUniform() *
                                      4294967296.0);
}

/// gsl_rng "get_double" hook: a uniform double in (0, 1) from the GslRngStream behind ctx.
double
BridgeGetDouble(void* ctx)
{
    return static_cast<GslRngStream*>(ctx)->DrawUniform();
}

} // namespace

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
    : m_rng(nullptr)
{
    pm_rng_source source = {&BridgeGetInteger, &BridgeGetDouble, this};
    pm_error err;
    m_rng = pm_rng_new_source(&source, &err);
    PACKMIME_FATAL_IF(m_rng == nullptr, "GslRngStream: " << err.message);
}

GslRngStream::~GslRngStream()
{
    gsl_rng_free(m_rng);
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
