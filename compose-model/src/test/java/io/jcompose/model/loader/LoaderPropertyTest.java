package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jcompose.model.api.ComposeFileException;
import io.jcompose.model.api.ProjectLoader;
import io.jcompose.model.api.ProjectOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * Random YAML trees built from compose vocabulary: the loader ends every one with a project or a
 * {@link ComposeFileException}, never another exception, never a hang.
 */
class LoaderPropertyTest {
  private static final Path EMPTY_DIR = emptyDir();

  private static final List<String> KEYS = keys();

  private static final List<Object> SCALARS =
      List.of(
          "nginx",
          "80:80",
          "8000-8010:80",
          "80:x",
          "./data:/data",
          "data:/data:ro",
          "/x",
          "1m30s",
          "10 s",
          "512m",
          "lots",
          "${A}",
          "${A:-d}",
          "${",
          "$$",
          "CMD",
          "CMD-SHELL",
          "NONE",
          "service_healthy",
          "host",
          "service:web",
          "web",
          "db",
          "a=b",
          "=x",
          "",
          " ",
          "true",
          "on-failure:3",
          "0440",
          "bind",
          "volume",
          "tmpfs",
          "~",
          "../x",
          "-",
          "*",
          "!",
          "\u00e9",
          0,
          1,
          -1,
          65536,
          1.5,
          Long.MAX_VALUE,
          true,
          false);

  private static Path emptyDir() {
    try {
      return Files.createTempDirectory("jcompose-prop");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> keys() {
    List<String> k = new ArrayList<>(ServiceAttributes.FORMS.keySet());
    k.addAll(FileCanonicalizer.TOP_LEVEL);
    k.addAll(
        List.of(
            "web",
            "db",
            "target",
            "published",
            "source",
            "type",
            "condition",
            "required",
            "test",
            "interval",
            "retries",
            "soft",
            "hard",
            "aliases",
            "resources",
            "limits",
            "memory",
            "cpus",
            "replicas",
            "file",
            "service",
            "path",
            "context",
            "external",
            "name",
            "driver",
            "ipam",
            "config",
            "subnet",
            "x-ext",
            "<<",
            "mode",
            "options"));
    return k;
  }

  @Provide
  Arbitrary<Object> trees() {
    return tree(4);
  }

  private Arbitrary<Object> tree(int depth) {
    Arbitrary<Object> scalar = Arbitraries.of(SCALARS);
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> child = Arbitraries.lazy(() -> tree(depth - 1));
    Arbitrary<Object> map =
        Arbitraries.maps(Arbitraries.of(KEYS), child)
            .ofMaxSize(5)
            .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<Object> list = child.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, scalar),
        net.jqwik.api.Tuple.of(5, map),
        net.jqwik.api.Tuple.of(2, list));
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> dumped =
        trees()
            .map(
                t -> {
                  Map<String, Object> doc = new LinkedHashMap<>();
                  doc.put("services", t);
                  return new Dump(DumpSettings.builder().build()).dumpToString(doc);
                });
    Arbitrary<String> raw =
        trees().map(t -> new Dump(DumpSettings.builder().build()).dumpToString(t));
    Arbitrary<String> noisy =
        Arbitraries.strings().withChars(" :-[]{}&*!|>'\"#%@`,?\n\tabc$").ofMaxLength(60);
    Arbitrary<Object> attributes =
        Arbitraries.maps(Arbitraries.of(List.copyOf(ServiceAttributes.FORMS.keySet())), tree(2))
            .ofMaxSize(6)
            .map(m -> (Object) new LinkedHashMap<>(m));
    Arbitrary<String> services =
        Arbitraries.maps(Arbitraries.of("web", "db", "cache"), attributes)
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(
                m -> {
                  Map<String, Object> doc = new LinkedHashMap<>();
                  doc.put("services", m);
                  return new Dump(DumpSettings.builder().build()).dumpToString(doc);
                });
    return Arbitraries.oneOf(dumped, raw, noisy, services, services);
  }

  @Property(tries = 1000)
  void anyDocument_endsInAProjectOrAComposeFileException(@ForAll("documents") String yaml) {
    ProjectOptions options =
        ProjectOptions.of(EMPTY_DIR, Map.of("A", "1"))
            .withConfigFiles(List.of("-"))
            .withStdinContent(yaml);
    String outcome =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> {
              try {
                assertThat(ProjectLoader.load(options)).isNotNull();
                return "project";
              } catch (ComposeFileException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                return "invalid";
              }
            },
            () -> "hung on:\n" + yaml);
    Statistics.collect(outcome);
  }
}
