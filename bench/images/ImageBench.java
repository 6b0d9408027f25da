import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageDiskUsage;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.ImageStores;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Image store figures: import time of a rootfs tar (first import unpacks, a second import of the
 * same tar shares the layer), resolve latency, and disk use by 10 images sharing one layer.
 * Usage: java -cp CLASSPATH ImageBench.java ROOTFS.tar STATE_DIR
 */
public class ImageBench {
  public static void main(String[] args) throws Exception {
    Path tar = Path.of(args[0]);
    Path state = Path.of(args[1]);
    Vertx vertx = Vertx.vertx();
    try {
      ImageStore store = ImageStores.open(vertx, new RuntimePaths(state.resolve("root"), state.resolve("run")));
      long t0 = System.nanoTime();
      Image first = await(store.importRootfs(tar, "bench:0", List.of("CMD [\"sh\"]")));
      long t1 = System.nanoTime();
      System.out.printf("tar: %s (%.1f MiB)%n", tar, Files.size(tar) / 1048576.0);
      System.out.printf("first import (unpack): %.0f ms, %.1f MiB/s%n", (t1 - t0) / 1e6,
          Files.size(tar) / 1048576.0 / ((t1 - t0) / 1e9));
      List<Long> again = new ArrayList<>();
      for (int i = 1; i < 10; i++) {
        long s = System.nanoTime();
        await(store.importRootfs(tar, "bench:" + i, List.of("CMD [\"sh\", \"" + i + "\"]")));
        again.add(System.nanoTime() - s);
      }
      again.sort(null);
      System.out.printf("re-import of the same tar (hashed, layer shared): median %.0f ms%n",
          again.get(again.size() / 2) / 1e6);
      int n = 1000;
      long s = System.nanoTime();
      for (int i = 0; i < n; i++) {
        await(store.resolve("bench:" + (i % 10)));
      }
      System.out.printf("resolve by tag: %.3f ms each (%d calls)%n", (System.nanoTime() - s) / 1e6 / n, n);
      ImageDiskUsage usage = await(store.diskUsage());
      System.out.printf("10 images: %d layer(s), %.1f MiB of layers (image size %.1f MiB each)%n",
          usage.layerCount(), usage.layerBytes() / 1048576.0, first.sizeBytes() / 1048576.0);
    } finally {
      await(vertx.close());
    }
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }
}
