/* Syscall numbers by name for x32 programs on an x86_64 kernel. A file of its own, as for i386: the
 * x32 __NR_ macros clash with the native ones. Most are the x86_64 number plus the x32 flag bit;
 * the calls with compat arguments (kexec_load, move_pages, ioctl…) have numbers 512-547 of their
 * own, which a filter masking the bit off would otherwise never compare. */
#include <string.h>

#include "seccomp.h"

#ifdef __x86_64__
#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif
#include <asm/unistd_x32.h>

static const struct seccomp_syscall x32[] = {
#include "seccomp_names.inc"
};

int seccomp_x32_number(const char *name) {
  for (size_t i = 0; i < sizeof x32 / sizeof x32[0]; i++) {
    if (strcmp(x32[i].name, name) == 0) return x32[i].nr;
  }
  return -1;
}
#else
int seccomp_x32_number(const char *name) {
  (void)name;
  return -1;
}
#endif
