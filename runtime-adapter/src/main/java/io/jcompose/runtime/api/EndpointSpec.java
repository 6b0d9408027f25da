package io.jcompose.runtime.api;

import java.util.List;

/**
 * A container's attachment to one network.
 *
 * @param network full network name
 * @param ipv4Address static address, or null to allocate one
 * @param macAddress MAC address, or null for a generated one
 * @param aliases extra DNS names on this network (the service name among them)
 */
public record EndpointSpec(
    String network, String ipv4Address, String macAddress, List<String> aliases) {
  public EndpointSpec {
    aliases = List.copyOf(aliases);
  }

  /** An endpoint with an allocated address, a generated MAC and the given aliases. */
  public static EndpointSpec of(String network, String... aliases) {
    return new EndpointSpec(network, null, null, List.of(aliases));
  }
}
