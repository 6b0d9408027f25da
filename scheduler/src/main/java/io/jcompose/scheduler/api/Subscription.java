package io.jcompose.scheduler.api;

import io.vertx.core.Future;

/** A running stream (logs, events) the caller can end. */
public interface Subscription extends AutoCloseable {

  /** Completes when the stream has ended, by itself or by {@link #close()}. */
  Future<Void> ended();

  /** Stops the stream; idempotent. */
  @Override
  void close();
}
