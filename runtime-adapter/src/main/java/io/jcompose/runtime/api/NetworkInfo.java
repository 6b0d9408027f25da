package io.jcompose.runtime.api;

import java.util.Map;

/**
 * A network that exists.
 *
 * @param name full name
 * @param bridge Linux bridge device name
 * @param subnet CIDR
 * @param gateway gateway address (where the DNS server listens)
 * @param internal no route out
 * @param labels its labels
 * @param ipRange sub-range container addresses come from, or null for the whole subnet
 * @param mtu the bridge's MTU, or 0 when the driver does not report it
 */
public record NetworkInfo(
    String name,
    String bridge,
    String subnet,
    String gateway,
    boolean internal,
    Map<String, String> labels,
    String ipRange,
    int mtu) {
  public NetworkInfo {
    labels = Map.copyOf(labels);
  }

  /** A network whose driver reports no ip_range and no MTU. */
  public NetworkInfo(
      String name,
      String bridge,
      String subnet,
      String gateway,
      boolean internal,
      Map<String, String> labels) {
    this(name, bridge, subnet, gateway, internal, labels, null, 0);
  }
}
