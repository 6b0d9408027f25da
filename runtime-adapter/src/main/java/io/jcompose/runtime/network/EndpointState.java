package io.jcompose.runtime.network;

import io.jcompose.runtime.api.Endpoint;
import java.util.List;

/** One persisted veth endpoint of a container. */
record EndpointState(
    String network,
    String interfaceName,
    String hostVeth,
    String ipv4Address,
    String macAddress,
    String gateway,
    List<String> aliases) {

  EndpointState {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
  }

  Endpoint endpoint() {
    return new Endpoint(network, interfaceName, ipv4Address, macAddress, gateway, aliases);
  }
}
