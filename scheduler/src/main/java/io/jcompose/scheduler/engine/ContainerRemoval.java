package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.ContainerState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Removals of containers picked one by one rather than by service: one container by name (what an
 * interactive {@code run --rm} asks for when its attach fails), or every stopped container of the
 * host ({@code system prune}). Each goes the way {@code rm} sends a container, so its address,
 * published ports, supervisor entry and engine record go with it.
 */
final class ContainerRemoval {

  private final EngineContext ctx;

  ContainerRemoval(EngineContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Removes the container {@code name} of project {@code project}; a running one only with {@code
   * force} (it is stopped first).
   */
  Future<Void> one(String project, String name, boolean force, Progress progress) {
    return ctx.containerOf(project, name)
        .compose(
            state -> {
              if (state.isAlive() && !force) {
                return Future.failedFuture(
                    new ConflictException(
                        "container "
                            + name
                            + " is running; stop it first or remove it with force"));
              }
              return ctx.ops.remove(state, null, ctx.limiter(0), progress);
            });
  }

  /** Removes the stopped containers of every project; completes with their names. */
  Future<List<String>> prune(Progress progress) {
    ParallelLimiter limiter = ctx.limiter(0);
    return ctx.rt
        .containers()
        .list(Map.of())
        .compose(
            all -> {
              List<String> removed = Collections.synchronizedList(new ArrayList<>());
              List<Future<?>> each = new ArrayList<>();
              for (ContainerState c : all) {
                if (!c.isAlive()) {
                  each.add(
                      ctx.ops
                          .remove(c, null, limiter, progress)
                          .onSuccess(v -> removed.add(c.name())));
                }
              }
              // Every removal is tried; the first failure is reported after all have ended.
              return Future.join(each).map(v -> List.copyOf(removed));
            });
  }
}
