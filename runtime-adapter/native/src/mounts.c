#include "mounts.h"

#include <fcntl.h>
#include <sched.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "error.h"
#include "trace.h"

int make_dirs(const char *path) {
  char buf[PATH_MAX];
  /* Mount points usually exist already: one syscall instead of one per path component. */
  if (mkdir(path, 0755) == 0 || errno == EEXIST) return 0;
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; ; p++) {
    if (*p == '/' || *p == '\0') {
      char saved = *p;
      *p = '\0';
      if (mkdir(buf, 0755) < 0 && errno != EEXIST) return shim_fail(errno, "creating directory %s", buf);
      *p = saved;
      if (saved == '\0') break;
    }
  }
  return 0;
}

struct mount_flag {
  const char *name;
  int clear;
  unsigned long flag;
};

static const struct mount_flag mount_flags[] = {
    {"ro", 0, MS_RDONLY},          {"rw", 1, MS_RDONLY},       {"nosuid", 0, MS_NOSUID},
    {"suid", 1, MS_NOSUID},        {"nodev", 0, MS_NODEV},     {"dev", 1, MS_NODEV},
    {"noexec", 0, MS_NOEXEC},      {"exec", 1, MS_NOEXEC},     {"sync", 0, MS_SYNCHRONOUS},
    {"async", 1, MS_SYNCHRONOUS},  {"noatime", 0, MS_NOATIME}, {"atime", 1, MS_NOATIME},
    {"nodiratime", 0, MS_NODIRATIME}, {"relatime", 0, MS_RELATIME}, {"norelatime", 1, MS_RELATIME},
    {"strictatime", 0, MS_STRICTATIME}, {"bind", 0, MS_BIND},   {"rbind", 0, MS_BIND | MS_REC},
    {"private", 0, 0}, {"rprivate", 0, 0}, {"slave", 0, 0}, {"rslave", 0, 0}, {"shared", 0, 0},
    {"rshared", 0, 0},
};

/* Splits OCI mount options into mount(2) flags and the file system's data string. */
static void parse_options(const struct spec_mount *m, unsigned long *flags, char *data, size_t len) {
  *flags = 0;
  data[0] = '\0';
  for (int i = 0; i < m->noptions; i++) {
    const struct mount_flag *f = NULL;
    for (size_t k = 0; k < sizeof mount_flags / sizeof mount_flags[0]; k++) {
      if (strcmp(mount_flags[k].name, m->options[i]) == 0) f = &mount_flags[k];
    }
    if (f != NULL) {
      if (f->clear) *flags &= ~f->flag;
      else *flags |= f->flag;
    } else {
      size_t used = strlen(data);
      snprintf(data + used, len - used, "%s%s", used ? "," : "", m->options[i]);
    }
  }
}

/* The host path of dest inside rootfs with symlinks resolved as if rootfs were "/", so an image's
 * symlink (absolute or with "..") can never lead a mount out of the container. */
static int container_path(const char *rootfs, const char *dest, char *out, size_t len) {
  char cur[PATH_MAX] = "", rest[PATH_MAX], probe[PATH_MAX], link[PATH_MAX];
  snprintf(rest, sizeof rest, "%s", dest);
  int loops = 0;
  char *p = rest;
  while (*p) {
    while (*p == '/') p++;
    if (*p == '\0') break;
    char *end = strchr(p, '/');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    char comp[NAME_MAX + 1];
    if (n > NAME_MAX) return shim_fail(ENAMETOOLONG, "resolving mount point %s", dest);
    memcpy(comp, p, n);
    comp[n] = '\0';
    p += n;
    if (strcmp(comp, ".") == 0) continue;
    if (strcmp(comp, "..") == 0) {
      char *slash = strrchr(cur, '/');
      if (slash != NULL) *slash = '\0';
      continue;
    }
    snprintf(probe, sizeof probe, "%s%s/%s", rootfs, cur, comp);
    struct stat st;
    if (lstat(probe, &st) == 0 && S_ISLNK(st.st_mode)) {
      if (++loops > 40) return shim_fail(ELOOP, "resolving mount point %s", dest);
      ssize_t l = readlink(probe, link, sizeof link - 1);
      if (l < 0) return shim_fail(errno, "reading symlink %s", probe);
      link[l] = '\0';
      char remaining[PATH_MAX];
      snprintf(remaining, sizeof remaining, "%s/%s", link, p);
      if (link[0] == '/') cur[0] = '\0';
      snprintf(rest, sizeof rest, "%s", remaining);
      p = rest;
      continue;
    }
    size_t used = strlen(cur);
    snprintf(cur + used, sizeof cur - used, "/%s", comp);
  }
  snprintf(out, len, "%s%s", rootfs, cur);
  char parent[PATH_MAX];
  snprintf(parent, sizeof parent, "%s", out);
  char *slash = strrchr(parent, '/');
  if (slash != NULL && (size_t)(slash - parent) > strlen(rootfs)) {
    *slash = '\0';
    if (make_dirs(parent) < 0) return -1;
  }
  return 0;
}

/* Creates the mount point: a file when a file is bind-mounted, else a directory. */
static int make_mount_point(const char *path, const char *source, int bind) {
  struct stat st;
  if (bind && source != NULL && stat(source, &st) == 0 && !S_ISDIR(st.st_mode)) {
    if (lstat(path, &st) == 0) return 0;
    int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0) return shim_fail(errno, "creating mount point %s", path);
    close(fd);
    return 0;
  }
  return make_dirs(path);
}

/* The pid of a source "/proc/PID/root/PATH" (a path inside another container), with PATH. */
static pid_t other_root_path(const char *source, const char **path) {
  if (source == NULL || strncmp(source, "/proc/", 6) != 0) return 0;
  char *end;
  long pid = strtol(source + 6, &end, 10);
  if (pid <= 0 || end == source + 6 || strncmp(end, "/root/", 6) != 0) return 0;
  *path = end + 5;
  return (pid_t)pid;
}

/* Bind-mounts PATH of another container's mount namespace (e.g. its /dev/shm, whose tmpfs exists
 * only there): a plain bind refuses a mount of another namespace, so the tree is cloned from inside
 * that namespace (open_tree) and attached here as a detached mount (move_mount). */
static int bind_from_namespace(pid_t pid, const char *path, const char *target, unsigned long rec) {
  char ns_path[64];
  snprintf(ns_path, sizeof ns_path, "/proc/%d/ns/mnt", (int)pid);
  int theirs = open(ns_path, O_RDONLY | O_CLOEXEC);
  if (theirs < 0) return shim_fail(errno, "opening %s (has that container exited?)", ns_path);
  int ours = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);
  if (ours < 0) {
    close(theirs);
    return shim_fail(errno, "opening our own mount namespace");
  }
  int tree = -1, err = 0;
  if (setns(theirs, CLONE_NEWNS) < 0) {
    err = errno;
  } else {
    tree = (int)syscall(SYS_open_tree, AT_FDCWD, path, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | (rec ? AT_RECURSIVE : 0));
    if (tree < 0) err = errno;
    /* Back home whatever happened: everything after this runs in our own namespace. */
    if (setns(ours, CLONE_NEWNS) < 0) {
      err = errno;
      close(theirs);
      close(ours);
      if (tree >= 0) close(tree);
      return shim_fail(err, "returning to our mount namespace");
    }
  }
  close(theirs);
  close(ours);
  if (tree < 0) return shim_fail(err, "cloning %s of process %d", path, (int)pid);
  int rc = (int)syscall(SYS_move_mount, tree, "", AT_FDCWD, target, MOVE_MOUNT_F_EMPTY_PATH);
  err = errno;
  close(tree);
  if (rc < 0) return shim_fail(err, "attaching %s of process %d on %s", path, (int)pid, target);
  return 0;
}

static int mount_one(const struct spec *spec, const struct spec_mount *m) {
  char target[PATH_MAX], data[4096];
  unsigned long flags;
  parse_options(m, &flags, data, sizeof data);
  int bind = (flags & MS_BIND) || (m->type && strcmp(m->type, "bind") == 0);
  if (container_path(spec->rootfs, m->destination, target, sizeof target) < 0) return -1;
  if (make_mount_point(target, m->source, bind) < 0) return -1;
  if (bind) {
    unsigned long rec = flags & MS_REC;
    const char *inner;
    pid_t other = other_root_path(m->source, &inner);
    if (other > 0) {
      if (bind_from_namespace(other, inner, target, rec) < 0) return -1;
    } else if (mount(m->source, target, NULL, MS_BIND | rec, NULL) < 0) {
      return shim_fail(errno, "bind-mounting %s on %s", m->source, m->destination);
    }
    unsigned long extra = flags & ~(MS_BIND | MS_REC);
    if (extra != 0 && mount(NULL, target, NULL, MS_BIND | MS_REMOUNT | extra, NULL) < 0)
      return shim_fail(errno, "remounting %s with its options", m->destination);
    return 0;
  }
  const char *type = m->type ? m->type : "none";
  const char *source = m->source ? m->source : type;
  if (mount(source, target, type, flags, data[0] ? data : NULL) < 0)
    return shim_fail(errno, "mounting %s (%s) on %s", source, type, m->destination);
  return 0;
}

static int mount_root(const struct spec *spec) {
  if (make_dirs(spec->rootfs) < 0) return -1;
  if (spec->overlay_lower == NULL) {
    SHIM_CHECK(mount(spec->rootfs, spec->rootfs, NULL, MS_BIND | MS_REC, NULL),
               "bind-mounting the root file system %s", spec->rootfs);
    return 0;
  }
  char data[4096];
  int n = snprintf(data, sizeof data, "lowerdir=%s,upperdir=%s,workdir=%s", spec->overlay_lower,
                   spec->overlay_upper, spec->overlay_work);
  if (n >= (int)sizeof data)
    return shim_fail(0, "overlay options exceed one page (%d bytes): too many image layers", n);
  SHIM_CHECK(mount("overlay", spec->rootfs, "overlay", 0, data), "mounting the overlay root on %s",
             spec->rootfs);
  return 0;
}

static int is_mounted_at(const struct spec *spec, const char *dest) {
  for (int i = 0; i < spec->nmounts; i++) {
    if (strcmp(spec->mounts[i].destination, dest) == 0) return 1;
  }
  return 0;
}

/* The usual device nodes on a fresh /dev tmpfs; bind-mounted from the host where mknod is refused. */
static int make_devices(const struct spec *spec) {
  static const struct {
    const char *name;
    unsigned major, minor;
  } devs[] = {{"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7},
              {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0}};
  static const char *const links[][2] = {{"/proc/self/fd", "fd"},      {"/proc/self/fd/0", "stdin"},
                                         {"/proc/self/fd/1", "stdout"}, {"/proc/self/fd/2", "stderr"},
                                         {"pts/ptmx", "ptmx"},          {"/proc/kcore", "core"}};
  char path[PATH_MAX], host[64];
  if (!is_mounted_at(spec, "/dev")) return 0;
  mode_t old = umask(0);
  for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
    snprintf(path, sizeof path, "%s/dev/%s", spec->rootfs, devs[i].name);
    if (mknod(path, S_IFCHR | 0666, makedev(devs[i].major, devs[i].minor)) == 0) continue;
    if (errno != EPERM) {
      umask(old);
      return shim_fail(errno, "creating device /dev/%s", devs[i].name);
    }
    snprintf(host, sizeof host, "/dev/%s", devs[i].name);
    int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0666);
    if (fd >= 0) close(fd);
    if (mount(host, path, NULL, MS_BIND, NULL) < 0) {
      umask(old);
      return shim_fail(errno, "bind-mounting device %s", host);
    }
  }
  umask(old);
  for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
    snprintf(path, sizeof path, "%s/dev/%s", spec->rootfs, links[i][1]);
    if (symlink(links[i][0], path) < 0 && errno != EEXIST)
      return shim_fail(errno, "creating symlink /dev/%s", links[i][1]);
  }
  return 0;
}

int mounts_prepare_root(const struct spec *spec) {
  SHIM_CHECK(mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL), "making mounts private");
  if (mount_root(spec) < 0) return -1;
  trace_mark("child: root mounted");
  for (int i = 0; i < spec->nmounts; i++) {
    if (mount_one(spec, &spec->mounts[i]) < 0) return -1;
  }
  return make_devices(spec);
}

int mounts_pivot_root(const struct spec *spec) {
  SHIM_CHECK(chdir(spec->rootfs), "entering the root file system %s", spec->rootfs);
  SHIM_CHECK(syscall(SYS_pivot_root, ".", "."), "pivot_root into %s", spec->rootfs);
  /* The old root is now stacked under the new one at "/": detach it so no host path stays visible. */
  SHIM_CHECK(mount(NULL, ".", NULL, MS_SLAVE | MS_REC, NULL), "making the old root a slave");
  SHIM_CHECK(umount2(".", MNT_DETACH), "detaching the old root");
  SHIM_CHECK(chdir("/"), "entering /");
  return 0;
}

static int mask_path(const char *path) {
  struct stat st;
  if (stat(path, &st) < 0) return errno == ENOENT ? 0 : shim_fail(errno, "inspecting masked path %s", path);
  if (S_ISDIR(st.st_mode)) {
    SHIM_CHECK(mount("tmpfs", path, "tmpfs", MS_RDONLY, "size=0k"), "masking directory %s", path);
  } else {
    SHIM_CHECK(mount("/dev/null", path, NULL, MS_BIND, NULL), "masking %s", path);
  }
  return 0;
}

static int readonly_path(const char *path) {
  if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) < 0)
    return errno == ENOENT ? 0 : shim_fail(errno, "bind-mounting read-only path %s", path);
  SHIM_CHECK(mount(NULL, path, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL),
             "making %s read-only", path);
  return 0;
}

int mounts_restrict(const struct spec *spec) {
  for (int i = 0; i < spec->nmasked; i++) {
    if (mask_path(spec->masked[i]) < 0) return -1;
  }
  for (int i = 0; i < spec->nreadonly; i++) {
    if (readonly_path(spec->readonly[i]) < 0) return -1;
  }
  if (spec->root_readonly) {
    SHIM_CHECK(mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL),
               "making the root file system read-only");
  }
  return 0;
}
