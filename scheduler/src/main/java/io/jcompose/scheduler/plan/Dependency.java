package io.jcompose.scheduler.plan;

/**
 * One edge of the dependency graph: {@code dependent} needs {@code dependency}.
 *
 * @param dependent the service that waits
 * @param dependency the service it waits for
 * @param condition {@code service_started}, {@code service_healthy} or {@code
 *     service_completed_successfully}
 * @param required whether failure of the dependency fails the dependent (else a warning)
 * @param restart whether restarting the dependency restarts the dependent
 * @param via the attribute that made the edge: {@code depends_on}, {@code network_mode}, {@code
 *     ipc}, {@code pid}, {@code volumes_from} or {@code links}
 */
public record Dependency(
    String dependent,
    String dependency,
    String condition,
    boolean required,
    boolean restart,
    String via) {

  /**
   * Whether the dependent joins a namespace of the dependency (and so must be recreated with it).
   */
  public boolean sharesNamespace() {
    return via.equals("network_mode") || via.equals("ipc") || via.equals("pid");
  }
}
