#include "sysctl.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

int sysctl_apply(const struct spec *spec) {
  for (struct json *e = spec->sysctl ? spec->sysctl->child : NULL; e != NULL; e = e->next) {
    char path[PATH_MAX];
    if (e->type != JSON_STRING) return shim_fail(0, "config.json: linux.sysctl.%s must be a string", e->key);
    if (strstr(e->key, "..") != NULL || strchr(e->key, '/') != NULL)
      return shim_fail(0, "sysctl %s: not a valid name", e->key);
    int n = snprintf(path, sizeof path, "/proc/sys/%s", e->key);
    for (char *p = path + 10; p < path + n; p++) {
      if (*p == '.') *p = '/';
    }
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return shim_fail(errno, "sysctl %s: opening %s", e->key, path);
    ssize_t w = write(fd, e->str, strlen(e->str));
    int err = errno;
    close(fd);
    if (w < 0) return shim_fail(err, "sysctl %s: writing %s", e->key, e->str);
  }
  return 0;
}
