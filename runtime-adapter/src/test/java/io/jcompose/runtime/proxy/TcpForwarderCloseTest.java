package io.jcompose.runtime.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Closing a published port while clients keep connecting to it logs nothing. */
class TcpForwarderCloseTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getLoggerName() + ": " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @AfterEach
  void close() throws Exception {
    root.removeHandler(capture);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void close_underAStreamOfNewConnections_logsNoStackTrace() throws Exception {
    root.addHandler(capture);
    NetServer target =
        vertx
            .createNetServer()
            .connectHandler(s -> s.handler(b -> {}))
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    for (int round = 0; round < 5; round++) {
      Forwarder forwarder =
          TcpForwarder.listen(vertx, "127.0.0.1", 0, "127.0.0.1", target.actualPort(), 4)
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> clients = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 3; i++) {
        Thread t = new Thread(() -> connectUntil(stop, forwarder.port()));
        t.start();
        clients.add(t);
      }
      Thread.sleep(150);
      forwarder.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      Thread.sleep(50);
      stop.set(true);
      for (Thread t : clients) {
        t.join(5000);
      }
    }
    assertThat(logged).isEmpty();
  }

  private static void connectUntil(AtomicBoolean stop, int port) {
    while (!stop.get()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      } catch (IOException e) {
        // Refused once the port is closed: keep knocking until told to stop.
      }
    }
  }
}
