package io.jcompose.scheduler.daemon;

import io.vertx.core.Future;

/**
 * Carries out one verb of the API. The future's value becomes the {@code result} of the final
 * {@code done} line (serialised with Jackson); a failure becomes the {@code error} line.
 */
@FunctionalInterface
public interface ApiHandler {

  /** Runs the verb; never blocks the calling event loop. */
  Future<?> handle(ApiCall call);
}
