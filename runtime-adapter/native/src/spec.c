#include "spec.h"

#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "capabilities.h"
#include "error.h"
#include "seccomp.h"

char **split_list(const char *s, char sep, int *n) {
  int count = 0;
  if (s != NULL && *s) {
    count = 1;
    for (const char *p = s; *p; p++) count += *p == sep;
  }
  char **out = calloc((size_t)count + 1, sizeof *out);
  if (out == NULL) return NULL;
  int i = 0;
  while (s != NULL && *s) {
    const char *end = strchr(s, sep);
    size_t len = end ? (size_t)(end - s) : strlen(s);
    out[i++] = strndup(s, len);
    s = end ? end + 1 : s + len;
  }
  *n = i;
  return out;
}

static char **string_array(const struct json *arr, int *n) {
  int count = json_len(arr);
  char **out = calloc((size_t)count + 1, sizeof *out);
  int i = 0;
  if (out == NULL) return NULL;
  for (struct json *e = arr ? arr->child : NULL; e != NULL; e = e->next) {
    if (e->type == JSON_STRING) out[i++] = e->str;
  }
  if (n) *n = i;
  return out;
}

static const struct {
  const char *name;
  int resource;
} rlimit_names[] = {
    {"RLIMIT_AS", RLIMIT_AS},           {"RLIMIT_CORE", RLIMIT_CORE},
    {"RLIMIT_CPU", RLIMIT_CPU},         {"RLIMIT_DATA", RLIMIT_DATA},
    {"RLIMIT_FSIZE", RLIMIT_FSIZE},     {"RLIMIT_LOCKS", RLIMIT_LOCKS},
    {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
    {"RLIMIT_NICE", RLIMIT_NICE},       {"RLIMIT_NOFILE", RLIMIT_NOFILE},
    {"RLIMIT_NPROC", RLIMIT_NPROC},     {"RLIMIT_RSS", RLIMIT_RSS},
    {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},   {"RLIMIT_RTTIME", RLIMIT_RTTIME},
    {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING}, {"RLIMIT_STACK", RLIMIT_STACK},
};

static int load_rlimits(const struct json *arr, struct spec *s) {
  s->rlimits = calloc((size_t)json_len(arr) + 1, sizeof *s->rlimits);
  for (struct json *e = arr ? arr->child : NULL; e != NULL; e = e->next) {
    const char *type = json_get_str(e, "type");
    int found = -1;
    for (size_t i = 0; type && i < sizeof rlimit_names / sizeof rlimit_names[0]; i++) {
      if (strcmp(rlimit_names[i].name, type) == 0) found = rlimit_names[i].resource;
    }
    if (found < 0) return shim_fail(0, "config.json: process.rlimits: unknown type %s", type ? type : "(none)");
    struct spec_rlimit *r = &s->rlimits[s->nrlimits++];
    r->resource = found;
    r->name = type;
    struct json *soft = json_get(e, "soft"), *hard = json_get(e, "hard");
    r->soft = soft && soft->type == JSON_NUMBER ? (uint64_t)soft->num : RLIM_INFINITY;
    r->hard = hard && hard->type == JSON_NUMBER ? (uint64_t)hard->num : RLIM_INFINITY;
  }
  return 0;
}

static int load_caps(const struct json *caps, struct spec *s) {
  struct {
    const char *key;
    uint64_t *set;
  } sets[] = {{"bounding", &s->caps.bounding}, {"effective", &s->caps.effective},
              {"permitted", &s->caps.permitted}, {"inheritable", &s->caps.inheritable},
              {"ambient", &s->caps.ambient}};
  for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
    struct json *arr = json_get(caps, sets[i].key);
    for (struct json *e = arr ? arr->child : NULL; e != NULL; e = e->next) {
      int cap = e->type == JSON_STRING ? cap_from_name(e->str) : -1;
      if (cap < 0) return shim_fail(0, "config.json: process.capabilities.%s: unknown capability %s",
                                    sets[i].key, e->type == JSON_STRING ? e->str : "?");
      if (cap < 64) *sets[i].set |= 1ULL << cap;
    }
  }
  return 0;
}

static int load_namespaces(const struct json *arr, struct spec *s) {
  static const struct {
    const char *type;
    int flag;
  } kinds[] = {{"pid", CLONE_NEWPID},     {"mount", CLONE_NEWNS},   {"uts", CLONE_NEWUTS},
               {"ipc", CLONE_NEWIPC},     {"network", CLONE_NEWNET}, {"cgroup", CLONE_NEWCGROUP}};
  for (struct json *e = arr ? arr->child : NULL; e != NULL; e = e->next) {
    const char *type = json_get_str(e, "type");
    int flag = 0;
    for (size_t i = 0; type && i < sizeof kinds / sizeof kinds[0]; i++) {
      if (strcmp(kinds[i].type, type) == 0) flag = kinds[i].flag;
    }
    if (flag == 0 || s->nnamespaces >= 8)
      return shim_fail(0, "config.json: linux.namespaces: unsupported type %s", type ? type : "(none)");
    const char *path = json_get_str(e, "path");
    if (path != NULL && *path == '\0') path = NULL;
    s->namespaces[s->nnamespaces++] = (struct spec_namespace){flag, path};
  }
  return 0;
}

static int load_mounts(const struct json *arr, struct spec *s) {
  s->mounts = calloc((size_t)json_len(arr) + 1, sizeof *s->mounts);
  for (struct json *e = arr ? arr->child : NULL; e != NULL; e = e->next) {
    struct spec_mount *m = &s->mounts[s->nmounts++];
    m->destination = json_get_str(e, "destination");
    if (m->destination == NULL || m->destination[0] != '/')
      return shim_fail(0, "config.json: mounts[%d]: destination must be an absolute path", s->nmounts - 1);
    m->type = json_get_str(e, "type");
    m->source = json_get_str(e, "source");
    m->options = string_array(json_get(e, "options"), &m->noptions);
  }
  return 0;
}

static int load_annotations(const struct json *ann, struct spec *s) {
  s->overlay_lower = json_get_str(ann, "io.jcompose.overlay.lowerdir");
  s->overlay_upper = json_get_str(ann, "io.jcompose.overlay.upperdir");
  s->overlay_work = json_get_str(ann, "io.jcompose.overlay.workdir");
  s->user = json_get_str(ann, "io.jcompose.user");
  s->oom_file = json_get_str(ann, "io.jcompose.cgroup.oom");
  s->cgroup_procs = split_list(json_get_str(ann, "io.jcompose.cgroup.procs"), ',', &s->ncgroup_procs);
  const char *size = json_get_str(ann, "io.jcompose.log.max-size");
  const char *files = json_get_str(ann, "io.jcompose.log.max-files");
  s->log_max_size = size ? atoll(size) : 10LL * 1024 * 1024;
  s->log_max_files = files ? atoi(files) : 3;
  if (s->log_max_files < 1) s->log_max_files = 1;
  return 0;
}

int spec_load(const char *bundle, struct spec *s) {
  char path[PATH_MAX];
  memset(s, 0, sizeof *s);
  s->bundle = realpath(bundle, NULL);
  if (s->bundle == NULL) return shim_fail(errno, "resolving bundle directory %s", bundle);
  snprintf(path, sizeof path, "%s/config.json", s->bundle);
  struct json *cfg = json_parse_file(path);
  if (cfg == NULL) return -1;
  struct json *process = json_get(cfg, "process"), *root = json_get(cfg, "root");
  struct json *linux_ = json_get(cfg, "linux"), *user = json_get(process, "user");
  if (process == NULL) return shim_fail(0, "%s: no \"process\" object", path);
  s->args = string_array(json_get(process, "args"), NULL);
  if (s->args == NULL || s->args[0] == NULL) return shim_fail(0, "%s: process.args is empty", path);
  s->env = string_array(json_get(process, "env"), NULL);
  s->cwd = json_get_str(process, "cwd");
  if (s->cwd == NULL) s->cwd = "/";
  s->terminal = json_get_bool(process, "terminal");
  s->uid = (uid_t)json_get_int(user, "uid", 0);
  s->gid = (gid_t)json_get_int(user, "gid", 0);
  struct json *gids = json_get(user, "additionalGids");
  s->extra_gids = calloc((size_t)json_len(gids) + 1, sizeof(gid_t));
  for (struct json *e = gids ? gids->child : NULL; e != NULL; e = e->next)
    s->extra_gids[s->nextra_gids++] = (gid_t)e->integer;
  s->no_new_privileges = json_get_bool(process, "noNewPrivileges");
  if (load_caps(json_get(process, "capabilities"), s) < 0) return -1;
  if (load_rlimits(json_get(process, "rlimits"), s) < 0) return -1;
  const char *rootpath = json_get_str(root, "path");
  if (rootpath == NULL) rootpath = "rootfs";
  if (rootpath[0] == '/') {
    s->rootfs = strdup(rootpath);
  } else {
    snprintf(path, sizeof path, "%s/%s", s->bundle, rootpath);
    s->rootfs = strdup(path);
  }
  s->root_readonly = json_get_bool(root, "readonly");
  s->hostname = json_get_str(cfg, "hostname");
  if (load_mounts(json_get(cfg, "mounts"), s) < 0) return -1;
  if (load_namespaces(json_get(linux_, "namespaces"), s) < 0) return -1;
  s->masked = string_array(json_get(linux_, "maskedPaths"), &s->nmasked);
  s->readonly = string_array(json_get(linux_, "readonlyPaths"), &s->nreadonly);
  s->sysctl = json_get(linux_, "sysctl");
  if (seccomp_build(json_get(linux_, "seccomp"), &s->seccomp) < 0) return -1;
  return load_annotations(json_get(cfg, "annotations"), s);
}
