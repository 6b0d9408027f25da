package io.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigCommandTest {
  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = JComposeCommand.commandLine(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private Path compose(String yaml) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("shop"));
    return Files.writeString(dir.resolve("compose.yaml"), yaml);
  }

  private static final String VALID =
      """
      services:
        web:
          image: nginx:1.27
          ports: ["8080:80"]
          depends_on: [db]
          healthcheck:
            test: curl -f localhost
            interval: 90s
        db:
          image: postgres:16
        tools:
          build: ./tools
          profiles: [data]
      """;

  @Test
  void config_printsCanonicalYaml() throws IOException {
    Path file = compose(VALID);

    int code = run("-f", file.toString(), "--profile", "data", "config");

    assertThat(code).isZero();
    assertThat(out.toString())
        .startsWith("name: shop\n")
        .contains("published: '8080'")
        .contains("interval: 1m30s")
        .contains("condition: service_started");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void configJson_writesDurationsAndPublishedPortsAsStrings() throws IOException {
    Path file = compose(VALID);

    int code = run("-f", file.toString(), "--profile", "data", "config", "--format", "json");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("\"published\": \"8080\"")
        .contains("\"interval\": \"1m30s\"")
        .contains("\"name\": \"shop\"");
  }

  @Test
  void configLists_printOneNamePerLine() throws IOException {
    Path file = compose(VALID);

    assertThat(run("-f", file.toString(), "--profile", "data", "config", "--services")).isZero();
    assertThat(out.toString().lines()).containsExactly("db", "tools", "web");
    out.getBuffer().setLength(0);
    assertThat(run("-f", file.toString(), "config", "--profiles")).isZero();
    assertThat(out.toString().lines()).containsExactly("data");
    out.getBuffer().setLength(0);
    assertThat(run("-f", file.toString(), "--profile", "data", "config", "--images")).isZero();
    assertThat(out.toString().lines()).containsExactly("postgres:16", "shop-tools", "nginx:1.27");
  }

  @Test
  void configHash_isStableAndNamesTheService() throws IOException {
    Path file = compose(VALID);

    run("-f", file.toString(), "--profile", "data", "config", "--hash", "*");
    String first = out.toString();
    out.getBuffer().setLength(0);
    run("-f", file.toString(), "--profile", "data", "config", "--hash", "*");

    assertThat(first.lines()).hasSize(3).allMatch(l -> l.matches("(db|tools|web) [0-9a-f]{64}"));
    assertThat(out.toString()).isEqualTo(first);
  }

  @Test
  void configQuietWithOutput_writesNothingToStdout() throws IOException {
    Path file = compose(VALID);
    Path target = tmp.resolve("out.yaml");

    assertThat(run("-f", file.toString(), "config", "-o", target.toString())).isZero();
    assertThat(out.toString()).isEmpty();
    assertThat(Files.readString(target)).contains("image: nginx:1.27");
    assertThat(run("-f", file.toString(), "config", "-q")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unsetVariable_warnsOnStderrAndStillPrints() throws IOException {
    Path file = compose("services:\n  web:\n    image: nginx:${JCOMPOSE_TEST_UNSET_TAG}\n");

    int code = run("-f", file.toString(), "config", "--images");

    assertThat(code).isZero();
    assertThat(out.toString().lines()).containsExactly("nginx:");
    assertThat(err.toString().lines())
        .containsExactly(
            "WARN The \"JCOMPOSE_TEST_UNSET_TAG\" variable is not set. Defaulting to a blank string.");
  }

  @Test
  void malformedCorpus_eachExits1WithOnePathPrefixedLineAndNoStackTrace() throws IOException {
    Path corpus = Path.of("../compose-model/src/test/resources/malformed");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus)) {
      s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(40);
    for (Path f : files) {
      err.getBuffer().setLength(0);
      out.getBuffer().setLength(0);
      Path copy = Files.createDirectories(tmp.resolve("c")).resolve("compose.yaml");
      Files.copy(f, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      int code = run("-f", copy.toString(), "config");

      assertThat(code).as(f.toString()).isEqualTo(1);
      assertThat(err.toString().lines()).as(f.toString()).hasSize(1);
      assertThat(err.toString()).as(f.toString()).startsWith(copy.toString() + ": ");
      assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }
}
