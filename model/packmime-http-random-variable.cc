/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-http-random-variable.h"

#include "gsl-rng-stream.h"
#include "packmime-compat.h"
#include "pm-http.h"

#include "ns3/abort.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/packmime-fatal.h"
#include "ns3/rng-stream.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(PackMimeHttpRandomVariable);

/// The core's sampler of one variable and the bridge generator it draws through (both owned).
struct PackMimeHttpRandomVariable::Sampler
{
    gsl_rng* rng;             //!< draws from the owner's ns-3 stream
    pm_http_sampler* sampler; //!< the model variable's sampler
};

// The attributes hold the core's enums as int (EnumValue<int> on every ns-3), so that the
// header needs no core header.
/// A model variable and its name, as MakeEnumChecker takes them.
#define VAR(v) static_cast<int>(v), std::string(pm_http_var_name(v))

TypeId
PackMimeHttpRandomVariable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PackMimeHttpRandomVariable")
            .SetParent<RandomVariableStream>()
            .SetGroupName("PackMime")
            .AddConstructor<PackMimeHttpRandomVariable>()
            .AddAttribute("Variable",
                          "The PackMime-HTTP model variable to draw.",
                          EnumValue(static_cast<int>(PM_HTTP_SERVER_DELAY)),
                          PackMimeMakeEnumAccessor<int>(&PackMimeHttpRandomVariable::m_variable),
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
            .AddAttribute("Fsd",
                          "Generator of the long-range-dependent series: fast or hosking.",
                          EnumValue(static_cast<int>(PM_FSD_FAST)),
                          PackMimeMakeEnumAccessor<int>(&PackMimeHttpRandomVariable::m_fsd),
                          MakeEnumChecker(static_cast<int>(PM_FSD_FAST),
                                          "fast",
                                          static_cast<int>(PM_FSD_HOSKING),
                                          "hosking"));
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
    if (m_sampler)
    {
        pm_http_sampler_free(m_sampler->sampler);
        pm_rng_free(m_sampler->rng);
        delete m_sampler;
    }
}

int64_t
PackMimeHttpRandomVariable::AssignStreams(int64_t stream)
{
    SetStream(stream);
    return 1;
}

double
PackMimeHttpRandomVariable::DrawUniform()
{
    double u = Peek()->RandU01();
    return IsAntithetic() ? 1.0 - u : u;
}

double
PackMimeHttpRandomVariable::GetValue()
{
    if (!m_sampler)
    {
        pm_http_options opt = {};
        opt.rate = m_rate;
        opt.fsd = static_cast<pm_fsd_method>(m_fsd);
        gsl_rng* rng = PackMimeNewGslBridge(this, "PackMimeHttpRandomVariable");
        pm_error err;
        pm_http_sampler* sampler =
            pm_http_sampler_new(static_cast<pm_http_var>(m_variable), &opt, rng, &err);
        if (!sampler)
        {
            pm_rng_free(rng);
            NS_FATAL_ERROR(
                "PackMimeHttpRandomVariable (attributes Variable, Rate, Fsd): " << err.message);
        }
        m_sampler = new Sampler{rng, sampler};
    }
    return pm_http_sample(m_sampler->sampler);
}

uint32_t
PackMimeHttpRandomVariable::GetInteger()
{
    return static_cast<uint32_t>(GetValue());
}

} // namespace ns3
