package io.jcompose.runtime.network;

import java.nio.file.Path;
import java.util.List;

/**
 * Shell scripts that set up and tear down a container's network namespace with a fixed number of
 * processes however many endpoints it has: {@code unshare} makes the namespace file, one {@code ip
 * -batch} on the host creates every veth pair (peer moved into the namespace by path) and plugs it
 * into its bridge, one {@code ip -batch} inside (via {@code nsenter}) addresses it and routes.
 */
final class NamespaceScripts {
  private NamespaceScripts() {}

  /** A network the container's veth joins, with the chosen address. */
  record Plug(EndpointState endpoint, String bridge, int prefix, int mtu, boolean defaultRoute) {}

  static String create(Path netns, List<Plug> plugs) {
    String ns = quote(netns.toString());
    StringBuilder host = new StringBuilder();
    StringBuilder inside = new StringBuilder("link set lo up\n");
    for (Plug p : plugs) {
      EndpointState e = p.endpoint();
      String mtu = p.mtu() > 0 ? " mtu " + p.mtu() : "";
      host.append("link add ")
          .append(e.hostVeth())
          .append(mtu)
          .append(" type veth peer name ")
          .append(e.interfaceName())
          .append(mtu)
          .append(" address ")
          .append(e.macAddress())
          .append(" netns ")
          .append(netns)
          .append('\n');
      host.append("link set ")
          .append(e.hostVeth())
          .append(" master ")
          .append(p.bridge())
          .append(" up\n");
      inside
          .append("addr add ")
          .append(e.ipv4Address())
          .append('/')
          .append(p.prefix())
          .append(" dev ")
          .append(e.interfaceName())
          .append('\n');
      inside.append("link set ").append(e.interfaceName()).append(" up\n");
      if (p.defaultRoute()) {
        inside
            .append("route add default via ")
            .append(e.gateway())
            .append(" dev ")
            .append(e.interfaceName())
            .append('\n');
      }
    }
    StringBuilder script = new StringBuilder("set -e\n");
    script.append(": > ").append(ns).append('\n');
    script.append("unshare --net=").append(ns).append(" true\n");
    if (!plugs.isEmpty()) {
      script.append("ip -batch - <<'JC_HOST'\n").append(host).append("JC_HOST\n");
    }
    script.append("nsenter --net=").append(ns).append(" ip -batch - <<'JC_NS'\n");
    script.append(inside).append("JC_NS\n");
    return script.toString();
  }

  /** Deletes the host-side veths (their peers go with them), unmounts and removes the file. */
  static String remove(Path netns, List<String> hostVeths) {
    String ns = quote(netns.toString());
    StringBuilder script = new StringBuilder();
    for (String veth : hostVeths) {
      script.append("ip link del ").append(veth).append(" 2>/dev/null\n");
    }
    script.append("umount ").append(ns).append(" 2>/dev/null\n");
    script.append("rm -f ").append(ns).append('\n');
    return script.toString();
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
