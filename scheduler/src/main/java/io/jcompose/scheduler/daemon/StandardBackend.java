package io.jcompose.scheduler.daemon;

import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerRuntimes;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImagePullers;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.ImageStores;
import io.jcompose.runtime.api.NetworkDriver;
import io.jcompose.runtime.api.NetworkDrivers;
import io.jcompose.runtime.api.PortPublisher;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.runtime.api.VolumeStores;
import io.jcompose.scheduler.engine.EngineRuntime;
import io.jcompose.scheduler.engine.RuntimeComposeEngine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The built-in Linux runtime (image store, puller, containers, networks with DNS, port proxy) and
 * the compose engine over it. Starting re-adopts everything on disk: networks and their DNS,
 * published ports, then containers with their health monitors and restart policies.
 */
final class StandardBackend implements DaemonBackend {

  private final Map<String, String> environment;
  private Vertx vertx;
  private ImageStore images;
  private ImagePuller puller;
  private ContainerRuntime containers;
  private VolumeStore volumes;
  private NetworkDriver networks;
  private PortPublisher ports;
  private RuntimeComposeEngine engine;

  StandardBackend(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Future<Void> start(Vertx vertx, RuntimePaths paths) {
    this.vertx = vertx;
    long started = System.nanoTime();
    // Opening the stores reads state from disk: keep it off the event loop.
    return vertx
        .executeBlocking(
            () -> {
              // The stores must not delete what a container uses, but the runtime needs the
              // stores first: the predicates reach it through a holder set just after.
              AtomicReference<ContainerRuntime> runtime = new AtomicReference<>();
              images =
                  ImageStores.open(
                      vertx, paths, id -> answer(runtime, r -> r.usesImage(id), "image " + id));
              puller = ImagePullers.fromEnvironment(vertx, images, environment);
              volumes =
                  VolumeStores.open(
                      vertx,
                      paths,
                      name -> answer(runtime, r -> r.usesVolume(name), "volume " + name));
              containers = ContainerRuntimes.linux(vertx, paths, images, volumes);
              runtime.set(containers);
              networks = NetworkDrivers.linux(vertx, paths);
              ports = NetworkDrivers.portProxy(vertx, paths);
              engine =
                  RuntimeComposeEngine.create(
                      vertx,
                      new EngineRuntime(containers, images, puller, volumes, networks, ports),
                      paths.root().resolve("engine"),
                      parallelLimit());
              return null;
            })
        .compose(v -> stage("runtime opened", started, networks.start()))
        .compose(v -> stage("networks and DNS started", started, ports.start()))
        .compose(
            v ->
                stage("published ports re-opened", started, engine.adopt())
                    // A container that cannot be re-adopted must not keep the API down.
                    .recover(
                        e -> {
                          DaemonLog.line("re-adopting containers failed: " + e.getMessage());
                          return Future.succeededFuture();
                        }))
        .onSuccess(v -> DaemonLog.line("containers re-adopted after " + ms(started) + " ms"));
  }

  /**
   * Waits for the runtime's answer; the stores ask on a worker thread and the runtime answers from
   * memory. Before the runtime exists no container does, hence false.
   */
  private static boolean answer(
      AtomicReference<ContainerRuntime> runtime,
      Function<ContainerRuntime, Future<Boolean>> question,
      String what) {
    ContainerRuntime r = runtime.get();
    if (r == null) {
      return false;
    }
    try {
      return question.apply(r).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeFailure(what + ": interrupted while asking which containers use it", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new RuntimeFailure(
          what + ": cannot tell whether a container uses it: " + e.getMessage(), e);
    }
  }

  /** Logs that the previous stage ended, then runs the next. */
  private static <T> Future<T> stage(String done, long started, Future<T> next) {
    DaemonLog.line(done + " after " + ms(started) + " ms");
    return next;
  }

  private static long ms(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  @Override
  public void register(ApiRoutes routes) {
    new EngineRoutes(engine, vertx).register(routes);
    new ResourceRoutes(vertx, engine, containers, images, volumes, puller).register(routes);
    new NetworkRoutes(networks).register(routes);
  }

  @Override
  public Future<Void> close() {
    Future<Void> portsStopped = ports == null ? Future.succeededFuture() : ports.stop();
    return portsStopped
        .transform(v -> networks == null ? Future.succeededFuture() : networks.stop())
        .mapEmpty();
  }

  private int parallelLimit() {
    try {
      return Math.max(0, Integer.parseInt(environment.getOrDefault("COMPOSE_PARALLEL_LIMIT", "0")));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
