/* The container's log: stdout and stderr as JSON lines {"log","stream","time"} with size rotation. */
#ifndef SHIM_LOGS_H
#define SHIM_LOGS_H

#include <stddef.h>

#define LOG_LINE_MAX 16384

struct log_stream {
  const char *name;          /* "stdout" or "stderr" */
  char buf[LOG_LINE_MAX];    /* the current unfinished line */
  size_t len;
};

struct log_file {
  char path[4096];
  int fd;
  long long size, max_size;
  int max_files;
  struct log_stream streams[2];
};

/* Opens (appends to) dir/container.log. */
int log_open(struct log_file *log, const char *dir, long long max_size, int max_files);

/* Adds bytes read from stream 0 (stdout) or 1 (stderr); writes every complete line. */
int log_feed(struct log_file *log, int stream, const char *data, size_t len);

/* Writes what is left of a stream as a last line (at end of file). */
int log_flush(struct log_file *log, int stream);

#endif
