/* `jcompose-shim spawner`: a long-lived process that forks `run` monitors on request, so the
 * caller (the JVM) pays one process spawn in total instead of one per container start. */
#ifndef SHIM_SPAWNER_H
#define SHIM_SPAWNER_H

/* Listens on a unix socket at path (mode 0600, only our own uid may connect) and prints "ready"
 * on stdout. Each connection carries one request: NUL-terminated `run` arguments
 * ("run", "--bundle", DIR, "--state", DIR, ...), then the client shuts down its sending side.
 * A forked monitor handles it exactly like `jcompose-shim run` and answers on the connection
 * with "A" (accepted), then the monitor's report lines ("W text", then "P pid=N shim=M" or
 * "E text"). The monitors
 * are not tied to the spawner: they run in their own sessions and outlive it. Exits (removing
 * the socket, and its directory when empty) when stdin reaches end of file, i.e. when the process
 * that started it is gone. argv is rewritten in each monitor so ps shows it as one. */
int cmd_spawner(const char *path, int argc, char **argv);

#endif
