package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 3: one file's interpolated tree to canonical long form, checking every attribute's type and
 * rejecting unknown attributes. Relative paths resolve against the given base directory.
 */
final class FileCanonicalizer {
  static final Set<String> TOP_LEVEL =
      Set.of(
          "version",
          "name",
          "include",
          "services",
          "networks",
          "volumes",
          "secrets",
          "configs",
          "models");
  private static final Set<String> NETWORK_KEYS =
      Set.of(
          "name",
          "driver",
          "driver_opts",
          "ipam",
          "external",
          "internal",
          "attachable",
          "enable_ipv4",
          "enable_ipv6",
          "labels");
  private static final Set<String> VOLUME_KEYS =
      Set.of("name", "driver", "driver_opts", "external", "labels");
  private static final Set<String> FILE_RESOURCE_KEYS =
      Set.of(
          "name",
          "file",
          "environment",
          "content",
          "external",
          "labels",
          "driver",
          "driver_opts",
          "template_driver");

  private final ValueReader r;
  private final PathResolver paths;
  private final Warnings warnings;

  FileCanonicalizer(String file, PathResolver paths, Warnings warnings) {
    this.r = new ValueReader(file);
    this.paths = paths;
    this.warnings = warnings;
  }

  Map<String, Object> canonical(Map<String, Object> tree) throws ComposeFileException {
    r.knownKeys(tree, "", TOP_LEVEL);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      switch (key) {
        case "version" ->
            warnings.once(
                "version", r.file + ": the attribute `version` is obsolete, it will be ignored");
        case "name" -> out.put("name", r.string(value, "name"));
        case "include" -> out.put("include", value);
        case "services" -> out.put("services", services(value));
        case "networks" -> out.put("networks", resources(value, "networks", NETWORK_KEYS));
        case "volumes" -> out.put("volumes", resources(value, "volumes", VOLUME_KEYS));
        case "secrets" -> out.put("secrets", resources(value, "secrets", FILE_RESOURCE_KEYS));
        case "configs" -> out.put("configs", resources(value, "configs", FILE_RESOURCE_KEYS));
        default -> out.put(key, ValueReader.plain(value));
      }
    }
    return out;
  }

  private Map<String, Object> services(Object value) throws ComposeFileException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : r.map(value, "services").entrySet()) {
      String name = e.getKey();
      String path = TreePath.child("services", name);
      if (!name.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
        throw r.error(
            path,
            "invalid service name; use letters, digits, '_', '.' and '-', starting with a letter"
                + " or digit");
      }
      out.put(name, service(e.getValue(), path));
    }
    return out;
  }

  /** One service's canonical tree; also used for services reached through {@code extends}. */
  Map<String, Object> service(Object value, String path) throws ComposeFileException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> a : r.map(value, path).entrySet()) {
      String key = a.getKey();
      String ap = TreePath.child(path, key);
      if (key.startsWith("x-")) {
        out.put(key, ValueReader.plain(a.getValue()));
        continue;
      }
      AttributeForm form = ServiceAttributes.FORMS.get(key);
      if (form == null) {
        throw r.error(
            ap,
            "unknown attribute" + Suggestions.didYouMean(key, ServiceAttributes.FORMS.keySet()));
      }
      Object v = a.getValue();
      if (v instanceof TaggedValue t) {
        out.put(
            key, t.reset() ? t : new TaggedValue(false, form.canonical(r, t.value(), ap, paths)));
      } else {
        Object c = form.canonical(r, v, ap, paths);
        if (c != null) {
          out.put(key, c);
        }
      }
    }
    return out;
  }

  private Map<String, Object> resources(Object value, String section, Set<String> keys)
      throws ComposeFileException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : r.map(value, section).entrySet()) {
      String p = TreePath.child(section, e.getKey());
      Map<String, Object> m = r.map(e.getValue(), p);
      r.knownKeys(m, p, keys);
      Map<String, Object> c = new LinkedHashMap<>();
      for (Map.Entry<String, Object> a : m.entrySet()) {
        String k = a.getKey();
        String ap = TreePath.child(p, k);
        Object v = a.getValue();
        switch (k) {
          case "labels", "driver_opts" -> c.put(k, r.stringMap(v, ap, false));
          case "internal", "attachable", "enable_ipv4", "enable_ipv6" -> c.put(k, r.bool(v, ap));
          case "external" -> c.put(k, external(v, ap, c));
          case "file" -> c.put(k, paths.hostPath(r.string(v, ap)));
          case "ipam" -> c.put(k, ipam(v, ap));
          default -> c.put(k, k.startsWith("x-") ? ValueReader.plain(v) : r.string(v, ap));
        }
      }
      c.values().removeIf(x -> x == null);
      if (section.equals("secrets") || section.equals("configs")) {
        long sources =
            List.of("file", "environment", "content", "external").stream()
                .filter(k -> c.get(k) != null && !Boolean.FALSE.equals(c.get(k)))
                .count();
        if (sources == 0) {
          throw r.error(
              p,
              "needs one of file, environment"
                  + (section.equals("configs") ? ", content" : "")
                  + " or external");
        }
      }
      out.put(e.getKey(), c);
    }
    return out;
  }

  private Object external(Object v, String ap, Map<String, Object> c) throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    if (plain instanceof Map) {
      // Legacy form external: {name: x}.
      Map<String, Object> m = r.map(plain, ap);
      r.knownKeys(m, ap, Set.of("name"));
      String name = r.string(m.get("name"), TreePath.child(ap, "name"));
      if (name != null) {
        c.put("name", name);
      }
      return true;
    }
    return r.bool(plain, ap);
  }

  private Object ipam(Object v, String p) throws ComposeFileException {
    Map<String, Object> m = r.map(v, p);
    r.knownKeys(m, p, Set.of("driver", "config", "options"));
    Map<String, Object> out = new LinkedHashMap<>();
    String driver = r.string(m.get("driver"), TreePath.child(p, "driver"));
    if (driver != null) {
      out.put("driver", driver);
    }
    if (m.get("options") != null) {
      out.put("options", r.stringMap(m.get("options"), TreePath.child(p, "options"), false));
    }
    if (m.get("config") != null) {
      List<Object> pools = r.list(m.get("config"), TreePath.child(p, "config"));
      List<Object> canon = new java.util.ArrayList<>();
      for (int i = 0; i < pools.size(); i++) {
        String pp = TreePath.index(TreePath.child(p, "config"), i);
        Map<String, Object> pool = r.map(pools.get(i), pp);
        r.knownKeys(pool, pp, Set.of("subnet", "ip_range", "gateway", "aux_addresses"));
        Map<String, Object> c = new LinkedHashMap<>();
        for (String k : List.of("subnet", "ip_range", "gateway")) {
          String s = r.string(pool.get(k), TreePath.child(pp, k));
          if (s != null) {
            if (!s.matches("[0-9a-fA-F:.]+(/[0-9]{1,3})?")) {
              throw r.error(TreePath.child(pp, k), "\"" + s + "\" is not an IP address or CIDR");
            }
            c.put(k, s);
          }
        }
        if (pool.get("aux_addresses") != null) {
          c.put(
              "aux_addresses",
              r.stringMap(pool.get("aux_addresses"), TreePath.child(pp, "aux_addresses"), false));
        }
        canon.add(c);
      }
      out.put("config", canon);
    }
    return out;
  }
}
