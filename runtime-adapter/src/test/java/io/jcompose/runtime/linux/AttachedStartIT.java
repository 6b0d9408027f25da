package io.jcompose.runtime.linux;

import static io.jcompose.runtime.linux.LinuxRuntimeFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.jcompose.runtime.api.AttachedExec;
import io.jcompose.runtime.api.ContainerSpec;
import io.jcompose.runtime.api.ContainerState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container started with its main process's stdio handed to the caller: pipes without a tty, a
 * pseudo terminal of the asked size (and resizable) with one, and nothing of it in the log.
 */
class AttachedStartIT {
  private static LinuxRuntimeFixture fixture;

  @BeforeAll
  static void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @Test
  void startAttached_withoutTty_givesTheProcessPipesAndItsExitCode() throws Exception {
    ContainerState c =
        await(
            fixture.runtime.create(
                spec(false, "sh", "-c", "read x; echo got:$x; echo oops >&2; exit 4")));
    try {
      AttachedExec a = await(fixture.runtime.startAttached(c.id(), 0, 0));
      CompletableFuture<String> out = drain(a.stdout());
      CompletableFuture<String> err = drain(a.stderr());
      a.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
      a.stdin().close();

      assertThat(await(a.exitCode())).isEqualTo(4);
      assertThat(out.get(30, TimeUnit.SECONDS)).isEqualTo("got:hello\n");
      assertThat(err.get(30, TimeUnit.SECONDS)).isEqualTo("oops\n");
    } finally {
      await(fixture.runtime.remove(c.id(), true));
    }
  }

  @Test
  void startAttached_withTty_runsOnATerminalOfTheAskedSize_thatFollowsResizes() throws Exception {
    ContainerState c =
        await(
            fixture.runtime.create(
                spec(
                    true,
                    "sh",
                    "-c",
                    "[ -t 0 ] && [ -t 1 ] && echo on-a-tty; stty size; read x; stty size")));
    try {
      AttachedExec a = await(fixture.runtime.startAttached(c.id(), 100, 30));
      StringBuffer seen = new StringBuffer();
      CompletableFuture<String> out = drain(a.stdout(), seen);
      // Resize only once the first `stty size` has answered: a fixed sleep raced a slow start.
      Instant deadline = Instant.now().plusSeconds(20);
      while (!seen.toString().contains("30 100") && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      a.resizer().resize(123, 45);
      a.stdin().write("\n".getBytes(StandardCharsets.UTF_8));
      a.stdin().flush();

      assertThat(await(a.exitCode())).isZero();
      assertThat(out.get(30, TimeUnit.SECONDS).replace("\r", ""))
          .contains("on-a-tty\n30 100\n")
          .endsWith("45 123\n");
    } finally {
      await(fixture.runtime.remove(c.id(), true));
    }
  }

  private static ContainerSpec spec(boolean tty, String... command) {
    String name = "attach-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return ContainerSpec.of(name, "busybox").withCommand(List.of(command)).withTty(tty);
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return drain(in, new StringBuffer());
  }

  /** Reads {@code in} to its end, appending what arrives to {@code seen} as it comes. */
  private static CompletableFuture<String> drain(InputStream in, StringBuffer seen) {
    return CompletableFuture.supplyAsync(
        () -> {
          ByteArrayOutputStream buf = new ByteArrayOutputStream();
          byte[] chunk = new byte[4096];
          try (in) {
            for (int n; (n = in.read(chunk)) >= 0; ) {
              buf.write(chunk, 0, n);
              seen.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          return buf.toString(StandardCharsets.UTF_8);
        });
  }
}
