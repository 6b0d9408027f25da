#include "logs.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "error.h"
#include "json.h"
#include "state.h"

int log_open(struct log_file *log, const char *dir, long long max_size, int max_files) {
  memset(log, 0, sizeof *log);
  snprintf(log->path, sizeof log->path, "%s/container.log", dir);
  log->max_size = max_size;
  log->max_files = max_files;
  log->streams[0].name = "stdout";
  log->streams[1].name = "stderr";
  log->fd = open(log->path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (log->fd < 0) return shim_fail(errno, "opening log %s", log->path);
  struct stat st;
  if (fstat(log->fd, &st) == 0) log->size = st.st_size;
  return 0;
}

/* container.log -> .1 -> .2 …; the oldest beyond max_files is dropped. */
static int rotate(struct log_file *log) {
  char from[4200], to[4200];
  close(log->fd);
  if (log->max_files <= 1) {
    log->fd = open(log->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
  } else {
    for (int i = log->max_files - 1; i >= 1; i--) {
      snprintf(to, sizeof to, "%s.%d", log->path, i);
      if (i == 1) snprintf(from, sizeof from, "%s", log->path);
      else snprintf(from, sizeof from, "%s.%d", log->path, i - 1);
      if (rename(from, to) < 0 && errno != ENOENT) return shim_fail(errno, "rotating %s", from);
    }
    log->fd = open(log->path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0640);
  }
  if (log->fd < 0) return shim_fail(errno, "reopening log %s", log->path);
  log->size = 0;
  return 0;
}

static int write_line(struct log_file *log, struct log_stream *s, const char *text, size_t len, int newline) {
  static char out[LOG_LINE_MAX * 6 + 256];
  char when[64];
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  format_time(&ts, when, sizeof when);
  int head = snprintf(out, sizeof out, "{\"log\":\"");
  size_t n = (size_t)head + json_escape(text, len, out + head);
  n += (size_t)snprintf(out + n, sizeof out - n, "%s\",\"stream\":\"%s\",\"time\":\"%s\"}\n",
                        newline ? "\\n" : "", s->name, when);
  size_t done = 0;
  while (done < n) {
    ssize_t w = write(log->fd, out + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return shim_fail(errno, "writing log %s", log->path);
    done += (size_t)w;
  }
  log->size += (long long)n;
  if (log->max_size > 0 && log->size >= log->max_size) return rotate(log);
  return 0;
}

int log_feed(struct log_file *log, int stream, const char *data, size_t len) {
  struct log_stream *s = &log->streams[stream];
  for (size_t i = 0; i < len; i++) {
    if (data[i] == '\n') {
      if (write_line(log, s, s->buf, s->len, 1) < 0) return -1;
      s->len = 0;
      continue;
    }
    s->buf[s->len++] = data[i];
    /* A line longer than the buffer is written in pieces, as Docker splits at 16 KiB. */
    if (s->len == LOG_LINE_MAX) {
      if (write_line(log, s, s->buf, s->len, 0) < 0) return -1;
      s->len = 0;
    }
  }
  return 0;
}

int log_flush(struct log_file *log, int stream) {
  struct log_stream *s = &log->streams[stream];
  if (s->len == 0) return 0;
  int rc = write_line(log, s, s->buf, s->len, 0);
  s->len = 0;
  return rc;
}
