package io.jcompose.scheduler.engine;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.scheduler.plan.NetworkSpecs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The network settings jcompose reads but does not apply: a top-level network's and a service's
 * per-network ones. The bridge driver honours {@code ipam.config}'s first IPv4 pool (subnet,
 * gateway, ip_range), {@code internal}, {@code labels} and the MTU option; every other setting gets
 * one warning instead of being dropped silently.
 */
final class UnsupportedNetworkAttributes {

  private static final String IGNORED = ": not supported by jcompose; ignored";

  private UnsupportedNetworkAttributes() {}

  /** Warnings for top-level network {@code key}; none for an external network. */
  static List<String> ofNetwork(String key, NetworkDefinition n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.external()) {
      return out;
    }
    String at = "networks." + key + ".";
    if (n.driver() != null && !"bridge".equals(n.driver())) {
      out.add(at + "driver: \"" + n.driver() + "\" is not supported; the network is a bridge");
    }
    List<String> opts =
        n.driverOpts().keySet().stream()
            .filter(k -> !NetworkSpecs.MTU_OPTION.equals(k))
            .sorted()
            .toList();
    if (!opts.isEmpty()) {
      out.add(at + "driver_opts: " + String.join(", ", opts) + IGNORED);
    }
    if (Boolean.TRUE.equals(n.enableIpv6())) {
      out.add(at + "enable_ipv6: IPv6 is not supported yet; the network gets IPv4 only");
    }
    if (Boolean.FALSE.equals(n.enableIpv4())) {
      out.add(at + "enable_ipv4: false is not supported; the network gets IPv4");
    }
    if (n.attachable()) {
      out.add(at + "attachable" + IGNORED);
    }
    out.addAll(n.ipam() == null ? List.of() : ipam(at + "ipam.", n));
    return out;
  }

  private static List<String> ipam(String at, NetworkDefinition n) {
    List<String> out = new ArrayList<>();
    NetworkDefinition.Ipam ipam = n.ipam();
    if (ipam.driver() != null && !"default".equals(ipam.driver())) {
      out.add(
          at + "driver: \"" + ipam.driver() + "\" is not supported; jcompose assigns addresses");
    }
    if (!ipam.options().isEmpty()) {
      out.add(at + "options" + IGNORED);
    }
    NetworkDefinition.IpamPool used = NetworkSpecs.ipv4Pool(n).orElse(null);
    for (int i = 0; i < ipam.config().size(); i++) {
      NetworkDefinition.IpamPool pool = ipam.config().get(i);
      String where = at + "config[" + i + "]";
      if (NetworkSpecs.ipv6(pool)) {
        out.add(where + ": IPv6 pool " + describe(pool) + " is not supported yet; ignored");
      } else if (pool != used) {
        out.add(where + ": only the first IPv4 pool is used; " + describe(pool) + " ignored");
      } else if (!pool.auxAddresses().isEmpty()) {
        out.add(where + ".aux_addresses" + IGNORED);
      }
    }
    return out;
  }

  private static String describe(NetworkDefinition.IpamPool pool) {
    return pool.subnet() != null ? pool.subnet() : "without subnet";
  }

  /** Warnings for the per-network settings of service {@code s}, in network key order. */
  static List<String> ofService(Service s) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, ServiceNetwork> e : new TreeMap<>(s.networks()).entrySet()) {
      ServiceNetwork sn = e.getValue();
      if (sn == null) {
        continue;
      }
      String at = "networks." + e.getKey() + ".";
      check(out, sn.ipv6Address() != null, at + "ipv6_address");
      check(out, !sn.linkLocalIps().isEmpty(), at + "link_local_ips");
      check(out, !sn.driverOpts().isEmpty(), at + "driver_opts");
    }
    return out;
  }

  private static void check(List<String> found, boolean present, String attribute) {
    if (present) {
      found.add(attribute);
    }
  }
}
