package io.jcompose.scheduler.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.AttachedExec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An attached command's output relayed to a client over loopback TCP. */
class AttachSessionTest {

  private static final long OUTPUT = 256L << 20;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void slowReader_pausesTheCommandsOutputInsteadOfBufferingIt() throws Exception {
    AtomicLong produced = new AtomicLong();
    Promise<Integer> exit = Promise.promise();
    AttachedExec exec =
        new AttachedExec(
            OutputStream.nullOutputStream(),
            output(produced),
            InputStream.nullInputStream(),
            exit.future());
    NetServer server =
        vertx
            .createNetServer()
            .connectHandler(socket -> AttachSession.relay(socket, Future.succeededFuture(exec)));
    int port =
        server
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS)
            .actualPort();
    try (SocketChannel client = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
      // The client reads nothing for a while: the output must stop far short of its 256 MiB.
      long seen = settled(produced);
      assertThat(seen).isLessThan(32L << 20);

      // Reading on lets the output go on: the session was paused, not stuck.
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      long read = 0;
      while (read < seen + (8L << 20)) {
        buf.clear();
        int n = client.read(buf);
        if (n < 0) {
          break;
        }
        read += n;
      }
      assertThat(produced.get()).isGreaterThan(seen);
    } finally {
      exit.tryComplete(0);
    }
  }

  /** The output count once it stopped growing for half a second (or after 10 s). */
  private static long settled(AtomicLong produced) throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 40; i++) {
      Thread.sleep(250);
      long now = produced.get();
      if (now == last && now > 0) {
        return now;
      }
      last = now;
    }
    return produced.get();
  }

  /** {@code OUTPUT} bytes of output, counting what was read. */
  private static InputStream output(AtomicLong produced) {
    return new InputStream() {
      @Override
      public int read() {
        return read(new byte[1], 0, 1) < 0 ? -1 : 0;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long left = OUTPUT - produced.get();
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(len, left);
        produced.addAndGet(n);
        return n;
      }
    };
  }
}
