package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.client.DaemonClient;
import io.jcompose.cli.client.DaemonException;
import io.jcompose.cli.client.UnixHttpClient;
import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.RuntimePaths;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.UpOptions;
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
 * {@code up -d} on a running daemon: the CLI sends its options and environment ({@code POST
 * /v1/up}) and the daemon loads the files, over the real server and client with a fake engine.
 */
class UpFromFilesTest {

  private static final String VERSION = "9.9.9+test";

  @TempDir Path tmp;
  private RuntimePaths paths;
  private Daemon daemon;
  private final AtomicReference<Project> upProject = new AtomicReference<>();
  private final AtomicReference<UpOptions> upOptions = new AtomicReference<>();

  @SuppressWarnings("unchecked")
  private ComposeEngine recordingEngine() {
    return (ComposeEngine)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ComposeEngine.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("up")) {
                throw new UnsupportedOperationException(method.getName());
              }
              upProject.set((Project) args[0]);
              upOptions.set((UpOptions) args[1]);
              ((Handler<ProgressEvent>) args[2])
                  .handle(ProgressEvent.done("Container demo-web-1", "Started"));
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

  private byte[] request(ProjectSource source) {
    return UpRequest.encode(source.input(List.of()), UpOptions.defaults());
  }

  @Test
  void daemon_loadsTheSameProjectTheClientWould_withTheClientsEnvironment() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("proj"));
    Files.writeString(
        project.resolve("compose.yaml"), "services:\n  web:\n    image: \"busybox:${TAG:-1}\"\n");
    ProjectSource source =
        new ProjectSource(globals(null, List.of("compose.yaml")), Map.of("TAG", "9"), project);
    List<String> events = new ArrayList<>();

    var result =
        client(VERSION, paths.socket())
            .callJsonIfCurrent(
                "up",
                request(source),
                e -> events.add(ProgressEventTrees.read(e.path("data")).status()));

    assertThat(result).isPresent();
    assertThat(upProject.get()).isEqualTo(source.load(List.of()));
    assertThat(upProject.get().service("web").image()).isEqualTo("busybox:9");
    assertThat(upOptions.get()).isEqualTo(UpOptions.defaults());
    assertThat(events).containsExactly("Started");
  }

  @Test
  void invalidFile_failsWithTheSameOneLineAsLoadingItInTheClient() throws Exception {
    Files.writeString(tmp.resolve("compose.yaml"), "services:\n  web:\n    ports: [\"80:x\"]\n");
    ProjectSource source = new ProjectSource(globals("demo", List.of()), Map.of(), tmp);
    Throwable local = null;
    try {
      source.load(List.of());
    } catch (ProjectSource.ModelError e) {
      local = e;
    }

    assertThat(local).isNotNull();
    Throwable remote =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                client(VERSION, paths.socket()).callJsonIfCurrent("up", request(source), e -> {}));
    assertThat(remote).isInstanceOf(DaemonException.class);
    assertThat(((DaemonException) remote).kind()).isEqualTo("model");
    assertThat(UserMessages.lineFor(remote))
        .isEqualTo(UserMessages.lineFor(local))
        .startsWith("compose.yaml: services.web.ports");
    assertThat(UserMessages.exitCodeFor(remote)).isEqualTo(1);
    assertThat(upProject.get()).isNull();
  }

  @Test
  void composeFileOnStandardInput_isSentWithTheRequest() throws Exception {
    String yaml = "name: piped\nservices:\n  web:\n    image: busybox\n";
    var input =
        new io.jcompose.scheduler.api.ProjectInput(
            tmp.toString(), List.of("-"), yaml, null, null, null, null, Map.of(), null);

    client(VERSION, paths.socket())
        .callJsonIfCurrent("up", UpRequest.encode(input, UpOptions.defaults()), e -> {});

    assertThat(upProject.get().name()).isEqualTo("piped");
  }

  @Test
  void daemonOfAnotherBuild_isLeftAlone_andTheCallSaysSo() {
    Path dir = tmp.resolve("proj2");
    var result =
        client("0.0.1+old", paths.socket())
            .callJsonIfCurrent(
                "up", request(new ProjectSource(globals("x", List.of()), Map.of(), dir)), e -> {});

    assertThat(result).isEmpty();
    assertThat(upProject.get()).isNull();
  }

  @Test
  void noDaemon_isAnEmptyAnswer_notAnError() {
    var result =
        client(VERSION, tmp.resolve("nothing.sock"))
            .callJsonIfCurrent(
                "up", request(new ProjectSource(globals("x", List.of()), Map.of(), tmp)), e -> {});

    assertThat(result).isEmpty();
  }

  @Test
  void missingInput_isRejectedAsInvalid() {
    assertThatThrownBy(
            () -> client(VERSION, paths.socket()).callJsonIfCurrent("up", "{}".getBytes(), e -> {}))
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining("'input'");
  }
}
