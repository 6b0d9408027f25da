package io.jcompose.scheduler.plan;

import io.jcompose.scheduler.api.Recreate;
import java.util.List;
import java.util.Map;

/**
 * What the user asked {@code up}/{@code create}/{@code scale} for.
 *
 * @param services the selected services; empty for all
 * @param scale replica overrides
 * @param recreate policy for the selected services
 * @param recreateDependencies policy for their dependencies
 * @param removeOrphans remove containers of services no longer in the project
 * @param noDeps leave dependencies out of the plan
 */
public record PlanRequest(
    List<String> services,
    Map<String, Integer> scale,
    Recreate recreate,
    Recreate recreateDependencies,
    boolean removeOrphans,
    boolean noDeps) {

  public PlanRequest {
    services = List.copyOf(services);
    scale = Map.copyOf(scale);
  }

  /** Everything, recreating what diverged. */
  public static PlanRequest all() {
    return new PlanRequest(List.of(), Map.of(), Recreate.DIVERGED, Recreate.DIVERGED, false, false);
  }
}
