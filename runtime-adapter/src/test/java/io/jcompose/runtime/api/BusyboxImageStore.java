package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test-only image store with one image, {@code busybox}: a root file system made from the host's
 * static {@code /bin/busybox} (Debian package busybox-static) with a symlink per applet.
 */
public final class BusyboxImageStore implements ImageStore {
  /** The reference it answers to. */
  public static final String REFERENCE = "busybox";

  private final Image image;

  private BusyboxImageStore(Image image) {
    this.image = image;
  }

  /** Builds the root file system under dir (one layer) with the given image config. */
  public static BusyboxImageStore create(Path dir, ImageConfig config) {
    try {
      Path layer = dir.resolve("layer");
      Path bin = layer.resolve("bin");
      Files.createDirectories(bin);
      Files.createDirectories(layer.resolve("etc"));
      Files.createDirectories(layer.resolve("tmp"));
      Files.createDirectories(layer.resolve("root"));
      Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
      Process list = new ProcessBuilder("/bin/busybox", "--list").start();
      for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
        if (!applet.isBlank() && !applet.equals("busybox")) {
          Files.createSymbolicLink(bin.resolve(applet.trim()), Path.of("busybox"));
        }
      }
      list.waitFor();
      Files.writeString(
          layer.resolve("etc/passwd"),
          "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n"
              + "nobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
      Files.writeString(
          layer.resolve("etc/group"),
          "root:x:0:\napp:x:1000:\nextra:x:2000:app\nnogroup:x:65534:\n");
      Image image =
          new Image(
              "sha256:" + "b".repeat(64),
              List.of("busybox:latest"),
              List.of(),
              List.of(layer),
              config,
              "amd64",
              "linux",
              0,
              Instant.now());
      return new BusyboxImageStore(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The default config: {@code CMD ["sh"]}, a PATH, like the busybox image. */
  public static ImageConfig defaultConfig() {
    return new ImageConfig(
        List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
        List.of(),
        List.of("sh"),
        null,
        null,
        Set.of(),
        Set.of(),
        List.of(),
        0,
        0,
        0,
        0,
        null,
        Map.of());
  }

  /** The single image. */
  public Image image() {
    return image;
  }

  @Override
  public Future<Image> resolve(String reference) {
    if (reference.equals(REFERENCE) || reference.equals("busybox:latest")) {
      return Future.succeededFuture(image);
    }
    return Future.failedFuture(new NotFoundException("no such image: " + reference));
  }

  @Override
  public Future<List<Image>> list() {
    return Future.succeededFuture(List.of(image));
  }

  @Override
  public Future<Image> importRootfs(Path tar, String reference, List<String> changes) {
    return Future.failedFuture(new UnsupportedOperationException("test store"));
  }

  @Override
  public Future<List<Image>> load(Path archive) {
    return Future.failedFuture(new UnsupportedOperationException("test store"));
  }

  @Override
  public Future<Void> remove(String reference, boolean force) {
    return Future.failedFuture(new UnsupportedOperationException("test store"));
  }

  @Override
  public Future<Boolean> hasBlob(String digest) {
    return Future.succeededFuture(false);
  }

  @Override
  public Future<Void> putBlob(String digest, Path file) {
    return Future.failedFuture(new UnsupportedOperationException("test store"));
  }

  @Override
  public Path downloadDir() {
    throw new UnsupportedOperationException("test store");
  }

  @Override
  public Future<Image> registerManifest(String reference, String manifestDigest) {
    return Future.failedFuture(new UnsupportedOperationException("test store"));
  }
}
