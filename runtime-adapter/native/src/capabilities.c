#include "capabilities.h"

#include <linux/capability.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "error.h"

static const char *const cap_names[] = {
    "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
    "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
    "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
    "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
    "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
    "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE",
};

#define NCAPS ((int)(sizeof cap_names / sizeof cap_names[0]))

int cap_from_name(const char *name) {
  if (strncasecmp(name, "CAP_", 4) == 0) name += 4;
  for (int i = 0; i < NCAPS; i++) {
    if (strcasecmp(cap_names[i], name) == 0) return i;
  }
  return -1;
}

/* The highest capability this kernel knows, so unknown ones are not touched. */
static int last_cap(void) {
  FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
  int last = NCAPS - 1;
  if (f != NULL) {
    if (fscanf(f, "%d", &last) != 1) last = NCAPS - 1;
    fclose(f);
  }
  return last;
}

int caps_drop_bounding(const struct spec_caps *caps) {
  int last = last_cap();
  for (int cap = 0; cap <= last && cap < 64; cap++) {
    if (caps->bounding & (1ULL << cap)) continue;
    if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
      return shim_fail(errno, "dropping CAP_%s from the bounding set", cap < NCAPS ? cap_names[cap] : "?");
  }
  return 0;
}

int caps_apply(const struct spec_caps *caps) {
  struct __user_cap_header_struct hdr = {_LINUX_CAPABILITY_VERSION_3, 0};
  struct __user_cap_data_struct data[2];
  memset(data, 0, sizeof data);
  for (int i = 0; i < 2; i++) {
    data[i].effective = (uint32_t)(caps->effective >> (32 * i));
    data[i].permitted = (uint32_t)(caps->permitted >> (32 * i));
    data[i].inheritable = (uint32_t)(caps->inheritable >> (32 * i));
  }
  SHIM_CHECK(syscall(SYS_capset, &hdr, data), "setting the capability sets");
  if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL)
    return shim_fail(errno, "clearing ambient capabilities");
  for (int cap = 0; cap < 64; cap++) {
    uint64_t bit = 1ULL << cap;
    /* The kernel refuses an ambient capability that is not also permitted and inheritable; such a
     * request is skipped, as runc does. */
    if (!(caps->ambient & bit) || !(caps->permitted & bit) || !(caps->inheritable & bit)) continue;
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
      return shim_fail(errno, "raising ambient CAP_%s",
                       cap < NCAPS ? cap_names[cap] : "?");
  }
  return 0;
}
