package io.jcompose.runtime.network;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code ip -batch} scripts that set up and tear down a container's network namespace with two
 * processes however many endpoints it has: {@code unshare --net=FILE ip -batch -} creates the
 * namespace, its veth pairs (host ends sent to the daemon's namespace by pid), addresses and route;
 * then one {@code ip -batch -} on the host plugs the host ends into their bridges.
 */
final class NamespaceScripts {
  private NamespaceScripts() {}

  /** A network the container's veth joins, with the chosen address. */
  record Plug(EndpointState endpoint, String bridge, int prefix, int mtu, boolean defaultRoute) {}

  /** Commands run inside the new namespace. */
  static String inside(List<Plug> plugs, long hostPid) {
    StringBuilder b = new StringBuilder("link set lo up\n");
    for (Plug p : plugs) {
      EndpointState e = p.endpoint();
      String mtu = p.mtu() > 0 ? " mtu " + p.mtu() : "";
      b.append("link add ").append(e.interfaceName()).append(" address ").append(e.macAddress());
      b.append(mtu).append(" type veth peer name ").append(e.hostVeth()).append(mtu);
      b.append(" netns ").append(hostPid).append('\n');
      b.append("addr add ").append(e.ipv4Address()).append('/').append(p.prefix());
      b.append(" dev ").append(e.interfaceName()).append('\n');
      b.append("link set ").append(e.interfaceName()).append(" up\n");
    }
    for (Plug p : plugs) {
      if (p.defaultRoute()) {
        EndpointState e = p.endpoint();
        b.append("route add default via ").append(e.gateway());
        b.append(" dev ").append(e.interfaceName()).append('\n');
      }
    }
    return b.toString();
  }

  /** Commands run on the host once the host ends exist. */
  static String host(List<Plug> plugs) {
    StringBuilder b = new StringBuilder();
    for (Plug p : plugs) {
      b.append("link set ").append(p.endpoint().hostVeth()).append(" master ").append(p.bridge());
      b.append(" up\n");
    }
    return b.toString();
  }

  /** Deletes host-side veths (their peers go with them); run with {@code ip -force -batch -}. */
  static String removeVeths(List<String> hostVeths) {
    StringBuilder b = new StringBuilder();
    hostVeths.forEach(v -> b.append("link del ").append(v).append('\n'));
    return b.toString();
  }

  static void create(String what, Path netns, List<Plug> plugs) {
    HostCommand.run(
        what,
        inside(plugs, ProcessHandle.current().pid()),
        "unshare",
        "--net=" + netns,
        "ip",
        "-batch",
        "-");
    if (plugs.isEmpty()) {
      return;
    }
    if (InterfaceCalls.available()) {
      InterfaceCalls.plug(what, plugs);
    } else {
      HostCommand.run(what, host(plugs), "ip", "-batch", "-");
    }
  }

  static void remove(Path netns, List<String> hostVeths) {
    if (!hostVeths.isEmpty()) {
      HostCommand.tryRun(removeVeths(hostVeths), "ip", "-force", "-batch", "-");
    }
    if (AttachmentRegistry.isMounted(netns)
        && !(InterfaceCalls.available() && InterfaceCalls.unmount(netns))) {
      HostCommand.tryRun(null, "umount", netns.toString());
    }
    try {
      java.nio.file.Files.deleteIfExists(netns);
    } catch (java.io.IOException e) {
      // An empty leftover file is harmless; the next attach of that id overwrites it.
    }
  }
}
