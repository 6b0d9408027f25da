package io.jcompose.model.render;

import io.jcompose.model.loader.GoDuration;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/** A mapping being rendered that leaves out what docker compose leaves out: null, empty, false. */
final class DocumentMap {
  private final Map<String, Object> map;

  DocumentMap(Map<String, Object> map) {
    this.map = map;
  }

  void put(String key, Object value) {
    if (value == null || Boolean.FALSE.equals(value)) {
      return;
    }
    if (value instanceof Collection<?> c && c.isEmpty()) {
      return;
    }
    if (value instanceof Map<?, ?> m && m.isEmpty()) {
      return;
    }
    map.put(key, value);
  }

  /** Puts even empty or false values (they mean something, like {@code command: []}). */
  void putAlways(String key, Object value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  Map<String, Object> map() {
    return map;
  }

  static String bytes(Long value) {
    return value == null ? null : Long.toString(value);
  }

  static String duration(Duration d) {
    return d == null ? null : GoDuration.format(d);
  }
}
