#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct shim_error shim_last_error;

int shim_fail(int err, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(shim_last_error.what, sizeof shim_last_error.what, fmt, ap);
  va_end(ap);
  shim_last_error.err = err;
  return -1;
}

void shim_error_line(char *buf, size_t len) {
  if (shim_last_error.err != 0) {
    snprintf(buf, len, "%s: %s", shim_last_error.what, strerror(shim_last_error.err));
  } else {
    snprintf(buf, len, "%s", shim_last_error.what);
  }
}
