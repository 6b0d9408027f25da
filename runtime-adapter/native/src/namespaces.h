/* Creating the container's namespaces, joining given ones, and entering a running container's. */
#ifndef SHIM_NAMESPACES_H
#define SHIM_NAMESPACES_H

#include <sys/types.h>

#include "spec.h"

/* Forks into the namespaces the spec creates (those without a path); returns like fork(2). */
pid_t ns_clone(const struct spec *spec);

/* In the child: joins the namespaces the spec names by path (a network namespace file…). */
int ns_join_paths(const struct spec *spec);

/* Joins every namespace of a running process that differs from ours; pid only applies to children. */
int ns_enter_process(pid_t pid);

#endif
