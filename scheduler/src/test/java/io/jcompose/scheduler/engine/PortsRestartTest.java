package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.health.api.ManualTicker;
import io.jcompose.model.api.ServicePort;
import io.jcompose.scheduler.api.ContainerEvent;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.api.PortPublisher;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart by the restart policy opens the host ports before the process, as a start does. */
class PortsRestartTest {

  private static final String TAKEN =
      "service b: host port 0.0.0.0:8080/tcp is already in use by pid 4242 (nc); stop it or"
          + " publish another host port";

  @TempDir Path state;
  private final ManualTicker ticker = new ManualTicker();
  private final List<ContainerEvent> events = new CopyOnWriteArrayList<>();
  private EngineHarness h;

  @BeforeEach
  void upWithRestartAlways() throws Exception {
    h = new EngineHarness(state, 0, ticker);
    await(
        h.engine.up(
            project(
                "shop", service("b").restart("always").ports(List.of(ServicePort.tcp(80, "8080")))),
            UpOptions.defaults(),
            h.progress::add));
    await(h.engine.events("shop", new EventsOptions(List.of()), events::add));
  }

  @AfterEach
  void close() {
    h.close();
  }

  private String netKey() {
    return h.runtime.spec("shop-b-1").labels().get(ContainerNetworking.NETWORK_KEY);
  }

  private ContainerSummary b() throws Exception {
    return await(h.engine.ps("shop", new PsOptions(List.of(), true))).get(0);
  }

  private int starts() {
    return h.runtime.calls("start").size();
  }

  /** The container exits while someone else takes its host port; its first restart is due. */
  private void exitWhilePortIsTaken() {
    h.runtime.exit("shop-b-1", 1);
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");
    ticker.advance(Duration.ofMillis(100));
  }

  @Test
  void restart_withItsHostPortTakenDoesNotStartTheProcessAndLeavesNoPortAndNoDnsAnswer()
      throws Exception {
    exitWhilePortIsTaken();

    assertThat(starts()).isEqualTo(1);
    assertThat(b().state()).isEqualTo("restarting");
    assertThat(b().publishers()).isEmpty();
    assertThat(h.infra.published).doesNotContainKey(netKey());
    assertThat(h.infra.dnsRunning).doesNotContain(netKey());
    assertThat(events)
        .filteredOn(e -> e.action().equals("restart_failed"))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("error", TAKEN));
  }

  @Test
  void restart_keepsTryingWithTheBackoffAndRunsWithItsPortOnceThePortIsFree() throws Exception {
    exitWhilePortIsTaken();
    ticker.advance(Duration.ofMillis(200));
    assertThat(starts()).isEqualTo(1);
    assertThat(events).filteredOn(e -> e.action().equals("restart_failed")).hasSize(2);

    h.infra.heldByOthers.clear();
    ticker.advance(Duration.ofMillis(399));
    assertThat(starts()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(1));

    assertThat(starts()).isEqualTo(2);
    assertThat(b().state()).isEqualTo("running");
    assertThat(b().publishers()).containsExactly(new PortPublisher("0.0.0.0", 80, 8080, "tcp"));
    assertThat(h.infra.dnsRunning).contains(netKey());
  }

  @Test
  void stop_endsTheRetriesOfARestartThatCouldNotGetItsPort() throws Exception {
    exitWhilePortIsTaken();

    await(h.engine.stop("shop", new StopOptions(null, List.of(), null), h.progress::add));
    h.infra.heldByOthers.clear();
    ticker.advance(Duration.ofMinutes(2));

    assertThat(starts()).isEqualTo(1);
    assertThat(b().state()).isEqualTo("exited");
    assertThat(h.infra.published).doesNotContainKey(netKey());
  }
}
