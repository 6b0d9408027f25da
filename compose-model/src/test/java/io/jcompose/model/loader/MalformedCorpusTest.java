package io.jcompose.model.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jcompose.model.api.ComposeFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file under {@code malformed/} is rejected with one line that starts with the file and the
 * path its first line ({@code # expect: …}) names.
 */
class MalformedCorpusTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> eachMalformedFile_isRejectedWithItsPathPrefixedLine() throws IOException {
    Path corpus = Path.of("src/test/resources/malformed");
    assertThat(Files.list(corpus).count()).isGreaterThanOrEqualTo(40);
    return Files.list(corpus)
        .sorted()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.getFileName().toString(),
                    () -> {
                      String text = Files.readString(file);
                      String expect = text.lines().findFirst().orElseThrow();
                      assertThat(expect).startsWith("# expect: ");
                      ComposeFixture fx =
                          new ComposeFixture(tmp.resolve(file.getFileName().toString()))
                              .compose(text);

                      ComposeFileException e =
                          catchThrowableOfType(ComposeFileException.class, fx::load);

                      assertThat(e).as("no error for " + file).isNotNull();
                      assertThat(e.getMessage())
                          .startsWith("compose.yaml: " + expect.substring("# expect: ".length()))
                          .doesNotContain("\n");
                    }));
  }
}
