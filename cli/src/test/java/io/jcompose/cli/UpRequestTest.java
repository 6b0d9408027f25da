package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.cli.client.JsonTrees;
import io.jcompose.scheduler.api.CreateOptions;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.api.ProjectInput;
import io.jcompose.scheduler.api.Recreate;
import io.jcompose.scheduler.api.StartOptions;
import io.jcompose.scheduler.api.UpOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapper-free encoders and decoders of the up path agree with the API's mapper. */
class UpRequestTest {

  private final ObjectMapper mapper = EngineJson.mapper();

  @Test
  void encodedRequest_decodesToTheSameRecordsWithTheApisMapper() throws Exception {
    ProjectInput input =
        new ProjectInput(
            "/work/proj",
            List.of("compose.yaml", "-"),
            "services: {}\n",
            "demo",
            "sub/dir",
            List.of(".env.ci"),
            List.of("debug"),
            Map.of("HOME", "/root", "QUOTE", "a\"b\\c\n"),
            List.of("web"));
    UpOptions options =
        new UpOptions(
            new CreateOptions(
                List.of("web"),
                Map.of("web", 3),
                Recreate.FORCE,
                Recreate.NEVER,
                true,
                true,
                "never",
                Duration.ofSeconds(7),
                4),
            new StartOptions(null, List.of("web"), false, true, Duration.ofMillis(1500)));

    JsonNode body = mapper.readTree(UpRequest.encode(input, options));

    assertThat(mapper.treeToValue(body.path("input"), ProjectInput.class)).isEqualTo(input);
    assertThat(mapper.treeToValue(body.path("options"), UpOptions.class)).isEqualTo(options);
  }

  @Test
  void defaults_roundTrip() throws Exception {
    ProjectInput input = new ProjectInput("/", null, null, null, null, null, null, null, null);

    JsonNode body = mapper.readTree(UpRequest.encode(input, UpOptions.defaults()));

    assertThat(mapper.treeToValue(body.path("input"), ProjectInput.class)).isEqualTo(input);
    assertThat(mapper.treeToValue(body.path("options"), UpOptions.class))
        .isEqualTo(UpOptions.defaults());
  }

  @Test
  void progressEvent_readFromTheTree_equalsTheOneTheDaemonWrote() throws Exception {
    ProgressEvent warning =
        new ProgressEvent(
            "Service web",
            "Warning",
            ProgressEvent.Kind.WARNING,
            "ignored",
            Instant.parse("2026-11-23T01:02:03.456789Z"));
    ProgressEvent done = ProgressEvent.done("Container demo-web-1", "Started");

    for (ProgressEvent event : List.of(warning, done)) {
      JsonNode tree = JsonTrees.parse(mapper.writeValueAsString(event));
      assertThat(ProgressEventTrees.read(tree)).isEqualTo(event);
    }
  }
}
