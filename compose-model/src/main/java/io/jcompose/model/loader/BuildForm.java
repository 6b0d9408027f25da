package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Canonical form of {@code services.*.build}: a context string becomes {@code {context: …}}. */
final class BuildForm {
  static final Set<String> KEYS =
      Set.of(
          "context",
          "dockerfile",
          "dockerfile_inline",
          "args",
          "ssh",
          "labels",
          "cache_from",
          "cache_to",
          "no_cache",
          "additional_contexts",
          "network",
          "provenance",
          "sbom",
          "entitlements",
          "pull",
          "target",
          "shm_size",
          "extra_hosts",
          "isolation",
          "privileged",
          "secrets",
          "tags",
          "ulimits",
          "platforms");

  private BuildForm() {}

  static Object canonical(ValueReader r, Object v, String p, PathResolver x)
      throws ComposeFileException {
    Object plain = ValueReader.plain(v);
    Map<String, Object> out = new LinkedHashMap<>();
    if (plain instanceof String s) {
      out.put("context", x.contextPath(s));
      return out;
    }
    Map<String, Object> m = r.map(plain, p);
    r.knownKeys(m, p, KEYS);
    String context = r.string(m.get("context"), TreePath.child(p, "context"));
    out.put("context", x.contextPath(context == null ? "." : context));
    for (String k : List.of("dockerfile", "dockerfile_inline", "target", "network", "isolation")) {
      put(out, k, r.string(m.get(k), TreePath.child(p, k)));
    }
    for (String k : List.of("args", "labels", "additional_contexts")) {
      if (m.get(k) != null) {
        out.put(k, r.stringMap(m.get(k), TreePath.child(p, k), k.equals("args")));
      }
    }
    for (String k : List.of("cache_from", "cache_to", "platforms", "tags", "entitlements")) {
      if (m.get(k) != null) {
        out.put(k, r.strings(m.get(k), TreePath.child(p, k)));
      }
    }
    if (m.get("ssh") != null) {
      Object ssh = ValueReader.plain(m.get("ssh"));
      if (ssh instanceof Map) {
        Map<String, Object> sm = r.stringMap(ssh, TreePath.child(p, "ssh"), false);
        List<String> list = new java.util.ArrayList<>();
        sm.forEach(
            (k, val) -> list.add(val == null || val.toString().isEmpty() ? k : k + "=" + val));
        out.put("ssh", list);
      } else {
        out.put("ssh", r.stringOrList(ssh, TreePath.child(p, "ssh")));
      }
    }
    for (String k : List.of("no_cache", "pull", "privileged")) {
      put(out, k, r.bool(m.get(k), TreePath.child(p, k)));
    }
    put(out, "shm_size", r.bytes(m.get("shm_size"), TreePath.child(p, "shm_size")));
    if (m.get("extra_hosts") != null) {
      out.put(
          "extra_hosts",
          HostForms.extraHosts(r, m.get("extra_hosts"), TreePath.child(p, "extra_hosts"), x));
    }
    if (m.get("secrets") != null) {
      out.put(
          "secrets", ReferenceForms.fileRefs(r, m.get("secrets"), TreePath.child(p, "secrets"), x));
    }
    if (m.get("ulimits") != null) {
      out.put("ulimits", HostForms.ulimits(r, m.get("ulimits"), TreePath.child(p, "ulimits"), x));
    }
    for (String k : List.of("provenance", "sbom")) {
      if (m.get(k) != null) {
        out.put(k, ValueReader.plain(m.get(k)));
      }
    }
    return out;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
