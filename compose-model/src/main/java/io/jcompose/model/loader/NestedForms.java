package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Canonical forms of the service attributes that hold nested structures. */
final class NestedForms {
  static final List<String> CONDITIONS =
      List.of("service_started", "service_healthy", "service_completed_successfully");

  private NestedForms() {}

  static Object envFile(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    List<Object> items = plain instanceof List ? r.list(plain, p) : new ArrayList<>();
    if (!(plain instanceof List) && plain != null) {
      items.add(plain);
    }
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String ip = plain instanceof List ? TreePath.index(p, i) : p;
      Object item = ValueReader.plain(items.get(i));
      Map<String, Object> e = new LinkedHashMap<>();
      if (item instanceof Map) {
        Map<String, Object> m = r.map(item, ip);
        r.knownKeys(m, ip, Set.of("path", "required", "format"));
        String path = r.string(m.get("path"), TreePath.child(ip, "path"));
        if (path == null) {
          throw r.error(ip, "path is required");
        }
        e.put("path", x.hostPath(path));
        Boolean required = r.bool(m.get("required"), TreePath.child(ip, "required"));
        e.put("required", required == null || required);
        String format = r.string(m.get("format"), TreePath.child(ip, "format"));
        if (format != null) {
          e.put("format", format);
        }
      } else {
        String path = r.string(item, ip);
        if (path == null) {
          throw r.error(ip, "env file path must not be empty");
        }
        e.put("path", x.hostPath(path));
        e.put("required", true);
      }
      out.add(e);
    }
    return out;
  }

  static Object dependsOn(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    Map<String, Object> out = new LinkedHashMap<>();
    if (plain instanceof List) {
      for (String name : r.strings(plain, p)) {
        out.put(name, dependency(CONDITIONS.get(0), true, false));
      }
      return out;
    }
    for (Map.Entry<String, Object> e : r.map(plain, p).entrySet()) {
      String ep = TreePath.child(p, e.getKey());
      Map<String, Object> m = r.map(e.getValue(), ep);
      r.knownKeys(m, ep, Set.of("condition", "required", "restart"));
      String condition = r.oneOf(m.get("condition"), TreePath.child(ep, "condition"), CONDITIONS);
      Boolean required = r.bool(m.get("required"), TreePath.child(ep, "required"));
      Boolean restart = r.bool(m.get("restart"), TreePath.child(ep, "restart"));
      out.put(
          e.getKey(),
          dependency(
              condition == null ? CONDITIONS.get(0) : condition,
              required == null || required,
              restart != null && restart));
    }
    return out;
  }

  private static Map<String, Object> dependency(
      String condition, boolean required, boolean restart) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("condition", condition);
    d.put("required", required);
    d.put("restart", restart);
    return d;
  }

  static Object healthcheck(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Map<String, Object> m = r.map(v, p);
    r.knownKeys(
        m,
        p,
        Set.of(
            "test", "interval", "timeout", "start_period", "start_interval", "retries", "disable"));
    Map<String, Object> out = new LinkedHashMap<>();
    Object test = ValueReader.plain(m.get("test"));
    if (test instanceof List) {
      List<String> t = r.strings(test, TreePath.child(p, "test"));
      if (!t.isEmpty() && !List.of("CMD", "CMD-SHELL", "NONE").contains(t.get(0))) {
        throw r.error(
            TreePath.child(p, "test"),
            "first element must be CMD, CMD-SHELL or NONE, got \"" + t.get(0) + "\"");
      }
      out.put("test", t);
    } else if (test != null) {
      out.put(
          "test", new ArrayList<>(List.of("CMD-SHELL", r.string(test, TreePath.child(p, "test")))));
    }
    for (String d : List.of("interval", "timeout", "start_period", "start_interval")) {
      Object dur = r.duration(m.get(d), TreePath.child(p, d));
      if (dur != null) {
        out.put(d, dur);
      }
    }
    Long retries = r.integer(m.get("retries"), TreePath.child(p, "retries"));
    if (retries != null) {
      if (retries < 0) {
        throw r.error(TreePath.child(p, "retries"), "must not be negative");
      }
      out.put("retries", retries);
    }
    Boolean disable = r.bool(m.get("disable"), TreePath.child(p, "disable"));
    if (disable != null) {
      out.put("disable", disable);
    }
    return out;
  }

  static Object networks(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    Map<String, Object> out = new LinkedHashMap<>();
    if (plain instanceof List) {
      for (String name : r.strings(plain, p)) {
        out.put(name, new LinkedHashMap<>());
      }
      return out;
    }
    for (Map.Entry<String, Object> e : r.map(plain, p).entrySet()) {
      String ep = TreePath.child(p, e.getKey());
      Map<String, Object> m = r.map(e.getValue(), ep);
      r.knownKeys(
          m,
          ep,
          Set.of(
              "aliases",
              "ipv4_address",
              "ipv6_address",
              "link_local_ips",
              "mac_address",
              "driver_opts",
              "priority",
              "gw_priority",
              "interface_name"));
      Map<String, Object> n = new LinkedHashMap<>();
      for (String k : List.of("aliases", "link_local_ips")) {
        if (m.get(k) != null) {
          n.put(k, r.strings(m.get(k), TreePath.child(ep, k)));
        }
      }
      for (String k : List.of("ipv4_address", "ipv6_address", "mac_address", "interface_name")) {
        if (m.get(k) != null) {
          n.put(k, r.string(m.get(k), TreePath.child(ep, k)));
        }
      }
      for (String k : List.of("priority", "gw_priority")) {
        if (m.get(k) != null) {
          n.put(k, r.intValue(m.get(k), TreePath.child(ep, k)));
        }
      }
      if (m.get("driver_opts") != null) {
        n.put(
            "driver_opts",
            r.stringMap(m.get("driver_opts"), TreePath.child(ep, "driver_opts"), false));
      }
      out.put(e.getKey(), n);
    }
    return out;
  }

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
