package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.AttachedExec;
import io.vertx.core.Future;
import java.util.Map;

/** Opens a command whose stdio the daemon relays over a hijacked connection. */
@FunctionalInterface
public interface AttachHandler {

  /** Starts the command for {@code project} with the request's query parameters. */
  Future<AttachedExec> open(String project, Map<String, String> query);
}
