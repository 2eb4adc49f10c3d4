/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic-matrix trace writers: in the tools' and tests' library (libpackmime-tool-core),
 * not in the ns-3 module, which only reads traces.
 */
#ifndef PM_TM_WRITE_H
#define PM_TM_WRITE_H

#include "pm-tm.h"

#ifdef __cplusplus
extern "C"
{
#endif

    /* Write the trace in canonical binary form (index sorted by time, data in time order,
     * header bytes 4..15 zero, little-endian) to PREFIX.index and PREFIX.data. */
    int pm_tm_write_binary(pm_tm* tm, const char* prefix, pm_error* err);

    /* Write the trace in text form to DIR (created if missing; it must not hold matrix files
     * already): key.tsv naming ToRs t1..tN in one pod p1, and one file per matrix named by its
     * time key (0001.tsv for key 1). */
    int pm_tm_write_text(pm_tm* tm, const char* dir, pm_error* err);

#ifdef __cplusplus
}
#endif

#endif /* PM_TM_WRITE_H */
