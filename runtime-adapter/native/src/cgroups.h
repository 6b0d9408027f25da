/* The shim's part of cgroups: the Java side creates them and sets limits; the shim puts processes in. */
#ifndef SHIM_CGROUPS_H
#define SHIM_CGROUPS_H

#include <sys/types.h>

#include "spec.h"

/* Opens the directory of the spec's cgroup v2 cgroup (for clone3's CLONE_INTO_CGROUP); -1 when the
 * spec lists none, -2 with shim_last_error on failure. */
int cgroups_open_unified(const struct spec *spec);

/* Moves the calling single-threaded process into every cgroup the spec lists (skipping the v2 one
 * when skip_unified, because clone3 already put it there). On v1 it writes "0" to the hierarchy's
 * tasks file: moving only the caller's thread lets the kernel skip the global threadgroup lock,
 * whose write side waits for an RCU grace period (~10 ms here) on every cgroup.procs write. */
int cgroups_join_self(const struct spec *spec, int skip_unified);

/* The kernel's OOM-kill count for the container's memory cgroup, or -1 when unknown. */
long long cgroups_oom_kills(const struct spec *spec);

#endif
