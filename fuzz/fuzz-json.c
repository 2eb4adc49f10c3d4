/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the JSON reader of packmime-sweep and packmime-plot (summary.json files). An
 * accepted document has leaves with paths, numbers that are finite, strings that are
 * NUL-terminated, and every path is found again by pm_json_find.
 */
#include "fuzz-util.h"
#include "pm-json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    pm_json_doc doc = {0};
    pm_error err;
    if (pm_json_parse((const char*)data, size, "fuzz.json", &doc, &err) != PM_OK)
    {
        /* A failed parse owns nothing and says where. */
        if (doc.fields || doc.count || strncmp(err.message, "fuzz.json", 9) != 0)
        {
            abort();
        }
        return 0;
    }
    for (size_t i = 0; i < doc.count; i++)
    {
        const pm_json_field* f = &doc.fields[i];
        if (!f->path || (f->kind == PM_JSON_NUMBER && !isfinite(f->number)) ||
            ((f->kind == PM_JSON_STRING) != (f->text != NULL)) || !pm_json_find(&doc, f->path))
        {
            abort();
        }
        if (f->text)
        {
            (void)strlen(f->text);
        }
    }
    pm_json_free(&doc);
    return 0;
}
