package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownTest {

  @TempDir Path state;
  private EngineHarness h;

  @BeforeEach
  void open() {
    h = new EngineHarness(state, 0, null);
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void down_removesEndpointsWithoutFirstMarkingThemStopped() throws Exception {
    Project p = project("shop", service("web"), service("db"), service("cache"));
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
    assertThat(h.infra.dnsRunning).hasSize(3);

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));

    assertThat(h.runtime.names()).isEmpty();
    assertThat(h.infra.attachments).isEmpty();
    assertThat(h.infra.dnsRunning).isEmpty();
    assertThat(h.infra.markedStopped).isEmpty();
  }

  @Test
  void downOfSomeServices_leavesNoDetachedEndpointBehindWhenItReturns() throws Exception {
    Project p = project("shop", service("web"), service("db"));
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    await(
        h.engine.down(
            "shop", new DownOptions(p, List.of("web"), false, false, null, null), h.progress::add));

    assertThat(h.infra.attachments).hasSize(1);
    assertThat(h.infra.detachedNotPurged).isEmpty();
  }

  @Test
  void down_leavesNoDetachedEndpointBehindWhenItReturns() throws Exception {
    Project p = project("shop", service("web"), service("db"));
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));

    assertThat(h.infra.detachedNotPurged).isEmpty();
  }

  @Test
  void up_marksDnsStoppedOnlyForContainersThatWaitBeforeStarting() throws Exception {
    Project p =
        project("shop", service("db"), service("web").dependsOn(deps("db", "service_started")));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    assertThat(h.infra.markedStopped)
        .singleElement()
        .isEqualTo(
            await(h.engine.ps("shop", new PsOptions(List.of("web"), true)))
                .get(0)
                .labels()
                .get(ContainerNetworking.NETWORK_KEY));
    assertThat(h.infra.dnsRunning).hasSize(2);
  }

  @Test
  void stop_stillMarksDnsStoppedForContainersThatStay() throws Exception {
    Project p = project("shop", service("web"), service("db"));
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    await(h.engine.stop("shop", new StopOptions(p, List.of(), null), h.progress::add));

    assertThat(h.infra.markedStopped).hasSize(2).doesNotHaveDuplicates();
    assertThat(h.infra.dnsRunning).isEmpty();
    assertThat(h.infra.attachments).hasSize(2);
  }
}
