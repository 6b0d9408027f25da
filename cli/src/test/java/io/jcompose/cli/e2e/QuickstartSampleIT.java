package io.jcompose.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** samples/quickstart end to end: up, the page and the api answer, down -v leaves nothing. */
class QuickstartSampleIT {

  @Test
  void quickstart_servesPageAndApiThroughServiceNames_andDownLeavesNothing() throws Exception {
    int port = LoopbackHttp.freePort();
    try (SampleStack stack =
        SampleStack.of("quickstart").withEnv("QUICKSTART_PORT", Integer.toString(port))) {
      CommandResult images = stack.importImages("busybox");
      assertThat(images.succeeded()).as(images.describe()).isTrue();
      DownLeavesNothing leftovers = DownLeavesNothing.watch(stack);

      CommandResult up = stack.compose("up", "-d");
      assertThat(up.succeeded()).as(up.describe()).isTrue();

      String page =
          LoopbackHttp.awaitBody(port, "/", b -> b.contains("Hello"), Duration.ofSeconds(30));
      assertThat(page).contains("Hello from jcompose!");
      // web -> api -> db, each found by its service name.
      String api =
          LoopbackHttp.awaitBody(
              port, "/cgi-bin/api", b -> b.contains("\"db\""), Duration.ofSeconds(30));
      assertThat(api).contains("\"service\":\"api\"").contains("\"db\":\"ready\"");

      List<JsonNode> containers = stack.containers();
      assertThat(containers)
          .filteredOn(c -> c.path("Service").asText().equals("worker"))
          .hasSize(3)
          .allSatisfy(c -> assertThat(c.path("State").asText()).isEqualTo("running"));
      assertThat(containers)
          .filteredOn(c -> c.path("Service").asText().equals("db"))
          .singleElement()
          .satisfies(c -> assertThat(c.path("Health").asText()).isEqualTo("healthy"));
      leftovers.whileUp();

      CommandResult down = stack.compose("down", "-v");
      assertThat(down.succeeded()).as(down.describe()).isTrue();
      leftovers.assertNothingLeft();
    }
  }
}
