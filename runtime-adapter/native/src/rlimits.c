#include "rlimits.h"

#include <stdio.h>
#include <sys/resource.h>

#include "error.h"

int rlimits_apply(const struct spec *spec, warn_fn warn) {
  for (int i = 0; i < spec->nrlimits; i++) {
    const struct spec_rlimit *r = &spec->rlimits[i];
    struct rlimit now, want = {r->soft, r->hard};
    SHIM_CHECK(getrlimit(r->resource, &now), "reading %s", r->name);
    /* Raising a hard limit needs CAP_SYS_RESOURCE, which a host may not grant: clamp, never fail. */
    if (want.rlim_max > now.rlim_max && now.rlim_max != RLIM_INFINITY) {
      char line[256];
      snprintf(line, sizeof line, "%s hard limit %llu is above the host's %llu; using %llu", r->name,
               (unsigned long long)want.rlim_max, (unsigned long long)now.rlim_max,
               (unsigned long long)now.rlim_max);
      warn(line);
      want.rlim_max = now.rlim_max;
      if (want.rlim_cur > want.rlim_max) want.rlim_cur = want.rlim_max;
    }
    if (want.rlim_cur > want.rlim_max) want.rlim_cur = want.rlim_max;
    if (setrlimit(r->resource, &want) < 0)
      return shim_fail(errno, "setting %s to soft %llu hard %llu", r->name,
                       (unsigned long long)want.rlim_cur, (unsigned long long)want.rlim_max);
  }
  return 0;
}
