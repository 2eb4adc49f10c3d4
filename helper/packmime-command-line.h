/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef PACKMIME_COMMAND_LINE_H
#define PACKMIME_COMMAND_LINE_H

#include "ns3/command-line.h"
#include "ns3/data-rate.h"
#include "ns3/nstime.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * @ingroup packmime
 * @brief ns-3's CommandLine for programs whose option errors are user errors.
 *
 * A typo in a program option is not a bug in the model: instead of an abort with a core
 * dump, the program prints one line naming the option, its value and what was expected,
 * then "Try 'PROGRAM --help'.", and exits with status 2 (as the module's C tools do).
 * Every option is checked before the simulation is built: numbers with the core's parser
 * (no negative counts wrapping round, no "1e3" read as 1, no non-finite values), choices
 * against their list, rates with DataRate's syntax; unknown options and unknown
 * --ns3::Type::Attribute names too. --help, the Print* arguments and --ns3::... attribute
 * defaults go to ns3::CommandLine as usual.
 *
 * @code
 *   uint32_t hosts = 16;
 *   PackMimeCommandLine cmd("packmime-flows", "CDF-driven datacenter flows.");
 *   cmd.AddCount("hosts", "number of hosts", hosts, 2, 4096);
 *   cmd.Parse(argc, argv);
 *   if (...) cmd.Fail("--pattern=tm needs --tm=PREFIX_OR_DIR");
 * @endcode
 */
class PackMimeCommandLine
{
  public:
    /**
     * @param program name printed in front of every message
     * @param usage one paragraph shown by --help
     */
    PackMimeCommandLine(const std::string& program, const std::string& usage);

    /// Free text (a path, a name resolved later).
    void AddValue(const std::string& name, const std::string& help, std::string& value);
    /// One of `choices`.
    void AddChoice(const std::string& name,
                   const std::string& help,
                   std::string& value,
                   const std::vector<std::string>& choices);
    /// A flag: --name, --name=true|false|1|0.
    void AddFlag(const std::string& name, const std::string& help, bool& value);
    /// A whole number in [min, max].
    void AddCount(const std::string& name,
                  const std::string& help,
                  uint64_t& value,
                  uint64_t min,
                  uint64_t max);
    /// A whole number in [min, max] (32 bits).
    void AddCount(const std::string& name,
                  const std::string& help,
                  uint32_t& value,
                  uint32_t min,
                  uint32_t max);
    /// A signed whole number in [min, max].
    void AddInteger(const std::string& name,
                    const std::string& help,
                    int64_t& value,
                    int64_t min,
                    int64_t max);
    /// A finite number in [min, max], or (min, max] when aboveMin.
    void AddNumber(const std::string& name,
                   const std::string& help,
                   double& value,
                   double min,
                   double max,
                   bool aboveMin = false);
    /// A duration: a number with a unit (s, ms, us, ns; seconds without one) in [min, max].
    void AddTime(const std::string& name, const std::string& help, Time& value, Time min, Time max);
    /// A rate in DataRate syntax ("10Gbps"), > 0 unless allowZero.
    void AddDataRate(const std::string& name,
                     const std::string& help,
                     DataRate& value,
                     bool allowZero = false);

    /**
     * @param name an option added before
     * @return "--name=TEXT" as given on the command line (or the default's text), for messages
     */
    std::string Given(const std::string& name) const;

    /**
     * @brief Create an output directory and its parents, or fail naming the option.
     * @param name the option that gave the path (for the message)
     * @param path the directory
     */
    void CreateDirectories(const std::string& name, const std::string& path) const;

    /// Check every argument, then let ns3::CommandLine handle help and attributes.
    void Parse(int argc, char* argv[]);

    /**
     * @brief Report a usage error: "PROGRAM: message", "Try 'PROGRAM --help'.", exit 2.
     * @param message what is wrong, naming the option
     */
    [[noreturn]] void Fail(const std::string& message) const;

  private:
    /// Converts an option's text into its variable; returns what was expected, or "".
    using Binder = std::function<std::string(const std::string& text)>;

    /// One program option.
    struct Option
    {
        std::string name;         //!< without the dashes
        std::string text;         //!< registered with CommandLine (which writes it again)
        std::string given;        //!< value given (or the default's text), for messages
        bool flag{false};         //!< a bool flag (--name alone means true)
        bool* flagValue{nullptr}; //!< the flag's variable
        Binder bind;              //!< converts text into the variable
    };

    void Add(const std::string& name,
             const std::string& help,
             const std::string& text,
             Binder bind);
    void CheckAttributeName(const std::string& arg, const std::string& path) const;

    std::string m_program;     //!< name in messages
    CommandLine m_cmd;         //!< help and --ns3:: handling
    std::deque<Option> m_opts; //!< program options (a deque: CommandLine keeps references)
};

} // namespace ns3

#endif /* PACKMIME_COMMAND_LINE_H */
