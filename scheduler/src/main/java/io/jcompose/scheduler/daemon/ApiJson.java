package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Duration;
import java.time.Instant;

/** The JSON mapper of the API: records as objects, times as ISO-8601 strings, nulls left out. */
public final class ApiJson {

  private ApiJson() {}

  /** A new mapper configured for the API. */
  public static ObjectMapper mapper() {
    SimpleModule times = new SimpleModule("jcompose-times");
    // ISO-8601 text (2026-01-02T03:04:05Z, PT1.5S) is what both ends and scripts read most easily.
    times.addSerializer(Instant.class, ToStringSerializer.instance);
    times.addSerializer(Duration.class, ToStringSerializer.instance);
    times.addDeserializer(
        Instant.class, new TextValueDeserializer<>(Instant.class, Instant::parse));
    times.addDeserializer(
        Duration.class, new TextValueDeserializer<>(Duration.class, Duration::parse));
    return new ObjectMapper()
        .registerModule(times)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
