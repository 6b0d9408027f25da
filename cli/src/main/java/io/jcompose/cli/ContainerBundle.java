package io.jcompose.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.runtime.api.RuntimePaths;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A container's OCI bundle as {@code cp} reads it: its directory and its {@code config.json} (the
 * overlay layers, the mounts and which of them are read-only).
 *
 * @param name the container's name, for messages
 * @param dir the container's directory ({@code <root>/containers/<id>})
 * @param spec the parsed {@code config.json}
 */
record ContainerBundle(String name, Path dir, JsonNode spec) {

  /** Reads the bundle of the container with this id; fails with one line. */
  static ContainerBundle read(String containerId, String containerName) {
    Path dir = RuntimePaths.fromEnvironment(System.getenv()).containers().resolve(containerId);
    Path config = dir.resolve("config.json");
    try {
      return new ContainerBundle(containerName, dir, new ObjectMapper().readTree(config.toFile()));
    } catch (IOException e) {
      throw new CliException(
          "container "
              + containerName
              + ": cannot read its bundle "
              + config
              + ": "
              + e.getMessage());
    }
  }

  /** Whether a mount of {@code config.json} is read-only. */
  static boolean isReadOnly(JsonNode mount) {
    for (JsonNode o : mount.path("options")) {
      if (o.asText().equals("ro")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The read-only mount {@code containerPath} lies on (the longest that holds it), or null. A path
   * on a writable mount inside a read-only one (a volume under a ro bind) is writable.
   */
  String readOnlyMountOf(String containerPath) {
    String best = null;
    boolean bestReadOnly = false;
    for (JsonNode m : spec.path("mounts")) {
      String destination = m.path("destination").asText("");
      if (holds(destination, containerPath)
          && (best == null || destination.length() > best.length())) {
        best = destination;
        bestReadOnly = isReadOnly(m);
      }
    }
    return bestReadOnly && !isKernelMount(best) ? best : null;
  }

  private static boolean holds(String mount, String path) {
    if (!mount.startsWith("/")) {
      return false;
    }
    String prefix = mount.endsWith("/") ? mount : mount + "/";
    return path.equals(mount) || path.startsWith(prefix) || mount.equals("/");
  }

  // /sys and the like are the runtime's own; cp never writes there through a volume.
  private static boolean isKernelMount(String destination) {
    return destination.equals("/sys")
        || destination.startsWith("/sys/")
        || destination.startsWith("/proc");
  }
}
