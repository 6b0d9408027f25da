package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.scheduler.api.ContainerDetails;
import io.jcompose.scheduler.api.ContainerEvent;
import io.jcompose.scheduler.api.EventsOptions;
import io.jcompose.scheduler.api.ExecOptions;
import io.jcompose.scheduler.api.ExecResult;
import io.jcompose.scheduler.api.KillOptions;
import io.jcompose.scheduler.api.ListOptions;
import io.jcompose.scheduler.api.LogEntry;
import io.jcompose.scheduler.api.LogsOptions;
import io.jcompose.scheduler.api.PauseOptions;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.RunOptions;
import io.jcompose.scheduler.api.RunResult;
import io.jcompose.scheduler.api.StackSummary;
import io.jcompose.scheduler.api.UpOptions;
import io.jcompose.scheduler.api.WaitOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerbsTest {

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

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  @Test
  void imageHealthcheckIsInheritedAndItsProbeLogShowsInInspect() throws Exception {
    h.infra.imageConfigs.put(
        "healthy-image",
        new ImageConfig(
            List.of(),
            List.of(),
            List.of("sh"),
            null,
            null,
            Set.of(),
            Set.of(),
            List.of("CMD-SHELL", "true"),
            100_000_000L,
            0,
            0,
            1,
            null,
            Map.of()));
    Project p =
        project(
            "shop",
            service("db").image("healthy-image"),
            service("api").dependsOn(deps("db", "service_healthy")));

    up(p);

    ContainerDetails db = await(h.engine.inspect("shop", "shop-db-1"));
    assertThat(db.summary().health()).isEqualTo("healthy");
    assertThat(db.healthLog()).isNotEmpty().allSatisfy(r -> assertThat(r.exitCode()).isZero());
    assertThat(db.summary().status()).endsWith("(healthy)");
  }

  @Test
  void logsAndExecReachTheServiceContainers() throws Exception {
    up(project("shop", service("web")));
    List<LogEntry> lines = new CopyOnWriteArrayList<>();

    await(
        await(
                h.engine.logs(
                    "shop", new LogsOptions(List.of(), 0, false, -1, null, null), lines::add))
            .ended());
    ExecResult r =
        await(
            h.engine.exec(
                "shop",
                new ExecOptions("web", 0, List.of("true"), null, null, null, false, false, false),
                lines::add));

    assertThat(lines).extracting(LogEntry::text).contains("hello from shop-web-1", "exit 0");
    assertThat(r.exitCode()).isZero();
    assertThatThrownBy(
            () ->
                await(
                    h.engine.exec(
                        "shop",
                        new ExecOptions(
                            "nope", 0, List.of("true"), null, null, null, false, false, false),
                        lines::add)))
        .hasMessageContaining("service \"nope\" has no running container");
  }

  @Test
  void runStartsDependenciesThenAOneOffAndRemovesItWithRm() throws Exception {
    Project p =
        project("shop", service("db"), service("tool").dependsOn(deps("db", "service_started")));
    h.runtime.exitAfterStart.put("shop-tool-run-x", 7);

    RunResult r =
        await(
            h.engine.run(
                p,
                new RunOptions(
                    "tool",
                    List.of("echo", "hi"),
                    null,
                    Map.of("X", "1"),
                    Map.of(),
                    "shop-tool-run-x",
                    null,
                    null,
                    false,
                    false,
                    true,
                    false,
                    false),
                line -> {},
                h.progress::add));

    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(h.runtime.calls("start")).containsExactly("shop-db-1", "shop-tool-run-x");
    assertThat(h.runtime.names()).containsExactly("shop-db-1");
    List<String> ps =
        await(h.engine.ps("shop", new PsOptions(List.of(), true))).stream()
            .map(c -> c.name())
            .toList();
    assertThat(ps).containsExactly("shop-db-1");
  }

  @Test
  void eventsPauseKillWaitAndLsReportTheLifecycle() throws Exception {
    up(project("shop", service("web"), service("job")));
    List<ContainerEvent> events = new CopyOnWriteArrayList<>();
    var sub = await(h.engine.events("shop", new EventsOptions(List.of("web")), events::add));

    await(h.engine.pause("shop", new PauseOptions(List.of("web")), h.progress::add));
    assertThat(await(h.engine.ps("shop", new PsOptions(List.of("web"), false))))
        .singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo("paused"));
    await(h.engine.unpause("shop", new PauseOptions(List.of("web")), h.progress::add));
    var exitCode = h.engine.wait("shop", new WaitOptions(List.of("web"), false));
    await(
        h.engine.kill("shop", new KillOptions(List.of("web"), "SIGKILL", false), h.progress::add));
    sub.close();

    assertThat(await(exitCode)).isEqualTo(137);
    assertThat(events)
        .extracting(ContainerEvent::action)
        .containsSubsequence("pause", "unpause", "die");
    assertThat(events).allSatisfy(e -> assertThat(e.service()).isEqualTo("web"));
    List<StackSummary> stacks = await(h.engine.ls(new ListOptions(false)));
    assertThat(stacks)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.name()).isEqualTo("shop");
              assertThat(s.status()).isEqualTo("exited(1), running(1)");
            });
  }

  @Test
  void upWaitReturnsOnceHealthyAndFailsNamingAnUnhealthyContainer() throws Exception {
    UpOptions wait =
        new UpOptions(
            null,
            new io.jcompose.scheduler.api.StartOptions(
                null, List.of(), false, true, java.time.Duration.ofSeconds(5)));
    Project p =
        project(
            "shop", service("db").healthcheck(io.jcompose.scheduler.TestProjects.health("true")));

    await(h.engine.up(p, wait, h.progress::add));
    assertThat(await(h.engine.ps("shop", new PsOptions(List.of(), false))).get(0).health())
        .isEqualTo("healthy");

    h.runtime.probes = (name, argv) -> 1;
    Project bad =
        project(
            "bad", service("db").healthcheck(io.jcompose.scheduler.TestProjects.health("false")));
    assertThatThrownBy(() -> await(h.engine.up(bad, wait, h.progress::add)))
        .hasMessage("container bad-db-1 is unhealthy");
  }

  @Test
  void linkAliasAnswersForTheLinkedService() throws Exception {
    up(project("shop", service("db"), service("web").links(List.of("db:database"))));

    assertThat(h.infra.attachments.values())
        .anySatisfy(
            a -> assertThat(a.endpoints().get(0).aliases()).containsExactly("db", "database"));
  }

  @Test
  void unknownServiceInUpIsAOneLineError() {
    assertThatThrownBy(
            () ->
                await(
                    h.engine.up(
                        project("shop", service("web")),
                        new UpOptions(
                            new io.jcompose.scheduler.api.CreateOptions(
                                List.of("wbe"), null, null, null, false, false, null, null, 0),
                            null),
                        h.progress::add)))
        .hasMessage("no such service: wbe; services are [web]");
  }
}
