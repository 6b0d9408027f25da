package io.jcompose.runtime.network;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/** A resolver on loopback that knows one name, standing in for the host's resolvers. */
final class FakeUpstream implements AutoCloseable {
  static final String NAME = "outside.example.";
  static final String ADDRESS = "10.9.8.7";
  final AtomicInteger queries = new AtomicInteger();
  private final DatagramSocket socket;
  final int port;

  FakeUpstream(Vertx vertx) throws Exception {
    this(vertx, "127.0.0.1", 0);
  }

  /** On {@code host}:{@code port} (0 for any free port). */
  FakeUpstream(Vertx vertx, String host, int port) throws Exception {
    socket = vertx.createDatagramSocket();
    socket.handler(
        p -> {
          queries.incrementAndGet();
          try {
            Message q = new Message(p.data().getBytes());
            Message r = new Message(q.getHeader().getID());
            r.getHeader().setFlag(Flags.QR);
            r.addRecord(q.getQuestion(), Section.QUESTION);
            if (q.getQuestion().getName().toString().equalsIgnoreCase(NAME)
                && q.getQuestion().getType() == org.xbill.DNS.Type.A) {
              r.addRecord(
                  new ARecord(
                      q.getQuestion().getName(), DClass.IN, 60, InetAddress.getByName(ADDRESS)),
                  Section.ANSWER);
            } else if (!q.getQuestion().getName().toString().equalsIgnoreCase(NAME)) {
              r.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            socket.send(Buffer.buffer(r.toWire()), p.sender().port(), p.sender().host());
          } catch (Exception e) {
            // A malformed test query gets no answer.
          }
        });
    this.port =
        socket
            .listen(port, host)
            .toCompletionStage()
            .toCompletableFuture()
            .get()
            .localAddress()
            .port();
  }

  @Override
  public void close() {
    socket.close();
  }
}
