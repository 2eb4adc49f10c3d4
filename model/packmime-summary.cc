/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-summary.h"

#include <cmath>
#include <cstdio>
#include <iomanip>
#include <sstream>

namespace ns3
{

void
PackMimeSummary::AddCount(const std::string& key, uint64_t value)
{
    m_entries.emplace_back(key, std::to_string(value));
}

void
PackMimeSummary::AddNumber(const std::string& key, double value)
{
    m_entries.emplace_back(key, PackMimeJsonNumber(value));
}

void
PackMimeSummary::AddText(const std::string& key, const std::string& value)
{
    m_entries.emplace_back(key, PackMimeJsonString(value));
}

void
PackMimeSummary::AddJson(const std::string& key, const std::string& json)
{
    m_entries.emplace_back(key, json);
}

void
PackMimeSummary::SetNumber(const std::string& key, double value)
{
    for (auto& [k, v] : m_entries)
    {
        if (k == key)
        {
            v = PackMimeJsonNumber(value);
            return;
        }
    }
    AddNumber(key, value);
}

void
PackMimeSummary::WriteJson(std::ostream& os) const
{
    os << "{";
    for (size_t i = 0; i < m_entries.size(); i++)
    {
        os << (i ? ",\n  " : "\n  ") << PackMimeJsonString(m_entries[i].first) << ": "
           << m_entries[i].second;
    }
    os << "\n}\n";
}

const std::vector<std::pair<std::string, std::string>>&
PackMimeSummary::GetEntries() const
{
    return m_entries;
}

std::string
PackMimeJsonNumber(double v)
{
    if (!std::isfinite(v))
    {
        return "null";
    }
    std::ostringstream o;
    o << std::setprecision(10) << v;
    return o.str();
}

std::string
PackMimeJsonString(const std::string& s)
{
    std::string o = "\"";
    for (unsigned char c : s)
    {
        if (c == '"' || c == '\\')
        {
            o += '\\';
            o += char(c);
        }
        else if (c < 0x20)
        {
            char escaped[8];
            std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
            o += escaped;
        }
        else
        {
            o += char(c);
        }
    }
    return o + "\"";
}

} // namespace ns3
