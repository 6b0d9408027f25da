package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.health;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.PsOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpTest {

  @TempDir Path state;
  private EngineHarness h;

  private EngineHarness harness(int parallel) {
    h = new EngineHarness(state, parallel, null);
    return h;
  }

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  private void up(Project p) throws Exception {
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
  }

  @Test
  void up_startsDependentWithin50msOfDependencyTurningHealthy() throws Exception {
    harness(0);
    // Loads and compiles the code path once, so the figure below measures the engine, not the JIT.
    up(
        project(
            "warm",
            service("a").healthcheck(health("true")),
            service("b").dependsOn(deps("a", "service_healthy"))));
    AtomicBoolean ready = new AtomicBoolean();
    AtomicLong healthyAt = new AtomicLong();
    h.runtime.probes = (name, argv) -> name.equals("shop-db-1") && !ready.get() ? 1 : 0;
    h.vertx.setTimer(300, t -> ready.set(true));
    Project p =
        project(
            "shop",
            service("db")
                .healthcheck(
                    new io.jcompose.model.api.Healthcheck(
                        List.of("CMD", "test", "-f", "/ready"),
                        java.time.Duration.ofMillis(100),
                        null,
                        null,
                        null,
                        50,
                        false)),
            service("api").dependsOn(deps("db", "service_healthy")));
    h.engine.events(
        "shop",
        new io.jcompose.scheduler.api.EventsOptions(List.of()),
        e -> {
          if (e.action().equals("health_status: healthy")) {
            healthyAt.compareAndSet(0, System.nanoTime());
          }
        });

    up(p);

    long apiStart = h.runtime.startedAt("shop-api-1");
    System.err.println(
        "HEALTHY " + healthyAt.get() + " CALLS " + h.runtime.calls + " " + h.progress);
    assertThat(healthyAt.get()).isPositive();
    assertThat(apiStart).isGreaterThan(healthyAt.get());
    assertThat((apiStart - healthyAt.get()) / 1_000_000).isLessThan(50);
    assertThat(h.progressLines())
        .contains("Container shop-db-1 Waiting", "Container shop-db-1 Healthy");
  }

  @Test
  void up_failsNamingTheServiceWhenServiceHealthyDependencyHasNoHealthcheck() throws Exception {
    harness(0);
    Project p =
        project("shop", service("db"), service("api").dependsOn(deps("db", "service_healthy")));

    assertThatThrownBy(() -> up(p))
        .hasMessage(
            "service \"api\" cannot start: dependency \"db\" has no healthcheck, so it can never be"
                + " healthy; add a healthcheck to db or use condition: service_started");
    assertThat(h.runtime.calls("start")).containsExactly("shop-db-1");
    assertThat(h.runtime.names()).contains("shop-api-1");
  }

  @Test
  void up_failsWhenDependencyTurnsUnhealthyAndDoesNotStartItsDependents() throws Exception {
    harness(0);
    h.runtime.probes = (name, argv) -> 1;
    Project p =
        project(
            "shop",
            service("db").healthcheck(health("exit 1")),
            service("api").dependsOn(deps("db", "service_healthy")),
            service("worker").dependsOn(deps("api", "service_started")));

    assertThatThrownBy(() -> up(p))
        .hasMessage(
            "service \"api\" cannot start: dependency \"db\" is unhealthy (container shop-db-1)");
    assertThat(h.runtime.calls("start")).containsExactly("shop-db-1");
  }

  @Test
  void up_waitsForCompletionAndFailsOnNonZeroExit() throws Exception {
    harness(0);
    Project p =
        project(
            "shop",
            service("migrate"),
            service("api").dependsOn(deps("migrate", "service_completed_successfully")));
    h.runtime.exitAfterStart.put("shop-migrate-1", 3);

    try {
      up(p);
    } catch (Exception e) {
      System.err.println("GOT " + e);
    }
    System.err.println("PROGRESS " + h.progressLines() + " CALLS " + h.runtime.calls);
    assertThatThrownBy(() -> up(p))
        .hasMessage(
            "service \"api\" cannot start: dependency \"migrate\" did not complete successfully:"
                + " exit 3 (container shop-migrate-1)");
    assertThat(h.runtime.calls("start")).doesNotContain("shop-api-1");
  }

  @Test
  void up_startsAfterDependencyCompletedSuccessfully() throws Exception {
    harness(0);
    Project p =
        project(
            "shop",
            service("migrate"),
            service("api").dependsOn(deps("migrate", "service_completed_successfully")));
    h.runtime.exitAfterStart.put("shop-migrate-1", 0);

    up(p);

    assertThat(h.runtime.startedAt("shop-api-1"))
        .isGreaterThan(
            h.runtime.calls.stream()
                .filter(c -> c.verb().equals("exit"))
                .findFirst()
                .orElseThrow()
                .nanos());
  }

  @Test
  void up_optionalDependencyFailingWarnsAndStartsTheDependentAnyway() throws Exception {
    harness(0);
    h.runtime.probes = (name, argv) -> 1;
    Project p =
        project(
            "shop",
            service("db").healthcheck(health("exit 1")),
            service("api")
                .dependsOn(Map.of("db", new ServiceDependency("service_healthy", false, false))));

    up(p);

    assertThat(h.runtime.calls("start")).containsExactly("shop-db-1", "shop-api-1");
    assertThat(h.progress)
        .anySatisfy(e -> assertThat(e.detail()).contains("optional dependency \"db\" failed"));
  }

  @Test
  void up_neverRunsMoreStartsAtOnceThanTheParallelLimit() throws Exception {
    harness(3);
    h.runtime.startDelay = java.time.Duration.ofMillis(30);
    List<Service.Builder> services = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      services.add(service("s" + i));
    }

    up(project("flat", services.toArray(Service.Builder[]::new)));

    assertThat(h.runtime.calls("start")).hasSize(12);
    assertThat(h.runtime.peakInFlight()).isEqualTo(3);
  }

  @Test
  void up_fiveHundredServicesStartEachAfterItsDependencies() throws Exception {
    harness(0);
    List<Service.Builder> services = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Service.Builder b = service(String.format("s%03d", i));
      if (i >= 10) {
        b.dependsOn(
            deps(
                String.format("s%03d", i - 10), "service_started",
                String.format("s%03d", (i * 7) % (i - 9)), "service_started"));
      }
      services.add(b);
    }
    Project p = project("big", services.toArray(Service.Builder[]::new));

    up(p);

    List<String> started = h.runtime.calls("start");
    assertThat(started).hasSize(500);
    for (Service s : p.services().values()) {
      for (String dep : s.dependsOn().keySet()) {
        assertThat(started.indexOf("big-" + dep + "-1"))
            .isLessThan(started.indexOf("big-" + s.name() + "-1"));
      }
    }
  }

  @Test
  void up_givesContainersComposeLabelsNetworkAliasesAndPublishedPorts() throws Exception {
    harness(0);
    Project p =
        project(
            "shop",
            service("web")
                .ports(List.of(io.jcompose.model.api.ServicePort.tcp(80, "8080")))
                .environment(Map.of("A", "b")));

    up(p);

    var spec = h.runtime.spec("shop-web-1");
    assertThat(spec.labels())
        .containsEntry("com.docker.compose.project", "shop")
        .containsEntry("com.docker.compose.service", "web")
        .containsEntry("com.docker.compose.container-number", "1")
        .containsEntry("com.docker.compose.oneoff", "False")
        .containsKey("com.docker.compose.config-hash");
    assertThat(spec.environment()).containsEntry("A", "b");
    assertThat(spec.networkNamespace()).isNotNull();
    assertThat(h.infra.networks).containsKey("shop_default");
    assertThat(h.infra.attachments.values())
        .singleElement()
        .satisfies(a -> assertThat(a.endpoints().get(0).aliases()).contains("web"));
    List<ContainerSummary> ps = await(h.engine.ps("shop", new PsOptions(List.of(), false)));
    assertThat(ps)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.state()).isEqualTo("running");
              assertThat(c.publishers())
                  .singleElement()
                  .satisfies(pp -> assertThat(pp.publishedPort()).isEqualTo(8080));
            });
  }

  @Test
  void up_portConflictFailsWithOneLineAndDownCleansUp() throws Exception {
    harness(0);
    Project p =
        project(
            "shop",
            service("a").ports(List.of(io.jcompose.model.api.ServicePort.tcp(80, "8080"))),
            service("b").ports(List.of(io.jcompose.model.api.ServicePort.tcp(80, "8080"))));

    assertThatThrownBy(() -> up(p))
        .hasMessageMatching(
            "service [ab]: host port 0\\.0\\.0\\.0:8080/tcp is already in use by container"
                + " shop-[ab]-1 .*");

    await(h.engine.down("shop", DownOptions.defaults(), h.progress::add));
    assertThat(h.runtime.names()).isEmpty();
    assertThat(h.infra.networks).isEmpty();
    assertThat(h.infra.attachments).isEmpty();
  }

  @Test
  void up_missingExternalNetworkFailsBeforeCreatingAnything() {
    harness(0);
    Project base =
        project(
            "shop",
            service("web")
                .networks(Map.of("outside", io.jcompose.model.api.ServiceNetwork.plain())));
    Project p =
        new Project(
            base.name(),
            base.workingDir(),
            base.configFiles(),
            base.services(),
            Map.of(
                "outside",
                new io.jcompose.model.api.NetworkDefinition(
                    "outside",
                    "corp-net",
                    null,
                    null,
                    null,
                    true,
                    false,
                    false,
                    null,
                    null,
                    null,
                    null)),
            base.volumes(),
            base.secrets(),
            base.configs(),
            base.activeProfiles(),
            base.disabledServices(),
            base.warnings(),
            base.models(),
            base.extensions());

    assertThatThrownBy(() -> up(p))
        .hasMessage(
            "networks.outside: external network \"corp-net\" does not exist; create it first or"
                + " remove external: true");
    assertThat(h.runtime.names()).isEmpty();
  }

  @Test
  void up_warnsAboutUnsupportedAttributes() throws Exception {
    harness(0);
    up(project("shop", service("web").oomScoreAdj(100)));
    assertThat(h.progress)
        .anySatisfy(
            e ->
                assertThat(e.detail())
                    .isEqualTo("services.web.oom_score_adj: not supported by jcompose; ignored"));
  }

  @Test
  void up_warnsOnceThatIpv6IsNotSupportedAndStillCreatesTheNetwork() throws Exception {
    harness(0);
    Project base =
        project(
            "shop",
            service("web").networks(Map.of("v6", io.jcompose.model.api.ServiceNetwork.plain())),
            service("api").networks(Map.of("v6", io.jcompose.model.api.ServiceNetwork.plain())));
    Project p =
        new Project(
            base.name(),
            base.workingDir(),
            base.configFiles(),
            base.services(),
            Map.of(
                "v6",
                new io.jcompose.model.api.NetworkDefinition(
                    "v6", "shop_v6", null, null, null, false, false, false, null, true, null,
                    null)),
            base.volumes(),
            base.secrets(),
            base.configs(),
            base.activeProfiles(),
            base.disabledServices(),
            base.warnings(),
            base.models(),
            base.extensions());

    up(p);

    assertThat(h.progress)
        .filteredOn(e -> e.detail() != null && e.detail().contains("enable_ipv6"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.detail())
                    .isEqualTo(
                        "networks.v6.enable_ipv6: IPv6 is not supported yet; the network gets"
                            + " IPv4 only"));
    assertThat(h.infra.networks).containsKey("shop_v6");
    assertThat(h.runtime.names()).hasSize(2);
  }
}
