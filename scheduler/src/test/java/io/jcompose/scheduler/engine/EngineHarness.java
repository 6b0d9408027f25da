package io.jcompose.scheduler.engine;

import io.jcompose.health.api.Ticker;
import io.jcompose.scheduler.api.ProgressEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A {@link RuntimeComposeEngine} on the fake runtime, for one test. */
final class EngineHarness implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final FakeContainerRuntime runtime = new FakeContainerRuntime(vertx);
  final FakeInfrastructure infra = new FakeInfrastructure();
  final List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
  final RuntimeComposeEngine engine;
  final Path stateDir;

  EngineHarness(Path stateDir, int parallel, Ticker ticker) {
    this.stateDir = stateDir;
    EngineRuntime rt =
        new EngineRuntime(
            runtime, infra.imageStore, null, infra.volumeStore, infra.networkDriver, infra.ports);
    this.engine =
        RuntimeComposeEngine.create(
            vertx, rt, stateDir, parallel, ticker == null ? Ticker.vertx(vertx) : ticker);
  }

  /** The result of a future, waiting at most 20 s; a failure is rethrown as its cause. */
  static <T> T await(Future<T> f) throws Exception {
    try {
      return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw (Exception) e.getCause();
    }
  }

  /** Progress lines as {@code resource status}. */
  List<String> progressLines() {
    return progress.stream().map(e -> e.resource() + " " + e.status()).toList();
  }

  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("vertx did not close", e);
    }
  }
}
