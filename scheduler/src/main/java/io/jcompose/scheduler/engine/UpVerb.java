package io.jcompose.scheduler.engine;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.VolumeDefinition;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.NetworkInfo;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.Volume;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.InvalidProjectException;
import io.jcompose.scheduler.api.Recreate;
import io.jcompose.scheduler.api.ScaleOptions;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.UpOptions;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.DependencyGraph;
import io.jcompose.scheduler.plan.Observed;
import io.jcompose.scheduler.plan.Plan;
import io.jcompose.scheduler.plan.PlanRequest;
import io.jcompose.scheduler.plan.Planner;
import io.jcompose.scheduler.plan.ServiceNames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code up}, {@code create} and {@code scale}: observe, plan, save the project, execute. */
final class UpVerb {

  /**
   * Creates under way at once in one {@code up}: enough to keep the CPUs, the disk (each create
   * syncs its files) and the network driver's workers busy, few enough that a created container's
   * start is not queued behind all the plan's other creates. {@code -Djcompose.createSlots=N} on
   * the daemon overrides it (for measuring).
   */
  static final int CREATE_SLOTS =
      Integer.getInteger("jcompose.createSlots", 4 * Runtime.getRuntime().availableProcessors());

  private final EngineContext ctx;
  private final Planner planner;

  UpVerb(EngineContext ctx, Planner planner) {
    this.ctx = ctx;
    this.planner = planner;
  }

  Future<Void> up(Project project, UpOptions options, Progress progress) {
    CreateOptions create = options.create();
    StartOptions start = options.start();
    PlanRequest request =
        new PlanRequest(
            create.services(),
            create.scale(),
            create.recreate(),
            create.recreateDependencies(),
            create.removeOrphans(),
            create.noDeps());
    return observe(project)
        .compose(
            observed -> {
              Plan plan = planner.plan(project, observed, request);
              // Fail on a bad policy or a missing external resource before anything is created.
              plan.gates().keySet().forEach(s -> RestartPolicy.of(project.service(s)));
              plan.gates().keySet().forEach(s -> InterfaceNames.check(project.service(s)));
              checkExternal(project, plan.gates().keySet(), observed);
              warnUnsupported(project, plan, progress);
              plan.warnings().forEach(w -> progress.warning("Project " + project.name(), w));
              Map<String, ContainerState> byId = new HashMap<>();
              observed.containers().forEach(c -> byId.put(c.id(), c));
              PlanExecutor.Run run =
                  new PlanExecutor.Run(
                      !start.noStart(),
                      create.timeout(),
                      ctx.limiter(create.parallel()),
                      new ImageResolver(ctx.rt, create.pull(), progress),
                      progress,
                      new ParallelLimiter(CREATE_SLOTS));
              // Saved for later verbs that go without the files; written while the plan runs
              // (an fsync under load takes tens of milliseconds), and both finish before up does.
              Future<Void> saved =
                  ctx.vertx.executeBlocking(
                      () -> {
                        ctx.store.saveProject(project);
                        return null;
                      });
              Future<List<LiveContainer>> executed = ctx.executor.execute(project, plan, byId, run);
              return Future.join(saved, executed)
                  .transform(
                      done ->
                          executed.failed() || saved.succeeded()
                              ? executed
                              : Future.failedFuture(saved.cause()));
            })
        .compose(
            started ->
                start.waitReady() && !start.noStart()
                    ? waitReady(started, start.waitTimeout())
                    : Future.succeededFuture());
  }

  private Future<Observed> observe(Project project) {
    Map<String, String> filter = ComposeLabels.projectFilter(project.name());
    Future<List<ContainerState>> containers = ctx.rt.containers().list(filter);
    Future<List<NetworkInfo>> networks = ctx.rt.networks().list(Map.of());
    Future<List<Volume>> volumes = ctx.rt.volumes().list(Map.of());
    return Future.all(containers, networks, volumes)
        .map(
            all ->
                Observed.of(
                    containers.result(),
                    networks.result(),
                    volumes.result().stream().map(Volume::name).collect(Collectors.toSet())));
  }

  private static void checkExternal(Project project, Set<String> services, Observed observed) {
    for (String s : services) {
      Service service = project.service(s);
      for (String key : ServiceNames.networkKeys(project, service)) {
        NetworkDefinition def = project.networks().get(key);
        String name = ServiceNames.network(project, key);
        if (def != null && def.external() && !observed.networks().contains(name)) {
          throw new InvalidProjectException(
              "networks."
                  + key
                  + ": external network \""
                  + name
                  + "\" does not exist; create it first or remove external: true");
        }
      }
      for (String key : ServiceNames.volumeKeys(service)) {
        VolumeDefinition def = project.volumes().get(key);
        String name = ServiceNames.volume(project, key);
        if (def != null && def.external() && !observed.volumes().contains(name)) {
          throw new InvalidProjectException(
              "volumes."
                  + key
                  + ": external volume \""
                  + name
                  + "\" does not exist; create it first or remove external: true");
        }
      }
    }
  }

  private static void warnUnsupported(Project project, Plan plan, Progress progress) {
    Set<String> services = new LinkedHashSet<>();
    plan.operations().stream()
        .filter(o -> o.service() != null && project.service(o.service()) != null)
        .forEach(o -> services.add(o.service()));
    Set<String> networks = new LinkedHashSet<>();
    for (String s : services) {
      for (String w : UnsupportedAttributes.of(project, project.service(s))) {
        progress.warning("Service " + s, w);
      }
      networks.addAll(ServiceNames.networkKeys(project, project.service(s)));
    }
    for (String w : UnsupportedAttributes.ofNetworks(project, networks)) {
      progress.warning("Project " + project.name(), w);
    }
  }

  private Future<Void> waitReady(List<LiveContainer> started, Duration timeout) {
    List<Future<?>> waits = new ArrayList<>();
    for (LiveContainer c : started) {
      waits.add(ctx.supervisor.await(c.id, Gates::ready));
    }
    Future<Void> all = Future.all(waits).mapEmpty();
    if (timeout == null || timeout.isZero()) {
      return all;
    }
    Promise<Void> bounded = Promise.promise();
    long timer =
        ctx.vertx.setTimer(
            Math.max(1, timeout.toMillis()),
            t ->
                bounded.tryFail(
                    new RuntimeFailure(
                        "containers not ready after --wait-timeout "
                            + timeout.toSeconds()
                            + "s: "
                            + started.stream()
                                .filter(c -> Gates.ready(c).kind() != Verdict.Kind.PASS)
                                .map(c -> c.name)
                                .toList())));
    all.onComplete(
        done -> {
          ctx.vertx.cancelTimer(timer);
          if (done.succeeded()) {
            bounded.tryComplete();
          } else {
            bounded.tryFail(done.cause());
          }
        });
    return bounded.future();
  }

  Future<Void> create(Project project, CreateOptions options, Progress progress) {
    return up(
        project,
        new UpOptions(options, new StartOptions(null, List.of(), true, false, null)),
        progress);
  }

  Future<Void> scale(Project project, ScaleOptions options, Progress progress) {
    EngineContext.checkServices(project, List.copyOf(options.replicas().keySet()));
    CreateOptions create =
        new CreateOptions(
            List.copyOf(options.replicas().keySet()),
            options.replicas(),
            Recreate.NEVER,
            Recreate.NEVER,
            false,
            options.noDeps(),
            null,
            null,
            0);
    return up(project, new UpOptions(create, null), progress);
  }

  /**
   * Graph check shared by verbs that accept a project: fails on a cycle before touching anything.
   */
  static void validate(Project project) {
    DependencyGraph.of(project);
  }
}
