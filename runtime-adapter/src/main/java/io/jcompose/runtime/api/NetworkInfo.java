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
 */
public record NetworkInfo(
    String name,
    String bridge,
    String subnet,
    String gateway,
    boolean internal,
    Map<String, String> labels) {
  public NetworkInfo {
    labels = Map.copyOf(labels);
  }
}
