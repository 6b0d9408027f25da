/* The container's user: a name or uid[:gid] resolved against the image's /etc/passwd and /etc/group. */
#ifndef SHIM_USER_H
#define SHIM_USER_H

#include <sys/types.h>

struct user_ids {
  uid_t uid;
  gid_t gid;
  gid_t groups[64];
  int ngroups;
  char home[256];
};

/* Resolves spec ("name", "uid", "name:group", "uid:gid") from /etc/passwd and /etc/group of the
 * current root; the supplementary groups are those listing the user. -1 when a name is unknown. */
int user_resolve(const char *spec, struct user_ids *out);

/* Switches to the ids, keeping capabilities so they can be set afterwards. */
int user_switch(const struct user_ids *ids);

#endif
