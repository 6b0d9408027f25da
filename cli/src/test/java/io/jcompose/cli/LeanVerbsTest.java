package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LeanVerbsTest {

  @Test
  void parse_fillsInUpDetachedWithTheGlobals() {
    ProjectCommand command =
        LeanVerbs.parse(
                new String[] {
                  "-f",
                  "a.yaml",
                  "-f",
                  "b.yaml",
                  "-p",
                  "demo",
                  "--project-directory",
                  "/srv",
                  "--env-file",
                  "x.env",
                  "--profile",
                  "debug",
                  "up",
                  "-d",
                  "--remove-orphans"
                })
            .orElseThrow();

    assertThat(command).isInstanceOf(UpCommand.class);
    UpCommand up = (UpCommand) command;
    assertThat(up.detach).isTrue();
    assertThat(up.removeOrphans).isTrue();
    assertThat(up.forceRecreate).isFalse();
    GlobalOptions g = command.leanGlobals;
    assertThat(g.files()).containsExactly("a.yaml", "b.yaml");
    assertThat(g.projectName()).isEqualTo("demo");
    assertThat(g.projectDirectory()).isEqualTo(Path.of("/srv"));
    assertThat(g.envFiles()).containsExactly(Path.of("x.env"));
    assertThat(g.profiles()).containsExactly("debug");
    assertThat(g.progress()).isEqualTo(ProgressMode.AUTO);
  }

  @Test
  void parse_fillsInDownWithVolumes() {
    DownCommand down = (DownCommand) LeanVerbs.parse(new String[] {"down", "-v"}).orElseThrow();

    assertThat(down.volumes).isTrue();
    assertThat(down.removeOrphans).isFalse();
    assertThat(down.leanGlobals.files()).isEmpty();
  }

  @Test
  void parse_leavesEverythingElseToPicocli() {
    String[][] others = {
      {"up"},
      {"up", "-d", "web"},
      {"up", "-d", "-d"},
      {"up", "-d", "--detach"},
      {"up", "-d", "--scale", "web=2"},
      {"up", "-dt", "3"},
      {"up", "-d", "--help"},
      {"--debug", "up", "-d"},
      {"--progress", "plain", "up", "-d"},
      {"-p", "a", "-p", "b", "up", "-d"},
      {"--file=a.yaml", "up", "-d"},
      {"down", "web"},
      {"down", "-t", "0"},
      {"down", "--rmi", "all"},
      {"ps"},
      {"-f"},
      {},
    };
    for (String[] args : others) {
      assertThat(LeanVerbs.parse(args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
