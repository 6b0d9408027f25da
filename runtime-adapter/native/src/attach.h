/* Standard streams the caller of `run` hands to the container's process (interactive run). */
#ifndef SHIM_ATTACH_H
#define SHIM_ATTACH_H

#include "container.h"

struct attached_stdio {
  const char *in, *out, *err; /* files to open as fd 0, 1 and 2 (pipes under /proc/PID/fd) */
  const char *tty;            /* or a terminal's slave side for all three */
};

/* Filled from `run --stdin P --stdout P --stderr P` or `run --tty P`. */
extern struct attached_stdio attached_stdio;

/* Takes one `run` option naming a stream (--stdin, --stdout, --stderr, --tty); -1 for others. */
int attached_stdio_option(const char *name, const char *value);

/* Whether the caller gave the streams; the container's output then bypasses the log. */
int attached_stdio_given(void);

/* Opens the given streams into io; *out_r and *err_r are -1 (the caller holds the other ends). */
int attached_stdio_open(struct container_stdio *io, int *out_r, int *err_r);

#endif
