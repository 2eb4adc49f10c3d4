/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Short names for the test durations and suite types of the running ns-3 release (the
 * difference itself is bridged in ns3/packmime-compat.h). Suite types are written
 * TestSuite::Type::UNIT, valid for the unscoped enum of ns-3 <= 3.41 and the later enum class.
 */
#ifndef PACKMIME_TEST_COMPAT_H
#define PACKMIME_TEST_COMPAT_H

#include "ns3/packmime-compat.h"
#include "ns3/test.h"

namespace packmime_test
{

/// QUICK test duration.
constexpr auto QUICK = ns3::packmime_compat::TestDurations<ns3::TestCase>::QUICK;
/// EXTENSIVE test duration.
constexpr auto EXTENSIVE = ns3::packmime_compat::TestDurations<ns3::TestCase>::EXTENSIVE;
/// UNIT suite type.
constexpr auto UNIT = ns3::TestSuite::Type::UNIT;
/// SYSTEM suite type.
constexpr auto SYSTEM = ns3::TestSuite::Type::SYSTEM;

} // namespace packmime_test

#endif /* PACKMIME_TEST_COMPAT_H */
