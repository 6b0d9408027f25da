package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.ServicePort;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.PortPublisher;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.RunOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --service-ports} opens the host ports before the one-off's process starts. */
class PortsRunTest {

  private static final String RUN = "shop-b-run-x";
  private static final String TAKEN =
      "service b: host port 0.0.0.0:8080/tcp is already in use by pid 4242 (nc); stop it or"
          + " publish another host port";
  private static final Project PROJECT =
      project("shop", service("b").ports(List.of(ServicePort.tcp(80, "8080"))));

  @TempDir Path state;
  private EngineHarness h;

  @BeforeEach
  void harness() {
    h = new EngineHarness(state, 0, null);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private static RunOptions servicePorts(boolean detach, boolean autoRemove, boolean attach) {
    return new RunOptions(
        "b",
        List.of("sleep", "1"),
        null,
        Map.of(),
        Map.of(),
        RUN,
        null,
        null,
        false,
        detach,
        autoRemove,
        true,
        true,
        attach);
  }

  private void run(RunOptions options) throws Exception {
    await(h.engine.run(PROJECT, options, line -> {}, h.progress::add));
  }

  private void runAttached(boolean autoRemove) throws Exception {
    run(servicePorts(false, autoRemove, true));
    await(h.engine.runAttached("shop", RUN, autoRemove, 0, 0));
  }

  private String netKey() {
    return h.runtime.spec(RUN).labels().get(ContainerNetworking.NETWORK_KEY);
  }

  private ContainerSummary ps() throws Exception {
    return await(h.engine.ps("shop", new PsOptions(List.of(), true))).stream()
        .filter(c -> c.name().equals(RUN))
        .findFirst()
        .orElseThrow();
  }

  private void assertNothingOpenAndNotStarted() {
    assertThat(h.runtime.calls("start")).doesNotContain(RUN);
    assertThat(h.infra.published).isEmpty();
    assertThat(h.infra.dnsRunning).isEmpty();
  }

  @Test
  void runDetached_withATakenHostPortFailsBeforeTheStartAndRemovesTheOneOffWithRm() {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");

    assertThatThrownBy(() -> run(servicePorts(true, true, false)))
        .isInstanceOf(ConflictException.class)
        .hasMessage(TAKEN);

    assertNothingOpenAndNotStarted();
    assertThat(h.runtime.names()).doesNotContain(RUN);
  }

  @Test
  void runDetached_withATakenHostPortLeavesTheOneOffCreatedWithoutRm() throws Exception {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");

    assertThatThrownBy(() -> run(servicePorts(true, false, false))).hasMessage(TAKEN);

    assertNothingOpenAndNotStarted();
    assertThat(ps().state()).isEqualTo("created");
    assertThat(ps().publishers()).isEmpty();
  }

  @Test
  void runAttached_withATakenHostPortFailsBeforeTheStartAndRemovesTheOneOffWithRm() {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");

    assertThatThrownBy(() -> runAttached(true))
        .isInstanceOf(ConflictException.class)
        .hasMessage(TAKEN);

    assertNothingOpenAndNotStarted();
    assertThat(h.runtime.names()).doesNotContain(RUN);
  }

  @Test
  void runAttached_withATakenHostPortLeavesTheOneOffCreatedWithNothingOpenWithoutRm()
      throws Exception {
    h.infra.heldByOthers.put(8080, "pid 4242 (nc)");

    assertThatThrownBy(() -> runAttached(false)).hasMessage(TAKEN);

    assertNothingOpenAndNotStarted();
    assertThat(ps().state()).isEqualTo("created");
  }

  @Test
  void runAttached_publishesTheServicePortsAndAnswersInDns() throws Exception {
    runAttached(false);

    assertThat(ps().state()).isEqualTo("running");
    assertThat(ps().publishers()).containsExactly(new PortPublisher("0.0.0.0", 80, 8080, "tcp"));
    assertThat(h.infra.published).containsKey(netKey());
    assertThat(h.infra.dnsRunning).contains(netKey());
  }
}
