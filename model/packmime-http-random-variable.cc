/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-random-variable.h"

#include "packmime-compat.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/packmime-fatal.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(PackMimeHttpRandomVariable);

/// A model variable and its name, as MakeEnumChecker takes them.
#define VAR(v) v, std::string(pm_http_var_name(v))

TypeId
PackMimeHttpRandomVariable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeHttpRandomVariable")
            .SetParent<GslRngStream>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeHttpRandomVariable>()
            .AddAttribute(
                "Variable",
                "The PackMime-HTTP model variable to draw.",
                EnumValue(PM_HTTP_SERVER_DELAY),
                PackMimeMakeEnumAccessor<pm_http_var>(&PackMimeHttpRandomVariable::m_variable),
                // The names are the C core's (pm_http_var_name), in pm_http_var order.
                MakeEnumChecker(VAR(PM_HTTP_FLOW_ARRIVAL),
                                VAR(PM_HTTP_REQ_SIZE),
                                VAR(PM_HTTP_RSP_SIZE),
                                VAR(PM_HTTP_SERVER_DELAY),
                                VAR(PM_HTTP_PERSIST_RSP_SIZE),
                                VAR(PM_HTTP_PERSISTENT),
                                VAR(PM_HTTP_PAGES),
                                VAR(PM_HTTP_SINGLE_OBJ),
                                VAR(PM_HTTP_OBJS_PER_PAGE),
                                VAR(PM_HTTP_TIME_BTWN_PAGES),
                                VAR(PM_HTTP_TIME_BTWN_OBJS),
                                VAR(PM_HTTP_XMIT_CLIENT),
                                VAR(PM_HTTP_XMIT_SERVER)))
            .AddAttribute("Rate",
                          "PackMime rate (new connections per second): the covariate of the "
                          "rate-dependent parameters.",
                          DoubleValue(10.0),
                          MakeDoubleAccessor(&PackMimeHttpRandomVariable::m_rate),
                          MakeDoubleChecker<double>())
            .AddAttribute(
                "Fsd",
                "Generator of the long-range-dependent series: fast or hosking.",
                EnumValue(PM_FSD_FAST),
                PackMimeMakeEnumAccessor<pm_fsd_method>(&PackMimeHttpRandomVariable::m_fsd),
                MakeEnumChecker(PM_FSD_FAST, "fast", PM_FSD_HOSKING, "hosking"));
    return tid;
}

#undef VAR

PackMimeHttpRandomVariable::PackMimeHttpRandomVariable()
    : m_variable(PM_HTTP_SERVER_DELAY),
      m_rate(10.0),
      m_fsd(PM_FSD_FAST)
{
}

PackMimeHttpRandomVariable::~PackMimeHttpRandomVariable()
{
    pm_http_sampler_free(m_sampler);
}

double
PackMimeHttpRandomVariable::GetValue()
{
    if (!m_sampler)
    {
        pm_http_options opt = {};
        opt.rate = m_rate;
        opt.fsd = m_fsd;
        pm_error err;
        m_sampler = pm_http_sampler_new(m_variable, &opt, Get(), &err);
        PACKMIME_FATAL_IF(
            !m_sampler,
            "PackMimeHttpRandomVariable (attributes Variable, Rate, Fsd): " << err.message);
    }
    return pm_http_sample(m_sampler);
}

uint32_t
PackMimeHttpRandomVariable::GetInteger()
{
    return static_cast<uint32_t>(GetValue());
}

} // namespace ns3
