/* Syscall numbers by name for the native architecture. */
#include <string.h>
#include <sys/syscall.h>

#include "seccomp.h"

static const struct seccomp_syscall native[] = {
#include "seccomp_names.inc"
};

int seccomp_native_number(const char *name) {
  for (size_t i = 0; i < sizeof native / sizeof native[0]; i++) {
    if (strcmp(native[i].name, name) == 0) return native[i].nr;
  }
  return -1;
}
