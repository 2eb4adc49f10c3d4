/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Compiled with test/no-gsl first on the include path, whose GSL headers are #errors: the
 * build fails if the module header (every public header) reaches GSL or the C core, which
 * users of the ns-3 classes should not need.
 */
#include "ns3/packmime-module.h"
