package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.health.api.ManualTicker;
import io.jcompose.model.api.Deploy;
import io.jcompose.model.api.Project;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.InvalidProjectException;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartPolicyTest {

  @TempDir Path state;
  private final ManualTicker ticker = new ManualTicker();
  private EngineHarness h;

  @BeforeEach
  void open() {
    h = new EngineHarness(state, 0, ticker);
  }

  @AfterEach
  void close() {
    h.close();
  }

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  private int starts() {
    return h.runtime.calls("start").size();
  }

  private ContainerSummary web(io.jcompose.scheduler.api.ComposeEngine engine) throws Exception {
    return await(engine.ps("shop", new PsOptions(List.of(), true))).get(0);
  }

  @Test
  void alwaysRestartsWithDoublingBackoffAndCountsRestarts() throws Exception {
    up(project("shop", service("web").restart("always")));

    h.runtime.exit("shop-web-1", 1);
    ticker.advance(Duration.ofMillis(99));
    assertThat(starts()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(1));
    assertThat(starts()).isEqualTo(2);

    h.runtime.exit("shop-web-1", 0);
    ticker.advance(Duration.ofMillis(199));
    assertThat(starts()).isEqualTo(2);
    ticker.advance(Duration.ofMillis(1));
    assertThat(starts()).isEqualTo(3);

    h.runtime.exit("shop-web-1", 0);
    ticker.advance(Duration.ofMillis(400));
    assertThat(starts()).isEqualTo(4);
    assertThat(web(h.engine).restartCount()).isEqualTo(3);
    assertThat(web(h.engine).state()).isEqualTo("running");
  }

  @Test
  void backoffStartsOverAfterTenSecondsOfRunning() throws Exception {
    up(project("shop", service("web").restart("always")));
    h.runtime.exit("shop-web-1", 1);
    ticker.advance(Duration.ofMillis(100));
    h.runtime.exit("shop-web-1", 1);
    ticker.advance(Duration.ofMillis(200));
    assertThat(starts()).isEqualTo(3);

    ticker.advance(Duration.ofSeconds(10));
    h.runtime.exit("shop-web-1", 1);
    ticker.advance(Duration.ofMillis(100));

    assertThat(starts()).isEqualTo(4);
  }

  @Test
  void onFailureStopsAfterMaxRetriesAndIgnoresCleanExits() throws Exception {
    up(
        project(
            "shop", service("web").restart("on-failure:2"), service("job").restart("on-failure")));

    h.runtime.exit("shop-job-1", 0);
    ticker.advance(Duration.ofSeconds(1));
    assertThat(h.runtime.calls("start")).containsOnlyOnce("shop-job-1");

    for (int i = 0; i < 3; i++) {
      h.runtime.exit("shop-web-1", 2);
      ticker.advance(Duration.ofSeconds(1));
    }
    assertThat(h.runtime.calls("start").stream().filter("shop-web-1"::equals)).hasSize(3);
  }

  @Test
  void deployRestartPolicyWinsAndUsesItsDelay() throws Exception {
    Deploy deploy =
        new Deploy(
            null,
            null,
            null,
            null,
            null,
            new Deploy.RestartPolicy("any", Duration.ofSeconds(2), null, null),
            null,
            null,
            null);
    up(project("shop", service("web").restart("no").deploy(deploy)));

    h.runtime.exit("shop-web-1", 0);
    ticker.advance(Duration.ofMillis(1999));
    assertThat(starts()).isEqualTo(1);
    ticker.advance(Duration.ofMillis(1));
    assertThat(starts()).isEqualTo(2);
  }

  @Test
  void userStopIsNeverUndoneByThePolicy() throws Exception {
    up(project("shop", service("web").restart("always")));

    await(h.engine.stop("shop", new StopOptions(null, List.of(), null), h.progress::add));
    ticker.advance(Duration.ofMinutes(2));

    assertThat(starts()).isEqualTo(1);
  }

  @Test
  void restartCountSurvivesADaemonRestartAndAlwaysComesBack() throws Exception {
    up(project("shop", service("web").restart("always")));
    h.runtime.exit("shop-web-1", 1);
    ticker.advance(Duration.ofMillis(100));
    String id = web(h.engine).id();
    Path record = state.resolve("containers").resolve(id + ".json");
    for (int i = 0; i < 100 && !Files.exists(record); i++) {
      Thread.sleep(20);
    }
    // The daemon dies; the container exits while nobody watches.
    h.runtime.exit("shop-web-1", 1);

    RuntimeComposeEngine again =
        RuntimeComposeEngine.create(
            h.vertx,
            new EngineRuntime(
                h.runtime,
                h.infra.imageStore,
                null,
                h.infra.volumeStore,
                h.infra.networkDriver,
                h.infra.ports),
            state,
            0,
            ticker);
    await(again.adopt());

    assertThat(starts()).isEqualTo(3);
    assertThat(web(again).restartCount()).isEqualTo(1);
    assertThat(web(again).state()).isEqualTo("running");
  }

  @Test
  void adoptedRunningContainerKeepsItsPublishedPortsAndHealth() throws Exception {
    up(
        project(
            "shop",
            service("web")
                .ports(List.of(io.jcompose.model.api.ServicePort.tcp(80, "8080")))
                .healthcheck(io.jcompose.scheduler.TestProjects.health("true"))));
    ticker.advance(Duration.ofMillis(200));

    RuntimeComposeEngine again =
        RuntimeComposeEngine.create(
            h.vertx,
            new EngineRuntime(
                h.runtime,
                h.infra.imageStore,
                null,
                h.infra.volumeStore,
                h.infra.networkDriver,
                h.infra.ports),
            state,
            0,
            ticker);
    await(again.adopt());
    ticker.advance(Duration.ofMillis(200));

    ContainerSummary web = web(again);
    assertThat(web.publishers())
        .singleElement()
        .satisfies(p -> assertThat(p.publishedPort()).isEqualTo(8080));
    assertThat(web.health()).isEqualTo("healthy");
    assertThat(starts()).isEqualTo(1);
    assertThat(h.infra.publishCalls.get()).isEqualTo(1);
  }

  @Test
  void unknownPolicyIsAOneLineError() {
    assertThatThrownBy(() -> up(project("shop", service("web").restart("sometimes"))))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessage(
            "services.web.restart: unknown policy \"sometimes\"; use no, always, on-failure[:max] or"
                + " unless-stopped");
  }
}
