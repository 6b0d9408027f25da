package io.jcompose.runtime.network;

import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.dns.DnsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Container attachments: namespace files, veth endpoints, address allocations and the DNS names
 * they contribute. Safe for concurrent use: address allocation and the in-memory state change under
 * one short lock, while the kernel work (namespace, veths, unmount) and the container's own files
 * happen outside it, so endpoints of different containers are set up side by side. A container
 * being attached or torn down is "busy": other calls for that id wait until it is done, which keeps
 * one container's operations in order. Every change of the names is published to {@code names}
 * under the lock, so a newer table never loses to an older one. Networks must not be created or
 * removed meanwhile; the driver ensures that.
 */
final class AttachmentRegistry {
  private final StateStore store;
  private final Path netnsDir;
  private final NetworkRegistry networks;
  private final Consumer<DnsTable> names;
  private final Object lock = new Object();
  private final Map<String, AttachmentState> attachments = new LinkedHashMap<>();

  /** Attachments whose kernel side is being set up: their addresses are taken already. */
  private final Map<String, AttachmentState> pending = new HashMap<>();

  /** Container ids with kernel work in flight. */
  private final Set<String> busy = new HashSet<>();

  /** Host veths of detached endpoints the kernel may still be destroying, by network. */
  private final Map<String, Set<String>> releasing = new HashMap<>();

  AttachmentRegistry(
      StateStore store, Path netnsDir, NetworkRegistry networks, Consumer<DnsTable> names) {
    this.store = store;
    this.netnsDir = netnsDir;
    this.networks = networks;
    this.names = names;
  }

  /** Loads persisted attachments; drops those whose namespace is gone (the run dir was wiped). */
  void readopt() {
    synchronized (lock) {
      attachments.clear();
      for (AttachmentState a : store.loadAttachments()) {
        if (isMounted(Path.of(a.netns()))) {
          attachments.put(a.containerId(), a);
        } else {
          release(a);
          destroy(a);
        }
      }
      publish();
    }
  }

  List<String> containersOn(String network) {
    synchronized (lock) {
      return java.util.stream.Stream.concat(
              attachments.values().stream(), pending.values().stream())
          .filter(a -> a.endpoints().stream().anyMatch(e -> e.network().equals(network)))
          .map(AttachmentState::containerId)
          .toList();
    }
  }

  AttachmentState attach(AttachSpec spec) {
    String id = spec.containerId();
    StateStore.checkedName("container id", id);
    AttachmentState state;
    List<EndpointSetup.Plug> plugs = new ArrayList<>();
    synchronized (lock) {
      awaitIdle(id);
      state = reserve(spec, plugs);
    }
    try {
      createEmpty(Path.of(state.netns()));
      EndpointSetup.create("container " + id + ": network setup", Path.of(state.netns()), plugs);
      List<EndpointState> endpoints = state.endpoints();
      String nameserver = endpoints.isEmpty() ? null : endpoints.get(0).gateway();
      ContainerFiles.write(Path.of(state.dir()), spec, endpoints, nameserver);
      store.save(state);
    } catch (RuntimeException e) {
      synchronized (lock) {
        release(state);
      }
      try {
        destroy(state);
      } finally {
        synchronized (lock) {
          pending.remove(id);
          done(id);
        }
      }
      throw e;
    }
    synchronized (lock) {
      pending.remove(id);
      attachments.put(id, state);
      done(id);
      publish();
    }
    return state;
  }

  /** Checks and allocates under the lock; marks {@code id} busy and its addresses taken. */
  private AttachmentState reserve(AttachSpec spec, List<EndpointSetup.Plug> plugs) {
    String id = spec.containerId();
    if (attachments.containsKey(id) || joinedTarget(id) != null) {
      throw new ConflictException(
          "container " + id + " is already attached to its networks; detach it first");
    }
    List<EndpointState> endpoints = new ArrayList<>();
    List<NetworkState> nets = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (EndpointSpec e : spec.endpoints()) {
      NetworkState n = networks.get(e.network());
      if (!seen.add(n.name())) {
        throw new RuntimeFailure(
            "container " + id + ": network " + n.name() + " is listed twice; list it once");
      }
      int address = AddressAllocator.allocate(n, used(n.name()), e.ipv4Address(), id);
      String mac = e.macAddress() == null ? DeviceNames.macFor(address) : e.macAddress();
      List<String> aliases = new ArrayList<>(e.aliases());
      EndpointState ep =
          new EndpointState(
              n.name(),
              e.interfaceName() != null ? e.interfaceName() : defaultName(spec, endpoints),
              DeviceNames.hostVeth(id, n.name()),
              Cidr.format(address),
              mac.toLowerCase(java.util.Locale.ROOT),
              n.gateway(),
              aliases);
      endpoints.add(ep);
      nets.add(n);
    }
    int routed = routedEndpoint(spec.endpoints(), nets);
    for (int i = 0; i < endpoints.size(); i++) {
      NetworkState n = nets.get(i);
      plugs.add(
          new EndpointSetup.Plug(
              endpoints.get(i), n.bridge(), n.cidr().prefix(), n.mtu(), i == routed));
    }
    Path netns = netnsDir.resolve(id);
    Path dir;
    try {
      Files.createDirectories(netnsDir);
      dir = store.createContainerDir(id);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot create the container's network state: " + e.getMessage(), e);
    }
    AttachmentState state =
        new AttachmentState(
            id,
            spec.containerName(),
            spec.hostname(),
            netns.toString(),
            dir.toString(),
            endpoints,
            List.of(),
            spec.dns(),
            true,
            false);
    pending.put(id, state);
    busy.add(id);
    return state;
  }

  /**
   * The next {@code ethN} for an endpoint without {@code interface_name}: as Docker, the unnamed
   * ones count up from eth0; a name another endpoint asked for explicitly is skipped.
   */
  private static String defaultName(AttachSpec spec, List<EndpointState> before) {
    Set<String> taken = new HashSet<>();
    spec.endpoints().forEach(e -> taken.add(e.interfaceName()));
    before.forEach(e -> taken.add(e.interfaceName()));
    int n = 0;
    while (taken.contains("eth" + n)) {
      n++;
    }
    return "eth" + n;
  }

  /**
   * The endpoint that carries the default route, or -1: as Docker, the network with a way out
   * (internal ones have none) with the highest {@code gw_priority}, the earliest on a tie.
   */
  static int routedEndpoint(List<EndpointSpec> specs, List<NetworkState> nets) {
    int routed = -1;
    for (int i = 0; i < specs.size(); i++) {
      if (!nets.get(i).internal()
          && (routed < 0 || specs.get(i).gwPriority() > specs.get(routed).gwPriority())) {
        routed = i;
      }
    }
    return routed;
  }

  AttachmentState join(String containerId, String targetId) {
    synchronized (lock) {
      awaitIdle(containerId);
      return joinLocked(containerId, targetId);
    }
  }

  private AttachmentState joinLocked(String containerId, String targetId) {
    AttachmentState target = attachments.get(targetId);
    if (target == null || target.released()) {
      throw new NotFoundException(
          "container "
              + containerId
              + ": cannot share the network of "
              + targetId
              + ": it has no network namespace; start it first");
    }
    if (attachments.containsKey(containerId)) {
      throw new ConflictException("container " + containerId + " already has its own network");
    }
    AttachmentState updated = target.withJoiner(containerId, true);
    store.save(updated);
    attachments.put(targetId, updated);
    return updated;
  }

  AttachmentState get(String containerId) {
    synchronized (lock) {
      return getLocked(containerId);
    }
  }

  private AttachmentState getLocked(String containerId) {
    AttachmentState own = attachments.get(containerId);
    if (own != null && !own.released()) {
      return own;
    }
    AttachmentState target = joinedTarget(containerId);
    if (target != null) {
      return target;
    }
    throw new NotFoundException("container " + containerId + " has no network attachment");
  }

  /**
   * Detaches; returns whether anything changed. A namespace with joiners stays until they go. The
   * names go at once; the namespace is unmounted after the lock is released.
   */
  boolean detach(String containerId) {
    AttachmentState doomed;
    synchronized (lock) {
      awaitIdle(containerId);
      AttachmentState own = attachments.get(containerId);
      AttachmentState target = own == null ? joinedTarget(containerId) : null;
      if (own == null && target == null) {
        return false;
      }
      AttachmentState updated =
          own != null ? own.released(true) : target.withJoiner(containerId, false);
      // The namespace goes with its last user: the owner, or the last joiner after the owner.
      boolean last = updated.joiners().isEmpty() && (own != null || updated.released());
      if (!last) {
        store.save(updated);
        attachments.put(updated.containerId(), updated);
        doomed = null;
      } else {
        attachments.remove(updated.containerId());
        release(updated);
        busy.add(updated.containerId());
        doomed = updated;
      }
      publish();
    }
    if (doomed != null) {
      try {
        destroy(doomed);
      } finally {
        synchronized (lock) {
          done(doomed.containerId());
        }
      }
    }
    return true;
  }

  void setRunning(String containerId, boolean running) {
    synchronized (lock) {
      awaitIdle(containerId);
      AttachmentState a = attachments.get(containerId);
      if (a == null) {
        if (joinedTarget(containerId) != null) {
          return; // A joiner has no names of its own.
        }
        throw new NotFoundException("container " + containerId + " has no network attachment");
      }
      if (a.running() != running) {
        AttachmentState updated = a.withRunning(running);
        store.save(updated);
        attachments.put(containerId, updated);
        publish();
      }
    }
  }

  DnsTable dnsTable() {
    synchronized (lock) {
      return dnsTableLocked();
    }
  }

  private void publish() {
    names.accept(dnsTableLocked());
  }

  /** Waits (under the lock) until no kernel work for {@code id} is in flight. */
  private void awaitIdle(String id) {
    while (busy.contains(id)) {
      try {
        lock.wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuntimeFailure("container " + id + ": interrupted waiting for its network", e);
      }
    }
  }

  private void done(String id) {
    busy.remove(id);
    lock.notifyAll();
  }

  private DnsTable dnsTableLocked() {
    DnsTable.Builder b = new DnsTable.Builder();
    for (AttachmentState a : attachments.values()) {
      if (!a.running() || a.released()) {
        continue;
      }
      List<String> nets = a.endpoints().stream().map(EndpointState::network).toList();
      for (EndpointState e : a.endpoints()) {
        String ip = e.ipv4Address();
        b.client(ip, nets, a.upstreams());
        b.name(e.network(), a.containerName(), ip);
        b.pointer(e.network(), ip, a.containerName());
        b.name(e.network(), a.hostname(), ip);
        b.name(e.network(), a.containerId(), ip);
        if (a.containerId().length() > 12) {
          b.name(e.network(), a.containerId().substring(0, 12), ip);
        }
        e.aliases().forEach(alias -> b.name(e.network(), alias, ip));
      }
    }
    return b.build();
  }

  private AttachmentState joinedTarget(String containerId) {
    return attachments.values().stream()
        .filter(a -> a.joiners().contains(containerId))
        .findFirst()
        .orElse(null);
  }

  private Set<Integer> used(String network) {
    Set<Integer> used = new HashSet<>();
    for (AttachmentState a :
        java.util.stream.Stream.concat(attachments.values().stream(), pending.values().stream())
            .toList()) {
      for (EndpointState e : a.endpoints()) {
        if (e.network().equals(network)) {
          used.add(Cidr.parseAddress(e.ipv4Address()));
        }
      }
    }
    return used;
  }

  /** Under the lock: the host veths of {@code a} are on their way out. */
  private void release(AttachmentState a) {
    for (EndpointState e : a.endpoints()) {
      releasing.computeIfAbsent(e.network(), k -> new HashSet<>()).add(e.hostVeth());
    }
  }

  /** Outside the lock: unmounts the namespace and deletes the container's files. */
  private void destroy(AttachmentState a) {
    EndpointSetup.remove(Path.of(a.netns()));
    store.delete(a);
  }

  /**
   * The host veths of endpoints detached from {@code network} that the kernel may still be
   * destroying with their namespaces; the caller deletes whichever are left (see {@link
   * NetworkLinks}), so that removing the network leaves no link behind.
   */
  Set<String> takeReleased(String network) {
    synchronized (lock) {
      Set<String> veths = releasing.remove(network);
      return veths == null ? Set.of() : Set.copyOf(veths);
    }
  }

  /** {@link #takeReleased} for every network at once. */
  Map<String, Set<String>> takeAllReleased() {
    synchronized (lock) {
      Map<String, Set<String>> all = new HashMap<>();
      releasing.forEach((network, veths) -> all.put(network, Set.copyOf(veths)));
      releasing.clear();
      return all;
    }
  }

  private static void createEmpty(Path file) {
    try {
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot create " + file + ": " + e.getMessage(), e);
    }
  }

  /** A bind-mounted namespace file lives on nsfs, another device than its directory. */
  static boolean isMounted(Path file) {
    try {
      Object dev = Files.getAttribute(file, "unix:dev");
      Object parentDev = Files.getAttribute(file.getParent(), "unix:dev");
      return !dev.equals(parentDev);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
