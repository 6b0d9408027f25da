#include "user.h"

#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "error.h"

/* Whether s is all digits; stores the number. */
static int numeric(const char *s, long *out) {
  char *end;
  if (*s == '\0') return 0;
  long v = strtol(s, &end, 10);
  if (*end != '\0' || v < 0) return 0;
  *out = v;
  return 1;
}

/* Splits one colon-separated line of passwd/group into at most max fields, in place. */
static int fields(char *line, char **f, int max) {
  int n = 0;
  line[strcspn(line, "\n")] = '\0';
  f[n++] = line;
  for (char *p = line; *p && n < max; p++) {
    if (*p == ':') {
      *p = '\0';
      f[n++] = p + 1;
    }
  }
  return n;
}

/* Finds the passwd entry by name or uid; 1 when found. */
static int find_passwd(const char *name, long uid, struct user_ids *out, char *login, size_t len) {
  FILE *f = fopen("/etc/passwd", "re");
  char line[1024], *fl[7];
  int found = 0;
  if (f == NULL) return 0;
  while (!found && fgets(line, sizeof line, f) != NULL) {
    if (fields(line, fl, 7) < 7) continue;
    if (name != NULL ? strcmp(fl[0], name) == 0 : atol(fl[2]) == uid) {
      out->uid = (uid_t)atol(fl[2]);
      out->gid = (gid_t)atol(fl[3]);
      snprintf(out->home, sizeof out->home, "%s", fl[5]);
      snprintf(login, len, "%s", fl[0]);
      found = 1;
    }
  }
  fclose(f);
  return found;
}

/* Looks a group name up; 1 when found. */
static int find_group(const char *name, gid_t *gid) {
  FILE *f = fopen("/etc/group", "re");
  char line[4096], *fl[4];
  int found = 0;
  if (f == NULL) return 0;
  while (!found && fgets(line, sizeof line, f) != NULL) {
    if (fields(line, fl, 4) < 3) continue;
    if (strcmp(fl[0], name) == 0) {
      *gid = (gid_t)atol(fl[2]);
      found = 1;
    }
  }
  fclose(f);
  return found;
}

/* Adds the groups whose member list names login. */
static void member_groups(const char *login, struct user_ids *out) {
  FILE *f = fopen("/etc/group", "re");
  char line[4096], *fl[4];
  if (f == NULL || login[0] == '\0') {
    if (f) fclose(f);
    return;
  }
  while (fgets(line, sizeof line, f) != NULL && out->ngroups < 64) {
    if (fields(line, fl, 4) < 4) continue;
    for (char *m = strtok(fl[3], ","); m != NULL; m = strtok(NULL, ",")) {
      if (strcmp(m, login) == 0) out->groups[out->ngroups++] = (gid_t)atol(fl[2]);
    }
  }
  fclose(f);
}

int user_resolve(const char *spec, struct user_ids *out) {
  char user[256], login[256] = "";
  const char *group = NULL;
  long n;
  memset(out, 0, sizeof *out);
  snprintf(out->home, sizeof out->home, "/");
  snprintf(user, sizeof user, "%s", spec);
  char *colon = strchr(user, ':');
  if (colon != NULL) {
    *colon = '\0';
    group = colon + 1;
  }
  if (numeric(user, &n)) {
    out->uid = (uid_t)n;
    /* An unknown numeric uid runs with gid 0, as Docker does. */
    if (!find_passwd(NULL, n, out, login, sizeof login)) out->gid = 0;
  } else if (!find_passwd(user, 0, out, login, sizeof login)) {
    return shim_fail(0, "unable to find user %s: no matching entries in the container's /etc/passwd", user);
  }
  if (group != NULL && *group) {
    if (numeric(group, &n)) {
      out->gid = (gid_t)n;
    } else if (!find_group(group, &out->gid)) {
      return shim_fail(0, "unable to find group %s: no matching entries in the container's /etc/group", group);
    }
  } else {
    member_groups(login, out);
  }
  return 0;
}

int user_switch(const struct user_ids *ids) {
  SHIM_CHECK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0), "keeping capabilities across the user switch");
  SHIM_CHECK(setgroups((size_t)ids->ngroups, ids->groups), "setting supplementary groups");
  SHIM_CHECK(setresgid(ids->gid, ids->gid, ids->gid), "switching to gid %u", (unsigned)ids->gid);
  SHIM_CHECK(setresuid(ids->uid, ids->uid, ids->uid), "switching to uid %u", (unsigned)ids->uid);
  SHIM_CHECK(prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0), "resetting keep-capabilities");
  return 0;
}
