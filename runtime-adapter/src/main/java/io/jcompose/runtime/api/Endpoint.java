package io.jcompose.runtime.api;

import java.util.List;

/**
 * A container's interface on one network.
 *
 * @param network full network name
 * @param interfaceName name inside the container ({@code eth0}…)
 * @param ipv4Address its address
 * @param macAddress its MAC address
 * @param gateway the network's gateway
 * @param aliases DNS names it answers to on this network
 */
public record Endpoint(
    String network,
    String interfaceName,
    String ipv4Address,
    String macAddress,
    String gateway,
    List<String> aliases) {
  public Endpoint {
    aliases = List.copyOf(aliases);
  }
}
