/* The shim's part of cgroups: the Java side creates them and sets limits; the shim puts processes in. */
#ifndef SHIM_CGROUPS_H
#define SHIM_CGROUPS_H

#include <sys/types.h>

#include "spec.h"

/* Writes pid into every cgroup.procs file the spec lists. */
int cgroups_enter(const struct spec *spec, pid_t pid);

/* The kernel's OOM-kill count for the container's memory cgroup, or -1 when unknown. */
long long cgroups_oom_kills(const struct spec *spec);

#endif
