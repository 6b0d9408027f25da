package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.ContainerStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Container starts go through one long-lived {@code jcompose-shim spawner}: containers must not
 * depend on it, and a spawner that dies is replaced on the next start.
 */
class ShimSpawnerIT {
  private static LinuxRuntimeFixture fixture;

  @BeforeAll
  static void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @AfterEach
  void removeContainers() {
    fixture.removeCreated();
  }

  @Test
  void killedSpawner_leavesContainersRunningAndIsReplacedOnTheNextStart() throws Exception {
    ContainerState first = started("sleep", "1000");
    List<ProcessHandle> spawners = spawners();
    assertThat(spawners).isNotEmpty();
    for (ProcessHandle p : spawners) {
      p.destroyForcibly();
      p.onExit().get();
    }

    assertThat(Path.of("/proc", Integer.toString(first.pid()))).exists();
    assertThat(await(fixture.runtime.inspect(first.id())).status())
        .isEqualTo(ContainerStatus.RUNNING);
    ContainerState second = started("sleep", "1000");
    assertThat(await(fixture.runtime.inspect(second.id())).status())
        .isEqualTo(ContainerStatus.RUNNING);
    assertThat(spawners()).isNotEmpty().doesNotContainAnyElementsOf(spawners);
    assertThat(await(fixture.runtime.stop(first.id(), Duration.ZERO)).exitCode()).isEqualTo(137);
    assertThat(await(fixture.runtime.stop(second.id(), Duration.ZERO)).exitCode()).isEqualTo(137);
  }

  @Test
  void closedRuntime_endsItsSpawnerButNotItsContainers() throws Exception {
    ContainerState c = started("sleep", "1000");
    List<ProcessHandle> before = spawners();
    assertThat(before).isNotEmpty();

    var again = fixture.restarted();

    for (ProcessHandle p : before) {
      p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    ContainerState seen = await(again.inspect(c.id()));
    assertThat(seen.status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(seen.pid()).isEqualTo(c.pid());
    // The monitor is nobody's child in this JVM: it did not end with the spawner.
    String stat = Files.readString(Path.of("/proc", Integer.toString(c.pid()), "stat"));
    int monitor = Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
    assertThat(ProcessHandle.of(monitor)).isPresent();
    assertThat(await(again.stop(c.id(), Duration.ZERO)).exitCode()).isEqualTo(137);
  }

  @Test
  void startFailure_isReportedThroughTheSpawner() {
    ContainerState c = await(fixture.runtime.create(spec("no-such-command-7d1e")));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> await(fixture.runtime.start(c.id()))))
        .hasMessageContaining("executable file not found in $PATH");
  }

  private ContainerState started(String... command) {
    ContainerState c = await(fixture.runtime.create(spec(command)));
    return await(fixture.runtime.start(c.id()));
  }

  private ContainerSpec spec(String... command) {
    return fixture.spec("spawner-it", command);
  }

  /** This JVM's spawner processes. */
  private static List<ProcessHandle> spawners() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().arguments().map(a -> a.length > 0 && a[0].equals("spawner")).orElse(false))
        .toList();
  }
}
