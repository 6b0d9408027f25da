package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test's main class in a child JVM in a network namespace of its own ({@code unshare -n}):
 * its packet filter starts empty with accepting policies whatever the host's, and nothing it does
 * to links or rules reaches the host. The mount namespace stays shared, so namespace files it
 * bind-mounts are seen (and must be cleaned up) as usual.
 */
final class OwnNetnsJvm {
  private OwnNetnsJvm() {}

  /** Runs {@code main} with {@code args}; its output, once it exited 0 within 120 seconds. */
  static String run(Class<?> main, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "unshare",
                "-n",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean exited = p.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    assertThat(exited).as("child JVM exited in time:\n%s", out).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
