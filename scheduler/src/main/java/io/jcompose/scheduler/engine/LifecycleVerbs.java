package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.KillOptions;
import io.jcompose.scheduler.api.PauseOptions;
import io.jcompose.scheduler.api.RemoveOptions;
import io.jcompose.scheduler.api.RestartOptions;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.Dependency;
import io.jcompose.scheduler.plan.DependencyGraph;
import io.jcompose.scheduler.plan.Operation;
import io.jcompose.scheduler.plan.Plan;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code start}, {@code stop}, {@code restart}, {@code kill}, {@code pause}, {@code unpause},
 * {@code rm}.
 */
final class LifecycleVerbs {

  private final EngineContext ctx;

  LifecycleVerbs(EngineContext ctx) {
    this.ctx = ctx;
  }

  Future<Void> start(String name, StartOptions options, Progress progress) {
    return ctx.project(name, options.project())
        .compose(
            project -> {
              EngineContext.checkServices(project, options.services());
              return ctx.containers(name, options.services(), false)
                  .compose(containers -> startExisting(name, project, containers, progress));
            });
  }

  // A plan of start steps over existing containers, gated like up.
  private Future<Void> startExisting(
      String name, Project project, List<ContainerState> containers, Progress progress) {
    if (containers.isEmpty()) {
      return Future.failedFuture(
          new NotFoundException("no containers to start in project " + name + "; run up first"));
    }
    Map<String, List<ContainerState>> groups = ServiceOrder.byService(containers);
    DependencyGraph graph = project == null ? null : DependencyGraph.of(project);
    List<Operation> ops = new ArrayList<>();
    Map<String, List<Dependency>> gates = new HashMap<>();
    Map<String, ContainerState> byId = new HashMap<>();
    for (String service : EngineContext.order(project, containers)) {
      for (ContainerState c : groups.getOrDefault(service, List.of())) {
        byId.put(c.id(), c);
        boolean running =
            c.status() == ContainerStatus.RUNNING || c.status() == ContainerStatus.PAUSED;
        ops.add(
            new Operation(
                running ? Operation.Kind.KEEP : Operation.Kind.START,
                "container " + c.name(),
                service,
                ComposeLabels.number(c),
                c.name(),
                c.id(),
                running ? "running" : c.status().word(),
                List.of()));
      }
      if (graph != null && graph.contains(service)) {
        gates.put(
            service,
            graph.dependenciesOf(service).stream()
                .filter(d -> groups.containsKey(d.dependency()))
                .toList());
      }
    }
    Plan plan = new Plan(name, ops, gates, List.of());
    PlanExecutor.Run run =
        new PlanExecutor.Run(
            true, null, ctx.limiter(0), new ImageResolver(ctx.rt, "never", progress), progress);
    return ctx.executor.execute(project, plan, byId, run).mapEmpty();
  }

  Future<Void> stop(String name, StopOptions options, Progress progress) {
    ParallelLimiter limiter = ctx.limiter(0);
    return ctx.project(name, options.project())
        .compose(
            project ->
                ctx.containers(name, options.services(), true)
                    .compose(
                        containers ->
                            ServiceOrder.run(
                                project,
                                containers.stream()
                                    .filter(c -> c.isAlive() || restarting(c))
                                    .toList(),
                                true,
                                group ->
                                    ServiceOrder.each(
                                        group,
                                        c ->
                                            ctx.ops.stop(
                                                c.id(),
                                                c.name(),
                                                options.timeout(),
                                                limiter,
                                                progress)))));
  }

  // As on Docker, stopping a container its restart policy is about to start again (or keeps
  // failing to, its host port taken) cancels that restart.
  private boolean restarting(ContainerState c) {
    LiveContainer live = ctx.supervisor.get(c.id());
    return live != null && live.status == ContainerStatus.RESTARTING;
  }

  Future<Void> restart(String name, RestartOptions options, Progress progress) {
    ParallelLimiter limiter = ctx.limiter(0);
    return ctx.project(name, options.project())
        .compose(
            project -> {
              EngineContext.checkServices(project, options.services());
              List<String> services = withRestartDependents(project, options);
              return ctx.containers(name, services, false)
                  .compose(
                      containers ->
                          ServiceOrder.run(
                              project,
                              containers,
                              false,
                              group ->
                                  ServiceOrder.each(
                                      group,
                                      c -> restartOne(project, c, options, limiter, progress))));
            });
  }

  private Future<Void> restartOne(
      Project project,
      ContainerState c,
      RestartOptions options,
      ParallelLimiter limiter,
      Progress progress) {
    Future<Void> stopped =
        c.isAlive()
            ? ctx.ops.stop(c.id(), c.name(), options.timeout(), limiter, Progress.NONE)
            : Future.succeededFuture();
    String resource = Progress.container(c.name());
    progress.working(resource, "Restarting");
    return stopped
        .compose(v -> ctx.adopter.tracked(project, c))
        .compose(live -> ctx.ops.start(live, limiter, Progress.NONE))
        .onSuccess(v -> progress.done(resource, "Started"))
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  // docker compose restarts the dependents declared with restart: true along with a dependency.
  private static List<String> withRestartDependents(Project project, RestartOptions options) {
    if (project == null || options.services().isEmpty() || options.noDeps()) {
      return options.services();
    }
    DependencyGraph graph = DependencyGraph.of(project);
    Set<String> out = new LinkedHashSet<>(options.services());
    List<String> todo = new ArrayList<>(options.services());
    while (!todo.isEmpty()) {
      String s = todo.remove(0);
      for (String dependent : graph.dependentsOf(s)) {
        boolean follows =
            graph.dependenciesOf(dependent).stream()
                .anyMatch(d -> d.dependency().equals(s) && d.restart());
        if (follows && out.add(dependent)) {
          todo.add(dependent);
        }
      }
    }
    return List.copyOf(out);
  }

  Future<Void> kill(String name, KillOptions options, Progress progress) {
    return ctx.containers(name, options.services(), true)
        .compose(
            containers ->
                ServiceOrder.each(
                    containers.stream().filter(ContainerState::isAlive).toList(),
                    c -> {
                      String resource = Progress.container(c.name());
                      ctx.supervisor.stoppingByUser(c.id());
                      progress.working(resource, "Killing");
                      return ctx.rt
                          .containers()
                          .kill(c.id(), options.signal())
                          .onSuccess(v -> progress.done(resource, "Killed"))
                          .onFailure(e -> progress.error(resource, e.getMessage()));
                    }));
  }

  Future<Void> pause(String name, PauseOptions options, Progress progress, boolean pause) {
    ContainerStatus from = pause ? ContainerStatus.RUNNING : ContainerStatus.PAUSED;
    return ctx.containers(name, options.services(), true)
        .compose(
            containers ->
                ServiceOrder.each(
                    containers.stream().filter(c -> c.status() == from).toList(),
                    c -> {
                      String resource = Progress.container(c.name());
                      progress.working(resource, pause ? "Pausing" : "Unpausing");
                      Future<Void> f =
                          pause
                              ? ctx.rt.containers().pause(c.id())
                              : ctx.rt.containers().unpause(c.id());
                      return f.onSuccess(
                              v -> {
                                ctx.supervisor.status(
                                    c.id(),
                                    pause ? ContainerStatus.PAUSED : ContainerStatus.RUNNING);
                                LiveContainer live = ctx.supervisor.get(c.id());
                                if (live != null) {
                                  ctx.events.publish(live, pause ? "pause" : "unpause", Map.of());
                                }
                                progress.done(resource, pause ? "Paused" : "Unpaused");
                              })
                          .onFailure(e -> progress.error(resource, e.getMessage()));
                    }));
  }

  Future<Void> remove(String name, RemoveOptions options, Progress progress) {
    ParallelLimiter limiter = ctx.limiter(0);
    return ctx.containers(name, options.services(), false)
        .compose(
            containers -> {
              List<ContainerState> targets =
                  containers.stream()
                      .filter(c -> !c.isAlive() || options.stop() || options.force())
                      .toList();
              return ServiceOrder.each(targets, c -> ctx.ops.remove(c, null, limiter, progress));
            });
  }
}
