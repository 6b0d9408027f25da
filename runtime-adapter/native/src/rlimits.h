/* Resource limits (ulimits), clamped to what the host allows. */
#ifndef SHIM_RLIMITS_H
#define SHIM_RLIMITS_H

#include "spec.h"

/* Called with one line per clamped limit. */
typedef void (*warn_fn)(const char *line);

/* Sets every rlimit; one above the host's hard limit is lowered to it and reported through warn. */
int rlimits_apply(const struct spec *spec, warn_fn warn);

#endif
