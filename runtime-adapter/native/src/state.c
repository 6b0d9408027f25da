#include "state.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "error.h"

static int write_file(const char *dir, const char *name, const char *content, int durable) {
  char tmp[PATH_MAX], final[PATH_MAX];
  snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
  snprintf(final, sizeof final, "%s/%s", dir, name);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return shim_fail(errno, "creating %s", tmp);
  size_t len = strlen(content), done = 0;
  while (done < len) {
    ssize_t w = write(fd, content + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      int err = errno;
      close(fd);
      return shim_fail(err, "writing %s", tmp);
    }
    done += (size_t)w;
  }
  if (durable && fsync(fd) < 0) {
    int err = errno;
    close(fd);
    return shim_fail(err, "syncing %s", tmp);
  }
  close(fd);
  SHIM_CHECK(rename(tmp, final), "renaming %s to %s", tmp, final);
  int dfd = durable ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return 0;
}

int state_write(const char *dir, const char *name, const char *content) {
  return write_file(dir, name, content, 1);
}

int state_write_volatile(const char *dir, const char *name, const char *content) {
  return write_file(dir, name, content, 0);
}

int state_write_volatile_if_changed(const char *dir, const char *name, const char *content) {
  char now[4096];
  if (state_read(dir, name, now, sizeof now) == 0 && strcmp(now, content) == 0) return 0;
  return write_file(dir, name, content, 0);
}

int state_read(const char *dir, const char *name, char *buf, size_t len) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return shim_fail(errno, "reading %s", path);
  ssize_t r = read(fd, buf, len - 1);
  int err = errno;
  close(fd);
  if (r < 0) return shim_fail(err, "reading %s", path);
  buf[r] = '\0';
  return 0;
}

void format_time(const struct timespec *ts, char *buf, size_t len) {
  struct tm tm;
  gmtime_r(&ts->tv_sec, &tm);
  char date[32];
  strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  snprintf(buf, len, "%s.%09ldZ", date, ts->tv_nsec);
}
