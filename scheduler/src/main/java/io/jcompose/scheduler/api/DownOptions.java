package io.jcompose.scheduler.api;

import io.jcompose.model.api.Project;
import java.time.Duration;
import java.util.List;

/**
 * Options of {@code down}.
 *
 * @param project the project model when the caller has it (to find its networks and volumes and
 *     tell orphans), or null to go by labels alone
 * @param services services to take down; empty for the whole project
 * @param removeOrphans also remove containers of services not in {@code project}
 * @param volumes remove named volumes declared by the project and anonymous volumes ({@code -v})
 * @param removeImages {@code all}, {@code local} or null ({@code --rmi})
 * @param timeout grace before SIGKILL, or null for each service's own
 */
public record DownOptions(
    Project project,
    List<String> services,
    boolean removeOrphans,
    boolean volumes,
    String removeImages,
    Duration timeout) {
  public DownOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }

  /** These options with {@code project} as the model. */
  public DownOptions withProject(Project project) {
    return new DownOptions(project, services, removeOrphans, volumes, removeImages, timeout);
  }

  /** Plain {@code down}. */
  public static DownOptions defaults() {
    return new DownOptions(null, List.of(), false, false, null, null);
  }
}
