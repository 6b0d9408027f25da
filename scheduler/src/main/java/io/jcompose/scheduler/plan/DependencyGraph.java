package io.jcompose.scheduler.plan;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.scheduler.api.InvalidProjectException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graphs;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * The services of a project and who waits for whom: {@code depends_on} plus the implicit
 * dependencies of {@code network_mode}/{@code ipc}/{@code pid: service:X}, {@code volumes_from} and
 * {@code links}. Edges point from a dependency to its dependent, so topological order starts with
 * what has to run first. A cycle is an {@link InvalidProjectException} naming it.
 */
public final class DependencyGraph {

  private final DirectedAcyclicGraph<String, DefaultEdge> dag =
      new DirectedAcyclicGraph<>(DefaultEdge.class);
  private final Map<String, Map<String, Dependency>> byDependent = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private DependencyGraph() {}

  /** Builds the graph of every service of {@code project}. */
  public static DependencyGraph of(Project project) {
    DependencyGraph graph = new DependencyGraph();
    new TreeSet<>(project.services().keySet()).forEach(graph.dag::addVertex);
    for (String name : new TreeSet<>(project.services().keySet())) {
      for (Dependency d : declared(project.services().get(name))) {
        graph.add(d, project);
      }
    }
    return graph;
  }

  private static List<Dependency> declared(Service s) {
    List<Dependency> out = new ArrayList<>();
    s.dependsOn()
        .forEach(
            (dep, sd) ->
                out.add(
                    new Dependency(
                        s.name(), dep, sd.condition(), sd.required(), sd.restart(), "depends_on")));
    namespaceService(s.networkMode()).ifPresent(x -> out.add(implicit(s, x, "network_mode")));
    namespaceService(s.ipc()).ifPresent(x -> out.add(implicit(s, x, "ipc")));
    namespaceService(s.pid()).ifPresent(x -> out.add(implicit(s, x, "pid")));
    for (String from : s.volumesFrom()) {
      if (!from.startsWith("container:")) {
        String svc = from.startsWith("service:") ? from.substring("service:".length()) : from;
        int colon = svc.indexOf(':');
        out.add(implicit(s, colon < 0 ? svc : svc.substring(0, colon), "volumes_from"));
      }
    }
    for (String link : s.links()) {
      int colon = link.indexOf(':');
      out.add(implicit(s, colon < 0 ? link : link.substring(0, colon), "links"));
    }
    return out;
  }

  private static java.util.Optional<String> namespaceService(String mode) {
    return mode != null && mode.startsWith("service:")
        ? java.util.Optional.of(mode.substring("service:".length()))
        : java.util.Optional.empty();
  }

  private static Dependency implicit(Service s, String target, String via) {
    return new Dependency(s.name(), target, ServiceDependency.STARTED, true, false, via);
  }

  private void add(Dependency d, Project project) {
    if (!dag.containsVertex(d.dependency())) {
      String where = "services." + d.dependent() + "." + d.via();
      if (d.required() || !d.via().equals("depends_on")) {
        String hint =
            project.disabledServices().containsKey(d.dependency())
                ? "; it is disabled by its profiles, enable one with --profile"
                : "; this might mean the service name is misspelled";
        throw new InvalidProjectException(
            where + ": depends on undefined service \"" + d.dependency() + "\"" + hint);
      }
      warnings.add(
          where
              + ": optional dependency \""
              + d.dependency()
              + "\" is not in the project; skipped");
      return;
    }
    Map<String, Dependency> existing =
        byDependent.computeIfAbsent(d.dependent(), k -> new HashMap<>());
    Dependency previous = existing.get(d.dependency());
    if (previous != null) {
      // depends_on wins over an implicit edge for its condition; namespace sharing is kept.
      existing.put(d.dependency(), merge(previous, d));
      return;
    }
    if (d.dependent().equals(d.dependency())) {
      throw cycle(List.of(d.dependent(), d.dependent()));
    }
    try {
      dag.addEdge(d.dependency(), d.dependent());
    } catch (IllegalArgumentException loop) {
      List<String> path = pathBetween(d.dependent(), d.dependency());
      path.add(0, d.dependent());
      throw cycle(path);
    }
    existing.put(d.dependency(), d);
  }

  private static Dependency merge(Dependency a, Dependency b) {
    Dependency declared = a.via().equals("depends_on") ? a : b;
    Dependency other = declared == a ? b : a;
    String via = other.sharesNamespace() ? other.via() : declared.via();
    return new Dependency(
        declared.dependent(),
        declared.dependency(),
        declared.condition(),
        declared.required() || other.required(),
        declared.restart(),
        via);
  }

  private static InvalidProjectException cycle(List<String> path) {
    return new InvalidProjectException(
        "services."
            + path.get(0)
            + ".depends_on: dependency cycle "
            + String.join(" -> ", path)
            + "; remove one of these dependencies");
  }

  // The path dependent -> ... -> dependency along existing edges, which the new edge would close.
  private List<String> pathBetween(String from, String to) {
    Map<String, String> parent = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    parent.put(from, null);
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (at.equals(to)) {
        break;
      }
      for (String next : new TreeSet<>(Graphs.successorListOf(dag, at))) {
        if (!parent.containsKey(next)) {
          parent.put(next, at);
          queue.add(next);
        }
      }
    }
    List<String> reversed = new ArrayList<>();
    for (String at = to; at != null; at = parent.get(at)) {
      reversed.add(0, at);
    }
    // Printed in "waits for" direction: to -> ... -> from reads "to needs ... needs from".
    List<String> path = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      path.add(reversed.get(i));
    }
    return path;
  }

  /** Every service, dependencies before dependents, ties broken by name. */
  public List<String> order() {
    PriorityQueue<String> ready = new PriorityQueue<>(Comparator.naturalOrder());
    Map<String, Integer> inDegree = new HashMap<>();
    for (String v : dag.vertexSet()) {
      inDegree.put(v, dag.inDegreeOf(v));
      if (dag.inDegreeOf(v) == 0) {
        ready.add(v);
      }
    }
    List<String> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      String v = ready.poll();
      out.add(v);
      for (String next : Graphs.successorListOf(dag, v)) {
        if (inDegree.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    return out;
  }

  /** The services {@code service} waits for, by name. */
  public List<Dependency> dependenciesOf(String service) {
    return byDependent.getOrDefault(service, Map.of()).values().stream()
        .sorted(Comparator.comparing(Dependency::dependency))
        .toList();
  }

  /** The services that wait for {@code service}, sorted. */
  public List<String> dependentsOf(String service) {
    return Graphs.successorListOf(dag, service).stream().sorted().toList();
  }

  /** The given services and everything they need, transitively. */
  public Set<String> withDependencies(Collection<String> services) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(services);
    while (!todo.isEmpty()) {
      String s = todo.poll();
      if (out.add(s)) {
        dependenciesOf(s).forEach(d -> todo.add(d.dependency()));
      }
    }
    return out;
  }

  /** Whether the graph has that service. */
  public boolean contains(String service) {
    return dag.containsVertex(service);
  }

  /** Optional dependencies that were skipped, one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
