#include "namespaces.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "error.h"

pid_t ns_clone(const struct spec *spec) {
  unsigned long flags = SIGCHLD;
  for (int i = 0; i < spec->nnamespaces; i++) {
    if (spec->namespaces[i].path == NULL) flags |= (unsigned long)spec->namespaces[i].flag;
  }
  /* A raw clone without a new stack behaves like fork, with namespace flags. */
  pid_t pid = (pid_t)syscall(SYS_clone, flags, NULL, NULL, NULL, NULL);
  if (pid < 0) shim_fail(errno, "creating the container's namespaces (clone)");
  return pid;
}

int ns_join_paths(const struct spec *spec) {
  for (int i = 0; i < spec->nnamespaces; i++) {
    const struct spec_namespace *ns = &spec->namespaces[i];
    if (ns->path == NULL) continue;
    int fd = open(ns->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return shim_fail(errno, "opening namespace %s", ns->path);
    int rc = setns(fd, ns->flag);
    int err = errno;
    close(fd);
    if (rc < 0) return shim_fail(err, "joining namespace %s", ns->path);
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
