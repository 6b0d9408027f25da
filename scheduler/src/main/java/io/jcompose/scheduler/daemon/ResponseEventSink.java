package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Streams events as newline-delimited JSON on one HTTP response. Writes are moved onto the
 * response's context, so handlers may emit from workers.
 */
final class ResponseEventSink implements EventSink {

  private final HttpServerResponse response;
  private final Context context;
  private final ObjectMapper mapper;
  private final AtomicBoolean ended = new AtomicBoolean();
  private final List<Runnable> closeActions = new CopyOnWriteArrayList<>();

  ResponseEventSink(HttpServerResponse response, Context context, ObjectMapper mapper) {
    this.response = response;
    this.context = context;
    this.mapper = mapper;
    response.closeHandler(v -> clientGone());
  }

  @Override
  public void emit(Object event) {
    if (ended.get()) {
      return;
    }
    String line = toLine(event);
    context.runOnContext(
        v -> {
          if (!ended.get() && !response.closed()) {
            response.write(line);
          }
        });
  }

  @Override
  public boolean isOpen() {
    return !ended.get();
  }

  @Override
  public void onClose(Runnable action) {
    closeActions.add(action);
  }

  /** Writes the final {@code done} line and ends the response. */
  void finish(Object result) {
    Map<String, Object> done = new java.util.LinkedHashMap<>();
    done.put("type", DaemonProtocol.DONE);
    done.put("result", result);
    end(toLine(done));
  }

  /** Writes the final {@code error} line and ends the response. */
  void fail(ApiFailure failure) {
    end(
        toLine(
            Map.of(
                "type", DaemonProtocol.ERROR,
                "kind", failure.kind(),
                "message", failure.message())));
  }

  private void end(String lastLine) {
    context.runOnContext(
        v -> {
          if (ended.compareAndSet(false, true) && !response.closed()) {
            response.end(lastLine);
          }
        });
  }

  private void clientGone() {
    if (ended.compareAndSet(false, true)) {
      closeActions.forEach(Runnable::run);
    }
  }

  private String toLine(Object event) {
    try {
      return mapper.writeValueAsString(event) + "\n";
    } catch (JsonProcessingException e) {
      // A value the mapper cannot write is a bug in the daemon; say so in the stream.
      return "{\"type\":\"error\",\"kind\":\"internal\",\"message\":\"cannot encode event: "
          + e.getOriginalMessage().replace("\"", "'")
          + "\"}\n";
    }
  }
}
