package io.jcompose.scheduler.engine;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.VolumeDefinition;
import io.jcompose.scheduler.plan.ComposeLabels;
import io.jcompose.scheduler.plan.ServiceNames;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks and named volumes a one-off container needs, made when missing: {@code run} works
 * without an {@code up} before it, as docker compose's does. Both creations are idempotent.
 */
final class RunInfrastructure {

  private final EngineContext ctx;

  RunInfrastructure(EngineContext ctx) {
    this.ctx = ctx;
  }

  Future<Void> ensure(Project project, Service service) {
    List<Future<?>> made = new ArrayList<>();
    for (String key : ServiceNames.networkKeys(project, service)) {
      NetworkDefinition def = project.networks().get(key);
      if (def == null || !def.external()) {
        made.add(ctx.networking.createNetwork(project, key));
      }
    }
    for (String key : ServiceNames.volumeKeys(service)) {
      VolumeDefinition def = project.volumes().get(key);
      if (def != null && def.external()) {
        continue;
      }
      made.add(
          ctx.rt
              .volumes()
              .create(ServiceNames.volume(project, key), ComposeLabels.volume(project, key)));
    }
    return Future.all(made).mapEmpty();
  }
}
