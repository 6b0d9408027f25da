package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.BusyboxImageStore;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.DirectoryVolumeStore;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A Linux runtime over temporary state directories and the busybox test image. */
final class LinuxRuntimeFixture implements AutoCloseable {
  final Path base;
  final Vertx vertx;
  final RuntimePaths paths;
  final BusyboxImageStore images;
  final DirectoryVolumeStore volumes;
  LinuxContainerRuntime runtime;
  private final List<String> created = new ArrayList<>();

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

  /**
   * A busybox container spec running {@code command}, named {@code prefix-<random>} so runs never
   * collide; {@link #removeCreated} removes it.
   */
  ContainerSpec spec(String prefix, String... command) {
    String name = prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    created.add(name);
    return ContainerSpec.of(name, "busybox").withCommand(List.of(command));
  }

  /**
   * Removes the containers of {@link #spec}, newest first: a container that joined another's
   * namespaces goes before the one it joined. Those a test removed itself are skipped.
   */
  void removeCreated() {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        await(runtime.remove(created.get(i), true));
      } catch (RuntimeException e) {
        // Already removed by the test.
      }
    }
    created.clear();
  }

  /** The future's value within 60 s; its failure rethrown as it is when unchecked. */
  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
