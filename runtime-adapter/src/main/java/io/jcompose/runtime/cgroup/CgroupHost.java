package io.jcompose.runtime.cgroup;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host's cgroup layout, read once from {@code /proc/self/mountinfo}: the mode and where each v1
 * controller (or the v2 tree) is mounted. Creates per-container cgroups.
 *
 * @param mode v2, v1 or hybrid
 * @param unified the v2 mount point, or null
 * @param controllers v1 controller name to its hierarchy's mount point
 */
public record CgroupHost(CgroupMode mode, Path unified, Map<String, Path> controllers) {

  /** The v1 controllers a container gets a cgroup in. */
  static final List<String> V1_CONTROLLERS =
      List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "devices");

  /** The directory under each hierarchy's root that holds jcompose's cgroups. */
  static final String PARENT = "jcompose";

  public CgroupHost {
    controllers = Map.copyOf(controllers);
  }

  /** Reads the layout of this host. */
  public static CgroupHost detect() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      throw new UncheckedIOException("reading /proc/self/mountinfo", e);
    }
  }

  /** Parses mountinfo lines (exposed for tests of each layout). */
  static CgroupHost parse(List<String> mountinfo) {
    Path unified = null;
    Map<String, Path> controllers = new HashMap<>();
    for (String line : mountinfo) {
      String[] parts = line.split(" - ", 2);
      if (parts.length < 2) {
        continue;
      }
      String[] left = parts[0].split(" ");
      String[] right = parts[1].split(" ");
      if (left.length < 5 || right.length < 3) {
        continue;
      }
      Path mountPoint = Path.of(left[4].replace("\\040", " "));
      if (right[0].equals("cgroup2")) {
        unified = mountPoint;
      } else if (right[0].equals("cgroup")) {
        for (String option : right[2].split(",")) {
          if (V1_CONTROLLERS.contains(option)) {
            controllers.putIfAbsent(option, mountPoint);
          }
        }
      }
    }
    if (controllers.isEmpty() && unified == null) {
      throw new RuntimeFailure(
          "no cgroup file system is mounted; mount cgroup2 on /sys/fs/cgroup and try again");
    }
    CgroupMode mode =
        controllers.isEmpty() ? CgroupMode.V2 : unified == null ? CgroupMode.V1 : CgroupMode.HYBRID;
    return new CgroupHost(mode, unified, controllers);
  }

  /** The cgroup(s) of one container; created empty, without limits. */
  public ContainerCgroup create(String containerId) {
    return mode == CgroupMode.V2
        ? CgroupV2.create(unified, containerId)
        : CgroupV1.create(controllers, containerId);
  }

  /** The cgroup(s) of an existing container, without touching the file system. */
  public ContainerCgroup of(String containerId) {
    return mode == CgroupMode.V2
        ? CgroupV2.of(unified, containerId)
        : CgroupV1.of(controllers, containerId);
  }
}
