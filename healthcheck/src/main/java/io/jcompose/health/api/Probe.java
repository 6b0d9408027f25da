package io.jcompose.health.api;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * One way of asking a container whether it is healthy. Build one with {@link Probes}.
 *
 * <p>An implementation must kill whatever it started once {@code timeout} has passed; the monitor
 * also stops waiting then and records the probe as failed.
 */
@FunctionalInterface
public interface Probe {

  /** Runs the probe once; the future completes with its result, never with a failure. */
  Future<ProbeResult> run(Duration timeout);
}
