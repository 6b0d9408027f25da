package io.jcompose.model.loader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read access to one mapping of a canonical tree, whose values already have their canonical types
 * (the canonicalizer checked them), for binding to records.
 */
final class CanonicalNode {
  private final Map<String, Object> map;

  @SuppressWarnings("unchecked")
  CanonicalNode(Object map) {
    this.map = map instanceof Map ? (Map<String, Object>) map : Map.of();
  }

  boolean has(String key) {
    return map.get(key) != null;
  }

  Object raw(String key) {
    return map.get(key);
  }

  String str(String key) {
    Object v = map.get(key);
    return v == null ? null : ValueReader.scalarText(v);
  }

  boolean flag(String key) {
    return Boolean.TRUE.equals(map.get(key));
  }

  Boolean bool(String key) {
    return (Boolean) map.get(key);
  }

  Long lng(String key) {
    Object v = map.get(key);
    return v == null ? null : ((Number) v).longValue();
  }

  Integer integer(String key) {
    Object v = map.get(key);
    return v == null ? null : ((Number) v).intValue();
  }

  Double dbl(String key) {
    Object v = map.get(key);
    return v == null ? null : ((Number) v).doubleValue();
  }

  Duration duration(String key) {
    return (Duration) map.get(key);
  }

  CanonicalNode node(String key) {
    return map.get(key) == null ? null : new CanonicalNode(map.get(key));
  }

  @SuppressWarnings("unchecked")
  List<Object> list(String key) {
    Object v = map.get(key);
    return v == null ? List.of() : (List<Object>) v;
  }

  List<String> strings(String key) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) v) {
      out.add(ValueReader.scalarText(o));
    }
    return out;
  }

  List<String> stringsOrEmpty(String key) {
    List<String> l = strings(key);
    return l == null ? List.of() : l;
  }

  /** A string map; null values are kept. */
  Map<String, String> stringMap(String key) {
    Object v = map.get(key);
    Map<String, String> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> m) {
      m.forEach((k, val) -> out.put((String) k, val == null ? null : ValueReader.scalarText(val)));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> objectMap(String key) {
    Object v = map.get(key);
    return v instanceof Map ? (Map<String, Object>) v : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> mapList(String key) {
    return (List<Map<String, Object>>) (List<?>) list(key);
  }

  Map<String, Object> extensions() {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (k.startsWith("x-")) {
            out.put(k, v);
          }
        });
    return out;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> asMap() {
    return map;
  }
}
