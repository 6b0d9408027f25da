package io.jcompose.scheduler.api;

/**
 * Options of {@code port}.
 *
 * @param service the service
 * @param privatePort the container port
 * @param protocol {@code tcp} (default) or {@code udp}
 * @param index replica number, 0 for the first
 */
public record PortOptions(String service, int privatePort, String protocol, int index) {
  public PortOptions {
    protocol = protocol == null ? "tcp" : protocol;
  }
}
