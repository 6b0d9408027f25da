package io.jcompose.scheduler.engine;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.Dependency;
import io.jcompose.scheduler.plan.Operation;
import io.jcompose.scheduler.plan.Plan;
import io.jcompose.scheduler.plan.ServiceNames;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link Plan}: every step starts as soon as what it waits for is done: networks and volumes
 * first, containers created at once, each started the moment its dependencies meet their conditions
 * (an event from the supervisor, never a poll), bounded by the verb's limiter.
 */
final class PlanExecutor {

  /**
   * How to run a plan.
   *
   * @param start start containers after creating them ({@code false} for {@code --no-start})
   * @param stopGrace grace for stopping replaced containers, or null for each service's
   * @param limiter bounds concurrent runtime operations
   * @param images resolves (and pulls) images once per verb
   * @param progress progress sink
   * @param createSlots bounds the creates under way at once, so that a created container's start
   *     (and the health gate behind it) does not queue behind every other create of the plan on the
   *     runtime's workers
   */
  record Run(
      boolean start,
      Duration stopGrace,
      ParallelLimiter limiter,
      ImageResolver images,
      Progress progress,
      ParallelLimiter createSlots) {

    /** A run whose creates are bounded by {@code limiter} alone. */
    Run(
        boolean start,
        Duration stopGrace,
        ParallelLimiter limiter,
        ImageResolver images,
        Progress progress) {
      this(start, stopGrace, limiter, images, progress, new ParallelLimiter(0));
    }
  }

  private final EngineRuntime rt;
  private final ContainerOps ops;
  private final Supervisor supervisor;
  private final ContainerNetworking networking;
  private final Adopter adopter;

  PlanExecutor(
      EngineRuntime rt,
      ContainerOps ops,
      Supervisor supervisor,
      ContainerNetworking networking,
      Adopter adopter) {
    this.rt = rt;
    this.ops = ops;
    this.supervisor = supervisor;
    this.networking = networking;
    this.adopter = adopter;
  }

  /** Runs the plan; completes with every container left running by it, or the root failure. */
  Future<List<LiveContainer>> execute(
      Project project, Plan plan, Map<String, ContainerState> observed, Run run) {
    Map<String, Future<Void>> infra = new HashMap<>();
    Map<String, List<Future<LiveContainer>>> byService = new LinkedHashMap<>();
    List<Future<?>> all = new ArrayList<>();
    List<Future<?>> headStarts = new ArrayList<>();
    // Creates of containers that nothing waits for to be healthy hold back until the ones with a
    // head start have started: on a small machine their creates would otherwise share the CPU
    // with db's create and delay the start its dependents' health gate counts from.
    Promise<Void> headStartsDone = Promise.promise();
    Future<Void> afterHeadStarts = headStartsDone.future();
    boolean firstNetwork = true;
    for (Operation op : CriticalFirst.order(plan)) {
      switch (op.kind()) {
        case CREATE_NETWORK -> {
          infra.put(op.resource(), createNetwork(project, op, run.progress(), firstNetwork));
          firstNetwork = false;
        }
        case CREATE_VOLUME -> infra.put(op.resource(), createVolume(project, op, run.progress()));
        case REMOVE ->
            all.add(
                ops.remove(
                    observed.get(op.existingId()), run.stopGrace(), run.limiter(), run.progress()));
        default -> {
          boolean headStart = CriticalFirst.hasHeadStart(plan, op);
          Future<LiveContainer> f =
              container(
                  project,
                  plan,
                  op,
                  observed,
                  infra,
                  byService,
                  run,
                  headStart ? Future.succeededFuture() : afterHeadStarts);
          if (headStart) {
            headStarts.add(f);
          }
          byService.computeIfAbsent(op.service(), k -> new ArrayList<>()).add(f);
        }
      }
    }
    Future.join(headStarts).onComplete(done -> headStartsDone.complete());
    all.addAll(infra.values());
    byService.values().forEach(all::addAll);
    return Future.join(new ArrayList<>(all))
        .transform(
            done -> {
              if (done.succeeded()) {
                List<LiveContainer> started = new ArrayList<>();
                byService.values().forEach(l -> l.forEach(f -> started.add(f.result())));
                return Future.succeededFuture(started);
              }
              return Future.failedFuture(rootCause(all));
            });
  }

  static Throwable rootCause(List<Future<?>> futures) {
    Throwable first = null;
    for (Future<?> f : futures) {
      if (f.failed()) {
        if (!(f.cause() instanceof DependencyFailure)) {
          return f.cause();
        }
        first = first == null ? f.cause() : first;
      }
    }
    return first == null ? new RuntimeFailure("up failed") : first;
  }

  /** Creates a network; the first of a plan also shows the driver's host-level warnings. */
  private Future<Void> createNetwork(
      Project project, Operation op, Progress progress, boolean showWarnings) {
    String resource = "Network " + op.name();
    String key =
        project.networks().keySet().stream()
            .filter(k -> ServiceNames.network(project, k).equals(op.name()))
            .findFirst()
            .orElse("default");
    progress.working(resource, "Creating");
    return networking
        .createNetwork(project, key)
        .onSuccess(
            v -> {
              progress.done(resource, "Created");
              if (showWarnings) {
                rt.networks().warnings().forEach(w -> progress.warning(resource, w));
              }
            })
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  private Future<Void> createVolume(Project project, Operation op, Progress progress) {
    String resource = "Volume " + op.name();
    String key =
        project.volumes().keySet().stream()
            .filter(k -> ServiceNames.volume(project, k).equals(op.name()))
            .findFirst()
            .orElse(op.name());
    progress.working(resource, "Creating");
    return rt.volumes()
        .create(op.name(), ComposeLabels.volume(project, key))
        .<Void>mapEmpty()
        .onSuccess(v -> progress.done(resource, "Created"))
        .onFailure(e -> progress.error(resource, e.getMessage()));
  }

  private Future<LiveContainer> container(
      Project project,
      Plan plan,
      Operation op,
      Map<String, ContainerState> observed,
      Map<String, Future<Void>> infra,
      Map<String, List<Future<LiveContainer>>> byService,
      Run run,
      Future<Void> createAfter) {
    Service service = project.service(op.service());
    List<Future<?>> infraWaits = new ArrayList<>();
    op.after().stream().filter(infra::containsKey).forEach(r -> infraWaits.add(infra.get(r)));
    Future<Void> infraReady =
        Future.all(infraWaits)
            .<Void>mapEmpty()
            .recover(
                e ->
                    Future.failedFuture(
                        new DependencyFailure(
                            "container " + op.name() + " not created: " + e.getMessage())));
    List<Dependency> deps = plan.gates().getOrDefault(op.service(), List.of());
    boolean startsAtOnce = run.start() && deps.isEmpty();
    String resource = Progress.container(op.name());
    Future<LiveContainer> created =
        switch (op.kind()) {
          case CREATE ->
              infraReady
                  .compose(v -> createAfter)
                  .compose(v -> joinTarget(service, byService))
                  .compose(
                      key ->
                          // The image first: a slot is for the runtime's work, not a pull.
                          run.images()
                              .resolve(project.name(), service)
                              .compose(
                                  image ->
                                      run.createSlots()
                                          .submit(
                                              () ->
                                                  ops.create(
                                                      newContainer(project, service, op, key),
                                                      run.images(),
                                                      run.limiter(),
                                                      run.progress(),
                                                      startsAtOnce))));
          case RECREATE ->
              infraReady
                  .compose(v -> joinTarget(service, byService))
                  .compose(
                      key -> {
                        run.progress().working(resource, "Recreate");
                        return ops.remove(
                                observed.get(op.existingId()),
                                run.stopGrace(),
                                run.limiter(),
                                Progress.NONE)
                            .compose(
                                v ->
                                    ops.create(
                                        newContainer(project, service, op, key),
                                        run.images(),
                                        run.limiter(),
                                        Progress.NONE,
                                        startsAtOnce))
                            .onSuccess(c -> run.progress().done(resource, "Recreated"));
                      });
          case RESTART ->
              adopter
                  .tracked(project, observed.get(op.existingId()))
                  .compose(
                      c ->
                          ops.stop(c.id, c.name, run.stopGrace(), run.limiter(), run.progress())
                              .map(c));
          default -> adopter.tracked(project, observed.get(op.existingId()));
        };
    if (op.kind() == Operation.Kind.KEEP) {
      return created.onSuccess(c -> run.progress().done(resource, "Running"));
    }
    if (!run.start()) {
      return created;
    }
    return created.compose(
        c ->
            gates(op.service(), deps, byService, run.progress())
                .compose(v -> ops.start(c, run.limiter(), run.progress()))
                .map(c));
  }

  private static NewContainer newContainer(Project p, Service s, Operation op, String joinKey) {
    return new NewContainer(p, s, op.number(), op.name(), false, null, joinKey);
  }

  // The network key of the first container of the service whose namespace this one joins.
  private Future<String> joinTarget(
      Service service, Map<String, List<Future<LiveContainer>>> byService) {
    String mode = service.networkMode();
    if (mode == null || !mode.startsWith("service:")) {
      if (mode != null && mode.startsWith("container:")) {
        return rt.containers()
            .inspect(mode.substring("container:".length()))
            .map(st -> st.labels().get(ContainerNetworking.NETWORK_KEY));
      }
      return Future.succeededFuture(null);
    }
    String target = mode.substring("service:".length());
    List<Future<LiveContainer>> targets = byService.getOrDefault(target, List.of());
    if (targets.isEmpty()) {
      return Future.failedFuture(
          new RuntimeFailure(
              "services."
                  + service.name()
                  + ".network_mode: service "
                  + target
                  + " has no container in this run; start it first"));
    }
    return targets
        .get(0)
        .map(c -> c.netKey)
        .recover(
            e ->
                Future.failedFuture(
                    new DependencyFailure(
                        "service \""
                            + service.name()
                            + "\" not started: dependency \""
                            + target
                            + "\" failed")));
  }

  private Future<Void> gates(
      String service,
      List<Dependency> deps,
      Map<String, List<Future<LiveContainer>>> byService,
      Progress progress) {
    List<Future<?>> waits = new ArrayList<>();
    for (Dependency d : deps) {
      List<Future<LiveContainer>> containers = byService.getOrDefault(d.dependency(), List.of());
      for (Future<LiveContainer> fc : containers) {
        waits.add(gate(service, d, fc, progress));
      }
    }
    return Future.all(waits).mapEmpty();
  }

  private Future<Void> gate(
      String service, Dependency d, Future<LiveContainer> dependency, Progress progress) {
    Future<Void> passed =
        dependency
            .recover(
                e ->
                    Future.failedFuture(
                        new DependencyFailure(
                            "service \""
                                + service
                                + "\" not started: dependency \""
                                + d.dependency()
                                + "\" failed to start")))
            .compose(
                c -> {
                  String resource = Progress.container(c.name);
                  if (!d.condition().equals("service_started")) {
                    progress.working(resource, "Waiting");
                  }
                  return supervisor
                      .await(c.id, Gates.of(d.condition(), service))
                      .onSuccess(
                          v -> {
                            if (d.condition().equals("service_healthy")) {
                              progress.done(resource, "Healthy");
                            } else if (d.condition().equals("service_completed_successfully")) {
                              progress.done(resource, "Exited");
                            }
                          })
                      .onFailure(e -> progress.error(resource, e.getMessage()));
                });
    if (d.required()) {
      return passed;
    }
    return passed.recover(
        e -> {
          progress.warning(
              "Service " + service,
              "optional dependency \""
                  + d.dependency()
                  + "\" failed, starting anyway: "
                  + e.getMessage());
          return Future.succeededFuture();
        });
  }
}
