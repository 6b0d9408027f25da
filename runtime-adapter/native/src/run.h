/* `jcompose-shim run`: start a container and stay as its monitor. */
#ifndef SHIM_RUN_H
#define SHIM_RUN_H

/* Prints "pid=N shim=M" on success (after any "warning: …" lines on stderr) and exits 0; prints
 * one error line on stderr and exits 1 when the container could not be started. */
int cmd_run(const char *bundle, const char *state_dir);

#endif
