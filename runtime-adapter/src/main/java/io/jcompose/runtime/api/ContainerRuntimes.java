package io.jcompose.runtime.api;

import io.jcompose.runtime.linux.LinuxContainerRuntime;
import io.vertx.core.Vertx;

/** Creates the container runtimes jcompose has. */
public final class ContainerRuntimes {
  private ContainerRuntimes() {}

  /**
   * The built-in Linux runtime: installs {@code jcompose-shim} under {@code paths.root()/bin},
   * detects the cgroup layout and re-adopts containers found under {@code paths.containers()}.
   * Blocking (reads state from disk): call it at start-up, not on an event loop in use.
   *
   * @param volumes the volume store for named and anonymous volumes; may be null when no container
   *     uses volumes
   */
  public static ContainerRuntime linux(
      Vertx vertx, RuntimePaths paths, ImageStore images, VolumeStore volumes) {
    return new LinuxContainerRuntime(vertx, paths, images, volumes);
  }
}
