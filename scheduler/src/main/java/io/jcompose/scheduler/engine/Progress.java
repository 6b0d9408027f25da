package io.jcompose.scheduler.engine;

import io.jcompose.scheduler.api.ProgressEvent;
import io.vertx.core.Handler;

/** A null-safe progress sink; a failing renderer never fails the verb. */
final class Progress {

  static final Progress NONE = new Progress(null);

  private final Handler<ProgressEvent> sink;

  Progress(Handler<ProgressEvent> sink) {
    this.sink = sink;
  }

  void working(String resource, String status) {
    emit(ProgressEvent.working(resource, status));
  }

  /** A step under way with a detail, such as a layer's {@code 12.3MB/40MB}. */
  void working(String resource, String status, String detail) {
    emit(
        new ProgressEvent(
            resource, status, ProgressEvent.Kind.WORKING, detail, java.time.Instant.now()));
  }

  void done(String resource, String status) {
    emit(ProgressEvent.done(resource, status));
  }

  void warning(String resource, String message) {
    emit(ProgressEvent.warning(resource, message));
  }

  void error(String resource, String message) {
    emit(ProgressEvent.error(resource, message));
  }

  private void emit(ProgressEvent e) {
    if (sink != null) {
      try {
        sink.handle(e);
      } catch (RuntimeException ignored) {
        // The renderer (often a closed HTTP stream) failing must not change what the engine does.
      }
    }
  }

  static String container(String name) {
    return "Container " + name;
  }
}
