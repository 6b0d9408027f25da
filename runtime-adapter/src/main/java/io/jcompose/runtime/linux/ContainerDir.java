package io.jcompose.runtime.linux;

import java.nio.file.Path;

/**
 * The layout of one container's directory: it is the OCI bundle and the shim's state directory.
 *
 * @param path {@code <root>/containers/<id>}
 */
record ContainerDir(Path path) {
  Path record() {
    return path.resolve("container.json");
  }

  Path config() {
    return path.resolve("config.json");
  }

  Path rootfs() {
    return path.resolve("rootfs");
  }

  Path upper() {
    return path.resolve("upper");
  }

  Path work() {
    return path.resolve("work");
  }

  Path etc() {
    return path.resolve("etc");
  }

  Path volumes() {
    return path.resolve("volumes");
  }
}
