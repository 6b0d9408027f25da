package io.jcompose.cli.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.scheduler.api.ProgressEvent;
import java.io.PrintStream;

/** Each event as one JSON object a line ({@code --progress json}), for tools. */
final class JsonProgress implements ProgressView {

  private final PrintStream out;
  private final ObjectMapper mapper;

  JsonProgress(PrintStream out, ObjectMapper mapper) {
    this.out = out;
    this.mapper = mapper;
  }

  @Override
  public void show(ProgressEvent event) {
    try {
      out.println(mapper.writeValueAsString(event));
    } catch (JsonProcessingException e) {
      out.println("{\"status\":\"Error\",\"detail\":\"cannot encode a progress event\"}");
    }
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }
}
