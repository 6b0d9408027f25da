package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A command running in a container with its standard streams handed to the caller. The streams
 * block: read and write them on worker threads, never on an event loop.
 *
 * @param stdin the command's standard input; closing it sends end of file
 * @param stdout the command's standard output (with a terminal: the terminal's output, stderr
 *     included)
 * @param stderr the command's standard error; empty with a terminal
 * @param exitCode completes with the command's exit code once it ends
 * @param resizer changes the size of the command's terminal; does nothing without one
 */
public record AttachedExec(
    OutputStream stdin,
    InputStream stdout,
    InputStream stderr,
    Future<Integer> exitCode,
    Resizer resizer) {

  public AttachedExec {
    resizer = resizer == null ? Resizer.NONE : resizer;
  }

  /** A command whose terminal cannot be resized (or that has none). */
  public AttachedExec(
      OutputStream stdin, InputStream stdout, InputStream stderr, Future<Integer> exitCode) {
    this(stdin, stdout, stderr, exitCode, Resizer.NONE);
  }

  /** Returns a copy whose exit code is {@code exitCode}. */
  public AttachedExec withExitCode(Future<Integer> exitCode) {
    return new AttachedExec(stdin, stdout, stderr, exitCode, resizer);
  }

  /** Sets the size of a command's terminal, as a terminal window's resize does. */
  @FunctionalInterface
  public interface Resizer {
    /** A resizer for a command without a terminal: ignores every size. */
    Resizer NONE = (columns, lines) -> {};

    /**
     * Sets the terminal to {@code columns} by {@code lines}; the command gets {@code SIGWINCH}.
     * Blocking but quick (an ioctl); failures are ignored, as a lost resize only looks wrong.
     */
    void resize(int columns, int lines);
  }
}
