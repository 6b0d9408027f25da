package io.jcompose.model.loader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Stage 5: merges canonical trees as the Compose specification says: mappings merge by key,
 * sequences append (without exact duplicates), scalars are replaced, and the per-path rules below
 * override that. {@code !reset} removes a value, {@code !override} replaces it whole.
 */
final class TreeMerger {

  /** How one path merges. */
  private sealed interface Rule permits Replace, KeyedList {}

  private record Replace() implements Rule {}

  private record KeyedList(Function<Object, Object> key) implements Rule {}

  /** Rules by path pattern; {@code *} matches one key. */
  private static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    Replace replace = new Replace();
    RULES.put("services.*.command", replace);
    RULES.put("services.*.entrypoint", replace);
    RULES.put("services.*.healthcheck.test", replace);
    RULES.put("services.*.volumes", new KeyedList(v -> field(v, "target")));
    RULES.put(
        "services.*.secrets",
        new KeyedList(v -> Objects.requireNonNullElse(field(v, "target"), field(v, "source"))));
    RULES.put(
        "services.*.configs",
        new KeyedList(v -> Objects.requireNonNullElse(field(v, "target"), field(v, "source"))));
    RULES.put("services.*.env_file", new KeyedList(v -> field(v, "path")));
    RULES.put("services.*.devices", new KeyedList(v -> field(v, "target")));
    RULES.put("services.*.ports", new KeyedList(v -> v));
    RULES.put("services.*.tmpfs", new KeyedList(v -> v));
  }

  private TreeMerger() {}

  /** {@code override} merged onto {@code base}; neither input is modified. */
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) mergeValue(base, override, "");
    return out;
  }

  /** Merges two service trees (for {@code extends}). */
  static Map<String, Object> mergeService(Map<String, Object> base, Map<String, Object> child) {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) mergeValue(base, child, "services.x");
    return out;
  }

  /** Removes remaining tags: {@code !reset} values disappear, {@code !override} unwraps. */
  static Object strip(Object value) {
    if (value instanceof TaggedValue t) {
      return t.reset() ? null : strip(t.value());
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof TaggedValue t && t.reset()) {
          continue;
        }
        out.put((String) e.getKey(), strip(e.getValue()));
      }
      return out;
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(strip(o));
      }
      return out;
    }
    return value;
  }

  private static Object mergeValue(Object base, Object over, String path) {
    if (over instanceof TaggedValue t) {
      return t.reset() ? t : strip(t.value());
    }
    Rule rule = rule(path);
    if (rule instanceof Replace || base == null) {
      return over;
    }
    if (base instanceof Map<?, ?> bm && over instanceof Map<?, ?> om) {
      Map<String, Object> out = new LinkedHashMap<>();
      bm.forEach((k, v) -> out.put((String) k, v));
      for (Map.Entry<?, ?> e : om.entrySet()) {
        String k = (String) e.getKey();
        // Service names may contain dots; the rules only need to know it is a service.
        String childPath = TreePath.child(path, path.equals("services") ? "x" : k);
        Object merged = mergeValue(out.get(k), e.getValue(), childPath);
        if (merged instanceof TaggedValue t && t.reset()) {
          out.remove(k);
        } else {
          out.put(k, merged);
        }
      }
      return out;
    }
    if (base instanceof List<?> bl && over instanceof List<?> ol) {
      Function<Object, Object> key = rule instanceof KeyedList k ? k.key() : v -> v;
      List<Object> out = new ArrayList<>(bl);
      for (Object item : ol) {
        Object itemKey = key.apply(item);
        int existing = -1;
        for (int i = 0; i < out.size(); i++) {
          if (Objects.equals(key.apply(out.get(i)), itemKey)) {
            existing = i;
            break;
          }
        }
        if (existing >= 0) {
          out.set(existing, item);
        } else {
          out.add(item);
        }
      }
      return out;
    }
    return over;
  }

  private static Object field(Object v, String name) {
    return v instanceof Map<?, ?> m ? m.get(name) : v;
  }

  private static Rule rule(String path) {
    if (!path.startsWith("services.")) {
      return null;
    }
    String[] parts = path.split("\\.");
    for (Map.Entry<String, Rule> e : RULES.entrySet()) {
      String[] pattern = e.getKey().split("\\.");
      if (pattern.length != parts.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < parts.length && match; i++) {
        match = pattern[i].equals("*") || pattern[i].equals(parts[i]);
      }
      if (match) {
        return e.getValue();
      }
    }
    return null;
  }
}
