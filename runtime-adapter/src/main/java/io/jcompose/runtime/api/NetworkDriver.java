package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bridge networks and container endpoints. A container's network namespace is created here, before
 * the container, and the container joins it by path ({@link ContainerSpec#networkNamespace()}).
 *
 * <p>The driver also serves DNS for its networks. A daemon calls {@link #start()} once (it
 * re-adopts networks, endpoints and DNS servers from disk) and {@link #stop()} on shutdown;
 * stopping leaves the kernel objects in place so containers keep their network.
 */
public interface NetworkDriver {

  /** Re-adopts persisted networks and endpoints and starts their DNS servers. */
  default Future<Void> start() {
    return Future.succeededFuture();
  }

  /** Stops the DNS servers; bridges, namespaces and rules stay for the next {@link #start()}. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }

  /**
   * What the user should be told about every network of this host, such as missing packet filter
   * tools (no outbound NAT); empty when nothing is degraded. A verb that creates networks shows
   * each once.
   */
  default List<String> warnings() {
    return List.of();
  }

  /** Creates a network (bridge, subnet, NAT), or returns it if it exists with the same spec. */
  Future<NetworkInfo> create(NetworkSpec spec);

  /** The network of that name, or a {@link NotFoundException}. */
  Future<NetworkInfo> inspect(String name);

  /** Every network whose labels include every given label. */
  Future<List<NetworkInfo>> list(Map<String, String> labelFilter);

  /** Removes a network; a {@link ConflictException} while endpoints remain. */
  Future<Void> remove(String name);

  /**
   * Creates a network namespace for a container and attaches it to the given networks, one
   * interface each in the given order ({@code eth0}, {@code eth1}…). Its DNS names answer at once;
   * see {@link #markStopped(String)}.
   *
   * @return the netns path the container joins, with its endpoints
   */
  default Future<Attachment> attach(
      String containerId, String hostname, List<EndpointSpec> endpoints) {
    return attach(AttachSpec.of(containerId, hostname, endpoints));
  }

  /**
   * Creates a network namespace for a container, attaches it to {@link AttachSpec#endpoints()} (an
   * empty list gives a namespace with only loopback, {@code network_mode: none}) and writes the
   * {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} it should see.
   */
  Future<Attachment> attach(AttachSpec spec);

  /**
   * Writes the {@code /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname} of a
   * container that shares the host's network ({@code network_mode: host}): copies of the host's
   * files with {@link AttachSpec#extraHosts()}, {@link AttachSpec#dns()}, {@link
   * AttachSpec#dnsSearch()} and {@link AttachSpec#dnsOptions()} applied, and {@link
   * AttachSpec#hostname()}. The attachment has no namespace and no endpoints; {@link
   * #detach(String)} deletes the files. The default writes none, so the container sees its image's
   * files.
   */
  default Future<Attachment> attachHost(AttachSpec spec) {
    return Future.succeededFuture(new Attachment(null, List.of(), null, null, null));
  }

  /**
   * Lets a container share another container's network namespace ({@code network_mode: service:x} /
   * {@code container:x}); the namespace stays until its last user detaches.
   *
   * @return the other container's attachment
   */
  Future<Attachment> join(String containerId, String targetContainerId);

  /** The attachment of a container (attached or joined), or a {@link NotFoundException}. */
  Future<Attachment> attachment(String containerId);

  /**
   * Removes a container's endpoints, namespace and DNS records (once no joiner uses them). The host
   * end of a veth may outlive this call while the kernel destroys the namespace; {@link
   * #purgeDetached()} or removing the network deletes what is left.
   */
  Future<Void> detach(String containerId);

  /**
   * Deletes the host ends of veths of endpoints detached so far that the kernel has not destroyed
   * yet, in one batch per network, so that none is left when this completes ({@code down} of some
   * services of a project whose network stays). The default has nothing to delete.
   */
  default Future<Void> purgeDetached() {
    return Future.succeededFuture();
  }

  /** Makes the container's DNS names answer again (it has started). */
  Future<Void> markRunning(String containerId);

  /** Takes the container's DNS names out of every answer at once (it has stopped). */
  Future<Void> markStopped(String containerId);

  /**
   * A container's network namespace, endpoints and the files to bind-mount over its {@code
   * /etc/hosts}, {@code /etc/resolv.conf} and {@code /etc/hostname}.
   *
   * @param netns bind-mounted namespace file
   * @param endpoints its endpoints in interface order
   * @param hostsFile file for {@code /etc/hosts}
   * @param resolvConf file for {@code /etc/resolv.conf}
   * @param hostnameFile file for {@code /etc/hostname}
   */
  record Attachment(
      Path netns, List<Endpoint> endpoints, Path hostsFile, Path resolvConf, Path hostnameFile) {
    public Attachment {
      endpoints = List.copyOf(endpoints);
    }

    /** The address of the first endpoint (where published ports forward), or null without one. */
    public String primaryAddress() {
      return endpoints.isEmpty() ? null : endpoints.get(0).ipv4Address();
    }
  }
}
