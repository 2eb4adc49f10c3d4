/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-command-line.h"

#include "pm-text.h"

#include "ns3/global-value.h"
#include "ns3/string.h"
#include "ns3/type-id.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace ns3
{

namespace
{

/// Parse text as a number in range; "" on success, else what was expected.
std::string
ParseNumber(const std::string& text, double min, double max, unsigned flags, double* out)
{
    pm_error err;
    pm_number_range range = {min, max, flags};
    return pm_text_parse_number(text.c_str(), range, out, &err) == PM_OK ? "" : err.message;
}

/// Converts a whole number of type T in [min, max] (clipped to +-2^53, the whole numbers the
/// core parses exactly) into value; returns what was expected, or "".
template <typename T>
std::function<std::string(const std::string&)>
WholeNumber(T& value, double min, double max)
{
    min = std::max(min, -PM_NUMBER_MAX_INTEGER);
    max = std::min(max, PM_NUMBER_MAX_INTEGER);
    return [&value, min, max](const std::string& text)
    {
        double v = 0;
        std::string expected = ParseNumber(text, min, max, PM_NUMBER_INTEGER, &v);
        value = expected.empty() ? T(v) : value;
        return expected;
    };
}

/// The default of a number as the help shows it.
std::string
Shown(double v)
{
    std::ostringstream os;
    os << v;
    return os.str();
}

/// Arguments ns3::CommandLine itself answers.
bool
IsGeneralArgument(const std::string& name)
{
    for (const char* general : {"help",
                                "PrintHelp",
                                "PrintGlobals",
                                "PrintGroups",
                                "PrintGroup",
                                "PrintTypeIds",
                                "PrintAttributes",
                                "PrintVersion",
                                "version"})
    {
        if (name == general)
        {
            return true;
        }
    }
    return false;
}

/// Whether name is a GlobalValue (RngRun, RngSeed, SimulatorImplementationType, ...).
bool
IsGlobalValue(const std::string& name)
{
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            return true;
        }
    }
    return false;
}

} // namespace

PackMimeCommandLine::PackMimeCommandLine(const std::string& program, const std::string& usage)
    : m_program(program)
{
    m_cmd.Usage(usage);
}

void
PackMimeCommandLine::Add(const std::string& name,
                         const std::string& help,
                         const std::string& text,
                         Binder bind)
{
    m_opts.push_back(Option{name, text, text, false, nullptr, std::move(bind)});
    m_cmd.AddValue(name, help, m_opts.back().text);
}

void
PackMimeCommandLine::AddValue(const std::string& name, const std::string& help, std::string& value)
{
    Add(name,
        help,
        value,
        [&value](const std::string& text)
        {
            value = text;
            return std::string();
        });
}

void
PackMimeCommandLine::AddChoice(const std::string& name,
                               const std::string& help,
                               std::string& value,
                               const std::vector<std::string>& choices)
{
    Add(name,
        help,
        value,
        [&value, choices](const std::string& text)
        {
            std::string list;
            for (size_t i = 0; i < choices.size(); i++)
            {
                if (text == choices[i])
                {
                    value = text;
                    return std::string();
                }
                list += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i];
            }
            return "expected " + list;
        });
}

void
PackMimeCommandLine::AddFlag(const std::string& name, const std::string& help, bool& value)
{
    m_opts.push_back(Option{name, "", "", true, &value, nullptr});
    m_cmd.AddValue(name, help, value);
}

void
PackMimeCommandLine::AddCount(const std::string& name,
                              const std::string& help,
                              uint64_t& value,
                              uint64_t min,
                              uint64_t max)
{
    Add(name, help, std::to_string(value), WholeNumber(value, double(min), double(max)));
}

void
PackMimeCommandLine::AddCount(const std::string& name,
                              const std::string& help,
                              uint32_t& value,
                              uint32_t min,
                              uint32_t max)
{
    Add(name, help, std::to_string(value), WholeNumber(value, double(min), double(max)));
}

void
PackMimeCommandLine::AddInteger(const std::string& name,
                                const std::string& help,
                                int64_t& value,
                                int64_t min,
                                int64_t max)
{
    std::string shown = value == INT64_MIN ? "" : std::to_string(value);
    Add(name, help, shown, WholeNumber(value, double(min), double(max)));
}

void
PackMimeCommandLine::AddNumber(const std::string& name,
                               const std::string& help,
                               double& value,
                               double min,
                               double max,
                               bool aboveMin)
{
    unsigned flags = aboveMin ? PM_NUMBER_ABOVE_MIN : 0;
    Add(name,
        help,
        Shown(value),
        [&value, min, max, flags](const std::string& text)
        {
            return ParseNumber(text, min, max, flags, &value);
        });
}

void
PackMimeCommandLine::AddTime(const std::string& name,
                             const std::string& help,
                             Time& value,
                             Time min,
                             Time max)
{
    std::ostringstream shown;
    shown << value.As(Time::AUTO);
    std::string text = shown.str();
    text.erase(std::remove(text.begin(), text.end(), '+'), text.end());
    Add(name,
        help,
        text,
        [&value, min, max](const std::string& text)
        {
            static const std::pair<const char*, double> units[] = {{"ms", 1e-3},
                                                                   {"us", 1e-6},
                                                                   {"ns", 1e-9},
                                                                   {"s", 1.0},
                                                                   {"min", 60.0},
                                                                   {"h", 3600.0}};
            std::string number = text;
            double scale = 1.0;
            for (const auto& [unit, factor] : units)
            {
                size_t n = std::string(unit).size();
                if (text.size() > n && text.compare(text.size() - n, n, unit) == 0 &&
                    (std::isdigit(text[text.size() - n - 1]) || text[text.size() - n - 1] == '.'))
                {
                    number = text.substr(0, text.size() - n);
                    scale = factor;
                    break;
                }
            }
            std::string expected =
                "expected a time from " + Shown(min.GetSeconds()) + "s to " +
                Shown(max.GetSeconds()) +
                "s such as 10ms (units s, ms, us, ns, min, h; seconds without one)";
            double v = 0;
            if (!ParseNumber(number, 0, PM_NUMBER_MAX_INTEGER, 0, &v).empty())
            {
                return expected;
            }
            Time t = Seconds(v * scale);
            if (t < min || t > max || (v > 0 && t.IsZero()))
            {
                return expected + (v > 0 && t.IsZero() ? " (below the 1 ns resolution)" : "");
            }
            value = t;
            return std::string();
        });
}

void
PackMimeCommandLine::AddDataRate(const std::string& name,
                                 const std::string& help,
                                 DataRate& value,
                                 bool allowZero)
{
    std::string shown = std::to_string(value.GetBitRate()) + "bps";
    Add(name,
        help,
        shown,
        [&value, allowZero](const std::string& text)
        {
            DataRateValue v;
            if (!v.DeserializeFromString(text, MakeDataRateChecker()))
            {
                return std::string("expected a rate such as 100Mbps or 10Gbps");
            }
            if (!allowZero && v.Get().GetBitRate() == 0)
            {
                return std::string("expected a rate > 0 such as 100Mbps");
            }
            value = v.Get();
            return std::string();
        });
}

void
PackMimeCommandLine::CheckAttributeName(const std::string& arg, const std::string& path) const
{
    size_t sep = path.rfind("::");
    TypeId tid;
    if (sep == std::string::npos || sep < 5 ||
        !TypeId::LookupByNameFailSafe(path.substr(0, sep), &tid))
    {
        Fail(arg + ": no type '" + path.substr(0, sep) +
             "' (expected --ns3::Type::Attribute=VALUE)");
    }
    TypeId::AttributeInformation info;
    if (!tid.LookupAttributeByName(path.substr(sep + 2), &info))
    {
        Fail(arg + ": type " + tid.GetName() + " has no attribute '" + path.substr(sep + 2) + "'");
    }
}

void
PackMimeCommandLine::Parse(int argc, char* argv[])
{
    for (int i = 1; i < argc; i++)
    {
        std::string arg = argv[i];
        size_t dashes = arg.rfind("--", 0) == 0 ? 2 : arg.rfind('-', 0) == 0 ? 1 : 0;
        if (dashes == 0)
        {
            Fail("unexpected argument '" + arg + "' (options are --NAME=VALUE)");
        }
        std::string body = arg.substr(dashes);
        size_t eq = body.find('=');
        std::string name = body.substr(0, eq);
        std::string value = eq == std::string::npos ? "" : body.substr(eq + 1);
        if (IsGeneralArgument(name) || IsGlobalValue(name))
        {
            continue; // ns3::CommandLine's own
        }
        if (name.rfind("ns3::", 0) == 0)
        {
            CheckAttributeName(arg, name);
            continue;
        }
        auto opt = m_opts.begin();
        while (opt != m_opts.end() && opt->name != name)
        {
            ++opt;
        }
        if (opt == m_opts.end())
        {
            Fail("unknown option '--" + name + "'");
        }
        if (opt->flag)
        {
            if (eq != std::string::npos && value != "true" && value != "false" && value != "1" &&
                value != "0")
            {
                Fail(arg + ": expected --" + name + " or --" + name + "=true|false");
            }
            continue;
        }
        if (eq == std::string::npos)
        {
            Fail("--" + name + ": expected --" + name + "=VALUE");
        }
        std::string expected = opt->bind(value);
        if (!expected.empty())
        {
            Fail(arg + ": " + expected);
        }
        opt->given = value;
    }
    m_cmd.Parse(argc, argv);
}

std::string
PackMimeCommandLine::Given(const std::string& name) const
{
    for (const auto& opt : m_opts)
    {
        if (opt.name == name)
        {
            return "--" + name + "=" + (opt.flag ? (*opt.flagValue ? "true" : "false") : opt.given);
        }
    }
    return "--" + name;
}

void
PackMimeCommandLine::CreateDirectories(const std::string& name, const std::string& path) const
{
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error)
    {
        Fail("--" + name + "=" + path + ": cannot create: " + error.message());
    }
}

void
PackMimeCommandLine::Fail(const std::string& message) const
{
    std::cerr << m_program << ": " << message << "\nTry '" << m_program << " --help'." << std::endl;
    std::exit(2);
}

} // namespace ns3
