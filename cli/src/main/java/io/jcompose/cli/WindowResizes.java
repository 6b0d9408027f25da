package io.jcompose.cli;

import java.util.function.BiConsumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Follows the client terminal's size while an attached command runs: on {@code SIGWINCH} it reads
 * the new size and hands it on (to the daemon, which sets the container's terminal to it). Closing
 * puts the previous handler back.
 */
final class WindowResizes implements AutoCloseable {

  private static final Signal WINCH = new Signal("WINCH");

  private final SignalHandler previous;

  private WindowResizes(BiConsumer<Integer, Integer> sink) {
    this.previous =
        Signal.handle(
            WINCH,
            sig -> {
              int[] size = RawTerminal.size();
              if (size[0] > 0 && size[1] > 0) {
                sink.accept(size[0], size[1]);
              }
            });
  }

  /** Starts following; {@code sink} gets (columns, lines) after each change. */
  static WindowResizes follow(BiConsumer<Integer, Integer> sink) {
    return new WindowResizes(sink);
  }

  @Override
  public void close() {
    Signal.handle(WINCH, previous);
  }
}
