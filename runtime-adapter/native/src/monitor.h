/* The shim after the container started: forwards signals, writes logs, reaps, records the exit. */
#ifndef SHIM_MONITOR_H
#define SHIM_MONITOR_H

#include <signal.h>
#include <sys/types.h>

#include "spec.h"

struct monitor {
  const struct spec *spec;
  const char *state_dir;
  pid_t pid;            /* the container's first process, as the host sees it */
  int out, err;         /* read ends of its stdout and stderr (err -1 with a terminal) */
  int relay_outer;      /* interactive terminal: the caller's side, or -1 */
  int relay_master;     /* and the container's terminal master it is relayed to */
  long long oom_before; /* OOM kills of its cgroup before it started */
  sigset_t signals;     /* blocked signals read through a signalfd */
};

/* Runs until the container's process has exited and its output is drained; writes state/exit.json. */
int monitor_run(struct monitor *m);

#endif
