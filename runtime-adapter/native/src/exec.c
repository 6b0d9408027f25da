#include "exec.h"

#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroups.h"
#include "container.h"
#include "error.h"
#include "namespaces.h"
#include "rlimits.h"
#include "spec.h"
#include "state.h"
#include "terminal.h"

static volatile pid_t exec_child;

static void forward(int sig) {
  if (exec_child > 0) kill(exec_child, sig);
}

static void ignore_warning(const char *line) { (void)line; }

/* The container's env with the exec's entries replacing same-named ones. */
static char **merge_env(char **base, char **extra) {
  int nb = 0, ne = 0;
  while (base && base[nb]) nb++;
  while (extra && extra[ne]) ne++;
  char **out = calloc((size_t)(nb + ne) + 1, sizeof *out);
  int n = 0;
  if (out == NULL) return base;
  for (int i = 0; i < nb; i++) {
    size_t k = strcspn(base[i], "=");
    int replaced = 0;
    for (int j = 0; j < ne; j++) replaced |= strncmp(extra[j], base[i], k + 1) == 0;
    if (!replaced) out[n++] = base[i];
  }
  for (int j = 0; j < ne; j++) out[n++] = extra[j];
  return out;
}

static int fail_line(int code) {
  char line[1200];
  shim_error_line(line, sizeof line);
  fprintf(stderr, "%s\n", line);
  return code;
}

static void run_child(const struct spec *spec, const struct exec_options *o) {
  char **env = merge_env(spec->env, o->env);
  const char *cwd = o->cwd ? o->cwd : spec->cwd;
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  if (rlimits_apply(spec, ignore_warning) < 0) _exit(fail_line(126));
  if (chdir(cwd) < 0) {
    shim_fail(errno, "entering working directory %s", cwd);
    _exit(fail_line(126));
  }
  if (apply_identity(spec, o->user, &env) < 0) _exit(fail_line(126));
  exec_in_path(o->argv, env);
  _exit(fail_line(shim_last_error.err == 0 || shim_last_error.err == ENOENT ? 127 : 126));
}

/* Waits for the child; on timeout kills it and returns 124. */
static int wait_child(pid_t child, double timeout) {
  int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
  if (timeout > 0 && pidfd >= 0) {
    struct pollfd p = {pidfd, POLLIN, 0};
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
      clock_gettime(CLOCK_MONOTONIC, &now);
      double left = timeout - (double)(now.tv_sec - start.tv_sec) - (double)(now.tv_nsec - start.tv_nsec) / 1e9;
      if (left <= 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
        fprintf(stderr, "command timed out after %.3gs\n", timeout);
        return 124;
      }
      int r = poll(&p, 1, (int)(left * 1000) + 1);
      if (r > 0) break;
      if (r < 0 && errno != EINTR) break;
    }
  }
  int status;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      shim_fail(errno, "waiting for the command");
      return fail_line(125);
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static volatile sig_atomic_t resized;

static void on_resize(int sig) {
  (void)sig;
  resized = 1;
}

/* Relays our stdio (the caller's terminal) and the command's terminal until the command has
 * exited and its output is drained; returns its exit code. */
static int relay_terminal(pid_t child, int master) {
  struct termios saved;
  int raw = isatty(0);
  if (raw) terminal_make_raw(0, &saved);
  terminal_copy_size(0, master);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_resize; /* no SA_RESTART: poll returns to pass the new size on */
  sigaction(SIGWINCH, &sa, NULL);
  int pidfd = (int)syscall(SYS_pidfd_open, child, 0);
  struct pollfd fds[3] = {{0, POLLIN, 0}, {master, POLLIN, 0}, {pidfd, POLLIN, 0}};
  int exited = 0;
  while (fds[1].fd >= 0) {
    if (resized) {
      resized = 0;
      terminal_copy_size(0, master);
    }
    /* Once the command is gone, output still buffered is drained, briefly. */
    int r = poll(fds, 3, exited ? 100 : -1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    if (fds[0].fd >= 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) && !terminal_pump(0, master))
      fds[0].fd = -1;
    if (fds[1].revents & (POLLIN | POLLHUP | POLLERR) && !terminal_pump(master, 1)) fds[1].fd = -1;
    if (fds[2].fd >= 0 && (fds[2].revents & POLLIN)) {
      exited = 1;
      fds[2].fd = -1;
    }
  }
  if (raw) tcsetattr(0, TCSANOW, &saved);
  return wait_child(child, 0);
}

int cmd_exec(const struct exec_options *o) {
  char buf[PATH_MAX];
  struct spec spec;
  if (o->argv == NULL || o->argv[0] == NULL) {
    shim_fail(0, "exec: no command given");
    return fail_line(125);
  }
  if (state_read(o->state_dir, "exit.json", buf, sizeof buf) == 0) {
    shim_fail(0, "container is not running (it has exited)");
    return fail_line(125);
  }
  if (state_read(o->state_dir, "pid", buf, sizeof buf) < 0) {
    shim_fail(0, "container is not running (no pid in %s)", o->state_dir);
    return fail_line(125);
  }
  pid_t pid = (pid_t)atoi(buf);
  if (state_read(o->state_dir, "bundle", buf, sizeof buf) < 0 || spec_load(buf, &spec) < 0) return fail_line(125);
  if (cgroups_join_self(&spec, 0) < 0 || ns_enter_process(pid) < 0) return fail_line(125);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = forward;
  int forwarded[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2};
  for (size_t i = 0; i < sizeof forwarded / sizeof forwarded[0]; i++) sigaction(forwarded[i], &sa, NULL);
  /* In the container's mount namespace now: /dev/pts is its own devpts instance. */
  int master = -1, slave = -1;
  if (o->tty && terminal_open("/dev/pts/ptmx", &master, &slave) < 0) return fail_line(125);
  pid_t child = fork();
  if (child < 0) {
    shim_fail(errno, "forking the command");
    return fail_line(125);
  }
  if (child == 0) {
    if (o->tty && (setsid() < 0 || terminal_become_stdio(slave) < 0)) _exit(fail_line(126));
    run_child(&spec, o);
  }
  exec_child = child;
  if (o->tty) {
    close(slave);
    return relay_terminal(child, master);
  }
  return wait_child(child, o->timeout);
}
