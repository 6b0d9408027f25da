package io.jcompose.scheduler.daemon;

/**
 * Where a handler streams events while it runs: each becomes one JSON line of the response. Safe to
 * call from any thread; events after the stream has ended are dropped.
 */
public interface EventSink {

  /** Sends one event (any Jackson-serialisable value, usually a record or a map). */
  void emit(Object event);

  /** Whether the client is still connected; long streams ({@code logs -f}) stop when it is not. */
  boolean isOpen();

  /** Runs {@code action} once when the client disconnects before the stream has ended. */
  void onClose(Runnable action);
}
