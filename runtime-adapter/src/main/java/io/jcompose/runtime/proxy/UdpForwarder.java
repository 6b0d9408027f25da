package io.jcompose.runtime.proxy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One published UDP port. Each client address gets its own session socket toward the container, so
 * replies find their way back to the right client; sessions idle for a minute are closed.
 */
final class UdpForwarder implements Forwarder {
  private static final long IDLE_MS = 60_000;
  private final Vertx vertx;
  private final DatagramSocket socket;
  private final String targetHost;
  private final int targetPort;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final long sweeper;

  private static final class Session {
    final DatagramSocket socket;
    final Future<DatagramSocket> ready;
    volatile long lastUse = System.currentTimeMillis();

    Session(DatagramSocket socket, Future<DatagramSocket> ready) {
      this.socket = socket;
      this.ready = ready;
    }
  }

  private UdpForwarder(Vertx vertx, String host, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.socket =
        vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(host.contains(":")));
    this.socket.handler(p -> relay(p.sender(), p.data()));
    this.sweeper = vertx.setPeriodic(IDLE_MS / 2, t -> sweep());
  }

  static Future<Forwarder> listen(
      Vertx vertx, String host, int port, String targetHost, int targetPort) {
    UdpForwarder f = new UdpForwarder(vertx, host, targetHost, targetPort);
    return f.socket
        .listen(port, host)
        .<Forwarder>map(s -> f)
        .onFailure(e -> vertx.cancelTimer(f.sweeper));
  }

  @Override
  public int port() {
    return socket.localAddress().port();
  }

  @Override
  public Future<Void> close() {
    vertx.cancelTimer(sweeper);
    List<Future<Void>> all = new ArrayList<>();
    sessions.values().forEach(s -> all.add(s.socket.close()));
    sessions.clear();
    all.add(socket.close());
    return Future.join(all).mapEmpty();
  }

  private void relay(SocketAddress client, Buffer data) {
    String key = client.host() + ":" + client.port();
    Session session = sessions.computeIfAbsent(key, k -> open(client));
    session.lastUse = System.currentTimeMillis();
    session.ready.onSuccess(s -> s.send(data, targetPort, targetHost));
  }

  private Session open(SocketAddress client) {
    DatagramSocket toContainer = vertx.createDatagramSocket();
    toContainer.handler(
        reply -> {
          Session s = sessions.get(client.host() + ":" + client.port());
          if (s != null) {
            s.lastUse = System.currentTimeMillis();
          }
          socket.send(reply.data(), client.port(), client.host());
        });
    return new Session(toContainer, toContainer.listen(0, "0.0.0.0"));
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    sessions
        .entrySet()
        .removeIf(
            e -> {
              boolean idle = now - e.getValue().lastUse > IDLE_MS;
              if (idle) {
                e.getValue().socket.close();
              }
              return idle;
            });
  }
}
