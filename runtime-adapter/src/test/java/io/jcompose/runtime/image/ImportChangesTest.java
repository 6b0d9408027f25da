package io.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jcompose.runtime.api.ImageConfig;
import io.jcompose.runtime.api.RuntimeFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportChangesTest {

  private static ImageConfig apply(String... changes) {
    ObjectNode config = new ObjectMapper().createObjectNode();
    ImportChanges.apply(config, List.of(changes));
    return ImageConfigParser.config(config);
  }

  @Test
  void cmdAndEntrypoint_jsonArrayIsExecFormAndAnythingElseIsShellForm() {
    assertThat(apply("CMD [\"nginx\", \"-g\", \"daemon off;\"]").cmd())
        .containsExactly("nginx", "-g", "daemon off;");
    assertThat(apply("CMD nginx -g 'daemon off;'").cmd())
        .containsExactly("/bin/sh", "-c", "nginx -g 'daemon off;'");
    assertThat(apply("ENTRYPOINT [\"tini\", \"--\"]").entrypoint()).containsExactly("tini", "--");
    assertThat(apply("ENTRYPOINT [not json").entrypoint())
        .containsExactly("/bin/sh", "-c", "[not json");
  }

  @Test
  void entrypoint_clearsCmdUnlessCmdWasSetBeforeIt() {
    ImageConfig cmdFirst = apply("CMD [\"a\"]", "ENTRYPOINT [\"e\"]");
    ImageConfig cmdAfter = apply("ENTRYPOINT [\"e\"]", "CMD [\"a\"]");

    assertThat(cmdFirst.cmd()).containsExactly("a");
    assertThat(cmdAfter.cmd()).containsExactly("a");
    assertThat(cmdAfter.entrypoint()).containsExactly("e");
  }

  @Test
  void env_acceptsPairsQuotesLegacyFormAndExpandsEarlierValues() {
    ImageConfig config =
        apply("ENV A=1 B=\"two words\" C='$A literal'", "ENV D ${A}-x y", "ENV A=override E=$B");

    assertThat(config.env())
        .containsExactly("A=override", "B=two words", "C=$A literal", "D=1-x y", "E=two words");
  }

  @Test
  void workdir_relativeJoinsThePreviousOne() {
    assertThat(apply("WORKDIR /app", "WORKDIR sub/../src").workingDir()).isEqualTo("/app/src");
    assertThat(apply("WORKDIR rel").workingDir()).isEqualTo("/rel");
  }

  @Test
  void exposeLabelVolumeUserStopsignal() {
    ImageConfig config =
        apply(
            "EXPOSE 8000-8002/udp 443",
            "LABEL a=1 \"b c\"=\"d e\"",
            "VOLUME [\"/v1\", \"/v2\"]",
            "VOLUME /v3 /v4",
            "USER app",
            "STOPSIGNAL 9");

    assertThat(config.exposedPorts())
        .containsExactlyInAnyOrder("8000/udp", "8001/udp", "8002/udp", "443/tcp");
    assertThat(config.labels()).isEqualTo(Map.of("a", "1", "b c", "d e"));
    assertThat(config.volumes()).containsExactlyInAnyOrder("/v1", "/v2", "/v3", "/v4");
    assertThat(config.user()).isEqualTo("app");
    assertThat(config.stopSignal()).isEqualTo("9");
  }

  @Test
  void badChangesFailNamingTheChange() {
    assertThatThrownBy(() -> apply("EXPOSE 70000"))
        .isInstanceOf(RuntimeFailure.class)
        .hasMessageContaining("--change 'EXPOSE 70000'")
        .hasMessageContaining("not a port number");
    assertThatThrownBy(() -> apply("USER")).hasMessageContaining("USER needs an argument");
    assertThatThrownBy(() -> apply("ENV A=\"open")).hasMessageContaining("unterminated");
    assertThatThrownBy(() -> apply("HEALTHCHECK CMD true")).hasMessageContaining("unsupported");
  }
}
