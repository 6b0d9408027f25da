/* Namespaced kernel parameters (sysctls) written under /proc/sys of the container. */
#ifndef SHIM_SYSCTL_H
#define SHIM_SYSCTL_H

#include "spec.h"

/* Writes each sysctl; call after pivot_root, before /proc/sys is made read-only. */
int sysctl_apply(const struct spec *spec);

#endif
