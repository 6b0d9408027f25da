package io.jcompose.model.api;

import java.time.Duration;
import java.util.List;

/**
 * A service's health probe in long form.
 *
 * @param test probe: {@code [CMD, arg...]}, {@code [CMD-SHELL, script]} or {@code [NONE]}; null
 *     keeps the image's probe
 * @param interval time between probes, null for the default (30s)
 * @param timeout time a probe may take, null for the default (30s)
 * @param startPeriod grace time after start during which failures do not count, null for 0
 * @param startInterval time between probes during the start period, null for the default (5s)
 * @param retries consecutive failures that make the service unhealthy, null for the default (3)
 * @param disable probing disabled ({@code disable: true} or test {@code NONE})
 */
public record Healthcheck(
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    Integer retries,
    boolean disable) {

  /** Copies the test list. */
  public Healthcheck {
    test = Frozen.nullableList(test);
  }

  /** Whether no probe runs: disabled, or the test is {@code NONE}. */
  public boolean disabled() {
    return disable || (test != null && !test.isEmpty() && "NONE".equals(test.get(0)));
  }
}
