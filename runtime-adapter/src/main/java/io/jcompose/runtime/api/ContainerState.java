package io.jcompose.runtime.api;

import java.time.Instant;
import java.util.Map;

/**
 * What the runtime knows of one container now.
 *
 * @param id container id (64 hex characters)
 * @param name container name
 * @param image image reference it was created from
 * @param labels its labels
 * @param status lifecycle state
 * @param pid host pid of its process while running, else 0
 * @param exitCode exit code once exited (128+signal when killed by a signal)
 * @param oomKilled whether the kernel OOM killer ended it
 * @param createdAt creation time
 * @param startedAt last start, or null
 * @param finishedAt last exit, or null
 */
public record ContainerState(
    String id,
    String name,
    String image,
    Map<String, String> labels,
    ContainerStatus status,
    int pid,
    int exitCode,
    boolean oomKilled,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public ContainerState {
    labels = Map.copyOf(labels);
  }

  /** Whether its process is alive (running or paused). */
  public boolean isAlive() {
    return status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED;
  }
}
