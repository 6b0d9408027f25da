/* `jcompose-shim run`: start a container and stay as its monitor. */
#ifndef SHIM_RUN_H
#define SHIM_RUN_H

/* Prints "pid=N shim=M" on success (after any "warning: …" lines on stderr) and exits 0; prints
 * one error line on stderr and exits 1 when the container could not be started. */
int cmd_run(const char *bundle, const char *state_dir);

/* Reads `run` options from argv[first..]: --bundle, --state and the attached stdio ones; -1 when
 * one is unknown or bundle or state is missing. */
int run_parse_args(int argc, char **argv, int first, const char **bundle, const char **state);

/* The monitor's part of a start, in an already forked process: loads the bundle, detaches,
 * starts the container and reports on rep ("W text", then "P pid=N shim=M" or "E text"), then
 * monitors it. Never returns. */
void run_detached(const char *bundle, const char *state_dir, int rep) __attribute__((noreturn));

#endif
