package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSourceTest {

  @TempDir Path dir;

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

  @Test
  void withoutComposeFile_dashP_aloneNamesTheProject() {
    ProjectSource source = new ProjectSource(globals("leftover", List.of()), Map.of(), dir);

    Optional<Project> project = source.loadIfPresent(List.of());

    assertThat(project).isEmpty();
    assertThat(source.projectName(project)).isEqualTo("leftover");
  }

  @Test
  void withoutComposeFileOrName_failsWithTheModelsOneLine() {
    ProjectSource source = new ProjectSource(globals(null, List.of()), Map.of(), dir);

    assertThatThrownBy(() -> source.loadIfPresent(List.of()))
        .isInstanceOf(ProjectSource.ModelError.class)
        .hasMessageNotContaining("\n");
    assertThat(
            UserMessages.exitCodeFor(
                new ProjectSource.ModelError(
                    new io.jcompose.model.api.ComposeFileException("compose.yaml", "x", "bad"))))
        .isEqualTo(1);
  }

  @Test
  void composeFileInTheDirectory_isLoadedAndInterpolatedClientSide() throws Exception {
    Files.writeString(
        dir.resolve("compose.yaml"), "services:\n  web:\n    image: \"busybox:${TAG:-1}\"\n");
    ProjectSource source = new ProjectSource(globals(null, List.of()), Map.of("TAG", "9"), dir);

    Project project = source.loadIfPresent(List.of()).orElseThrow();

    assertThat(project.name()).isEqualTo(dir.getFileName().toString().toLowerCase());
    assertThat(project.service("web").image()).isEqualTo("busybox:9");
  }

  @Test
  void invalidFile_isReportedEvenWhenDashPIsGiven() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    ports: [\"80:x\"]\n");
    ProjectSource source = new ProjectSource(globals("demo", List.of()), Map.of(), dir);

    assertThatThrownBy(() -> source.loadIfPresent(List.of()))
        .isInstanceOf(ProjectSource.ModelError.class)
        .hasMessageStartingWith("compose.yaml: services.web");
    assertThat(UserMessages.lineFor(new RuntimeException("x"))).isEqualTo("jcompose: x");
  }
}
