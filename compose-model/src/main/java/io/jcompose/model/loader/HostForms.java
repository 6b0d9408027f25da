package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical forms of the service attributes about the host: ulimits, extra_hosts, devices, logging.
 */
final class HostForms {
  private HostForms() {}

  static Object ulimits(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : r.map(v, p).entrySet()) {
      String ep = TreePath.child(p, e.getKey());
      Object val = ValueReader.plain(e.getValue());
      Map<String, Object> u = new LinkedHashMap<>();
      if (val instanceof Map) {
        Map<String, Object> m = r.map(val, ep);
        r.knownKeys(m, ep, Set.of("soft", "hard"));
        Long soft = r.integer(m.get("soft"), TreePath.child(ep, "soft"));
        Long hard = r.integer(m.get("hard"), TreePath.child(ep, "hard"));
        if (soft == null || hard == null) {
          throw r.error(ep, "needs both soft and hard");
        }
        if (soft > hard && hard >= 0) {
          throw r.error(ep, "soft limit " + soft + " is above the hard limit " + hard);
        }
        u.put("soft", soft);
        u.put("hard", hard);
      } else {
        Long n = r.integer(val, ep);
        if (n == null) {
          throw r.error(ep, "must be a number or {soft, hard}");
        }
        u.put("soft", n);
        u.put("hard", n);
      }
      out.put(e.getKey(), u);
    }
    return out;
  }

  static Object extraHosts(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    List<String> out = new ArrayList<>();
    if (plain instanceof Map) {
      for (Map.Entry<String, Object> e : r.map(plain, p).entrySet()) {
        Object val = ValueReader.plain(e.getValue());
        List<String> ips =
            val instanceof List
                ? r.strings(val, TreePath.child(p, e.getKey()))
                : List.of(String.valueOf(r.string(val, TreePath.child(p, e.getKey()))));
        for (String ip : ips) {
          out.add(e.getKey() + "=" + ip);
        }
      }
      return out;
    }
    List<String> items = r.strings(plain, p);
    for (int i = 0; i < items.size(); i++) {
      String s = items.get(i);
      int sep = s.indexOf('=');
      if (sep < 0) {
        sep = s.indexOf(':');
      }
      if (sep <= 0 || sep == s.length() - 1) {
        throw r.error(TreePath.index(p, i), "\"" + s + "\" must be HOST=IP or HOST:IP");
      }
      out.add(s.substring(0, sep) + "=" + s.substring(sep + 1));
    }
    return out;
  }

  static Object devices(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    List<Object> items = r.list(v, p);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String ip = TreePath.index(p, i);
      Object item = ValueReader.plain(items.get(i));
      Map<String, Object> d = new LinkedHashMap<>();
      if (item instanceof Map) {
        Map<String, Object> m = r.map(item, ip);
        r.knownKeys(m, ip, Set.of("source", "target", "permissions"));
        d.put("source", r.string(m.get("source"), TreePath.child(ip, "source")));
        d.put("target", r.string(m.get("target"), TreePath.child(ip, "target")));
        d.put("permissions", r.string(m.get("permissions"), TreePath.child(ip, "permissions")));
      } else {
        String s = r.string(item, ip);
        String[] parts = s == null ? new String[0] : s.split(":");
        if (parts.length < 1 || parts.length > 3 || parts[0].isEmpty()) {
          throw r.error(
              ip, "invalid device \"" + s + "\"; use HOST_PATH[:CONTAINER_PATH[:PERMISSIONS]]");
        }
        d.put("source", parts[0]);
        d.put("target", parts.length > 1 ? parts[1] : parts[0]);
        d.put("permissions", parts.length > 2 ? parts[2] : "rwm");
      }
      if (d.get("source") == null) {
        throw r.error(ip, "device needs a source");
      }
      d.putIfAbsent("target", d.get("source"));
      if (d.get("target") == null) {
        d.put("target", d.get("source"));
      }
      if (d.get("permissions") == null) {
        d.put("permissions", "rwm");
      }
      out.add(d);
    }
    return out;
  }

  static Object logging(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Map<String, Object> m = r.map(v, p);
    r.knownKeys(m, p, Set.of("driver", "options"));
    Map<String, Object> out = new LinkedHashMap<>();
    String driver = r.string(m.get("driver"), TreePath.child(p, "driver"));
    if (driver != null) {
      out.put("driver", driver);
    }
    if (m.get("options") != null) {
      out.put("options", r.stringMap(m.get("options"), TreePath.child(p, "options"), false));
    }
    return out;
  }
}
