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
}
