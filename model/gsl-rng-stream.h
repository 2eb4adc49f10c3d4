/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef GSL_RNG_STREAM_H
#define GSL_RNG_STREAM_H

#include "ns3/object.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"

#include <gsl/gsl_rng.h>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief A GSL generator whose draws come from one ns-3 random stream.
 *
 * This is the RNG bridge between the packmime C core (which samples through
 * `gsl_rng*`) and ns-3: every draw the core makes through Get() is taken from a
 * UniformRandomVariable, so it honours RngSeed, RngRun and AssignStreams. Each model
 * variable owns one GslRngStream, i.e. one ns-3 stream.
 */
class GslRngStream : public Object
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
     * @brief Pin the underlying ns-3 stream.
     * @param stream first stream index to use
     * @return the number of streams used (always 1)
     */
    int64_t AssignStreams(int64_t stream);

  private:
    Ptr<UniformRandomVariable> m_uniform; //!< source of every draw
    gsl_rng* m_rng;                       //!< bridge generator (owned)
};

} // namespace ns3

#endif /* GSL_RNG_STREAM_H */
