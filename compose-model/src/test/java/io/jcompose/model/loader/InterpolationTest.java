package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterpolationTest {
  @TempDir Path tmp;

  private final List<String> unset = new ArrayList<>();
  private final VariableSubstitution subst =
      new VariableSubstitution(Map.of("SET", "v", "EMPTY", "")::get, unset::add);

  @Test
  void everyOperator_behavesLikeAShell() throws Exception {
    assertThat(subst.expand("$SET ${SET} ${SET}x")).isEqualTo("v v vx");
    assertThat(subst.expand("${EMPTY:-d} ${EMPTY-d} ${NONE-d} ${NONE:-d}")).isEqualTo("d  d d");
    assertThat(subst.expand("${SET:+alt} ${EMPTY:+alt} ${EMPTY+alt} ${NONE+alt}"))
        .isEqualTo("alt  alt ");
    assertThat(subst.expand("${NONE:-${ALSO:-${SET}}}")).isEqualTo("v");
    assertThat(subst.expand("$$SET costs $$5 and $ alone")).isEqualTo("$SET costs $5 and $ alone");
    assertThat(subst.expand("${SET:?boom} ${EMPTY?boom}")).isEqualTo("v ");
  }

  @Test
  void questionForms_failWithTheUsersMessage() {
    assertThatThrownBy(() -> subst.expand("${NONE:?please set NONE}"))
        .hasMessage("required variable NONE is missing a value: please set NONE");
    assertThatThrownBy(() -> subst.expand("${EMPTY:?}"))
        .hasMessage("required variable EMPTY is missing a value");
  }

  @Test
  void unsetVariable_becomesEmptyAndIsReported() throws Exception {
    assertThat(subst.expand("a${NONE}b$NONE")).isEqualTo("ab");
    assertThat(unset).containsExactly("NONE", "NONE");
  }

  @Test
  void unsetVariable_warnsOncePerProject() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .compose("services:\n  web:\n    image: nginx:${TAG}\n    labels: [\"v=${TAG}\"]\n")
            .load();

    assertThat(p.service("web").image()).isEqualTo("nginx:");
    assertThat(p.warnings())
        .containsExactly("The \"TAG\" variable is not set. Defaulting to a blank string.");
  }

  @Test
  void keysAreNeverInterpolated() throws Exception {
    Project p =
        new ComposeFixture(tmp)
            .var("K", "value")
            .compose("services:\n  web:\n    image: nginx\n    labels:\n      \"${K}\": \"${K}\"\n")
            .load();

    assertThat(p.service("web").labels()).containsEntry("${K}", "value");
  }

  @Test
  void noInterpolate_keepsTheText() throws Exception {
    ComposeFixture fx =
        new ComposeFixture(tmp).compose("services:\n  web:\n    image: nginx:${TAG:-1}\n");

    assertThat(fx.load(fx.options().withNoInterpolate(true)).service("web").image())
        .isEqualTo("nginx:${TAG:-1}");
  }
}
