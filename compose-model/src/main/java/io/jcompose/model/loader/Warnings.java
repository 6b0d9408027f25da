package io.jcompose.model.loader;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the warnings of one load; each distinct warning is kept once. */
final class Warnings {
  private final List<String> lines = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();

  void add(String line) {
    once(line, line);
  }

  void once(String key, String line) {
    if (keys.add(key)) {
      lines.add(line);
    }
  }

  List<String> all() {
    return List.copyOf(lines);
  }
}
