package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.BusyboxImageStore;
import io.jcompose.runtime.api.DirectoryVolumeStore;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A Linux runtime over temporary state directories and the busybox test image. */
final class LinuxRuntimeFixture implements AutoCloseable {
  final Path base;
  final Vertx vertx;
  final RuntimePaths paths;
  final BusyboxImageStore images;
  final DirectoryVolumeStore volumes;
  LinuxContainerRuntime runtime;

  LinuxRuntimeFixture() throws IOException {
    this(BusyboxImageStore.defaultConfig());
  }

  /** A fixture whose busybox image has the given config (VOLUMEs, ENTRYPOINT…). */
  LinuxRuntimeFixture(io.jcompose.runtime.api.ImageConfig config) throws IOException {
    base = Files.createTempDirectory("jcompose-runtime-it");
    vertx = Vertx.vertx();
    paths = new RuntimePaths(base.resolve("root"), base.resolve("run"));
    images = BusyboxImageStore.create(base.resolve("image"), config);
    volumes = new DirectoryVolumeStore(paths.volumes());
    runtime = new LinuxContainerRuntime(vertx, paths, images, volumes);
  }

  /** A second runtime over the same state, as after a restart of the daemon. */
  LinuxContainerRuntime restarted() {
    runtime.close();
    runtime = new LinuxContainerRuntime(vertx, paths, images, volumes);
    return runtime;
  }

  @Override
  public void close() {
    runtime.close();
    vertx.close();
    ContainerLifecycle.deleteTree(base);
  }
}
