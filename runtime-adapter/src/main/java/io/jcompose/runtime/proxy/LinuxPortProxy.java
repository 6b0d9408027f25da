package io.jcompose.runtime.proxy;

import io.jcompose.runtime.api.PortBinding;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Placeholder until the proxy lands. */
public final class LinuxPortProxy implements PortPublisher {
  public LinuxPortProxy(Vertx vertx, RuntimePaths paths) {}

  @Override
  public Future<Void> start() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> stop() {
    return Future.succeededFuture();
  }

  @Override
  public Future<List<PublishedPort>> publish(
      String containerId, String containerAddress, List<PortBinding> bindings) {
    return Future.failedFuture(
        new io.jcompose.runtime.api.RuntimeFailure("published ports are not implemented yet"));
  }

  @Override
  public Future<List<PublishedPort>> published(String containerId) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<Void> unpublish(String containerId) {
    return Future.succeededFuture();
  }
}
