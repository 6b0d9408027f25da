package io.jcompose.runtime.api;

import java.util.Map;

/**
 * A network to create. External networks ({@code external: true}) are never created: look them up
 * with {@link NetworkDriver#inspect(String)}.
 *
 * @param name full name ({@code <project>_<network>})
 * @param subnet CIDR, or null to take one from the pool
 * @param gateway gateway address, or null for the subnet's first
 * @param ipRange sub-range to allocate container addresses from, or null
 * @param internal no route out
 * @param mtu MTU from {@code driver_opts} ({@code com.docker.network.driver.mtu}), or 0 for the
 *     default
 * @param labels its labels
 */
public record NetworkSpec(
    String name,
    String subnet,
    String gateway,
    String ipRange,
    boolean internal,
    int mtu,
    Map<String, String> labels) {
  public NetworkSpec {
    labels = Map.copyOf(labels);
  }

  /** A network with a pool subnet, outbound access, the default MTU and the given labels. */
  public static NetworkSpec of(String name, Map<String, String> labels) {
    return new NetworkSpec(name, null, null, null, false, 0, labels);
  }
}
