package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code services.*.volumes}: short syntax ({@code [SOURCE:]TARGET[:OPTIONS]}) and long syntax to
 * canonical mount maps; relative bind sources become absolute.
 */
final class VolumeSyntax {
  static final Set<String> LONG_KEYS =
      Set.of(
          "type",
          "source",
          "target",
          "read_only",
          "consistency",
          "bind",
          "volume",
          "tmpfs",
          "image");
  static final List<String> TYPES = List.of("bind", "volume", "tmpfs", "npipe", "cluster", "image");
  private static final Set<String> PROPAGATION =
      Set.of("shared", "slave", "private", "rshared", "rslave", "rprivate");

  private VolumeSyntax() {}

  static List<Object> canonical(ValueReader r, Object value, String path, PathResolver paths)
      throws ComposeFileException {
    List<Object> out = new ArrayList<>();
    List<Object> items = r.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String p = TreePath.index(path, i);
      Object item = ValueReader.plain(items.get(i));
      if (item instanceof Map) {
        out.add(longForm(r, r.map(item, p), p, paths));
      } else {
        String s = r.string(item, p);
        if (s == null || s.isBlank()) {
          throw r.error(p, "volume must not be empty; expected [SOURCE:]TARGET[:MODE]");
        }
        out.add(shortForm(r, s, p, paths));
      }
    }
    return out;
  }

  private static Map<String, Object> shortForm(
      ValueReader r, String spec, String p, PathResolver paths) throws ComposeFileException {
    String[] parts = spec.split(":", -1);
    if (parts.length > 3) {
      throw r.error(p, "invalid volume \"" + spec + "\"; expected [SOURCE:]TARGET[:MODE]");
    }
    Map<String, Object> v = new LinkedHashMap<>();
    if (parts.length == 1) {
      v.put("type", "volume");
      v.put("target", target(r, parts[0], p));
      return v;
    }
    String source = parts[0];
    if (source.isEmpty()) {
      throw r.error(p, "invalid volume \"" + spec + "\": empty source");
    }
    boolean bind = isPath(source);
    v.put("type", bind ? "bind" : "volume");
    v.put("source", bind ? paths.hostPath(source) : source);
    v.put("target", target(r, parts[1], p));
    Map<String, Object> bindOpts = new LinkedHashMap<>();
    Map<String, Object> volOpts = new LinkedHashMap<>();
    if (parts.length == 3) {
      for (String opt : parts[2].split(",")) {
        switch (opt) {
          case "ro" -> v.put("read_only", true);
          case "rw" -> v.put("read_only", false);
          case "z", "Z" -> bindOpts.put("selinux", opt);
          case "nocopy" -> volOpts.put("nocopy", true);
          case "consistent", "cached", "delegated" -> v.put("consistency", opt);
          default -> {
            if (!PROPAGATION.contains(opt)) {
              throw r.error(
                  p,
                  "invalid volume option \""
                      + opt
                      + "\"; use ro, rw, z, Z, nocopy or a propagation mode");
            }
            bindOpts.put("propagation", opt);
          }
        }
      }
    }
    if (bind) {
      bindOpts.put("create_host_path", true);
      v.put("bind", bindOpts);
    } else if (!bindOpts.isEmpty()) {
      throw r.error(p, "options " + bindOpts.keySet() + " apply to bind mounts only");
    }
    if (!volOpts.isEmpty()) {
      if (bind) {
        throw r.error(p, "nocopy applies to volumes only");
      }
      v.put("volume", volOpts);
    }
    return v;
  }

  private static Map<String, Object> longForm(
      ValueReader r, Map<String, Object> m, String p, PathResolver paths)
      throws ComposeFileException {
    r.knownKeys(m, p, LONG_KEYS);
    String type = r.oneOf(m.get("type"), TreePath.child(p, "type"), TYPES);
    if (type == null) {
      throw r.error(p, "type is required in the long volume syntax (bind, volume or tmpfs)");
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("type", type);
    String source = r.string(m.get("source"), TreePath.child(p, "source"));
    if (source != null && !source.isEmpty()) {
      v.put("source", type.equals("bind") ? paths.hostPath(source) : source);
    } else if (type.equals("bind")) {
      throw r.error(p, "a bind mount needs a source");
    }
    String target = r.string(m.get("target"), TreePath.child(p, "target"));
    if (target == null) {
      throw r.error(p, "target is required in the long volume syntax");
    }
    v.put("target", target(r, target, TreePath.child(p, "target")));
    Boolean ro = r.bool(m.get("read_only"), TreePath.child(p, "read_only"));
    if (ro != null) {
      v.put("read_only", ro);
    }
    String consistency = r.string(m.get("consistency"), TreePath.child(p, "consistency"));
    if (consistency != null) {
      v.put("consistency", consistency);
    }
    if (m.get("bind") != null) {
      String bp = TreePath.child(p, "bind");
      Map<String, Object> b = r.map(m.get("bind"), bp);
      r.knownKeys(b, bp, Set.of("propagation", "create_host_path", "selinux", "recursive"));
      Map<String, Object> o = new LinkedHashMap<>();
      putIf(o, "propagation", r.string(b.get("propagation"), TreePath.child(bp, "propagation")));
      putIf(
          o,
          "create_host_path",
          r.bool(b.get("create_host_path"), TreePath.child(bp, "create_host_path")));
      putIf(
          o,
          "selinux",
          r.oneOf(b.get("selinux"), TreePath.child(bp, "selinux"), List.of("z", "Z")));
      putIf(o, "recursive", r.string(b.get("recursive"), TreePath.child(bp, "recursive")));
      v.put("bind", o);
    }
    if (m.get("volume") != null) {
      String vp = TreePath.child(p, "volume");
      Map<String, Object> b = r.map(m.get("volume"), vp);
      r.knownKeys(b, vp, Set.of("nocopy", "subpath", "labels"));
      Map<String, Object> o = new LinkedHashMap<>();
      putIf(o, "nocopy", r.bool(b.get("nocopy"), TreePath.child(vp, "nocopy")));
      putIf(o, "subpath", r.string(b.get("subpath"), TreePath.child(vp, "subpath")));
      v.put("volume", o);
    }
    if (m.get("tmpfs") != null) {
      String tp = TreePath.child(p, "tmpfs");
      Map<String, Object> b = r.map(m.get("tmpfs"), tp);
      r.knownKeys(b, tp, Set.of("size", "mode"));
      Map<String, Object> o = new LinkedHashMap<>();
      putIf(o, "size", r.bytes(b.get("size"), TreePath.child(tp, "size")));
      putIf(o, "mode", FileMode.parse(r, b.get("mode"), TreePath.child(tp, "mode")));
      v.put("tmpfs", o);
    }
    return v;
  }

  private static String target(ValueReader r, String target, String p) throws ComposeFileException {
    if (target.isEmpty() || !target.startsWith("/")) {
      throw r.error(
          p, "mount target \"" + target + "\" must be an absolute path inside the container");
    }
    return target;
  }

  static boolean isPath(String source) {
    return source.startsWith("/")
        || source.startsWith(".")
        || source.startsWith("~")
        || source.startsWith("$");
  }

  private static void putIf(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
