package io.jcompose.runtime.registry;

import static io.jcompose.runtime.registry.OciLayoutWriter.Entry.random;

import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.Platform;
import io.jcompose.runtime.api.PullerOptions;
import io.jcompose.runtime.image.LocalImageStore;
import io.jcompose.runtime.registry.OciLayoutWriter.Compression;
import io.jcompose.runtime.registry.OciLayoutWriter.Layer;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): pushes a ~200 MB multi-layer image to a docker-registry on 127.0.0.1 and
 * times pulling it with jcompose's puller, with {@code skopeo copy} to a directory, and with {@code
 * docker pull} when a docker daemon answers. Prints the median of {@code RUNS} runs each. Run it
 * with {@code bench/registry/run.sh}.
 */
public final class RegistryPullBench {

  private RegistryPullBench() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.parseInt(System.getProperty("runs", "5"));
    Path work = Files.createTempDirectory("jcompose-registry-bench");
    Vertx vertx = Vertx.vertx();
    LoopbackRegistry registry = null;
    try {
      // -Dkeep=DIR keeps the pushed image in DIR between runs (for profiling).
      String keep = System.getProperty("keep");
      Path registryDir = keep != null ? Path.of(keep) : work.resolve("registry");
      Path sizeFile = registryDir.resolve("bench-bytes");
      long total;
      String ref;
      if (Files.exists(sizeFile)) {
        registry = LoopbackRegistry.start(registryDir, new LoopbackRegistry.NoAuth());
        total = Long.parseLong(Files.readString(sizeFile).trim());
      } else {
        total = pushImage(work, registryDir);
        Files.writeString(sizeFile, Long.toString(total));
        registry = LoopbackRegistry.start(registryDir, new LoopbackRegistry.NoAuth());
      }
      ref = registry.host() + "/bench/app:bench";
      System.out.printf("image: %s, 6 layers, %.1f MB compressed%n", ref, total / 1e6);

      double jcompose = median(runs, i -> pullOnce(vertx, work, ref, i, true));
      double unverified = median(runs, i -> pullOnce(vertx, work, ref, i, false));
      double unpacked = median(runs, i -> pullIntoLocalStore(vertx, work, ref, i));
      print("jcompose puller", jcompose, total, jcompose);
      print("  without store's re-hash", unverified, total, jcompose);
      print("  + unpack (LocalImageStore)", unpacked, total, jcompose);
      if (System.getProperty("only-jcompose") != null) {
        return;
      }
      double skopeo =
          median(
              runs,
              i -> {
                Path dir = work.resolve("skopeo-" + i);
                long t0 = System.nanoTime();
                LoopbackRegistry.run(
                    List.of(
                        "skopeo",
                        "--insecure-policy",
                        "copy",
                        "-q",
                        "--src-tls-verify=false",
                        "docker://" + ref,
                        "dir:" + dir));
                long t = System.nanoTime() - t0;
                delete(dir);
                return t;
              });
      print("skopeo copy to dir", skopeo, total, jcompose);
      if (dockerAvailable()) {
        double docker =
            median(
                runs,
                i -> {
                  removeFromDocker(ref);
                  long t0 = System.nanoTime();
                  LoopbackRegistry.run(List.of("docker", "pull", "-q", ref));
                  long t = System.nanoTime() - t0;
                  removeFromDocker(ref);
                  return t;
                });
        print("docker pull", docker, total, jcompose);
      } else {
        System.out.println("docker pull: skipped (no docker daemon answers)");
      }
    } finally {
      if (registry != null) {
        registry.close();
      }
      vertx.close();
      delete(work);
    }
  }

  /** Builds the benchmark image and pushes it into a registry storage under {@code dir}. */
  private static long pushImage(Path work, Path dir) throws Exception {
    OciLayoutWriter layout = new OciLayoutWriter(work.resolve("layout"));
    // Six layers like a typical application image: two large, four medium, gzip and plain.
    long[] sizes = {80L << 20, 50L << 20, 25L << 20, 20L << 20, 15L << 20, 10L << 20};
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      Compression c = i % 2 == 0 ? Compression.GZIP : Compression.NONE;
      layers.add(layout.layer(c, List.of(random("layer" + i + "/data.bin", sizes[i]))));
    }
    layout.tag("bench", layout.image("amd64", layers));
    long total = layers.stream().mapToLong(l -> l.blob().size()).sum();
    try (LoopbackRegistry registry = LoopbackRegistry.start(dir, new LoopbackRegistry.NoAuth())) {
      registry.push(work.resolve("layout"), "bench", "bench/app", false, null);
    }
    delete(work.resolve("layout"));
    return total;
  }

  private static long pullOnce(Vertx vertx, Path work, String ref, int i, boolean verify)
      throws Exception {
    Path dir = work.resolve("store-" + i);
    FakeImageStore store = new FakeImageStore(dir);
    store.verify = verify;
    long t0 = System.nanoTime();
    ImagePullers.create(vertx, store, PullerOptions.defaults())
        .pull(ref, new Platform("linux", "amd64", null), e -> {})
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.MINUTES);
    long t = System.nanoTime() - t0;
    delete(dir);
    return t;
  }

  /** Download and unpack, as docker pull does: into the real image store. */
  private static long pullIntoLocalStore(Vertx vertx, Path work, String ref, int i)
      throws Exception {
    Path dir = work.resolve("images-" + i);
    LocalImageStore store = new LocalImageStore(vertx, dir, id -> false);
    long t0 = System.nanoTime();
    ImagePullers.create(vertx, store, PullerOptions.defaults())
        .pull(ref, new Platform("linux", "amd64", null), e -> {})
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.MINUTES);
    long t = System.nanoTime() - t0;
    delete(dir);
    return t;
  }

  interface Run {
    long nanos(int i) throws Exception;
  }

  private static double median(int runs, Run run) throws Exception {
    run.nanos(-1); // warm-up: JIT, registry caches, page cache
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      t[i] = run.nanos(i);
    }
    Arrays.sort(t);
    return t[runs / 2] / 1e9;
  }

  private static void print(String name, double seconds, long bytes, double jcompose) {
    System.out.printf(
        "%-30s median %6.3f s  %7.1f MB/s  ratio to jcompose %.2f%n",
        name, seconds, bytes / 1e6 / seconds, seconds / jcompose);
  }

  /** Removes the image by id, so no tag of an earlier run keeps its layers in docker. */
  private static void removeFromDocker(String ref) throws Exception {
    LoopbackRegistry.run(
        List.of(
            "sh",
            "-c",
            "id=$(docker image inspect -f '{{.Id}}' "
                + ref
                + " 2>/dev/null) && docker rmi -f $id >/dev/null; true"));
  }

  private static boolean dockerAvailable() {
    try {
      Process p = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static void delete(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
