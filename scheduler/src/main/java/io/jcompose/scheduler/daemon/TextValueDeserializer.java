package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.util.function.Function;

/** Reads a value written as text by parsing the string ({@code Instant::parse}). */
final class TextValueDeserializer<T> extends StdScalarDeserializer<T> {

  private final transient Function<String, T> parse;

  TextValueDeserializer(Class<T> type, Function<String, T> parse) {
    super(type);
    this.parse = parse;
  }

  @Override
  public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String text = p.getValueAsString();
    try {
      return text == null ? null : parse.apply(text);
    } catch (RuntimeException e) {
      return (T) ctxt.handleWeirdStringValue(handledType(), text, e.getMessage());
    }
  }
}
