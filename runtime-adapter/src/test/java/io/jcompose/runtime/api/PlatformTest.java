package io.jcompose.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlatformTest {

  @Test
  void parse_readsComposePlatformStrings() {
    assertThat(Platform.parse("linux/arm64/v8")).isEqualTo(new Platform("linux", "arm64", "v8"));
    assertThat(Platform.parse("Linux/AMD64")).isEqualTo(new Platform("linux", "amd64", null));
    assertThatThrownBy(() -> Platform.parse("amd64"))
        .hasMessageContaining("expected os/architecture[/variant]");
  }

  @Test
  void matches_variantOnlyWhenBothSidesNameOne() {
    Platform armV7 = new Platform("linux", "arm", "v7");

    assertThat(armV7.matches("linux", "arm", "v7")).isTrue();
    assertThat(armV7.matches("linux", "arm", "v6")).isFalse();
    assertThat(armV7.matches("linux", "arm", null)).isTrue();
    assertThat(new Platform("linux", "amd64", null).matches("linux", "amd64", "v3")).isTrue();
    assertThat(armV7.matches("windows", "arm", "v7")).isFalse();
  }

  @Test
  void host_namesArchitectureTheOciWay() {
    assertThat(Platform.host().os()).isEqualTo("linux");
    assertThat(Platform.host().architecture()).isNotIn("x86_64", "aarch64");
  }
}
