package io.jcompose.runtime.network;

import static io.jcompose.runtime.network.NetworkDriverIT.await;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDriver.Attachment;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmarks of the network driver (run by {@code bench/network/run.sh}, as root): endpoint setup
 * and teardown time per container for N containers, then wrk through a published port against
 * busybox httpd in a namespace, beside wrk straight to the container address.
 */
public final class NetworkBench {
  private NetworkBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    String duration = args.length > 1 ? args[1] : "10s";
    Path tmp = Files.createTempDirectory("jcompose-netbench");
    System.out.println("state and run dirs under " + tmp + "; load: " + loadAverage());
    String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2);
    Vertx vertx = Vertx.vertx();
    RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    NetworkDriver driver = NetworkDrivers.linux(vertx, paths);
    PortPublisher proxy = NetworkDrivers.portProxy(vertx, paths);
    await(driver.start());
    await(proxy.start());
    String net = "bench" + run + "_default";
    List<String> ids = new ArrayList<>();
    Process httpd = null;
    try {
      NetworkInfo info = await(driver.create(NetworkSpec.of(net, Map.of())));
      // Warm-up: JIT, page cache of ip/unshare/nsenter.
      for (int i = 0; i < 3; i++) {
        String id = run + "-warm-" + i;
        await(driver.attach(AttachSpec.of(id, "w", List.of(EndpointSpec.of(net, "w")))));
        await(driver.detach(id));
      }
      // Round 1 right after start (the JIT still compiling), then detached; round 2 warm.
      attachAll(driver, net, run + "-r1-", count, ids, "attach, round 1 (fresh JVM)");
      double[] detach1 = new double[count];
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        await(driver.detach(ids.get(i)));
        detach1[i] = (System.nanoTime() - t0) / 1e6;
      }
      ids.clear();
      report("detach, round 1", detach1);
      // The kernel destroys namespaces in the background; let it finish before the next phase.
      Thread.sleep(3000);
      attachDetachAtOnce(driver, net, run + "-p-", count);
      Thread.sleep(3000);
      attachAll(driver, net, run + "-c-", count, ids, "attach, round 2 (warm JVM)");

      EndpointBench.Result endpoints = EndpointBench.compare(info, tmp.resolve("endpoints"), count);
      report(
          "endpoint alone over rtnetlink (netns + veth + address + routes + lo)",
          endpoints.netlinkMs());
      report(
          "endpoint alone, former way (unshare + ip -batch, host side in-process)",
          endpoints.ipMs());
      System.out.printf(
          "endpoint alone, CPU of JVM + children per endpoint: rtnetlink %.2f ms, former way %.2f ms%n",
          endpoints.netlinkCpuMs(), endpoints.ipCpuMs());
      // The kernel destroys namespaces in the background; let it finish before the next phase.
      Thread.sleep(3000);
      Attachment web = await(driver.attachment(ids.get(0)));
      Path docroot = Files.createDirectories(tmp.resolve("www"));
      Files.writeString(docroot.resolve("index.html"), "x".repeat(612));
      httpd =
          new ProcessBuilder(
                  "nsenter",
                  "--net=" + web.netns(),
                  "busybox",
                  "httpd",
                  "-f",
                  "-p",
                  "80",
                  "-h",
                  docroot.toString())
              .start();
      Thread.sleep(300);
      int port =
          await(
                  proxy.publish(
                      ids.get(0),
                      web.primaryAddress(),
                      List.of(PortBinding.tcp(0, 80).withHostIp("127.0.0.1"))))
              .get(0)
              .hostPort();
      String direct = "http://" + web.primaryAddress() + "/";
      String proxied = "http://127.0.0.1:" + port + "/";
      if (System.getenv("BENCH_PAUSE") != null) {
        System.out.println("proxy on 127.0.0.1:" + port + ", container " + web.primaryAddress());
        Thread.sleep(Long.parseLong(System.getenv("BENCH_PAUSE")) * 1000);
      }
      DockerProxy docker = null;
      if (DockerProxy.installed()) {
        docker = DockerProxy.start(web.primaryAddress(), 80);
      } else {
        System.out.println("\ndocker-proxy: " + DockerProxy.BINARY + " missing; no comparison");
      }
      Map<String, String> targets = new java.util.LinkedHashMap<>();
      targets.put("direct to the container", direct);
      targets.put("through the jcompose proxy", proxied);
      if (docker != null) {
        targets.put("through docker-proxy", "http://127.0.0.1:" + docker.port() + "/");
      }
      try {
        System.out.println("\nload before wrk: " + loadAverage());
        for (int connections : new int[] {8, 32}) {
          // Targets in turn, twice, so a change of load hits each of them alike.
          for (int round = 0; round < 2; round++) {
            for (Map.Entry<String, String> t : targets.entrySet()) {
              System.out.printf(
                  "wrk -t2 -c%d -d%s %s (%s): %s%n",
                  connections,
                  duration,
                  t.getValue(),
                  t.getKey(),
                  wrk(connections, duration, t.getValue()));
            }
          }
        }
        System.out.println("load after wrk: " + loadAverage());
      } finally {
        if (docker != null) {
          docker.close();
        }
      }
      await(proxy.unpublish(ids.get(0)));

      double[] detach = new double[count];
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        await(driver.detach(ids.get(i)));
        detach[i] = (System.nanoTime() - t0) / 1e6;
      }
      ids.clear();
      report("detach, round 2", detach);
    } finally {
      if (httpd != null) {
        httpd.destroyForcibly();
      }
      for (String id : ids) {
        await(driver.detach(id));
      }
      long r0 = System.nanoTime();
      await(driver.remove(net));
      System.out.printf(
          "remove the network (waits until the kernel has destroyed the detached endpoints): %.2f"
              + " ms%n",
          (System.nanoTime() - r0) / 1e6);
      await(proxy.stop());
      await(driver.stop());
      vertx.close();
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  private static void attachAll(
      NetworkDriver driver, String net, String prefix, int count, List<String> ids, String what)
      throws Exception {
    double[] attach = new double[count];
    long cpu0 = cpuNanos();
    for (int i = 0; i < count; i++) {
      String id = prefix + i;
      long t0 = System.nanoTime();
      await(driver.attach(AttachSpec.of(id, "c" + i, List.of(EndpointSpec.of(net, "svc")))));
      attach[i] = (System.nanoTime() - t0) / 1e6;
      ids.add(id);
    }
    long cpu = cpuNanos() - cpu0;
    report(what + ": netns + veth + address + route + files + DNS", attach);
    System.out.printf(
        "%s: CPU of the JVM + any processes it ran: %.2f ms per container%n",
        what, cpu / 1e6 / count);
  }

  /** All attaches issued at once, then all detaches, as {@code up} and {@code down} do. */
  private static void attachDetachAtOnce(NetworkDriver driver, String net, String prefix, int count)
      throws Exception {
    List<String> ids = new ArrayList<>();
    List<io.vertx.core.Future<Attachment>> attaching = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + i);
      attaching.add(
          driver.attach(AttachSpec.of(prefix + i, "p" + i, List.of(EndpointSpec.of(net, "svc")))));
    }
    await(io.vertx.core.Future.all(attaching));
    long t1 = System.nanoTime();
    await(io.vertx.core.Future.all(ids.stream().map(driver::detach).toList()));
    long t2 = System.nanoTime();
    System.out.printf(
        "%d attaches issued at once: %.0f ms until all done; then %d detaches at once: %.0f ms%n",
        count, (t1 - t0) / 1e6, count, (t2 - t1) / 1e6);
  }

  /** CPU time of this JVM plus its reaped children ({@code /proc/self/stat} cutime, cstime). */
  static long cpuNanos() throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
    return os.getProcessCpuTime() + ticks * 10_000_000L;
  }

  private static void report(String what, double[] ms) {
    double[] s = ms.clone();
    Arrays.sort(s);
    double mean = Arrays.stream(s).average().orElse(0);
    System.out.printf(
        "%s, %d containers: mean %.2f ms, median %.2f ms, p95 %.2f ms, max %.2f ms, total %.0f ms%n",
        what,
        s.length,
        mean,
        s[s.length / 2],
        s[(int) Math.floor(s.length * 0.95)],
        s[s.length - 1],
        Arrays.stream(s).sum());
  }

  /** Requests per second, plus wrk's error counts when it reports any. */
  private static String wrk(int connections, String duration, String url) throws Exception {
    Process p =
        new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration, url)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    StringBuilder b = new StringBuilder();
    for (String line : out.split("\n")) {
      String l = line.strip();
      if (l.startsWith("Requests/sec:")) {
        b.insert(0, l.substring("Requests/sec:".length()).strip() + " req/s");
      } else if (l.startsWith("Socket errors") || l.startsWith("Non-2xx")) {
        b.append("; ").append(l);
      }
    }
    return b.length() == 0 ? out.strip() : b.toString();
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }
}
