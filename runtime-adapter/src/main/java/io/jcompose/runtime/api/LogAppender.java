package io.jcompose.runtime.api;

/** Appends lines to a container's log, as if its process had written them there. */
@FunctionalInterface
public interface LogAppender {
  /** An appender that keeps nothing (a runtime without logs). */
  LogAppender NONE = (stream, line) -> {};

  /**
   * Appends one line (without its line end) of {@code stream} ({@code stdout} or {@code stderr}),
   * stamped with the current time. Blocking: call it from a worker thread.
   */
  void append(String stream, String line);
}
