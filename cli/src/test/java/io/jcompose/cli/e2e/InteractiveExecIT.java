package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code exec} attached to the client: stdin reaches the command, its exit code comes back, and
 * with terminals on both ends the command runs on a pseudo terminal (needs util-linux script).
 */
class InteractiveExecIT {

  private static SampleStack stack;
  private static Path composeDir;

  @BeforeAll
  static void up() throws Exception {
    composeDir = Files.createTempDirectory("jcompose-exec-it-");
    Path compose = composeDir.resolve("compose.yaml");
    Files.writeString(
        compose,
        "services:\n"
            + "  box:\n"
            + "    image: jcompose-samples/busybox:1\n"
            + "    command: [\"sleep\", \"600\"]\n"
            + "    init: true\n");
    stack = SampleStack.ofComposeFile(compose, "exec");
    CommandResult images = stack.importImages("busybox");
    assertThat(images.succeeded()).as(images.describe()).isTrue();
    CommandResult up = stack.compose("up", "-d");
    assertThat(up.succeeded()).as(up.describe()).isTrue();
  }

  @AfterAll
  static void down() throws Exception {
    try {
      if (stack != null) {
        stack.close();
      }
    } finally {
      Files.deleteIfExists(composeDir.resolve("compose.yaml"));
      Files.deleteIfExists(composeDir);
    }
  }

  @Test
  void execWithoutTty_passesStdinToTheCommand_andItsExitCodeBack() {
    CommandResult r =
        stack.composeWithInput(
            "hello\n", "exec", "-T", "box", "sh", "-c", "read x; echo got:$x; exit 7");

    assertThat(r.stdout()).as(r.describe()).contains("got:hello");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(7);
  }

  @Test
  void execWithoutTty_keepsStderrApartFromStdout() {
    CommandResult r =
        stack.composeWithInput("", "exec", "-T", "box", "sh", "-c", "echo out; echo err >&2");

    assertThat(r.stdout()).as(r.describe()).contains("out").doesNotContain("err");
    assertThat(r.stderr()).as(r.describe()).contains("err");
  }

  @Test
  void execFromATerminal_runsTheCommandOnAPseudoTerminal() {
    CommandResult r =
        stack.composeInTerminal(
            "exec", "box", "sh", "-c", "if [ -t 0 ] && [ -t 1 ]; then echo on-a-tty; fi; exit 3");

    assertThat(r.stdout()).as(r.describe()).contains("on-a-tty");
    assertThat(r.exitCode()).as(r.describe()).isEqualTo(3);
  }

  @Test
  void execWithNoTtyFlag_fromATerminal_getsNoPseudoTerminal() {
    CommandResult r =
        stack.composeInTerminal(
            "exec",
            "-T",
            "box",
            "sh",
            "-c",
            "if [ -t 1 ]; then echo on-a-tty; else echo no-tty; fi");

    assertThat(r.stdout()).as(r.describe()).contains("no-tty");
  }
}
