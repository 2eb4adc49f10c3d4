/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GSL_RNG_STREAM_H
#define GSL_RNG_STREAM_H

#include "pm-rng.h"

#include "ns3/packmime-fatal.h"
#include "ns3/random-variable-stream.h"

#include <gsl/gsl_rng.h>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief An ns-3 random stream that is also a GSL generator: the RNG bridge.
 *
 * The packmime C core samples through `gsl_rng*`. Every draw it makes through Get() comes
 * from this object's ns-3 stream (MRG32k3a), so it honours RngSeed, RngRun and the stream
 * set by AssignStreams/SetStream. Each model variable owns one GslRngStream, i.e. one ns-3
 * stream. As a RandomVariableStream it draws U(0,1) itself (GetValue, GetInteger).
 *
 * This header needs GSL's: include it (and the core's pm-*.h) by name where the core is
 * called directly; packmime-module.h includes neither.
 */
class GslRngStream : public RandomVariableStream
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    GslRngStream();
    ~GslRngStream() override;

    /**
     * @brief The generator to hand to the C core; valid as long as this object lives.
     * @return the GSL generator
     */
    gsl_rng* Get() const;

    /**
     * @brief Pin the ns-3 stream.
     * @param stream the stream index to use
     * @return the number of streams used (always 1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief A uniform draw in (0, 1) (1 - u when Antithetic is set).
     * @return the value
     */
    double GetValue() override;

    /**
     * @brief A uniform integer in [0, 2^32 - 1].
     * @return the value
     */
    uint32_t GetInteger() override;

    /**
     * @brief One uniform draw in (0, 1) from this object's ns-3 stream (1 - u when
     * Antithetic is set). Not virtual: the bridge uses it, so subclasses may redefine
     * GetValue (e.g. to return a model variable) without changing the bridge's draws.
     * @return the value
     */
    double DrawUniform();

  private:
    gsl_rng* m_rng; //!< bridge generator (owned); its draws call back into this object
};

namespace packmime_bridge
{

/**
 * @brief gsl_rng "get" hook: a uniform 32-bit integer from the Source behind ctx.
 * @param ctx the Source
 * @return the integer
 */
template <class Source>
unsigned long
GetInteger(void* ctx)
{
    return static_cast<unsigned long>(static_cast<Source*>(ctx)->DrawUniform() * 4294967296.0);
}

/**
 * @brief gsl_rng "get_double" hook: a uniform double in (0, 1) from the Source behind ctx.
 * @param ctx the Source
 * @return the value
 */
template <class Source>
double
GetDouble(void* ctx)
{
    return static_cast<Source*>(ctx)->DrawUniform();
}

} // namespace packmime_bridge

/**
 * @brief A GSL generator whose every draw is source->DrawUniform(): the RNG bridge, for any
 * ns-3 object that draws uniforms from its own stream.
 * @tparam Source an Object with a public `double DrawUniform()`
 * @param source the object drawn from; must outlive the generator
 * @param who the type named if GSL cannot allocate the generator
 * @return the generator (free with gsl_rng_free)
 */
template <class Source>
gsl_rng*
PackMimeNewGslBridge(Source* source, const char* who)
{
    pm_rng_source hooks = {&packmime_bridge::GetInteger<Source>,
                           &packmime_bridge::GetDouble<Source>,
                           source};
    pm_error err;
    gsl_rng* rng = pm_rng_new_source(&hooks, &err);
    PACKMIME_FATAL_IF(rng == nullptr, who << ": " << err.message);
    return rng;
}

} // namespace ns3

#endif /* GSL_RNG_STREAM_H */
