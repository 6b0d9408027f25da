package io.jcompose.runtime.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import java.io.DataInputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The TCP client to the upstream resolvers is closed with the server, on loopback only. */
class UpstreamForwarderTest {
  private Vertx vertx;
  private NetServer upstream;
  private final AtomicInteger connections = new AtomicInteger();

  /** An upstream over TCP that answers each query with itself, flagged as a response. */
  @BeforeEach
  void startUpstream() throws Exception {
    vertx = Vertx.vertx();
    upstream =
        vertx
            .createNetServer()
            .connectHandler(
                s -> {
                  connections.incrementAndGet();
                  // Test queries arrive whole: one write each, far below a segment's size.
                  s.handler(
                      frame -> {
                        byte[] b = frame.getBytes();
                        b[4] |= (byte) 0x80; // QR: after the 2-byte length, in the flags byte.
                        s.write(Buffer.buffer(b));
                      });
                });
    await(upstream.listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  void closedForwarderOpensNoMoreConnections() throws Exception {
    UpstreamForwarder forwarder = new UpstreamForwarder(vertx, upstream.actualPort());
    byte[] query = query("outside.example.").toWire();

    assertThat(await(forwarder.forward(query, List.of("127.0.0.1"), true))).hasSize(query.length);
    await(forwarder.close());

    assertThatThrownBy(() -> await(forwarder.forward(query, List.of("127.0.0.1"), true)))
        .hasMessageContaining("no upstream resolver answered");
    assertThat(connections).hasValue(1);
  }

  @Test
  void closeAllClosesTheForwardingClientWithTheListeners() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    DnsServer server =
        new DnsServer(vertx, port, () -> List.of("127.0.0.1"), upstream.actualPort());
    await(server.listen("p_a", "127.0.0.1"));
    assertThat(askOverTcp(port).getRcode()).isEqualTo(Rcode.NOERROR);

    await(server.closeAll());
    // Listening again shows what closeAll left: a forwarder that no longer connects.
    await(server.listen("p_a", "127.0.0.1"));
    try {
      assertThat(askOverTcp(port).getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(connections).hasValue(1);
    } finally {
      await(server.closeAll());
    }
  }

  private static Message askOverTcp(int port) throws Exception {
    byte[] wire = query("outside.example.").toWire();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      s.getOutputStream().write(new byte[] {(byte) (wire.length >> 8), (byte) wire.length});
      s.getOutputStream().write(wire);
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      return new Message(answer);
    }
  }

  private static Message query(String name) throws Exception {
    return Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, 1));
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
