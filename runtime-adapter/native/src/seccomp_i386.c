/* Syscall numbers by name for i386 programs on an x86_64 kernel. A file of its own: the i386 __NR_
 * macros clash with the native ones <sys/syscall.h> defines. */
#include <string.h>

#include "seccomp.h"

#ifdef __x86_64__
#include <asm/unistd_32.h>

static const struct seccomp_syscall compat[] = {
#include "seccomp_names.inc"
};

int seccomp_i386_number(const char *name) {
  for (size_t i = 0; i < sizeof compat / sizeof compat[0]; i++) {
    if (strcmp(compat[i].name, name) == 0) return compat[i].nr;
  }
  return -1;
}
#else
int seccomp_i386_number(const char *name) {
  (void)name;
  return -1;
}
#endif
