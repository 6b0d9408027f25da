package io.jcompose.runtime.api;

import io.jcompose.runtime.network.LinuxNetworkDriver;
import io.jcompose.runtime.proxy.LinuxPortProxy;
import io.vertx.core.Vertx;

/** Factories of the built-in Linux networking components a daemon hosts. */
public final class NetworkDrivers {
  private NetworkDrivers() {}

  /** Bridge networks with veth endpoints, IPAM, NAT and per-network DNS, state under paths. */
  public static NetworkDriver linux(Vertx vertx, RuntimePaths paths) {
    return linux(vertx, paths, NetworkOptions.defaults());
  }

  /** As {@link #linux(Vertx, RuntimePaths)} with explicit host-level options. */
  public static NetworkDriver linux(Vertx vertx, RuntimePaths paths, NetworkOptions options) {
    return new LinuxNetworkDriver(vertx, paths, options);
  }

  /** The userland port proxy, its state under the run directory. */
  public static PortPublisher portProxy(Vertx vertx, RuntimePaths paths) {
    return new LinuxPortProxy(vertx, paths);
  }
}
