package io.jcompose.health.api;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Runs a command inside a container for a probe. The scheduler backs it with the runtime's exec.
 */
@FunctionalInterface
public interface ProbeExecutor {

  /**
   * Runs {@code argv} in the container, killing it after {@code timeout}; completes with its exit
   * code and output, or fails when it could not be started.
   */
  Future<ProbeResult> exec(List<String> argv, Duration timeout);
}
