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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops N busybox containers (default 50) one after another, then all at once, and
 * prints the time per start, the shims' resident memory and the disk each container uses beyond
 * the shared image layer. Run as root through bench/runtime/run.sh.
 */
public class RuntimeBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path base = Files.createTempDirectory("jcompose-bench");
    Vertx vertx = Vertx.vertx();
    try {
      RuntimePaths paths = new RuntimePaths(base.resolve("root"), base.resolve("run"));
      BusyboxImageStore images =
          BusyboxImageStore.create(base.resolve("image"), BusyboxImageStore.defaultConfig());
      ContainerRuntime rt = ContainerRuntimes.linux(vertx, paths, images, null);
      System.out.printf("containers: %d, image layer: %d KiB%n", n, du(base.resolve("image")));

      // A daemon is long-lived: warm the JVM's code paths up before measuring.
      int warm = Integer.getInteger("warmup", 20);
      for (int round = 0; round < 2 && warm > 0; round++) {
        List<ContainerState> w = createAll(rt, warm, "warmup" + round);
        for (ContainerState c : w) {
          await(rt.start(c.id()));
        }
        removeAll(rt, w);
      }

      List<ContainerState> seq = createAll(rt, n, "seq");
      long[] each = new long[n];
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        long s = System.nanoTime();
        await(rt.start(seq.get(i).id()));
        each[i] = System.nanoTime() - s;
      }
      long seqStart = System.nanoTime() - t0;
      java.util.Arrays.sort(each);
      System.out.printf(
          "sequential start: median %.1f ms, p10 %.1f ms, p90 %.1f ms, min %.1f ms%n",
          each[n / 2] / 1e6, each[n / 10] / 1e6, each[n * 9 / 10] / 1e6, each[0] / 1e6);
      report(rt, paths, seq);
      t0 = System.nanoTime();
      for (ContainerState c : seq) {
        await(rt.stop(c.id(), Duration.ZERO));
      }
      long seqStop = System.nanoTime() - t0;
      System.out.printf("sequential: start %.1f ms/container, stop %.1f ms/container%n",
          seqStart / 1e6 / n, seqStop / 1e6 / n);
      removeAll(rt, seq);

      List<ContainerState> par = createAll(rt, n, "par");
      t0 = System.nanoTime();
      await(Future.all(par.stream().map(c -> rt.start(c.id())).toList()));
      long parStart = System.nanoTime() - t0;
      t0 = System.nanoTime();
      await(Future.all(par.stream().map(c -> rt.stop(c.id(), Duration.ZERO)).toList()));
      long parStop = System.nanoTime() - t0;
      System.out.printf("parallel: %d starts in %.0f ms (%.1f ms/container), %d stops in %.0f ms%n",
          n, parStart / 1e6, parStart / 1e6 / n, n, parStop / 1e6);
      removeAll(rt, par);
    } finally {
      vertx.close();
      new ProcessBuilder("rm", "-rf", base.toString()).inheritIO().start().waitFor();
    }
  }

  private static List<ContainerState> createAll(ContainerRuntime rt, int n, String prefix) {
    List<ContainerState> out = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      out.add(await(rt.create(ContainerSpec.of("bench-" + prefix + "-" + i + "-" + ProcessHandle.current().pid(), "busybox")
          .withCommand(List.of("sleep", "1000")))));
    }
    System.out.printf("%s: create %.1f ms/container%n", prefix, (System.nanoTime() - t0) / 1e6 / n);
    return out;
  }

  private static void removeAll(ContainerRuntime rt, List<ContainerState> cs) {
    for (ContainerState c : cs) {
      await(rt.remove(c.id(), true));
    }
  }

  /** Shim RSS (the container process's parent) and the disk of each container directory. */
  private static void report(ContainerRuntime rt, RuntimePaths paths, List<ContainerState> cs)
      throws Exception {
    long rss = 0;
    long max = 0;
    for (ContainerState c : cs) {
      ContainerState now = await(rt.inspect(c.id()));
      String stat = new String(Files.readAllBytes(Path.of("/proc", Integer.toString(now.pid()), "stat")));
      int ppid = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
      for (String line : Files.readAllLines(Path.of("/proc", Integer.toString(ppid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          long kib = Long.parseLong(line.replaceAll("\\D", ""));
          rss += kib;
          max = Math.max(max, kib);
        }
      }
    }
    long disk = du(paths.containers()) / cs.size();
    System.out.printf("shim RSS: %d KiB average, %d KiB max; disk per container: %d KiB%n",
        rss / cs.size(), max, disk);
  }

  private static long du(Path dir) throws Exception {
    Process p = new ProcessBuilder("du", "-sk", dir.toString()).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor();
    return Long.parseLong(out.split("\\s+")[0]);
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
