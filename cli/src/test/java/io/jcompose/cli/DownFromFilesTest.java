package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.DownOptions;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code down} on a running daemon: the CLI sends its options and environment ({@code POST
 * /v1/down}) and the daemon loads the files when there are any, else goes by {@code -p}; over the
 * real server and client with a fake engine.
 */
class DownFromFilesTest {

  private static final String VERSION = "9.9.9+test";

  @TempDir Path tmp;
  private RuntimePaths paths;
  private Daemon daemon;
  private final AtomicReference<String> downName = new AtomicReference<>();
  private final AtomicReference<DownOptions> downOptions = new AtomicReference<>();

  @SuppressWarnings("unchecked")
  private ComposeEngine recordingEngine() {
    return (ComposeEngine)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ComposeEngine.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("down")) {
                throw new UnsupportedOperationException(method.getName());
              }
              downName.set((String) args[0]);
              downOptions.set((DownOptions) args[1]);
              ((Handler<ProgressEvent>) args[2])
                  .handle(ProgressEvent.done("Container demo-web-1", "Removed"));
              return Future.succeededFuture();
            });
  }

  @BeforeEach
  void startDaemon() throws Exception {
    paths = new RuntimePaths(tmp.resolve("root"), tmp.resolve("run"));
    ComposeEngine engine = recordingEngine();
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
    daemon =
        Daemon.start(new DaemonConfig(paths, VERSION, backend))
            .toCompletionStage()
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stopDaemon() throws Exception {
    daemon.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private static GlobalOptions globals(String projectName, List<String> files) {
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

  private DaemonClient client(String version, Path socket) {
    return new DaemonClient(new UnixHttpClient(socket), version, EngineJson::mapper);
  }

  private byte[] request(ProjectSource source, DownOptions options) {
    return DownRequest.encode(
        source.inputIfPresent(options.services()).orElse(null), "fallback", options);
  }

  @Test
  void withFiles_theDaemonLoadsTheSameProjectTheClientWould() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(
        project.resolve("compose.yaml"),
        "name: shop\nservices:\n  web:\n    image: \"busybox:${TAG:-1}\"\n  db:\n    image: x\n");
    ProjectSource source =
        new ProjectSource(globals(null, List.of("compose.yaml")), Map.of("TAG", "9"), project);
    DownOptions options =
        new DownOptions(null, List.of("web"), true, true, null, java.time.Duration.ofSeconds(2));
    List<String> events = new ArrayList<>();

    var result =
        client(VERSION, paths.socket())
            .callJsonIfCurrent(
                "down",
                request(source, options),
                e -> events.add(ProgressEventTrees.read(e.path("data")).status()));

    assertThat(result).isPresent();
    assertThat(downName.get()).isEqualTo("shop");
    assertThat(downOptions.get()).isEqualTo(options.withProject(source.load(List.of("web"))));
    assertThat(events).containsExactly("Removed");
  }

  @Test
  void projectNameWithoutFiles_goesByTheNameAlone() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    ProjectSource source = new ProjectSource(globals("gone", List.of()), Map.of(), empty);

    client(VERSION, paths.socket())
        .callJsonIfCurrent("down", request(source, DownOptions.defaults()), e -> {});

    assertThat(downName.get()).isEqualTo("fallback");
    assertThat(downOptions.get()).isEqualTo(DownOptions.defaults());
    assertThat(downOptions.get().project()).isNull();
  }

  @Test
  void invalidFile_failsAsLoadingItInTheClientWould_andNothingIsTakenDown() {
    Path dir = tmp.resolve("bad");
    Throwable remote =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> {
              Files.createDirectories(dir);
              Files.writeString(
                  dir.resolve("compose.yaml"), "services:\n  web:\n    ports: [\"80:x\"]\n");
              ProjectSource source = new ProjectSource(globals("demo", List.of()), Map.of(), dir);
              client(VERSION, paths.socket())
                  .callJsonIfCurrent("down", request(source, DownOptions.defaults()), e -> {});
            });

    assertThat(UserMessages.lineFor(remote)).startsWith("compose.yaml: services.web.ports");
    assertThat(downName.get()).isNull();
  }
}
