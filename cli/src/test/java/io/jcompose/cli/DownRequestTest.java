package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jcompose.scheduler.api.DownOptions;
import io.jcompose.scheduler.api.EngineJson;
import io.jcompose.scheduler.api.ProjectInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapper-free down request agrees with the API's mapper. */
class DownRequestTest {

  private final ObjectMapper mapper = EngineJson.mapper();

  @Test
  void encodedRequestWithFiles_decodesToTheSameRecordsWithTheApisMapper() throws Exception {
    ProjectInput input =
        new ProjectInput(
            "/work/proj",
            List.of("compose.yaml"),
            null,
            "demo",
            null,
            List.of(),
            List.of("debug"),
            Map.of("HOME", "/root", "QUOTE", "a\"b\\c\n"),
            List.of("web"));
    DownOptions options =
        new DownOptions(null, List.of("web"), true, true, "local", Duration.ofSeconds(3));

    JsonNode body = mapper.readTree(DownRequest.encode(input, null, options));

    assertThat(mapper.treeToValue(body.path("input"), ProjectInput.class)).isEqualTo(input);
    assertThat(mapper.treeToValue(body.path("options"), DownOptions.class)).isEqualTo(options);
    assertThat(body.has("name")).isFalse();
  }

  @Test
  void withoutFiles_carriesTheNameAndDefaultOptions() throws Exception {
    JsonNode body = mapper.readTree(DownRequest.encode(null, "demo", DownOptions.defaults()));

    assertThat(body.path("name").asText()).isEqualTo("demo");
    assertThat(body.has("input")).isFalse();
    assertThat(mapper.treeToValue(body.path("options"), DownOptions.class))
        .isEqualTo(DownOptions.defaults());
  }

  @Test
  void neitherFilesNorName_isRefused() {
    assertThatThrownBy(() -> DownRequest.encode(null, null, DownOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
