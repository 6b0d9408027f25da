package io.jcompose.runtime.proxy;

import io.jcompose.runtime.api.PublishedPort;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The nftables table that forwards one container's published IPv4 ports in the kernel: DNAT in
 * prerouting (other hosts) and in output (the host itself), masquerade for what DNAT sends into the
 * bridge from a loopback source (the container could not answer 127.0.0.1), and a guard that drops
 * packets from the bridge to 127.0.0.0/8 that DNAT did not produce: loopback DNAT needs {@code
 * route_localnet} on the bridge, which would otherwise let containers reach the host's loopback
 * services. Loopback host addresses are never DNATed in prerouting, so no other machine can reach a
 * port published on 127.0.0.1 by sending packets to that address.
 */
record PortDnatRules(String table, String bridge, List<PublishedPort> ports) {
  PortDnatRules {
    ports = List.copyOf(ports.stream().filter(PortDnatRules::dnatable).toList());
  }

  /** The table name for a container: short, and named so leftover checks see it (jcompose*). */
  static String tableName(String containerId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(containerId.getBytes(StandardCharsets.UTF_8));
      return "jcompose_port_" + HexFormat.of().formatHex(hash, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Whether the kernel can forward this port: TCP or UDP on an IPv4 address or a wildcard. */
  static boolean dnatable(PublishedPort p) {
    return (p.protocol().equals("tcp") || p.protocol().equals("udp"))
        && (wildcard(p.hostIp()) || !p.hostIp().contains(":"));
  }

  /** Whether DNAT of these ports needs {@code route_localnet} on the bridge (127.x reachable). */
  boolean needsRouteLocalnet() {
    return ports.stream().anyMatch(p -> wildcard(p.hostIp()) || loopback(p.hostIp()));
  }

  /**
   * One script for {@code nft -f -}, applied atomically: replaces the table (creating it when
   * missing), so it serves publishing and re-adoption alike. Empty when no port can be DNATed.
   */
  String replaceScript() {
    if (ports.isEmpty()) {
      return "";
    }
    String br = "\"" + bridge + "\"";
    StringBuilder pre = new StringBuilder();
    StringBuilder out = new StringBuilder();
    for (PublishedPort p : ports) {
      String match = (wildcard(p.hostIp()) ? "fib daddr type local" : "ip daddr " + p.hostIp());
      String action =
          " "
              + p.protocol()
              + " dport "
              + p.hostPort()
              + " counter dnat to "
              + p.containerAddress()
              + ":"
              + p.containerPort()
              + "\n";
      out.append("    ").append(match).append(action);
      if (!loopback(p.hostIp())) {
        // Containers reaching a published port through a host address stay on the userland
        // proxy: with br_netfilter the DNATed packet would have to leave by the bridge port it
        // came in on (dropped without hairpin mode), and other networks' isolation drops it.
        pre.append("    iifname != \"jc-*\" ip daddr != 127.0.0.0/8 ").append(match).append(action);
      }
    }
    StringBuilder b = new StringBuilder();
    b.append("table ip ").append(table).append("\ndelete table ip ").append(table).append('\n');
    b.append("table ip ").append(table).append(" {\n");
    b.append(
        "  chain prerouting {\n    type nat hook prerouting priority dstnat; policy accept;\n");
    b.append(pre).append("  }\n");
    b.append("  chain output {\n    type nat hook output priority -100; policy accept;\n");
    b.append(out).append("  }\n");
    b.append("  chain postrouting {\n    type nat hook postrouting priority srcnat;");
    b.append(" policy accept;\n");
    b.append("    oifname ").append(br).append(" ct status dnat ip saddr 127.0.0.0/8 masquerade\n");
    b.append("  }\n");
    if (needsRouteLocalnet()) {
      b.append("  chain guard {\n    type filter hook prerouting priority filter;");
      b.append(" policy accept;\n    iifname ").append(br);
      b.append(" ip daddr 127.0.0.0/8 ct status ! dnat drop\n  }\n");
    }
    b.append("}\n");
    return b.toString();
  }

  /** A script removing the table; succeeds whether or not it exists. */
  static String deleteScript(String table) {
    return "table ip " + table + "\ndelete table ip " + table + "\n";
  }

  static boolean wildcard(String ip) {
    return ip.equals("0.0.0.0") || ip.equals("::") || ip.equals("0:0:0:0:0:0:0:0");
  }

  private static boolean loopback(String ip) {
    return ip.startsWith("127.");
  }
}
