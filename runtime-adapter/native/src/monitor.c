#include "monitor.h"

#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroups.h"
#include "error.h"
#include "logs.h"
#include "state.h"
#include "terminal.h"

/* How long output is still drained after the process exited (a grandchild may hold the pipe). */
#define DRAIN_MS 500

static int read_into_log(struct log_file *log, int stream, int fd) {
  char buf[65536];
  ssize_t r = read(fd, buf, sizeof buf);
  if (r > 0) {
    log_feed(log, stream, buf, (size_t)r);
    return 1;
  }
  if (r < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
  log_flush(log, stream);
  return 0;
}

static void record_exit(struct monitor *m, int status) {
  char when[64], body[512];
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  format_time(&ts, when, sizeof when);
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  int signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  long long oom_after = cgroups_oom_kills(m->spec);
  int oom = m->oom_before >= 0 && oom_after > m->oom_before;
  snprintf(body, sizeof body, "{\"exitCode\":%d,\"signal\":%d,\"oomKilled\":%s,\"finishedAt\":\"%s\"}\n", code,
           signal, oom ? "true" : "false", when);
  /* Not fsynced: a down stops many containers at once, and two fsyncs each made every stop wait
   * for journal commits. A host crash loses what the crash ends anyway; the runtime then reports
   * the exit as lost (255), as it does for a shim that died. */
  if (state_write_volatile(m->state_dir, "exit.json", body) < 0) {
    char line[1200];
    shim_error_line(line, sizeof line);
    fprintf(stderr, "jcompose-shim: recording the exit: %s\n", line);
  }
}

/* Reaps every child; returns 1 once the container's process is among them. */
static int reap(struct monitor *m, int *status) {
  int st, done = 0;
  pid_t p;
  while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
    if (p == m->pid) {
      *status = st;
      done = 1;
    }
  }
  return done;
}

int monitor_run(struct monitor *m) {
  struct log_file log;
  if (log_open(&log, m->state_dir, m->spec->log_max_size, m->spec->log_max_files) < 0) return -1;
  int sfd = signalfd(-1, &m->signals, SFD_CLOEXEC);
  if (sfd < 0) return shim_fail(errno, "creating a signalfd");
  /* 3 and 4: an interactive terminal's relay, the caller's side and the container's master. */
  struct pollfd fds[5] = {{sfd, POLLIN, 0},
                          {m->out, POLLIN, 0},
                          {m->err, POLLIN, 0},
                          {m->relay_outer, POLLIN, 0},
                          {m->relay_master, POLLIN, 0}};
  int status = 0, exited = 0;
  struct timespec deadline = {0, 0};
  for (;;) {
    int open_streams = (fds[1].fd >= 0) + (fds[2].fd >= 0) + (fds[4].fd >= 0);
    if (exited && open_streams == 0) break;
    int timeout = -1;
    if (exited) {
      struct timespec now;
      clock_gettime(CLOCK_MONOTONIC, &now);
      long left = (deadline.tv_sec - now.tv_sec) * 1000 + (deadline.tv_nsec - now.tv_nsec) / 1000000;
      if (left <= 0) break;
      timeout = (int)left;
    }
    if (poll(fds, 5, timeout) < 0) {
      if (errno == EINTR) continue;
      return shim_fail(errno, "waiting for the container");
    }
    for (int i = 1; i <= 2; i++) {
      if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
        if (!read_into_log(&log, i - 1, fds[i].fd)) {
          close(fds[i].fd);
          fds[i].fd = -1;
        }
      }
    }
    if (fds[3].fd >= 0 && (fds[3].revents & (POLLIN | POLLHUP | POLLERR)) &&
        !terminal_pump(fds[3].fd, m->relay_master)) {
      fds[3].fd = -1; /* the caller closed its side: the container keeps its own */
    }
    if (fds[4].fd >= 0 && (fds[4].revents & (POLLIN | POLLHUP | POLLERR)) &&
        !terminal_pump(fds[4].fd, m->relay_outer)) {
      fds[4].fd = -1;
    }
    if (fds[0].revents & POLLIN) {
      struct signalfd_siginfo si;
      if (read(sfd, &si, sizeof si) != sizeof si) continue;
      if (si.ssi_signo == SIGWINCH && m->relay_outer >= 0) {
        /* The caller resized its terminal: resizing the container's signals its foreground. */
        terminal_copy_size(m->relay_outer, m->relay_master);
      } else if (si.ssi_signo != SIGCHLD) {
        kill(m->pid, (int)si.ssi_signo);
      } else if (!exited && reap(m, &status)) {
        exited = 1;
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        deadline.tv_nsec += DRAIN_MS * 1000000L;
        deadline.tv_sec += deadline.tv_nsec / 1000000000L;
        deadline.tv_nsec %= 1000000000L;
      } else {
        int ignored;
        reap(m, &ignored);
      }
    }
  }
  for (int i = 1; i <= 2; i++) log_flush(&log, i - 1);
  record_exit(m, status);
  return 0;
}
