package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.deps;
import static io.jcompose.scheduler.TestProjects.health;
import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.model.api.Project;
import io.jcompose.model.api.Service;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order in which {@code up} hands creates and starts to the runtime. */
class UpOrderTest {

  @TempDir Path state;
  private EngineHarness h;

  @AfterEach
  void close() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void up_createsTheServiceOthersWaitOnToBeHealthyFirst() throws Exception {
    h = new EngineHarness(state, 0, null);
    Project p =
        project(
            "shop",
            service("cache"),
            service("web"),
            service("db").healthcheck(health("true")),
            service("api").dependsOn(deps("db", "service_healthy", "cache", "service_started")),
            service("worker").dependsOn(deps("api", "service_started")));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    List<String> creates = h.runtime.calls("create");
    assertThat(creates.get(0)).isEqualTo("shop-db-1");
    // Then what others wait to be started; a dependency always before its dependents.
    assertThat(creates.indexOf("shop-cache-1")).isLessThan(creates.indexOf("shop-web-1"));
    assertThat(creates.indexOf("shop-api-1")).isLessThan(creates.indexOf("shop-worker-1"));
  }

  @Test
  void up_createsNothingElseUntilTheServiceOthersWaitOnToBeHealthyHasStarted() throws Exception {
    h = new EngineHarness(state, 0, null);
    h.runtime.createDelay = Duration.ofMillis(20);
    Project p =
        project(
            "shop",
            service("cache"),
            service("web"),
            service("db").healthcheck(health("true")),
            service("api").dependsOn(deps("db", "service_healthy", "cache", "service_started")));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    List<String> calls = h.runtime.calls.stream().map(c -> c.verb() + " " + c.name()).toList();
    int dbStarted = calls.indexOf("start shop-db-1");
    assertThat(dbStarted).isNotNegative();
    // db's create and start had the runtime to themselves; the other creates were asked after.
    assertThat(calls.subList(0, dbStarted))
        .filteredOn(c -> c.startsWith("creating "))
        .containsExactly("creating shop-db-1");
  }

  @Test
  void up_neverHasMoreCreatesUnderWayThanItsCreateSlots_soStartsAreNotQueuedBehindThemAll()
      throws Exception {
    h = new EngineHarness(state, 0, null);
    h.runtime.createDelay = Duration.ofMillis(20);
    List<Service.Builder> services = new ArrayList<>();
    int count = UpVerb.CREATE_SLOTS * 4;
    for (int i = 0; i < count; i++) {
      services.add(service("s" + i));
    }
    Project p = project("flat", services.toArray(Service.Builder[]::new));

    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));

    assertThat(h.runtime.calls("start")).hasSize(count);
    assertThat(h.runtime.peakCreatesInFlight()).isEqualTo(UpVerb.CREATE_SLOTS);
    List<String> calls = h.runtime.calls.stream().map(c -> c.verb()).toList();
    assertThat(calls.indexOf("start")).isLessThan(calls.lastIndexOf("create"));
  }
}
