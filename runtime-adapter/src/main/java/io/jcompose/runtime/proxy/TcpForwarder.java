package io.jcompose.runtime.proxy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One published TCP port: a {@link TcpSplicer} per event loop, all on the same host address and
 * port. One event loop alone was the bottleneck on a new-connection-per-request load (its accept,
 * connect and close queue up behind each other while other cores idle), so connections are spread
 * over as many loops as the host has cores.
 */
final class TcpForwarder implements Forwarder {
  private static final int EVENT_LOOPS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /**
   * Netty's acceptor logger, quietened for as long as this class is loaded (a static field: the
   * logging framework keeps loggers only weakly, and would forget the level). Closing a server lets
   * go of its event loops before the listening socket is closed, in Vert.x itself (a single server
   * or a shared one, close or shutdown alike), so a connection accepted in that moment has no loop:
   * Netty resets it, as a closed port would, and logs a stack trace per connection. No order of
   * closing on our side avoids that moment; the reset is right, the trace is noise. The same
   * unadopted connection, when its client resets it first, reaches the tail of a pipeline nobody
   * handles and Netty logs that too (seen in 1 of 2 runs of TcpForwarderCloseTest at load 1–3): the
   * pipeline's warning is quietened with the acceptor's. Connections Vert.x adopted have its
   * exception handlers and never reach that tail.
   */
  private static final java.util.logging.Logger ACCEPTOR_LOG =
      quiet("io.netty.bootstrap.ServerBootstrap");

  private static final java.util.logging.Logger UNADOPTED_PIPELINE_LOG =
      quiet("io.netty.channel.DefaultChannelPipeline");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
    log.setLevel(java.util.logging.Level.SEVERE);
    return log;
  }

  private final Vertx vertx;
  private final int port;
  private final String deployment;

  private TcpForwarder(Vertx vertx, int port, String deployment) {
    this.vertx = vertx;
    this.port = port;
    this.deployment = deployment;
  }

  /** Listens on {@code host:port} (port 0 for a free one). */
  static Future<Forwarder> listen(
      Vertx vertx, String host, int port, String targetHost, int targetPort) {
    return listen(vertx, host, port, targetHost, targetPort, EVENT_LOOPS);
  }

  /** As {@link #listen(Vertx, String, int, String, int)} on {@code loops} event loops. */
  static Future<Forwarder> listen(
      Vertx vertx, String host, int port, String targetHost, int targetPort, int loops) {
    // An address literal: connecting never goes through the name resolver.
    SocketAddress target = SocketAddress.inetSocketAddress(targetPort, targetHost);
    // Filled by Vert.x calling the supplier once per instance before any of them starts.
    List<TcpSplicer> splicers = new CopyOnWriteArrayList<>();
    // One instance per event loop, all asking for the same port: Vert.x binds the socket once and
    // shares it (a random port too) between the instances of this one deployment.
    return vertx
        .deployVerticle(
            () -> {
              TcpSplicer s = new TcpSplicer(host, port, target);
              splicers.add(s);
              return s;
            },
            new DeploymentOptions().setInstances(loops))
        .map(id -> new TcpForwarder(vertx, splicers.get(0).port(), id));
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public Future<Void> close() {
    // Undeploying stops every instance, which closes its server and client.
    return vertx.undeploy(deployment);
  }
}
