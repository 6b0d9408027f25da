import io.jcompose.runtime.api.BusyboxImageStore;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerRuntimes;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts 2N busybox containers one by one, alternating between the two ways the runtime can start
 * a shim (through the long-lived spawner, or as a process of the JVM's own:
 * -Djcompose.shim.spawner=false), 100 ms apart after 20 warm-up starts, and prints the time per
 * start of each. Alternating container by container keeps a busy machine's load changes out of the
 * comparison. Run as root through {@code BENCH=StartMechanismBench bench/runtime/run.sh N}.
 */
public class StartMechanismBench {
  private static final int WARMUP = 20;

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    Path base = Files.createTempDirectory("jcompose-bench");
    Vertx vertx = Vertx.vertx();
    List<ContainerState> all = new ArrayList<>();
    ContainerRuntime rt = null;
    try {
      RuntimePaths paths = new RuntimePaths(base.resolve("root"), base.resolve("run"));
      BusyboxImageStore images =
          BusyboxImageStore.create(base.resolve("image"), BusyboxImageStore.defaultConfig());
      rt = ContainerRuntimes.linux(vertx, paths, images, null);
      String run = Long.toString(ProcessHandle.current().pid());
      for (int i = 0; i < 2 * n + WARMUP; i++) {
        all.add(
            await(
                rt.create(
                    ContainerSpec.of("mech-" + run + "-" + i, "busybox")
                        .withCommand(List.of("sleep", "1000")))));
      }
      long[][] took = new long[2][n];
      for (int i = 0; i < all.size(); i++) {
        boolean spawner = i % 2 == 0;
        System.setProperty("jcompose.shim.spawner", Boolean.toString(spawner));
        long t0 = System.nanoTime();
        await(rt.start(all.get(i).id()));
        long t = System.nanoTime() - t0;
        if (i >= WARMUP) {
          took[spawner ? 0 : 1][(i - WARMUP) / 2] = t;
        }
        Thread.sleep(100);
      }
      print("spawner", took[0]);
      print("process", took[1]);
    } finally {
      for (ContainerState c : all) {
        await(rt.remove(c.id(), true));
      }
      vertx.close();
      new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
    }
  }

  private static void print(String what, long[] t) {
    Arrays.sort(t);
    int n = t.length;
    System.out.printf(
        "start through %s: median %.1f ms, p10 %.1f ms, p90 %.1f ms, min %.1f ms (%d starts)%n",
        what, t[n / 2] / 1e6, t[n / 10] / 1e6, t[n * 9 / 10] / 1e6, t[0] / 1e6, n);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }
}
