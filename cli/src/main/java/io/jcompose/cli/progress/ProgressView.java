package io.jcompose.cli.progress;

import io.jcompose.scheduler.api.ProgressEvent;

/** Shows the progress events of one verb as they arrive. */
public interface ProgressView extends AutoCloseable {

  /** Shows one event. Called from the thread reading the daemon's stream. */
  void show(ProgressEvent event);

  /** Draws the final state and releases the terminal; idempotent. */
  @Override
  void close();
}
