package io.jcompose.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.daemon.ApiRoutes;
import io.jcompose.scheduler.daemon.Daemon;
import io.jcompose.scheduler.daemon.DaemonBackend;
import io.jcompose.scheduler.daemon.DaemonConfig;
import io.jcompose.scheduler.daemon.PidFile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real daemon server and the real CLI client over a real unix socket, with a fake engine. */
class DaemonApiTest {

  private static final String VERSION = "9.9.9+test";

  @TempDir Path tmp;
  private RuntimePaths paths;
  private Daemon daemon;
  private final List<String> calls = new ArrayList<>();

  record Greeting(String text, Instant at) {}

  private final DaemonBackend fakeEngine =
      new DaemonBackend() {
        @Override
        public Future<Void> start(Vertx vertx, RuntimePaths paths) {
          return Future.succeededFuture();
        }

        @Override
        public void register(ApiRoutes routes) {
          routes
              .project(
                  "up",
                  call -> {
                    calls.add(
                        call.project() + ":" + call.field("options").path("detach").asBoolean());
                    for (int i = 1; i <= 3; i++) {
                      call.events().emit(Map.of("type", "progress", "step", i));
                    }
                    return Future.succeededFuture(new Greeting("up", Instant.EPOCH));
                  })
              .project(
                  "ps",
                  call ->
                      Future.failedFuture(
                          new NotFoundException("no such project: " + call.project())))
              .host("system/df", call -> Future.succeededFuture(Map.of("images", 0)));
        }

        @Override
        public Future<Void> close() {
          return Future.succeededFuture();
        }
      };

  @BeforeEach
  void startDaemon() throws Exception {
    paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    daemon =
        Daemon.start(new DaemonConfig(paths, VERSION, fakeEngine))
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopDaemon() throws Exception {
    daemon.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private DaemonClient client(String version) {
    return new DaemonClient(new UnixHttpClient(paths.socket()), version, EngineJson.mapper());
  }

  @Test
  void projectVerb_streamsEventsThenReturnsTheResult() {
    List<JsonNode> events = new ArrayList<>();

    JsonNode result =
        client(VERSION)
            .project("demo", "up", Map.of("options", Map.of("detach", true)), events::add);

    assertThat(events).extracting(e -> e.path("step").asInt()).containsExactly(1, 2, 3);
    assertThat(result.path("text").asText()).isEqualTo("up");
    assertThat(result.path("at").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(calls).containsExactly("demo:true");
  }

  @Test
  void failure_arrivesAsDaemonExceptionWithKindAndMessage() {
    assertThatThrownBy(() -> client(VERSION).project("ghost", "ps", null, e -> {}))
        .isInstanceOf(DaemonException.class)
        .hasMessage("no such project: ghost")
        .extracting(e -> ((DaemonException) e).kind())
        .isEqualTo("not_found");
  }

  @Test
  void otherBuild_isRejectedWithKindVersion() {
    assertThatThrownBy(() -> client("0.0.1+old").project("demo", "up", Map.of(), e -> {}))
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining(VERSION)
        .extracting(e -> ((DaemonException) e).kind())
        .isEqualTo("version");
    assertThat(calls).isEmpty();
  }

  @Test
  void unknownVerb_isNotFound() {
    assertThatThrownBy(() -> client(VERSION).call("frobnicate", null, e -> {}))
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining("frobnicate")
        .extracting(e -> ((DaemonException) e).kind())
        .isEqualTo("not_found");
  }

  @Test
  void hostVerb_withSlashInItsName_isRouted() {
    JsonNode result = client(VERSION).call("system/df", Map.of(), e -> {});

    assertThat(result.path("images").asInt()).isZero();
  }

  @Test
  void version_reportsVersionAndPid() throws Exception {
    JsonNode version = client("anything").version();

    assertThat(version.path("version").asText()).isEqualTo(VERSION);
    assertThat(version.path("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void socketIsGroupOnly_andPidFileNamesThisProcess() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.socket())))
        .isEqualTo("rw-rw----");
    assertThat(PidFile.read(paths.run().resolve(PidFile.NAME)))
        .hasValue(ProcessHandle.current().pid());
  }

  @Test
  void secondDaemonOnTheSameRunDirectory_failsWithOneLine() {
    assertThatThrownBy(
            () ->
                Daemon.start(new DaemonConfig(paths, VERSION, fakeEngine))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS))
        .hasMessageContaining("another jcompose daemon")
        .hasMessageContaining("jcompose daemon stop");
  }

  @Test
  void stopRequest_endsTheDaemonAndRemovesItsRunFiles() throws Exception {
    client(VERSION).requestStop();

    daemon.stopped().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(paths.socket()).doesNotExist();
    assertThat(paths.run().resolve(PidFile.NAME)).doesNotExist();
  }
}
