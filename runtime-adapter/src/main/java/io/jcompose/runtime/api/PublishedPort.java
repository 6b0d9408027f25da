package io.jcompose.runtime.api;

/**
 * A host port that forwards to a container port (what {@code ps} and {@code port} show).
 *
 * @param hostIp address the proxy listens on
 * @param hostPort port it listens on (the chosen one for a random port)
 * @param containerAddress container address it forwards to
 * @param containerPort container port
 * @param protocol {@code tcp} or {@code udp}
 */
public record PublishedPort(
    String hostIp, int hostPort, String containerAddress, int containerPort, String protocol) {

  /** Docker's notation, e.g. {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return hostIp + ":" + hostPort + "->" + containerPort + "/" + protocol;
  }
}
