package io.jcompose.runtime.network;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.Set;

/**
 * Picks container addresses in a network: a static {@code ipv4_address} when given (inside the
 * subnet and free), otherwise the lowest free address of {@code ip_range} (or the subnet), never
 * the network, broadcast or gateway address.
 */
final class AddressAllocator {
  private AddressAllocator() {}

  static int allocate(NetworkState network, Set<Integer> used, String requested, String container) {
    Cidr subnet = network.cidr();
    int gateway = Cidr.parseAddress(network.gateway());
    if (requested != null && !requested.isBlank()) {
      int address = Cidr.parseAddress(requested);
      if (!subnet.contains(address)) {
        throw new RuntimeFailure(
            container
                + ": ipv4_address "
                + requested
                + " is outside network "
                + network.name()
                + " ("
                + network.subnet()
                + "); pick an address in that subnet");
      }
      if (address == gateway || address == subnet.base() || address == subnet.last()) {
        throw new RuntimeFailure(
            container
                + ": ipv4_address "
                + requested
                + " is reserved in network "
                + network.name()
                + " (network, broadcast or gateway address)");
      }
      if (used.contains(address)) {
        throw new ConflictException(
            container
                + ": ipv4_address "
                + requested
                + " is already in use in network "
                + network.name());
      }
      return address;
    }
    Cidr range = network.ipRange() == null ? subnet : Cidr.parse(network.ipRange());
    for (int a = Math.max(range.base(), subnet.firstHost()); ; a++) {
      if (!range.contains(a) || a == subnet.last() && subnet.prefix() < 31) {
        break;
      }
      if (a != gateway && !used.contains(a)) {
        return a;
      }
    }
    throw new ConflictException(
        container
            + ": network "
            + network.name()
            + " has no free address left in "
            + range
            + "; use a larger subnet or ip_range");
  }
}
