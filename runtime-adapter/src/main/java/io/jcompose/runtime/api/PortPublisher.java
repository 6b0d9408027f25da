package io.jcompose.runtime.api;

import io.vertx.core.Future;
import java.util.List;

/**
 * Publishes container ports on the host through a userland proxy (TCP and UDP). Publishing is all
 * or nothing per container: when one host port is taken, none stays open and the future fails with
 * a {@link ConflictException} naming the port and, when it can be known, the process holding it.
 *
 * <p>Published ports are persisted: after a daemon restart {@link #start()} listens again on the
 * same host ports.
 */
public interface PortPublisher {

  /** Re-opens every persisted published port. */
  Future<Void> start();

  /** Closes every listener; the persisted state stays for the next {@link #start()}. */
  Future<Void> stop();

  /**
   * Opens the host ports of one container, forwarding to {@code containerAddress}.
   *
   * @return every published port, random host ports resolved
   */
  Future<List<PublishedPort>> publish(
      String containerId, String containerAddress, List<PortBinding> bindings);

  /** The ports a container publishes (empty when none). */
  Future<List<PublishedPort>> published(String containerId);

  /** Closes and forgets every port of a container. */
  Future<Void> unpublish(String containerId);
}
