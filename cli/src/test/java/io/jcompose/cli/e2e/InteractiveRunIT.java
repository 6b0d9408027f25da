package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code run} attached to the client as docker compose does: piped stdin reaches the container's
 * process, its exit code is the CLI's, {@code --rm} leaves nothing, and from a terminal it runs on
 * a pseudo terminal that follows the client's window size (needs util-linux script).
 */
class InteractiveRunIT {

  private static SampleStack stack;
  private static Path composeDir;

  @BeforeAll
  static void images() throws Exception {
    composeDir = Files.createTempDirectory("jcompose-run-it-");
    Files.createDirectories(composeDir.resolve("shared"));
    Path compose = composeDir.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  box:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"echo\", \"the service's own command\"]\n"
            + "    environment: [\"FROM_SERVICE=yes\"]\n"
            + "    volumes: [\"./shared:/shared\"]\n"
            + "  client:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    depends_on: [dep]\n"
            + "  dep:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"600\"]\n"
            + "    init: true\n"
            + "  sleeper:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"600\"]\n"
            + "    init: true\n"
            + "    volumes: [\"./shared:/shared\"]\n");
    stack = SampleStack.ofComposeFile(compose, "run");
    CommandResult images = stack.importImages("busybox");
    assertThat(images.succeeded()).as(images.describe()).isTrue();
  }

  @AfterAll
  static void down() throws Exception {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      try (var paths = Files.walk(composeDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void runWithPipedStdin_passesItToTheContainersProcess() {
    CommandResult r = stack.composeWithInput("hi\nthere\n", "run", "--rm", "-T", "box", "cat");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).as(r.describe()).contains("hi\nthere\n");
  }

  @Test
  void attachedRun_output_isInTheLogsOfItsContainer() {
    CommandResult r =
        stack.composeWithInput(
            "",
            "run",
            "-T",
            "box",
            "sh",
            "-c",
            "echo out-7c1e; echo err-7c1e >&2; printf tail-7c1e");
    assertThat(r.exitCode()).as(r.describe()).isZero();

    CommandResult logs = stack.compose("logs", "--no-color", "box");
    assertThat(logs.stdout())
        .as(logs.describe())
        .contains("out-7c1e")
        .contains("err-7c1e")
        .contains("tail-7c1e");
    // The kept one-off container would surprise the tests that count them.
    CommandResult down = stack.compose("down");
    assertThat(down.succeeded()).as(down.describe()).isTrue();
  }

  @Test
  void run_exitsWithTheExitCodeOfTheContainersProcess() {
    CommandResult r =
        stack.composeWithInput("", "run", "--rm", "-T", "box", "sh", "-c", "echo bye; exit 42");

    assertThat(r.stdout()).as(r.describe()).contains("bye");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(42);
  }

  @Test
  void run_keepsStderrApartAndAppliesEnvWorkdirUserAndEntrypoint() {
    CommandResult r =
        stack.composeWithInput(
            "",
            "run",
            "--rm",
            "-T",
            "-e",
            "EXTRA=1",
            "-w",
            "/tmp",
            "-u",
            "nobody",
            "--entrypoint",
            "sh -c",
            "box",
            "echo $FROM_SERVICE$EXTRA $(pwd) $(id -u); echo oops >&2");

    assertThat(r.exitCode()).as(r.describe()).isZero();
    assertThat(r.stdout()).as(r.describe()).contains("yes1 /tmp 65534").doesNotContain("oops");
    assertThat(r.stderr()).as(r.describe()).contains("oops");
  }

  @Test
  void runWithRm_leavesNoContainer_andWithoutRmTheContainerStays() throws Exception {
    CommandResult removed = stack.composeWithInput("", "run", "--rm", "-T", "box", "true");
    assertThat(removed.exitCode()).as(removed.describe()).isZero();
    assertThat(oneOffs()).isEmpty();

    CommandResult kept =
        stack.composeWithInput("", "run", "-T", "--name", stack.project() + "-kept", "box", "true");
    assertThat(kept.exitCode()).as(kept.describe()).isZero();
    assertThat(oneOffs()).containsExactly(stack.project() + "-kept");
    CommandResult down = stack.compose("down");
    assertThat(down.succeeded()).as(down.describe()).isTrue();
    assertThat(oneOffs()).isEmpty();
  }

  @Test
  void runWithNoDeps_leavesDependenciesAlone_andWithoutItStartsThem() {
    CommandResult alone =
        stack.composeWithInput("", "run", "--rm", "-T", "--no-deps", "client", "true");
    assertThat(alone.exitCode()).as(alone.describe()).isZero();
    assertThat(stack.containers()).noneMatch(c -> c.path("Service").asText().equals("dep"));

    CommandResult withDeps = stack.composeWithInput("", "run", "--rm", "-T", "client", "true");
    assertThat(withDeps.exitCode()).as(withDeps.describe()).isZero();
    assertThat(stack.containers())
        .anyMatch(
            c ->
                c.path("Service").asText().equals("dep")
                    && c.path("State").asText().equals("running"));
    CommandResult rm = stack.compose("rm", "-s", "-f", "dep");
    assertThat(rm.succeeded()).as(rm.describe()).isTrue();
  }

  @Test
  void runWithRm_ofACommandThatDoesNotExist_failsInOneLineAndLeavesNothing() throws Exception {
    CommandResult r = stack.composeWithInput("", "run", "--rm", "-T", "box", "no-such-command");

    assertThat(r.exitCode()).as(r.describe()).isNotZero();
    assertThat(r.stderr()).as(r.describe()).contains("no-such-command");
    assertThat(oneOffs()).isEmpty();
  }

  @Test
  void runFromATerminal_runsOnAPseudoTerminal_andMinusTTakesItAway() {
    CommandResult tty =
        stack.composeInTerminal(
            "run",
            "--rm",
            "box",
            "sh",
            "-c",
            "if [ -t 0 ] && [ -t 1 ]; then echo on-a-tty; fi; exit 3");
    assertThat(tty.stdout()).as(tty.describe()).contains("on-a-tty");
    assertThat(tty.exitCode()).as(tty.describe()).isEqualTo(3);

    CommandResult plain =
        stack.composeInTerminal(
            "run",
            "--rm",
            "-T",
            "box",
            "sh",
            "-c",
            "if [ -t 1 ]; then echo on-a-tty; else echo no-tty; fi");
    assertThat(plain.stdout()).as(plain.describe()).contains("no-tty");
  }

  @Test
  void runInATerminal_startsAtTheClientSize_andFollowsItsResize() throws Exception {
    CommandResult r =
        stack.composeInResizingTerminal(shared(), List.of("run", "--rm", "box"), WATCH_SIZE);

    assertThat(shared().resolve("before")).hasContent("24 80");
    assertThat(r.stdout()).as(r.describe()).contains("size:45 123");
  }

  @Test
  void execInATerminal_followsTheClientWindowSize() throws Exception {
    CommandResult up = stack.compose("up", "-d", "sleeper");
    assertThat(up.succeeded()).as(up.describe()).isTrue();

    CommandResult r =
        stack.composeInResizingTerminal(shared(), List.of("exec", "sleeper"), WATCH_SIZE);

    assertThat(r.stdout()).as(r.describe()).contains("size:45 123");
  }

  /** Records the size it starts with, says it is ready, waits for 45x123, prints the size. */
  private static final List<String> WATCH_SIZE =
      List.of(
          "sh",
          "-c",
          // busybox takes COLUMNS/LINES over the terminal's size: neither verb may set them.
          "stty size >/shared/before; touch /shared/ready; i=0;"
              + " while [ $i -lt 100 ]; do [ \"$(stty size)\" = '45 123' ] && break;"
              + " sleep 0.1; i=$((i+1)); done; echo size:$(stty size)");

  private static Path shared() {
    return composeDir.resolve("shared");
  }

  /** Names of the one-off containers in the runtime's state ({@code ps} does not list them). */
  private static List<String> oneOffs() throws java.io.IOException {
    Path containers = stack.stateDir().resolve("root/containers");
    List<String> names = new java.util.ArrayList<>();
    if (!Files.isDirectory(containers)) {
      return names;
    }
    try (var dirs = Files.list(containers)) {
      for (Path d : dirs.toList()) {
        Path record = d.resolve("container.json");
        if (Files.isRegularFile(record)) {
          JsonNode r = new com.fasterxml.jackson.databind.ObjectMapper().readTree(record.toFile());
          if ("True".equals(r.path("labels").path("com.docker.compose.oneoff").asText())) {
            names.add(r.path("name").asText());
          }
        }
      }
    }
    return names;
  }
}
