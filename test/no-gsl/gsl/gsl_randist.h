// A stand-in that fails the build: packmime-module.h must not reach GSL
// (test/packmime-module-header-check.cc).
#error \
    "packmime-module.h includes <gsl/gsl_randist.h>: a public header includes a core or bridge header"
