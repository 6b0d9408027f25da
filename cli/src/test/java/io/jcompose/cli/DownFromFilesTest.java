package io.jcompose.cli;

import static io.jcompose.cli.RecordingEngineDaemon.globals;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.ProgressEvent;
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
 * {@code down} on a running daemon: the CLI sends its options and environment ({@code POST
 * /v1/down}) and the daemon loads the files when there are any, else goes by {@code -p}; over the
 * real server and client with a fake engine.
 */
class DownFromFilesTest {

  @TempDir Path tmp;
  private RecordingEngineDaemon daemon;

  @BeforeEach
  void startDaemon() throws Exception {
    daemon =
        RecordingEngineDaemon.start(
            tmp, "down", ProgressEvent.done("Container demo-web-1", "Removed"));
  }

  @AfterEach
  void stopDaemon() throws Exception {
    daemon.close();
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
        daemon
            .client()
            .callJsonIfCurrent(
                "down",
                request(source, options),
                e -> events.add(ProgressEventTrees.read(e.path("data")).status()));

    assertThat(result).isPresent();
    assertThat(daemon.<String>arg(0)).isEqualTo("shop");
    assertThat(daemon.<DownOptions>arg(1))
        .isEqualTo(options.withProject(source.load(List.of("web"))));
    assertThat(events).containsExactly("Removed");
  }

  @Test
  void projectNameWithoutFiles_goesByTheNameAlone() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    ProjectSource source = new ProjectSource(globals("gone", List.of()), Map.of(), empty);

    daemon.client().callJsonIfCurrent("down", request(source, DownOptions.defaults()), e -> {});

    assertThat(daemon.<String>arg(0)).isEqualTo("fallback");
    assertThat(daemon.<DownOptions>arg(1)).isEqualTo(DownOptions.defaults());
    assertThat(daemon.<DownOptions>arg(1).project()).isNull();
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
              daemon
                  .client()
                  .callJsonIfCurrent("down", request(source, DownOptions.defaults()), e -> {});
            });

    assertThat(UserMessages.lineFor(remote)).startsWith("compose.yaml: services.web.ports");
    assertThat(daemon.<String>arg(0)).isNull();
  }
}
