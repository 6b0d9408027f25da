#include "terminal.h"

#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "error.h"

#ifndef TIOCGPTPEER
#define TIOCGPTPEER _IO('T', 0x41)
#endif

int terminal_open(const char *ptmx, int *master, int *slave) {
  *master = open(ptmx, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (*master < 0) return shim_fail(errno, "opening %s for the container's terminal", ptmx);
  int unlock = 0;
  if (ioctl(*master, TIOCSPTLCK, &unlock) < 0) {
    int err = errno;
    close(*master);
    return shim_fail(err, "unlocking the container's terminal");
  }
  /* The slave through the master itself: no path lookup, which a hostile /dev could redirect. */
  *slave = ioctl(*master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (*slave < 0) {
    int err = errno;
    close(*master);
    return shim_fail(err, "opening the container's terminal");
  }
  return 0;
}

int terminal_become_stdio(int slave) {
  SHIM_CHECK(ioctl(slave, TIOCSCTTY, 0), "making the terminal the controlling one");
  for (int fd = 0; fd <= 2; fd++) SHIM_CHECK(dup2(slave, fd), "setting stdio to the terminal");
  if (slave > 2) close(slave);
  return 0;
}

int terminal_send(int sock, int fd) {
  char data = 'T';
  struct iovec iov = {&data, 1};
  union {
    char buf[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
  } control;
  memset(&control, 0, sizeof control);
  struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                       .msg_controllen = sizeof control.buf};
  struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN(sizeof(int));
  memcpy(CMSG_DATA(c), &fd, sizeof(int));
  SHIM_CHECK(sendmsg(sock, &msg, MSG_NOSIGNAL), "handing the container's terminal to the monitor");
  return 0;
}

void terminal_copy_size(int from, int to) {
  struct winsize ws;
  if (from >= 0 && ioctl(from, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) ioctl(to, TIOCSWINSZ, &ws);
}

void terminal_make_raw(int fd, struct termios *saved) {
  struct termios t;
  if (tcgetattr(fd, &t) < 0) return;
  if (saved != NULL) *saved = t;
  cfmakeraw(&t);
  tcsetattr(fd, TCSANOW, &t);
}

int terminal_pump(int from, int to) {
  char buf[16384];
  ssize_t r = read(from, buf, sizeof buf);
  if (r < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
  if (r <= 0) return 0;
  for (ssize_t done = 0; done < r;) {
    ssize_t w = write(to, buf + done, (size_t)(r - done));
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return 1; /* the other side is gone; keep draining this one */
    done += w;
  }
  return 1;
}
