package io.jcompose.runtime.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Deletes a network's links, its bridge and the host ends of its detached endpoints, over rtnetlink
 * in one batch. Unmounting a container's namespace leaves its veth pair to the kernel's
 * asynchronous namespace clean-up, and deleting links one by one costs an RCU grace period each
 * (tens of milliseconds); so the links still there are put into one device group and that group is
 * deleted with one request, which the kernel unregisters as one batch. Every link is gone from the
 * host when this returns.
 */
final class NetworkLinks {
  private static final int ENODEV = 19;

  /**
   * Groups are numbered from here by the bridge's interface index, which no other live link has:
   * two networks removed at once never share a group. The high bit keeps clear of the small numbers
   * administrators give groups by hand.
   */
  static final int GROUP_BASE = 0x40000000;

  private static final Path SYS_NET = Path.of("/sys/class/net");

  private NetworkLinks() {}

  /**
   * Deletes {@code bridge} and those of {@code hostVeths} that still exist.
   *
   * @throws io.jcompose.runtime.api.RuntimeFailure when the kernel refuses, naming the link
   */
  static void delete(String what, String bridge, Collection<String> hostVeths) {
    batch(what, bridge, hostVeths, true);
  }

  /** Deletes those of {@code hostVeths}, endpoints on {@code bridge}, that still exist. */
  static void deleteVeths(String what, String bridge, Collection<String> hostVeths) {
    batch(what, bridge, hostVeths, false);
  }

  private static void batch(
      String what, String bridge, Collection<String> hostVeths, boolean withBridge) {
    try (NetlinkSocket host = NetlinkSocket.open(what)) {
      NetlinkReply found =
          hostVeths.isEmpty() ? null : host.tryCall(what, RouteRequests.getLink(bridge));
      List<String> links = new ArrayList<>();
      if (found != null && found.errno() == 0 && found.linkIndex() > 0) {
        int group = GROUP_BASE | found.linkIndex();
        for (String veth : hostVeths) {
          // A veth the kernel destroyed with its namespace answers ENODEV: nothing to do.
          if (host.tryCall(what, RouteRequests.setGroup(veth, group)).errno() == 0) {
            links.add(veth);
          }
        }
        if (withBridge) {
          links.add(bridge);
          NetlinkSocket.check(
              what + ": moving " + bridge + " into link group " + group,
              host.tryCall(what, RouteRequests.setGroup(bridge, group)));
        }
        if (links.isEmpty()) {
          return;
        }
        if (membersOf(group).equals(new TreeSet<>(links))) {
          NetlinkReply r = host.tryCall(what, RouteRequests.deleteGroup(group));
          if (r.errno() == 0 || r.errno() == ENODEV) {
            return;
          }
        }
        // Some other link carries the group (or the batch failed): only ours, one at a time.
      } else {
        links.addAll(hostVeths);
        if (withBridge) {
          links.add(bridge);
        }
      }
      for (String link : links) {
        NetlinkReply r = host.tryCall(what, RouteRequests.deleteLink(link));
        if (r.errno() != 0 && r.errno() != ENODEV && Files.exists(SYS_NET.resolve(link))) {
          NetlinkSocket.check(what + ": deleting " + link, r);
        }
      }
    }
  }

  /** The host links whose device group is {@code group}. */
  static Set<String> membersOf(int group) {
    Set<String> members = new TreeSet<>();
    String wanted = Integer.toString(group);
    try (Stream<Path> links = Files.list(SYS_NET)) {
      for (Path link : links.toList()) {
        try {
          if (Files.readString(link.resolve("netdev_group")).strip().equals(wanted)) {
            members.add(link.getFileName().toString());
          }
        } catch (IOException e) {
          // A link deleted while we look carries no group any more.
        }
      }
    } catch (IOException e) {
      // Unknown members: the caller then deletes its links one at a time.
      members.add("?");
    }
    return members;
  }
}
