package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityOptsTest {

  @TempDir Path state;
  private EngineHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void seccompUnconfined_isReadInBothOfDockersSpellings() {
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp=unconfined")).isTrue();
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp:unconfined")).isTrue();
    assertThat(SecurityOpts.isSeccompUnconfined("seccomp=/etc/profile.json")).isFalse();
  }

  @Test
  void noNewPrivileges_isReadInEveryOfDockersSpellings() {
    assertThat(SecurityOpts.isNoNewPrivileges("no-new-privileges")).isTrue();
    assertThat(SecurityOpts.isNoNewPrivileges("no-new-privileges:true")).isTrue();
    assertThat(SecurityOpts.isNoNewPrivileges("no-new-privileges=true")).isTrue();
    assertThat(SecurityOpts.isNoNewPrivileges("no-new-privileges=false")).isFalse();
    assertThat(SecurityOpts.isNoNewPrivileges("no-new-privileges:false")).isFalse();
    assertThat(SecurityOpts.isApplied("no-new-privileges=false")).isTrue();
  }

  @Test
  void profileFilesAndLabels_areNotApplied() {
    assertThat(SecurityOpts.isApplied("no-new-privileges:true")).isTrue();
    assertThat(SecurityOpts.isApplied("seccomp=unconfined")).isTrue();
    assertThat(SecurityOpts.isApplied("seccomp=/etc/profile.json")).isFalse();
    assertThat(SecurityOpts.isApplied("apparmor=unconfined")).isFalse();
    assertThat(SecurityOpts.isApplied("no-new-privileges:false")).isTrue();
  }

  @Test
  void up_seccompUnconfinedReachesTheContainerSpecWithoutAWarning() throws Exception {
    h = new EngineHarness(state, 0, null);
    var service = service("web").securityOpt(List.of("seccomp=unconfined", "no-new-privileges"));
    await(h.engine.up(project("shop", service), UpOptions.defaults(), h.progress::add));
    var security = h.runtime.spec("shop-web-1").security();
    assertThat(security.seccompUnconfined()).isTrue();
    assertThat(security.noNewPrivileges()).isTrue();
    assertThat(h.progress).noneMatch(e -> String.valueOf(e.detail()).contains("security_opt"));
  }

  @Test
  void up_seccompProfileFileIsWarnedAboutAndTheDefaultFilterKept() throws Exception {
    h = new EngineHarness(state, 0, null);
    var service = service("web").securityOpt(List.of("seccomp=/etc/profile.json"));
    await(h.engine.up(project("shop", service), UpOptions.defaults(), h.progress::add));
    assertThat(h.runtime.spec("shop-web-1").security().seccompUnconfined()).isFalse();
    assertThat(h.progress)
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .startsWith("services.web.security_opt (only no-new-privileges and seccomp")
                    .contains("Docker's default filter applies"));
  }
}
