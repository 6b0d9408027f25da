package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.RuntimeFailure;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.daemon.ApiRoutes;
import io.jcompose.scheduler.daemon.Daemon;
import io.jcompose.scheduler.daemon.DaemonBackend;
import io.jcompose.scheduler.daemon.DaemonConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interactive {@code run --rm} whose attach fails asks the daemon to remove the container; the
 * real daemon server and client over a unix socket, with routes that fail as asked.
 */
@org.junit.jupiter.api.Timeout(30)
class RunAttachTest {

  private static final String VERSION = "9.9.9+test";

  @TempDir Path tmp;
  private Daemon daemon;
  private final List<String> removals = new CopyOnWriteArrayList<>();

  private DaemonClient start(boolean attachRoute, boolean removalConflicts) throws Exception {
    RuntimePaths paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    DaemonBackend backend =
        new DaemonBackend() {
          @Override
          public Future<Void> start(Vertx vertx, RuntimePaths p) {
            return Future.succeededFuture();
          }

          @Override
          public void register(ApiRoutes routes) {
            routes.project(
                "container/rm",
                call -> {
                  removals.add(
                      call.project()
                          + " "
                          + call.text("container")
                          + " force="
                          + call.field("force").asBoolean());
                  return removalConflicts
                      ? Future.failedFuture(new ConflictException("it is running"))
                      : Future.succeededFuture();
                });
            if (attachRoute) {
              routes.attach(
                  "run/attach",
                  (project, query) ->
                      Future.failedFuture(new RuntimeFailure("the shim would not start")));
            }
          }

          @Override
          public Future<Void> close() {
            return Future.succeededFuture();
          }
        };
    daemon =
        Daemon.start(new DaemonConfig(paths, VERSION, backend))
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    return new DaemonClient(new UnixHttpClient(paths.socket()), VERSION, EngineJson.mapper());
  }

  @AfterEach
  void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
  }

  private static int relay(java.nio.channels.SocketChannel channel) throws IOException {
    return new AttachedStream(channel)
        .relay(
            InputStream.nullInputStream(),
            new ByteArrayOutputStream(),
            new PrintStream(new ByteArrayOutputStream()));
  }

  @Test
  void refusedUpgrade_withRm_removesTheContainer() throws Exception {
    DaemonClient client = start(false, false);

    assertThatThrownBy(
            () -> new RunAttach(client, "demo", "demo-web-run-1", true).run(0, 0, c -> 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("400");

    assertThat(removals).containsExactly("demo demo-web-run-1 force=false");
  }

  @Test
  void refusedUpgrade_withoutRm_leavesTheContainer() throws Exception {
    DaemonClient client = start(false, false);

    assertThatThrownBy(
            () -> new RunAttach(client, "demo", "demo-web-run-1", false).run(0, 0, c -> 0))
        .isInstanceOf(IOException.class);

    assertThat(removals).isEmpty();
  }

  @Test
  void errorFrame_withRm_removesTheContainer() throws Exception {
    DaemonClient client = start(true, false);

    assertThatThrownBy(
            () ->
                new RunAttach(client, "demo", "demo-web-run-1", true)
                    .run(0, 0, RunAttachTest::relay))
        .isInstanceOf(CliException.class)
        .hasMessage("the shim would not start");

    assertThat(removals).containsExactly("demo demo-web-run-1 force=false");
  }

  @Test
  void removalThatFails_isNamedInTheOneLine() throws Exception {
    DaemonClient client = start(false, true);

    assertThatThrownBy(
            () -> new RunAttach(client, "demo", "demo-web-run-1", true).run(0, 0, c -> 0))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("; container demo-web-run-1 is left: it is running");
  }
}
