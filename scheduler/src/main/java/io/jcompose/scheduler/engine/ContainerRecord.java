package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthStatus;

/**
 * What the engine keeps about a container beyond the runtime's state, persisted across daemon
 * restarts.
 *
 * @param id container id
 * @param restartCount restarts done by its restart policy
 * @param stoppedByUser whether the last stop came from a user (no restart, and {@code
 *     unless-stopped} stays down after a daemon restart)
 * @param health the health status of its current run last reported, or null (none yet, or no
 *     healthcheck): a re-adopted container goes on from it instead of starting over
 * @param failingStreak consecutive failed probes that counted, with {@code health}
 */
public record ContainerRecord(
    String id, int restartCount, boolean stoppedByUser, HealthStatus health, int failingStreak) {

  /** A record without health, as files written before health was kept read. */
  public ContainerRecord(String id, int restartCount, boolean stoppedByUser) {
    this(id, restartCount, stoppedByUser, null, 0);
  }

  /** A fresh record. */
  public static ContainerRecord fresh(String id) {
    return new ContainerRecord(id, 0, false);
  }

  /** A copy with one more restart. */
  public ContainerRecord restarted() {
    return new ContainerRecord(id, restartCount + 1, false, health, failingStreak);
  }

  /** A copy with the user-stop flag set as given. */
  public ContainerRecord withStoppedByUser(boolean stopped) {
    return new ContainerRecord(id, restartCount, stopped, health, failingStreak);
  }

  /** A copy with the given health (null: none recorded). */
  public ContainerRecord withHealth(HealthStatus status, int streak) {
    return new ContainerRecord(id, restartCount, stoppedByUser, status, streak);
  }
}
