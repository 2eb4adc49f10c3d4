/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Fuzz target: the numeric-option parser every program uses (pm_text_parse_number) and the
 * field parser of the file formats (pm_text_parse_double): an accepted value must be finite,
 * inside the range and whole when asked to be.
 */
#include "fuzz-util.h"
#include "pm-text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    char* text = fuzz_text(data, size);
    if (!text)
    {
        return 0;
    }
    static const pm_number_range ranges[] = {{0, PM_NUMBER_MAX_INTEGER, PM_NUMBER_INTEGER},
                                             {2, 2048, PM_NUMBER_INTEGER},
                                             {0, 1e9, 0},
                                             {0, 100, PM_NUMBER_ABOVE_MIN},
                                             {-1e300, 1e300, 0}};
    for (size_t k = 0; k < sizeof(ranges) / sizeof(ranges[0]); k++)
    {
        double v = NAN;
        pm_error err;
        if (pm_text_parse_number(text, ranges[k], &v, &err) == PM_OK)
        {
            int integer = (ranges[k].flags & PM_NUMBER_INTEGER) != 0;
            int above = (ranges[k].flags & PM_NUMBER_ABOVE_MIN) != 0;
            if (!isfinite(v) || v > ranges[k].max ||
                (above ? v <= ranges[k].min : v < ranges[k].min) || (integer && v != floor(v)))
            {
                abort();
            }
        }
        else if (strlen(err.message) == 0)
        {
            abort(); /* every refusal says what was expected */
        }
    }
    pm_text_field f = {text, size};
    double v = 0;
    if (memchr(data, 0, size) == NULL && pm_text_parse_double(f, &v) == 0 && !isfinite(v))
    {
        abort();
    }
    free(text);
    return 0;
}
