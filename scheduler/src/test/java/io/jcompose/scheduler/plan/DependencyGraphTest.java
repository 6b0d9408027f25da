package io.jcompose.scheduler.plan;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.model.api.ServiceDependency;
import io.jcompose.scheduler.api.InvalidProjectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

  @Test
  void orderPutsDependenciesFirstAndBreaksTiesByName() {
    Project p =
        project(
            "p",
            service("web").dependsOn(deps("db", "service_healthy", "cache", "service_started")),
            service("db"),
            service("cache"),
            service("worker").dependsOn(deps("web", "service_started")));

    assertThat(DependencyGraph.of(p).order()).containsExactly("cache", "db", "web", "worker");
  }

  @Test
  void implicitDependenciesComeFromNamespacesVolumesFromAndLinks() {
    Project p =
        project(
            "p",
            service("a").networkMode("service:b").ipc("service:c"),
            service("b").volumesFrom(List.of("d:ro")),
            service("c").links(List.of("d:database")),
            service("d"));
    DependencyGraph g = DependencyGraph.of(p);

    assertThat(g.order()).containsExactly("d", "b", "c", "a");
    assertThat(g.dependenciesOf("a"))
        .extracting(Dependency::dependency, Dependency::via)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", "network_mode"),
            org.assertj.core.groups.Tuple.tuple("c", "ipc"));
    assertThat(g.dependenciesOf("a")).allMatch(Dependency::sharesNamespace);
  }

  @Test
  void cycleIsAnErrorNamingEveryServiceOnIt() {
    Project p =
        project(
            "p",
            service("a").dependsOn(deps("b", "service_started")),
            service("b").dependsOn(deps("c", "service_started")),
            service("c").dependsOn(deps("a", "service_started")));

    assertThatThrownBy(() -> DependencyGraph.of(p))
        .isInstanceOf(InvalidProjectException.class)
        .hasMessage(
            "services.c.depends_on: dependency cycle c -> a -> b -> c; remove one of these"
                + " dependencies");
  }

  @Test
  void selfDependencyIsACycle() {
    Project p = project("p", service("a").dependsOn(deps("a", "service_started")));
    assertThatThrownBy(() -> DependencyGraph.of(p)).hasMessageContaining("cycle a -> a");
  }

  @Test
  void undefinedRequiredDependencyIsAnErrorButOptionalOneAWarning() {
    Project bad = project("p", service("web").dependsOn(deps("dbb", "service_started")));
    assertThatThrownBy(() -> DependencyGraph.of(bad))
        .hasMessageStartingWith("services.web.depends_on: depends on undefined service \"dbb\"")
        .hasMessageContaining("misspelled");

    Project optional =
        project(
            "p",
            service("web")
                .dependsOn(Map.of("db", new ServiceDependency("service_started", false, false))));
    DependencyGraph g = DependencyGraph.of(optional);
    assertThat(g.order()).containsExactly("web");
    assertThat(g.warnings()).singleElement().asString().contains("optional dependency \"db\"");
  }

  @Test
  void withDependenciesIsTheTransitiveClosure() {
    Project p =
        project(
            "p",
            service("a").dependsOn(deps("b", "service_started")),
            service("b").dependsOn(deps("c", "service_started")),
            service("c"),
            service("d"));
    assertThat(DependencyGraph.of(p).withDependencies(List.of("a")))
        .containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void fiveHundredServicesInALayeredGraphOrderQuickly() {
    List<Service.Builder> services = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Service.Builder b = service(String.format("s%03d", i));
      if (i >= 10) {
        b.dependsOn(
            deps(
                String.format("s%03d", i - 10),
                "service_started",
                String.format("s%03d", (i * 7) % (i - 9)),
                "service_healthy"));
      }
      services.add(b);
    }
    Project p = project("big", services.toArray(Service.Builder[]::new));

    List<String> order = DependencyGraph.of(p).order();

    assertThat(order).hasSize(500);
    DependencyGraph g = DependencyGraph.of(p);
    for (String s : order) {
      for (Dependency d : g.dependenciesOf(s)) {
        assertThat(order.indexOf(d.dependency())).isLessThan(order.indexOf(s));
      }
    }
  }
}
