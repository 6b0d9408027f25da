package io.jcompose.runtime.cgroup;

/** How the host mounts cgroups. */
public enum CgroupMode {
  /** Only the unified (v2) hierarchy, at {@code /sys/fs/cgroup}. */
  V2,
  /** Only v1 controller hierarchies. */
  V1,
  /** v1 controllers plus a (mostly empty) v2 tree, usually at {@code /sys/fs/cgroup/unified}. */
  HYBRID
}
