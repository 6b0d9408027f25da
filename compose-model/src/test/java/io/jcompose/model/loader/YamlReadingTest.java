package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.Service;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class YamlReadingTest {
  @TempDir Path tmp;

  @Test
  @Timeout(5)
  void aliasBomb_isRejectedWellUnderASecond() {
    StringBuilder y =
        new StringBuilder(
            "x-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      y.append("x-").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        y.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      y.append("]\n");
      prev = c;
    }
    y.append("services:\n  web:\n    image: nginx\n    labels:\n      bomb: x\n");
    long start = System.nanoTime();

    assertThatThrownBy(() -> YamlTreeReader.read("compose.yaml", y.toString()))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("alias bomb");

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
  }

  @Test
  void tagWithTrailingSpace_isAComposeFileExceptionNotAnIllegalArgument() {
    // Found by LoaderPropertyTest: SnakeYAML Engine throws IllegalArgumentException for it.
    assertThatThrownBy(() -> YamlTreeReader.read("compose.yaml", "services: !foo%20 {}\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith("compose.yaml")
        .hasMessageContaining("invalid YAML");
  }

  @Test
  void mergeKeys_explicitKeysWinAndFirstMergedMappingWins() throws Exception {
    Service web =
        new ComposeFixture(tmp)
            .compose(
                """
                x-base: &base
                  image: nginx
                  restart: always
                  labels: {tier: base}
                x-other: &other
                  restart: "no"
                  hostname: other
                services:
                  web:
                    <<: [*base, *other]
                    labels: {tier: web}
                """)
            .service("web");

    assertThat(web.image()).isEqualTo("nginx");
    assertThat(web.restart()).isEqualTo("always");
    assertThat(web.hostname()).isEqualTo("other");
    assertThat(web.labels()).isEqualTo(Map.of("tier", "web"));
  }

  @Test
  void duplicateKeys_areRejectedWithTheirPath() {
    assertThatThrownBy(() -> YamlTreeReader.read("compose.yaml", "services:\n  a: {}\n  a: {}\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith("compose.yaml: services: duplicate key \"a\"");
  }

  @Test
  void recursiveAlias_isRejected() {
    assertThatThrownBy(() -> YamlTreeReader.read("c.yaml", "a: &a [*a]\n"))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageStartingWith("c.yaml: ");
  }

  @Test
  void deeplyNestedDocument_isRejectedWithoutStackOverflow() {
    String deep = "x-deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

    assertThatThrownBy(() -> YamlTreeReader.read("deep.yaml", deep))
        .isInstanceOf(ComposeFileException.class)
        .hasMessageContaining("nested");
  }

  @Test
  void oversizedFile_isRejectedBeforeParsing() {
    String big = "x: \"" + "a".repeat(YamlTreeReader.MAX_FILE_CHARS) + "\"\n";
    assertThatThrownBy(() -> YamlTreeReader.read("big.yaml", big))
        .hasMessageStartingWith("big.yaml: file is larger than");
  }

  @Test
  void scalars_followTheYaml12CoreSchema() throws Exception {
    Map<String, Object> tree =
        YamlTreeReader.read(
            "c.yaml", "a: yes\nb: 0o17\nc: 0x1F\nd: 1.5\ne: ~\nf: true\ng: 99999999999\n");

    assertThat(tree)
        .containsEntry("a", "yes")
        .containsEntry("b", 15)
        .containsEntry("c", 31)
        .containsEntry("d", 1.5)
        .containsEntry("e", null)
        .containsEntry("f", true)
        .containsEntry("g", 99999999999L);
  }

  @Test
  void emptyFile_isAnEmptyProjectWithoutServices() throws Exception {
    assertThat(YamlTreeReader.read("c.yaml", "")).isEmpty();
  }
}
