package io.jcompose.scheduler.engine;

import io.jcompose.health.api.HealthConfig;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Brings a container the engine did not create in this process (a daemon restart) under
 * supervision: its health monitor and restart policy resume from the project model, its restart
 * count from the state store.
 */
final class Adopter {

  private final Vertx vertx;
  private final EngineRuntime rt;
  private final Supervisor supervisor;
  private final EngineStateStore store;

  Adopter(Vertx vertx, EngineRuntime rt, Supervisor supervisor, EngineStateStore store) {
    this.vertx = vertx;
    this.rt = rt;
    this.supervisor = supervisor;
    this.store = store;
  }

  /** The live view of a container, adopting it first when needed. */
  Future<LiveContainer> tracked(Project project, ContainerState state) {
    LiveContainer known = supervisor.get(state.id());
    if (known != null) {
      return Future.succeededFuture(known);
    }
    Service service = project == null ? null : project.service(ComposeLabels.service(state));
    Future<ImageConfig> image =
        service == null
            ? Future.succeededFuture(ImageConfig.EMPTY)
            : rt.images()
                .resolve(state.image())
                .map(i -> i.config())
                .recover(e -> Future.succeededFuture(ImageConfig.EMPTY));
    Future<ContainerRecord> record =
        vertx.executeBlocking(
            () -> store.load(state.id()).orElse(ContainerRecord.fresh(state.id())));
    return Future.all(image, record)
        .map(
            both -> {
              LiveContainer again = supervisor.get(state.id());
              if (again != null) {
                return again;
              }
              ImageConfig config = both.resultAt(0);
              LiveContainer c =
                  new LiveContainer(
                      state.id(),
                      state.name(),
                      state.labels().getOrDefault(ComposeLabels.PROJECT, ""),
                      ComposeLabels.service(state),
                      ComposeLabels.number(state),
                      service == null ? HealthConfig.none() : HealthConfigs.of(service, config),
                      service == null ? RestartPolicy.NO : RestartPolicy.of(service),
                      both.resultAt(1),
                      service,
                      state.labels().get(ContainerNetworking.NETWORK_KEY));
              return supervisor.track(c, state);
            });
  }
}
