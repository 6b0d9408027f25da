package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * samples/jobs end to end: the one-shot migration completes before the app starts, workers and the
 * cron-like service run, the debug profile stays off, and {@code down -v} leaves nothing.
 */
class JobsSampleIT {

  @Test
  void jobs_migrationRunsToCompletionBeforeTheApp_andDownLeavesNothing() throws Exception {
    int port = LoopbackHttp.freePort();
    try (SampleStack stack = SampleStack.of("jobs").withEnv("JOBS_PORT", Integer.toString(port))) {
      CommandResult images = stack.importImages("busybox");
      assertThat(images.succeeded()).as(images.describe()).isTrue();
      DownLeavesNothing leftovers = DownLeavesNothing.watch(stack);

      CommandResult up = stack.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      // Both write to /data/events on the shared volume; the app serves it.
      String events =
          LoopbackHttp.awaitBody(port, "/events", b -> b.contains("app:"), Duration.ofSeconds(30));
      assertThat(events).isNotNull();
      assertThat(events.lines().toList())
          .containsExactly("migrate: schema 1 applied", "app: started on schema 1");

      List<JsonNode> containers = stack.containers();
      assertThat(containers)
          .filteredOn(c -> c.path("Service").asText().equals("migrate"))
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.path("State").asText()).isEqualTo("exited");
                assertThat(c.path("ExitCode").asInt(-1)).isZero();
              });
      assertThat(containers)
          .filteredOn(c -> c.path("Service").asText().equals("worker"))
          .hasSize(2);
      assertThat(containers)
          .filteredOn(c -> c.path("Service").asText().equals("cron"))
          .singleElement()
          .satisfies(c -> assertThat(c.path("State").asText()).isEqualTo("running"));
      assertThat(containers)
          .as("the debug service has a profile that was not enabled")
          .noneMatch(c -> c.path("Service").asText().equals("debug"));
      leftovers.whileUp();

      // Each worker fails on purpose after five 2-second jobs; restart: on-failure restarts it.
      assertThat(workersRestartedAfterTheirCrash(stack, Duration.ofSeconds(45)))
          .as("both workers logged their crash and run again")
          .isTrue();

      CommandResult down = stack.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
      leftovers.assertNothingLeft();
    }
  }

  private static boolean workersRestartedAfterTheirCrash(SampleStack stack, Duration timeout)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      CommandResult logs = stack.compose("logs", "--no-color", "worker");
      long crashes =
          logs.stdout().lines().filter(l -> l.contains("simulated crash after 5 jobs")).count();
      boolean running =
          stack.containers().stream()
              .filter(c -> c.path("Service").asText().equals("worker"))
              .allMatch(c -> c.path("State").asText().equals("running"));
      if (crashes >= 2 && running) {
        return true;
      }
      Thread.sleep(1000);
    }
    return false;
  }
}
