package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The backends a daemon can host. */
public final class DaemonBackends {

  private DaemonBackends() {}

  /** The built-in Linux runtime and the compose engine. */
  public static DaemonBackend standard() {
    // Until the engine and runtime land, the daemon serves only its own routes.
    return new DaemonBackend() {
      @Override
      public Future<Void> start(Vertx vertx, RuntimePaths paths) {
        return Future.succeededFuture();
      }

      @Override
      public void register(ApiRoutes routes) {}

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
  }
}
