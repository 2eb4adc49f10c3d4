/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "gsl-rng-stream.h"

#include "pm-rng.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <cstdint>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("GslRngStream");

NS_OBJECT_ENSURE_REGISTERED(GslRngStream);

namespace
{

/// Draw a uniform 32-bit integer from the UniformRandomVariable behind ctx.
unsigned long
GetInteger(void* ctx)
{
    return static_cast<UniformRandomVariable*>(ctx)->GetInteger(0, UINT32_MAX);
}

/// Draw a uniform double in (0, 1) from the UniformRandomVariable behind ctx.
double
GetDouble(void* ctx)
{
    return static_cast<UniformRandomVariable*>(ctx)->GetValue(0.0, 1.0);
}

} // namespace

TypeId
GslRngStream::GetTypeId()
{
    static TypeId tid = TypeId("ns3::GslRngStream")
                            .SetParent<Object>()
                            .SetGroupName("PackMime")
                            .AddConstructor<GslRngStream>();
    return tid;
}

GslRngStream::GslRngStream()
    : m_uniform(CreateObject<UniformRandomVariable>()),
      m_rng(nullptr)
{
    pm_rng_source source = {&GetInteger, &GetDouble, PeekPointer(m_uniform)};
    pm_error err;
    m_rng = pm_rng_new_source(&source, &err);
    NS_ABORT_MSG_IF(m_rng == nullptr, "GslRngStream: " << err.message);
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
    m_uniform->SetStream(stream);
    return 1;
}

} // namespace ns3
