/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the Janus text trace reader (DIR/key.tsv + DIR/0NNN.tsv). Input layout:
 * parts separated by the byte 0x1e; the first is key.tsv, the next ones (up to 8) are the
 * matrix files 0001.tsv, 0002.tsv, ...; a part starting with '!' is written under a name
 * that does not start with '0' (skipped by the reader, as by Janus).
 */
#include "fuzz-util.h"
#include "pm-tm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    fuzz_clear();
    size_t start = 0;
    int part = 0;
    for (size_t i = 0; i <= size && part < 9; i++)
    {
        if (i < size && data[i] != 0x1e)
        {
            continue;
        }
        char name[32];
        const uint8_t* p = data + start;
        size_t len = i - start;
        if (part == 0)
        {
            snprintf(name, sizeof(name), "key.tsv");
        }
        else if (len > 0 && p[0] == '!')
        {
            snprintf(name, sizeof(name), "%d.tsv", 1000 + part);
        }
        else
        {
            snprintf(name, sizeof(name), "%04d.tsv", part);
        }
        if (!fuzz_write(name, p, len))
        {
            abort();
        }
        part++;
        start = i + 1;
    }
    pm_error err;
    pm_tm* tm = pm_tm_open_text(fuzz_dir(), &err);
    if (tm)
    {
        (void)pm_tm_validate(tm, &err);
    }
    pm_tm_free(tm);
    return 0;
}
