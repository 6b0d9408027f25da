package io.jcompose.runtime.dns;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.util.List;

/**
 * Sends a query to upstream resolvers over UDP, one after the other until one answers within the
 * timeout. Each query uses its own socket (a fresh random source port), so answers cannot be
 * confused or spoofed across queries.
 */
final class UpstreamForwarder {
  private static final long TIMEOUT_MS = 2000;
  private final Vertx vertx;
  private final int port;

  UpstreamForwarder(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
  }

  Future<byte[]> forward(byte[] query, List<String> upstreams) {
    return attempt(query, upstreams, 0);
  }

  private Future<byte[]> attempt(byte[] query, List<String> upstreams, int index) {
    if (index >= upstreams.size()) {
      return Future.failedFuture("no upstream resolver answered");
    }
    return once(query, upstreams.get(index)).recover(e -> attempt(query, upstreams, index + 1));
  }

  private Future<byte[]> once(byte[] query, String upstream) {
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
