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
import io.jcompose.scheduler.daemon.DaemonBackends;
import io.jcompose.scheduler.daemon.DaemonConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Like {@link TrainingRun} for the daemon: starts a daemon on a temporary, empty state, calls it
 * and stops it, so the launcher can archive the classes the daemon loads at start and on its first
 * requests ({@code -XX:ArchiveClassesAtExit}): Vert.x and Netty, the runtime, the engine.
 */
final class DaemonTrainingRun {

  /** The hidden argument the launcher passes. */
  static final String COMMAND = "__train-daemon";

  private DaemonTrainingRun() {}

  static void run() throws Exception {
    Path tmp = Files.createTempDirectory("jcompose-train-daemon");
    try {
      RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
      Files.writeString(tmp.resolve("compose.yaml"), TrainingRun.SAMPLE);
      try {
        // The real backend on empty state: the runtime, network and engine classes a daemon
        // loads at start and on its first requests go in the archive too (a first command after
        // a boot waits for them). Needs root, as the daemon does.
        exercise(paths, DaemonBackends.standard(System.getenv()), tmp);
      } catch (Exception e) {
        // Not root, or no cgroups here: the server's classes at least.
        exercise(paths, new EmptyBackend(), tmp);
      }
    } finally {
      deleteTree(tmp);
    }
  }

  private static void exercise(RuntimePaths paths, DaemonBackend backend, Path project)
      throws Exception {
    Daemon daemon =
        Daemon.start(new DaemonConfig(paths, "train", backend))
            .toCompletionStage()
            .toCompletableFuture()
            .get(60, TimeUnit.SECONDS);
    try {
      DaemonClient client =
          new DaemonClient(new UnixHttpClient(paths.socket()), "train", EngineJson.mapper());
      client.version();
      if (backend instanceof EmptyBackend) {
        client.call("ping", Map.of("x", 1), e -> {});
      } else {
        PsCommand.request(client, "train", List.of(), true);
      }
      // `up -d` on a running daemon has the daemon load the compose files: the loader's classes
      // (SnakeYAML, the model) go in the daemon's archive too.
      ProjectLoader.load(ProjectOptions.of(project, Map.of("HOME", "/root")));
    } finally {
      daemon.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
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
