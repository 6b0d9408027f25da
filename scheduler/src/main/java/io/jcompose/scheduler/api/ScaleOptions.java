package io.jcompose.scheduler.api;

import java.util.Map;

/**
 * Options of {@code scale}.
 *
 * @param replicas service name to its wanted replica count
 * @param noDeps do not start the services' dependencies
 */
public record ScaleOptions(Map<String, Integer> replicas, boolean noDeps) {
  public ScaleOptions {
    replicas = Map.copyOf(replicas);
  }
}
