package io.jcompose.scheduler.plan;

import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.NetworkInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What exists now for a project.
 *
 * @param containers its containers (found by the project label)
 * @param networks names of networks that exist
 * @param volumes names of volumes that exist
 * @param networkDetails what the driver reports of existing networks, by name; a network named in
 *     {@code networks} but missing here is not checked against the file
 */
public record Observed(
    List<ContainerState> containers,
    Set<String> networks,
    Set<String> volumes,
    Map<String, NetworkInfo> networkDetails) {
  public Observed {
    containers = List.copyOf(containers);
    networks = Set.copyOf(networks);
    volumes = Set.copyOf(volumes);
    networkDetails = Map.copyOf(networkDetails);
  }

  /** Existing networks known by name only. */
  public Observed(List<ContainerState> containers, Set<String> networks, Set<String> volumes) {
    this(containers, networks, volumes, Map.of());
  }

  /** Existing containers, networks as the driver reports them, and volume names. */
  public static Observed of(
      List<ContainerState> containers, List<NetworkInfo> networks, Set<String> volumes) {
    Map<String, NetworkInfo> byName =
        networks.stream()
            .collect(Collectors.toMap(NetworkInfo::name, Function.identity(), (a, b) -> a));
    return new Observed(containers, byName.keySet(), volumes, byName);
  }

  /** Nothing exists yet. */
  public static Observed nothing() {
    return new Observed(List.of(), Set.of(), Set.of());
  }
}
