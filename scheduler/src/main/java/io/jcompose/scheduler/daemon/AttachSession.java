package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.AttachedExec;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Relays one attached command over an upgraded connection in frames of a type byte, a 4-byte
 * big-endian length and the payload. Client to daemon: 0 stdin bytes, 1 end of stdin, 2 terminal
 * size (columns and lines, 4 bytes each). Daemon to client: 1 stdout, 2 stderr, 3 exit code (4
 * bytes), 4 error message; the daemon then closes. The process streams block, so each has its own
 * thread, and so do resizes.
 */
final class AttachSession {

  static final byte STDIN = 0;
  static final byte STDIN_END = 1;
  static final byte RESIZE = 2;
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte EXIT = 3;
  static final byte ERROR = 4;

  private final NetSocket socket;
  private final LinkedBlockingQueue<byte[]> input = new LinkedBlockingQueue<>();
  private final LinkedBlockingQueue<int[]> sizes = new LinkedBlockingQueue<>();
  private Buffer pending = Buffer.buffer();
  // Signalled when the socket's write queue drains or the socket closes (the pumps wait on it).
  private final Object writable = new Object();
  private volatile boolean closed;

  private AttachSession(NetSocket socket) {
    this.socket = socket;
    socket.drainHandler(v -> wakePumps());
  }

  private void wakePumps() {
    synchronized (writable) {
      writable.notifyAll();
    }
  }

  /**
   * Back-pressure: a client that reads slowly must not make the daemon buffer the command's whole
   * output. The pump stops reading the process (whose pipe then fills and blocks it) until the
   * socket has room again.
   */
  private void awaitRoom() throws InterruptedException {
    synchronized (writable) {
      while (socket.writeQueueFull() && !closed) {
        // Timed: a drain signalled between the check and the wait is not lost for long.
        writable.wait(100);
      }
    }
  }

  /** Relays {@code exec} once it starts, or sends its failure and closes. */
  static void relay(NetSocket socket, Future<AttachedExec> exec) {
    AttachSession session = new AttachSession(socket);
    socket.handler(session::received);
    // A client that goes away ends stdin: a shell reading it then exits.
    socket.closeHandler(
        v -> {
          session.closed = true;
          session.wakePumps();
          session.input.add(new byte[0]);
          session.sizes.add(new int[0]);
        });
    exec.onComplete(
        started -> {
          if (started.failed()) {
            String message = String.valueOf(started.cause().getMessage());
            socket
                .write(frame(ERROR, message.getBytes(StandardCharsets.UTF_8)))
                .onComplete(w -> socket.close());
          } else {
            session.start(started.result());
          }
        });
  }

  private void start(AttachedExec exec) {
    Thread out = pump(exec.stdout(), STDOUT);
    Thread err = pump(exec.stderr(), STDERR);
    thread("attach-stdin", () -> feed(exec.stdin()));
    thread("attach-resize", () -> resize(exec.resizer()));
    exec.exitCode()
        .onComplete(
            code ->
                thread(
                    "attach-exit",
                    () -> {
                      join(out);
                      join(err);
                      byte[] payload =
                          Buffer.buffer()
                              .appendInt(code.succeeded() ? code.result() : 125)
                              .getBytes();
                      socket.write(frame(EXIT, payload)).onComplete(w -> socket.close());
                      input.add(new byte[0]);
                      sizes.add(new int[0]);
                    }));
  }

  private Thread pump(InputStream in, byte type) {
    return thread(
        "attach-output",
        () -> {
          byte[] buf = new byte[8192];
          try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
              if (n > 0) {
                byte[] chunk = java.util.Arrays.copyOf(buf, n);
                socket.write(frame(type, chunk));
                awaitRoom();
              }
            }
          } catch (IOException e) {
            // The process ended or its pipe broke: the exit frame follows either way.
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private void feed(OutputStream stdin) {
    try (stdin) {
      while (true) {
        byte[] chunk = input.take();
        if (chunk.length == 0) {
          return;
        }
        stdin.write(chunk);
        stdin.flush();
      }
    } catch (IOException | InterruptedException e) {
      // The process no longer reads its stdin: drop the rest.
    }
  }

  private void resize(AttachedExec.Resizer resizer) {
    try {
      while (true) {
        int[] size = sizes.take();
        if (size.length == 0) {
          return;
        }
        // Only the newest size matters when several queued up.
        int[] newer;
        while ((newer = sizes.peek()) != null && newer.length == 2) {
          size = sizes.poll();
        }
        resizer.resize(size[0], size[1]);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A terminal that cannot be resized only looks wrong; the session goes on.
    }
  }

  private void received(Buffer data) {
    pending.appendBuffer(data);
    while (pending.length() >= 5) {
      int length = pending.getInt(1);
      if (length < 0) {
        socket.close(); // not a frame this protocol sends
        return;
      }
      if (pending.length() < 5 + length) {
        return;
      }
      byte type = pending.getByte(0);
      byte[] payload = pending.getBytes(5, 5 + length);
      pending = pending.getBuffer(5 + length, pending.length());
      if (type == STDIN_END) {
        input.add(new byte[0]);
      } else if (type == STDIN && payload.length > 0) {
        input.add(payload);
      } else if (type == RESIZE && payload.length == 8) {
        Buffer size = Buffer.buffer(payload);
        sizes.add(new int[] {size.getInt(0), size.getInt(4)});
      }
    }
  }

  private static Buffer frame(byte type, byte[] payload) {
    return Buffer.buffer(5 + payload.length)
        .appendByte(type)
        .appendInt(payload.length)
        .appendBytes(payload);
  }

  private static Thread thread(String name, Runnable work) {
    Thread t = new Thread(work, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
