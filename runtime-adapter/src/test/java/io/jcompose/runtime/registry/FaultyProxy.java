package io.jcompose.runtime.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a test registry that breaks responses on purpose: it cuts
 * the first connection that has carried more than {@code after} response bytes, or flips one byte
 * at that point of every connection. It records the requests it forwarded.
 */
final class FaultyProxy implements AutoCloseable {

  enum Fault {
    CUT_ONCE,
    CORRUPT,
    /** Stops forwarding on the first connection past the mark, keeping it open. */
    STALL_ONCE
  }

  private final ServerSocket server;
  private final int upstreamPort;
  private final Fault fault;
  private final long after;
  private final AtomicBoolean cut = new AtomicBoolean();
  private final StringBuffer requests = new StringBuffer();
  final AtomicInteger faults = new AtomicInteger();

  FaultyProxy(int upstreamPort, Fault fault, long after) throws IOException {
    this.upstreamPort = upstreamPort;
    this.fault = fault;
    this.after = after;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread acceptor = new Thread(this::acceptLoop, "faulty-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String host() {
    return "127.0.0.1:" + server.getLocalPort();
  }

  /** Everything clients sent, as text (request lines and headers). */
  String requests() {
    return requests.toString();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        start(() -> pump(client, upstream, true));
        start(() -> pump(upstream, client, false));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void start(Runnable r) {
    Thread t = new Thread(r, "faulty-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void pump(Socket from, Socket to, boolean isRequest) {
    byte[] buf = new byte[1 << 16];
    long total = 0;
    boolean corrupted = false;
    try (InputStream in = from.getInputStream()) {
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buf)) > 0) {
        if (isRequest) {
          requests.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        } else if (total + n > after) {
          int at = (int) Math.max(0, after - total);
          if (fault == Fault.CUT_ONCE && cut.compareAndSet(false, true)) {
            out.write(buf, 0, at);
            out.flush();
            faults.incrementAndGet();
            to.setSoLinger(true, 0); // reset, like a dropped connection
            to.close();
            from.close();
            return;
          }
          if (fault == Fault.STALL_ONCE && cut.compareAndSet(false, true)) {
            out.write(buf, 0, at);
            out.flush();
            faults.incrementAndGet();
            while (!server.isClosed() && !to.isClosed()) {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                return;
              }
            }
            return;
          }
          if (fault == Fault.CORRUPT && !corrupted) {
            buf[at] ^= 0x5a;
            corrupted = true;
            faults.incrementAndGet();
          }
        }
        out.write(buf, 0, n);
        total += n;
      }
    } catch (IOException e) {
      // One side went away: close the other.
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
