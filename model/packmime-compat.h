/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Every difference between the ns-3 releases packmime builds on (3.35 through ns-3-dev) is
 * bridged here, detected from the headers themselves (no version macro: in-tree builds
 * generate version-defines.h only with --enable-build-version). Nothing else in the module
 * tests the ns-3 version.
 *
 *  - EnumValue became a class template in 3.41: MakeEnumAccessor needs the enum type as an
 *    explicit template argument there and rejects it before.
 *  - Application::AssignStreams became virtual in 3.42, together with ApplicationHelper
 *    (ns3/application-helper.h), whose AssignStreamsToAllApps calls it on every application.
 *  - The test-duration enum became TestCase::Duration (enum class) in 3.42; the old
 *    TestCase::TestDuration names were removed in 2025.
 *  - Ipv4/Ipv6RoutingProtocol::RouteInput takes its four callbacks by const reference since
 *    3.40 (by value before): PackMimeRouteInputArg gives the parameter type to override.
 */
#ifndef PACKMIME_COMPAT_H
#define PACKMIME_COMPAT_H

#include "ns3/attribute.h"
#include "ns3/enum.h"
#include "ns3/ptr.h"

#include <type_traits>

#if __has_include("ns3/application-helper.h")
/// ns-3 >= 3.42: Application::AssignStreams is virtual (ApplicationHelper::AssignStreamsToAllApps).
#define PACKMIME_HAVE_APPLICATION_ASSIGN_STREAMS     1
/// The module's applications override Application::AssignStreams.
#define PACKMIME_APPLICATION_ASSIGN_STREAMS_OVERRIDE override
#else
/// ns-3 < 3.42: Application has no AssignStreams.
#define PACKMIME_HAVE_APPLICATION_ASSIGN_STREAMS 0
/// The module's applications add their own AssignStreams.
#define PACKMIME_APPLICATION_ASSIGN_STREAMS_OVERRIDE
#endif

namespace ns3
{
class NetDevice;
class Packet;

namespace packmime_compat
{

/// True when routing protocol P's RouteInput (header type H) takes its callbacks by reference.
template <typename P, typename H, typename = void>
struct RouteInputTakesReferences : std::false_type
{
};

/// Specialization selected when RouteInput has the ns-3.40+ signature.
template <typename P, typename H>
struct RouteInputTakesReferences<
    P,
    H,
    std::void_t<decltype(static_cast<bool (P::*)(Ptr<const Packet>,
                                                 const H&,
                                                 Ptr<const NetDevice>,
                                                 const typename P::UnicastForwardCallback&,
                                                 const typename P::MulticastForwardCallback&,
                                                 const typename P::LocalDeliverCallback&,
                                                 const typename P::ErrorCallback&)>(
        &P::RouteInput))>> : std::true_type
{
};

/// ns-3 >= 3.41 (EnumValue<T>): the enum type is named explicitly.
template <typename E, typename Member>
auto
MakeEnumAccessorImpl(Member member, int) -> decltype(ns3::MakeEnumAccessor<E>(member))
{
    return ns3::MakeEnumAccessor<E>(member);
}

/// ns-3 <= 3.40 (untyped EnumValue): the enum type is deduced from the member.
template <typename E, typename Member>
Ptr<const AttributeAccessor>
MakeEnumAccessorImpl(Member member, long)
{
    return ns3::MakeEnumAccessor(member);
}

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

/// Test durations of a TestCase type T (primary template: ns-3 <= 3.41 spelling).
template <typename T, bool = HasDurationEnum<T>::value>
struct TestDurations
{
    static constexpr auto QUICK = T::TestDuration::QUICK;                 ///< quick
    static constexpr auto EXTENSIVE = T::TestDuration::EXTENSIVE;         ///< extensive
    static constexpr auto TAKES_FOREVER = T::TestDuration::TAKES_FOREVER; ///< very long
};

/// Test durations of ns-3.42 and later.
template <typename T>
struct TestDurations<T, true>
{
    static constexpr auto QUICK = T::Duration::QUICK;                 ///< quick
    static constexpr auto EXTENSIVE = T::Duration::EXTENSIVE;         ///< extensive
    static constexpr auto TAKES_FOREVER = T::Duration::TAKES_FOREVER; ///< very long
};

} // namespace packmime_compat

/**
 * @brief The type of a callback parameter of routing protocol P's RouteInput (header type H):
 * `const Cb&` on ns-3 >= 3.40, `Cb` before.
 */
template <typename P, typename H, typename Cb>
using PackMimeRouteInputArg =
    std::conditional_t<packmime_compat::RouteInputTakesReferences<P, H>::value, const Cb&, Cb>;

/**
 * @brief MakeEnumAccessor for an enum-typed member, on every ns-3 release.
 * @tparam E the enum type of the attribute
 * @param member pointer to the data member (or setter)
 * @return the accessor
 */
template <typename E, typename Member>
Ptr<const AttributeAccessor>
PackMimeMakeEnumAccessor(Member member)
{
    return packmime_compat::MakeEnumAccessorImpl<E>(member, 0);
}

} // namespace ns3

#endif /* PACKMIME_COMPAT_H */
