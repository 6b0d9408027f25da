package io.jcompose.model.loader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 6: which services are enabled: those without profiles, those with an active profile ({@code
 * --profile}, {@code COMPOSE_PROFILES}, {@code *} for all) and those named on the command line.
 */
final class ProfileFilter {
  private final Set<String> active;
  private final Set<String> named;

  ProfileFilter(List<String> flags, String envValue, List<String> namedServices) {
    Set<String> a = new LinkedHashSet<>();
    if (envValue != null) {
      for (String p : envValue.split(",")) {
        if (!p.isBlank()) {
          a.add(p.strip());
        }
      }
    }
    for (String p : flags) {
      for (String part : p.split(",")) {
        if (!part.isBlank()) {
          a.add(part.strip());
        }
      }
    }
    this.active = a;
    this.named = Set.copyOf(namedServices);
  }

  List<String> active() {
    return List.copyOf(active);
  }

  boolean enabled(String service, Map<String, Object> tree) {
    Object profiles = tree.get("profiles");
    if (!(profiles instanceof List<?> l) || l.isEmpty() || named.contains(service)) {
      return true;
    }
    if (active.contains("*")) {
      return true;
    }
    for (Object p : l) {
      if (active.contains(String.valueOf(p))) {
        return true;
      }
    }
    return false;
  }
}
