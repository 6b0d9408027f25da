/* `jcompose-shim exec`: run a command inside a running container. */
#ifndef SHIM_EXEC_H
#define SHIM_EXEC_H

struct exec_options {
  const char *state_dir;
  char **env;         /* extra KEY=value entries, NULL-terminated */
  const char *user;   /* or NULL for the container's */
  const char *cwd;    /* or NULL for the container's */
  double timeout;     /* seconds; 0 for none */
  int tty;            /* give the command a terminal of the container's devpts, relayed to stdio */
  char **argv;
};

/* Exits with the command's code: 128+signal when killed, 124 on timeout, 125 when the shim could
 * not enter the container, 126/127 when the command cannot be executed / is not found. */
int cmd_exec(const struct exec_options *opts);

#endif
