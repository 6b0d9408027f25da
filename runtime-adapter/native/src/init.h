/* A tini-like PID 1: runs the command as its child, reaps every zombie, forwards signals. */
#ifndef SHIM_INIT_H
#define SHIM_INIT_H

/* argv is the command; exits with the child's status (128+signal when killed). */
int cmd_init(char **argv);

#endif
