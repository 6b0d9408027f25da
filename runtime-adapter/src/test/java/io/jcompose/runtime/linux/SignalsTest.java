package io.jcompose.runtime.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.runtime.api.RuntimeFailure;
import org.junit.jupiter.api.Test;

class SignalsTest {
  @Test
  void parse_acceptsNamesWithAndWithoutPrefixAndNumbers() {
    assertThat(Signals.parse("SIGTERM")).isEqualTo(15);
    assertThat(Signals.parse("hup")).isEqualTo(1);
    assertThat(Signals.parse("9")).isEqualTo(9);
    assertThat(Signals.parse("SIGRTMIN+2")).isEqualTo(36);
  }

  @Test
  void parse_refusesUnknownSignals() {
    assertThatThrownBy(() -> Signals.parse("SIGFOO"))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("SIGFOO");
  }
}
