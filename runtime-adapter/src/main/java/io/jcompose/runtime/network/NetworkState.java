package io.jcompose.runtime.network;

import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import java.util.Map;

/** A network as persisted: what was asked for and what was chosen (bridge, subnet, gateway). */
record NetworkState(
    String name,
    String bridge,
    String subnet,
    String gateway,
    String ipRange,
    boolean internal,
    int mtu,
    Map<String, String> labels) {

  NetworkState {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  NetworkInfo info() {
    return new NetworkInfo(name, bridge, subnet, gateway, internal, labels, ipRange, mtu);
  }

  Cidr cidr() {
    return Cidr.parse(subnet);
  }

  /** Whether an existing network already satisfies a create request (idempotent create). */
  boolean matches(NetworkSpec spec) {
    return internal == spec.internal()
        && (spec.subnet() == null || Cidr.parse(spec.subnet()).equals(cidr()))
        && (spec.gateway() == null || spec.gateway().equals(gateway))
        && (spec.mtu() == 0 || spec.mtu() == mtu);
  }
}
