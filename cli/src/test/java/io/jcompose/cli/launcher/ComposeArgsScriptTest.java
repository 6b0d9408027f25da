package io.jcompose.cli.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code samples/images/compose-args.sh}, which the launcher sources to decide, without starting a
 * process, whether a command may bring up one of {@code samples/} (and so needs ensure.sh).
 */
class ComposeArgsScriptTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  /** $0 is the script to source, $1 the repository, the rest the command line. */
  private static final String SCRIPT =
      ". \"$0\"; repo=$1; shift; compose_args \"$@\"; echo \"verb=$verb\";"
          + " echo \"files=${files[*]}\";"
          + " if may_use_a_sample \"$repo\"; then echo sample=yes; else echo sample=no; fi";

  @TempDir Path dir;

  @Test
  void anOptionMissingItsValueAtTheEnd_endsTheReading() throws Exception {
    assertThat(read(REPO, "-p")).containsExactly("verb=", "files=compose.yaml", "sample=no");
    assertThat(read(REPO, "up", "-d", "-f")).first().isEqualTo("verb=up");
  }

  @Test
  void upOfASampleFile_mayUseASample_relativeOrAbsolute() throws Exception {
    assertThat(read(REPO, "-f", "samples/quickstart/compose.yaml", "-p", "x", "up", "-d"))
        .containsExactly("verb=up", "files=samples/quickstart/compose.yaml", "sample=yes");
    assertThat(read(REPO.resolve("samples/jobs"), "up", "-d")).contains("sample=yes");
    String absolute = REPO.resolve("samples/jobs/compose.yaml").toString();
    assertThat(read(dir, "--file=" + absolute, "create")).contains("sample=yes");
  }

  @Test
  void otherVerbsAndFilesOutsideSamples_needNoSampleCheck() throws Exception {
    Files.writeString(dir.resolve("compose.yaml"), "services: {}\n");
    assertThat(read(dir, "up", "-d")).contains("sample=no");
    assertThat(read(REPO.resolve("samples/jobs"), "ps")).contains("sample=no");
    assertThat(read(REPO, "-f", "samples/jobs/compose.yaml", "logs")).contains("sample=no");
  }

  @Test
  void aSymbolicLinkMayPointIntoSamples() throws Exception {
    Path link = dir.resolve("stack.yaml");
    Files.createSymbolicLink(link, REPO.resolve("samples/jobs/compose.yaml"));
    assertThat(read(dir, "-f", "stack.yaml", "up")).contains("sample=yes");
  }

  private static List<String> read(Path cwd, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "-c", SCRIPT));
    command.add(REPO.resolve("samples/images/compose-args.sh").toString());
    command.add(REPO.toString());
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("compose-args.sh did not end within 10 s for " + List.of(args));
    }
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
  }
}
