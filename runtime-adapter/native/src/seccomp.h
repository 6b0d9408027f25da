/* The OCI linux.seccomp section as a classic BPF filter, built by hand (no libseccomp). */
#ifndef SHIM_SECCOMP_H
#define SHIM_SECCOMP_H

#include "json.h"

struct sock_fprog;

/* One entry of a name -> number table. */
struct seccomp_syscall {
  const char *name;
  int nr;
};

/* Builds the filter of a linux.seccomp section into *out (NULL when section is NULL: no filter);
 * -1 with shim_last_error when the section asks for what the shim cannot express. */
int seccomp_build(const struct json *section, struct sock_fprog **out);

/* Installs prog for the calling process and its future children; a NULL prog does nothing. Without
 * no_new_privs this needs CAP_SYS_ADMIN, so it runs before the capabilities are dropped. */
int seccomp_install(const struct sock_fprog *prog);

/* The number of a call by name on this architecture (seccomp_syscalls.c), or -1. */
int seccomp_native_number(const char *name);

/* The number of a call by name for i386 programs on an x86_64 kernel (seccomp_i386.c), or -1. */
int seccomp_i386_number(const char *name);

/* The number of a call by name for x32 programs on an x86_64 kernel, flag bit included
 * (seccomp_x32.c), or -1. */
int seccomp_x32_number(const char *name);

#endif
