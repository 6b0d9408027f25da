package io.jcompose.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.ProjectInput;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /v1/up} ({@code {"input": ProjectInput, "options": UpOptions}}, see
 * docs/API.md), written with Jackson's streaming generator: an {@code ObjectMapper} costs a
 * short-lived CLI more CPU than the whole request. The daemon reads it with its mapper, so the
 * field names and forms are those of the records (durations as ISO-8601 strings); a test decodes
 * this output with the API's mapper and compares the records.
 */
final class UpRequest {

  private static final JsonFactory FACTORY = new JsonFactory();

  private UpRequest() {}

  static byte[] encode(ProjectInput input, UpOptions options) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeFieldName("input");
      input(g, input);
      g.writeFieldName("options");
      g.writeStartObject();
      g.writeFieldName("create");
      create(g, options.create());
      g.writeFieldName("start");
      start(g, options.start());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the up request", e);
    }
    return bytes.toByteArray();
  }

  /** Writes {@code in} as the API's mapper would (also the input of {@link DownRequest}). */
  static void input(JsonGenerator g, ProjectInput in) throws IOException {
    g.writeStartObject();
    g.writeStringField("workingDir", in.workingDir());
    strings(g, "files", in.files());
    g.writeStringField("stdin", in.stdin());
    g.writeStringField("projectName", in.projectName());
    g.writeStringField("projectDirectory", in.projectDirectory());
    strings(g, "envFiles", in.envFiles());
    strings(g, "profiles", in.profiles());
    g.writeObjectFieldStart("environment");
    for (Map.Entry<String, String> e : in.environment().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    strings(g, "services", in.services());
    g.writeEndObject();
  }

  private static void create(JsonGenerator g, CreateOptions c) throws IOException {
    g.writeStartObject();
    strings(g, "services", c.services());
    g.writeObjectFieldStart("scale");
    for (Map.Entry<String, Integer> e : c.scale().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeStringField("recreate", c.recreate().name());
    g.writeStringField("recreateDependencies", c.recreateDependencies().name());
    g.writeBooleanField("removeOrphans", c.removeOrphans());
    g.writeBooleanField("noDeps", c.noDeps());
    g.writeStringField("pull", c.pull());
    duration(g, "timeout", c.timeout());
    g.writeNumberField("parallel", c.parallel());
    g.writeEndObject();
  }

  private static void start(JsonGenerator g, StartOptions s) throws IOException {
    if (s.project() != null) {
      throw new IllegalArgumentException(
          "the up request carries no project model: the daemon loads it");
    }
    g.writeStartObject();
    strings(g, "services", s.services());
    g.writeBooleanField("noStart", s.noStart());
    g.writeBooleanField("waitReady", s.waitReady());
    duration(g, "waitTimeout", s.waitTimeout());
    g.writeEndObject();
  }

  static void duration(JsonGenerator g, String name, Duration d) throws IOException {
    g.writeStringField(name, d == null ? null : d.toString());
  }

  static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
