package io.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * How a service joins one network.
 *
 * @param aliases extra DNS names on this network
 * @param ipv4Address fixed IPv4 address, null for one from the pool
 * @param ipv6Address fixed IPv6 address, null when unset
 * @param linkLocalIps link-local addresses
 * @param macAddress MAC address on this network, null when unset
 * @param driverOpts driver options of the endpoint
 * @param priority connection order, higher first; null for 0
 * @param gwPriority which network provides the default gateway, higher wins; null for 0
 * @param interfaceName interface name in the container, null for the default
 */
public record ServiceNetwork(
    List<String> aliases,
    String ipv4Address,
    String ipv6Address,
    List<String> linkLocalIps,
    String macAddress,
    Map<String, String> driverOpts,
    Integer priority,
    Integer gwPriority,
    String interfaceName) {

  /** Normalizes nulls to empty collections. */
  public ServiceNetwork {
    aliases = Frozen.list(aliases);
    linkLocalIps = Frozen.list(linkLocalIps);
    driverOpts = Frozen.map(driverOpts);
  }

  /** Joining with no particular settings. */
  public static ServiceNetwork plain() {
    return new ServiceNetwork(null, null, null, null, null, null, null, null, null);
  }
}
