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

/**
 * Container attachments: namespace files, veth endpoints, address allocations and the DNS names
 * they contribute. Blocking and single-threaded like {@link NetworkRegistry}.
 */
final class AttachmentRegistry {
  private final StateStore store;
  private final Path netnsDir;
  private final NetworkRegistry networks;
  private final Map<String, AttachmentState> attachments = new LinkedHashMap<>();

  /** Host veths of detached endpoints the kernel may still be destroying, by network. */
  private final Map<String, Set<String>> releasing = new HashMap<>();

  private static final long RELEASE_WAIT_MS = 3000;

  AttachmentRegistry(StateStore store, Path netnsDir, NetworkRegistry networks) {
    this.store = store;
    this.netnsDir = netnsDir;
    this.networks = networks;
  }

  /** Loads persisted attachments; drops those whose namespace is gone (the run dir was wiped). */
  void readopt() {
    attachments.clear();
    for (AttachmentState a : store.loadAttachments()) {
      if (isMounted(Path.of(a.netns()))) {
        attachments.put(a.containerId(), a);
      } else {
        teardown(a);
      }
    }
  }

  List<String> containersOn(String network) {
    return attachments.values().stream()
        .filter(a -> a.endpoints().stream().anyMatch(e -> e.network().equals(network)))
        .map(AttachmentState::containerId)
        .toList();
  }

  AttachmentState attach(AttachSpec spec) {
    String id = spec.containerId();
    if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new RuntimeFailure("container id '" + id + "' is not a valid file name");
    }
    if (attachments.containsKey(id) || joinedTarget(id) != null) {
      throw new ConflictException(
          "container " + id + " is already attached to its networks; detach it first");
    }
    List<EndpointState> endpoints = new ArrayList<>();
    List<EndpointSetup.Plug> plugs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean routed = false;
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
              "eth" + endpoints.size(),
              DeviceNames.hostVeth(id, n.name()),
              Cidr.format(address),
              mac.toLowerCase(java.util.Locale.ROOT),
              n.gateway(),
              aliases);
      // The first network with a way out carries the default route; internal ones have none.
      boolean route = !routed && !n.internal();
      routed |= route;
      endpoints.add(ep);
      plugs.add(new EndpointSetup.Plug(ep, n.bridge(), n.cidr().prefix(), n.mtu(), route));
    }
    Path netns = netnsDir.resolve(id);
    Path dir = store.containerDir(id);
    try {
      Files.createDirectories(netnsDir);
    } catch (IOException e) {
      throw new RuntimeFailure("cannot create " + netnsDir + ": " + e.getMessage(), e);
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
    try {
      createEmpty(netns);
      EndpointSetup.create("container " + id + ": network setup", netns, plugs);
      String nameserver = endpoints.isEmpty() ? null : endpoints.get(0).gateway();
      ContainerFiles.write(dir, spec, endpoints, nameserver);
      store.save(state);
    } catch (RuntimeException e) {
      teardown(state);
      throw e;
    }
    attachments.put(id, state);
    return state;
  }

  AttachmentState join(String containerId, String targetId) {
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

  /** Detaches; returns whether anything changed. A namespace with joiners stays until they go. */
  boolean detach(String containerId) {
    AttachmentState own = attachments.get(containerId);
    if (own != null) {
      if (own.joiners().isEmpty()) {
        teardown(own);
        attachments.remove(containerId);
      } else {
        AttachmentState released = own.released(true);
        store.save(released);
        attachments.put(containerId, released);
      }
      return true;
    }
    AttachmentState target = joinedTarget(containerId);
    if (target == null) {
      return false;
    }
    AttachmentState updated = target.withJoiner(containerId, false);
    if (updated.released() && updated.joiners().isEmpty()) {
      teardown(updated);
      attachments.remove(updated.containerId());
    } else {
      store.save(updated);
      attachments.put(updated.containerId(), updated);
    }
    return true;
  }

  void setRunning(String containerId, boolean running) {
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
    }
  }

  DnsTable dnsTable() {
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
    for (AttachmentState a : attachments.values()) {
      for (EndpointState e : a.endpoints()) {
        if (e.network().equals(network)) {
          used.add(Cidr.parseAddress(e.ipv4Address()));
        }
      }
    }
    return used;
  }

  private void teardown(AttachmentState a) {
    EndpointSetup.remove(Path.of(a.netns()));
    for (EndpointState e : a.endpoints()) {
      releasing.computeIfAbsent(e.network(), k -> new HashSet<>()).add(e.hostVeth());
    }
    store.delete(a);
  }

  /**
   * Waits until the host veths of endpoints detached from {@code network} are gone; one still there
   * after a while (something keeps its namespace alive) is deleted outright, so that removing the
   * network leaves no link behind.
   */
  void awaitReleased(String network) {
    Set<String> veths = releasing.remove(network);
    if (veths != null && !EndpointSetup.awaitGone(List.copyOf(veths), RELEASE_WAIT_MS)) {
      EndpointSetup.deleteNow(List.copyOf(veths));
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
