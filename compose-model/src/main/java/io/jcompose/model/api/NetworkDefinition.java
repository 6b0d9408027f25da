package io.jcompose.model.api;

import java.util.List;
import java.util.Map;

/**
 * A network of the project ({@code networks:} at the top level), canonical.
 *
 * @param key the network's key in the file (what services refer to)
 * @param name the resolved full name: {@code <project>_<key>} unless {@code name:} is set or the
 *     network is external
 * @param driver driver, null for bridge
 * @param driverOpts driver options
 * @param ipam address management, null when unset
 * @param external whether the network exists outside the project
 * @param internal no outbound connectivity
 * @param attachable standalone containers may attach
 * @param enableIpv4 IPv4 on or off, null for the default (on)
 * @param enableIpv6 IPv6 on or off, null for the default (off)
 * @param labels labels
 * @param extensions {@code x-} fields
 */
public record NetworkDefinition(
    String key,
    String name,
    String driver,
    Map<String, String> driverOpts,
    Ipam ipam,
    boolean external,
    boolean internal,
    boolean attachable,
    Boolean enableIpv4,
    Boolean enableIpv6,
    Map<String, String> labels,
    Map<String, Object> extensions) {

  /** Normalizes nulls to empty maps. */
  public NetworkDefinition {
    driverOpts = Frozen.map(driverOpts);
    labels = Frozen.map(labels);
    extensions = Frozen.map(extensions);
  }

  /** A plain bridge network {@code key} named {@code fullName}. */
  public static NetworkDefinition bridge(String key, String fullName) {
    return new NetworkDefinition(
        key, fullName, null, null, null, false, false, false, null, null, null, null);
  }

  /**
   * IP address management of a network.
   *
   * @param driver IPAM driver, null for the default
   * @param config address pools
   * @param options driver options
   */
  public record Ipam(String driver, List<IpamPool> config, Map<String, String> options) {

    /** Normalizes nulls to empty collections. */
    public Ipam {
      config = Frozen.list(config);
      options = Frozen.map(options);
    }
  }

  /**
   * One address pool.
   *
   * @param subnet CIDR subnet
   * @param ipRange CIDR range to allocate from, null for the whole subnet
   * @param gateway gateway address, null for the first address
   * @param auxAddresses reserved addresses by host name
   */
  public record IpamPool(
      String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {

    /** Normalizes a null map to empty. */
    public IpamPool {
      auxAddresses = Frozen.map(auxAddresses);
    }
  }
}
