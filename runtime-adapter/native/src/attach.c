#include "attach.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

struct attached_stdio attached_stdio;

int attached_stdio_option(const char *name, const char *value) {
  if (strcmp(name, "--stdin") == 0) attached_stdio.in = value;
  else if (strcmp(name, "--stdout") == 0) attached_stdio.out = value;
  else if (strcmp(name, "--stderr") == 0) attached_stdio.err = value;
  else if (strcmp(name, "--tty") == 0) attached_stdio.tty = value;
  else return -1;
  return 0;
}

int attached_stdio_given(void) {
  return attached_stdio.tty != NULL || attached_stdio.in != NULL || attached_stdio.out != NULL ||
         attached_stdio.err != NULL;
}

static int open_or_null(const char *path, int flags, const char *what) {
  int fd = open(path ? path : "/dev/null", flags | O_CLOEXEC);
  if (fd < 0) return shim_fail(errno, "opening the container's %s %s", what, path ? path : "/dev/null");
  return fd;
}

int attached_stdio_open(struct container_stdio *io, int *out_r, int *err_r) {
  *out_r = -1;
  *err_r = -1;
  if (attached_stdio.tty != NULL) {
    /* O_NOCTTY: the terminal becomes the container's controlling one, never the monitor's. */
    int fd = open(attached_stdio.tty, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return shim_fail(errno, "opening the container's terminal %s", attached_stdio.tty);
    /* The container gets a terminal of its own devpts; the monitor relays it to this one. */
    io->in = io->out = io->err = -1;
    io->outer = fd;
    io->tty = 1;
    return 0;
  }
  io->tty = 0;
  io->outer = -1;
  if ((io->in = open_or_null(attached_stdio.in, O_RDONLY, "stdin")) < 0) return -1;
  if ((io->out = open_or_null(attached_stdio.out, O_WRONLY, "stdout")) < 0) return -1;
  if ((io->err = open_or_null(attached_stdio.err, O_WRONLY, "stderr")) < 0) return -1;
  return 0;
}
