package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectNameTest {
  @TempDir Path tmp;

  @Test
  void precedence_isFlagThenVariableThenFileThenDirectory() throws Exception {
    ComposeFixture fx = new ComposeFixture(tmp).compose("name: fromfile\nservices: {}\n");

    assertThat(fx.load().name()).isEqualTo("fromfile");
    fx.var("COMPOSE_PROJECT_NAME", "fromenv");
    assertThat(fx.load().name()).isEqualTo("fromenv");
    assertThat(fx.load(fx.options().withProjectName("fromflag")).name()).isEqualTo("fromflag");
  }

  @Test
  void directoryName_isNormalized() {
    assertThat(ProjectNamer.normalize("My App.v2")).isEqualTo("myappv2");
    assertThat(ProjectNamer.normalize("__-x_Y-z")).isEqualTo("x_y-z");
  }

  @Test
  void invalidExplicitName_saysWhatIsAllowed() {
    ComposeFixture fx = new ComposeFixture(tmp).compose("services: {}\n");
    assertThatThrownBy(() -> fx.load(fx.options().withProjectName("Bad Name")))
        .hasMessageStartingWith(
            "-p: invalid project name \"Bad Name\": use only lowercase letters");
  }

  @Test
  void lastFilesName_wins() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp)
            .compose("name: first\nservices: {}\n")
            .file("compose.override.yaml", "name: second\n");
    assertThat(fx.load().name()).isEqualTo("second");
  }
}
