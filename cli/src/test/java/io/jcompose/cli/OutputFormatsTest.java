package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.scheduler.api.ContainerSummary;
import io.jcompose.scheduler.api.EngineJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputFormatsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void table_padsColumnsThreeSpacesApart_andTrimsLineEnds() {
    StringWriter out = new StringWriter();
    new Table("NAME", "STATUS")
        .row("demo-web-1", "Up 2 seconds")
        .row("x", "")
        .print(new PrintWriter(out, true));

    assertThat(out.toString().lines())
        .containsExactly("NAME         STATUS", "demo-web-1   Up 2 seconds", "x");
  }

  @Test
  void human_usesDockersWords() {
    assertThat(Table.human(Duration.ofMillis(300))).isEqualTo("Less than a second");
    assertThat(Table.human(Duration.ofSeconds(5))).isEqualTo("5 seconds");
    assertThat(Table.human(Duration.ofSeconds(70))).isEqualTo("About a minute");
    assertThat(Table.human(Duration.ofHours(3))).isEqualTo("3 hours");
  }

  @Test
  void ports_renderPublishedAndExposedLikeDockerPs() throws Exception {
    JsonNode publishers =
        json.readTree(
            "[{\"URL\":\"127.0.0.1\",\"TargetPort\":8080,\"PublishedPort\":18080,\"Protocol\":\"tcp\"},"
                + "{\"URL\":\"\",\"TargetPort\":53,\"PublishedPort\":0,\"Protocol\":\"udp\"}]");

    assertThat(PsCommand.ports(publishers)).isEqualTo("127.0.0.1:18080->8080/tcp, 53/udp");
  }

  @Test
  void psJson_keepsTheRestartCountOfTheDaemonsSummary() throws Exception {
    ContainerSummary summary =
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
            "Up 1 second",
            "",
            0,
            3,
            List.of(),
            Map.of("a", "b"));
    JsonNode row = json.readTree(EngineJson.mapper().writeValueAsString(summary));

    JsonNode shown = PsCommand.dockerShape(row);

    assertThat(shown.path("RestartCount").isInt()).isTrue();
    assertThat(shown.path("RestartCount").asInt()).isEqualTo(3);
    assertThat(shown.path("ExitCode").asInt()).isZero();
    assertThat(shown.path("Labels").asText()).isEqualTo("a=b");
  }

  @Test
  void pointInTime_acceptsAbsoluteUnixAndRelativeForms() {
    assertThat(Durations.pointInTime("--since", "2026-01-02T03:04:05Z"))
        .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(Durations.pointInTime("--since", "1700000000"))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000));
    Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
    assertThat(Durations.pointInTime("--since", "1h30m"))
        .isBefore(tenMinutesAgo)
        .isAfter(Instant.now().minus(Duration.ofMinutes(91)));
    assertThatThrownBy(() -> Durations.pointInTime("--since", "yesterday"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("--since yesterday");
  }

  @Test
  void logPrinter_prefixesWithServiceAndNumber_paddedToTheWidest() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LogPrinter printer =
        new LogPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, true, false, 8);
    printer.print(
        json.readTree(
            "{\"container\":\"demo-web-1\",\"service\":\"web\",\"number\":1,\"text\":\"hi\"}"));

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("web-1     | hi\n");
  }

  @Test
  void envPairs_bareNameTakesTheShellValue() {
    assertThat(EnvPairs.parse(java.util.List.of("A=1", "B=x=y", "PATH")))
        .containsEntry("A", "1")
        .containsEntry("B", "x=y")
        .containsKey("PATH");
  }

  @Test
  void sizes_areDecimalForImagesAndBinaryForMemory() {
    assertThat(Sizes.human(1_980_000)).isEqualTo("1.98MB");
    assertThat(Sizes.human(512)).isEqualTo("512B");
    assertThat(Sizes.binary(12 * 1024 * 1024)).isEqualTo("12.00MiB");
  }
}
