/* A small error type: the errno and what the shim was doing when it failed. */
#ifndef SHIM_ERROR_H
#define SHIM_ERROR_H

#include <errno.h>
#include <stddef.h>

struct shim_error {
  int err;          /* errno, or 0 when the failure is not a syscall's */
  char what[1024];  /* what was being done, with the path involved */
};

/* The last failure of this process; filled by shim_fail. */
extern struct shim_error shim_last_error;

/* Records a failure and returns -1, so callers can write `return shim_fail(errno, ...)`. */
int shim_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Formats the last failure as one line: "what: strerror(errno)". */
void shim_error_line(char *buf, size_t len);

/* Checks a syscall result; on failure records errno with a message and returns -1. */
#define SHIM_CHECK(expr, ...)                  \
  do {                                         \
    if ((expr) < 0) return shim_fail(errno, __VA_ARGS__); \
  } while (0)

#endif
