package io.jcompose.scheduler.engine;

/**
 * What the engine keeps about a container beyond the runtime's state, persisted across daemon
 * restarts.
 *
 * @param id container id
 * @param restartCount restarts done by its restart policy
 * @param stoppedByUser whether the last stop came from a user (no restart, and {@code
 *     unless-stopped} stays down after a daemon restart)
 */
public record ContainerRecord(String id, int restartCount, boolean stoppedByUser) {

  /** A fresh record. */
  public static ContainerRecord fresh(String id) {
    return new ContainerRecord(id, 0, false);
  }

  /** A copy with one more restart. */
  public ContainerRecord restarted() {
    return new ContainerRecord(id, restartCount + 1, false);
  }

  /** A copy with the user-stop flag set as given. */
  public ContainerRecord withStoppedByUser(boolean stopped) {
    return new ContainerRecord(id, restartCount, stopped);
  }
}
