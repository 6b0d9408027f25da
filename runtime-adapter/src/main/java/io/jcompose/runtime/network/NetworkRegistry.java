package io.jcompose.runtime.network;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The networks of one state root: in memory, on disk and in the kernel (bridge, filter rules).
 * Blocking and not thread-safe: the driver changes it only while no other network work runs, and
 * reads it (under a read lock) from any number of workers.
 */
final class NetworkRegistry {
  private static final int DEFAULT_MTU = 1500;
  private final StateStore store;
  private final NatRules nat;
  private final HostRoutes routes;
  private final Map<String, NetworkState> networks = new LinkedHashMap<>();

  NetworkRegistry(StateStore store, NatRules nat, HostRoutes routes) {
    this.store = store;
    this.nat = nat;
    this.routes = routes;
  }

  Collection<NetworkState> all() {
    return networks.values();
  }

  NetworkState get(String name) {
    NetworkState n = networks.get(name);
    if (n == null) {
      throw new NotFoundException(
          "network " + name + " not found; create it (or declare it external only if it exists)");
    }
    return n;
  }

  /** Loads persisted networks and re-creates whatever the kernel lost (e.g. after a reboot). */
  void readopt() {
    networks.clear();
    for (NetworkState n : store.loadNetworks()) {
      networks.put(n.name(), n);
      if (!Files.exists(Path.of("/sys/class/net", n.bridge()))) {
        createBridge(n);
      }
      nat.add(n);
    }
  }

  NetworkState create(NetworkSpec spec) {
    StateStore.checkedName("network name", spec.name());
    NetworkState existing = networks.get(spec.name());
    if (existing != null) {
      if (!existing.matches(spec)) {
        throw new ConflictException(
            "network "
                + spec.name()
                + " exists with a different configuration ("
                + existing.subnet()
                + "); remove it first (jcompose down)");
      }
      return existing;
    }
    NetworkState n;
    // Drivers with other state roots (tests, a second daemon) pick subnets on the same host: the
    // choice and the bridge that makes it visible in the route table happen under one host lock.
    try (HostLock lock = HostLock.acquire()) {
      n = plan(spec);
      createBridge(n);
    }
    try {
      nat.add(n);
      store.save(n);
    } catch (RuntimeException e) {
      nat.remove(n);
      NetworkLinks.delete("network " + n.name() + ": removing its bridge", n.bridge(), List.of());
      throw e;
    }
    networks.put(n.name(), n);
    return n;
  }

  /**
   * Deletes the network from the kernel, the packet filter and disk: its bridge with the host ends
   * of {@code detachedVeths} still there (one rtnetlink batch), and its rules, by a program started
   * first so that it runs while the kernel deletes the links. All of it is gone on return.
   */
  void remove(NetworkState n, Collection<String> detachedVeths) {
    RuntimeException[] rulesFailure = new RuntimeException[1];
    Thread rules =
        new Thread(
            () -> {
              try {
                nat.remove(n);
              } catch (RuntimeException e) {
                rulesFailure[0] = e;
              }
            },
            "jcompose-rules-" + n.bridge());
    rules.start();
    try {
      NetworkLinks.delete(
          "network " + n.name() + ": cannot delete bridge " + n.bridge(),
          n.bridge(),
          detachedVeths);
    } finally {
      awaitQuietly(rules);
    }
    if (rulesFailure[0] != null) {
      throw rulesFailure[0];
    }
    store.delete(n);
    networks.remove(n.name());
  }

  private static void awaitQuietly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private NetworkState plan(NetworkSpec spec) {
    List<Cidr> taken = new ArrayList<>(routes.subnets());
    networks.values().forEach(n -> taken.add(n.cidr()));
    Cidr subnet;
    if (spec.subnet() != null) {
      subnet = Cidr.parse(spec.subnet());
      for (NetworkState other : networks.values()) {
        if (other.cidr().overlaps(subnet)) {
          throw new ConflictException(
              "network "
                  + spec.name()
                  + ": subnet "
                  + subnet
                  + " overlaps network "
                  + other.name()
                  + " ("
                  + other.subnet()
                  + "); choose another subnet");
        }
      }
    } else {
      subnet = SubnetPool.next(taken, spec.name());
    }
    if (subnet.prefix() > 30) {
      throw new RuntimeFailure(
          "network " + spec.name() + ": subnet " + subnet + " is too small; use /30 or larger");
    }
    int gateway = spec.gateway() == null ? subnet.firstHost() : Cidr.parseAddress(spec.gateway());
    String where = "network " + spec.name() + ": ";
    if (!subnet.contains(gateway)) {
      throw new RuntimeFailure(
          where
              + "gateway "
              + spec.gateway()
              + " is outside subnet "
              + subnet
              + "; use an address inside it");
    }
    if (gateway == subnet.base() || gateway == subnet.last()) {
      throw new RuntimeFailure(
          where
              + "gateway "
              + spec.gateway()
              + " is the "
              + (gateway == subnet.base() ? "network" : "broadcast")
              + " address of "
              + subnet
              + "; use a host address such as "
              + Cidr.format(subnet.firstHost()));
    }
    if (spec.ipRange() != null && !subnet.encloses(Cidr.parse(spec.ipRange()))) {
      throw new RuntimeFailure(
          where
              + "ip_range "
              + spec.ipRange()
              + " is not inside subnet "
              + subnet
              + "; use a range within the subnet");
    }
    return new NetworkState(
        spec.name(),
        bridgeName(spec.name()),
        subnet.toString(),
        Cidr.format(gateway),
        spec.ipRange(),
        spec.internal(),
        spec.mtu() > 0 ? spec.mtu() : DEFAULT_MTU,
        spec.labels());
  }

  private String bridgeName(String network) {
    for (int attempt = 0; ; attempt++) {
      String candidate = DeviceNames.bridge(network, attempt);
      boolean used =
          networks.values().stream().anyMatch(n -> n.bridge().equals(candidate))
              || Files.exists(Path.of("/sys/class/net", candidate));
      if (!used) {
        return candidate;
      }
    }
  }

  // Over rtnetlink rather than `ip -batch`: one program less to start on every `up`.
  private static void createBridge(NetworkState n) {
    String what = "network " + n.name() + ": creating bridge " + n.bridge();
    try (NetlinkSocket host = NetlinkSocket.open(what)) {
      byte[] mac = EndpointSetup.mac(what, DeviceNames.macFor(Cidr.parseAddress(n.gateway())));
      host.call(what, RouteRequests.bridge(n.bridge(), n.mtu(), mac));
      try {
        int index = host.linkIndex(what, n.bridge());
        host.call(
            what + ": adding address " + n.gateway() + "/" + n.cidr().prefix(),
            RouteRequests.addAddress(index, EndpointSetup.ipv4(n.gateway()), n.cidr().prefix()));
      } catch (RuntimeException e) {
        host.tryCall(what, RouteRequests.deleteLink(n.bridge()));
        throw e;
      }
    }
  }
}
