package io.jcompose.runtime.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrnoTextTest {

  @Test
  void of_namesTheErrnoWithItsDescription_orFallsBackToTheNumber() {
    assertThat(ErrnoText.of(17)).isEqualTo("File exists (EEXIST)");
    assertThat(ErrnoText.of(1)).isEqualTo("Operation not permitted (EPERM)");
    assertThat(ErrnoText.of(99999)).isEqualTo("errno 99999");
  }
}
