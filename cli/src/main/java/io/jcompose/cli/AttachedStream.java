package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * The client side of an attach stream (docs/API.md): copies this process's stdin to the daemon in
 * frames and the daemon's stdout/stderr frames to ours, until the exit frame; {@link #resize} sends
 * the terminal's size. The channel is read and written directly, not through {@code Channels}
 * streams, which share one lock and would stall a write behind a blocked read.
 */
final class AttachedStream {

  private final SocketChannel channel;

  AttachedStream(SocketChannel channel) {
    this.channel = channel;
  }

  /** Relays until the command ends; returns its exit code. */
  int relay(InputStream stdin, OutputStream stdout, PrintStream stderr) throws IOException {
    Thread feeder = new Thread(() -> feed(stdin), "attach-stdin");
    feeder.setDaemon(true);
    feeder.start();
    try (channel) {
      ByteBuffer head = ByteBuffer.allocate(5);
      while (true) {
        head.clear();
        readFully(head);
        byte type = head.get(0);
        int length = head.getInt(1);
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload);
        byte[] bytes = payload.array();
        switch (type) {
          case 1 -> {
            stdout.write(bytes);
            stdout.flush();
          }
          case 2 -> {
            stderr.write(bytes);
            stderr.flush();
          }
          case 3 -> {
            return ByteBuffer.wrap(bytes).getInt();
          }
          case 4 -> throw new CliException(new String(bytes, StandardCharsets.UTF_8), 1, null);
          default -> throw new IOException("unknown frame type " + type + " from the daemon");
        }
      }
    }
  }

  private void feed(InputStream stdin) {
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = stdin.read(buf)) >= 0) {
        if (n > 0) {
          send((byte) 0, buf, n);
        }
      }
      send((byte) 1, buf, 0);
    } catch (IOException e) {
      // The stream closed: the command ended or the daemon went away; relay() reports it.
    }
  }

  /** Tells the daemon the terminal's new size; lost when the stream has already ended. */
  void resize(int columns, int lines) {
    byte[] size = ByteBuffer.allocate(8).putInt(columns).putInt(lines).array();
    try {
      send((byte) 2, size, size.length);
    } catch (IOException e) {
      // The command has ended; its size no longer matters.
    }
  }

  private synchronized void send(byte type, byte[] data, int n) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(5 + n).put(type).putInt(n).put(data, 0, n).flip();
    while (frame.hasRemaining()) {
      channel.write(frame);
    }
  }

  private void readFully(ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      if (channel.read(buf) < 0) {
        throw new IOException("the daemon closed the stream before the command's exit code");
      }
    }
  }
}
