package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageDefaultsTest {
  private static final ImageConfig IMAGE =
      new ImageConfig(
          List.of("PATH=/img", "A=1", "B=2"),
          List.of("/entry"),
          List.of("cmd", "arg"),
          "/app",
          "app",
          Set.of(),
          Set.of(),
          List.of(),
          0,
          0,
          0,
          0,
          "SIGQUIT",
          Map.of());

  private static ContainerSpec spec(List<String> entrypoint, List<String> command) {
    ContainerSpec s = ContainerSpec.of("c", "img");
    return new ContainerSpec(
        "c",
        "img",
        Map.of(),
        entrypoint,
        command,
        Map.of("B", "3"),
        null,
        null,
        "h",
        false,
        false,
        null,
        null,
        List.of(),
        List.of(),
        Map.of(),
        null,
        false,
        null,
        null);
  }

  @Test
  void nothingOverridden_runsImageEntrypointWithItsCmd() {
    assertThat(ImageDefaults.args(spec(null, null), IMAGE)).containsExactly("/entry", "cmd", "arg");
  }

  @Test
  void command_replacesCmdAndKeepsEntrypoint() {
    assertThat(ImageDefaults.args(spec(null, List.of("x")), IMAGE)).containsExactly("/entry", "x");
  }

  @Test
  void entrypoint_dropsTheImagesCmd() {
    assertThat(ImageDefaults.args(spec(List.of("/other"), null), IMAGE)).containsExactly("/other");
    assertThat(ImageDefaults.args(spec(List.of("/other"), List.of("y")), IMAGE))
        .containsExactly("/other", "y");
  }

  @Test
  void noCommandAtAll_isAnError() {
    assertThatThrownBy(() -> ImageDefaults.args(spec(List.of(), null), ImageConfig.EMPTY))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("no command");
  }

  @Test
  void env_mergesImageAndServiceWithTheServiceWinning() {
    ProcessPlan plan = ImageDefaults.apply(spec(null, null), IMAGE, "h");
    assertThat(plan.env()).containsExactly("HOSTNAME=h", "PATH=/img", "A=1", "B=3");
    assertThat(plan.cwd()).isEqualTo("/app");
    assertThat(plan.user()).isEqualTo("app");
    assertThat(plan.stopSignal()).isEqualTo("SIGQUIT");
  }

  @Test
  void emptyImage_getsDefaultPathRootDirectoryAndSigterm() {
    ProcessPlan plan = ImageDefaults.apply(spec(null, List.of("x")), ImageConfig.EMPTY, "h");
    assertThat(plan.env()).contains("PATH=" + ImageDefaults.DEFAULT_PATH);
    assertThat(plan.cwd()).isEqualTo("/");
    assertThat(plan.user()).isNull();
    assertThat(plan.stopSignal()).isEqualTo("SIGTERM");
  }
}
