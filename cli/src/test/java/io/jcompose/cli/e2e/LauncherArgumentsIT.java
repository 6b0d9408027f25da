package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./jcompose} launcher itself on bad command lines, before the CLI answers. */
class LauncherArgumentsIT {

  @TempDir Path dir;

  @Test
  void aGlobalOptionMissingItsValue_getsTheCliLine_insteadOfHangingInTheLauncher()
      throws Exception {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    try (SampleStack s = SampleStack.ofComposeFile(compose, "args")) {
      for (String option : List.of("-p", "-f", "--project-directory", "--env-file")) {
        CommandResult r = s.jcompose(option);
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        assertThat(r.stderr().strip().lines())
            .as(r.describe())
            .singleElement()
            .satisfies(line -> assertThat(line).contains("Missing required parameter"));
      }
    }
  }

  @Test
  void daemonInTheForeground_whileOneServesTheSameState_givesOneLineAndExit1() throws Exception {
    Path compose = Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    try (SampleStack s = SampleStack.ofComposeFile(compose, "second")) {
      CommandResult first = s.compose("ps");
      assertThat(first.exitCode()).as("ps starts the daemon: " + first.describe()).isZero();
      CommandResult second = s.jcompose("daemon");
      assertThat(second.exitCode()).as(second.describe()).isEqualTo(1);
      assertThat(second.stderr().strip().lines())
          .as(second.describe())
          .singleElement()
          .satisfies(line -> assertThat(line).contains("another jcompose daemon").contains("stop"));
    }
  }
}
