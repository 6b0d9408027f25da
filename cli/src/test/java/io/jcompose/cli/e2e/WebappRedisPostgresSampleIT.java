package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * samples/webapp-redis-postgres end to end: PostgreSQL and Redis from Debian packages behind their
 * healthchecks, the Python app counting visits; the count survives {@code down}/{@code up} in the
 * named volumes and {@code down -v} leaves nothing.
 */
class WebappRedisPostgresSampleIT {

  private static final Duration READY = Duration.ofSeconds(90);

  @Test
  void webapp_visitCounterSurvivesDownAndUp_andDownVolumesLeavesNothing() throws Exception {
    int port = LoopbackHttp.freePort();
    try (SampleStack stack =
        SampleStack.of("webapp-redis-postgres").withEnv("WEBAPP_PORT", Integer.toString(port))) {
      CommandResult images = stack.importImages("postgres", "redis", "webapp");
      assertThat(images.succeeded()).as(images.describe()).isTrue();
      DownLeavesNothing leftovers = DownLeavesNothing.watch(stack);

      CommandResult up = stack.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();
      assertThat(LoopbackHttp.awaitBody(port, "/", b -> b.contains("visit"), READY))
          .contains("This is visit 1;")
          .contains("PostgreSQL holds 1 visits");
      assertThat(LoopbackHttp.get(port, "/")).contains("This is visit 2;");
      leftovers.whileUp();

      CommandResult down = stack.compose("down");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
      assertThat(stack.containers()).isEmpty();

      CommandResult upAgain = stack.compose("up", "-d");
      assertThat(upAgain.succeeded()).as(upAgain.describe()).isTrue();
      assertThat(LoopbackHttp.awaitBody(port, "/", b -> b.contains("visit"), READY))
          .as("the third visit after down/up: Redis and PostgreSQL kept their volumes")
          .contains("This is visit 3;")
          .contains("PostgreSQL holds 3 visits");
      assertThat(LoopbackHttp.get(port, "/count")).contains("\"redis\": 3, \"postgres\": 3");
      leftovers.whileUp();

      CommandResult downVolumes = stack.compose("down", "-v");
      assertThat(downVolumes.succeeded()).as(downVolumes.describe()).isTrue();
      leftovers.assertNothingLeft();
    }
  }
}
