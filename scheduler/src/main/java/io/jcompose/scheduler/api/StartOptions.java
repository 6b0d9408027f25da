package io.jcompose.scheduler.api;

import io.jcompose.model.api.Project;
import java.time.Duration;
import java.util.List;

/**
 * Options of {@code start}, and the starting half of {@code up}.
 *
 * @param project the project model when the caller has it (for dependency order), or null
 * @param services services to start; empty for all
 * @param noStart create only ({@code up --no-start})
 * @param waitReady complete only once every started service is running or healthy ({@code --wait})
 * @param waitTimeout give up waiting after this long, or null for no limit
 */
public record StartOptions(
    Project project,
    List<String> services,
    boolean noStart,
    boolean waitReady,
    Duration waitTimeout) {

  public StartOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }

  /** Start everything, without waiting for health. */
  public static StartOptions defaults() {
    return new StartOptions(null, List.of(), false, false, null);
  }
}
