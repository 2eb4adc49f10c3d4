/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_RANDOM_VARIABLE_H
#define PACKMIME_HTTP_RANDOM_VARIABLE_H

#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * @ingroup packmime
 * @brief Any PackMime-HTTP model variable as an ns-3 RandomVariableStream.
 *
 * GetValue returns the next value of the variable chosen by the Variable attribute
 * (flow-arrival, req-size, rsp-size, server-delay, ..., xmit-server; units as in
 * pm_http_sample: seconds, bytes, counts, 0/1 flags, milliseconds for the transmission
 * delays), with the rate-dependent parameters of Rate, drawn from this object's own ns-3
 * stream (SetStream / AssignStreams). The sampler is built at the first draw, from the
 * attributes set by then. Use it wherever ns-3 takes a random variable, e.g.
 * PackMimeServer's ServerDelay:
 *
 * @code
 *   auto delay = CreateObject<PackMimeHttpRandomVariable>();
 *   delay->SetAttribute("Variable", StringValue("server-delay"));
 *   delay->SetAttribute("Rate", DoubleValue(100));
 *   server->SetAttribute("ServerDelay", PointerValue(delay));
 * @endcode
 *
 * The header is free of the C core and GSL (the sampler lives behind a pointer), so the
 * module header needs neither.
 */
class PackMimeHttpRandomVariable : public RandomVariableStream
{
  public:
    /**
     * @brief Get the type ID.
     * @return the object TypeId
     */
    static TypeId GetTypeId();

    PackMimeHttpRandomVariable();
    ~PackMimeHttpRandomVariable() override;

    /**
     * @brief The next value of the model variable.
     * @return the value
     */
    double GetValue() override;

    /**
     * @brief The next value, truncated to an integer.
     * @return the value
     */
    uint32_t GetInteger() override;

    /**
     * @brief Pin the ns-3 stream.
     * @param stream the stream index to use
     * @return the number of streams used (always 1)
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * @brief One uniform draw in (0, 1) from this object's ns-3 stream (1 - u when
     * Antithetic is set): what the sampler's GSL bridge draws.
     * @return the value
     */
    double DrawUniform();

  private:
    struct Sampler; // the core's sampler and the GSL bridge it draws through

    int m_variable;              //!< the model variable drawn (a pm_http_var)
    double m_rate;               //!< new connections per second
    int m_fsd;                   //!< FSD generator (a pm_fsd_method)
    Sampler* m_sampler{nullptr}; //!< built at the first draw (owned)
};

} // namespace ns3

#endif /* PACKMIME_HTTP_RANDOM_VARIABLE_H */
