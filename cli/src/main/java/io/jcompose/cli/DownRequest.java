package io.jcompose.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.ProjectInput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of {@code POST /v1/down} ({@code {"input": ProjectInput, "name": …, "options":
 * DownOptions}}, see docs/API.md), written with Jackson's streaming generator as {@link UpRequest}
 * is: the daemon loads the compose files when there are any ({@code input}), else goes by the
 * project name alone, so this short-lived JVM neither parses YAML nor builds an {@code
 * ObjectMapper}. A test decodes this output with the API's mapper and compares the records.
 */
final class DownRequest {

  private static final JsonFactory FACTORY = new JsonFactory();

  private DownRequest() {}

  /**
   * @param input the files to load, or null when {@code -p} names a project without files
   * @param name the project name when {@code input} is null
   * @param options the options; their project must be null (the daemon loads it)
   */
  static byte[] encode(ProjectInput input, String name, DownOptions options) {
    if (options.project() != null) {
      throw new IllegalArgumentException(
          "the down request carries no project model: the daemon loads it");
    }
    if (input == null && name == null) {
      throw new IllegalArgumentException("the down request needs compose files or a project name");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      if (input != null) {
        g.writeFieldName("input");
        UpRequest.input(g, input);
      } else {
        g.writeStringField("name", name);
      }
      g.writeObjectFieldStart("options");
      UpRequest.strings(g, "services", options.services());
      g.writeBooleanField("removeOrphans", options.removeOrphans());
      g.writeBooleanField("volumes", options.volumes());
      g.writeStringField("removeImages", options.removeImages());
      UpRequest.duration(g, "timeout", options.timeout());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the down request", e);
    }
    return bytes.toByteArray();
  }
}
