package io.jcompose.scheduler.plan;

import io.jcompose.runtime.api.ContainerState;
import java.util.List;
import java.util.Set;

/**
 * What exists now for a project.
 *
 * @param containers its containers (found by the project label)
 * @param networks names of networks that exist
 * @param volumes names of volumes that exist
 */
public record Observed(List<ContainerState> containers, Set<String> networks, Set<String> volumes) {
  public Observed {
    containers = List.copyOf(containers);
    networks = Set.copyOf(networks);
    volumes = Set.copyOf(volumes);
  }

  /** Nothing exists yet. */
  public static Observed nothing() {
    return new Observed(List.of(), Set.of(), Set.of());
  }
}
