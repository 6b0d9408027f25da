/* Creating the container's namespaces, joining given ones, and entering a running container's. */
#ifndef SHIM_NAMESPACES_H
#define SHIM_NAMESPACES_H

#include <sys/types.h>

#include "spec.h"

/* Forks into the namespaces the spec creates (those without a path); returns like fork(2). A pid
 * namespace given by path is joined first (setns on pid only moves the children). With
 * cgroup_fd >= 0 the child starts in that cgroup v2 directory (clone3, CLONE_INTO_CGROUP);
 * *into_cgroup says whether that happened (older kernels fall back to a plain clone). */
pid_t ns_clone(const struct spec *spec, int cgroup_fd, int *into_cgroup);

/* In the child: joins the namespaces the spec names by path (network, ipc…), except pid, which
 * ns_clone joined before the fork. */
int ns_join_paths(const struct spec *spec);

/* Joins every namespace of a running process that differs from ours; pid only applies to children. */
int ns_enter_process(pid_t pid);

#endif
