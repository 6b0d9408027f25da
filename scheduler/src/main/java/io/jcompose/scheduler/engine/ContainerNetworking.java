package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.model.api.ServicePort;
import io.jcompose.runtime.api.AttachSpec;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.EndpointSpec;
import io.jcompose.runtime.api.MountSpec;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.scheduler.plan.NetworkSpecs;
import io.jcompose.scheduler.plan.ServiceNames;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's network: its namespace and endpoints before it is created, DNS records marked
 * running or stopped as it starts and stops, published ports, and cleanup on removal. The network
 * driver knows a container by its network key (a label on the container), because the namespace
 * exists before the runtime assigns the container id.
 */
final class ContainerNetworking {

  /** Label holding the key the network driver knows the container by. */
  static final String NETWORK_KEY = "io.jcompose.network-key";

  private final EngineRuntime rt;

  ContainerNetworking(EngineRuntime rt) {
    this.rt = rt;
  }

  /** Creates a project network (idempotent). */
  Future<Void> createNetwork(Project project, String key) {
    NetworkSpec spec;
    try {
      spec = NetworkSpecs.of(project, key);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return rt.networks().create(spec).mapEmpty();
  }

  /**
   * Gives a container-to-be its network per {@code network_mode}/{@code networks} and returns the
   * spec joined to it. {@code joinTargetKey} is the network key of the container a {@code
   * service:X}/{@code container:X} mode joins.
   */
  Future<ContainerSpec> attach(
      Project project, Service s, ContainerSpec spec, String netKey, String joinTargetKey) {
    String mode = s.networkMode();
    if ("host".equals(mode)) {
      // As Docker: the host's name, in the container's own UTS namespace (so a privileged
      // container renaming itself does not rename the host), unless the service sets hostname.
      ContainerSpec named = s.hostname() == null ? spec.withHostname(hostName()) : spec;
      return rt.networks()
          .attachHost(attachSpec(netKey, s, named, List.of()))
          .map(a -> joined(named, a));
    }
    Future<NetworkDriver.Attachment> attachment;
    if (mode != null && (mode.startsWith("service:") || mode.startsWith("container:"))) {
      if (joinTargetKey == null) {
        return Future.failedFuture(
            new RuntimeFailure(
                "services." + s.name() + ".network_mode: " + mode + " has no running container"));
      }
      attachment = rt.networks().join(netKey, joinTargetKey);
    } else {
      List<EndpointSpec> endpoints = new ArrayList<>();
      if (!"none".equals(mode)) {
        try {
          InterfaceNames.check(s);
        } catch (RuntimeException e) {
          return Future.failedFuture(e);
        }
        // A service-level mac_address is the primary (first) endpoint's, as on Docker; a
        // per-network mac_address wins on its network.
        String serviceMac = s.macAddress();
        for (String key : ServiceNames.networkKeys(project, s)) {
          ServiceNetwork sn = s.networks().getOrDefault(key, ServiceNetwork.plain());
          List<String> aliases = new ArrayList<>();
          aliases.add(s.name());
          aliases.addAll(sn.aliases());
          aliases.addAll(linkAliases(project, s.name()));
          endpoints.add(
              new EndpointSpec(
                  ServiceNames.network(project, key),
                  sn.ipv4Address(),
                  sn.macAddress() != null
                      ? sn.macAddress()
                      : endpoints.isEmpty() ? serviceMac : null,
                  aliases,
                  sn.gwPriority() == null ? 0 : sn.gwPriority(),
                  sn.interfaceName()));
        }
      }
      attachment = rt.networks().attach(attachSpec(netKey, s, spec, endpoints));
    }
    return attachment.map(a -> joined(spec, a));
  }

  private static AttachSpec attachSpec(
      String netKey, Service s, ContainerSpec spec, List<EndpointSpec> endpoints) {
    return new AttachSpec(
        netKey,
        spec.name(),
        spec.hostname(),
        s.domainname(),
        endpoints,
        s.extraHosts(),
        s.dns(),
        s.dnsSearch(),
        s.dnsOpt());
  }

  // The kernel's copy of the host name: procfs, no disk, so reading it does not block.
  private static String hostName() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname"))
          .strip();
    } catch (java.io.IOException e) {
      return "localhost";
    }
  }

  // Legacy links (`links: [db:database]`) make the linked service answer to the alias; with
  // per-network DNS that alias is visible network-wide, a superset of Docker's per-container link.
  private static List<String> linkAliases(Project project, String service) {
    List<String> out = new ArrayList<>();
    for (Service other : project.services().values()) {
      for (String link : other.links()) {
        int colon = link.indexOf(':');
        if (colon > 0 && link.substring(0, colon).equals(service)) {
          String alias = link.substring(colon + 1);
          if (!out.contains(alias) && !alias.equals(service)) {
            out.add(alias);
          }
        }
      }
    }
    return out;
  }

  private static ContainerSpec joined(ContainerSpec spec, NetworkDriver.Attachment a) {
    List<MountSpec> mounts = new ArrayList<>(spec.mounts());
    if (a.hostsFile() != null) {
      mounts.add(MountSpec.bind(a.hostsFile().toString(), "/etc/hosts", false));
    }
    if (a.resolvConf() != null) {
      mounts.add(MountSpec.bind(a.resolvConf().toString(), "/etc/resolv.conf", false));
    }
    if (a.hostnameFile() != null) {
      mounts.add(MountSpec.bind(a.hostnameFile().toString(), "/etc/hostname", false));
    }
    return spec.withNetworkNamespace(a.netns()).withMounts(mounts);
  }

  /** Publishes a started container's ports; empty when it has none or cannot have any. */
  Future<List<PublishedPort>> publish(String netKey, Service s) {
    if (s.ports().isEmpty() || rt.ports() == null || "host".equals(s.networkMode())) {
      return Future.succeededFuture(List.of());
    }
    return rt.networks()
        .attachment(netKey)
        .compose(
            a -> {
              if (a.primaryAddress() == null) {
                return Future.succeededFuture(List.of());
              }
              return rt.ports().publish(netKey, a.primaryAddress(), bindings(s.ports()));
            });
  }

  static List<PortBinding> bindings(List<ServicePort> ports) {
    List<PortBinding> out = new ArrayList<>();
    for (ServicePort p : ports) {
      int start = 0;
      int end = 0;
      if (!p.randomPublished()) {
        String[] range = p.published().split("-", 2);
        start = Integer.parseInt(range[0].trim());
        end = range.length > 1 ? Integer.parseInt(range[1].trim()) : start;
      }
      out.add(new PortBinding(p.hostIp(), start, end, p.target(), p.target(), p.protocol()));
    }
    return out;
  }

  /** DNS answers for the container again. */
  Future<Void> running(String netKey) {
    return netKey == null ? Future.succeededFuture() : rt.networks().markRunning(netKey);
  }

  /** DNS stops answering for the container, and its published ports close. */
  Future<Void> stopped(String netKey) {
    if (netKey == null) {
      return Future.succeededFuture();
    }
    Future<Void> ports =
        rt.ports() == null ? Future.succeededFuture() : rt.ports().unpublish(netKey);
    return Future.join(rt.networks().markStopped(netKey), ports).mapEmpty();
  }

  /** Removes the container's endpoints, namespace and ports; missing pieces are fine. */
  Future<Void> release(String netKey) {
    if (netKey == null) {
      return Future.succeededFuture();
    }
    Future<Void> ports =
        rt.ports() == null ? Future.succeededFuture() : rt.ports().unpublish(netKey);
    return Future.join(ports, rt.networks().detach(netKey))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }
}
