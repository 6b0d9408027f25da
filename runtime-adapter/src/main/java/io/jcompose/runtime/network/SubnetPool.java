package io.jcompose.runtime.network;

import io.jcompose.runtime.api.RuntimeFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Docker's default address pool: 172.17.0.0/16 … 172.31.0.0/16, then the /20 blocks of
 * 192.168.0.0/16. The first candidate overlapping neither a host route nor another network wins.
 */
final class SubnetPool {
  private static final List<Cidr> CANDIDATES = candidates();

  private SubnetPool() {}

  private static List<Cidr> candidates() {
    List<Cidr> list = new ArrayList<>();
    for (int second = 17; second <= 31; second++) {
      list.add(new Cidr((172 << 24) | (second << 16), 16));
    }
    for (int third = 0; third < 256; third += 16) {
      list.add(new Cidr((192 << 24) | (168 << 16) | (third << 8), 20));
    }
    return List.copyOf(list);
  }

  static Cidr next(Collection<Cidr> taken, String networkName) {
    for (Cidr candidate : CANDIDATES) {
      if (taken.stream().noneMatch(candidate::overlaps)) {
        return candidate;
      }
    }
    throw new RuntimeFailure(
        "network "
            + networkName
            + ": every subnet of the default pool overlaps a host route or another network;"
            + " set ipam.config[].subnet");
  }
}
