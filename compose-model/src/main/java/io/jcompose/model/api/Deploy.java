package io.jcompose.model.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code deploy} section of a service.
 *
 * @param mode replicated, global...; null when unset
 * @param replicas replica count, null when unset
 * @param labels service labels
 * @param endpointMode vip or dnsrr, null when unset
 * @param resources limits and reservations, null when unset
 * @param restartPolicy restart policy, null when unset
 * @param placement placement constraints, kept as read
 * @param updateConfig update configuration, kept as read
 * @param rollbackConfig rollback configuration, kept as read
 */
public record Deploy(
    String mode,
    Integer replicas,
    Map<String, String> labels,
    String endpointMode,
    Resources resources,
    RestartPolicy restartPolicy,
    Map<String, Object> placement,
    Map<String, Object> updateConfig,
    Map<String, Object> rollbackConfig) {

  /** Normalizes nulls to empty maps. */
  public Deploy {
    labels = Frozen.map(labels);
    placement = Frozen.map(placement);
    updateConfig = Frozen.map(updateConfig);
    rollbackConfig = Frozen.map(rollbackConfig);
  }

  /**
   * {@code deploy.resources}.
   *
   * @param limits hard limits, null when unset
   * @param reservations reservations, null when unset
   */
  public record Resources(ResourceLimit limits, ResourceLimit reservations) {}

  /**
   * One side of {@code deploy.resources}.
   *
   * @param cpus CPUs, null when unset
   * @param memory bytes, null when unset
   * @param pids process count, null when unset
   * @param devices device requests, kept as read
   * @param genericResources generic resources, kept as read
   */
  public record ResourceLimit(
      Double cpus,
      Long memory,
      Long pids,
      List<Map<String, Object>> devices,
      List<Map<String, Object>> genericResources) {

    /** Normalizes nulls to empty lists. */
    public ResourceLimit {
      devices = Frozen.list(devices);
      genericResources = Frozen.list(genericResources);
    }
  }

  /**
   * {@code deploy.restart_policy}.
   *
   * @param condition none, on-failure or any; null when unset
   * @param delay wait between restarts, null when unset
   * @param maxAttempts attempts before giving up, null for unlimited
   * @param window time a restart has to stay up to count as successful, null when unset
   */
  public record RestartPolicy(
      String condition, Duration delay, Integer maxAttempts, Duration window) {}
}
