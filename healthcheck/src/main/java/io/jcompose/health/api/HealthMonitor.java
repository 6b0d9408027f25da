package io.jcompose.health.api;

import io.jcompose.health.ProbeLoop;
import java.util.List;

/**
 * Runs one container's healthcheck: probes on the configured schedule, keeps the status, the
 * failing streak and the last five results, and tells its listener about every transition at once.
 */
public interface HealthMonitor extends AutoCloseable {

  /** How many probe results are kept, as in Docker. */
  int LOG_SIZE = 5;

  /**
   * Starts monitoring a container that has just started: status {@link HealthStatus#STARTING}, the
   * first probe one interval (the start interval during the start period) from now.
   *
   * @throws IllegalArgumentException when {@code config} is disabled
   */
  static HealthMonitor start(
      String containerId,
      HealthConfig config,
      Probe probe,
      Ticker ticker,
      HealthListener listener) {
    if (config.disabled()) {
      throw new IllegalArgumentException(
          "container " + containerId + " has no healthcheck to monitor");
    }
    return ProbeLoop.start(containerId, config, probe, ticker, listener);
  }

  /**
   * Resumes monitoring a container that kept running while nobody watched it (the daemon
   * restarted): the status and failing streak go on from what was last recorded instead of {@link
   * HealthStatus#STARTING}; the next probe runs one interval from now.
   *
   * @throws IllegalArgumentException when {@code config} is disabled
   */
  static HealthMonitor resume(
      String containerId,
      HealthConfig config,
      Probe probe,
      Ticker ticker,
      HealthListener listener,
      HealthStatus status,
      int failingStreak) {
    if (config.disabled()) {
      throw new IllegalArgumentException(
          "container " + containerId + " has no healthcheck to monitor");
    }
    return ProbeLoop.resume(containerId, config, probe, ticker, listener, status, failingStreak);
  }

  /** The container being monitored. */
  String containerId();

  /** The current status. */
  HealthStatus status();

  /** Consecutive failed probes that counted. */
  int failingStreak();

  /** The last {@link #LOG_SIZE} results, oldest first. */
  List<ProbeResult> log();

  /** Stops probing (the container stopped); no more transitions are reported. */
  @Override
  void close();
}
