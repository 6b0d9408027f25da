package io.jcompose.runtime.api;

/**
 * One {@code ports} entry of a service in long form. A host range maps one to one onto a container
 * range of the same size; a host range with a single container port takes the first free host port
 * of the range.
 *
 * @param hostIp address to listen on, or null for {@code 0.0.0.0}
 * @param hostPortStart first host port, or 0 for a random free port
 * @param hostPortEnd last host port (equal to the first for one port; 0 with a random port)
 * @param containerPortStart first container port
 * @param containerPortEnd last container port
 * @param protocol {@code tcp} or {@code udp}
 */
public record PortBinding(
    String hostIp,
    int hostPortStart,
    int hostPortEnd,
    int containerPortStart,
    int containerPortEnd,
    String protocol) {
  public PortBinding {
    protocol = protocol == null ? "tcp" : protocol.toLowerCase(java.util.Locale.ROOT);
    if (hostPortEnd < hostPortStart) {
      hostPortEnd = hostPortStart;
    }
    if (containerPortEnd < containerPortStart) {
      containerPortEnd = containerPortStart;
    }
  }

  /** {@code "host:container"} over TCP on every address; a host port of 0 picks a free one. */
  public static PortBinding tcp(int hostPort, int containerPort) {
    return new PortBinding(null, hostPort, hostPort, containerPort, containerPort, "tcp");
  }

  /** {@code "host:container/udp"} on every address. */
  public static PortBinding udp(int hostPort, int containerPort) {
    return new PortBinding(null, hostPort, hostPort, containerPort, containerPort, "udp");
  }

  /** Returns a copy that listens on the given host address only. */
  public PortBinding withHostIp(String ip) {
    return new PortBinding(
        ip, hostPortStart, hostPortEnd, containerPortStart, containerPortEnd, protocol);
  }
}
