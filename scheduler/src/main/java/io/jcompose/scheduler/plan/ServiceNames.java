package io.jcompose.scheduler.plan;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.model.api.VolumeDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The names docker compose gives a service's containers, networks and volumes. */
public final class ServiceNames {

  private ServiceNames() {}

  /** {@code container_name}, or {@code <project>-<service>-<n>}. */
  public static String container(Project project, Service service, int number) {
    return service.containerName() != null
        ? service.containerName()
        : project.name() + "-" + service.name() + "-" + number;
  }

  /**
   * The project network keys a service joins, highest priority first then by key; {@code default}
   * when it names none and has no {@code network_mode}, or has {@code network_mode: bridge}.
   */
  public static List<String> networkKeys(Project project, Service service) {
    if (joinsDefaultByMode(service)) {
      return List.of("default");
    }
    if (service.networkMode() != null) {
      return List.of();
    }
    if (service.networks().isEmpty()) {
      return project.networks().containsKey("default") ? List.of("default") : List.of();
    }
    List<String> keys = new ArrayList<>(service.networks().keySet());
    keys.sort(
        Comparator.comparingInt(
                (String k) -> {
                  var n = service.networks().get(k);
                  return n == null || n.priority() == null ? 0 : -n.priority();
                })
            .thenComparing(Comparator.naturalOrder()));
    return keys;
  }

  /**
   * Whether {@code network_mode} is {@code bridge} (or Docker's synonym {@code default}): Docker's
   * engine-wide bridge network, which jcompose has not got; the project's default network stands in
   * for it, also when no other service uses that network.
   */
  public static boolean joinsDefaultByMode(Service service) {
    return "bridge".equals(service.networkMode()) || "default".equals(service.networkMode());
  }

  /** The full name of a project network key ({@code <project>_<key>} unless named). */
  public static String network(Project project, String key) {
    NetworkDefinition def = project.networks().get(key);
    return def == null || def.name() == null ? project.name() + "_" + key : def.name();
  }

  /** The project volume keys a service mounts. */
  public static List<String> volumeKeys(Service service) {
    return service.volumes().stream()
        .filter(v -> ServiceVolume.VOLUME.equals(v.type()) && v.source() != null)
        .map(ServiceVolume::source)
        .distinct()
        .toList();
  }

  /** The full name of a project volume key. */
  public static String volume(Project project, String key) {
    Map<String, VolumeDefinition> vols = project.volumes();
    VolumeDefinition def = vols.get(key);
    return def == null || def.name() == null ? project.name() + "_" + key : def.name();
  }
}
