package io.jcompose.health.api;

import java.time.Duration;
import java.util.List;

/**
 * A container's healthcheck, from the service's {@code healthcheck:} or the image's HEALTHCHECK,
 * with Docker's defaults filled in.
 *
 * @param test {@code [CMD, argv…]}, {@code [CMD-SHELL, script]} or {@code [NONE]}
 * @param interval time between probes after the start period (default 30 s)
 * @param timeout a probe running longer is killed and counts as failed (default 30 s)
 * @param retries consecutive failures that make the container unhealthy (default 3)
 * @param startPeriod grace after start during which failures do not count (default 0)
 * @param startInterval time between probes during the start period (default 5 s)
 * @param disabled {@code disable: true} or a {@code NONE} test
 */
public record HealthConfig(
    List<String> test,
    Duration interval,
    Duration timeout,
    int retries,
    Duration startPeriod,
    Duration startInterval,
    boolean disabled) {

  /** Docker's default interval. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

  /** Docker's default probe timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Docker's default number of retries. */
  public static final int DEFAULT_RETRIES = 3;

  /** Docker's default start interval. */
  public static final Duration DEFAULT_START_INTERVAL = Duration.ofSeconds(5);

  public HealthConfig {
    test = test == null ? List.of() : List.copyOf(test);
    interval = positiveOr(interval, DEFAULT_INTERVAL);
    timeout = positiveOr(timeout, DEFAULT_TIMEOUT);
    retries = retries <= 0 ? DEFAULT_RETRIES : retries;
    startPeriod = startPeriod == null || startPeriod.isNegative() ? Duration.ZERO : startPeriod;
    startInterval = positiveOr(startInterval, DEFAULT_START_INTERVAL);
    disabled = disabled || test.isEmpty() || "NONE".equals(test.get(0));
    if (!disabled && !"CMD".equals(test.get(0)) && !"CMD-SHELL".equals(test.get(0))) {
      throw new IllegalArgumentException(
          "healthcheck.test: must start with CMD, CMD-SHELL or NONE, got " + test.get(0));
    }
  }

  /** A check running {@code test} with every timing at Docker's default. */
  public static HealthConfig of(List<String> test) {
    return new HealthConfig(test, null, null, 0, null, null, false);
  }

  /** No healthcheck. */
  public static HealthConfig none() {
    return new HealthConfig(List.of("NONE"), null, null, 0, null, null, true);
  }

  private static Duration positiveOr(Duration value, Duration fallback) {
    return value == null || value.isZero() || value.isNegative() ? fallback : value;
  }
}
