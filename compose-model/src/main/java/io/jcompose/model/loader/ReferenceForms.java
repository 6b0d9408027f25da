package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Canonical forms of references: secrets/configs granted to a service, and {@code extends}. */
final class ReferenceForms {
  private ReferenceForms() {}

  static Object fileRefs(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    List<Object> items = r.list(v, p);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String ip = TreePath.index(p, i);
      Object item = ValueReader.plain(items.get(i));
      Map<String, Object> ref = new LinkedHashMap<>();
      if (item instanceof Map) {
        Map<String, Object> m = r.map(item, ip);
        r.knownKeys(m, ip, Set.of("source", "target", "uid", "gid", "mode"));
        String source = r.string(m.get("source"), TreePath.child(ip, "source"));
        if (source == null) {
          throw r.error(ip, "source is required");
        }
        ref.put("source", source);
        for (String k : List.of("target", "uid", "gid")) {
          String s = r.string(m.get(k), TreePath.child(ip, k));
          if (s != null) {
            ref.put(k, s);
          }
        }
        Integer mode = FileMode.parse(r, m.get("mode"), TreePath.child(ip, "mode"));
        if (mode != null) {
          ref.put("mode", mode);
        }
      } else {
        String s = r.string(item, ip);
        if (s == null || s.isEmpty()) {
          throw r.error(ip, "must name a secret or config");
        }
        ref.put("source", s);
      }
      out.add(ref);
    }
    return out;
  }

  static Object extendsRef(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    Map<String, Object> out = new LinkedHashMap<>();
    if (plain instanceof String s) {
      out.put("service", s);
      return out;
    }
    Map<String, Object> m = r.map(plain, p);
    r.knownKeys(m, p, Set.of("service", "file"));
    String service = r.string(m.get("service"), TreePath.child(p, "service"));
    if (service == null) {
      throw r.error(p, "service is required");
    }
    out.put("service", service);
    String file = r.string(m.get("file"), TreePath.child(p, "file"));
    if (file != null) {
      out.put("file", x.hostPath(file));
    }
    return out;
  }
}
