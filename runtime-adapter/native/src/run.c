#include "run.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach.h"
#include "cgroups.h"
#include "container.h"
#include "error.h"
#include "monitor.h"
#include "namespaces.h"
#include "state.h"
#include "terminal.h"
#include "trace.h"

/* Writes one line to the waiting caller: the relay's pipe or a spawner client's socket. */
static void report(int fd, const char *fmt, const char *text) {
  char line[1400];
  int n = snprintf(line, sizeof line, fmt, text);
  size_t len = (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1);
  /* MSG_NOSIGNAL: a caller that went away must not kill the monitor with SIGPIPE. */
  if (send(fd, line, len, MSG_NOSIGNAL) < 0 && errno == ENOTSOCK && write(fd, line, len) < 0) {
    /* The caller went away; the container still runs and its state says so. */
  }
}

static void report_error(int fd) {
  char line[1200];
  shim_error_line(line, sizeof line);
  report(fd, "E %s\n", line);
}

/* The foreground process: relays the monitor's report and exits with success or failure. */
static int relay(int fd) {
  FILE *in = fdopen(fd, "r");
  char line[1400] = "";
  int ok = 0, said = 0;
  while (in != NULL && fgets(line, sizeof line, in) != NULL) {
    if (line[0] == 'W') fprintf(stderr, "warning: %s", line + 2);
    if (line[0] == 'E') {
      fprintf(stderr, "%s", line + 2);
      said = 1;
    }
    if (line[0] == 'P') {
      fputs(line + 2, stdout);
      ok = 1;
    }
  }
  if (!ok && !said) fprintf(stderr, "the shim's monitor ended without a report\n");
  return ok ? 0 : 1;
}

static int open_stdio(const struct spec *spec, const char *state_dir, struct container_stdio *io, int *out_r,
                      int *err_r) {
  if (attached_stdio_given()) return attached_stdio_open(io, out_r, err_r);
  io->outer = -1;
  if (spec->terminal) {
    /* With a terminal, as with docker's tty: true, all three streams are the terminal; the child
     * opens it in the container's devpts and hands the master over for the log. */
    io->in = io->out = io->err = -1;
    io->tty = 1;
    *out_r = *err_r = -1;
    return 0;
  }
  io->in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (io->in < 0) return shim_fail(errno, "opening /dev/null");
  int o[2], e[2];
  SHIM_CHECK(pipe2(o, O_CLOEXEC), "creating the stdout pipe");
  SHIM_CHECK(pipe2(e, O_CLOEXEC), "creating the stderr pipe");
  io->out = o[1];
  io->err = e[1];
  io->tty = 0;
  *out_r = o[0];
  *err_r = e[0];
  (void)state_dir;
  return 0;
}

/* Reads the child's messages until it execs (EOF) or fails ('E'); *tty gets the master of its
 * terminal ('T', the descriptor passed along). */
static int await_exec(int sync, int rep, int *tty) {
  char msg[1200];
  for (;;) {
    union {
      char buf[CMSG_SPACE(sizeof(int))];
      struct cmsghdr align;
    } control;
    struct iovec iov = {msg, sizeof msg - 1};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                        .msg_controllen = sizeof control.buf};
    ssize_t r = recvmsg(sync, &mh, MSG_CMSG_CLOEXEC);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return 0;
    struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
    if (c != NULL && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
      int fd;
      memcpy(&fd, CMSG_DATA(c), sizeof fd);
      if (msg[0] == 'T' && *tty < 0) *tty = fd;
      else close(fd);
    }
    msg[r] = '\0';
    char *text = strchr(msg, ' ');
    text = text ? text + 1 : msg;
    if (msg[0] == 'W') report(rep, "W %s\n", text);
    if (msg[0] == 'E') {
      shim_fail(0, "%s", text);
      return -1;
    }
  }
}

/* The detached monitor: starts the container, reports, then monitors it. */
static int start_and_monitor(const struct spec *spec, const char *state_dir, int rep) {
  struct container_stdio io;
  int out_r = -1, err_r = -1, sync[2];
  struct monitor m = {.spec = spec, .state_dir = state_dir};
  if (open_stdio(spec, state_dir, &io, &out_r, &err_r) < 0) return -1;
  SHIM_CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync), "creating the sync socket");
  sigemptyset(&m.signals);
  int forwarded[] = {SIGCHLD, SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGWINCH, SIGCONT};
  for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaddset(&m.signals, forwarded[i]);
  SHIM_CHECK(sigprocmask(SIG_BLOCK, &m.signals, NULL), "blocking signals");
  m.oom_before = cgroups_oom_kills(spec);
  int cgroup_fd = cgroups_open_unified(spec), in_cgroup = 0;
  if (cgroup_fd == -2) return -1;
  trace_mark("clone");
  pid_t pid = ns_clone(spec, cgroup_fd, &in_cgroup);
  if (pid < 0) return -1;
  if (pid == 0) {
    close(sync[0]);
    close(out_r);
    if (err_r >= 0) close(err_r);
    container_main(spec, sync[1], &io, in_cgroup);
  }
  if (cgroup_fd >= 0) close(cgroup_fd);
  close(sync[1]);
  if (io.in != io.out) close(io.in);
  close(io.out);
  if (io.err != io.out) close(io.err);
  /* The state files exec needs are written while the child sets the container up (the other core
   * may run it meanwhile); nobody reads them before the report says the container runs. */
  char buf[64];
  snprintf(buf, sizeof buf, "%d\n", (int)pid);
  int failed = state_write_volatile(state_dir, "pid", buf) < 0 ||
               state_write_volatile_if_changed(state_dir, "bundle", spec->bundle) < 0;
  int tty = -1;
  if (!failed) failed = await_exec(sync[0], rep, &tty) < 0;
  if (!failed && io.tty && tty < 0)
    failed = shim_fail(0, "the container's terminal was not handed to the monitor") < 0;
  if (failed) {
    struct shim_error error = shim_last_error;
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    char pid_file[PATH_MAX + 8];
    snprintf(pid_file, sizeof pid_file, "%s/pid", state_dir);
    unlink(pid_file);
    shim_last_error = error;
    return -1;
  }
  trace_mark("exec seen");
  close(sync[0]);
  snprintf(buf, sizeof buf, "P pid=%d shim=%d\n", (int)pid, (int)getpid());
  report(rep, "%s", buf);
  close(rep);
  trace_mark("reported");
  m.pid = pid;
  m.out = out_r;
  m.err = err_r;
  m.relay_outer = m.relay_master = -1;
  if (io.tty && io.outer >= 0) {
    /* Interactive: the caller's terminal is raw (the container's does the line discipline) and the
     * monitor's controlling one, so a resize reaches the monitor as SIGWINCH to pass on. */
    terminal_make_raw(io.outer, NULL);
    ioctl(io.outer, TIOCSCTTY, 0);
    m.relay_outer = io.outer;
    m.relay_master = tty;
  } else if (io.tty) {
    m.out = tty;
  }
  return monitor_run(&m);
}

int run_parse_args(int argc, char **argv, int first, const char **bundle, const char **state) {
  *bundle = *state = NULL;
  for (int i = first; i < argc; i += 2) {
    if (i + 1 >= argc) return -1;
    if (strcmp(argv[i], "--bundle") == 0) *bundle = argv[i + 1];
    else if (strcmp(argv[i], "--state") == 0) *state = argv[i + 1];
    else if (attached_stdio_option(argv[i], argv[i + 1]) < 0) return -1;
  }
  return *bundle == NULL || *state == NULL ? -1 : 0;
}

void run_detached(const char *bundle, const char *state_dir, int rep) {
  struct spec spec;
  char state[PATH_MAX];
  trace_mark("monitor");
  if (realpath(state_dir, state) == NULL) {
    shim_fail(errno, "state directory %s", state_dir);
    report_error(rep);
    _exit(1);
  }
  if (spec_load(bundle, &spec) < 0) {
    report_error(rep);
    _exit(1);
  }
  trace_mark("spec loaded");
  /* Detach: own session, no terminal, stdio away from the caller, so containers outlive it. */
  char path[PATH_MAX + 32];
  int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
  snprintf(path, sizeof path, "%s/shim.log", state);
  int log_fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (setsid() < 0 || prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) < 0 || null_fd < 0 || log_fd < 0 ||
      dup2(null_fd, 0) < 0 || dup2(null_fd, 1) < 0 || dup2(log_fd, 2) < 0) {
    shim_fail(errno, "detaching the monitor");
    report_error(rep);
    _exit(1);
  }
  close(null_fd);
  close(log_fd);
  if (start_and_monitor(&spec, state, rep) < 0) {
    report_error(rep);
    char line[1200];
    shim_error_line(line, sizeof line);
    fprintf(stderr, "jcompose-shim: %s\n", line);
    _exit(1);
  }
  _exit(0);
}

int cmd_run(const char *bundle, const char *state_dir) {
  int rep[2];
  trace_mark("run");
  if (pipe2(rep, O_CLOEXEC) < 0) {
    perror("creating the report pipe");
    return 1;
  }
  pid_t monitor = fork();
  if (monitor < 0) {
    perror("forking the monitor");
    return 1;
  }
  if (monitor > 0) {
    close(rep[1]);
    return relay(rep[0]);
  }
  close(rep[0]);
  run_detached(bundle, state_dir, rep[1]);
}
