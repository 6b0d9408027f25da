package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.RuntimePaths;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * What the daemon hosts behind its API: the engine and the runtime components. It starts on the
 * daemon's Vert.x (re-adopting whatever runs from disk), registers its verbs, and closes when the
 * daemon stops — without stopping any container.
 */
public interface DaemonBackend {

  /** Builds the components on {@code vertx} and re-adopts state under {@code paths}. */
  Future<Void> start(Vertx vertx, RuntimePaths paths);

  /** Adds this backend's verbs to the API. */
  void register(ApiRoutes routes);

  /** Releases sockets, servers and monitors; containers keep running. */
  Future<Void> close();
}
