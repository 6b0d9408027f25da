package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeanPsTest {

  @TempDir Path dir;

  @Test
  void parse_takesPsWithProjectNameAndItsPlainFlags() throws IOException {
    Path file = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    LeanPs ps =
        LeanPs.parse(
                new String[] {
                  "-f",
                  file.toString(),
                  "-p",
                  "demo",
                  "ps",
                  "-a",
                  "--status",
                  "running",
                  "--status",
                  "exited",
                  "--format",
                  "json",
                  "-q"
                })
            .orElseThrow();

    assertThat(ps.project).isEqualTo("demo");
    assertThat(ps.all).isTrue();
    assertThat(ps.quiet).isTrue();
    assertThat(ps.status).containsExactly("running", "exited");
    assertThat(ps.format).isEqualTo("json");
  }

  @Test
  void parse_leavesEverythingElseToPicocli() {
    String[][] others = {
      {"ps"},
      {"-p", "demo", "ps", "web"},
      {"-p", "demo", "ps", "-aq"},
      {"-p", "demo", "ps", "--help"},
      {"-p", "demo", "ps", "--format", "yaml"},
      {"-p", "demo", "ps", "--format"},
      {"-p", "demo", "ps", "-a", "--all"},
      {"-p", "demo", "-p", "other", "ps"},
      {"-p", "Not_Valid", "ps"},
      {"--project-name=demo", "ps"},
      {"--debug", "-p", "demo", "ps"},
      {"-f", dir.resolve("missing.yaml").toString(), "-p", "demo", "ps"},
      {"-f", "-", "-p", "demo", "ps"},
      {"-p", "demo", "logs"},
    };
    for (String[] args : others) {
      assertThat(LeanPs.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
