package io.jcompose.scheduler.engine;

import static io.jcompose.scheduler.TestProjects.project;
import static io.jcompose.scheduler.TestProjects.service;
import static io.jcompose.scheduler.engine.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.Project;
import io.jcompose.runtime.api.ConflictException;
import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.scheduler.api.StopOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing containers by name ({@code container/rm}) and {@code system prune}'s containers. */
class ContainerRemovalTest {

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

  private Project upThenStop(String name, String stopped, String running) throws Exception {
    Project p = project(name, service(stopped), service(running));
    await(h.engine.up(p, UpOptions.defaults(), h.progress::add));
    await(h.engine.stop(name, new StopOptions(p, List.of(stopped), null), h.progress::add));
    return p;
  }

  @Test
  void removeContainer_removesTheStoppedContainerAndReleasesItsAddress() throws Exception {
    upThenStop("shop", "web", "db");
    assertThat(h.infra.attachments).hasSize(2);

    await(h.engine.removeContainer("shop", "shop-web-1", false, h.progress::add));

    assertThat(h.runtime.names()).containsExactly("shop-db-1");
    assertThat(h.infra.attachments).hasSize(1);
    assertThat(h.progressLines()).contains("Container shop-web-1 Removed");
  }

  @Test
  void removeContainer_refusesARunningContainerWithoutForce() throws Exception {
    upThenStop("shop", "web", "db");

    assertThatThrownBy(
            () -> await(h.engine.removeContainer("shop", "shop-db-1", false, h.progress::add)))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("shop-db-1 is running");
    assertThat(h.runtime.names()).contains("shop-db-1");

    await(h.engine.removeContainer("shop", "shop-db-1", true, h.progress::add));
    assertThat(h.runtime.names()).doesNotContain("shop-db-1");
  }

  @Test
  void removeContainer_ofAnotherProject_isNotFoundAndLeavesIt() throws Exception {
    upThenStop("shop", "web", "db");

    assertThatThrownBy(
            () -> await(h.engine.removeContainer("other", "shop-web-1", false, h.progress::add)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("not part of project other");
    assertThat(h.runtime.names()).contains("shop-web-1");
  }

  @Test
  void pruneContainers_removesTheStoppedOnesOfEveryProjectWithTheirAddresses() throws Exception {
    upThenStop("shop", "web", "db");
    upThenStop("blog", "cron", "app");
    assertThat(h.infra.attachments).hasSize(4);

    List<String> removed = await(h.engine.pruneContainers(h.progress::add));

    assertThat(removed).containsExactlyInAnyOrder("shop-web-1", "blog-cron-1");
    assertThat(h.runtime.names()).containsExactlyInAnyOrder("shop-db-1", "blog-app-1");
    assertThat(h.infra.attachments).hasSize(2);
  }
}
