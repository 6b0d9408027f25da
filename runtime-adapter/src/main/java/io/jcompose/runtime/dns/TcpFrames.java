package io.jcompose.runtime.dns;

import io.vertx.core.buffer.Buffer;
import java.util.function.Consumer;

/**
 * DNS over TCP framing (RFC 1035 4.2.2): each message is preceded by its length in two bytes, and a
 * chunk read from a socket may hold part of a message or parts of several. One instance per
 * connection collects chunks and hands out whole messages.
 */
final class TcpFrames {
  private Buffer pending = Buffer.buffer();

  /** Adds a chunk; calls {@code message} for every message it completes, in order. */
  void feed(Buffer chunk, Consumer<byte[]> message) {
    pending.appendBuffer(chunk);
    while (pending.length() >= 2) {
      int len = pending.getUnsignedShort(0);
      if (pending.length() < 2 + len) {
        return;
      }
      byte[] m = pending.getBytes(2, 2 + len);
      pending = pending.getBuffer(2 + len, pending.length());
      message.accept(m);
    }
  }

  /** A message with its length prefix, ready to write. */
  static Buffer frame(byte[] message) {
    return Buffer.buffer(message.length + 2)
        .appendUnsignedShort(message.length)
        .appendBytes(message);
  }
}
