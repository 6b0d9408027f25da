#include "namespaces.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "error.h"

struct clone3_args {
  uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size,
      cgroup;
};

#ifndef CLONE_INTO_CGROUP
#define CLONE_INTO_CGROUP 0x200000000ULL
#endif

static int join_path(const struct spec_namespace *ns) {
  int fd = open(ns->path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return shim_fail(errno, "opening namespace %s", ns->path);
  int rc = setns(fd, ns->flag);
  int err = errno;
  close(fd);
  if (rc < 0) return shim_fail(err, "joining namespace %s", ns->path);
  return 0;
}

pid_t ns_clone(const struct spec *spec, int cgroup_fd, int *into_cgroup) {
  unsigned long flags = 0;
  int joined_pid = 0;
  *into_cgroup = 0;
  for (int i = 0; i < spec->nnamespaces; i++) {
    const struct spec_namespace *ns = &spec->namespaces[i];
    if (ns->path == NULL) {
      flags |= (unsigned long)ns->flag;
    } else if (ns->flag == CLONE_NEWPID) {
      if (join_path(ns) < 0) return -1;
      joined_pid = 1;
    }
  }
  if (cgroup_fd >= 0) {
    struct clone3_args args;
    memset(&args, 0, sizeof args);
    args.flags = flags | CLONE_INTO_CGROUP;
    args.exit_signal = SIGCHLD;
    args.cgroup = (uint64_t)cgroup_fd;
    pid_t pid = (pid_t)syscall(SYS_clone3, &args, sizeof args);
    if (pid >= 0) {
      *into_cgroup = 1;
      return pid;
    }
    /* Kernels before 5.7 lack clone3 or CLONE_INTO_CGROUP: the child moves itself instead. */
    if (errno != ENOSYS && errno != E2BIG && errno != EINVAL)
      return shim_fail(errno, "creating the container's process in its cgroup (clone3)");
  }
  /* A raw clone without a new stack behaves like fork, with namespace flags. */
  pid_t pid = (pid_t)syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
  if (pid < 0) {
    if (errno == ENOMEM && joined_pid)
      return shim_fail(errno, "creating the container's process in the pid namespace it shares (has the "
                              "container that owns it exited?)");
    return shim_fail(errno, "creating the container's namespaces (clone)");
  }
  return pid;
}

int ns_join_paths(const struct spec *spec) {
  for (int i = 0; i < spec->nnamespaces; i++) {
    const struct spec_namespace *ns = &spec->namespaces[i];
    if (ns->path == NULL || ns->flag == CLONE_NEWPID) continue;
    if (join_path(ns) < 0) return -1;
  }
  return 0;
}

int ns_enter_process(pid_t pid) {
  /* Mount last: after it, /proc paths of the host are no longer reachable. */
  static const struct {
    const char *name;
    int flag;
  } kinds[] = {{"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS}, {"net", CLONE_NEWNET},
               {"pid", CLONE_NEWPID}, {"cgroup", CLONE_NEWCGROUP}, {"mnt", CLONE_NEWNS}};
  int fds[6];
  char path[64], self[64];
  for (int i = 0; i < 6; i++) {
    struct stat theirs, ours;
    snprintf(path, sizeof path, "/proc/%d/ns/%s", (int)pid, kinds[i].name);
    snprintf(self, sizeof self, "/proc/self/ns/%s", kinds[i].name);
    fds[i] = -1;
    if (stat(path, &theirs) < 0) return shim_fail(errno, "reading %s (is the container running?)", path);
    if (stat(self, &ours) == 0 && ours.st_ino == theirs.st_ino && ours.st_dev == theirs.st_dev) continue;
    fds[i] = open(path, O_RDONLY | O_CLOEXEC);
    if (fds[i] < 0) return shim_fail(errno, "opening %s", path);
  }
  for (int i = 0; i < 6; i++) {
    if (fds[i] < 0) continue;
    if (setns(fds[i], kinds[i].flag) < 0) return shim_fail(errno, "joining the container's %s namespace", kinds[i].name);
    close(fds[i]);
  }
  return 0;
}
