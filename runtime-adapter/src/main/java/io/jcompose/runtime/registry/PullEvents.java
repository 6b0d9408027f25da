package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.PullProgress;
import io.jcompose.runtime.api.PullProgress.Phase;
import java.util.function.Consumer;

/** Sends a pull's progress events to the caller's listener, which must never break the pull. */
final class PullEvents {

  private final String reference;
  private final Consumer<PullProgress> listener;

  PullEvents(String reference, Consumer<PullProgress> listener) {
    this.reference = reference;
    this.listener = listener;
  }

  void image(Phase phase) {
    send(new PullProgress(reference, reference, phase, 0, 0));
  }

  void blob(Descriptor blob, Phase phase, long done) {
    send(new PullProgress(reference, blob.shortId(), phase, done, Math.max(blob.size(), 0)));
  }

  private void send(PullProgress event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      // A renderer bug must not fail a download; the event is dropped.
    }
  }
}
