/* The container's file system: overlay root, OCI mounts, /dev, pivot_root, masked and read-only paths. */
#ifndef SHIM_MOUNTS_H
#define SHIM_MOUNTS_H

#include "spec.h"

/* Everything before pivot_root: private propagation, the root, every mount, device nodes. */
int mounts_prepare_root(const struct spec *spec);

/* Makes the prepared root the process's root and detaches the old one. */
int mounts_pivot_root(const struct spec *spec);

/* After pivot_root: masked paths, read-only paths and a read-only root when asked. */
int mounts_restrict(const struct spec *spec);

/* mkdir -p with mode 0755. */
int make_dirs(const char *path);

#endif
