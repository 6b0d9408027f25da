package io.jcompose.scheduler.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineJsonTest {

  private <T> T roundTrip(T value, Class<T> type) throws Exception {
    String json = EngineJson.mapper().writeValueAsString(value);
    return EngineJson.mapper().readValue(json, type);
  }

  @Test
  void containerSummaryUsesDockerComposePsFieldNames() throws Exception {
    ContainerSummary s =
        new ContainerSummary(
            "abc",
            "p-web-1",
            "busybox",
            "sh",
            "p",
            "web",
            1,
            false,
            Instant.parse("2026-01-01T00:00:00Z"),
            "running",
            "Up 1 second (healthy)",
            "healthy",
            0,
            2,
            List.of(new PortPublisher("0.0.0.0", 80, 8080, "tcp")),
            Map.of("a", "b"));

    String json = EngineJson.mapper().writeValueAsString(s);

    assertThat(json)
        .contains("\"ID\":\"abc\"", "\"Name\":\"p-web-1\"", "\"Service\":\"web\"")
        .contains("\"State\":\"running\"", "\"Health\":\"healthy\"", "\"ExitCode\":0")
        .contains("\"RestartCount\":2", "\"PublishedPort\":8080", "\"URL\":\"0.0.0.0\"");
    assertThat(roundTrip(s, ContainerSummary.class)).isEqualTo(s);
  }

  @Test
  void progressEventAndOptionsSurviveJson() throws Exception {
    ProgressEvent e = ProgressEvent.error("Container p-web-1", "db is unhealthy");
    assertThat(roundTrip(e, ProgressEvent.class)).isEqualTo(e);
    assertThat(EngineJson.mapper().writeValueAsString(e)).doesNotContain("\"error\"");

    UpOptions up =
        new UpOptions(
            new CreateOptions(
                List.of("web"),
                Map.of("web", 3),
                Recreate.FORCE,
                null,
                true,
                false,
                "missing",
                Duration.ofSeconds(3),
                4),
            new StartOptions(null, List.of(), false, true, Duration.ofSeconds(30)));
    assertThat(roundTrip(up, UpOptions.class)).isEqualTo(up);
  }
}
