package io.jcompose.runtime.proxy;

import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * Quick proxy-only check on loopback, not a figure of record (bench/network is): forwards
 * 127.0.0.1:(free) to 127.0.0.1:{@code args[0]} (a busybox httpd the caller started there) once on
 * one event loop and once on one per core, prints both ports ("one N" and "all N"), then stays up
 * for {@code args[1]} seconds so wrk can be pointed at each.
 */
public final class ProxyLoopbackBench {
  private ProxyLoopbackBench() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    int target = Integer.parseInt(args[0]);
    Forwarder one = open(vertx, target, 1);
    Forwarder all = open(vertx, target, Runtime.getRuntime().availableProcessors());
    System.out.println("one " + one.port());
    System.out.println("all " + all.port());
    System.out.flush();
    Thread.sleep(Long.parseLong(args[1]) * 1000);
    one.close();
    all.close();
    vertx.close();
  }

  private static Forwarder open(Vertx vertx, int target, int loops) throws Exception {
    return TcpForwarder.listen(vertx, "127.0.0.1", 0, "127.0.0.1", target, loops)
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }
}
