package io.jcompose.scheduler.engine;

import java.time.Duration;

/**
 * Docker's restart back-off: the first restart waits 100 ms (or the policy's delay), each further
 * one twice as long, capped at one minute; a container that ran for ten seconds or more starts
 * again from the first delay.
 */
final class RestartBackoff {

  static final Duration FIRST = Duration.ofMillis(100);
  static final Duration CAP = Duration.ofMinutes(1);
  static final Duration RESET_AFTER = Duration.ofSeconds(10);

  private final Duration first;
  private Duration current;

  RestartBackoff(Duration first) {
    this.first = first == null || first.isZero() || first.isNegative() ? FIRST : first;
  }

  /** The delay before the next restart of a container that ran for {@code ranFor}. */
  synchronized Duration next(Duration ranFor) {
    if (current == null || ranFor.compareTo(RESET_AFTER) >= 0) {
      current = first;
    } else {
      Duration doubled = current.multipliedBy(2);
      current = doubled.compareTo(CAP) > 0 ? CAP : doubled;
    }
    return current;
  }
}
