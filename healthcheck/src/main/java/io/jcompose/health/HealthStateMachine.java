package io.jcompose.health;

import io.jcompose.health.api.HealthMonitor;
import io.jcompose.health.api.HealthStatus;
import io.jcompose.health.api.ProbeResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Docker's health rules without any timing: a passing probe makes the container healthy and resets
 * the streak; a failing one counts unless the container is still starting inside its start period,
 * and {@code retries} counted failures in a row make it unhealthy.
 */
final class HealthStateMachine {

  private final int retries;
  private final Deque<ProbeResult> log = new ArrayDeque<>();
  private HealthStatus status = HealthStatus.STARTING;
  private int failingStreak;

  HealthStateMachine(int retries) {
    this.retries = retries;
  }

  /** A machine that goes on from a status and streak kept elsewhere (a daemon restart). */
  HealthStateMachine(int retries, HealthStatus status, int failingStreak) {
    this.retries = retries;
    this.status = status;
    this.failingStreak = failingStreak;
  }

  /** Records a result; returns the status after it. */
  HealthStatus record(ProbeResult result, boolean inStartPeriod) {
    log.addLast(result);
    while (log.size() > HealthMonitor.LOG_SIZE) {
      log.removeFirst();
    }
    if (result.passed()) {
      failingStreak = 0;
      status = HealthStatus.HEALTHY;
    } else if (!(inStartPeriod && status == HealthStatus.STARTING)) {
      failingStreak++;
      if (failingStreak >= retries) {
        status = HealthStatus.UNHEALTHY;
      }
    }
    return status;
  }

  HealthStatus status() {
    return status;
  }

  int failingStreak() {
    return failingStreak;
  }

  List<ProbeResult> log() {
    return List.copyOf(log);
  }
}
