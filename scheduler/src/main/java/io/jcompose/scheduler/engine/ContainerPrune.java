package io.jcompose.scheduler.engine;

import io.jcompose.runtime.api.ContainerState;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code system prune}'s container part: every stopped container on the host, of any project, goes
 * the way {@code rm} sends it, so its address, published ports, supervisor entry and engine record
 * go with it.
 */
final class ContainerPrune {

  private final EngineContext ctx;

  ContainerPrune(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Removes the stopped containers; completes with the names of those removed. */
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
