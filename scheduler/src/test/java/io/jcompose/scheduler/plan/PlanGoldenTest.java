package io.jcompose.scheduler.plan;

import static io.jcompose.runtime.api.ContainerStatus.EXITED;
import static io.jcompose.runtime.api.ContainerStatus.RUNNING;
import static io.jcompose.scheduler.TestProjects.container;
import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.health;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.TestProjects.withVolume;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceVolume;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.scheduler.api.Recreate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Plans compared with golden text under {@code src/test/resources/plans}. Run with {@code
 * -Dgolden.update=true} to rewrite the files after an intended change, then review the diff.
 */
class PlanGoldenTest {

  // A readable stand-in for the config hash: stable across runs, changes with image and command.
  private static String hash(Service s) {
    return String.format("%08x", (s.image() + s.command() + s.environment()).hashCode());
  }

  private final Planner planner = new Planner(PlanGoldenTest::hash);

  private static Project stack() {
    Project p =
        project(
            "shop",
            service("db")
                .healthcheck(health("test -f /ready"))
                .volumes(
                    List.of(
                        new ServiceVolume(
                            "volume", "data", "/var/lib/db", false, null, null, null, null))),
            service("cache"),
            service("api").dependsOn(deps("db", "service_healthy", "cache", "service_started")),
            service("worker")
                .scale(3)
                .dependsOn(
                    Map.of(
                        "api",
                        new io.jcompose.model.api.ServiceDependency(
                            "service_started", true, true))),
            service("migrate").command(List.of("true")),
            service("sidecar").networkMode("service:api"));
    return withVolume(p, "data");
  }

  private static List<ContainerState> running(Project p) {
    List<ContainerState> out = new ArrayList<>();
    for (Service s : p.services().values()) {
      for (int i = 1; i <= s.replicas(); i++) {
        out.add(container(p.name(), s.name(), i, hash(s), RUNNING));
      }
    }
    return out;
  }

  private static Observed everything(Project p, List<ContainerState> containers) {
    return new Observed(containers, Set.of("shop_default"), Set.of("shop_data"));
  }

  private void assertGolden(String name, Plan plan) throws IOException {
    Path file = Path.of("src/test/resources/plans", name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, plan.toText(), StandardCharsets.UTF_8);
    }
    assertThat(plan.toText()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void freshProjectCreatesNetworkVolumeAndEveryContainerInDependencyOrder() throws IOException {
    assertGolden("fresh", planner.plan(stack(), Observed.nothing(), PlanRequest.all()));
  }

  @Test
  void unchangedRunningProjectTouchesNothing() throws IOException {
    Project p = stack();
    Plan plan = planner.plan(p, everything(p, running(p)), PlanRequest.all());
    assertThat(plan.isNoop()).isTrue();
    assertGolden("unchanged", plan);
  }

  @Test
  void changedServiceIsRecreatedWithItsNamespaceSharersAndNothingElse() throws IOException {
    Project before = stack();
    Project after =
        before.withServices(
            replace(before, before.service("api").toBuilder().command(List.of("httpd")).build()));
    Plan plan = planner.plan(after, everything(before, running(before)), PlanRequest.all());
    assertGolden("recreate-changed", plan);
  }

  @Test
  void scaleUpNumbersFromHighestAndScaleDownRemovesHighest() throws IOException {
    Project p = stack();
    List<ContainerState> observed = new ArrayList<>(running(p));
    observed.removeIf(c -> c.name().equals("shop-worker-2"));
    Plan plan =
        planner.plan(
            p,
            everything(p, observed),
            new PlanRequest(
                List.of(),
                Map.of("worker", 4, "cache", 0),
                Recreate.DIVERGED,
                Recreate.DIVERGED,
                false,
                false));
    assertGolden("scale", plan);
  }

  @Test
  void stoppedContainersStartAndOrphansAreWarnedAbout() throws IOException {
    Project p = stack();
    List<ContainerState> observed = new ArrayList<>(running(p));
    observed.replaceAll(
        c ->
            c.name().equals("shop-migrate-1")
                ? container("shop", "migrate", 1, hash(p.service("migrate")), EXITED)
                : c);
    observed.add(container("shop", "legacy", 1, "00000000", RUNNING));
    assertGolden("start-and-orphan", planner.plan(p, everything(p, observed), PlanRequest.all()));
  }

  @Test
  void selectedServiceForcedWithDependenciesKeptAndOrphansRemoved() throws IOException {
    Project p = stack();
    List<ContainerState> observed = new ArrayList<>(running(p));
    observed.add(container("shop", "legacy", 1, "00000000", RUNNING));
    Plan plan =
        planner.plan(
            p,
            everything(p, observed),
            new PlanRequest(
                List.of("api"), Map.of(), Recreate.FORCE, Recreate.DIVERGED, true, false));
    assertGolden("force-selected", plan);
  }

  @Test
  void noRecreateLeavesChangedContainersAlone() {
    Project before = stack();
    Project after =
        before.withServices(
            replace(before, before.service("db").toBuilder().image("postgres").build()));
    Plan plan =
        planner.plan(
            after,
            everything(before, running(before)),
            new PlanRequest(List.of(), Map.of(), Recreate.NEVER, Recreate.NEVER, false, false));
    assertThat(plan.isNoop()).isTrue();
  }

  private static Map<String, Service> replace(Project p, Service s) {
    Map<String, Service> services = new java.util.LinkedHashMap<>(p.services());
    services.put(s.name(), s);
    return services;
  }
}
