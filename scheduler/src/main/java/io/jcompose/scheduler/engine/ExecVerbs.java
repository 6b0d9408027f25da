package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ExecSpec;
import io.jcompose.runtime.api.LogOptions;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.ExecOptions;
import io.jcompose.scheduler.api.ExecResult;
import io.jcompose.scheduler.api.LogEntry;
import io.jcompose.scheduler.api.Recreate;
import io.jcompose.scheduler.api.RunOptions;
import io.jcompose.scheduler.api.RunResult;
import io.jcompose.scheduler.api.UpOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.Dependency;
import io.jcompose.scheduler.plan.DependencyGraph;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code exec}, {@code run} and {@code top}. */
final class ExecVerbs {

  private final EngineContext ctx;
  private final UpVerb up;

  ExecVerbs(EngineContext ctx, UpVerb up) {
    this.ctx = ctx;
    this.up = up;
  }

  Future<ExecResult> exec(String name, ExecOptions options, Handler<LogEntry> output) {
    return ctx.containers(name, List.of(options.service()), false)
        .compose(
            containers -> {
              ContainerState c = QueryVerbs.pick(containers, options.service(), options.index());
              if (!c.isAlive()) {
                return Future.failedFuture(
                    new io.jcompose.runtime.api.ConflictException(
                        "container " + c.name() + " is not running; start it first"));
              }
              ExecSpec spec =
                  new ExecSpec(
                      options.command(),
                      options.environment(),
                      options.user(),
                      options.workingDir(),
                      options.tty(),
                      null);
              Future<io.jcompose.runtime.api.ExecResult> run =
                  ctx.rt.containers().exec(c.id(), spec);
              if (options.detach()) {
                return Future.succeededFuture(new ExecResult(0, ""));
              }
              return run.map(
                  r -> {
                    for (String line : r.output().split("\n", -1)) {
                      if (!line.isEmpty()) {
                        output.handle(
                            new LogEntry(
                                c.name(),
                                options.service(),
                                ComposeLabels.number(c),
                                "stdout",
                                Instant.now(),
                                line));
                      }
                    }
                    return new ExecResult(r.exitCode(), r.output());
                  });
            });
  }

  Future<io.jcompose.runtime.api.AttachedExec> execAttached(
      String name, ExecOptions options, int columns, int lines) {
    return ctx.containers(name, List.of(options.service()), false)
        .compose(
            containers -> {
              ContainerState c = QueryVerbs.pick(containers, options.service(), options.index());
              Map<String, String> env = new HashMap<>(options.environment());
              if (options.tty() && columns > 0 && lines > 0) {
                env.putIfAbsent("COLUMNS", Integer.toString(columns));
                env.putIfAbsent("LINES", Integer.toString(lines));
              }
              return ctx.rt
                  .containers()
                  .execAttached(
                      c.id(),
                      new ExecSpec(
                          options.command(),
                          env,
                          options.user(),
                          options.workingDir(),
                          options.tty(),
                          null));
            });
  }

  Future<RunResult> run(
      Project project, RunOptions options, Handler<LogEntry> output, Progress progress) {
    Service declared = project.service(options.service());
    if (declared == null) {
      return Future.failedFuture(
          new NotFoundException(
              "no such service: "
                  + options.service()
                  + "; the project's services are "
                  + new java.util.TreeSet<>(project.services().keySet())));
    }
    DependencyGraph graph = DependencyGraph.of(project);
    List<Dependency> deps = graph.dependenciesOf(options.service());
    Future<Void> depsUp =
        options.noDeps() || deps.isEmpty()
            ? Future.succeededFuture()
            : up.up(
                    project,
                    new UpOptions(
                        new CreateOptions(
                            deps.stream().map(Dependency::dependency).toList(),
                            Map.of(),
                            Recreate.DIVERGED,
                            Recreate.DIVERGED,
                            false,
                            false,
                            null,
                            null,
                            0),
                        null),
                    progress)
                .compose(v -> awaitDependencies(project, options.service(), deps));
    Service service =
        declared.toBuilder()
            .ports(options.servicePorts() ? declared.ports() : List.of())
            .restart(null)
            .deploy(null)
            .containerName(null)
            .build();
    String containerName =
        options.name() != null
            ? options.name()
            : project.name()
                + "-"
                + options.service()
                + "-run-"
                + ContainerOps.randomKey().substring(0, 12);
    NewContainer n =
        new NewContainer(
            project, service, 1, containerName, true, spec -> customize(spec, options), null);
    ParallelLimiter limiter = ctx.limiter(0);
    return depsUp
        .compose(v -> new RunInfrastructure(ctx).ensure(project, service))
        .compose(
            v -> ctx.ops.create(n, new ImageResolver(ctx.rt, null, progress), limiter, progress))
        .compose(c -> attachAndStart(c, options, output, limiter, progress));
  }

  private Future<Void> awaitDependencies(Project project, String service, List<Dependency> deps) {
    List<Future<?>> waits = new ArrayList<>();
    for (Dependency d : deps) {
      waits.add(
          ctx.containers(project.name(), List.of(d.dependency()), false)
              .compose(
                  cs -> {
                    List<Future<?>> each = new ArrayList<>();
                    for (ContainerState c : cs) {
                      each.add(
                          ctx.adopter
                              .tracked(project, c)
                              .compose(
                                  live ->
                                      ctx.supervisor.await(
                                          live.id, Gates.of(d.condition(), service))));
                    }
                    return Future.all(each);
                  }));
    }
    return Future.all(waits).mapEmpty();
  }

  private Future<RunResult> attachAndStart(
      LiveContainer c,
      RunOptions options,
      Handler<LogEntry> output,
      ParallelLimiter limiter,
      Progress progress) {
    if (options.attach()) {
      // The client starts it through run/attach, with its stdio.
      return Future.succeededFuture(new RunResult(c.name, 0));
    }
    Future<Void> started =
        ctx.ops
            .start(c, limiter, progress)
            .recover(e -> ctx.ops.removedAfterFailedStart(c.id, options.autoRemove(), e));
    if (options.detach()) {
      return started.map(new RunResult(c.name, 0));
    }
    Future<ContainerState> exited = started.compose(v -> ctx.rt.containers().waitForExit(c.id));
    Future<ContainerRuntime.LogStream> logs =
        exited.compose(
            st ->
                ctx.rt
                    .containers()
                    .logs(
                        c.id,
                        LogOptions.ALL,
                        line ->
                            output.handle(
                                new LogEntry(
                                    c.name,
                                    c.service,
                                    1,
                                    line.stream(),
                                    line.time(),
                                    line.text()))));
    return logs.compose(ContainerRuntime.LogStream::ended)
        .compose(v -> exited)
        .compose(
            st -> {
              RunResult result = new RunResult(c.name, st.exitCode());
              if (!options.autoRemove()) {
                return Future.succeededFuture(result);
              }
              return ctx.rt
                  .containers()
                  .inspect(c.id)
                  .compose(now -> ctx.ops.remove(now, null, limiter, Progress.NONE))
                  .map(result);
            });
  }

  private static ContainerSpec customize(ContainerSpec s, RunOptions o) {
    Map<String, String> env = new HashMap<>(s.environment());
    env.putAll(o.environment());
    Map<String, String> labels = new HashMap<>(s.labels());
    labels.putAll(o.labels());
    // The record's full constructor would be one more place to change with every new field; this
    // one leaves the newer namespace fields out, so they are copied right here.
    return new ContainerSpec(
            s.name(),
            s.image(),
            labels,
            o.entrypoint() != null ? o.entrypoint() : s.entrypoint(),
            o.command() != null ? o.command() : s.command(),
            env,
            o.workingDir() != null ? o.workingDir() : s.workingDir(),
            o.user() != null ? o.user() : s.user(),
            s.hostname(),
            s.init(),
            o.tty(),
            s.security(),
            s.resources(),
            s.mounts(),
            s.ulimits(),
            s.sysctls(),
            s.networkNamespace(),
            s.hostNetwork(),
            s.stopSignal(),
            s.stopGrace())
        .withNamespaces(s.pidNamespace(), s.ipcNamespace());
  }

  Future<List<io.jcompose.scheduler.api.ContainerProcesses>> top(
      String name, List<String> services) {
    return ctx.containers(name, services, false)
        .compose(
            containers ->
                ctx.vertx.executeBlocking(
                    () -> {
                      List<io.jcompose.scheduler.api.ContainerProcesses> out = new ArrayList<>();
                      for (ContainerState c : containers) {
                        if (c.isAlive() && c.pid() > 0) {
                          out.add(
                              new io.jcompose.scheduler.api.ContainerProcesses(
                                  c.name(), ProcessTable.TITLES, ProcessTable.tree(c.pid())));
                        }
                      }
                      return out;
                    }));
  }
}
