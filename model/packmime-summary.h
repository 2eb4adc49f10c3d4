/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_SUMMARY_H
#define PACKMIME_SUMMARY_H

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief The summary of a run as ordered key/value pairs, each value kept as its JSON text:
 * what a workload writes to its SummaryFile. Workloads add their keys in a fixed order, so
 * the same run writes the same bytes.
 */
class PackMimeSummary
{
  public:
    /**
     * @brief Add a count.
     * @param key JSON key
     * @param value the count
     */
    void AddCount(const std::string& key, uint64_t value);

    /**
     * @brief Add a number (10 significant digits; null when not finite).
     * @param key JSON key
     * @param value the number
     */
    void AddNumber(const std::string& key, double value);

    /**
     * @brief Add a string (escaped as JSON requires).
     * @param key JSON key
     * @param value the string
     */
    void AddText(const std::string& key, const std::string& value);

    /**
     * @brief Add a value already written as JSON (an array or an object).
     * @param key JSON key
     * @param json its JSON text
     */
    void AddJson(const std::string& key, const std::string& json);

    /**
     * @brief Set a number: replace the value of key if present, else add it at the end.
     * @param key JSON key
     * @param value the number
     */
    void SetNumber(const std::string& key, double value);

    /**
     * @brief Write the summary as one JSON object, one key per line.
     * @param os output stream
     */
    void WriteJson(std::ostream& os) const;

    /// @return the (key, JSON text) pairs in order
    const std::vector<std::pair<std::string, std::string>>& GetEntries() const;

  private:
    std::vector<std::pair<std::string, std::string>> m_entries; //!< (key, JSON text) in order
};

/**
 * @ingroup packmime
 * @brief A number as JSON writes it: 10 significant digits, or null when not finite.
 * @param v the value
 * @return its JSON text
 */
std::string PackMimeJsonNumber(double v);

/**
 * @ingroup packmime
 * @brief A string as JSON writes it: quoted, with quotes, backslashes and control characters
 * escaped.
 * @param s the string
 * @return its JSON text
 */
std::string PackMimeJsonString(const std::string& s);

} // namespace ns3

#endif /* PACKMIME_SUMMARY_H */
