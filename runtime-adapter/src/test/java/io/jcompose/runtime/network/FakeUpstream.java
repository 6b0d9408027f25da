package io.jcompose.runtime.network;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A resolver on loopback, over UDP and TCP on the same port, standing in for the host's resolvers.
 * It knows {@link #NAME} (one address) and {@link #BIG} ({@link #BIG_COUNT} addresses, more than a
 * 512-byte UDP answer holds: over UDP it answers truncated with TC, as real resolvers do).
 */
final class FakeUpstream implements AutoCloseable {
  static final String NAME = "outside.example.";
  static final String ADDRESS = "10.9.8.7";
  static final String BIG = "big.example.";
  static final int BIG_COUNT = 40;
  final AtomicInteger queries = new AtomicInteger();
  final AtomicInteger tcpQueries = new AtomicInteger();
  private DatagramSocket socket;
  private NetServer tcp;
  int port;

  FakeUpstream(Vertx vertx) throws Exception {
    this(vertx, "127.0.0.1", 0);
  }

  /** On {@code host}:{@code port} (0 for a port free for both UDP and TCP). */
  FakeUpstream(Vertx vertx, String host, int port) throws Exception {
    for (int attempt = 0; ; attempt++) {
      DatagramSocket udp = vertx.createDatagramSocket();
      udp.handler(
          p -> {
            queries.incrementAndGet();
            byte[] answer = answer(p.data().getBytes(), true);
            if (answer != null) {
              udp.send(Buffer.buffer(answer), p.sender().port(), p.sender().host());
            }
          });
      int bound = get(udp.listen(port, host)).localAddress().port();
      NetServer server = vertx.createNetServer().connectHandler(this::serveTcp);
      try {
        get(server.listen(bound, host));
      } catch (Exception taken) {
        // The free UDP port's TCP twin is in use: try another one.
        udp.close();
        if (port != 0 || attempt == 20) {
          throw taken;
        }
        continue;
      }
      this.socket = udp;
      this.tcp = server;
      this.port = bound;
      return;
    }
  }

  private void serveTcp(NetSocket s) {
    // Test queries arrive whole: one write each, far below a segment's size.
    Buffer[] pending = {Buffer.buffer()};
    s.handler(
        chunk -> {
          pending[0].appendBuffer(chunk);
          if (pending[0].length() < 2 || pending[0].length() < 2 + pending[0].getUnsignedShort(0)) {
            return;
          }
          tcpQueries.incrementAndGet();
          byte[] answer = answer(pending[0].getBytes(2, pending[0].length()), false);
          pending[0] = Buffer.buffer();
          if (answer != null) {
            s.write(Buffer.buffer().appendUnsignedShort(answer.length).appendBytes(answer));
          }
        });
  }

  private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get();
  }

  private static byte[] answer(byte[] wire, boolean udp) {
    try {
      Message q = new Message(wire);
      Message r = new Message(q.getHeader().getID());
      r.getHeader().setFlag(Flags.QR);
      r.addRecord(q.getQuestion(), Section.QUESTION);
      String name = q.getQuestion().getName().toString();
      boolean a = q.getQuestion().getType() == Type.A;
      if (name.equalsIgnoreCase(NAME) && a) {
        r.addRecord(record(q, InetAddress.getByName(ADDRESS)), Section.ANSWER);
      } else if (name.equalsIgnoreCase(BIG) && a) {
        for (int i = 1; i <= BIG_COUNT; i++) {
          r.addRecord(record(q, InetAddress.getByName("10.9.9." + i)), Section.ANSWER);
        }
      } else if (!name.equalsIgnoreCase(NAME) && !name.equalsIgnoreCase(BIG)) {
        r.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      return udp ? r.toWire(512) : r.toWire();
    } catch (Exception e) {
      return null; // A malformed test query gets no answer.
    }
  }

  private static ARecord record(Message q, InetAddress address) {
    return new ARecord(q.getQuestion().getName(), DClass.IN, 60, address);
  }

  @Override
  public void close() {
    socket.close();
    tcp.close();
  }
}
