package io.jcompose.scheduler.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Options of {@code create}, and the creating half of {@code up}.
 *
 * @param services services to create (with their dependencies unless {@code noDeps}); empty for all
 * @param scale replica counts overriding {@code scale:}/{@code deploy.replicas} ({@code --scale})
 * @param recreate when to replace the selected services' containers
 * @param recreateDependencies when to replace their dependencies' containers ({@code FORCE} is
 *     {@code --always-recreate-deps})
 * @param removeOrphans remove containers of services no longer in the project
 * @param noDeps leave the selected services' dependencies alone
 * @param pull {@code always}, {@code missing}, {@code never} or null for {@code pull_policy}
 * @param timeout stop grace for containers being replaced, or null for each service's own
 * @param parallel maximum concurrent operations, or 0 for {@code COMPOSE_PARALLEL_LIMIT} / none
 */
public record CreateOptions(
    List<String> services,
    Map<String, Integer> scale,
    Recreate recreate,
    Recreate recreateDependencies,
    boolean removeOrphans,
    boolean noDeps,
    String pull,
    Duration timeout,
    int parallel) {

  public CreateOptions {
    services = services == null ? List.of() : List.copyOf(services);
    scale = scale == null ? Map.of() : Map.copyOf(scale);
    recreate = recreate == null ? Recreate.DIVERGED : recreate;
    recreateDependencies = recreateDependencies == null ? Recreate.DIVERGED : recreateDependencies;
  }

  /** Everything, recreating what diverged, no orphan removal. */
  public static CreateOptions defaults() {
    return new CreateOptions(List.of(), Map.of(), null, null, false, false, null, null, 0);
  }
}
