package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bridge networks and container endpoints. A container's network namespace is created here, before
 * the container, and the container joins it by path ({@link ContainerSpec#networkNamespace()}).
 */
public interface NetworkDriver {

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
   * interface each in the given order ({@code eth0}, {@code eth1}…).
   *
   * @return the netns path the container joins, with its endpoints
   */
  Future<Attachment> attach(String containerId, String hostname, List<EndpointSpec> endpoints);

  /** Removes a container's endpoints, namespace and DNS records. */
  Future<Void> detach(String containerId);

  /**
   * A container's network namespace and endpoints.
   *
   * @param netns bind-mounted namespace file
   * @param endpoints its endpoints in interface order
   */
  record Attachment(Path netns, List<Endpoint> endpoints) {
    public Attachment {
      endpoints = List.copyOf(endpoints);
    }
  }
}
