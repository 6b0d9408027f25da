package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.Dependency;
import io.jcompose.scheduler.plan.DependencyGraph;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs an action per service in dependency order (or its reverse), each service as soon as the
 * services it must follow are done, containers of one service in parallel.
 */
final class ServiceOrder {

  private ServiceOrder() {}

  /** Groups containers by service, keeping their order. */
  static Map<String, List<ContainerState>> byService(List<ContainerState> containers) {
    Map<String, List<ContainerState>> out = new LinkedHashMap<>();
    for (ContainerState c : containers) {
      out.computeIfAbsent(String.valueOf(ComposeLabels.service(c)), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  /**
   * Runs {@code action} on each service's containers; with {@code reverse} a service waits for its
   * dependents (stop, down), else for its dependencies (start, restart). Without a project every
   * service runs at once.
   */
  static Future<Void> run(
      Project project,
      List<ContainerState> containers,
      boolean reverse,
      Function<List<ContainerState>, Future<?>> action) {
    Map<String, List<ContainerState>> groups = byService(containers);
    Map<String, Future<?>> done = new HashMap<>();
    DependencyGraph graph = project == null ? null : DependencyGraph.of(project);
    List<String> order = new ArrayList<>(EngineContext.order(project, containers));
    if (reverse) {
      java.util.Collections.reverse(order);
    }
    for (String service : order) {
      List<ContainerState> mine = groups.get(service);
      if (mine == null) {
        continue;
      }
      List<Future<?>> before = new ArrayList<>();
      if (graph != null && graph.contains(service)) {
        List<String> predecessors =
            reverse
                ? graph.dependentsOf(service)
                : graph.dependenciesOf(service).stream().map(Dependency::dependency).toList();
        predecessors.stream().filter(done::containsKey).forEach(p -> before.add(done.get(p)));
      }
      // A failed predecessor does not stop the rest: stop/down must get as far as they can.
      done.put(service, Future.join(before).transform(ignored -> action.apply(mine)));
    }
    return Future.join(new ArrayList<>(done.values()))
        .transform(
            r ->
                r.succeeded()
                    ? Future.succeededFuture()
                    : Future.failedFuture(PlanExecutor.rootCause(new ArrayList<>(done.values()))));
  }

  /** Runs {@code each} on every container at once; completes when all did. */
  static Future<Void> each(
      List<ContainerState> containers, Function<ContainerState, Future<?>> each) {
    List<Future<?>> all = new ArrayList<>();
    containers.forEach(c -> all.add(each.apply(c)));
    return Future.join(all)
        .transform(
            r ->
                r.succeeded()
                    ? Future.succeededFuture()
                    : Future.failedFuture(PlanExecutor.rootCause(all)));
  }
}
