package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withNetwork;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.NetworkDefinition;
import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServiceNetwork;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkWarningsTest {
  @TempDir Path state;
  private EngineHarness h;

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void up_showsTheDriversHostWarningOnceWhateverTheNumberOfNetworks() throws Exception {
    h = new EngineHarness(state, 0, null);
    h.infra.networkWarnings.add("neither nft nor iptables is installed");
    Project p =
        withNetwork(
            project(
                "warn",
                service("web")
                    .networks(
                        Map.of("default", ServiceNetwork.plain(), "back", ServiceNetwork.plain()))),
            NetworkDefinition.bridge("back", "warn_back"));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    assertThat(h.progress)
        .filteredOn(e -> e.kind() == ProgressEvent.Kind.WARNING)
        .extracting(ProgressEvent::detail)
        .containsExactly("neither nft nor iptables is installed");
    assertThat(h.infra.networks).containsKeys("warn_default", "warn_back");
  }

  @Test
  void up_showsNoWarningWhenTheDriverHasNone() throws Exception {
    h = new EngineHarness(state, 0, null);

    await(h.engine.up(project("calm", service("web")), UpOptions.defaults(), h.progress::add));

    assertThat(h.progress).noneMatch(e -> e.kind() == ProgressEvent.Kind.WARNING);
  }
}
