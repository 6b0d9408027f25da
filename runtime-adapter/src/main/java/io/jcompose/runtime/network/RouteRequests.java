package io.jcompose.runtime.network;

/**
 * The rtnetlink requests a network and an endpoint need, each one message: what {@code ip link add
 * … type bridge}, {@code ip link add … type veth peer … netns}, {@code ip link set … up}, {@code ip
 * addr add}, {@code ip route add default} and {@code ip link del} send.
 */
final class RouteRequests {
  static final int RTM_NEWLINK = 16;
  static final int RTM_DELLINK = 17;
  static final int RTM_GETLINK = 18;
  static final int RTM_NEWADDR = 20;
  static final int RTM_NEWROUTE = 24;
  static final int AF_UNSPEC = 0;
  static final int AF_INET = 2;
  static final int IFF_UP = 0x1;
  static final int IFLA_ADDRESS = 1;
  static final int IFLA_IFNAME = 3;
  static final int IFLA_MTU = 4;
  static final int IFLA_MASTER = 10;
  static final int IFLA_LINKINFO = 18;
  static final int IFLA_GROUP = 27;
  static final int IFLA_NET_NS_FD = 28;
  static final int IFLA_INFO_KIND = 1;
  static final int IFLA_INFO_DATA = 2;
  static final int VETH_INFO_PEER = 1;
  static final int IFA_ADDRESS = 1;
  static final int IFA_LOCAL = 2;
  static final int RTA_OIF = 4;
  static final int RTA_GATEWAY = 5;
  static final int RT_TABLE_MAIN = 254;
  static final int RTPROT_BOOT = 3;
  static final int RT_SCOPE_UNIVERSE = 0;
  static final int RTN_UNICAST = 1;

  /** The loopback device is the first one every network namespace registers. */
  static final int LOOPBACK_INDEX = 1;

  private RouteRequests() {}

  /**
   * A veth pair: {@code hostName} here, enslaved to {@code masterIndex} and up; its peer {@code
   * peerName} created straight in the namespace open as {@code netnsFd}, with {@code mac}, down.
   * {@code mtu} 0 keeps the kernel's default.
   */
  static NetlinkMessage vethPair(
      String hostName, int masterIndex, int mtu, String peerName, byte[] mac, int netnsFd) {
    NetlinkMessage m =
        NetlinkMessage.request(RTM_NEWLINK, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
            .ifinfo(AF_UNSPEC, 0, IFF_UP, IFF_UP)
            .string(IFLA_IFNAME, hostName);
    if (mtu > 0) {
      m.u32(IFLA_MTU, mtu);
    }
    m.u32(IFLA_MASTER, masterIndex);
    int info = m.nest(IFLA_LINKINFO);
    m.string(IFLA_INFO_KIND, "veth");
    int data = m.nest(IFLA_INFO_DATA);
    int peer = m.nest(VETH_INFO_PEER);
    // The peer cannot come up here: veth refuses to open an end before the pair is linked.
    m.ifinfo(AF_UNSPEC, 0, 0, 0).string(IFLA_IFNAME, peerName).attr(IFLA_ADDRESS, mac);
    if (mtu > 0) {
      m.u32(IFLA_MTU, mtu);
    }
    m.u32(IFLA_NET_NS_FD, netnsFd);
    return m.end(peer).end(data).end(info);
  }

  /**
   * A bridge called {@code name}, up; {@code mtu} 0 keeps the kernel's default. With a {@code mac}
   * the bridge keeps that address for good; without one the kernel gives it the lowest address of
   * its ports, which changes when a port goes and leaves every container's ARP entry for the
   * gateway (and its DNS server) stale for seconds.
   */
  static NetlinkMessage bridge(String name, int mtu, byte[] mac) {
    NetlinkMessage m =
        NetlinkMessage.request(RTM_NEWLINK, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
            .ifinfo(AF_UNSPEC, 0, IFF_UP, IFF_UP)
            .string(IFLA_IFNAME, name);
    if (mtu > 0) {
      m.u32(IFLA_MTU, mtu);
    }
    if (mac != null) {
      m.attr(IFLA_ADDRESS, mac);
    }
    int info = m.nest(IFLA_LINKINFO);
    m.string(IFLA_INFO_KIND, "bridge");
    return m.end(info);
  }

  /** Sets the link with index {@code index} up. */
  static NetlinkMessage linkUp(int index) {
    return NetlinkMessage.request(RTM_NEWLINK, 0).ifinfo(AF_UNSPEC, index, IFF_UP, IFF_UP);
  }

  /** Asks for one link by name (the reply carries its index). */
  static NetlinkMessage getLink(String name) {
    return NetlinkMessage.request(RTM_GETLINK, 0)
        .ifinfo(AF_UNSPEC, 0, 0, 0)
        .string(IFLA_IFNAME, name);
  }

  /** Deletes one link by name. */
  static NetlinkMessage deleteLink(String name) {
    return NetlinkMessage.request(RTM_DELLINK, 0)
        .ifinfo(AF_UNSPEC, 0, 0, 0)
        .string(IFLA_IFNAME, name);
  }

  /** Puts the link called {@code name} into device group {@code group}. */
  static NetlinkMessage setGroup(String name, int group) {
    return NetlinkMessage.request(RTM_NEWLINK, 0)
        .ifinfo(AF_UNSPEC, 0, 0, 0)
        .string(IFLA_IFNAME, name)
        .u32(IFLA_GROUP, group);
  }

  /**
   * Deletes every link of device group {@code group} at once: the kernel unregisters them as one
   * batch, waiting out one RCU grace period for all instead of one per link.
   */
  static NetlinkMessage deleteGroup(int group) {
    return NetlinkMessage.request(RTM_DELLINK, 0).ifinfo(AF_UNSPEC, 0, 0, 0).u32(IFLA_GROUP, group);
  }

  /** Adds IPv4 {@code address}/{@code prefix} to the link with index {@code index}. */
  static NetlinkMessage addAddress(int index, byte[] address, int prefix) {
    return NetlinkMessage.request(
            RTM_NEWADDR, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
        .ifaddr(AF_INET, prefix, 0, RT_SCOPE_UNIVERSE, index)
        .attr(IFA_LOCAL, address)
        .attr(IFA_ADDRESS, address);
  }

  /** The IPv4 default route via {@code gateway} out of the link with index {@code index}. */
  static NetlinkMessage defaultRoute(byte[] gateway, int index) {
    return NetlinkMessage.request(
            RTM_NEWROUTE, NetlinkMessage.NLM_F_CREATE | NetlinkMessage.NLM_F_EXCL)
        .rtmsg(AF_INET, 0, RT_TABLE_MAIN, RTPROT_BOOT, RT_SCOPE_UNIVERSE, RTN_UNICAST, 0)
        .attr(RTA_GATEWAY, gateway)
        .u32(RTA_OIF, index);
  }
}
