/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "packmime-flow-record.h"

namespace ns3
{

Time
PackMimeFlowRecord::GetFct() const
{
    return completed ? end - start : Time(0);
}

} // namespace ns3
