package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDiscoveryTest {
  @TempDir Path tmp;

  @Test
  void composeFileInAParentDirectory_isFoundWithItsOverride() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose("services:\n  web: {image: nginx}\n")
            .file("compose.override.yaml", "services:\n  web: {hostname: over}\n");
    Path sub = Files.createDirectories(fx.dir.resolve("src/deep"));

    Project p = ProjectLoader.load(ProjectOptions.of(sub, fx.env));

    assertThat(p.workingDir()).isEqualTo(fx.dir.toString());
    assertThat(p.name()).isEqualTo("demo");
    assertThat(p.configFiles())
        .containsExactly(
            fx.dir.resolve("compose.yaml").toString(),
            fx.dir.resolve("compose.override.yaml").toString());
    assertThat(p.service("web").hostname()).isEqualTo("over");
  }

  @Test
  void composeYaml_winsOverDockerComposeYmlWithAWarning() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .compose("services:\n  a: {image: x}\n")
            .file("docker-compose.yml", "services:\n  b: {image: x}\n")
            .load();

    assertThat(p.services()).containsOnlyKeys("a");
    assertThat(p.warnings()).anyMatch(w -> w.contains("multiple config files"));
  }

  @Test
  void composeFileVariable_isSplitByThePathSeparator() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file("one.yaml", "services:\n  a: {image: x}\n")
            .file("two.yaml", "services:\n  b: {image: x}\n")
            .var("COMPOSE_FILE", "one.yaml;two.yaml")
            .var("COMPOSE_PATH_SEPARATOR", ";");

    assertThat(fx.load().services()).containsOnlyKeys("a", "b");
  }

  @Test
  void dashFile_readsTheGivenStdinContent() throws Exception {
    ComposeFixture fx = new ComposeFixture(tmp);
    Project p =
        fx.load(
            fx.options()
                .withConfigFiles(List.of("-"))
                .withStdinContent("services:\n  web: {image: nginx}\n"));

    assertThat(p.configFiles()).containsExactly("-");
    assertThat(p.workingDir()).isEqualTo(fx.dir.toString());
  }

  @Test
  void projectDirectory_isTheBaseForRelativePaths() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .file("conf/app.yaml", "services:\n  web: {image: nginx, volumes: [\"./d:/d\"]}\n");
    Project p =
        fx.load(
            fx.options()
                .withConfigFiles(List.of("conf/app.yaml"))
                .withProjectDirectory(Path.of("elsewhere")));

    assertThat(p.service("web").volumes().get(0).source())
        .isEqualTo(fx.dir.resolve("elsewhere/d").toString());
    assertThat(p.name()).isEqualTo("elsewhere");
  }

  @Test
  void noComposeFile_isAnErrorSayingWhatToDo() {
    assertThatThrownBy(() -> ProjectLoader.load(ProjectOptions.of(tmp, Map.of())))
        .hasMessageStartingWith("no configuration file provided")
        .hasMessageContaining("pass -f FILE");
  }

  @Test
  void missingDashFFile_namesTheFile() {
    ComposeFixture fx = new ComposeFixture(tmp);
    assertThatThrownBy(() -> fx.load(fx.options().withConfigFiles(List.of("nope.yaml"))))
        .hasMessage("nope.yaml: no such file; check the -f / COMPOSE_FILE path");
  }
}
