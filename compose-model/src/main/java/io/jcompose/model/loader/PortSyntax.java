package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code services.*.ports}: short syntax ({@code [IP:][HOST:]CONTAINER[/PROTO]}, ranges) and long
 * syntax to canonical port maps, one per container port.
 */
final class PortSyntax {
  static final Set<String> LONG_KEYS =
      Set.of("name", "target", "published", "host_ip", "protocol", "mode", "app_protocol");
  private static final String HINT = "; expected [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]";

  private PortSyntax() {}

  static List<Object> canonical(ValueReader r, Object value, String path)
      throws ComposeFileException {
    List<Object> out = new ArrayList<>();
    List<Object> items = r.list(value, path);
    for (int i = 0; i < items.size(); i++) {
      String p = TreePath.index(path, i);
      Object item = ValueReader.plain(items.get(i));
      if (item instanceof Map) {
        out.add(longForm(r, r.map(item, p), p));
      } else {
        String s = r.string(item, p);
        if (s == null) {
          throw r.error(p, "port must not be empty" + HINT);
        }
        out.addAll(shortForm(r, s, p));
      }
    }
    return out;
  }

  private static Map<String, Object> longForm(ValueReader r, Map<String, Object> m, String p)
      throws ComposeFileException {
    r.knownKeys(m, p, LONG_KEYS);
    Map<String, Object> port = new LinkedHashMap<>();
    String target = r.string(m.get("target"), TreePath.child(p, "target"));
    if (target == null) {
      throw r.error(p, "target is required in the long port syntax");
    }
    port.put("target", portNumber(r, target, TreePath.child(p, "target"), target));
    String published = r.string(m.get("published"), TreePath.child(p, "published"));
    if (published != null && !published.isEmpty()) {
      checkRange(r, published, TreePath.child(p, "published"));
      port.put("published", published);
    }
    putIf(port, "host_ip", r.string(m.get("host_ip"), TreePath.child(p, "host_ip")));
    port.put(
        "protocol", protocol(r, r.string(m.get("protocol"), TreePath.child(p, "protocol")), p));
    String mode = r.oneOf(m.get("mode"), TreePath.child(p, "mode"), List.of("ingress", "host"));
    port.put("mode", mode == null ? "ingress" : mode);
    putIf(port, "name", r.string(m.get("name"), TreePath.child(p, "name")));
    putIf(port, "app_protocol", r.string(m.get("app_protocol"), TreePath.child(p, "app_protocol")));
    return port;
  }

  private static List<Object> shortForm(ValueReader r, String spec, String p)
      throws ComposeFileException {
    String s = spec.strip();
    String proto = "tcp";
    int slash = s.lastIndexOf('/');
    if (slash >= 0) {
      proto = protocol(r, s.substring(slash + 1), p);
      s = s.substring(0, slash);
    }
    String hostIp = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
        throw r.error(p, "invalid port \"" + spec + "\"" + HINT);
      }
      hostIp = s.substring(1, close);
      s = s.substring(close + 2);
    }
    String[] parts = s.split(":", -1);
    String published;
    String target;
    if (parts.length == 1) {
      published = "";
      target = parts[0];
    } else if (parts.length == 2) {
      published = parts[0];
      target = parts[1];
    } else if (parts.length == 3 && hostIp == null) {
      hostIp = parts[0];
      published = parts[1];
      target = parts[2];
    } else {
      throw r.error(p, "invalid port \"" + spec + "\"" + HINT);
    }
    int[] targets = range(r, target, p, spec);
    int[] publishedRange = published.isEmpty() ? null : range(r, published, p, spec);
    int count = targets[1] - targets[0] + 1;
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> port = new LinkedHashMap<>();
      port.put("target", targets[0] + i);
      if (publishedRange != null) {
        int pubCount = publishedRange[1] - publishedRange[0] + 1;
        if (pubCount == count) {
          port.put("published", Integer.toString(publishedRange[0] + i));
        } else if (count == 1) {
          port.put("published", published);
        } else {
          throw r.error(
              p,
              "invalid port \""
                  + spec
                  + "\": host range and container range differ in size; make them equal");
        }
      }
      putIf(port, "host_ip", hostIp != null && !hostIp.isEmpty() ? hostIp : null);
      port.put("protocol", proto);
      port.put("mode", "ingress");
      out.add(port);
    }
    return out;
  }

  private static int[] range(ValueReader r, String text, String p, String spec)
      throws ComposeFileException {
    String[] ends = text.split("-", -1);
    if (ends.length > 2) {
      throw r.error(p, "invalid port \"" + spec + "\"" + HINT);
    }
    int lo = portNumber(r, ends[0], p, spec);
    int hi = ends.length == 2 ? portNumber(r, ends[1], p, spec) : lo;
    if (hi < lo) {
      throw r.error(p, "invalid port range \"" + text + "\": end before start");
    }
    return new int[] {lo, hi};
  }

  private static void checkRange(ValueReader r, String text, String p) throws ComposeFileException {
    range(r, text, p, text);
  }

  private static int portNumber(ValueReader r, String text, String p, String spec)
      throws ComposeFileException {
    String t = text.strip();
    if (!t.matches("[0-9]{1,5}")) {
      throw r.error(p, "invalid port \"" + spec + "\"" + HINT);
    }
    int n = Integer.parseInt(t);
    if (n < 1 || n > 65535) {
      throw r.error(p, "port " + n + " is out of range 1-65535");
    }
    return n;
  }

  private static String protocol(ValueReader r, String proto, String p)
      throws ComposeFileException {
    if (proto == null) {
      return "tcp";
    }
    String lower = proto.toLowerCase();
    if (!lower.equals("tcp") && !lower.equals("udp") && !lower.equals("sctp")) {
      throw r.error(p, "unknown protocol \"" + proto + "\"; use tcp or udp");
    }
    return lower;
  }

  private static void putIf(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
