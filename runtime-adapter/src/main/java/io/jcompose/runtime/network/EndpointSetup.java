package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

/**
 * Sets up and tears down a container's network namespace over rtnetlink from the daemon, with no
 * program run: the namespace and its bind mount ({@link NetnsFile}), loopback up, then per endpoint
 * one request that creates the veth pair with its peer already inside the namespace, enslaved,
 * sized and addressed by MAC, one that brings the peer up, one that adds the address, and the
 * default route at the end.
 */
final class EndpointSetup {
  private static final int EEXIST = 17;

  /** How long a name held by a namespace being destroyed may take to come free. */
  private static final long STALE_WAIT_MS = 2000;

  private EndpointSetup() {}

  /** A network the container's veth joins, with the chosen address. */
  record Plug(EndpointState endpoint, String bridge, int prefix, int mtu, boolean defaultRoute) {}

  /** Creates the namespace file {@code netns} (an existing empty file) and its endpoints. */
  static void create(String what, Path netns, List<Plug> plugs) {
    try (NetnsFile ns = NetnsFile.create(what, netns);
        NetlinkSocket host = NetlinkSocket.open(what)) {
      NetlinkSocket inside = ns.socket();
      inside.call(what + ": bringing up lo", RouteRequests.linkUp(RouteRequests.LOOPBACK_INDEX));
      int[] indexes = new int[plugs.size()];
      for (int i = 0; i < plugs.size(); i++) {
        Plug p = plugs.get(i);
        EndpointState e = p.endpoint();
        String veth = "veth " + e.hostVeth() + " (" + e.interfaceName() + " inside)";
        int bridge = host.linkIndex(what, p.bridge());
        byte[] mac = mac(what, e.macAddress());
        String step = what + ": creating " + veth + " on bridge " + p.bridge();
        NetlinkMessage pair =
            RouteRequests.vethPair(e.hostVeth(), bridge, p.mtu(), e.interfaceName(), mac, ns.fd());
        NetlinkReply r = host.tryCall(step, pair);
        if (r.errno() == EEXIST && awaitGone(List.of(e.hostVeth()), STALE_WAIT_MS)) {
          // The same name from an earlier attach whose namespace the kernel is still destroying.
          r = host.tryCall(step, pair);
        }
        NetlinkSocket.check(step, r);
        indexes[i] = inside.linkIndex(what, e.interfaceName());
        inside.call(what + ": bringing up " + veth, RouteRequests.linkUp(indexes[i]));
        inside.call(
            what + ": adding address " + e.ipv4Address() + "/" + p.prefix() + " to " + veth,
            RouteRequests.addAddress(indexes[i], ipv4(e.ipv4Address()), p.prefix()));
      }
      for (int i = 0; i < plugs.size(); i++) {
        EndpointState e = plugs.get(i).endpoint();
        if (plugs.get(i).defaultRoute()) {
          inside.call(
              what + ": adding the default route via " + e.gateway() + " on " + e.interfaceName(),
              RouteRequests.defaultRoute(ipv4(e.gateway()), indexes[i]));
        }
      }
    }
  }

  /**
   * Unmounts and deletes the namespace file. The kernel then destroys the namespace in the
   * background, and with it each veth pair: deleting a veth synchronously costs 30–50 ms of waiting
   * for the device to drain, while the kernel destroys many dead namespaces in one batch for about
   * the price of one. Removing the network deletes whatever is left of them in one batch ({@link
   * NetworkLinks}).
   */
  static void remove(Path netns) {
    if (AttachmentRegistry.isMounted(netns)) {
      NetnsFile.unmount(netns);
    }
    try {
      Files.deleteIfExists(netns);
    } catch (IOException e) {
      // An empty leftover file is harmless; the next attach of that id overwrites it.
    }
  }

  /**
   * Waits until none of {@code hostVeths} exists on the host any more, up to {@code maxMs}; returns
   * whether they are all gone.
   */
  static boolean awaitGone(List<String> hostVeths, long maxMs) {
    long deadline = System.nanoTime() + maxMs * 1_000_000;
    for (String veth : hostVeths) {
      while (Files.exists(Path.of("/sys/class/net", veth))) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return true;
  }

  /** Deletes host veths now (their peers go with them); whatever is already gone is skipped. */
  static void deleteNow(List<String> hostVeths) {
    try (NetlinkSocket host = NetlinkSocket.open("removing endpoints")) {
      for (String veth : hostVeths) {
        host.tryCall("deleting " + veth, RouteRequests.deleteLink(veth));
      }
    }
  }

  static byte[] ipv4(String address) {
    return ByteBuffer.allocate(4).putInt(Cidr.parseAddress(address)).array();
  }

  static byte[] mac(String what, String mac) {
    if (mac == null || !mac.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
      throw new RuntimeFailure(
          what + ": mac_address '" + mac + "' is not a MAC address; write e.g. 02:42:ac:11:00:02");
    }
    return HexFormat.ofDelimiter(":").parseHex(mac);
  }
}
