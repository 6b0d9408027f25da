package io.jcompose.scheduler.engine;

import io.jcompose.health.api.Ticker;
import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.ContainerDetails;
import io.jcompose.scheduler.api.ContainerEvent;
import io.jcompose.scheduler.api.ContainerProcesses;
import io.jcompose.scheduler.api.ContainerStatsSample;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.api.ExecOptions;
import io.jcompose.scheduler.api.ExecResult;
import io.jcompose.scheduler.api.ImageSummary;
import io.jcompose.scheduler.api.KillOptions;
import io.jcompose.scheduler.api.ListOptions;
import io.jcompose.scheduler.api.LogEntry;
import io.jcompose.scheduler.api.LogsOptions;
import io.jcompose.scheduler.api.PauseOptions;
import io.jcompose.scheduler.api.PortOptions;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.RemoveOptions;
import io.jcompose.scheduler.api.RestartOptions;
import io.jcompose.scheduler.api.RunOptions;
import io.jcompose.scheduler.api.RunResult;
import io.jcompose.scheduler.api.ScaleOptions;
import io.jcompose.scheduler.api.StackSummary;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.StatsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.Subscription;
import io.jcompose.scheduler.api.UpOptions;
import io.jcompose.scheduler.api.WaitOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.Planner;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine over the runtime SPI: what the daemon hosts. Every verb is delegated to the class that
 * does it; this class only wires them.
 */
public final class RuntimeComposeEngine implements ComposeEngine {

  private final EngineContext ctx;
  private final UpVerb up;
  private final DownVerb down;
  private final LifecycleVerbs lifecycle;
  private final QueryVerbs query;
  private final StreamVerbs streams;
  private final ExecVerbs exec;

  private RuntimeComposeEngine(EngineContext ctx) {
    this.ctx = ctx;
    this.up = new UpVerb(ctx, new Planner());
    this.down = new DownVerb(ctx);
    this.lifecycle = new LifecycleVerbs(ctx);
    this.query = new QueryVerbs(ctx);
    this.streams = new StreamVerbs(ctx, down);
    this.exec = new ExecVerbs(ctx, up);
  }

  /**
   * An engine keeping its state under {@code stateDir} (e.g. {@code <root>/engine}).
   *
   * @param parallel default bound on concurrent runtime operations ({@code
   *     COMPOSE_PARALLEL_LIMIT}); 0 for none
   */
  public static RuntimeComposeEngine create(
      Vertx vertx, EngineRuntime runtime, Path stateDir, int parallel) {
    return create(vertx, runtime, stateDir, parallel, Ticker.vertx(vertx));
  }

  /** As {@link #create(Vertx, EngineRuntime, Path, int)} with a given time source (tests). */
  public static RuntimeComposeEngine create(
      Vertx vertx, EngineRuntime runtime, Path stateDir, int parallel, Ticker ticker) {
    return new RuntimeComposeEngine(
        new EngineContext(vertx, runtime, new EngineStateStore(stateDir), ticker, parallel));
  }

  @Override
  public Future<Void> up(Project project, UpOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> up.up(project, options, new Progress(progress)));
  }

  @Override
  public Future<Void> create(
      Project project, CreateOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> up.create(project, options, new Progress(progress)));
  }

  @Override
  public Future<Void> start(
      String projectName, StartOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.start(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<Void> stop(
      String projectName, StopOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.stop(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<Void> restart(
      String projectName, RestartOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.restart(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<Void> down(
      String projectName, DownOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> down.down(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<Void> kill(
      String projectName, KillOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.kill(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<Void> pause(
      String projectName, PauseOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.pause(projectName, options, new Progress(progress), true));
  }

  @Override
  public Future<Void> unpause(
      String projectName, PauseOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.pause(projectName, options, new Progress(progress), false));
  }

  @Override
  public Future<Void> remove(
      String projectName, RemoveOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> lifecycle.remove(projectName, options, new Progress(progress)));
  }

  @Override
  public Future<List<String>> pruneContainers(Handler<ProgressEvent> progress) {
    return guard(() -> new ContainerRemoval(ctx).prune(new Progress(progress)));
  }

  @Override
  public Future<Void> removeContainer(
      String projectName, String container, boolean force, Handler<ProgressEvent> progress) {
    return guard(
        () -> new ContainerRemoval(ctx).one(projectName, container, force, new Progress(progress)));
  }

  @Override
  public Future<List<ContainerSummary>> ps(String projectName, PsOptions options) {
    return guard(() -> query.ps(projectName, options));
  }

  @Override
  public Future<ContainerDetails> inspect(String projectName, String containerName) {
    return guard(() -> query.inspect(projectName, containerName));
  }

  @Override
  public Future<Subscription> logs(
      String projectName, LogsOptions options, Handler<LogEntry> sink) {
    return guard(() -> streams.logs(projectName, options, sink));
  }

  @Override
  public Future<ExecResult> exec(
      String projectName, ExecOptions options, Handler<LogEntry> output) {
    return guard(() -> exec.exec(projectName, options, output));
  }

  @Override
  public Future<io.jcompose.runtime.api.AttachedExec> execAttached(
      String projectName, ExecOptions options, int columns, int lines) {
    return guard(() -> exec.execAttached(projectName, options, columns, lines));
  }

  @Override
  public Future<io.jcompose.runtime.api.AttachedExec> runAttached(
      String projectName, String container, boolean autoRemove, int columns, int lines) {
    return guard(
        () -> new AttachedRun(ctx).start(projectName, container, autoRemove, columns, lines));
  }

  @Override
  public Future<RunResult> run(
      Project project,
      RunOptions options,
      Handler<LogEntry> output,
      Handler<ProgressEvent> progress) {
    return guard(() -> exec.run(project, options, output, new Progress(progress)));
  }

  @Override
  public Future<Void> scale(
      Project project, ScaleOptions options, Handler<ProgressEvent> progress) {
    return guard(() -> up.scale(project, options, new Progress(progress)));
  }

  @Override
  public Future<List<ContainerProcesses>> top(String projectName, List<String> services) {
    return guard(() -> exec.top(projectName, services));
  }

  @Override
  public Future<String> port(String projectName, PortOptions options) {
    return guard(() -> query.port(projectName, options));
  }

  @Override
  public Future<Subscription> events(
      String projectName, EventsOptions options, Handler<ContainerEvent> sink) {
    return guard(() -> streams.events(projectName, options, sink));
  }

  @Override
  public Future<Integer> wait(String projectName, WaitOptions options) {
    return guard(() -> streams.waitFor(projectName, options));
  }

  @Override
  public Future<List<ImageSummary>> images(String projectName, List<String> services) {
    return guard(() -> query.images(projectName, services));
  }

  @Override
  public Future<List<StackSummary>> ls(ListOptions options) {
    return guard(() -> query.ls(options));
  }

  @Override
  public Future<List<ContainerStatsSample>> stats(String projectName, StatsOptions options) {
    return guard(() -> query.stats(projectName, options));
  }

  @Override
  public Future<Void> adopt() {
    return guard(
        () ->
            ctx.rt
                .containers()
                .list(Map.of())
                .compose(
                    all -> {
                      Map<String, List<ContainerState>> byProject = new HashMap<>();
                      for (ContainerState c : all) {
                        String p = c.labels().get(ComposeLabels.PROJECT);
                        if (p != null) {
                          byProject.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
                        }
                      }
                      List<Future<?>> each = new ArrayList<>();
                      byProject.forEach(
                          (name, containers) ->
                              each.add(
                                  ctx.project(name, null)
                                      .compose(project -> adoptAll(project, containers))));
                      return Future.join(each).mapEmpty();
                    }));
  }

  private Future<Void> adoptAll(Project project, List<ContainerState> containers) {
    List<Future<?>> each = new ArrayList<>();
    ParallelLimiter limiter = ctx.limiter(0);
    for (ContainerState c : containers) {
      each.add(
          ctx.adopter
              .tracked(project, c)
              .compose(
                  live -> {
                    boolean comeBack =
                        !c.isAlive()
                            && c.status() != io.jcompose.runtime.api.ContainerStatus.CREATED
                            && (live.restartPolicy.mode() == RestartPolicy.Mode.ALWAYS
                                || (live.restartPolicy.mode() == RestartPolicy.Mode.UNLESS_STOPPED
                                    && !live.record.stoppedByUser()));
                    return comeBack
                        ? ctx.ops.start(live, limiter, Progress.NONE)
                        : Future.succeededFuture();
                  }));
    }
    return Future.join(each).mapEmpty();
  }

  // A verb that throws (invalid project, unknown service) fails its future instead.
  private static <T> Future<T> guard(java.util.function.Supplier<Future<T>> verb) {
    try {
      return verb.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
