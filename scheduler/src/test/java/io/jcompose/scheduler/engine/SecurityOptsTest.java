package io.jcompose.scheduler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecurityOptsTest {

  @Test
  void seccompUnconfined_isReadInBothOfDockersSpellings() {
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp=unconfined")).isTrue();
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp:unconfined")).isTrue();
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp=/etc/profile.json")).isFalse();
  }

  @Test
  void profileFilesAndLabels_areNotApplied() {
    assertThat(SecurityOpts.isApplied("no-new-privileges:true")).isTrue();
    assertThat(SecurityOpts.isApplied("seccomp=unconfined")).isTrue();
    assertThat(SecurityOpts.isApplied("seccomp=/etc/profile.json")).isFalse();
    assertThat(SecurityOpts.isApplied("apparmor=unconfined")).isFalse();
    assertThat(SecurityOpts.isApplied("no-new-privileges:false")).isFalse();
  }
}
