package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2: expands variables in every string value of one file's tree (never in keys), before the
 * files are merged. An unset variable without default becomes empty and warns once per name.
 */
final class Interpolator {
  private final Warnings warnings;
  private final VariableSubstitution substitution;

  Interpolator(Map<String, String> environment, Warnings warnings) {
    this.warnings = warnings;
    this.substitution =
        new VariableSubstitution(
            environment::get,
            name ->
                warnings.once(
                    "unset:" + name,
                    "The \"" + name + "\" variable is not set. Defaulting to a blank string."));
  }

  /** A copy of the tree with variables expanded. */
  Map<String, Object> apply(String file, Map<String, Object> tree) throws ComposeFileException {
    @SuppressWarnings("unchecked")
    Map<String, Object> out = (Map<String, Object>) walk(file, tree, "");
    return out;
  }

  private Object walk(String file, Object node, String path) throws ComposeFileException {
    if (node instanceof String s) {
      try {
        return substitution.expand(s);
      } catch (VariableSubstitution.Failure e) {
        throw new ComposeFileException(file, path, e.getMessage());
      }
    }
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String key = (String) e.getKey();
        out.put(key, walk(file, e.getValue(), TreePath.child(path, key)));
      }
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(walk(file, list.get(i), TreePath.index(path, i)));
      }
      return out;
    }
    if (node instanceof TaggedValue t && !t.reset()) {
      return new TaggedValue(false, walk(file, t.value(), path));
    }
    return node;
  }
}
