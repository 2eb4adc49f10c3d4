/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Traffic-matrix traces in the Janus format (janus-trace-format.md): a sequence of dense
 * N x N float32 matrices keyed by a signed 64-bit time, in binary form (PREFIX.index +
 * PREFIX.data, little-endian) or text form (DIR/key.tsv + one DIR/0NNN.tsv per matrix,
 * off-diagonal values in row-major order). Only the index is held in memory; matrices are
 * read on demand, so a trace may be larger than RAM.
 */
#ifndef PM_TM_H
#define PM_TM_H

#include "pm-error.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

    /** An open trace; create with pm_tm_open*. */
    typedef struct pm_tm pm_tm;

    /* Open PREFIX.index + PREFIX.data; the index is validated (sizes, bounds, one N). */
    pm_tm* pm_tm_open_binary(const char* prefix, pm_error* err);

    /* Open a text trace directory (key.tsv and the files whose names start with '0'). */
    pm_tm* pm_tm_open_text(const char* dir, pm_error* err);

    /* Open a directory holding key.tsv as text, anything else as a binary prefix. */
    pm_tm* pm_tm_open(const char* prefix_or_dir, pm_error* err);

    /* Release a trace (accepts NULL). */
    void pm_tm_free(pm_tm* tm);

    /* Number of ToRs N. */
    size_t pm_tm_n(const pm_tm* tm);

    /* Number of matrices (epochs). */
    size_t pm_tm_epochs(const pm_tm* tm);

    /* Time key of epoch e (epochs are sorted by time key). */
    int64_t pm_tm_time(const pm_tm* tm, size_t e);

    /* Epoch with the largest time key <= t, or -1 if t is before the first. */
    long pm_tm_find(const pm_tm* tm, int64_t t);

    /* Read epoch e into m[N*N] (row = source, diagonal 0); rejects NaN, infinite, negative. */
    int pm_tm_read(pm_tm* tm, size_t e, float* m, pm_error* err);

    /* Read every matrix once (one buffer): PM_OK when all are valid, else the first error;
     * run it before a simulation so that a bad value late in the trace cannot stop it. */
    int pm_tm_validate(pm_tm* tm, pm_error* err);

#ifdef __cplusplus
}
#endif

#endif /* PM_TM_H */
