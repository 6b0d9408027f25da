package io.jcompose.model.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Immutable copies used by the model records' compact constructors. */
final class Frozen {
  private Frozen() {}

  /** An immutable copy; null becomes empty. */
  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An immutable copy that keeps null (attribute absent) apart from empty. */
  static <T> List<T> nullableList(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /**
   * An immutable copy sorted by key, so iteration and JSON output are stable; null becomes empty
   * and null values are kept (an environment variable named without a value).
   */
  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
