/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Internal: how the module reports a bad attribute or call.
 */
#ifndef PACKMIME_FATAL_H
#define PACKMIME_FATAL_H

#include "ns3/fatal-error.h"

/**
 * @ingroup packmime
 * NS_ABORT_MSG_IF with the message first: NS_FATAL_ERROR prints "msg=..." before the file and
 * line, where NS_ABORT_MSG_IF starts with the condition's source text. An attribute error is
 * read by the module's users, not by its developers.
 */
#define PACKMIME_FATAL_IF(cond, msg) \
    do                               \
    {                                \
        if (cond)                    \
        {                            \
            NS_FATAL_ERROR(msg);     \
        }                            \
    } while (false)

#endif /* PACKMIME_FATAL_H */
