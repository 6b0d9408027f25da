package io.jcompose.cli;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.daemon.ApiRoutes;
import io.jcompose.scheduler.daemon.Daemon;
import io.jcompose.scheduler.daemon.DaemonBackend;
import io.jcompose.scheduler.daemon.DaemonConfig;
import io.jcompose.scheduler.daemon.EngineRoutes;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real daemon on a socket under a test directory, over the real API routes, whose engine is a
 * fake that answers one verb: it keeps that call's arguments and reports one progress event.
 */
final class RecordingEngineDaemon implements AutoCloseable {

  static final String VERSION = "9.9.9+test";

  final RuntimePaths paths;
  private final Daemon daemon;
  private final AtomicReference<Object[]> lastArgs;

  private RecordingEngineDaemon(
      RuntimePaths paths, Daemon daemon, AtomicReference<Object[]> lastArgs) {
    this.paths = paths;
    this.daemon = daemon;
    this.lastArgs = lastArgs;
  }

  /** Starts it under {@code dir}; the engine answers {@code verb} with {@code reply}. */
  static RecordingEngineDaemon start(Path dir, String verb, ProgressEvent reply) throws Exception {
    RuntimePaths paths = new RuntimePaths(dir.resolve("root"), dir.resolve("run"));
    AtomicReference<Object[]> lastArgs = new AtomicReference<>();
    ComposeEngine engine = recordingEngine(verb, reply, lastArgs);
    DaemonBackend backend =
        new DaemonBackend() {
          private Vertx vertx;

          @Override
          public Future<Void> start(Vertx vertx, RuntimePaths paths) {
            this.vertx = vertx;
            return Future.succeededFuture();
          }

          @Override
          public void register(ApiRoutes routes) {
            new EngineRoutes(engine, vertx).register(routes);
          }

          @Override
          public Future<Void> close() {
            return Future.succeededFuture();
          }
        };
    Daemon daemon =
        Daemon.start(new DaemonConfig(paths, VERSION, backend))
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    return new RecordingEngineDaemon(paths, daemon, lastArgs);
  }

  @SuppressWarnings("unchecked")
  private static ComposeEngine recordingEngine(
      String verb, ProgressEvent reply, AtomicReference<Object[]> lastArgs) {
    return (ComposeEngine)
        Proxy.newProxyInstance(
            RecordingEngineDaemon.class.getClassLoader(),
            new Class<?>[] {ComposeEngine.class},
            (proxy, method, args) -> {
              if (!method.getName().equals(verb)) {
                throw new UnsupportedOperationException(method.getName());
              }
              lastArgs.set(args);
              ((Handler<ProgressEvent>) args[2]).handle(reply);
              return Future.succeededFuture();
            });
  }

  /** Argument {@code index} of the last call of the verb, or null when it was not called. */
  @SuppressWarnings("unchecked")
  <T> T arg(int index) {
    Object[] args = lastArgs.get();
    return args == null ? null : (T) args[index];
  }

  /** A client of {@code version} to {@code socket}. */
  static DaemonClient client(String version, Path socket) {
    return new DaemonClient(new UnixHttpClient(socket), version, EngineJson::mapper);
  }

  /** A client of this build to this daemon. */
  DaemonClient client() {
    return client(VERSION, paths.socket());
  }

  /** Global options with plain progress and no colours. */
  static GlobalOptions globals(String projectName, List<String> files) {
    return new GlobalOptions(
        files,
        projectName,
        null,
        List.of(),
        List.of(),
        null,
        ProgressMode.PLAIN,
        AnsiMode.NEVER,
        false);
  }

  @Override
  public void close() throws Exception {
    daemon.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }
}
