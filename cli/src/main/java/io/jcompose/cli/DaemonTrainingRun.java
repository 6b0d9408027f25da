package io.jcompose.cli;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.daemon.ApiRoutes;
import io.jcompose.scheduler.daemon.Daemon;
import io.jcompose.scheduler.daemon.DaemonBackend;
import io.jcompose.scheduler.daemon.DaemonConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Like {@link TrainingRun} for the daemon: starts a daemon with an empty backend on a temporary run
 * directory, calls it once and stops it, so the launcher can archive the Vert.x and Netty classes
 * the daemon loads at start ({@code -XX:ArchiveClassesAtExit}).
 */
final class DaemonTrainingRun {

  /** The hidden argument the launcher passes. */
  static final String COMMAND = "__train-daemon";

  private DaemonTrainingRun() {}

  static void run() throws Exception {
    Path tmp = Files.createTempDirectory("jcompose-train-daemon");
    try {
      RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
      Daemon daemon =
          Daemon.start(new DaemonConfig(paths, "train", new EmptyBackend()))
              .toCompletionStage()
              .toCompletableFuture()
              .get(60, TimeUnit.SECONDS);
      DaemonClient client =
          new DaemonClient(new UnixHttpClient(paths.socket()), "train", EngineJson.mapper());
      client.version();
      client.call("ping", Map.of("x", 1), e -> {});
      // `up -d` on a running daemon has the daemon load the compose files: the loader's classes
      // (SnakeYAML, the model) go in the daemon's archive too.
      Files.writeString(tmp.resolve("compose.yaml"), TrainingRun.SAMPLE);
      ProjectLoader.load(ProjectOptions.of(tmp, Map.of("HOME", "/root")));
      daemon.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } finally {
      deleteTree(tmp);
    }
  }

  private static final class EmptyBackend implements DaemonBackend {
    @Override
    public Future<Void> start(Vertx vertx, RuntimePaths paths) {
      return Future.succeededFuture();
    }

    @Override
    public void register(ApiRoutes routes) {
      routes.host("ping", call -> Future.succeededFuture(Map.of("pong", true)));
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
