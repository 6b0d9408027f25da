package io.jcompose.scheduler.plan;

import io.jcompose.model.api.ConfigHash;
import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.VolumeDefinition;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.NetworkSpec;
import io.jcompose.scheduler.api.InvalidProjectException;
import io.jcompose.scheduler.api.Recreate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides what {@code up} has to do: compares the desired project with the containers, networks and
 * volumes that exist and returns a {@link Plan}. Does no I/O, so its output can be compared with
 * golden text.
 */
public final class Planner {

  private final Function<Service, String> hasher;

  /** A planner hashing services with the model's {@link ConfigHash}. */
  public Planner() {
    this(ConfigHash::of);
  }

  /** A planner with its own hash function (tests). */
  public Planner(Function<Service, String> hasher) {
    this.hasher = hasher;
  }

  /** Plans {@code request} against {@code observed}. */
  public Plan plan(Project project, Observed observed, PlanRequest request) {
    DependencyGraph graph = DependencyGraph.of(project);
    for (String s : request.services()) {
      if (!graph.contains(s)) {
        throw new InvalidProjectException(
            "no such service: "
                + s
                + "; services are "
                + new TreeSet<>(project.services().keySet()));
      }
    }
    Set<String> selected =
        request.services().isEmpty() ? project.services().keySet() : Set.copyOf(request.services());
    Set<String> scope =
        request.noDeps() ? new LinkedHashSet<>(selected) : graph.withDependencies(selected);
    List<String> order = graph.order().stream().filter(scope::contains).toList();

    List<Operation> ops = new ArrayList<>();
    List<String> warnings = new ArrayList<>(graph.warnings());
    Map<String, String> resourceOfNetwork = infrastructure(project, order, observed, ops, warnings);

    Map<String, List<ContainerState>> byService = new HashMap<>();
    List<ContainerState> orphans = new ArrayList<>();
    for (ContainerState c : observed.containers()) {
      if (ComposeLabels.oneOff(c)) {
        continue;
      }
      String svc = ComposeLabels.service(c);
      if (project.services().containsKey(svc)) {
        byService.computeIfAbsent(svc, k -> new ArrayList<>()).add(c);
      } else {
        orphans.add(c);
      }
    }

    Map<String, List<Dependency>> gates = new LinkedHashMap<>();
    Set<String> replaced = new TreeSet<>();
    for (String name : order) {
      Service service = project.services().get(name);
      List<Dependency> deps =
          graph.dependenciesOf(name).stream().filter(d -> scope.contains(d.dependency())).toList();
      gates.put(name, deps);
      List<String> after = new ArrayList<>();
      ServiceNames.networkKeys(project, service).stream()
          .map(resourceOfNetwork::get)
          .filter(r -> r != null)
          .forEach(after::add);
      ServiceNames.volumeKeys(service).stream()
          .map(k -> "volume " + ServiceNames.volume(project, k))
          .filter(r -> ops.stream().anyMatch(o -> o.resource().equals(r)))
          .forEach(after::add);
      deps.forEach(d -> after.add(d.dependency() + " " + gateWord(d.condition())));
      Recreate policy =
          selected.contains(name) ? request.recreate() : request.recreateDependencies();
      String sharedReplaced =
          deps.stream()
              .filter(d -> d.sharesNamespace() && replaced.contains(d.dependency()))
              .map(d -> "dependency " + d.dependency() + " replaced, shares its " + nsWord(d))
              .findFirst()
              .orElse(null);
      String restartCause =
          deps.stream()
              .filter(d -> d.restart() && replaced.contains(d.dependency()))
              .map(d -> "dependency " + d.dependency() + " replaced, restart: true")
              .findFirst()
              .orElse(null);
      List<Operation> serviceOps =
          new ServiceReconciler(project, service, hasher.apply(service), after)
              .reconcile(
                  byService.getOrDefault(name, List.of()),
                  request.scale().getOrDefault(name, service.replicas()),
                  policy,
                  sharedReplaced,
                  restartCause);
      if (serviceOps.stream().anyMatch(o -> o.kind() == Operation.Kind.RECREATE)) {
        replaced.add(name);
      }
      ops.addAll(serviceOps);
    }

    orphans.sort(Comparator.comparing(ContainerState::name));
    if (!orphans.isEmpty()) {
      if (request.removeOrphans()) {
        for (ContainerState c : orphans) {
          ops.add(
              new Operation(
                  Operation.Kind.REMOVE,
                  "container " + c.name(),
                  ComposeLabels.service(c),
                  ComposeLabels.number(c),
                  c.name(),
                  c.id(),
                  "orphan: service " + ComposeLabels.service(c) + " is not in the project",
                  List.of()));
        }
      } else {
        warnings.add(
            "orphan containers "
                + orphans.stream().map(ContainerState::name).toList()
                + " belong to services no longer in the project; run with --remove-orphans to"
                + " remove them");
      }
    }
    return new Plan(project.name(), ops, gates, warnings);
  }

  private static String gateWord(String condition) {
    return switch (condition) {
      case "service_healthy" -> "healthy";
      case "service_completed_successfully" -> "completed";
      default -> "started";
    };
  }

  private static String nsWord(Dependency d) {
    return switch (d.via()) {
      case "network_mode" -> "network namespace";
      case "ipc" -> "ipc namespace";
      default -> "pid namespace";
    };
  }

  // Networks and volumes the services in scope use and that do not exist yet; an existing network
  // is checked against the file.
  private static Map<String, String> infrastructure(
      Project project,
      List<String> order,
      Observed observed,
      List<Operation> ops,
      List<String> warnings) {
    Map<String, String> resourceOfNetwork = new HashMap<>();
    Set<String> networkKeys = new TreeSet<>();
    Set<String> volumeKeys = new TreeSet<>();
    for (String s : order) {
      networkKeys.addAll(ServiceNames.networkKeys(project, project.services().get(s)));
      volumeKeys.addAll(ServiceNames.volumeKeys(project.services().get(s)));
    }
    for (String key : networkKeys) {
      NetworkDefinition def = project.networks().get(key);
      String name = ServiceNames.network(project, key);
      if (def != null && def.external()) {
        continue;
      }
      // Read before anything is created, so a bad setting fails the whole plan.
      NetworkSpec desired = NetworkSpecs.of(project, key);
      NetworkInfo existing = observed.networkDetails().get(name);
      if (existing != null) {
        NetworkDrift.check(key, desired, existing).ifPresent(warnings::add);
      }
      if (!observed.networks().contains(name)) {
        String resource = "network " + name;
        ops.add(
            new Operation(
                Operation.Kind.CREATE_NETWORK,
                resource,
                null,
                0,
                name,
                null,
                "missing",
                List.of()));
        resourceOfNetwork.put(key, resource);
      }
    }
    for (String key : volumeKeys) {
      VolumeDefinition def = project.volumes().get(key);
      String name = ServiceNames.volume(project, key);
      if ((def == null || !def.external()) && !observed.volumes().contains(name)) {
        ops.add(
            new Operation(
                Operation.Kind.CREATE_VOLUME,
                "volume " + name,
                null,
                0,
                name,
                null,
                "missing",
                List.of()));
      }
    }
    return resourceOfNetwork;
  }

  /** Whether a container counts as running for planning. */
  static boolean running(ContainerState c) {
    return c.status() == ContainerStatus.RUNNING
        || c.status() == ContainerStatus.PAUSED
        || c.status() == ContainerStatus.RESTARTING;
  }
}
