/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Test-duration spellings that compile on ns-3.37 (unscoped TestCase::TestDuration) and on
 * ns-3.42+ (enum class TestCase::Duration, the old names removed later). Suite types are
 * written TestSuite::Type::UNIT, which is valid for both the 3.37 unscoped enum and the
 * later enum class.
 */
#ifndef PACKMIME_TEST_COMPAT_H
#define PACKMIME_TEST_COMPAT_H

#include "ns3/test.h"

#include <type_traits>

namespace packmime_test
{

/// True when T has the ns-3.42+ nested `Duration` enum.
template <typename T, typename = void>
struct HasDurationEnum : std::false_type
{
};

/// Specialization selected when T::Duration exists.
template <typename T>
struct HasDurationEnum<T, std::void_t<typename T::Duration>> : std::true_type
{
};

/// Durations of the running ns-3 release (primary template: ns-3.37 spelling).
template <typename T, bool = HasDurationEnum<T>::value>
struct Durations
{
    static constexpr auto QUICK = T::TestDuration::QUICK;                 ///< quick
    static constexpr auto EXTENSIVE = T::TestDuration::EXTENSIVE;         ///< extensive
    static constexpr auto TAKES_FOREVER = T::TestDuration::TAKES_FOREVER; ///< very long
};

/// Durations of ns-3.42 and later.
template <typename T>
struct Durations<T, true>
{
    static constexpr auto QUICK = T::Duration::QUICK;                 ///< quick
    static constexpr auto EXTENSIVE = T::Duration::EXTENSIVE;         ///< extensive
    static constexpr auto TAKES_FOREVER = T::Duration::TAKES_FOREVER; ///< very long
};

/// QUICK test duration.
constexpr auto QUICK = Durations<ns3::TestCase>::QUICK;
/// EXTENSIVE test duration.
constexpr auto EXTENSIVE = Durations<ns3::TestCase>::EXTENSIVE;
/// UNIT suite type.
constexpr auto UNIT = ns3::TestSuite::Type::UNIT;
/// SYSTEM suite type.
constexpr auto SYSTEM = ns3::TestSuite::Type::SYSTEM;

} // namespace packmime_test

#endif /* PACKMIME_TEST_COMPAT_H */
