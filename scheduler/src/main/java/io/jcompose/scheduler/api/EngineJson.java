package io.jcompose.scheduler.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.jcompose.model.api.ProjectJson;
import java.io.IOException;
import java.time.Instant;

/**
 * The JSON form of the engine's records between daemon and CLI: the model's mapper ({@link
 * ProjectJson}) plus instants as ISO-8601 strings.
 */
public final class EngineJson {

  private static final ObjectMapper MAPPER = create();

  private EngineJson() {}

  /** The shared, thread-safe mapper for every record of this package and the model's. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule instants = new SimpleModule("jcompose-instants");
    instants.addSerializer(
        Instant.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    instants.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Instant.parse(p.getValueAsString());
          }
        });
    return ProjectJson.mapper().copy().registerModule(instants);
  }
}
