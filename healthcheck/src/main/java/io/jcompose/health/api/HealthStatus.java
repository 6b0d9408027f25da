package io.jcompose.health.api;

import java.util.Locale;

/** A container's health, as Docker reports it. */
public enum HealthStatus {
  /** Not yet healthy; probes run (and failures may not count yet). */
  STARTING,
  /** The last probe passed. */
  HEALTHY,
  /** {@code retries} consecutive probes failed. */
  UNHEALTHY;

  /** The lower-case word docker prints ({@code healthy}…). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
