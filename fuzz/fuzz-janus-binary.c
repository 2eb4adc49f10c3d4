/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the Janus binary trace reader (PREFIX.index + PREFIX.data). Input layout: a
 * 2-byte little-endian length L, then L bytes of .index, then the .data bytes. Every matrix
 * of an accepted trace is read (pm_tm_validate) and looked up by time.
 */
#include "fuzz-util.h"
#include "pm-tm.h"

#include <stdio.h>
#include <stdlib.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
    {
        return 0;
    }
    size_t index_len = (size_t)data[0] | (size_t)data[1] << 8;
    if (index_len > size - 2)
    {
        index_len = size - 2;
    }
    if (!fuzz_write("t.index", data + 2, index_len) ||
        !fuzz_write("t.data", data + 2 + index_len, size - 2 - index_len))
    {
        abort();
    }
    char prefix[128];
    snprintf(prefix, sizeof(prefix), "%s/t", fuzz_dir());
    pm_error err;
    pm_tm* tm = pm_tm_open_binary(prefix, &err);
    if (tm && pm_tm_validate(tm, &err) == PM_OK)
    {
        size_t epochs = pm_tm_epochs(tm);
        for (size_t e = 0; e < epochs; e++)
        {
            if (pm_tm_find(tm, pm_tm_time(tm, e)) != (long)e)
            {
                abort(); /* keys are sorted and distinct */
            }
        }
    }
    pm_tm_free(tm);
    return 0;
}
