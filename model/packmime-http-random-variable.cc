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
                MakeEnumChecker(PM_HTTP_FLOW_ARRIVAL,
                                "flow-arrival",
                                PM_HTTP_REQ_SIZE,
                                "req-size",
                                PM_HTTP_RSP_SIZE,
                                "rsp-size",
                                PM_HTTP_SERVER_DELAY,
                                "server-delay",
                                PM_HTTP_PERSIST_RSP_SIZE,
                                "persist-rsp-size",
                                PM_HTTP_PERSISTENT,
                                "persistent",
                                PM_HTTP_PAGES,
                                "pages",
                                PM_HTTP_SINGLE_OBJ,
                                "single-obj",
                                PM_HTTP_OBJS_PER_PAGE,
                                "objs-per-page",
                                PM_HTTP_TIME_BTWN_PAGES,
                                "time-btwn-pages",
                                PM_HTTP_TIME_BTWN_OBJS,
                                "time-btwn-objs",
                                PM_HTTP_XMIT_CLIENT,
                                "xmit-client",
                                PM_HTTP_XMIT_SERVER,
                                "xmit-server"))
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
