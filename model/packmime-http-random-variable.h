/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_HTTP_RANDOM_VARIABLE_H
#define PACKMIME_HTTP_RANDOM_VARIABLE_H

#include "gsl-rng-stream.h"
#include "pm-http.h"

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
 */
class PackMimeHttpRandomVariable : public GslRngStream
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

  private:
    pm_http_var m_variable;              //!< the model variable drawn
    double m_rate;                       //!< new connections per second
    pm_fsd_method m_fsd;                 //!< FSD generator
    pm_http_sampler* m_sampler{nullptr}; //!< built at the first draw (owned)
};

} // namespace ns3

#endif /* PACKMIME_HTTP_RANDOM_VARIABLE_H */
