#include "container.h"

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "capabilities.h"
#include "cgroups.h"
#include "error.h"
#include "mounts.h"
#include "namespaces.h"
#include "rlimits.h"
#include "seccomp.h"
#include "sysctl.h"
#include "terminal.h"
#include "trace.h"
#include "user.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static int sync_fd = -1;

void sync_send(int sync, char kind, const char *text) {
  char msg[1200];
  int n = snprintf(msg, sizeof msg, "%c%d %s", kind, kind == 'E' ? shim_last_error.err : 0, text);
  if (send(sync, msg, (size_t)(n < (int)sizeof msg ? n : (int)sizeof msg - 1), MSG_NOSIGNAL) < 0) {
    /* The monitor is gone; nobody is left to tell. */
  }
}

static void warn_monitor(const char *line) { sync_send(sync_fd, 'W', line); }

static const char *env_value(char **env, const char *key) {
  size_t k = strlen(key);
  for (char **e = env; e && *e; e++) {
    if (strncmp(*e, key, k) == 0 && (*e)[k] == '=') return *e + k + 1;
  }
  return NULL;
}

int exec_in_path(char **argv, char **env) {
  if (strchr(argv[0], '/') != NULL) {
    execve(argv[0], argv, env);
    return shim_fail(errno, "exec: \"%s\"", argv[0]);
  }
  const char *path = env_value(env, "PATH");
  if (path == NULL) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  int denied = 0;
  char candidate[PATH_MAX];
  for (const char *p = path; *p;) {
    const char *end = strchr(p, ':');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    snprintf(candidate, sizeof candidate, "%.*s/%s", (int)n, n ? p : ".", argv[0]);
    if (access(candidate, X_OK) == 0) {
      execve(candidate, argv, env);
      if (errno != EACCES && errno != ENOENT) return shim_fail(errno, "exec: \"%s\"", candidate);
    }
    if (errno == EACCES) denied = 1;
    p = end ? end + 1 : p + n;
  }
  if (denied) return shim_fail(EACCES, "exec: \"%s\"", argv[0]);
  return shim_fail(0, "exec: \"%s\": executable file not found in $PATH", argv[0]);
}

/* Appends HOME=<home> to a copy of env when env has none. */
static char **with_home(char **env, const char *home) {
  int n = 0;
  while (env && env[n]) n++;
  if (env_value(env, "HOME") != NULL) return env;
  char **out = calloc((size_t)n + 2, sizeof *out);
  if (out == NULL) return env;
  for (int i = 0; i < n; i++) out[i] = env[i];
  char *home_var = malloc(strlen(home) + 6);
  if (home_var == NULL) return env;
  sprintf(home_var, "HOME=%s", home);
  out[n] = home_var;
  return out;
}

int apply_identity(const struct spec *spec, const char *user_override, char ***env) {
  struct user_ids ids;
  const char *user = user_override ? user_override : spec->user;
  if (user != NULL && *user) {
    if (user_resolve(user, &ids) < 0) return -1;
  } else {
    memset(&ids, 0, sizeof ids);
    ids.uid = spec->uid;
    ids.gid = spec->gid;
    snprintf(ids.home, sizeof ids.home, "%s", spec->uid == 0 ? "/root" : "/");
  }
  for (int i = 0; i < spec->nextra_gids && ids.ngroups < 64; i++) ids.groups[ids.ngroups++] = spec->extra_gids[i];
  *env = with_home(*env, ids.home);
  if (caps_drop_bounding(&spec->caps) < 0) return -1;
  /* Without no_new_privs a filter can only be installed while CAP_SYS_ADMIN is held; with it, as
   * late as possible, as runc does. The calls between here and exec are not ones it refuses. */
  if (!spec->no_new_privileges && seccomp_install(spec->seccomp) < 0) return -1;
  if (user_switch(&ids) < 0) return -1;
  if (caps_apply(&spec->caps) < 0) return -1;
  if (spec->no_new_privileges) {
    SHIM_CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "setting no_new_privs");
    if (seccomp_install(spec->seccomp) < 0) return -1;
  }
  return 0;
}

static int setup_stdio(const struct container_stdio *io) {
  SHIM_CHECK(setsid(), "starting a session");
  if (io->tty) return 0; /* opened once the container's /dev/pts is mounted */
  SHIM_CHECK(dup2(io->in, 0), "setting stdin");
  SHIM_CHECK(dup2(io->out, 1), "setting stdout");
  SHIM_CHECK(dup2(io->err, 2), "setting stderr");
  return 0;
}

/* A terminal from the container's own devpts: the process sees /dev/pts/N as in docker; the master
 * goes to the monitor (the log, or the relay to the caller's terminal). */
static int open_terminal(const struct spec *spec, const struct container_stdio *io, int sync) {
  char ptmx[PATH_MAX];
  int master, slave;
  snprintf(ptmx, sizeof ptmx, "%s/dev/pts/ptmx", spec->rootfs);
  if (terminal_open(ptmx, &master, &slave) < 0) return -1;
  terminal_copy_size(io->outer, slave);
  int sent = terminal_send(sync, master);
  close(master);
  if (sent < 0) return -1;
  return terminal_become_stdio(slave);
}

static int prepare(const struct spec *spec, const struct container_stdio *io, int sync, char ***env) {
  if (ns_join_paths(spec) < 0) return -1;
  if (setup_stdio(io) < 0) return -1;
  trace_mark("child: cgroups, namespaces, stdio");
  if (mounts_prepare_root(spec) < 0) return -1;
  if (io->tty && open_terminal(spec, io, sync) < 0) return -1;
  trace_mark("child: mounted");
  if (mounts_pivot_root(spec) < 0) return -1;
  trace_mark("child: pivoted");
  if (sysctl_apply(spec) < 0) return -1;
  if (mounts_restrict(spec) < 0) return -1;
  if (spec->hostname != NULL && *spec->hostname)
    SHIM_CHECK(sethostname(spec->hostname, strlen(spec->hostname)), "setting hostname %s", spec->hostname);
  if (rlimits_apply(spec, warn_monitor) < 0) return -1;
  if (make_dirs(spec->cwd) < 0) return -1;
  SHIM_CHECK(chdir(spec->cwd), "entering working directory %s", spec->cwd);
  if (apply_identity(spec, NULL, env) < 0) return -1;
  sigset_t none;
  sigemptyset(&none);
  SHIM_CHECK(sigprocmask(SIG_SETMASK, &none, NULL), "unblocking signals");
  /* Nothing of the shim may leak into the container: every other descriptor closes on exec. */
  SHIM_CHECK(syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC), "marking descriptors close-on-exec");
  trace_mark("child: exec");
  return 0;
}

void container_main(const struct spec *spec, int sync, const struct container_stdio *io, int in_cgroup) {
  char line[1200];
  char **env = spec->env;
  sync_fd = sync;
  /* Before anything else runs in the container: its limits apply from its first instruction. */
  if (cgroups_join_self(spec, in_cgroup) == 0 && prepare(spec, io, sync, &env) == 0) exec_in_path(spec->args, env);
  shim_error_line(line, sizeof line);
  sync_send(sync, 'E', line);
  _exit(127);
}
