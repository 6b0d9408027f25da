package io.jcompose.scheduler.api;

import io.jcompose.model.api.Project;
import java.time.Duration;
import java.util.List;

/**
 * Options of {@code stop}.
 *
 * @param project the project model when the caller has it (for dependency order), or null
 * @param services services to stop; empty for all
 * @param timeout grace before SIGKILL, or null for each service's {@code stop_grace_period}
 */
public record StopOptions(Project project, List<String> services, Duration timeout) {
  public StopOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
