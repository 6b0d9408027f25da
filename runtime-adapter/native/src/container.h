/* The container's first process: from fresh namespaces to exec of the user's command. */
#ifndef SHIM_CONTAINER_H
#define SHIM_CONTAINER_H

#include "spec.h"

/* Stdio the monitor prepared for the container. */
struct container_stdio {
  int in, out, err;  /* -1 with a terminal: the child opens one in the container's devpts */
  int tty;           /* whether the process gets a terminal (handed to the monitor as "T") */
  int outer;         /* the caller's terminal the monitor relays to (its size is copied), or -1 */
};

/* Runs in the cloned child. Moves itself into its cgroups first (the v2 one already holds it when
 * in_cgroup), sets everything up in the documented order and execs. Reports warnings and a failure
 * over sync; never returns. */
void container_main(const struct spec *spec, int sync, const struct container_stdio *io, int in_cgroup);

/* Sends one message over the sync socket: 'W' warning or 'E' error, then text. */
void sync_send(int sync, char kind, const char *text);

/* Looks argv[0] up in the PATH of env and execs it; returns only on failure (shim_last_error set). */
int exec_in_path(char **argv, char **env);

/* Applies the user (resolved in the current root), capabilities and no_new_privs of spec;
 * user_override replaces the spec's user when not NULL. Adds HOME to *env when missing. */
int apply_identity(const struct spec *spec, const char *user_override, char ***env);

#endif
