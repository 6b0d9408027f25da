package io.jcompose.scheduler.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code inspect} shows of one container beyond its summary.
 *
 * @param summary the {@code ps} fields
 * @param pid host pid while running, else 0
 * @param startedAt last start, or null
 * @param finishedAt last exit, or null
 * @param oomKilled whether the OOM killer ended it
 * @param failingStreak consecutive failed probes
 * @param healthLog the last (up to 5) probe results, oldest first
 * @param networks network name to the container's IPv4 address on it
 */
public record ContainerDetails(
    @JsonProperty("Summary") ContainerSummary summary,
    @JsonProperty("Pid") int pid,
    @JsonProperty("StartedAt") Instant startedAt,
    @JsonProperty("FinishedAt") Instant finishedAt,
    @JsonProperty("OOMKilled") boolean oomKilled,
    @JsonProperty("FailingStreak") int failingStreak,
    @JsonProperty("HealthLog") List<HealthProbeRecord> healthLog,
    @JsonProperty("Networks") Map<String, String> networks) {

  public ContainerDetails {
    healthLog = healthLog == null ? List.of() : List.copyOf(healthLog);
    networks = networks == null ? Map.of() : Map.copyOf(networks);
  }
}
