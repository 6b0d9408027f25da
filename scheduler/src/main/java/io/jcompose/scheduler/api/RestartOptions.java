package io.jcompose.scheduler.api;

import io.jcompose.model.api.Project;
import java.time.Duration;
import java.util.List;

/**
 * Options of {@code restart}.
 *
 * @param project the project model when the caller has it, or null
 * @param services services to restart; empty for all
 * @param timeout grace before SIGKILL, or null for each service's own
 * @param noDeps do not restart dependents declared with {@code restart: true}
 */
public record RestartOptions(
    Project project, List<String> services, Duration timeout, boolean noDeps) {
  public RestartOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
