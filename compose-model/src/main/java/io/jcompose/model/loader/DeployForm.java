package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Canonical form of {@code services.*.deploy}. */
final class DeployForm {
  private DeployForm() {}

  static Object canonical(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Map<String, Object> m = r.map(v, p);
    r.knownKeys(
        m,
        p,
        Set.of(
            "mode",
            "replicas",
            "labels",
            "endpoint_mode",
            "resources",
            "restart_policy",
            "placement",
            "update_config",
            "rollback_config"));
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "mode", r.string(m.get("mode"), TreePath.child(p, "mode")));
    Long replicas = r.integer(m.get("replicas"), TreePath.child(p, "replicas"));
    if (replicas != null && replicas < 0) {
      throw r.error(TreePath.child(p, "replicas"), "must not be negative");
    }
    put(out, "replicas", replicas);
    if (m.get("labels") != null) {
      out.put("labels", r.stringMap(m.get("labels"), TreePath.child(p, "labels"), false));
    }
    put(out, "endpoint_mode", r.string(m.get("endpoint_mode"), TreePath.child(p, "endpoint_mode")));
    if (m.get("resources") != null) {
      String rp = TreePath.child(p, "resources");
      Map<String, Object> res = r.map(m.get("resources"), rp);
      r.knownKeys(res, rp, Set.of("limits", "reservations"));
      Map<String, Object> o = new LinkedHashMap<>();
      for (String side : List.of("limits", "reservations")) {
        if (res.get(side) != null) {
          o.put(side, limit(r, res.get(side), TreePath.child(rp, side)));
        }
      }
      out.put("resources", o);
    }
    if (m.get("restart_policy") != null) {
      String rp = TreePath.child(p, "restart_policy");
      Map<String, Object> rpm = r.map(m.get("restart_policy"), rp);
      r.knownKeys(rpm, rp, Set.of("condition", "delay", "max_attempts", "window"));
      Map<String, Object> o = new LinkedHashMap<>();
      put(
          o,
          "condition",
          r.oneOf(
              rpm.get("condition"),
              TreePath.child(rp, "condition"),
              List.of("none", "on-failure", "any")));
      put(o, "delay", r.duration(rpm.get("delay"), TreePath.child(rp, "delay")));
      put(
          o,
          "max_attempts",
          r.integer(rpm.get("max_attempts"), TreePath.child(rp, "max_attempts")));
      put(o, "window", r.duration(rpm.get("window"), TreePath.child(rp, "window")));
      out.put("restart_policy", o);
    }
    for (String k : List.of("placement", "update_config", "rollback_config")) {
      if (m.get(k) != null) {
        out.put(k, r.map(m.get(k), TreePath.child(p, k)));
      }
    }
    return out;
  }

  private static Map<String, Object> limit(ValueReader r, Object v, String p)
      throws ComposeFileException {
    Map<String, Object> m = r.map(v, p);
    r.knownKeys(m, p, Set.of("cpus", "memory", "pids", "devices", "generic_resources"));
    Map<String, Object> o = new LinkedHashMap<>();
    Double cpus = r.number(m.get("cpus"), TreePath.child(p, "cpus"));
    if (cpus != null && cpus < 0) {
      throw r.error(TreePath.child(p, "cpus"), "must not be negative");
    }
    put(o, "cpus", cpus);
    put(o, "memory", r.bytes(m.get("memory"), TreePath.child(p, "memory")));
    put(o, "pids", r.integer(m.get("pids"), TreePath.child(p, "pids")));
    for (String k : List.of("devices", "generic_resources")) {
      if (m.get(k) != null) {
        List<Object> items = r.list(m.get(k), TreePath.child(p, k));
        for (int i = 0; i < items.size(); i++) {
          r.map(items.get(i), TreePath.index(TreePath.child(p, k), i));
        }
        o.put(k, items);
      }
    }
    return o;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
