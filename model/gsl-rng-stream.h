/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GSL_RNG_STREAM_H
#define GSL_RNG_STREAM_H

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

} // namespace ns3

#endif /* GSL_RNG_STREAM_H */
