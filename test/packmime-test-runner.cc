/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The packmime test runner: ns-3's TestRunner with the packmime suites linked in, so it
 * takes ns-3's flags (--test-name, --list, --fullness, --verbose, ...).
 */
#include "ns3/test.h"

int
main(int argc, char** argv)
{
    return ns3::TestRunner::Run(argc, argv);
}
