#include "cgroups.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

int cgroups_enter(const struct spec *spec, pid_t pid) {
  char buf[32];
  int len = snprintf(buf, sizeof buf, "%d", (int)pid);
  for (int i = 0; i < spec->ncgroup_procs; i++) {
    int fd = open(spec->cgroup_procs[i], O_WRONLY | O_CLOEXEC);
    if (fd < 0) return shim_fail(errno, "opening %s", spec->cgroup_procs[i]);
    ssize_t w = write(fd, buf, (size_t)len);
    int err = errno;
    close(fd);
    if (w < 0) return shim_fail(err, "moving pid %d into %s", (int)pid, spec->cgroup_procs[i]);
  }
  return 0;
}

long long cgroups_oom_kills(const struct spec *spec) {
  if (spec->oom_file == NULL) return -1;
  FILE *f = fopen(spec->oom_file, "re");
  if (f == NULL) return -1;
  char key[64];
  long long value, found = -1;
  /* memory.oom_control (v1) and memory.events (v2) both have an "oom_kill N" line. */
  while (fscanf(f, "%63s %lld", key, &value) == 2) {
    if (strcmp(key, "oom_kill") == 0) found = value;
  }
  fclose(f);
  return found;
}
