/* Pseudo terminals taken from the container's own devpts instance (as runc does), so the process
 * sees a /dev/pts/N that exists in its mount namespace, and the relay between such a terminal and
 * a terminal the caller holds (interactive run, exec -t). */
#ifndef SHIM_TERMINAL_H
#define SHIM_TERMINAL_H

#include <termios.h>

/* Opens a new terminal pair from the devpts instance of ptmx (a path to its ptmx node). */
int terminal_open(const char *ptmx, int *master, int *slave);

/* Makes slave the controlling terminal of the calling session leader and its stdin/out/err. */
int terminal_become_stdio(int slave);

/* Sends fd over a unix socket as one message "T" (SCM_RIGHTS). */
int terminal_send(int sock, int fd);

/* Gives to the window size of from (when from is a terminal of some size). */
void terminal_copy_size(int from, int to);

/* Puts a terminal in raw mode (the inner terminal does the line discipline); saved may be NULL. */
void terminal_make_raw(int fd, struct termios *saved);

/* Copies what one side of a relay has to the other; 0 once the source has ended (EOF, EIO). */
int terminal_pump(int from, int to);

#endif
