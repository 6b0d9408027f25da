package io.jcompose.cli;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * Runs an attach stream with this process's stdio: plain relay without a terminal; with one, the
 * client terminal in raw mode and its size changes forwarded, as {@code exec} and {@code run} do.
 */
final class AttachedTerminal {

  private AttachedTerminal() {}

  /** Relays until the command ends; returns its exit code. */
  static int relay(SocketChannel channel, boolean tty) throws IOException {
    AttachedStream stream = new AttachedStream(channel);
    if (!tty) {
      return stream.relay(System.in, System.out, System.err);
    }
    try (RawTerminal raw = RawTerminal.enter();
        WindowResizes resizes = WindowResizes.follow(stream::resize)) {
      return stream.relay(System.in, System.out, System.err);
    }
  }
}
