package io.jcompose.runtime.proxy;

import io.vertx.core.Future;

/** An open published port. */
interface Forwarder {
  /** The port it listens on (the chosen one when 0 was asked). */
  int port();

  /** Stops listening and drops its connections or sessions. */
  Future<Void> close();
}
