package io.jcompose.runtime.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

/**
 * One published TCP port: accepts on the host address and splices each connection to the container
 * port, with back-pressure both ways (Vert.x pipes pause the faster side).
 */
final class TcpForwarder implements Forwarder {
  private final NetServer server;
  private final NetClient client;
  private final String targetHost;
  private final int targetPort;

  private TcpForwarder(Vertx vertx, String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.client =
        vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
    this.server =
        vertx
            .createNetServer(new NetServerOptions().setTcpNoDelay(true))
            .connectHandler(this::splice);
  }

  /** Listens on {@code host:port} (port 0 for a free one). */
  static Future<Forwarder> listen(
      Vertx vertx, String host, int port, String targetHost, int targetPort) {
    TcpForwarder f = new TcpForwarder(vertx, targetHost, targetPort);
    return f.server.listen(port, host).<Forwarder>map(s -> f).onFailure(e -> f.client.close());
  }

  @Override
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<Void> close() {
    return Future.join(server.close(), client.close()).mapEmpty();
  }

  private void splice(NetSocket inbound) {
    inbound.pause();
    client
        .connect(targetPort, targetHost)
        .onSuccess(
            outbound -> {
              // Client done sending: half-close toward the container, keep reading its answer.
              inbound.pipeTo(outbound);
              // Container done: nothing more can come back, so close both ends at once.
              outbound
                  .pipeTo(inbound)
                  .onComplete(
                      done -> {
                        inbound.close();
                        outbound.close();
                      });
              inbound.closeHandler(v -> outbound.close());
            })
        .onFailure(e -> inbound.close());
  }
}
