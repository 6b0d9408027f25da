/* The parts of an OCI runtime-spec config.json the shim acts on. */
#ifndef SHIM_SPEC_H
#define SHIM_SPEC_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "json.h"

struct sock_fprog;

struct spec_mount {
  const char *destination;
  const char *type;
  const char *source;
  char **options;
  int noptions;
};

struct spec_rlimit {
  int resource;
  const char *name;
  uint64_t soft;
  uint64_t hard;
};

struct spec_namespace {
  int flag;          /* CLONE_NEW* */
  const char *path;  /* join this one instead of creating it, or NULL */
};

struct spec_caps {
  uint64_t bounding, effective, permitted, inheritable, ambient;
};

struct spec {
  char *bundle;           /* absolute bundle directory */
  char *rootfs;           /* absolute root file system mount point */
  bool root_readonly;
  bool terminal;
  char **args;
  char **env;
  const char *cwd;
  uid_t uid;
  gid_t gid;
  gid_t *extra_gids;
  int nextra_gids;
  const char *user;       /* annotation io.jcompose.user: name or uid[:gid] resolved in the rootfs */
  struct spec_caps caps;
  bool no_new_privileges;
  struct spec_rlimit *rlimits;
  int nrlimits;
  const char *hostname;
  struct spec_mount *mounts;
  int nmounts;
  struct spec_namespace namespaces[8];
  int nnamespaces;
  char **masked;
  int nmasked;
  char **readonly;
  int nreadonly;
  struct json *sysctl;    /* object of name -> value */
  struct sock_fprog *seccomp;  /* linux.seccomp as a BPF program, or NULL for none */
  const char *overlay_lower, *overlay_upper, *overlay_work;
  char **cgroup_procs;    /* cgroup.procs files the container's process is put into */
  int ncgroup_procs;
  const char *oom_file;   /* memory.oom_control or memory.events */
  long long log_max_size;
  int log_max_files;
};

/* Reads bundle/config.json into spec; -1 with shim_last_error on failure. */
int spec_load(const char *bundle, struct spec *spec);

/* Splits a string at sep into a NULL-terminated array; count stored in *n. */
char **split_list(const char *s, char sep, int *n);

#endif
