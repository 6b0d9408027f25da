package io.jcompose.runtime.dns;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The DNS service of the networks: one UDP and one TCP listener on each network's gateway address.
 * Every listener answers from the same {@link DnsTable} (replaced atomically by {@link
 * #update(DnsTable)}) and forwards unknown names to the client's {@code dns} servers or the host's
 * resolvers.
 */
public final class DnsServer {
  private static final System.Logger LOG = System.getLogger(DnsServer.class.getName());
  private final Vertx vertx;
  private final int port;
  private final Supplier<List<String>> hostUpstreams;
  private final UpstreamForwarder forwarder;
  private final DnsAnswers answers = new DnsAnswers();
  private final Map<String, Listener> listeners = new ConcurrentHashMap<>();
  private volatile DnsTable table = DnsTable.EMPTY;

  private record Listener(String address, DatagramSocket udp, NetServer tcp) {}

  /**
   * @param port port to listen on (53)
   * @param hostUpstreams the host's resolvers, read on each forwarded query so edits apply
   * @param upstreamPort port of the upstream resolvers (53)
   */
  public DnsServer(Vertx vertx, int port, Supplier<List<String>> hostUpstreams, int upstreamPort) {
    this.vertx = vertx;
    this.port = port;
    this.hostUpstreams = hostUpstreams;
    this.forwarder = new UpstreamForwarder(vertx, upstreamPort);
  }

  /** Replaces the names every listener answers, effective for the next query. */
  public void update(DnsTable newTable) {
    table = newTable;
  }

  /** The names currently answered. */
  public DnsTable table() {
    return table;
  }

  /** Starts listening for a network on its gateway address (no-op when it already listens). */
  public Future<Void> listen(String network, String address) {
    if (listeners.containsKey(network)) {
      return Future.succeededFuture();
    }
    DatagramSocket udp =
        vertx.createDatagramSocket(new DatagramSocketOptions().setReuseAddress(true));
    udp.handler(
        packet ->
            handle(packet.data().getBytes(), packet.sender().host(), network, true)
                .onSuccess(
                    bytes ->
                        udp.send(
                            Buffer.buffer(bytes), packet.sender().port(), packet.sender().host())));
    NetServer tcp =
        vertx
            .createNetServer(new NetServerOptions().setReuseAddress(true))
            .connectHandler(socket -> serveTcp(socket, network));
    return udp.listen(port, address)
        .compose(u -> tcp.listen(port, address))
        .<Void>mapEmpty()
        .onSuccess(v -> listeners.put(network, new Listener(address, udp, tcp)))
        .onFailure(
            e -> {
              udp.close();
              tcp.close();
            })
        .recover(
            e ->
                Future.failedFuture(
                    new io.jcompose.runtime.api.RuntimeFailure(
                        "network "
                            + network
                            + ": cannot serve DNS on "
                            + address
                            + ":"
                            + port
                            + ": "
                            + e.getMessage(),
                        e)));
  }

  /** Stops a network's listeners. */
  public Future<Void> close(String network) {
    Listener l = listeners.remove(network);
    if (l == null) {
      return Future.succeededFuture();
    }
    return Future.join(l.udp().close(), l.tcp().close()).mapEmpty();
  }

  /** Stops every listener and the client that forwards to the host's resolvers. */
  public Future<Void> closeAll() {
    List<Future<Void>> all = new ArrayList<>();
    for (String network : List.copyOf(listeners.keySet())) {
      all.add(close(network));
    }
    all.add(forwarder.close());
    return Future.join(all).mapEmpty();
  }

  private Future<byte[]> handle(byte[] wire, String source, String network, boolean udp) {
    DnsAnswers.Outcome outcome;
    try {
      outcome = answers.answer(wire, table, source, network, udp);
    } catch (java.io.IOException | RuntimeException e) {
      return Future.failedFuture(e); // Not a DNS message: drop it, like any server.
    }
    if (outcome.localAnswer() != null) {
      return Future.succeededFuture(outcome.localAnswer());
    }
    List<String> upstreams = table.upstreamsOf(source);
    if (upstreams.isEmpty()) {
      upstreams = hostUpstreams.get();
    }
    return forwarder
        .forward(wire, upstreams, !udp)
        .map(answer -> udp ? answers.fit(answer, outcome.query()) : answer)
        .recover(
            e -> {
              LOG.log(Level.DEBUG, "forwarding failed: " + e.getMessage());
              return Future.succeededFuture(
                  answers.error(outcome.query(), org.xbill.DNS.Rcode.SERVFAIL, udp));
            });
  }

  private void serveTcp(NetSocket socket, String network) {
    TcpFrames frames = new TcpFrames();
    String source = socket.remoteAddress().host();
    socket.handler(
        chunk ->
            frames.feed(
                chunk,
                message ->
                    handle(message, source, network, false)
                        .onSuccess(bytes -> socket.write(TcpFrames.frame(bytes)))
                        .onFailure(e -> socket.close())));
  }
}
