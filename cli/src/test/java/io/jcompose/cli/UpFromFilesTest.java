package io.jcompose.cli;

import static io.jcompose.cli.RecordingEngineDaemon.client;
import static io.jcompose.cli.RecordingEngineDaemon.globals;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.cli.client.DaemonException;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up -d} on a running daemon: the CLI sends its options and environment ({@code POST
 * /v1/up}) and the daemon loads the files, over the real server and client with a fake engine.
 */
class UpFromFilesTest {

  @TempDir Path tmp;
  private RecordingEngineDaemon daemon;

  @BeforeEach
  void startDaemon() throws Exception {
    daemon =
        RecordingEngineDaemon.start(
            tmp, "up", ProgressEvent.done("Container demo-web-1", "Started"));
  }

  @AfterEach
  void stopDaemon() throws Exception {
    daemon.close();
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
        daemon
            .client()
            .callJsonIfCurrent(
                "up",
                request(source),
                e -> events.add(ProgressEventTrees.read(e.path("data")).status()));

    assertThat(result).isPresent();
    assertThat(daemon.<Project>arg(0)).isEqualTo(source.load(List.of()));
    assertThat(daemon.<Project>arg(0).service("web").image()).isEqualTo("busybox:9");
    assertThat(daemon.<UpOptions>arg(1)).isEqualTo(UpOptions.defaults());
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
            () -> daemon.client().callJsonIfCurrent("up", request(source), e -> {}));
    assertThat(remote).isInstanceOf(DaemonException.class);
    assertThat(((DaemonException) remote).kind()).isEqualTo("model");
    assertThat(UserMessages.lineFor(remote))
        .isEqualTo(UserMessages.lineFor(local))
        .startsWith("compose.yaml: services.web.ports");
    assertThat(UserMessages.exitCodeFor(remote)).isEqualTo(1);
    assertThat(daemon.<Project>arg(0)).isNull();
  }

  @Test
  void composeFileOnStandardInput_isSentWithTheRequest() throws Exception {
    String yaml = "name: piped\nservices:\n  web:\n    image: busybox\n";
    var input =
        new io.jcompose.scheduler.api.ProjectInput(
            tmp.toString(), List.of("-"), yaml, null, null, null, null, Map.of(), null);

    daemon.client().callJsonIfCurrent("up", UpRequest.encode(input, UpOptions.defaults()), e -> {});

    assertThat(daemon.<Project>arg(0).name()).isEqualTo("piped");
  }

  @Test
  void daemonOfAnotherBuild_isLeftAlone_andTheCallSaysSo() {
    Path dir = tmp.resolve("proj2");
    var result =
        client("0.0.1+old", daemon.paths.socket())
            .callJsonIfCurrent(
                "up", request(new ProjectSource(globals("x", List.of()), Map.of(), dir)), e -> {});

    assertThat(result).isEmpty();
    assertThat(daemon.<Project>arg(0)).isNull();
  }

  @Test
  void noDaemon_isAnEmptyAnswer_notAnError() {
    var result =
        client(RecordingEngineDaemon.VERSION, tmp.resolve("nothing.sock"))
            .callJsonIfCurrent(
                "up", request(new ProjectSource(globals("x", List.of()), Map.of(), tmp)), e -> {});

    assertThat(result).isEmpty();
  }

  @Test
  void missingInput_isRejectedAsInvalid() {
    assertThatThrownBy(() -> daemon.client().callJsonIfCurrent("up", "{}".getBytes(), e -> {}))
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining("'input'");
  }
}
