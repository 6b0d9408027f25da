package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of tree values for one file: each read either returns the value in its canonical Java
 * type or throws a {@link ComposeFileException} naming the file and path. Strings stand in for
 * numbers and booleans because interpolation produces strings.
 */
final class ValueReader {
  final String file;

  ValueReader(String file) {
    this.file = file;
  }

  ComposeFileException error(String path, String detail) {
    return new ComposeFileException(file, path, detail);
  }

  /** Unwraps {@code !override}; {@code !reset} reads as null. */
  static Object plain(Object value) {
    if (value instanceof TaggedValue t) {
      return t.reset() ? null : t.value();
    }
    return value;
  }

  String string(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      throw error(path, "must be a string, got " + YamlTreeReader.kind(value));
    }
    return scalarText(value);
  }

  static String scalarText(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  String oneOf(Object value, String path, Collection<String> allowed) throws ComposeFileException {
    String s = string(value, path);
    if (s != null && !allowed.contains(s)) {
      throw error(path, "\"" + s + "\" is not one of " + String.join(", ", allowed));
    }
    return s;
  }

  Boolean bool(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof String s) {
      switch (s.toLowerCase()) {
        case "true", "yes", "y", "on", "1":
          return true;
        case "false", "no", "n", "off", "0":
          return false;
        default:
          break;
      }
    }
    throw error(path, "must be a boolean (true or false), got \"" + scalarText(value) + "\"");
  }

  Long integer(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s && s.strip().matches("[-+]?[0-9]{1,18}")) {
      return Long.parseLong(s.strip());
    }
    if (value instanceof BigInteger) {
      throw error(path, "number is too large");
    }
    throw error(path, "must be an integer, got " + describe(value));
  }

  Integer intValue(Object value, String path) throws ComposeFileException {
    Long l = integer(value, path);
    if (l == null) {
      return null;
    }
    if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) {
      throw error(path, "number " + l + " is out of range");
    }
    return l.intValue();
  }

  Double number(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && !(value instanceof BigInteger)) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        double d = Double.parseDouble(s.strip());
        if (!Double.isNaN(d) && !Double.isInfinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw error(path, "must be a number, got " + describe(value));
  }

  Long bytes(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue();
    }
    if (value instanceof String s) {
      Long parsed = ByteSize.parse(s);
      if (parsed != null) {
        return parsed;
      }
    }
    throw error(
        path, "invalid size " + describe(value) + "; use a number with b, k, m or g (e.g. 512m)");
  }

  Duration duration(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return null;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Duration.ofNanos(((Number) value).longValue());
    }
    if (value instanceof String s) {
      Duration d = GoDuration.parse(s);
      if (d != null) {
        return d;
      }
    }
    throw error(path, "invalid duration " + describe(value) + "; use e.g. 30s, 1m30s or 500ms");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw error(path, "must be a mapping, got " + YamlTreeReader.kind(value));
    }
    return (Map<String, Object>) value;
  }

  List<Object> list(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value == null) {
      return new ArrayList<>();
    }
    if (!(value instanceof List<?> l)) {
      throw error(path, "must be a list, got " + YamlTreeReader.kind(value));
    }
    return new ArrayList<>(l);
  }

  /** A list of strings; a single string becomes a one-element list. */
  List<String> stringOrList(Object value, String path) throws ComposeFileException {
    value = plain(value);
    if (value instanceof List) {
      return strings(value, path);
    }
    String s = string(value, path);
    return s == null ? new ArrayList<>() : new ArrayList<>(List.of(s));
  }

  List<String> strings(Object value, String path) throws ComposeFileException {
    List<Object> items = list(value, path);
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String s = string(items.get(i), TreePath.index(path, i));
      if (s == null) {
        throw error(TreePath.index(path, i), "must be a string, got null");
      }
      out.add(s);
    }
    return out;
  }

  /**
   * A string map from a mapping or a list of {@code key=value}; {@code nullForBare} keeps bare keys
   * and null values as null (environment) instead of empty strings (labels).
   */
  Map<String, Object> stringMap(Object value, String path, boolean nullForBare)
      throws ComposeFileException {
    value = plain(value);
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        String entry = string(l.get(i), TreePath.index(path, i));
        if (entry == null || entry.isEmpty()) {
          throw error(TreePath.index(path, i), "must be KEY=VALUE, got an empty value");
        }
        int eq = entry.indexOf('=');
        if (eq == 0) {
          throw error(TreePath.index(path, i), "\"" + entry + "\" has no key before =");
        }
        if (eq < 0) {
          out.put(entry, nullForBare ? null : "");
        } else {
          out.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      return out;
    }
    for (Map.Entry<String, Object> e : map(value, path).entrySet()) {
      Object v = e.getValue();
      if (v instanceof TaggedValue t && t.reset()) {
        out.put(e.getKey(), t);
        continue;
      }
      String s = string(v, TreePath.child(path, e.getKey()));
      out.put(e.getKey(), s == null && !nullForBare ? "" : s);
    }
    return out;
  }

  /** Rejects keys outside {@code allowed} (x- extensions always pass), suggesting a close one. */
  void knownKeys(Map<String, Object> map, String path, Set<String> allowed)
      throws ComposeFileException {
    for (String key : map.keySet()) {
      if (!allowed.contains(key) && !key.startsWith("x-")) {
        throw error(
            TreePath.child(path, key), "unknown attribute" + Suggestions.didYouMean(key, allowed));
      }
    }
  }

  static String describe(Object value) {
    value = plain(value);
    if (value instanceof Map || value instanceof List || value == null) {
      return YamlTreeReader.kind(value);
    }
    return "\"" + scalarText(value) + "\"";
  }
}
