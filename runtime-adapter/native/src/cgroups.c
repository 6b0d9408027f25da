#include "cgroups.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "error.h"

#ifndef CGROUP2_SUPER_MAGIC
#define CGROUP2_SUPER_MAGIC 0x63677270
#endif

/* The directory part of a cgroup.procs path. */
static void dir_of(const char *procs, char *out, size_t len) {
  snprintf(out, len, "%s", procs);
  char *slash = strrchr(out, '/');
  if (slash != NULL && slash != out) *slash = '\0';
}

static int is_unified(const char *dir) {
  struct statfs fs;
  return statfs(dir, &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC;
}

int cgroups_open_unified(const struct spec *spec) {
  char dir[PATH_MAX];
  for (int i = 0; i < spec->ncgroup_procs; i++) {
    dir_of(spec->cgroup_procs[i], dir, sizeof dir);
    if (!is_unified(dir)) continue;
    int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      shim_fail(errno, "opening cgroup %s", dir);
      return -2;
    }
    return fd;
  }
  return -1;
}

static int write_self(const char *path) {
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return shim_fail(errno, "opening %s", path);
  ssize_t w = write(fd, "0", 1);
  int err = errno;
  close(fd);
  if (w < 0) return shim_fail(err, "moving the process into %s", path);
  return 0;
}

int cgroups_join_self(const struct spec *spec, int skip_unified) {
  char dir[PATH_MAX], path[PATH_MAX + 16];
  for (int i = 0; i < spec->ncgroup_procs; i++) {
    dir_of(spec->cgroup_procs[i], dir, sizeof dir);
    if (is_unified(dir)) {
      if (skip_unified) continue;
      /* v2 has no per-thread file for domain cgroups: the whole process moves (slow path). */
      if (write_self(spec->cgroup_procs[i]) < 0) return -1;
      continue;
    }
    snprintf(path, sizeof path, "%s/tasks", dir);
    if (write_self(path) < 0) return -1;
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
