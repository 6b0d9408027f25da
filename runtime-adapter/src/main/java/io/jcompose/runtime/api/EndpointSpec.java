package io.jcompose.runtime.api;

import java.util.List;

/**
 * A container's attachment to one network.
 *
 * @param network full network name
 * @param ipv4Address static address, or null to allocate one
 * @param macAddress MAC address, or null for a generated one
 * @param aliases extra DNS names on this network (the service name among them)
 * @param gwPriority {@code gw_priority}: the non-internal network with the highest one carries the
 *     default route (ties go to the earlier endpoint); 0 by default
 * @param interfaceName {@code interface_name}: the interface's name inside the container, or null
 *     for the next free {@code ethN}; the caller checks that it is a valid Linux interface name
 */
public record EndpointSpec(
    String network,
    String ipv4Address,
    String macAddress,
    List<String> aliases,
    int gwPriority,
    String interfaceName) {
  public EndpointSpec {
    aliases = List.copyOf(aliases);
  }

  /** An endpoint with the default gateway priority 0 and interface name. */
  public EndpointSpec(String network, String ipv4Address, String macAddress, List<String> aliases) {
    this(network, ipv4Address, macAddress, aliases, 0, null);
  }

  /** An endpoint with the default interface name. */
  public EndpointSpec(
      String network, String ipv4Address, String macAddress, List<String> aliases, int gwPriority) {
    this(network, ipv4Address, macAddress, aliases, gwPriority, null);
  }

  /** An endpoint with an allocated address, a generated MAC and the given aliases. */
  public static EndpointSpec of(String network, String... aliases) {
    return new EndpointSpec(network, null, null, List.of(aliases));
  }

  /** Returns a copy with the given {@code gw_priority}. */
  public EndpointSpec withGwPriority(int priority) {
    return new EndpointSpec(network, ipv4Address, macAddress, aliases, priority, interfaceName);
  }

  /** Returns a copy with the given {@code interface_name} (null for the default). */
  public EndpointSpec withInterfaceName(String name) {
    return new EndpointSpec(network, ipv4Address, macAddress, aliases, gwPriority, name);
  }
}
