#include "spawner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "error.h"
#include "run.h"
#include "trace.h"

#define REQUEST_MAX 65536
#define ARGS_MAX 64

static void answer(int conn, const char *line) {
  if (send(conn, line, strlen(line), MSG_NOSIGNAL) < 0) {
    /* The client went away; nothing was started for it. */
  }
}

/* In the forked child: reads the request and becomes the container's monitor. */
static void serve(int conn) {
  static char buf[REQUEST_MAX];
  /* "A": the request reached a process of its own. A client that sees the connection end without
   * it knows nothing was started and may ask again. */
  answer(conn, "A\n");
  size_t used = 0;
  /* A client that never finishes its request must not keep this process forever. */
  struct timeval limit = {10, 0};
  setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  for (;;) {
    ssize_t r = recv(conn, buf + used, sizeof buf - 1 - used, 0);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      answer(conn, "E reading the spawn request failed\n");
      _exit(1);
    }
    if (r == 0) break;
    used += (size_t)r;
    if (used == sizeof buf - 1) {
      answer(conn, "E the spawn request is too long\n");
      _exit(1);
    }
  }
  trace_mark("request read");
  char *argv[ARGS_MAX + 1];
  int argc = 0;
  for (size_t i = 0; i < used && argc < ARGS_MAX; argc++) {
    argv[argc] = buf + i;
    i += strlen(buf + i) + 1;
  }
  argv[argc] = NULL;
  const char *bundle, *state;
  if (argc < 1 || strcmp(argv[0], "run") != 0 || (used > 0 && buf[used - 1] != '\0') ||
      run_parse_args(argc, argv, 1, &bundle, &state) < 0) {
    answer(conn, "E the spawn request is not a valid run command\n");
    _exit(1);
  }
  run_detached(bundle, state, conn);
}

static int listen_on(const char *path) {
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  if (strlen(path) >= sizeof addr.sun_path) return shim_fail(ENAMETOOLONG, "socket path %s", path);
  strcpy(addr.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return shim_fail(errno, "creating the spawner socket");
  unlink(path);
  /* Only our own user may ask for containers: the socket is created 0600. */
  mode_t old = umask(077);
  int rc = bind(fd, (struct sockaddr *)&addr, sizeof addr);
  umask(old);
  if (rc < 0 || listen(fd, 128) < 0) {
    int err = errno;
    close(fd);
    return shim_fail(err, "listening on %s", path);
  }
  return fd;
}

/* Whether the client runs as our own uid (the socket mode already says so; this survives a chmod). */
static int same_user(int conn) {
  struct ucred cred;
  socklen_t len = sizeof cred;
  return getsockopt(conn, SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 && cred.uid == getuid();
}

/* Makes a forked monitor show as "jcompose-shim monitor" in ps rather than as the spawner: the
 * argument strings are rewritten in place (argv[1] "spawner" has the length of "monitor"). */
static void show_as_monitor(int argc, char **argv) {
  if (argc < 2 || strlen(argv[1]) != strlen("monitor")) return;
  memcpy(argv[1], "monitor", strlen("monitor"));
  for (int i = 2; i < argc; i++) memset(argv[i], 0, strlen(argv[i]));
}

/* Removes the socket and its directory (made for it alone by the caller) once empty. */
static void remove_socket(const char *path) {
  unlink(path);
  char dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash != NULL && slash != dir) {
    *slash = '\0';
    rmdir(dir);
  }
}

int cmd_spawner(const char *path, int argc, char **argv) {
  int lfd = listen_on(path);
  if (lfd < 0) {
    char line[1200];
    shim_error_line(line, sizeof line);
    fprintf(stderr, "jcompose-shim spawner: %s\n", line);
    return 1;
  }
  /* Its own session: a terminal's ^C to the caller's process group must not end it. Monitors are
   * reaped by the kernel while they are our children (they detach into their own sessions). */
  setsid();
  signal(SIGCHLD, SIG_IGN);
  fputs("ready\n", stdout);
  fflush(stdout);
  struct pollfd fds[2] = {{lfd, POLLIN, 0}, {0, POLLIN, 0}};
  for (;;) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (fds[1].revents) {
      char drain[256];
      ssize_t r = read(0, drain, sizeof drain);
      if (r == 0 || (r < 0 && errno != EINTR && errno != EAGAIN)) break;
    }
    if (!(fds[0].revents & POLLIN)) continue;
    int conn = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
    if (conn < 0) continue;
    if (!same_user(conn)) {
      close(conn);
      continue;
    }
    trace_mark("accepted");
    pid_t pid = fork();
    if (pid == 0) {
      close(lfd);
      show_as_monitor(argc, argv);
      /* The monitor waits for its container with SIGCHLD: the kernel must not reap for it. */
      signal(SIGCHLD, SIG_DFL);
      serve(conn);
    }
    if (pid < 0) {
      char line[200];
      snprintf(line, sizeof line, "E forking the monitor: %s\n", strerror(errno));
      answer(conn, line);
    }
    close(conn);
  }
  remove_socket(path);
  return 0;
}
