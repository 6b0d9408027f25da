package io.jcompose.runtime.proxy;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;

/**
 * One event loop's share of a published TCP port: a server on the host address whose connections
 * are spliced to the container port, with back-pressure both ways (Vert.x pipes pause the faster
 * side). Several splicers on the same host address and port share one listening socket, and Vert.x
 * hands each accepted connection to the next of them, so a port uses every event loop.
 */
final class TcpSplicer extends VerticleBase {
  private final String host;
  private final int port;
  private final SocketAddress target;
  private NetServer server;
  private NetClient client;

  TcpSplicer(String host, int port, SocketAddress target) {
    this.host = host;
    this.port = port;
    this.target = target;
  }

  @Override
  public Future<?> start() {
    client =
        vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5000));
    server =
        vertx
            .createNetServer(new NetServerOptions().setTcpNoDelay(true).setReuseAddress(true))
            .connectHandler(this::splice);
    return server.listen(port, host);
  }

  @Override
  public Future<?> stop() {
    return Future.join(server.close(), client.close());
  }

  /** The port listened on (the chosen one when 0 was asked). */
  int port() {
    return server.actualPort();
  }

  private void splice(NetSocket inbound) {
    // Nothing read until the container side is there to take it.
    inbound.pause();
    client
        .connect(target)
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
