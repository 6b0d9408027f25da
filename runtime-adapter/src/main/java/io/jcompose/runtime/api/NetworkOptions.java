package io.jcompose.runtime.api;

import java.nio.file.Path;

/**
 * Host-level settings of the Linux network driver.
 *
 * @param hostResolvConf the host's {@code resolv.conf}, whose nameservers get every name the
 *     networks do not know
 * @param dnsPort port of the per-network DNS servers (53; tests may change it)
 * @param upstreamPort port the upstream resolvers listen on (53; tests use a fake one)
 */
public record NetworkOptions(Path hostResolvConf, int dnsPort, int upstreamPort) {

  /** The host's {@code /etc/resolv.conf}, DNS on port 53. */
  public static NetworkOptions defaults() {
    return new NetworkOptions(Path.of("/etc/resolv.conf"), 53, 53);
  }

  /** Returns a copy whose upstreams are the nameservers of {@code file} on {@code port}. */
  public NetworkOptions withUpstreams(Path file, int port) {
    return new NetworkOptions(file, dnsPort, port);
  }
}
