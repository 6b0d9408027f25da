package io.jcompose.model.api;

/**
 * One port of a service in long form; a range in the file becomes one entry per port.
 *
 * @param name a human name for the port, may be null
 * @param target port inside the container
 * @param published host port as a string; empty when the host picks a free port
 * @param hostIp host address to bind, null for all addresses
 * @param protocol tcp or udp
 * @param mode ingress or host
 * @param appProtocol application protocol hint (http, grpc...), may be null
 */
public record ServicePort(
    String name,
    int target,
    String published,
    String hostIp,
    String protocol,
    String mode,
    String appProtocol) {

  /** Fills the spec's defaults: protocol tcp, mode ingress, published empty. */
  public ServicePort {
    published = published == null ? "" : published;
    protocol = protocol == null ? "tcp" : protocol;
    mode = mode == null ? "ingress" : mode;
  }

  /** A tcp port {@code published:target} bound on all addresses. */
  public static ServicePort tcp(int target, String published) {
    return new ServicePort(null, target, published, null, "tcp", "ingress", null);
  }

  /** Whether the host chooses the published port. */
  public boolean randomPublished() {
    return published.isEmpty();
  }
}
