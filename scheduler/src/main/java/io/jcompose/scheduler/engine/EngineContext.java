package io.jcompose.scheduler.engine;

import io.jcompose.health.api.Ticker;
import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.PublishedPort;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.DependencyGraph;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** What every verb shares: the runtime, the supervisor, the state store and small look-ups. */
final class EngineContext {

  final Vertx vertx;
  final EngineRuntime rt;
  final EngineStateStore store;
  final EventHub events = new EventHub();
  final Supervisor supervisor;
  final ContainerNetworking networking;
  final ServicePorts servicePorts;
  final ContainerOps ops;
  final Adopter adopter;
  final PlanExecutor executor;
  final int defaultParallel;

  EngineContext(
      Vertx vertx, EngineRuntime rt, EngineStateStore store, Ticker ticker, int parallel) {
    this.vertx = vertx;
    this.rt = rt;
    this.store = store;
    this.defaultParallel = parallel;
    this.networking = new ContainerNetworking(rt);
    this.supervisor =
        new Supervisor(
            vertx,
            rt.containers(),
            ticker,
            store,
            events,
            this::portsBeforeRestart,
            this::whenRunning,
            c -> {
              c.published = List.of();
              if (c.removing) {
                return Future.succeededFuture();
              }
              return networking.stopped(c.netKey).recover(e -> Future.succeededFuture());
            });
    this.servicePorts = new ServicePorts(networking, supervisor);
    this.ops = new ContainerOps(rt, supervisor, networking, servicePorts, events);
    this.adopter = new Adopter(vertx, rt, supervisor, store);
    this.executor = new PlanExecutor(rt, ops, supervisor, networking, adopter);
  }

  // A restart by the restart policy opens the host ports before the process runs, as a start does.
  private Future<Void> portsBeforeRestart(LiveContainer c) {
    return servicePorts.publish(c).onSuccess(ports -> c.published = ports).mapEmpty();
  }

  // DNS answers again. A re-adopted container's ports were reopened by the port publisher itself,
  // so they are only read back; every other start (by a verb, by the restart policy, an attached
  // run) opened them before the process ran.
  private Future<Void> whenRunning(LiveContainer c) {
    boolean adopting = c.adopting;
    c.adopting = false;
    return networking
        .running(c.netKey)
        .compose(
            v -> {
              if (!adopting || c.serviceModel == null || c.netKey == null) {
                return Future.succeededFuture(c.published);
              }
              return rt.ports() == null
                  ? Future.succeededFuture(List.<PublishedPort>of())
                  : rt.ports().published(c.netKey);
            })
        .onSuccess(ports -> c.published = ports)
        .mapEmpty();
  }

  ParallelLimiter limiter(int parallel) {
    return new ParallelLimiter(parallel > 0 ? parallel : defaultParallel);
  }

  /** The project's containers, optionally only some services', sorted by service then number. */
  Future<List<ContainerState>> containers(
      String project, List<String> services, boolean includeOneOff) {
    return rt.containers()
        .list(ComposeLabels.projectFilter(project))
        .map(
            all -> {
              List<ContainerState> out = new ArrayList<>();
              for (ContainerState c : all) {
                if (!includeOneOff && ComposeLabels.oneOff(c)) {
                  continue;
                }
                if (services.isEmpty() || services.contains(ComposeLabels.service(c))) {
                  out.add(c);
                }
              }
              out.sort(
                  Comparator.comparing(
                          (ContainerState c) -> String.valueOf(ComposeLabels.service(c)))
                      .thenComparingInt(ComposeLabels::number)
                      .thenComparing(ContainerState::name));
              return out;
            });
  }

  /** The container {@code name}; fails with not-found when it is not one of {@code project}'s. */
  Future<ContainerState> containerOf(String project, String name) {
    return rt.containers()
        .inspect(name)
        .compose(
            state ->
                project.equals(state.labels().get(ComposeLabels.PROJECT))
                    ? Future.succeededFuture(state)
                    : Future.failedFuture(
                        new NotFoundException(
                            "container " + name + " is not part of project " + project)));
  }

  /** The project model: the caller's, else the one the last {@code up} saved, else null. */
  Future<Project> project(String name, Project given) {
    if (given != null) {
      return Future.succeededFuture(given);
    }
    return vertx.executeBlocking(() -> store.loadProject(name).orElse(null));
  }

  /** Fails when a named service is unknown to the project (when the project is known). */
  static void checkServices(Project project, List<String> services) {
    if (project == null) {
      return;
    }
    for (String s : services) {
      if (project.service(s) == null) {
        throw new NotFoundException(
            "no such service: "
                + s
                + "; the project's services are "
                + new java.util.TreeSet<>(project.services().keySet()));
      }
    }
  }

  /** Services in dependency order, or by name when the project is unknown. */
  static List<String> order(Project project, List<ContainerState> containers) {
    if (project != null) {
      List<String> order = new ArrayList<>(DependencyGraph.of(project).order());
      containers.stream()
          .map(ComposeLabels::service)
          .distinct()
          .filter(s -> !order.contains(s))
          .sorted()
          .forEach(order::add);
      return order;
    }
    return containers.stream().map(ComposeLabels::service).distinct().sorted().toList();
  }

  static Map<String, String> labelsOf(ContainerState c) {
    return c.labels();
  }
}
