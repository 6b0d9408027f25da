package io.jcompose.scheduler.plan;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.scheduler.api.InvalidProjectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the network driver is asked for a project network: the one place that reads a {@code
 * networks:} entry into a {@link NetworkSpec}, so that creating a network and checking an existing
 * one against the file agree.
 */
public final class NetworkSpecs {

  /** The one {@code driver_opts} key the bridge driver honours. */
  public static final String MTU_OPTION = "com.docker.network.driver.mtu";

  /** Docker's bridge MTU when {@link #MTU_OPTION} is unset. */
  static final int DEFAULT_MTU = 1500;

  private static final int MIN_MTU = 68;
  private static final int MAX_MTU = 65535;

  private NetworkSpecs() {}

  /**
   * The spec of project network {@code key}: its full name, compose labels plus the user's, the
   * first IPv4 pool of {@code ipam.config}, {@code internal} and the MTU option.
   *
   * @throws InvalidProjectException when the MTU option is not a number from 68 to 65535
   */
  public static NetworkSpec of(Project project, String key) {
    NetworkDefinition def = project.networks().get(key);
    Map<String, String> labels = new HashMap<>(def == null ? Map.of() : def.labels());
    labels.put(ComposeLabels.PROJECT, project.name());
    labels.put(ComposeLabels.NETWORK, key);
    NetworkDefinition.IpamPool pool = def == null ? null : ipv4Pool(def).orElse(null);
    return new NetworkSpec(
        ServiceNames.network(project, key),
        pool == null ? null : pool.subnet(),
        pool == null ? null : pool.gateway(),
        pool == null ? null : pool.ipRange(),
        def != null && def.internal(),
        def == null ? 0 : mtu(key, def),
        labels);
  }

  /** The first pool of {@code ipam.config} that is not IPv6: the one jcompose honours. */
  public static Optional<NetworkDefinition.IpamPool> ipv4Pool(NetworkDefinition def) {
    return pools(def).stream().filter(p -> !ipv6(p)).findFirst();
  }

  /** Whether a pool names an IPv6 subnet, range or gateway. */
  public static boolean ipv6(NetworkDefinition.IpamPool pool) {
    return colon(pool.subnet()) || colon(pool.ipRange()) || colon(pool.gateway());
  }

  static List<NetworkDefinition.IpamPool> pools(NetworkDefinition def) {
    return def.ipam() == null ? List.of() : def.ipam().config();
  }

  private static boolean colon(String s) {
    return s != null && s.indexOf(':') >= 0;
  }

  // Docker rejects a non-numeric MTU at network creation; here it is caught before anything is
  // created, with the path of the option.
  private static int mtu(String key, NetworkDefinition def) {
    String raw = def.driverOpts().get(MTU_OPTION);
    if (raw == null) {
      return 0;
    }
    int mtu = parseMtu(raw);
    if (mtu < 0) {
      throw new InvalidProjectException(
          "networks."
              + key
              + ".driver_opts."
              + MTU_OPTION
              + ": \""
              + raw
              + "\" is not a valid MTU; use a whole number from "
              + MIN_MTU
              + " to "
              + MAX_MTU);
    }
    return mtu;
  }

  /** An MTU option's value (68 to 65535), or -1 when it is not one. */
  public static int parseMtu(String raw) {
    try {
      int mtu = Integer.parseInt(raw.strip());
      return mtu >= MIN_MTU && mtu <= MAX_MTU ? mtu : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
