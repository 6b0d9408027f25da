package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimeFailure;
import io.vertx.core.Future;
import java.util.List;

/**
 * Publishes the ports of one container and words a failure for its user. The port publisher knows
 * containers only by their network key, a 64-hex string nobody recognises: the failing container is
 * named by its service instead (and by its name when the service has replicas), and a container of
 * ours that holds the port by its name.
 */
final class ServicePorts {

  private final ContainerNetworking networking;
  private final Supervisor supervisor;

  ServicePorts(ContainerNetworking networking, Supervisor supervisor) {
    this.networking = networking;
    this.supervisor = supervisor;
  }

  /** Opens the container's host ports; fails with a message that starts with its service. */
  Future<List<PublishedPort>> publish(LiveContainer c) {
    if (c.serviceModel == null || c.netKey == null) {
      return Future.succeededFuture(List.of());
    }
    return networking
        .publish(c.netKey, c.serviceModel)
        .recover(e -> Future.failedFuture(reworded(e, c)));
  }

  /** {@code service b}, or {@code service b (proj-b-2)} when the service has replicas. */
  static String where(LiveContainer c) {
    boolean scaled = c.number > 1 || (c.serviceModel != null && c.serviceModel.replicas() > 1);
    return "service " + c.service + (scaled ? " (" + c.name + ")" : "");
  }

  private RuntimeFailure reworded(Throwable e, LiveContainer c) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String prefix = "container " + c.netKey + ": ";
    if (message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    for (LiveContainer other : supervisor.all()) {
      if (other.netKey != null && message.contains(other.netKey)) {
        message = message.replace(other.netKey, other.name);
      }
    }
    message = where(c) + ": " + message;
    return e instanceof ConflictException
        ? new ConflictException(message, e)
        : new RuntimeFailure(message, e);
  }
}
