package io.jcompose.runtime.dns;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.List;

/**
 * Sends a query to upstream resolvers, one after the other until one answers within the timeout:
 * over UDP, or over TCP when the client asked over TCP or the UDP answer came back truncated (then
 * the same upstream is asked again over TCP, and the truncated answer is the fallback). Each UDP
 * query uses its own socket (a fresh random source port), so answers cannot be confused or spoofed
 * across queries.
 */
final class UpstreamForwarder {
  private static final long TIMEOUT_MS = 2000;
  private final Vertx vertx;
  private final int port;
  private final NetClient tcp;

  UpstreamForwarder(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.tcp = vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) TIMEOUT_MS));
  }

  /** Closes the TCP client; forwarding over TCP fails after this. */
  Future<Void> close() {
    return tcp.close();
  }

  Future<byte[]> forward(byte[] query, List<String> upstreams, boolean overTcp) {
    return attempt(query, upstreams, 0, overTcp);
  }

  private Future<byte[]> attempt(byte[] query, List<String> upstreams, int index, boolean overTcp) {
    if (index >= upstreams.size()) {
      return Future.failedFuture("no upstream resolver answered");
    }
    String upstream = upstreams.get(index);
    Future<byte[]> answer =
        overTcp
            ? overTcp(query, upstream)
            : overUdp(query, upstream)
                .compose(
                    udp ->
                        truncated(udp)
                            ? overTcp(query, upstream).recover(e -> Future.succeededFuture(udp))
                            : Future.succeededFuture(udp));
    return answer.recover(e -> attempt(query, upstreams, index + 1, overTcp));
  }

  /** Whether the TC flag (third byte, bit 2) is set. */
  private static boolean truncated(byte[] answer) {
    return answer.length > 2 && (answer[2] & 0x02) != 0;
  }

  private Future<byte[]> overTcp(byte[] query, String upstream) {
    Promise<byte[]> answer = Promise.promise();
    long timer = vertx.setTimer(TIMEOUT_MS, t -> answer.tryFail("timeout from " + upstream));
    tcp.connect(port, upstream)
        .onSuccess(
            socket -> {
              TcpFrames frames = new TcpFrames();
              socket.handler(chunk -> frames.feed(chunk, answer::tryComplete));
              socket.closeHandler(v -> answer.tryFail("closed by " + upstream));
              socket.write(TcpFrames.frame(query));
              answer.future().onComplete(r -> socket.close());
            })
        .onFailure(answer::tryFail);
    return answer.future().andThen(r -> vertx.cancelTimer(timer));
  }

  private Future<byte[]> overUdp(byte[] query, String upstream) {
    DatagramSocket socket = vertx.createDatagramSocket();
    Promise<byte[]> answer = Promise.promise();
    long timer = vertx.setTimer(TIMEOUT_MS, t -> answer.tryFail("timeout from " + upstream));
    socket.handler(
        packet -> {
          // Only the asked server's answer to this very query (same message id) counts.
          if (packet.sender().host().equals(upstream)
              && packet.data().length() >= 2
              && packet.data().getShort(0)
                  == (short) (((query[0] & 0xff) << 8) | (query[1] & 0xff))) {
            answer.tryComplete(packet.data().getBytes());
          }
        });
    socket
        .listen(0, "0.0.0.0")
        .compose(s -> s.send(Buffer.buffer(query), port, upstream))
        .onFailure(answer::tryFail);
    return answer
        .future()
        .andThen(
            r -> {
              vertx.cancelTimer(timer);
              socket.close();
            });
  }
}
