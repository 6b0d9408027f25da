package io.jcompose.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The JSON form of the model records used between the CLI and the daemon: {@link #mapper()} turns a
 * {@link Project} into JSON and back into an equal record. Durations are ISO-8601 strings,
 * properties and map keys are sorted, nulls are left out.
 */
public final class ProjectJson {
  private static final ObjectMapper MAPPER = create();

  private ProjectJson() {}

  /** The shared, thread-safe mapper configured for the model records. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The project as JSON. */
  public static String write(Project project) {
    try {
      return MAPPER.writeValueAsString(project);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The project a {@link #write} produced.
   *
   * @throws IOException when the text is not a project in this form
   */
  public static Project read(String json) throws IOException {
    return MAPPER.readValue(json, Project.class);
  }

  private static ObjectMapper create() {
    SimpleModule durations = new SimpleModule("jcompose-durations");
    durations.addSerializer(
        Duration.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    durations.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext ctxt)
              throws IOException {
            return Duration.parse(p.getValueAsString());
          }
        });
    return JsonMapper.builder()
        .addModule(durations)
        .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
        .build();
  }
}
