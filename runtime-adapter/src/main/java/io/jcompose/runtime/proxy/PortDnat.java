package io.jcompose.runtime.proxy;

import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nftables fast path behind the userland proxy: one table per container ({@link
 * PortDnatRules}), written and removed by one {@code nft -f -} each, so the kernel forwards
 * published IPv4 ports without the userland hop. The proxy's listeners stay: they reserve the
 * ports, name holders on conflicts and serve what DNAT does not catch (IPv6, hosts without nft, a
 * container with no jcompose bridge). Blocking: called from worker threads only.
 */
final class PortDnat {
  private static final System.Logger LOG = System.getLogger(PortDnat.class.getName());

  /** The nft program's path; null when it is not installed. */
  private final String nft;

  // Container -> the bridge whose route_localnet its rules rely on.
  private final Map<String, String> localnetUsers = new ConcurrentHashMap<>();

  PortDnat() {
    this(nftPath());
  }

  PortDnat(String nftPath) {
    this.nft = nftPath;
  }

  /**
   * Installs (or, for a re-adopted container, replaces) the container's table. A failure is logged
   * and changes nothing: the userland proxy still serves every port.
   */
  void install(String containerId, List<PublishedPort> ports) {
    if (nft == null || ports.isEmpty()) {
      return;
    }
    Optional<String> bridge = bridgeOf(ports.get(0).containerAddress());
    if (bridge.isEmpty()) {
      return;
    }
    PortDnatRules rules =
        new PortDnatRules(PortDnatRules.tableName(containerId), bridge.get(), ports);
    String script = rules.replaceScript();
    if (script.isEmpty()) {
      return;
    }
    try {
      nft("container " + containerId + ": nft", script);
      if (rules.needsRouteLocalnet()) {
        // Only once the table's guard is in place: route_localnet without it would let the
        // containers on this bridge reach the host's loopback services. Loopback DNAT is refused
        // as martian until it is set, a moment before the container starts.
        routeLocalnet(bridge.get(), true);
        localnetUsers.put(containerId, bridge.get());
      }
    } catch (RuntimeFailure e) {
      releaseLocalnet(containerId);
      LOG.log(
          Level.WARNING,
          "container "
              + containerId
              + ": published ports stay on the userland proxy only: "
              + e.getMessage());
    }
  }

  /** Removes the container's table, and route_localnet when no other container needs it. */
  void remove(String containerId) {
    if (nft == null) {
      return;
    }
    // route_localnet goes first, while the guard in this container's table still stands.
    releaseLocalnet(containerId);
    try {
      nft("container " + containerId + ": nft", PortDnatRules.deleteScript(tableName(containerId)));
    } catch (RuntimeFailure e) {
      LOG.log(Level.WARNING, e.getMessage());
    }
  }

  static String tableName(String containerId) {
    return PortDnatRules.tableName(containerId);
  }

  private void releaseLocalnet(String containerId) {
    String bridge = localnetUsers.remove(containerId);
    if (bridge != null && !localnetUsers.containsValue(bridge)) {
      routeLocalnet(bridge, false);
    }
  }

  /** The jcompose bridge whose subnet holds the address; empty when there is none. */
  static Optional<String> bridgeOf(String containerAddress) {
    try {
      InetAddress target = InetAddress.getByName(containerAddress);
      if (!(target instanceof Inet4Address)) {
        return Optional.empty();
      }
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.getName().startsWith("jc-")) {
          continue;
        }
        for (InterfaceAddress a : nic.getInterfaceAddresses()) {
          if (a.getAddress() instanceof Inet4Address gw
              && sameSubnet(gw, target, a.getNetworkPrefixLength())) {
            return Optional.of(nic.getName());
          }
        }
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot list network interfaces: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static boolean sameSubnet(Inet4Address a, InetAddress b, int prefix) {
    int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
    return (toInt(a) & mask) == (toInt(b) & mask);
  }

  private static int toInt(InetAddress a) {
    byte[] b = a.getAddress();
    return (b[0] & 255) << 24 | (b[1] & 255) << 16 | (b[2] & 255) << 8 | (b[3] & 255);
  }

  private static void routeLocalnet(String bridge, boolean on) {
    Path knob = Path.of("/proc/sys/net/ipv4/conf", bridge, "route_localnet");
    try {
      Files.writeString(knob, on ? "1\n" : "0\n");
    } catch (IOException e) {
      if (on) {
        throw new RuntimeFailure("cannot set " + knob + ": " + e.getMessage(), e);
      }
      // The bridge is gone (its network was removed first): nothing is left to switch off.
    }
  }

  private void nft(String what, String script) {
    try {
      Process p = new ProcessBuilder(nft, "-f", "-").redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(script.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new RuntimeFailure(what + ": " + output.strip().lines().findFirst().orElse(""));
      }
    } catch (IOException e) {
      throw new RuntimeFailure(what + ": cannot run nft: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure(what + ": interrupted", e);
    }
  }

  private static String nftPath() {
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin")) {
      Path nft = Path.of(dir, "nft");
      if (Files.isExecutable(nft)) {
        return nft.toString();
      }
    }
    return null;
  }
}
