package io.jcompose.scheduler.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.ImageStores;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code system/df} over a real image store. */
class SystemDiskUsageTest {
  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void imagesSize_countsALayerSharedByTwoImagesOnce() throws Exception {
    ImageStore images =
        ImageStores.open(vertx, new RuntimePaths(dir.resolve("root"), dir.resolve("run")));
    Path rootfs = tarWithOneFile(dir.resolve("rootfs.tar"), "hello", "0123456789");
    Image a = await(images.importRootfs(rootfs, "a", List.of()));
    Image b = await(images.importRootfs(rootfs, "b", List.of("CMD b")));
    assertThat(a.layerDirs()).as("the two images share their layer").isEqualTo(b.layerDirs());
    assertThat(a.sizeBytes()).isEqualTo(10);

    Map<?, ?> df = (Map<?, ?>) await(systemDf(images));

    assertThat(df.get("images")).isEqualTo(2);
    assertThat(df.get("imagesSize")).isEqualTo(10L);
  }

  private Future<?> systemDf(ImageStore images) {
    ApiRoutes routes = new ApiRoutes();
    new ResourceRoutes(vertx, null, noContainers(), images, null, null).register(routes);
    return routes
        .hostVerb("system/df")
        .orElseThrow()
        .handle(new ApiCall("system/df", null, null, Map.of(), null));
  }

  /** A runtime without containers; system/df only lists them. */
  private static ContainerRuntime noContainers() {
    return (ContainerRuntime)
        Proxy.newProxyInstance(
            ContainerRuntime.class.getClassLoader(),
            new Class<?>[] {ContainerRuntime.class},
            (proxy, method, args) -> {
              if (method.getName().equals("list")) {
                return Future.succeededFuture(List.of());
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Path tarWithOneFile(Path tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(tar);
        TarArchiveOutputStream archive = new TarArchiveOutputStream(out)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(bytes.length);
      archive.putArchiveEntry(entry);
      archive.write(bytes);
      archive.closeArchiveEntry();
    }
    return tar;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
